using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>A file sink found in code: its settings for <see cref="LogSinkModel"/>, where to report, and where each setting was written.</summary>
    internal sealed class LogSinkSite
    {
        private readonly SyntaxTree _tree;
        private readonly TextSpan _span;

        /// <summary>The site is read for every rule's look at it; its location is made only when a rule reports.</summary>
        public LogSinkSite(LogSinkSettings settings, SyntaxTree tree, TextSpan span)
        {
            Settings = settings;
            _tree = tree;
            _span = span;
        }

        public LogSinkSettings Settings { get; }

        public Location Location => Location.Create(_tree, _span);

        /// <summary>The value expression of the last explicit write of each setting (argument, initializer member, assignment);
        /// its location is made only for a diagnostic that points at it.</summary>
        public Dictionary<string, SyntaxNode> SettingLocations { get; } = new Dictionary<string, SyntaxNode>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The code side of <see cref="LogSinkModel"/>: reads Serilog <c>WriteTo.File</c>/<c>AuditTo.File</c>/<c>WriteTo.RollingFile</c>
    /// calls, NLog <c>FileTarget</c> creations (initializers and later assignments) and <c>WriteToFile</c>, and log4net
    /// <c>FileAppender</c>/<c>RollingFileAppender</c> creations, and ZLogger's <c>AddZLoggerRollingFile</c> calls, into plain values. Types are resolved by metadata name once per compilation.
    /// </summary>
    internal sealed class LogSinkCode
    {
        /// <summary>Diagnostic property: the <see cref="LogSinkFix"/> the finding allows.</summary>
        public const string FixProperty = "LogSinkFix";

        private static readonly string[] NLogSettings =
        {
            "FileName", "KeepFileOpen", "ConcurrentWrites", "ArchiveAboveSize", "ArchiveEvery", "ArchiveFileName", "MaxArchiveFiles", "MaxArchiveDays",
            "ArchiveOldFileOnStartup",
        };

        private static readonly string[] Log4NetSettings =
        {
            "File", "LockingModel", "MaxSizeRollBackups", "RollingStyle", "DatePattern", "StaticLogFileName", "AppendToFile", "MaxFileSize", "MaximumFileSize", "CountDirection",
        };

        private readonly INamedTypeSymbol? _serilogFileExtensions;
        private readonly INamedTypeSymbol? _serilogRollingFileExtensions;
        private readonly INamedTypeSymbol? _serilogAuditConfiguration;
        private readonly INamedTypeSymbol? _nlogFileTarget;
        private readonly INamedTypeSymbol? _nlogSetupTargetBuilder;
        private readonly NLogGeneration _nlogGeneration;
        private readonly INamedTypeSymbol? _log4netFileAppender;
        private readonly INamedTypeSymbol? _log4netRollingFileAppender;
        private readonly INamedTypeSymbol? _zloggerBuilderExtensions;
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _process;
        private readonly INamedTypeSymbol? _dns;
        private readonly INamedTypeSymbol? _dateTime;
        private readonly INamedTypeSymbol? _dateTimeOffset;

        private LogSinkCode(Compilation compilation)
        {
            var present = LibraryPresence.Of(compilation);
            _serilogFileExtensions = LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.FileLoggerConfigurationExtensions");
            _serilogRollingFileExtensions = LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.RollingFileLoggerConfigurationExtensions");
            _serilogAuditConfiguration = LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.Configuration.LoggerAuditSinkConfiguration");
            _nlogFileTarget = LibraryPresence.Lookup(compilation, present.NLog, "NLog.Targets.FileTarget");
            _nlogSetupTargetBuilder = LibraryPresence.Lookup(compilation, present.NLog, "NLog.Config.ISetupConfigurationTargetBuilder");
            if (_nlogFileTarget is not null)
            {
                _nlogGeneration = _nlogFileTarget.GetMembers("ConcurrentWrites").IsEmpty
                    ? NLogGeneration.V6
                    : LibraryPresence.Lookup(compilation, present.NLog, "NLog.Layouts.Layout`1") is null ? NLogGeneration.V4 : NLogGeneration.V5;
            }

            _log4netFileAppender = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Appender.FileAppender");
            _log4netRollingFileAppender = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Appender.RollingFileAppender");
            _zloggerBuilderExtensions = LibraryPresence.Lookup(compilation, present.ZLogger, "ZLogger.ZLoggerBuilderExtensions");
            _environment = TypeLookup.Get(compilation, "System.Environment");
            _process = TypeLookup.Get(compilation, "System.Diagnostics.Process");
            _dns = TypeLookup.Get(compilation, "System.Net.Dns");
            _dateTime = TypeLookup.Get(compilation, "System.DateTime");
            _dateTimeOffset = TypeLookup.Get(compilation, "System.DateTimeOffset");
        }

        /// <summary>Null when the compilation references none of the libraries.</summary>
        public static LogSinkCode? Create(Compilation compilation)
        {
            var code = new LogSinkCode(compilation);
            return code._serilogFileExtensions is null && code._serilogRollingFileExtensions is null && code._nlogFileTarget is null &&
                   code._log4netFileAppender is null && code._log4netRollingFileAppender is null && code._zloggerBuilderExtensions is null
                ? null
                : code;
        }

        /// <summary>Registers <paramref name="action"/> for every file sink in code (invocations and object creations: NLog
        /// targets and log4net appenders are created, Serilog sinks are called), and only for the operation kinds the
        /// compilation's libraries can produce a sink from: a Serilog-only project gets no callback on object creations, a
        /// project with NLog's FileTarget but no Serilog or NLog WriteToFile none on calls.</summary>
        public void Register(CompilationStartAnalysisContext start, Action<OperationAnalysisContext, LogSinkSite> action)
        {
            var called = _serilogFileExtensions is not null || _serilogRollingFileExtensions is not null || _nlogSetupTargetBuilder is not null ||
                         _zloggerBuilderExtensions is not null;
            var created = _nlogFileTarget is not null || _log4netFileAppender is not null || _log4netRollingFileAppender is not null;
            var kinds = new List<OperationKind>(2);
            if (called)
            {
                kinds.Add(OperationKind.Invocation);
            }

            if (created)
            {
                kinds.Add(OperationKind.ObjectCreation);
            }

            if (kinds.Count == 0)
            {
                return;
            }

            start.RegisterOperationAction(
                c =>
                {
                    if (Read(c.Operation, c.CancellationToken) is { } site)
                    {
                        action(c, site);
                    }
                },
                kinds.ToArray());
        }

        /// <summary>Reports every finding of <see cref="LogSinkModel"/> for a site, each under its rule's descriptor.</summary>
        public static void Report(OperationAnalysisContext context, LogSinkSite site, string? multiProcessReason)
        {
            foreach (var finding in LogSinkModel.Evaluate(site.Settings, multiProcessReason))
            {
                var descriptor = finding.Descriptor;
                var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, LogSinkFinding.FixName(finding.Fix));
                var additional = Array.Empty<Location>();
                if (LogSinkFinding.FixSetting(finding.Fix) is { } setting && site.SettingLocations.TryGetValue(setting.Name, out var existing))
                {
                    additional = new[] { existing.GetLocation() };
                }

                var severity = finding.IsInfo ? DiagnosticSeverity.Info : descriptor.DefaultSeverity;
                context.ReportUnlessGenerated(Diagnostic.Create(descriptor, site.Location, severity, additional, properties, finding.Arguments));
            }
        }

        public LogSinkSite? Read(IOperation operation, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return ReadInvocation(invocation, cancellationToken);
                case IObjectCreationOperation creation:
                    return ReadCreation(creation, cancellationToken);
                default:
                    return null;
            }
        }

        // ------------------------------------------------------------------ invocations: Serilog, NLog WriteToFile

        private LogSinkSite? ReadInvocation(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            LogSinkSettings settings;
            switch (method.Name)
            {
                case "File" when _serilogFileExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _serilogFileExtensions):
                    var receiver = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                    settings = new LogSinkSettings(SymbolEqualityComparer.Default.Equals(receiver, _serilogAuditConfiguration) ? LogSinkKind.SerilogAuditFile : LogSinkKind.SerilogFile);
                    break;
                case "RollingFile" when _serilogRollingFileExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _serilogRollingFileExtensions):
                    settings = new LogSinkSettings(LogSinkKind.SerilogRollingFile);
                    break;
                case "AddFile" when _serilogRollingFileExtensions is not null && method.ContainingAssembly?.Name == "Serilog.Extensions.Logging.File":
                    // Serilog.Extensions.Logging.File (which brings Serilog.Sinks.RollingFile) writes through
                    // WriteTo.RollingFile(…, shared: true) with its own fileSizeLimitBytes and retainedFileCountLimit
                    // (shared/research/logging-libraries.md §1): PM1001 never applies, retention does.
                    settings = new LogSinkSettings(LogSinkKind.SerilogRollingFile) { Display = "Serilog.Extensions.Logging.File AddFile" };
                    settings["shared"] = LogSettingValue.FromBool(true);
                    break;
                case "WriteToFile" when _nlogSetupTargetBuilder is not null && method.IsExtensionMethod && method.Parameters.Length > 0 &&
                                         SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _nlogSetupTargetBuilder):
                    settings = new LogSinkSettings(LogSinkKind.NLogFile, _nlogGeneration);
                    break;
                case "AddZLoggerRollingFile" when _zloggerBuilderExtensions is not null &&
                                                   SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _zloggerBuilderExtensions):
                    // Its path comes from a selector (a lambda) and it has no setting a rule reads: the call is the finding.
                    return invocation.Syntax is InvocationExpressionSyntax zlogger
                        ? new LogSinkSite(new LogSinkSettings(LogSinkKind.ZLoggerRollingFile), zlogger.SyntaxTree, InvocationSpan(zlogger))
                        : null;
                default:
                    return null;
            }

            if (invocation.Syntax is not InvocationExpressionSyntax syntax)
            {
                return null;
            }

            var site = new LogSinkSite(settings, syntax.SyntaxTree, InvocationSpan(syntax));
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Value is null)
                {
                    continue;
                }

                if (parameter.Name is "path" or "pathFormat" or "fileName")
                {
                    ReadPath(settings, argument.Value, cancellationToken);
                    continue;
                }

                var value = ValueOf(argument.Value);
                if (parameter.Name == "rollingInterval" && value.Kind is LogSettingKind.Unknown or LogSettingKind.UnknownNonNull &&
                    OperationFacts.ConstantOfUnchangedLocal(argument.Value, cancellationToken) is { } constant)
                {
                    // `var interval = RollingInterval.Day; … rollingInterval: interval` (win-acme, real-world round 12): the
                    // period is known, so the rules that depend on rolling by time judge it (PM2003's retention, PM3005's words).
                    value = FromConstant(constant);
                }

                settings[parameter.Name] = value;
                site.SettingLocations[parameter.Name] = argument.Value.Syntax;
            }

            return site;
        }

        /// <summary>From the method name to the end of the argument list: <c>File("log.txt", shared: false)</c>.</summary>
        private static TextSpan InvocationSpan(InvocationExpressionSyntax syntax)
        {
            var start = syntax.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.SpanStart,
                MemberBindingExpressionSyntax binding => binding.Name.SpanStart,
                _ => syntax.SpanStart,
            };
            return TextSpan.FromBounds(start, syntax.ArgumentList.Span.End);
        }

        // ------------------------------------------------------------------ object creations: NLog FileTarget, log4net appenders

        private LogSinkSite? ReadCreation(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            var type = creation.Type;
            if (type is null)
            {
                return null;
            }

            LogSinkSettings settings;
            string[] names;
            string pathName;
            if (_nlogFileTarget is not null && SymbolEqualityComparer.Default.Equals(type, _nlogFileTarget))
            {
                settings = new LogSinkSettings(LogSinkKind.NLogFile, _nlogGeneration);
                names = NLogSettings;
                pathName = "FileName";
            }
            else if (_log4netRollingFileAppender is not null && SymbolEqualityComparer.Default.Equals(type, _log4netRollingFileAppender))
            {
                settings = new LogSinkSettings(LogSinkKind.Log4NetRollingFile);
                names = Log4NetSettings;
                pathName = "File";
            }
            else if (_log4netFileAppender is not null && SymbolEqualityComparer.Default.Equals(type, _log4netFileAppender))
            {
                settings = new LogSinkSettings(LogSinkKind.Log4NetFile);
                names = Log4NetSettings;
                pathName = "File";
            }
            else
            {
                return null;
            }

            if (creation.Syntax is not BaseObjectCreationExpressionSyntax syntax)
            {
                return null;
            }

            var end = syntax.ArgumentList?.Span.End ?? syntax switch
            {
                ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type.Span.End,
                _ => syntax.NewKeyword.Span.End,
            };
            var site = new LogSinkSite(settings, syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));

            // new FileTarget { KeepFileOpen = false, ... }
            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        Apply(site, names, pathName, property.Property.Name, assignment.Value, cancellationToken);
                    }
                }
            }

            // var target = new FileTarget(); target.KeepFileOpen = false; (same body, after the creation)
            var holder = HolderOf(creation);
            if (holder is not null)
            {
                var root = creation;
                IOperation top = creation;
                while (top.Parent is not null)
                {
                    top = top.Parent;
                }

                foreach (var descendant in OperationFacts.Descendants(top))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment &&
                        assignment.Syntax.SpanStart > root.Syntax.Span.End &&
                        property.Instance is { } instance &&
                        SymbolEqualityComparer.Default.Equals(ReferencedSymbol(instance), holder))
                    {
                        Apply(site, names, pathName, property.Property.Name, assignment.Value, cancellationToken);
                    }
                    else if (descendant is IInvocationOperation call && descendant.Syntax.SpanStart > root.Syntax.Span.End && creation.SemanticModel is { } model)
                    {
                        // ConfigureRetention(target): a method of this file setting up the target it is given (the review of the
                        // twenty-seventh session).
                        ApplyInHelper(site, names, pathName, call, holder, model, cancellationToken);
                    }
                }

                // A target kept in a field (its initializer, or `_file = new FileTarget(…)`) is set up in any member of the
                // type in this file, a constructor most often (the same review).
                if (holder is IFieldSymbol or IPropertySymbol && creation.SemanticModel is { } typeModel)
                {
                    ApplyInType(site, names, pathName, holder, creation.Syntax, typeModel, cancellationToken);
                }
            }

            return site;
        }

        /// <summary>The settings a method of this file gives the target passed to it: <c>target.MaxArchiveFiles = 10</c> on its
        /// parameter, in its own body (one call deep).</summary>
        private void ApplyInHelper(LogSinkSite site, string[] names, string pathName, IInvocationOperation call, ISymbol holder, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { RefKind: RefKind.None } parameter ||
                    !SymbolEqualityComparer.Default.Equals(ReferencedSymbol(argument.Value), holder))
                {
                    continue;
                }

                if (OperationFacts.SameFileHelperBody(call, model, cancellationToken) is not { } body)
                {
                    return;
                }

                foreach (var descendant in OperationFacts.Descendants(body))
                {
                    if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IParameterReferenceOperation reference } property } assignment &&
                        SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition))
                    {
                        Apply(site, names, pathName, property.Property.Name, assignment.Value, cancellationToken);
                    }
                }
            }
        }

        /// <summary>The settings given to a target held in a field or property, by any member of its type in this file
        /// (<c>_file.MaxArchiveFiles = 14</c> in the constructor, or a helper of the file given <c>_file</c> there). Assignments
        /// and calls are found by name first. A member that makes another target for the holder (<c>_file = new
        /// FileTarget(…)</c>) sets up that one, not this one (the twenty-seventh session's third review).</summary>
        private void ApplyInType(LogSinkSite site, string[] names, string pathName, ISymbol holder, SyntaxNode creation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var reference in holder.ContainingType?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name: var name } } syntax &&
                        syntax.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                        (name.Identifier.ValueText == pathName || Array.IndexOf(names, name.Identifier.ValueText) >= 0) &&
                        !MakesAnotherTarget(syntax, holder, creation) &&
                        model.GetOperation(syntax, cancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } property } assignment &&
                        SymbolEqualityComparer.Default.Equals(ReferencedSymbol(instance), holder))
                    {
                        Apply(site, names, pathName, property.Property.Name, assignment.Value, cancellationToken);
                    }
                    else if (node is InvocationExpressionSyntax call &&
                             call.ArgumentList.Arguments.Any(argument => NamesHolder(argument.Expression, holder)) &&
                             !MakesAnotherTarget(call, holder, creation) &&
                             model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                    {
                        ApplyInHelper(site, names, pathName, invocation, holder, model, cancellationToken);
                    }
                }
            }
        }

        /// <summary><c>_file</c>, <c>this._file</c> or <c>Logs.s_file</c>, by name (the symbol is compared where it matters).</summary>
        private static bool NamesHolder(ExpressionSyntax expression, ISymbol holder)
            => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == holder.Name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText == holder.Name,
                MemberAccessExpressionSyntax { Expression: NameSyntax type, Name: var name } =>
                    name.Identifier.ValueText == holder.Name && holder.IsStatic &&
                    (type is QualifiedNameSyntax qualified ? qualified.Right : type as SimpleNameSyntax)?.Identifier.ValueText == holder.ContainingType?.Name,
                _ => false,
            };

        /// <summary>Is the node in a member that gives the holder another value than <paramref name="creation"/> (a new target,
        /// one of two by <c>?:</c>, one made elsewhere)?</summary>
        private static bool MakesAnotherTarget(SyntaxNode node, ISymbol holder, SyntaxNode creation)
        {
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member is null || member.Span.Contains(creation.Span))
            {
                return false;
            }

            foreach (var assignment in member.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (NamesHolder(assignment.Left, holder))
                {
                    return true;
                }
            }

            return false;
        }

        private void Apply(LogSinkSite site, string[] names, string pathName, string name, IOperation value, CancellationToken cancellationToken)
        {
            if (name == pathName)
            {
                ReadPath(site.Settings, value, cancellationToken);
                return;
            }

            if (Array.IndexOf(names, name) < 0)
            {
                return;
            }

            var setting = ValueOf(value);
            if (name == "RollingStyle" && setting.Kind is LogSettingKind.Unknown or LogSettingKind.UnknownNonNull &&
                OperationFacts.ConstantOfUnchangedLocal(value, cancellationToken) is { } constant)
            {
                // `var style = RollingMode.Size; … RollingStyle = style`, read as Serilog's rollingInterval is (the review of
                // the twenty-ninth session).
                setting = FromConstant(constant);
            }

            site.Settings[name] = setting;
            site.SettingLocations[name] = value.Syntax;
        }

        /// <summary>The local, field or property the new object is stored in.</summary>
        private static ISymbol? HolderOf(IOperation creation)
        {
            var current = OperationFacts.OutermostValue(creation);
            switch (current.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                    return field.InitializedFields[0];
                case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                    return property.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return ReferencedSymbol(assignment.Target);
                default:
                    return null;
            }
        }

        private static ISymbol? ReferencedSymbol(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
                IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => property.Property,
                _ => null,
            };
        }

        // ------------------------------------------------------------------ values

        /// <summary>A constant, null, an object creation's type name (log4net locking models), or unknown.</summary>
        internal static LogSettingValue ValueOf(IOperation value)
        {
            var nonNull = false;
            var current = value;
            while (true)
            {
                if (current.ConstantValue.HasValue)
                {
                    return FromConstant(current.ConstantValue.Value);
                }

                if (current is IDefaultValueOperation defaultValue)
                {
                    return defaultValue.Type is { IsValueType: true } valueType && valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                        ? LogSettingValue.UnknownNonNull
                        : LogSettingValue.Null;
                }

                if (current is IObjectCreationOperation { Type: { } created })
                {
                    return LogSettingValue.FromText(created.ToDisplayString());
                }

                if (current.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                {
                    nonNull = true;
                }

                if (current is IConversionOperation conversion)
                {
                    current = conversion.Operand;
                    continue;
                }

                return nonNull ? LogSettingValue.UnknownNonNull : LogSettingValue.Unknown;
            }
        }

        private static LogSettingValue FromConstant(object? constant) => constant switch
        {
            null => LogSettingValue.Null,
            bool b => LogSettingValue.FromBool(b),
            string s => LogSettingValue.FromText(s),
            int i => LogSettingValue.FromNumber(i),
            long l => LogSettingValue.FromNumber(l),
            short s16 => LogSettingValue.FromNumber(s16),
            byte u8 => LogSettingValue.FromNumber(u8),
            uint u32 => LogSettingValue.FromNumber(u32),
            sbyte s8 => LogSettingValue.FromNumber(s8),
            ushort u16 => LogSettingValue.FromNumber(u16),
            _ => LogSettingValue.Unknown,
        };

        // ------------------------------------------------------------------ paths

        private void ReadPath(LogSinkSettings settings, IOperation value, CancellationToken cancellationToken)
        {
            var hints = new StringBuilder();
            var scope = LogPathScope.Shared;
            var clock = false;
            var pattern = false;
            settings.PathText = DisplayText(value);
            ScanPath(value, hints, ref scope, ref clock, ref pattern, depth: 0, cancellationToken);
            settings.PathHints = hints.ToString();
            settings.PathScope = scope;
            settings.PathReadsTheClock = clock;
            settings.PathIsLog4NetPattern = pattern;
        }

        /// <summary>A constant path, or an interpolated one with its holes shown as {…}.</summary>
        private static string? DisplayText(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                if (value.ConstantValue.HasValue)
                {
                    break;
                }

                value = conversion.Operand;
            }

            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            // Path.Combine(root, "logs", "app.log") → {…}/logs/app.log
            if (value is IInvocationOperation combine && combine.TargetMethod is { Name: "Combine", ContainingType.Name: "Path" } &&
                combine.TargetMethod.ContainingType.ContainingNamespace?.ToDisplayString() == "System.IO")
            {
                var parts = new List<IOperation>();
                foreach (var argument in combine.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } array })
                    {
                        parts.AddRange(array.ElementValues);
                    }
                    else
                    {
                        parts.Add(argument.Value);
                    }
                }

                // Joined with the separator the written parts use (a backslash when they use only that: @".\logs" then "app.log"
                // shows as .\logs\app.log, not .\logs/app.log, real-world round 19), none after a part that ends in one.
                var texts = new List<string>(parts.Count);
                var backslashes = false;
                var slashes = false;
                foreach (var part in parts)
                {
                    var text = DisplayText(part) ?? "{…}";
                    backslashes |= text.IndexOf('\\') >= 0;
                    slashes |= text.IndexOf('/') >= 0;
                    texts.Add(text);
                }

                var separator = backslashes && !slashes ? '\\' : '/';
                var builder = new StringBuilder();
                foreach (var text in texts)
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] is not ('/' or '\\'))
                    {
                        builder.Append(separator);
                    }

                    builder.Append(text);
                }

                return builder.ToString();
            }

            if (value is IInterpolatedStringOperation interpolated)
            {
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text: { ConstantValue: { HasValue: true, Value: string text } } })
                    {
                        builder.Append(text);
                    }
                    else
                    {
                        builder.Append("{…}");
                    }
                }

                return builder.ToString();
            }

            return null;
        }

        /// <summary>Looks through the path expression (and the initializers of the locals it uses, two levels deep) for process and
        /// instance ids, and for the clock (<c>DateTime.Now</c>: a new name each time the path is built).</summary>
        private void ScanPath(IOperation value, StringBuilder hints, ref LogPathScope scope, ref bool clock, ref bool pattern, int depth, CancellationToken cancellationToken)
        {
            foreach (var operation in OperationFacts.DescendantsAndSelf(value))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation.ConstantValue is { HasValue: true, Value: string text })
                {
                    hints.Append(text).Append('|');
                    continue;
                }

                switch (operation)
                {
                    case IPropertyReferenceOperation property:
                        var containing = property.Property.ContainingType;
                        if ((property.Property.Name == "ProcessId" && SymbolEqualityComparer.Default.Equals(containing, _environment)) ||
                            (property.Property.Name == "Id" && SymbolEqualityComparer.Default.Equals(containing, _process)))
                        {
                            scope = LogPathScope.PerProcess;
                        }
                        else if (property.Property.Name == "MachineName" && SymbolEqualityComparer.Default.Equals(containing, _environment))
                        {
                            Raise(ref scope, LogPathScope.PerInstance);
                        }
                        else if (property.Property.Name is "Now" or "UtcNow" or "Today" && property.Property.IsStatic &&
                                 (SymbolEqualityComparer.Default.Equals(containing, _dateTime) || SymbolEqualityComparer.Default.Equals(containing, _dateTimeOffset)) &&
                                 NamesThePath(property, value))
                        {
                            clock = true;
                        }

                        break;
                    case IObjectCreationOperation { Type: { Name: "PatternString", ContainingNamespace: { Name: "Util", ContainingNamespace.Name: "log4net" } } }:
                        // log4net fills a PatternString's %date in when it is formatted, once (the session's second review).
                        pattern = true;
                        break;
                    case IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        if (method.ContainingAssembly is ISourceAssemblySymbol)
                        {
                            // A helper of the project may format the path as a PatternString (File = Expand("…%processid…")):
                            // not seen here, so the path's log4net patterns are not taken for literal text (the third review).
                            pattern = true;
                        }

                        if (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _environment) &&
                            invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string variable })
                        {
                            if (variable is "WEBSITE_INSTANCE_ID" or "HOSTNAME" or "COMPUTERNAME" or "POD_NAME" or "CONTAINER_APP_REPLICA_NAME" or "WEBSITE_ROLE_INSTANCE_ID")
                            {
                                Raise(ref scope, LogPathScope.PerInstance);
                            }
                        }
                        else if (method.Name == "GetHostName" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _dns))
                        {
                            Raise(ref scope, LogPathScope.PerInstance);
                        }

                        break;
                    case ILocalReferenceOperation local when depth < 2:
                        if (OperationFacts.InitializerOf(local.Local, operation, cancellationToken) is { } initializer)
                        {
                            ScanPath(initializer, hints, ref scope, ref clock, ref pattern, depth + 1, cancellationToken);
                        }

                        break;
                    case IFieldReferenceOperation field when depth < 2 && field.Field.IsStatic && field.Field.IsReadOnly:
                        if (OperationFacts.InitializerOf(field.Field, operation, cancellationToken) is { } fieldInitializer)
                        {
                            ScanPath(fieldInitializer, hints, ref scope, ref clock, ref pattern, depth + 1, cancellationToken);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Does the clock read become part of the name? Not inside a lambda or local function (NLog's
        /// <c>Layout.FromMethod(e => …)</c> runs per event, as <c>${date}</c>), nor in a condition that only picks between names
        /// (<c>DateTime.Now.Hour &lt; 12 ? "am.log" : "pm.log"</c>, a switch over it) (the session's reviews).
        /// </summary>
        private static bool NamesThePath(IOperation clock, IOperation path)
        {
            for (IOperation? current = clock; current is not null && current != path; current = current.Parent)
            {
                switch (current.Parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case IConditionalOperation conditional when conditional.Condition == current:
                        return false;
                    case ISwitchExpressionOperation choice when choice.Value == current:
                        return false;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or
                        BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual }:
                        return false;
                }
            }

            return true;
        }

        private static void Raise(ref LogPathScope scope, LogPathScope found)
        {
            if (found > scope)
            {
                scope = found;
            }
        }
    }
}
