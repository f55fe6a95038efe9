using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Logging APIs that make a failure visible: Microsoft.Extensions.Logging, Serilog, NLog,
    /// log4net, System.Diagnostics Trace/TraceSource/EventLog and the console (not Debug, which Release builds leave
    /// out, nor the console of a Windows GUI application, which has none). Resolved by
    /// metadata name once per compilation; a library that is not referenced simply never matches.
    /// </summary>
    internal sealed class LoggingTypes
    {
        private readonly INamedTypeSymbol?[] _loggerTypes;
        private readonly INamedTypeSymbol?[] _staticLoggingTypes;

        // A Windows GUI application (OutputType WinExe: WPF, WinForms) starts with no console, and .NET then gives
        // Console.Out and Console.Error a null stream (ConsolePal.Windows: an invalid standard handle is Stream.Null):
        // what it writes there is discarded, so a console write reports nothing. The same in a Windows service, known
        // only at the compilation's end (see ConsoleVisibility): PM3001 then asks a second instance, WithUnseenConsole.
        private readonly bool _consoleIsSeen;

        // For messages: what has no console.
        private readonly string _hostWithoutConsole = "a Windows application";

        private LoggingTypes(LoggingTypes seen, string hostWithoutConsole)
        {
            _loggerTypes = seen._loggerTypes;
            _staticLoggingTypes = seen._staticLoggingTypes;
            MelILogger = seen.MelILogger;
            MelILoggerOfT = seen.MelILoggerOfT;
            MelLoggerExtensions = seen.MelLoggerExtensions;
            _consoleIsSeen = false;
            _hostWithoutConsole = hostWithoutConsole;
        }

        private LoggingTypes(Compilation compilation)
        {
            _consoleIsSeen = compilation.Options.OutputKind != OutputKind.WindowsApplication;
            var present = LibraryPresence.Of(compilation);
            MelILogger = TypeLookup.Get(compilation, "Microsoft.Extensions.Logging.ILogger");
            MelILoggerOfT = TypeLookup.Get(compilation, "Microsoft.Extensions.Logging.ILogger`1");
            MelLoggerExtensions = TypeLookup.Get(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerTypes = new[]
            {
                MelILogger,
                LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.ILogger"),
                LibraryPresence.Lookup(compilation, present.NLog, "NLog.ILogger"),
                LibraryPresence.Lookup(compilation, present.NLog, "NLog.ILoggerBase"),
                LibraryPresence.Lookup(compilation, present.NLog, "NLog.Logger"),
                LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.ILog"),
                TypeLookup.Get(compilation, "System.Diagnostics.TraceSource"),
                TypeLookup.Get(compilation, "System.Diagnostics.EventLog"),
                TypeLookup.Get(compilation, "System.Diagnostics.TraceListener"),
            };
            _staticLoggingTypes = new[]
            {
                MelLoggerExtensions,
                LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.Log"),
                LibraryPresence.Lookup(compilation, present.NLog, "NLog.LogManager"),
                LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.LogManager"),
                TypeLookup.Get(compilation, "System.Diagnostics.Trace"),
                TypeLookup.Get(compilation, "System.Diagnostics.EventLog"),
                TypeLookup.Get(compilation, "System.Console"),
                TypeLookup.Get(compilation, "System.Environment"),
            };
        }

        public INamedTypeSymbol? MelILogger { get; }
        public INamedTypeSymbol? MelILoggerOfT { get; }
        public INamedTypeSymbol? MelLoggerExtensions { get; }

        public static LoggingTypes Create(Compilation compilation) => new LoggingTypes(compilation);

        /// <summary>The same types, judged as if nobody saw the console (of <paramref name="hostWithoutConsole"/>, for messages:
        /// "a Windows service").</summary>
        public LoggingTypes WithUnseenConsole(string hostWithoutConsole) => new LoggingTypes(this, hostWithoutConsole);

        /// <summary>Does this call report something to a log, a trace, the console or the user?</summary>
        public bool IsReportingCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (IsDebugOnly(method) || MakesALogger(method))
            {
                return false;
            }

            var containing = method.ContainingType;

            foreach (var type in _staticLoggingTypes)
            {
                if (type is not null && SymbolEqualityComparer.Default.Equals(containing, type))
                {
                    // Environment: only FailFast/Exit report; Console: any write, where a console is seen.
                    return type.Name switch
                    {
                        "Environment" => method.Name is "FailFast" or "Exit",
                        "Console" => _consoleIsSeen,
                        _ => true,
                    };
                }
            }

            var receiverType = invocation.Instance?.Type ?? containing;
            if (TypeSymbols.IsAny(receiverType, _loggerTypes))
            {
                return true;
            }

            // Console.Error.WriteLine(...), Console.Out.Write(...)
            if (IsConsoleWriterCall(invocation))
            {
                return _consoleIsSeen;
            }

            // [LoggerMessage] source-generated methods, and any call that is handed an ILogger.
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "LoggerMessageAttribute")
                {
                    return true;
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (TypeSymbols.IsAny(argument.Value.Type, _loggerTypes))
                {
                    return true;
                }
            }

            // A System.Diagnostics.Metrics instrument (`WriteFailures.Add(1)`): counted where it is monitored.
            if (method.Name is "Add" or "Record" && IsMetricsInstrument(containing))
            {
                return true;
            }

            // `SaveError?.Invoke(this, e)`: the event (or delegate) is the receiver of `?.`.
            var instance = invocation.Instance is { } receiver ? OperationFacts.ConditionalReceiver(receiver) : null;

            // Project-specific loggers and reporters: judged by the words in the names; the receiver's name only for a call
            // that may record something (`_failed.Add(path)`), not one that only reads (`_failedPaths.Contains(path)`).
            if (HasReportingWord(method.Name))
            {
                return true;
            }

            if (method.Name is "Contains" or "ContainsKey" or "ContainsValue" or "TryGetValue" or "IndexOf" or "Equals" or
                "GetHashCode" or "ToString" or "Peek" or "TryPeek" or "Exists" or "Find" or "GetType")
            {
                return false;
            }

            return (receiverType is not null && HasReportingWord(receiverType.Name)) ||
                   (instance is IMemberReferenceOperation member && HasReportingWord(member.Member.Name)) ||
                   (instance is ILocalReferenceOperation local && HasReportingWord(local.Local.Name)) ||
                   (instance is IParameterReferenceOperation parameter && HasReportingWord(parameter.Parameter.Name));
        }

        /// <summary><c>Counter&lt;T&gt;</c>, <c>UpDownCounter&lt;T&gt;</c>, <c>Histogram&lt;T&gt;</c>… of System.Diagnostics.Metrics.</summary>
        private static bool IsMetricsInstrument(INamedTypeSymbol? type)
            => type?.ContainingNamespace is { Name: "Metrics", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>
        /// Is <paramref name="operation"/> (an exception read in a catch, say) part of a write nobody sees in production,
        /// looking up to <paramref name="stopAt"/>: a call compiled only into Debug builds (<c>Debug.WriteLine(ex)</c>), or
        /// a console write in a Windows GUI application?
        /// </summary>
        public bool IsInUnseenWrite(IOperation operation, IOperation stopAt)
        {
            for (var current = operation.Parent; current is not null && current != stopAt; current = current.Parent)
            {
                if (current is IInvocationOperation invocation && (IsDebugOnly(invocation.TargetMethod) || IsUnseenConsoleWrite(invocation)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For a message: why a write the catch does make is not seen, when it makes one: " (Debug.WriteLine is left out of
        /// Release builds)", " (Console.WriteLine goes nowhere: a Windows application has no console)" (or a Windows
        /// service); else empty.
        /// </summary>
        public string UnseenWriteNote(IOperation handler)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(handler))
            {
                if (operation is not IInvocationOperation invocation || invocation.TargetMethod.ContainingType is not { } type)
                {
                    continue;
                }

                var name = type.Name + "." + invocation.TargetMethod.Name;
                if (IsDebugOnly(invocation.TargetMethod))
                {
                    return " (" + name + " is left out of Release builds)";
                }

                if (IsUnseenConsoleWrite(invocation))
                {
                    // Console.Error.WriteLine: the writer's property is named too.
                    var writer = invocation.Instance is IPropertyReferenceOperation property ? "Console." + property.Property.Name + "." + invocation.TargetMethod.Name : name;
                    return " (" + writer + " goes nowhere: " + _hostWithoutConsole + " has no console)";
                }
            }

            return string.Empty;
        }

        /// <summary>
        /// <c>[Conditional("DEBUG")]</c>, as every member of <c>System.Diagnostics.Debug</c> is: the compiler leaves the call
        /// out of a Release build, so in production it does nothing.
        /// </summary>
        public static bool IsDebugOnly(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ConditionalAttribute" } &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is "DEBUG")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A handler given as a lambda or anonymous method whose body only calls <c>[Conditional("DEBUG")]</c> methods
        /// (<c>msg =&gt; Debug.WriteLine(msg)</c>): a Release build leaves the calls out, so the handler receives every
        /// message and does nothing with it. A method group or any other value is not known to be empty.
        /// </summary>
        public static bool DoesNothingInRelease(IOperation? handler)
            => Unwrap(handler) is IAnonymousFunctionOperation { Body: { } body } && OnlyCalls(body, invocation => IsDebugOnly(invocation.TargetMethod), out _);

        /// <summary>
        /// A handler or writer that writes only to the console: <c>Console.Error</c>/<c>Console.Out</c> themselves, a method
        /// group of their <c>Write</c>/<c>WriteLine</c> or of <c>Console.WriteLine</c>, or a lambda that only makes such calls.
        /// In a Windows GUI application (no console) it writes nowhere.
        /// </summary>
        public static bool WritesOnlyToConsole(IOperation? handler) => Unwrap(handler) switch
        {
            IPropertyReferenceOperation property => IsConsoleWriter(property),
            IMethodReferenceOperation group => group.Instance is IPropertyReferenceOperation writer
                ? IsConsoleWriter(writer)
                : group.Method.ContainingType is { Name: "Console" } console && IsSystemConsole(console),
            IAnonymousFunctionOperation { Body: { } body } => OnlyCalls(body, IsConsoleWrite, out var calls) && calls,
            _ => false,
        };

        /// <summary>The value a delegate is made from: through conversions, delegate creations and parentheses.</summary>
        private static IOperation? Unwrap(IOperation? handler)
        {
            while (handler is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
            {
                handler = handler switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IDelegateCreationOperation creation => creation.Target,
                    _ => ((IParenthesizedOperation)handler).Operand,
                };
            }

            return handler;
        }

        /// <summary>Is every statement of the body a call the predicate accepts, a bare <c>return;</c> or empty? (<paramref name="calls"/>: was there a call.)</summary>
        private static bool OnlyCalls(IBlockOperation body, System.Func<IInvocationOperation, bool> accepted, out bool calls)
        {
            calls = false;
            foreach (var statement in body.Operations)
            {
                switch (statement)
                {
                    case IExpressionStatementOperation { Operation: IInvocationOperation invocation } when accepted(invocation):
                        calls = true;
                        continue;
                    case IReturnOperation { ReturnedValue: null }:
                    case IEmptyOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsConsoleWriter(IPropertyReferenceOperation property)
            => property.Property.Name is "Out" or "Error" && property.Property.ContainingType is { Name: "Console" } type && IsSystemConsole(type);

        /// <summary>A call of <c>Console.Write*</c>, or on <c>Console.Out</c> or <c>Console.Error</c>.</summary>
        private static bool IsConsoleWrite(IInvocationOperation invocation)
            => IsConsoleWriterCall(invocation) || invocation.TargetMethod.ContainingType is { Name: "Console" } type && IsSystemConsole(type);

        /// <summary>A console write (<c>Console.WriteLine</c>, <c>Console.Error.WriteLine</c>) where no console is seen: a
        /// Windows GUI application.</summary>
        private bool IsUnseenConsoleWrite(IInvocationOperation invocation) => !_consoleIsSeen && IsConsoleWrite(invocation);

        /// <summary>A call on <c>Console.Out</c> or <c>Console.Error</c>.</summary>
        private static bool IsConsoleWriterCall(IInvocationOperation invocation)
            => invocation.Instance is IPropertyReferenceOperation property && property.Property.ContainingType is { Name: "Console" } type && IsSystemConsole(type);

        private static bool IsSystemConsole(INamedTypeSymbol type)
            => type.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };

        private static readonly string[] ReportingWords =
        {
            "log", "logs", "logger", "logging", "warn", "warning", "error", "errors", "report", "reporter",
            "notify", "notifier", "alert", "fail", "failed", "fails", "failure", "failures", "trace", "tracer", "audit", "track",
            "telemetry", "show", "display", "print", "diagnostic", "diagnostics", "record",
        };

        /// <summary>
        /// A call that makes or finds a logger (<c>LoggerFactory.Create(…)</c>, <c>factory.CreateLogger("x")</c>,
        /// <c>Log.ForContext&lt;T&gt;()</c>) reports nothing by itself: only a call on what it returns does.
        /// </summary>
        private bool MakesALogger(IMethodSymbol method)
            => !method.ReturnsVoid &&
               (TypeSymbols.IsAny(method.ReturnType, _loggerTypes) ||
                method.ReturnType.Name is "ILoggerFactory" or "LoggerFactory" or "ILoggerProvider" or "LogFactory");

        /// <summary>Splits a PascalCase / camelCase / _underscored name into words and looks for a reporting word.</summary>
        public static bool HasReportingWord(string name)
        {
            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                var boundary = i == name.Length ||
                               name[i] == '_' ||
                               (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]));
                if (!boundary)
                {
                    continue;
                }

                var word = name.Substring(start, i - start).Trim('_');
                if (word.Length > 0)
                {
                    foreach (var candidate in ReportingWords)
                    {
                        if (string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }
                }

                start = i;
            }

            return false;
        }

        /// <summary>Is the type Microsoft.Extensions.Logging.ILogger or ILogger&lt;T&gt;?</summary>
        public bool IsMelLogger(ITypeSymbol? type)
            => type is not null &&
               (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, MelILogger) ||
                SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, MelILoggerOfT));
    }
}
