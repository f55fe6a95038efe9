using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Knowledge.ConfigFiles;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3004 (Info, compilation end): the compilation configures Serilog file output, an NLog file target, log4net or a
    /// ZLogger file or stream logger, and never switches on the channel the library reports its own failures to (SelfLog,
    /// InternalLogger, LogLog, ZLoggerOptions.InternalErrorLogger).
    /// When the disk fills or the file is locked, the library drops the events and says nothing (the second incident).
    /// Reported once per library, at its first configuring call (by file path, then position), or, when configuration
    /// files (AdditionalFiles) configure the library's sinks, once per such section there. One analyzer for both, so
    /// the compilation is read once for the switches.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3004LoggingFailuresInvisibleAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property on the diagnostic: the library ("Serilog", "NLog", "Log4Net", "ZLogger"), for the code fix.</summary>
        public const string LibraryProperty = "Library";

        /// <summary>Property on the diagnostic, "true" when nobody sees the application's console (a Windows application or
        /// service, <see cref="ConsoleVisibility"/>): the code fix then writes to a file instead.</summary>
        public const string NoConsoleProperty = "NoConsole";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3004LoggingFailuresInvisible;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var libraries = LoggingLibraries.Create(start.Compilation);

                // The logging configuration files (AdditionalFiles): a section with file sinks is reported there, once,
                // unless code switches the library's internal log on. Null when no file could report.
                var files = LoggingConfigFiles.Read(start.Compilation, start.Options, start.CancellationToken);
                var filesToReport = files is { MayReportInvisibleFailures: true } ? files : null;
                if (!libraries.HasAny && filesToReport is null)
                {
                    return;
                }

                // A Serilog section of appsettings.json left unread (sinks added in code, no ReadFrom.Configuration) neither
                // takes this rule over from the code nor is reported itself: the same question as the configuration-file
                // analyzer asks, answered the same way, from the calls the invocation actions below look at anyway (or
                // from its own action where there are none).
                var serilogSections = files is null ? null : SerilogSectionReading.Create(start.Compilation, files, start.CancellationToken);

                // A Windows GUI application (WinExe) or a Windows service has no console: a switch that writes only there
                // shows nothing. A service is known by a call, so that is decided at the compilation's end.
                var state = new CompilationState(libraries.NLogOutputNeedsLevel, libraries.NLogSubscriberNeedsLevel, ConsoleVisibility.Create(start.Compilation), serilogSections);

                // Without a file sink type nothing in code configures one, but when SelfLog exists a configuration
                // file's sections can still be made visible from code: then only the switches are looked for.
                var readsSwitches = libraries.HasAny || (filesToReport is not null && libraries.SerilogSelfLog is not null);
                if (serilogSections is not null && !readsSwitches)
                {
                    serilogSections.Register(start);
                }

                if (libraries.HasAny)
                {
                    start.RegisterOperationAction(c => OnInvocation(c, libraries, state), OperationKind.Invocation);
                    if (libraries.HasNLog || libraries.HasLog4Net)
                    {
                        // NLog targets and log4net appenders are created, and so is log4net's LogReceivedAdapter; nothing of Serilog's is.
                        start.RegisterOperationAction(c => OnCreation(c, libraries, state), OperationKind.ObjectCreation);
                    }

                    if (libraries.Log4NetXmlConfiguratorAttribute is not null)
                    {
                        start.RegisterSyntaxNodeAction(c => OnAttributeList(c, libraries, state), SyntaxKind.AttributeList);
                    }
                }
                else if (readsSwitches)
                {
                    start.RegisterOperationAction(c => OnEnablingCall(c, libraries, state), OperationKind.Invocation);
                }

                if (readsSwitches && libraries.HasAssignmentSwitches)
                {
                    // NLog's and log4net's internal logs are also switched on by assignments and events; Serilog's SelfLog by a call.
                    start.RegisterOperationAction(c => OnAssignment(c, libraries, state), OperationKind.SimpleAssignment);
                    start.RegisterOperationAction(c => OnEventAssignment(c, libraries, state), OperationKind.EventAssignment);
                    if (libraries.HasZLogger)
                    {
                        // options.InternalErrorLogger += handler: a delegate property added to. Only where ZLogger is
                        // referenced, so no other compilation pays a callback on each compound assignment.
                        start.RegisterOperationAction(c => OnCompoundAssignment(c, libraries, state), OperationKind.CompoundAssignment);
                    }
                }

                start.RegisterCompilationEndAction(c =>
                {
                    var serilogSectionsUnread = serilogSections?.SectionsUnread ?? false;
                    if (files is not null)
                    {
                        // nlog.config's internal log and the code's make one: a level or output of either counts with the other's.
                        foreach (var effect in files.NLogInternalLogSwitches(c.CancellationToken, out var outputToConsole))
                        {
                            state.Switch(LoggingLibrary.NLog, effect, debugOnly: false, toConsole: effect == SwitchEffect.NLogOutput && outputToConsole);
                        }
                    }

                    var reportedInCode = ReportInCode(c, files, state);
                    if (filesToReport is not null)
                    {
                        ReportInConfigurationFiles(c, filesToReport, state, serilogSectionsUnread, reportedInCode);
                    }
                });
            });
        }

        private static void OnInvocation(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            state.SerilogSections?.Observe(invocation, context.CancellationToken);
            if (libraries.TryGetConfiguringCall(invocation, out var library, out var display))
            {
                // Only the first configuring site of a library (by rank, then file and position) is reported: a site after
                // the first found so far cannot become it, generated or not, so it is not checked further.
                var rank = library == LoggingLibrary.Log4Net ? Log4NetConfiguratorRank : 0;
                if (!state.MayBeFirst(library, invocation.Syntax.SyntaxTree, ConfiguringStart(invocation), rank) || GeneratedCode.IsGenerated(context))
                {
                    return;
                }

                state.Configure(library, ConfiguringLocation(invocation), display, rank);
            }
            else
            {
                OnEnablingInvocation(context, libraries, state, invocation);
            }
        }

        /// <summary>Where no configuring call can be made (no file sink type): the switches, and the Serilog section's readers.</summary>
        private static void OnEnablingCall(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            state.SerilogSections?.Observe(invocation, context.CancellationToken);
            OnEnablingInvocation(context, libraries, state, invocation);
        }

        private static void OnEnablingInvocation(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state, IInvocationOperation invocation)
        {
            if (libraries.TryGetEnablingCall(invocation, out var library))
            {
                // SelfLog.Enable(msg => Debug.WriteLine(msg)): the handler is called and writes nothing in Release;
                // SelfLog.Enable(Console.Error) in a Windows application or service writes nowhere.
                var handler = library == LoggingLibrary.Serilog && invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null;
                var conditional = RunsOnlyInDebugBuilds(context);
                var emptyInRelease = LoggingTypes.DoesNothingInRelease(handler);
                var toConsole = state.Console.MayBeUnseen && LoggingTypes.WritesOnlyToConsole(handler);
                state.Enable(library, debugOnly: conditional || emptyInRelease, toConsole);
                if (handler is not null && !conditional && (emptyInRelease || toConsole))
                {
                    // A call that runs in Release with a handler nobody sees: the last SelfLog.Enable to run wins, so the fix
                    // replaces this handler rather than add a call that this one may replace (real-world round 12, Umbraco).
                    state.NoteUnseenHandler(invocation.Arguments[0].Syntax.GetLocation(), AlwaysRuns(invocation));
                }
            }
            else if (libraries.GetInternalLoggerBuilderEffect(invocation) is not SwitchEffect.None and var effect)
            {
                // SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).LogToFile(…)): each call as the property or
                // event it sets. LogToConsole(true), or a writer to the console, in a Windows application or service: no output.
                var toConsole = state.Console.MayBeUnseen && effect == SwitchEffect.NLogOutput &&
                                (invocation.TargetMethod.Name == "LogToConsole" ||
                                 (invocation.TargetMethod.Name == "LogToWriter" && LoggingTypes.WritesOnlyToConsole(invocation.Arguments[invocation.Arguments.Length - 1].Value)));
                state.Switch(LoggingLibrary.NLog, effect, debugOnly: RunsOnlyInDebugBuilds(context), toConsole);
            }
            else
            {
                state.Console.Observe(invocation);
            }
        }

        /// <summary>
        /// Does the call run whenever its member does: a statement of its own (or the member's expression body, or a
        /// top-level statement) in blocks only, up to the member, not under an <c>if</c>, a loop, a <c>switch</c>, a
        /// <c>try</c>, a lambda or a local function, nor inside another expression (<c>?.</c>, <c>&amp;&amp;</c>, <c>?:</c>)?
        /// </summary>
        private static bool AlwaysRuns(IInvocationOperation invocation)
        {
            var node = invocation.Syntax;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is ArrowExpressionClauseSyntax { Parent: MemberDeclarationSyntax })
            {
                return true;
            }

            if (node.Parent is not ExpressionStatementSyntax statement)
            {
                return false;
            }

            for (SyntaxNode current = statement; current.Parent is { } parent; current = parent)
            {
                switch (parent)
                {
                    case BlockSyntax:
                        continue;
                    case GlobalStatementSyntax:
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Inside a <c>[Conditional("DEBUG")]</c> method or local function: a Release build leaves every call of it out, so
        /// a switch there never runs in production (as PM3001 treats such calls).
        /// </summary>
        private static bool RunsOnlyInDebugBuilds(OperationAnalysisContext context)
        {
            if (context.ContainingSymbol is IMethodSymbol method && LoggingTypes.IsDebugOnly(method))
            {
                return true;
            }

            for (var current = context.Operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local && LoggingTypes.IsDebugOnly(local.Symbol))
                {
                    return true;
                }
            }

            return false;
        }

        // Where a library is reported: its first configuring site by rank, then by file and position. Every site ranks 0
        // but log4net's: a file appender's creation comes first, then a configurator (XmlConfigurator, BasicConfigurator, the
        // assembly attribute), then any other appender (a console's failures are not the full disk the message speaks of;
        // real-world round 30 found the report on a console appender in a method nothing called).
        private const int Log4NetConfiguratorRank = 1;
        private const int Log4NetOtherAppenderRank = 2;

        private static void OnCreation(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (libraries.TryGetConfiguringCreation(creation, out var library, out var display, out var writesFiles))
            {
                var rank = writesFiles ? 0 : Log4NetOtherAppenderRank;
                if (!state.MayBeFirst(library, creation.Syntax.SyntaxTree, creation.Syntax.SpanStart, rank) || GeneratedCode.IsGenerated(context))
                {
                    return;
                }

                state.Configure(library, creation.Syntax.GetLocation(), display, rank);
            }
            else if (libraries.IsEnablingCreation(creation))
            {
                state.Enable(LoggingLibrary.Log4Net, debugOnly: RunsOnlyInDebugBuilds(context), toConsole: false);
            }
        }

        private static void OnAssignment(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            var effect = libraries.GetAssignmentEffect(assignment, out var library);
            Switch(context, state, assignment, effect, library);
        }

        /// <summary><c>options.InternalErrorLogger += handler</c> sets ZLogger's handler as <c>=</c> does; <c>-=</c> sets nothing.</summary>
        private static void OnCompoundAssignment(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var assignment = (ICompoundAssignmentOperation)context.Operation;
            if (assignment.OperatorKind == BinaryOperatorKind.Add &&
                libraries.GetAssignmentEffect(assignment, out var library) is SwitchEffect.ZLoggerErrorHandler and var effect)
            {
                Switch(context, state, assignment, effect, library);
            }
        }

        private static void Switch(OperationAnalysisContext context, CompilationState state, IAssignmentOperation assignment, SwitchEffect effect, LoggingLibrary library)
        {
            if (effect == SwitchEffect.ZLoggerErrorHandler)
            {
                // options.InternalErrorLogger = ex => Debug.WriteLine(ex) writes nothing in Release, as a SelfLog handler would.
                state.Enable(
                    library,
                    debugOnly: RunsOnlyInDebugBuilds(context) || LoggingTypes.DoesNothingInRelease(assignment.Value),
                    toConsole: state.Console.MayBeUnseen && LoggingTypes.WritesOnlyToConsole(assignment.Value));
            }
            else if (effect != SwitchEffect.None)
            {
                // InternalLogger.LogToConsoleError = true (or LogWriter = Console.Out) in a Windows application or service: no output.
                var toConsole = state.Console.MayBeUnseen && effect == SwitchEffect.NLogOutput &&
                                (OperationFacts.UnwrapConversions(assignment.Target) is IPropertyReferenceOperation { Property.Name: "LogToConsole" or "LogToConsoleError" } ||
                                 LoggingTypes.WritesOnlyToConsole(assignment.Value));
                state.Switch(library, effect, debugOnly: RunsOnlyInDebugBuilds(context), toConsole);
            }
        }

        private static void OnEventAssignment(OperationAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var assignment = (IEventAssignmentOperation)context.Operation;
            if (libraries.TryGetEnablingEvent(assignment, out var library))
            {
                var debugOnly = RunsOnlyInDebugBuilds(context) || LoggingTypes.DoesNothingInRelease(assignment.HandlerValue);
                var toConsole = state.Console.MayBeUnseen && LoggingTypes.WritesOnlyToConsole(assignment.HandlerValue);
                if (library == LoggingLibrary.NLog)
                {
                    // NLog's InternalLogger calls its subscribers only at its level (NLog 5 and 6: Off by default).
                    state.Switch(library, SwitchEffect.NLogSubscriber, debugOnly, toConsole);
                }
                else
                {
                    state.Enable(library, debugOnly, toConsole);
                }
            }
        }

        /// <summary><c>[assembly: log4net.Config.XmlConfigurator(Watch = true)]</c> configures log4net from its config file.</summary>
        private static void OnAttributeList(SyntaxNodeAnalysisContext context, LoggingLibraries libraries, CompilationState state)
        {
            var list = (AttributeListSyntax)context.Node;
            if (list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword))
            {
                return;
            }

            if (GeneratedCode.IsGenerated(list.SyntaxTree, context.Options, context.CancellationToken))
            {
                return;
            }

            foreach (var attribute in list.Attributes)
            {
                if (context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type is { } type &&
                    TypeSymbols.InheritsFromOrEquals(type, libraries.Log4NetXmlConfiguratorAttribute))
                {
                    state.Configure(LoggingLibrary.Log4Net, attribute.GetLocation(), "[assembly: " + type.Name.Replace("Attribute", string.Empty) + "]", Log4NetConfiguratorRank);
                }
            }
        }

        /// <summary>Where <see cref="ConfiguringLocation"/> starts (the method name of <c>.WriteTo.File(…)</c>), without
        /// making the location.</summary>
        private static int ConfiguringStart(IInvocationOperation invocation)
            => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.SpanStart
                : invocation.Syntax.SpanStart;

        /// <summary><c>.WriteTo.File(…)</c>: from the method name to the end of the call, so a fluent chain is not underlined whole.</summary>
        private static Location ConfiguringLocation(IInvocationOperation invocation)
            => Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(ConfiguringStart(invocation), invocation.Syntax.Span.End));

        /// <returns>The libraries reported (a bit per <see cref="LoggingLibrary"/>).</returns>
        private static int ReportInCode(CompilationAnalysisContext context, LoggingConfigFiles? files, CompilationState state)
        {
            var reported = 0;
            for (var i = 0; i < LoggingLibraries.Count; i++)
            {
                var library = (LoggingLibrary)i;
                if (!state.TryGetUnreported(library, out var location, out var display, out var debugOnly, out var consoleOnly))
                {
                    continue;
                }

                if (files is not null && files.TakesOverInCode(library, state.Console.IsUnseen, context.CancellationToken))
                {
                    continue;
                }

                reported |= 1 << i;

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    location,
                    library == LoggingLibrary.Serilog && (debugOnly || consoleOnly) ? state.UnseenHandlers() : null,
                    Properties(library, state.Console, context.Compilation),
                    LoggingLibraries.Describe(library, display),
                    LoggingLibraries.ChannelState(library, debugOnly, consoleOnly, state.Console.Host)));
            }

            return reported;
        }

        /// <summary>
        /// Once per configuration section that has a file sink, when nothing makes its failures visible and the library was
        /// not reported in code (<paramref name="reportedInCode"/>: Serilog's, whose one switch is in code, where the fix is).
        /// </summary>
        private static void ReportInConfigurationFiles(CompilationAnalysisContext context, LoggingConfigFiles files, CompilationState state, bool serilogSectionsUnread, int reportedInCode)
        {
            foreach (var file in files.Files)
            {
                var model = files.GetModel(file, context.CancellationToken);
                if (model is null || model.Error is not null || model.Sections.Count == 0)
                {
                    continue;
                }

                SourceText? text = null;
                foreach (var section in model.Sections)
                {
                    var library = section.Library switch
                    {
                        LogLibrary.Serilog => LoggingLibrary.Serilog,
                        LogLibrary.NLog => LoggingLibrary.NLog,
                        _ => LoggingLibrary.Log4Net,
                    };
                    if ((reportedInCode & (1 << (int)library)) != 0)
                    {
                        continue;
                    }

                    var consoleUnseen = state.Console.IsUnseen;
                    if (!files.NeedsInvisibleFailuresCheck(section, consoleUnseen, serilogSectionsUnread) || state.IsEnabled(library, out var debugOnly, out var consoleOnly))
                    {
                        continue;
                    }

                    text ??= file.GetText(context.CancellationToken);
                    if (text is null)
                    {
                        break;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        LoggingConfigFiles.CreateLocation(file.Path, text, section.Anchor),
                        Properties(library, state.Console, context.Compilation),
                        LoggingLibraries.Describe(library, LoggingConfigReader.FileName(file.Path)),
                        LoggingLibraries.ChannelState(library, debugOnly, consoleOnly || LoggingConfigFiles.WritesOnlyToAMissingConsole(section, consoleUnseen), state.Console.Host)));
                }
            }
        }

        /// <summary>The library, and for the fix whether to write to a file rather than the console: in a Windows application
        /// or service, and in a library of Windows GUI applications (a console there is as good as none).</summary>
        private static ImmutableDictionary<string, string?> Properties(LoggingLibrary library, ConsoleVisibility console, Compilation compilation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, library.ToString());
            return console.IsUnseen || ConsoleVisibility.IsLibraryOfWindowsApps(compilation) ? properties.Add(NoConsoleProperty, "true") : properties;
        }

        /// <summary>Per compilation: the first configuring call of each library and whether its channel is switched on.</summary>
        private sealed class CompilationState
        {
            private readonly object _gate = new object();
            private readonly Location?[] _first = new Location?[LoggingLibraries.Count];
            private readonly int[] _firstRank = new int[LoggingLibraries.Count];
            private readonly string[] _display = new string[LoggingLibraries.Count];
            private readonly bool[] _enabled = new bool[LoggingLibraries.Count];

            // Switched on only where Release builds leave it out ([Conditional("DEBUG")] code, a Debug.WriteLine handler):
            // still reported, with a message that says so.
            private readonly bool[] _debugOnly = new bool[LoggingLibraries.Count];

            // Switched on only to the console (noted where the console may turn out unseen): counts at the compilation's end
            // unless nobody sees the console (a Windows application or service), then reported, saying so.
            private readonly bool[] _toConsole = new bool[LoggingLibraries.Count];
            private readonly List<Location> _unseenHandlers = new List<Location>();
            private bool _conditionalUnseenHandler;
            private readonly bool _nlogOutputNeedsLevel;
            private readonly bool _nlogSubscriberNeedsLevel;
            private bool _nlogLevel;
            private bool _nlogLevelOff;
            private bool _nlogOutput;
            private bool _nlogConsoleOutput;
            private bool _nlogSubscriber;
            private bool _nlogConsoleSubscriber;

            /// <summary>Whether a Serilog section of the configuration files is read (null when the question does not arise).</summary>
            public SerilogSectionReading? SerilogSections { get; }

            public CompilationState(bool nlogOutputNeedsLevel, bool nlogSubscriberNeedsLevel, ConsoleVisibility console, SerilogSectionReading? serilogSections)
            {
                _nlogOutputNeedsLevel = nlogOutputNeedsLevel;
                _nlogSubscriberNeedsLevel = nlogSubscriberNeedsLevel;
                Console = console;
                SerilogSections = serilogSections;
            }

            /// <summary>Whether anyone sees the console; <see cref="ConsoleVisibility.IsUnseen"/> holds at the compilation's end.</summary>
            public ConsoleVisibility Console { get; }

            public void Configure(LoggingLibrary library, Location location, string display, int rank)
            {
                lock (_gate)
                {
                    var index = (int)library;
                    if (_first[index] is not { } current || rank < _firstRank[index] || (rank == _firstRank[index] && Compare(location, current) < 0))
                    {
                        _first[index] = location;
                        _firstRank[index] = rank;
                        _display[index] = display;
                    }
                }
            }

            /// <summary>Would a site of this rank at this position come before the library's first configuring site found so far?</summary>
            public bool MayBeFirst(LoggingLibrary library, SyntaxTree tree, int start, int rank)
            {
                lock (_gate)
                {
                    var index = (int)library;
                    return _first[index] is not { } current || rank < _firstRank[index] || (rank == _firstRank[index] && Compare(tree.FilePath, start, current) < 0);
                }
            }

            public void Enable(LoggingLibrary library, bool debugOnly, bool toConsole)
            {
                lock (_gate)
                {
                    if (debugOnly)
                    {
                        _debugOnly[(int)library] = true;
                    }
                    else if (toConsole)
                    {
                        _toConsole[(int)library] = true;
                    }
                    else
                    {
                        _enabled[(int)library] = true;
                    }
                }
            }

            /// <summary>The handler argument of a <c>SelfLog.Enable</c> that runs in Release but writes nowhere seen (a
            /// <c>Debug.WriteLine</c> handler, the console of an application without one).</summary>
            public void NoteUnseenHandler(Location handler, bool alwaysRuns)
            {
                lock (_gate)
                {
                    _unseenHandlers.Add(handler);
                    _conditionalUnseenHandler |= !alwaysRuns;
                }
            }

            /// <summary>The handlers of <see cref="NoteUnseenHandler"/>, by file and position (the diagnostic's additional
            /// locations, for the fix); none when one of them runs only under a condition (<c>if (Debugger.IsAttached)</c>):
            /// replaced there, it would still not run in production, so the fix inserts its own call instead.</summary>
            public IEnumerable<Location> UnseenHandlers()
            {
                lock (_gate)
                {
                    if (_conditionalUnseenHandler)
                    {
                        return Enumerable.Empty<Location>();
                    }

                    var handlers = _unseenHandlers.ToList();
                    handlers.Sort(Compare);
                    return handlers;
                }
            }

            /// <summary>An assignment's effect: NLog's InternalLogger writes once it has an output, and under NLog 5 a level too.</summary>
            public void Switch(LoggingLibrary library, SwitchEffect effect, bool debugOnly, bool toConsole)
            {
                lock (_gate)
                {
                    if (debugOnly)
                    {
                        // Counted apart: a level set in Debug-only code and an output set elsewhere do not make a switch.
                        _debugOnly[(int)library] = true;
                        return;
                    }

                    switch (effect)
                    {
                        case SwitchEffect.NLogLevel:
                            _nlogLevel = true;
                            break;
                        case SwitchEffect.NLogLevelOff:
                            _nlogLevelOff = true;
                            break;
                        case SwitchEffect.NLogSubscriber when toConsole:
                            _nlogConsoleSubscriber = true;
                            break;
                        case SwitchEffect.NLogSubscriber:
                            _nlogSubscriber = true;
                            break;
                        case SwitchEffect.NLogOutput when toConsole:
                            // An output to a console nobody may see: an output only if someone does (decided at the end).
                            _nlogConsoleOutput = true;
                            break;
                        case SwitchEffect.NLogOutput:
                            _nlogOutput = true;
                            break;
                        default:
                            _enabled[(int)library] = true;
                            break;
                    }
                }
            }

            /// <summary>At the compilation's end: is the library's channel switched on where someone sees it?</summary>
            public bool IsEnabled(LoggingLibrary library, out bool debugOnly, out bool consoleOnly)
            {
                var unseen = Console.IsUnseen;
                lock (_gate)
                {
                    var index = (int)library;
                    debugOnly = _debugOnly[index];
                    consoleOnly = unseen && (_toConsole[index] || (library == LoggingLibrary.NLog && (_nlogConsoleOutput || _nlogConsoleSubscriber)));
                    if (_enabled[index] || (!unseen && _toConsole[index]))
                    {
                        return true;
                    }

                    if (library != LoggingLibrary.NLog)
                    {
                        return false;
                    }

                    // NLog's InternalLogger assigned: an output (a seen one) and a level, set (not Off) or, under NLog 4 and
                    // 6, raised to Info by the output unless set Off; or a subscriber (a seen one) and a level, which
                    // NLog 4 has by default.
                    // Any output raises the level, also a console nobody sees (a file subscriber then receives at Info).
                    var output = _nlogOutput || (!unseen && _nlogConsoleOutput);
                    var subscriber = _nlogSubscriber || (!unseen && _nlogConsoleSubscriber);
                    var level = _nlogLevel ||
                                (!_nlogLevelOff && (((_nlogOutput || _nlogConsoleOutput) && !_nlogOutputNeedsLevel) || !_nlogSubscriberNeedsLevel && subscriber));
                    return (output || subscriber) && level;
                }
            }

            public bool TryGetUnreported(LoggingLibrary library, out Location location, out string display, out bool debugOnly, out bool consoleOnly)
            {
                var enabled = IsEnabled(library, out debugOnly, out consoleOnly);
                lock (_gate)
                {
                    var index = (int)library;
                    location = _first[index] ?? Location.None;
                    display = _display[index] ?? string.Empty;
                    return _first[index] is not null && !enabled;
                }
            }

            private static int Compare(Location a, Location b) => Compare(a.SourceTree?.FilePath, a.SourceSpan.Start, b);

            private static int Compare(string? path, int start, Location b)
            {
                var byPath = string.CompareOrdinal(path, b.SourceTree?.FilePath);
                return byPath != 0 ? byPath : start.CompareTo(b.SourceSpan.Start);
            }
        }
    }
}
