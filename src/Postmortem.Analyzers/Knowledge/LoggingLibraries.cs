using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>The logging libraries whose own failures go to an internal channel that is off by default.</summary>
    internal enum LoggingLibrary
    {
        Serilog = 0,
        NLog = 1,
        Log4Net = 2,
        ZLogger = 3,
    }

    /// <summary>What an assignment does to a library's internal failure channel (<see cref="LoggingLibraries.GetAssignmentEffect"/>).</summary>
    internal enum SwitchEffect
    {
        None,

        /// <summary>Switches the channel on by itself (<c>ThrowExceptions = true</c>, <c>LogLog.InternalDebugging = true</c>).</summary>
        Enables,

        /// <summary>NLog <c>InternalLogger.LogLevel</c> set to a level other than Off: it writes only with an output.</summary>
        NLogLevel,

        /// <summary>NLog <c>InternalLogger.LogLevel = LogLevel.Off</c> (or <c>SetMinimumLogLevel(LogLevel.Off)</c>): an
        /// output set before or after it no longer raises the level under NLog 6 (checked with 6.2.0: nothing written).</summary>
        NLogLevelOff,

        /// <summary>An output of NLog's InternalLogger (<c>LogFile</c>, <c>LogToConsole</c>, <c>LogToConsoleError</c>,
        /// <c>LogToTrace</c>, <c>LogWriter</c>): it writes by itself under NLog 4 and 6, only with a level under NLog 5
        /// (<see cref="LoggingLibraries.NLogOutputNeedsLevel"/>).</summary>
        NLogOutput,

        /// <summary>A subscriber of NLog's InternalLogger (<c>LogMessageReceived</c>/<c>InternalEventOccurred</c> +=,
        /// <c>AddLogSubscription</c>/<c>AddEventSubscription</c>): it receives only with a level, under NLog 5 and 6 alike,
        /// and sets none (checked with 5.0.4 and 6.2.0: no message at level Off, both with Warn); NLog 4's level is Info
        /// by default (4.7.13: received) (<see cref="LoggingLibraries.NLogSubscriberNeedsLevel"/>).</summary>
        NLogSubscriber,

        /// <summary>ZLogger's <c>ZLoggerOptions.InternalErrorLogger</c> given a handler (not null): counts as a handler does,
        /// so one that only writes to <c>Debug</c> or to a console nobody sees does not.</summary>
        ZLoggerErrorHandler,
    }

    /// <summary>
    /// How Serilog, NLog and log4net are configured in code, and how their internal failure channel is switched on
    /// (shared/research/logging-libraries.md: Serilog SelfLog is silent until <c>SelfLog.Enable</c>; the NLog
    /// InternalLogger is Off and ThrowExceptions false; log4net reports an appender's first error only when
    /// <c>LogLog.InternalDebugging</c> is on), and ZLogger v2 (its file and stream writers catch a failed write and call
    /// <c>ZLoggerOptions.InternalErrorLogger</c>, null by default: checked with ZLogger 2.6.1). Types are resolved by
    /// metadata name once per compilation; a library that is not referenced never matches.
    /// </summary>
    internal sealed class LoggingLibraries
    {
        public const int Count = 4;

        private LoggingLibraries(Compilation compilation)
        {
            var present = LibraryPresence.Of(compilation);
            SerilogSinkConfiguration = LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.Configuration.LoggerSinkConfiguration");
            SerilogSelfLog = LibraryPresence.Lookup(compilation, present.Serilog, "Serilog.Debugging.SelfLog");
            NLogFileTarget = LibraryPresence.Lookup(compilation, present.NLog, "NLog.Targets.FileTarget");
            NLogInternalLogger = LibraryPresence.Lookup(compilation, present.NLog, "NLog.Common.InternalLogger");
            NLogLogManager = LibraryPresence.Lookup(compilation, present.NLog, "NLog.LogManager");
            NLogLogFactory = LibraryPresence.Lookup(compilation, present.NLog, "NLog.LogFactory");
            NLogLogLevel = LibraryPresence.Lookup(compilation, present.NLog, "NLog.LogLevel");
            Log4NetAppenderSkeleton = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Appender.AppenderSkeleton");
            Log4NetFileAppender = Log4NetAppenderSkeleton is null ? null : LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Appender.FileAppender");
            Log4NetXmlConfigurator = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Config.XmlConfigurator");
            Log4NetBasicConfigurator = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Config.BasicConfigurator");
            Log4NetXmlConfiguratorAttribute = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Config.XmlConfiguratorAttribute");
            Log4NetLogLog = LibraryPresence.Lookup(compilation, present.Log4Net, "log4net.Util.LogLog");
            ZLoggerBuilderExtensions = LibraryPresence.Lookup(compilation, present.ZLogger, "ZLogger.ZLoggerBuilderExtensions");
            ZLoggerOptions = ZLoggerBuilderExtensions is null ? null : LibraryPresence.Lookup(compilation, present.ZLogger, "ZLogger.ZLoggerOptions");
            ZLoggerConsoleOptions = ZLoggerOptions is null ? null : LibraryPresence.Lookup(compilation, present.ZLogger, "ZLogger.Providers.ZLoggerConsoleOptions");
            var nlog = NLogInternalLogger is null ? NLogGeneration.Unknown : ConfigFiles.ConfigSinkRules.DetectNLog(compilation);
            NLogOutputNeedsLevel = nlog is not (NLogGeneration.V4 or NLogGeneration.V6);
            NLogSubscriberNeedsLevel = nlog is NLogGeneration.V5 or NLogGeneration.V6;
        }

        /// <summary>
        /// Does a subscriber of NLog's InternalLogger receive only once its LogLevel is set (NLog 5 and 6)? Not under NLog 4,
        /// whose level is Info by default, nor where the generation is unknown (as before this was known).
        /// </summary>
        public bool NLogSubscriberNeedsLevel { get; }

        /// <summary>
        /// Does an output of NLog's InternalLogger write only once its LogLevel is set? Under NLog 5 the level stays Off
        /// (NLog/NLog#2935); NLog 6 raises it to Info when an output is set (NLog/NLog#6070), as NLog 4's default was.
        /// Checked with NLog 5.0.4 and 6.2.0 (an output alone: no internal log under 5.0.4, 1,346 bytes under 6.2.0).
        /// </summary>
        public bool NLogOutputNeedsLevel { get; }

        public INamedTypeSymbol? SerilogSinkConfiguration { get; }
        public INamedTypeSymbol? SerilogSelfLog { get; }
        public INamedTypeSymbol? NLogFileTarget { get; }
        public INamedTypeSymbol? NLogInternalLogger { get; }
        public INamedTypeSymbol? NLogLogManager { get; }
        public INamedTypeSymbol? NLogLogFactory { get; }
        public INamedTypeSymbol? NLogLogLevel { get; }
        public INamedTypeSymbol? Log4NetAppenderSkeleton { get; }

        /// <summary>log4net's <c>FileAppender</c>: the appenders that write files (RollingFileAppender derives from it).</summary>
        public INamedTypeSymbol? Log4NetFileAppender { get; }
        public INamedTypeSymbol? Log4NetXmlConfigurator { get; }
        public INamedTypeSymbol? Log4NetBasicConfigurator { get; }
        public INamedTypeSymbol? Log4NetXmlConfiguratorAttribute { get; }
        public INamedTypeSymbol? Log4NetLogLog { get; }

        /// <summary>ZLogger v2's provider registrations (<c>AddZLoggerFile</c>, <c>AddZLoggerRollingFile</c>,
        /// <c>AddZLoggerStream</c>, <c>AddZLoggerConsole</c>…, extensions of <c>ILoggingBuilder</c>).</summary>
        public INamedTypeSymbol? ZLoggerBuilderExtensions { get; }

        /// <summary>Declares <c>InternalErrorLogger</c> (<c>Action&lt;Exception&gt;?</c>, null by default), the one place ZLogger's
        /// writers report a failed write; every provider's options derive from it.</summary>
        public INamedTypeSymbol? ZLoggerOptions { get; }

        /// <summary>The console provider's options: an <c>InternalErrorLogger</c> set there reports the console's failures only
        /// (each provider gets its own options instance).</summary>
        public INamedTypeSymbol? ZLoggerConsoleOptions { get; }

        public bool HasSerilog => SerilogSinkConfiguration is not null;

        public bool HasNLog => NLogFileTarget is not null || NLogInternalLogger is not null;

        public bool HasLog4Net => Log4NetLogLog is not null || Log4NetAppenderSkeleton is not null;

        public bool HasZLogger => ZLoggerBuilderExtensions is not null && ZLoggerOptions is not null;

        public bool HasAny => HasSerilog || HasNLog || HasLog4Net || HasZLogger;

        /// <summary>An internal log can be switched on by an assignment or an event subscription (<see cref="TryGetEnablingAssignment"/>,
        /// <see cref="TryGetEnablingEvent"/>): NLog's InternalLogger, LogManager or LogFactory, or log4net's LogLog exists.</summary>
        public bool HasAssignmentSwitches =>
            NLogInternalLogger is not null || NLogLogManager is not null || NLogLogFactory is not null || Log4NetLogLog is not null || HasZLogger;

        public static LoggingLibraries Create(Compilation compilation) => new LoggingLibraries(compilation);

        /// <summary>The internal channel a library reports its own failures to.</summary>
        private static string ChannelName(LoggingLibrary library) => library switch
        {
            LoggingLibrary.Serilog => "Serilog's SelfLog",
            LoggingLibrary.NLog => "NLog's InternalLogger",
            LoggingLibrary.ZLogger => "ZLoggerOptions.InternalErrorLogger",
            _ => "log4net's internal debugging (LogLog)",
        };

        /// <summary>
        /// Message argument {1} of PM3004: the channel, and that it is never enabled, or enabled only where a Release build
        /// leaves the switch out (<c>[Conditional("DEBUG")]</c> code) or keeps a handler that writes nothing (<c>Debug.WriteLine</c>),
        /// or only to the console of a Windows application or service (<paramref name="hostWithoutConsole"/>), which has none.
        /// </summary>
        public static string ChannelState(LoggingLibrary library, bool debugOnly, bool consoleOnly, string hostWithoutConsole)
            => ChannelName(library) + (debugOnly
                ? ", which is enabled only for Debug builds (Release builds leave out Debug.WriteLine and [Conditional(\"DEBUG\")] code)"
                : consoleOnly
                    ? ", which writes only to the console, and " + hostWithoutConsole + " has none (Console.Out and Console.Error write nowhere)"
                    : library == LoggingLibrary.ZLogger ? ", which is never set" : ", which is never enabled");

        /// <summary>What is configured, for messages (message argument {0} of PM3004), e.g. "Serilog's file sink (WriteTo.File)".</summary>
        public static string Describe(LoggingLibrary library, string configuringCall) => library switch
        {
            LoggingLibrary.Serilog => "Serilog's file sink (" + configuringCall + ")",
            LoggingLibrary.NLog => "NLog's file target (" + configuringCall + ")",
            LoggingLibrary.ZLogger => "ZLogger's " + (configuringCall == "AddZLoggerStream" ? "stream" : "file") + " logger (" + configuringCall + ")",
            _ => "log4net (" + configuringCall + ")",
        };

        // ------------------------------------------------------------------ configuring calls

        /// <summary>
        /// A call that configures a library's file output: Serilog <c>WriteTo.File</c>/<c>WriteTo.RollingFile</c> (also inside
        /// <c>WriteTo.Async(a =&gt; a.File(…))</c>; not <c>AuditTo.File</c>, which throws), NLog <c>WriteToFile</c>, log4net
        /// <c>XmlConfigurator.Configure</c>/<c>ConfigureAndWatch</c> and <c>BasicConfigurator.Configure</c>, ZLogger's
        /// <c>AddZLoggerFile</c>/<c>AddZLoggerRollingFile</c>/<c>AddZLoggerStream</c> (every overload: their writer catches a
        /// failed write and hands it to <c>InternalErrorLogger</c> only; not <c>AddZLoggerConsole</c>, whose failures are the
        /// console's, nor <c>AddZLoggerInMemory</c>/<c>AddZLoggerLogProcessor</c>, which write no file of ZLogger's).
        /// </summary>
        public bool TryGetConfiguringCall(IInvocationOperation invocation, out LoggingLibrary library, out string display)
        {
            library = default;
            display = string.Empty;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "File":
                case "RollingFile":
                    if (SerilogSinkConfiguration is null)
                    {
                        return false;
                    }

                    var extension = method.ReducedFrom ?? method;
                    if (extension.IsExtensionMethod && extension.Parameters.Length > 0 &&
                        SymbolEqualityComparer.Default.Equals(extension.Parameters[0].Type, SerilogSinkConfiguration))
                    {
                        library = LoggingLibrary.Serilog;
                        display = "WriteTo." + method.Name;
                        return true;
                    }

                    return false;
                case "AddFile":
                    // Serilog.Extensions.Logging.File: a Serilog rolling file behind Microsoft.Extensions.Logging.
                    if (method.ContainingAssembly?.Name == "Serilog.Extensions.Logging.File")
                    {
                        library = LoggingLibrary.Serilog;
                        display = "AddFile";
                        return true;
                    }

                    return false;
                case "WriteToFile":
                    if (HasNLog && IsInNamespace(method.ContainingType, "NLog"))
                    {
                        library = LoggingLibrary.NLog;
                        display = "WriteToFile";
                        return true;
                    }

                    return false;
                case "Configure":
                case "ConfigureAndWatch":
                    var containing = method.ContainingType;
                    if (containing is not null &&
                        (SymbolEqualityComparer.Default.Equals(containing, Log4NetXmlConfigurator) ||
                         SymbolEqualityComparer.Default.Equals(containing, Log4NetBasicConfigurator)))
                    {
                        library = LoggingLibrary.Log4Net;
                        display = containing.Name + "." + method.Name;
                        return true;
                    }

                    return false;
                case "AddZLoggerFile":
                case "AddZLoggerRollingFile":
                case "AddZLoggerStream":
                    if (ZLoggerBuilderExtensions is not null &&
                        SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, ZLoggerBuilderExtensions))
                    {
                        library = LoggingLibrary.ZLogger;
                        display = method.Name;
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>An object creation that configures file output: an NLog FileTarget, or a log4net appender.
        /// <paramref name="writesFiles"/>: the appender writes a file (a log4net <c>FileAppender</c>); a console or another
        /// appender configures log4net too, but a file appender is the better place to report.</summary>
        public bool TryGetConfiguringCreation(IObjectCreationOperation creation, out LoggingLibrary library, out string display, out bool writesFiles)
        {
            library = default;
            display = string.Empty;
            writesFiles = true;
            var type = creation.Type;
            if (type is null)
            {
                return false;
            }

            if (NLogFileTarget is not null && TypeSymbols.InheritsFromOrEquals(type, NLogFileTarget))
            {
                library = LoggingLibrary.NLog;
                display = "new " + type.Name;
                return true;
            }

            if (Log4NetAppenderSkeleton is not null && TypeSymbols.InheritsFromOrEquals(type, Log4NetAppenderSkeleton))
            {
                library = LoggingLibrary.Log4Net;
                display = "new " + type.Name;
                writesFiles = Log4NetFileAppender is not null && TypeSymbols.InheritsFromOrEquals(type, Log4NetFileAppender);
                return true;
            }

            return false;
        }

        // ------------------------------------------------------------------ switching the internal channel on

        /// <summary><c>SelfLog.Enable(…)</c>; NLog <c>SetupInternalLogger(…)</c> given a callback the compilation does not
        /// contain (the calls of one it contains are read one by one: <see cref="GetInternalLoggerBuilderEffect"/>); log4net <c>new LogLog.LogReceivedAdapter(…)</c> is a creation.</summary>
        public bool TryGetEnablingCall(IInvocationOperation invocation, out LoggingLibrary library)
        {
            library = default;
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (name is not ("Enable" or "SetupInternalLogger" or "SetThrowExceptions"))
            {
                // Every call of the program comes here: the name first, the containing type only for these three.
                return false;
            }

            var containing = method.ContainingType;
            if (containing is null)
            {
                return false;
            }

            if (name == "Enable" && SymbolEqualityComparer.Default.Equals(containing, SerilogSelfLog))
            {
                library = LoggingLibrary.Serilog;
                return true;
            }

            if (name == "SetupInternalLogger" && HasNLog && IsInNamespace(containing, "NLog") && !ConfiguresInSource(invocation))
            {
                library = LoggingLibrary.NLog;
                return true;
            }

            if (name == "SetThrowExceptions" && HasNLog && IsInNamespace(containing, "NLog") && !IsFalseOrOff(LastArgument(invocation)))
            {
                library = LoggingLibrary.NLog;
                return true;
            }

            return false;
        }

        /// <summary>
        /// <c>SetupInternalLogger(s => s.…)</c> whose lambda hands the builder only to the builder's own extensions, or
        /// <c>SetupInternalLogger(Configure)</c> with <c>Configure</c> in source: its builder calls are analyzed where they are.
        /// Not a lambda that passes the builder to anything else (a shared library's helper, a delegate: the twenty-eighth
        /// session's last review), which counts as switching it on, as a callback of another assembly does.
        /// </summary>
        private static bool ConfiguresInSource(IInvocationOperation invocation)
        {
            var value = LastArgument(invocation) is { } argument ? OperationFacts.UnwrapConversions(argument) : null;
            if (value is not IDelegateCreationOperation creation)
            {
                return false;
            }

            if (creation.Target is IMethodReferenceOperation { Method: { } method })
            {
                return !method.Locations.IsEmpty && method.Locations[0].IsInSource;
            }

            if (creation.Target is not IAnonymousFunctionOperation lambda)
            {
                return false;
            }

            foreach (var operation in lambda.Body.Descendants())
            {
                // A method of the compilation is read where it is (its builder calls are analyzed); a method of another
                // assembly or a delegate is not known.
                if (operation is IInvocationOperation call && call.TargetMethod.ContainingType is not { Name: "SetupInternalLoggerBuilderExtensions" } &&
                    (call.TargetMethod.MethodKind == MethodKind.DelegateInvoke || call.TargetMethod.Locations.IsEmpty || !call.TargetMethod.Locations[0].IsInSource) &&
                    (IsBuilder(call.Instance) || HandsOnBuilder(call.Arguments)))
                {
                    return false;
                }
            }

            return true;

            static bool IsBuilder(IOperation? operand) => operand?.Type is { Name: "ISetupInternalLoggerBuilder" };

            static bool HandsOnBuilder(ImmutableArray<IArgumentOperation> arguments)
            {
                foreach (var argument in arguments)
                {
                    if (IsBuilder(argument.Value))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// A call of NLog's <c>SetupInternalLoggerBuilderExtensions</c> (in <c>SetupInternalLogger(s => s.…)</c>):
        /// <c>SetMinimumLogLevel</c> a level (or Off), <c>LogToFile</c>/<c>LogToConsole</c>/<c>LogToTrace</c>/<c>LogToWriter</c>
        /// an output (not <c>false</c>/null/""), <c>AddLogSubscription</c>/<c>AddEventSubscription</c> a subscriber, as the
        /// properties and events they set; <c>SetupFromEnvironmentVariables</c>, whose outcome the build cannot know, counts
        /// as switching it on. Checked with NLog 5.0.4 and 6.2.0: <c>LogToFile</c> alone leaves the level Off under 5.0.4, a
        /// level alone writes nowhere under both (the twenty-eighth session's review).
        /// </summary>
        public SwitchEffect GetInternalLoggerBuilderEffect(IInvocationOperation invocation)
        {
            // Every call of the program not otherwise matched comes here: NLog referenced, then the name's first letter.
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (!HasNLog || name.Length < 9 || name[0] is not ('S' or 'L' or 'A'))
            {
                return SwitchEffect.None;
            }

            var effect = name switch
            {
                "SetMinimumLogLevel" => SwitchEffect.NLogLevel,
                "LogToFile" or "LogToConsole" or "LogToTrace" or "LogToWriter" => SwitchEffect.NLogOutput,
                "AddLogSubscription" or "AddEventSubscription" => SwitchEffect.NLogSubscriber,
                "SetupFromEnvironmentVariables" => SwitchEffect.Enables,
                _ => SwitchEffect.None,
            };
            if (effect == SwitchEffect.None || method.ContainingType is not { Name: "SetupInternalLoggerBuilderExtensions" } containing ||
                !IsInNamespace(containing, "NLog"))
            {
                return SwitchEffect.None;
            }

            var value = LastArgument(invocation);
            if (effect == SwitchEffect.NLogLevel && IsOff(value))
            {
                return SwitchEffect.NLogLevelOff;
            }

            return effect is SwitchEffect.NLogOutput or SwitchEffect.NLogLevel && IsFalseOrOff(value) ? SwitchEffect.None : effect;
        }

        /// <summary>log4net <c>new LogLog.LogReceivedAdapter(list)</c> collects the internal messages.</summary>
        public bool IsEnablingCreation(IObjectCreationOperation creation)
            => Log4NetLogLog is not null &&
               creation.Type is { Name: "LogReceivedAdapter" } adapter &&
               SymbolEqualityComparer.Default.Equals(adapter.ContainingType, Log4NetLogLog);

        /// <summary>
        /// <c>InternalLogger.LogLevel = x</c> and its outputs <c>LogFile/LogToConsole/LogToConsoleError/LogToTrace/LogWriter = x</c>
        /// (not <c>false</c>/null/""/<c>LogLevel.Off</c>; its other properties, such as <c>IncludeTimestamp</c>, switch nothing),
        /// <c>LogManager.ThrowExceptions = true</c>/<c>LogFactory.ThrowExceptions = true</c>,
        /// <c>LogLog.InternalDebugging = true</c>, ZLogger's <c>options.InternalErrorLogger = handler</c> (not null, and not on the
        /// console provider's <c>ZLoggerConsoleOptions</c>, which no file provider reads; also in an object initializer).
        /// </summary>
        public SwitchEffect GetAssignmentEffect(IAssignmentOperation assignment, out LoggingLibrary library)
        {
            library = default;
            if (OperationFacts.UnwrapConversions(assignment.Target) is not IPropertyReferenceOperation target)
            {
                return SwitchEffect.None;
            }

            var property = target.Property;
            var containing = property.ContainingType;
            if (containing is null)
            {
                return SwitchEffect.None;
            }

            if (NLogInternalLogger is not null && SymbolEqualityComparer.Default.Equals(containing, NLogInternalLogger))
            {
                library = LoggingLibrary.NLog;
                var effect = property.Name switch
                {
                    "LogLevel" => SwitchEffect.NLogLevel,
                    "LogFile" or "LogToConsole" or "LogToConsoleError" or "LogToTrace" or "LogWriter" => SwitchEffect.NLogOutput,
                    _ => SwitchEffect.None,
                };
                if (effect == SwitchEffect.NLogLevel && IsOff(assignment.Value))
                {
                    return SwitchEffect.NLogLevelOff;
                }

                return IsFalseOrOff(assignment.Value) ? SwitchEffect.None : effect;
            }

            if (property.Name == "ThrowExceptions" &&
                (SymbolEqualityComparer.Default.Equals(containing, NLogLogManager) || TypeSymbols.InheritsFromOrEquals(containing, NLogLogFactory)))
            {
                library = LoggingLibrary.NLog;
                return IsFalseOrOff(assignment.Value) ? SwitchEffect.None : SwitchEffect.Enables;
            }

            if (property.Name == "InternalDebugging" && Log4NetLogLog is not null && SymbolEqualityComparer.Default.Equals(containing, Log4NetLogLog))
            {
                library = LoggingLibrary.Log4Net;
                return IsFalseOrOff(assignment.Value) ? SwitchEffect.None : SwitchEffect.Enables;
            }

            if (property.Name == "InternalErrorLogger" && ZLoggerOptions is not null && SymbolEqualityComparer.Default.Equals(containing, ZLoggerOptions))
            {
                library = LoggingLibrary.ZLogger;
                var consoleOnly = ZLoggerConsoleOptions is not null && target.Instance?.Type is { } instance &&
                                  TypeSymbols.InheritsFromOrEquals(instance, ZLoggerConsoleOptions);
                return consoleOnly || IsFalseOrOff(assignment.Value) ? SwitchEffect.None : SwitchEffect.ZLoggerErrorHandler;
            }

            return SwitchEffect.None;
        }

        /// <summary><c>InternalLogger.LogMessageReceived += …</c> (NLog), <c>LogLog.LogReceived += …</c> (log4net).</summary>
        public bool TryGetEnablingEvent(IEventAssignmentOperation assignment, out LoggingLibrary library)
        {
            library = default;
            if (!assignment.Adds || assignment.EventReference is not IEventReferenceOperation reference)
            {
                return false;
            }

            var containing = reference.Event.ContainingType;
            if (NLogInternalLogger is not null && SymbolEqualityComparer.Default.Equals(containing, NLogInternalLogger))
            {
                library = LoggingLibrary.NLog;
                return true;
            }

            if (Log4NetLogLog is not null && SymbolEqualityComparer.Default.Equals(containing, Log4NetLogLog))
            {
                library = LoggingLibrary.Log4Net;
                return true;
            }

            return false;
        }

        private static IOperation? LastArgument(IInvocationOperation invocation)
            => invocation.Arguments.Length == 0 ? null : invocation.Arguments[invocation.Arguments.Length - 1].Value;

        /// <summary>A constant <c>false</c>/<c>null</c>/empty string, or <c>LogLevel.Off</c>: switching the channel off is not enabling it.</summary>
        private bool IsFalseOrOff(IOperation? value)
        {
            if (value is null)
            {
                return false;
            }

            var unwrapped = OperationFacts.UnwrapConversions(value);
            if (unwrapped.ConstantValue.HasValue)
            {
                return unwrapped.ConstantValue.Value is null or false or "";
            }

            return IsOff(unwrapped);
        }

        /// <summary><c>LogLevel.Off</c> (NLog).</summary>
        private bool IsOff(IOperation? value)
            => value is not null &&
               OperationFacts.UnwrapConversions(value) is IFieldReferenceOperation { Field.Name: "Off" } field &&
               NLogLogLevel is not null &&
               SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, NLogLogLevel);

        private static bool IsInNamespace(INamedTypeSymbol? type, string rootNamespace)
        {
            var ns = type?.ContainingNamespace;
            while (ns is not null && !ns.IsGlobalNamespace)
            {
                if (ns.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return ns.Name == rootNamespace;
                }

                ns = ns.ContainingNamespace;
            }

            return false;
        }
    }
}
