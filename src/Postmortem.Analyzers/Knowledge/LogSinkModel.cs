using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>The file log sinks the model knows.</summary>
    internal enum LogSinkKind
    {
        /// <summary>Serilog <c>WriteTo.File</c> (Serilog.Sinks.File).</summary>
        SerilogFile,

        /// <summary>Serilog <c>AuditTo.File</c>: no sharing, no size limit, failures throw.</summary>
        SerilogAuditFile,

        /// <summary>The legacy Serilog <c>WriteTo.RollingFile</c> (Serilog.Sinks.RollingFile): rolls by date, never by size.</summary>
        SerilogRollingFile,

        /// <summary>NLog <c>FileTarget</c> (also <c>WriteToFile</c> of the fluent setup API).</summary>
        NLogFile,

        /// <summary>log4net <c>FileAppender</c>.</summary>
        Log4NetFile,

        /// <summary>log4net <c>RollingFileAppender</c>.</summary>
        Log4NetRollingFile,

        /// <summary>ZLogger v2 <c>AddZLoggerRollingFile</c>: starts a new file per period or size and deletes none (no
        /// retention setting exists).</summary>
        ZLoggerRollingFile,
    }

    /// <summary>NLog generations, told apart by the members that exist (not by version numbers).</summary>
    internal enum NLogGeneration
    {
        Unknown,

        /// <summary>FileTarget has ConcurrentWrites and there is no typed Layout&lt;T&gt;: defaults KeepFileOpen=false, ConcurrentWrites=true.</summary>
        V4,

        /// <summary>FileTarget has ConcurrentWrites and Layout&lt;T&gt; exists: defaults KeepFileOpen=true, ConcurrentWrites=false, MaxArchiveFiles=0 = unlimited.</summary>
        V5,

        /// <summary>FileTarget has no ConcurrentWrites: KeepFileOpen=true, MaxArchiveFiles=-1 = unlimited (0 = keep none), archiving moves only with ArchiveFileName.</summary>
        V6,
    }

    /// <summary>Whose file the path names: one shared by every process, or one per process or per instance.</summary>
    internal enum LogPathScope
    {
        Shared,
        PerInstance,
        PerProcess,
    }

    internal enum LogSettingKind
    {
        /// <summary>Not set: the library's default applies.</summary>
        Absent,

        /// <summary>Set to something whose value is not known at build time.</summary>
        Unknown,

        /// <summary>Set to an unknown value that cannot be null (e.g. a non-nullable long).</summary>
        UnknownNonNull,
        Null,
        Bool,
        Number,

        /// <summary>A string, an enum member name, or a type name (log4net locking model).</summary>
        Text,
    }

    /// <summary>One setting's value as written in code or configuration.</summary>
    internal readonly struct LogSettingValue
    {
        private LogSettingValue(LogSettingKind kind, bool boolValue, long number, string? text)
        {
            Kind = kind;
            BoolValue = boolValue;
            Number = number;
            Text = text;
        }

        public LogSettingKind Kind { get; }

        public bool BoolValue { get; }

        public long Number { get; }

        public string? Text { get; }

        public static LogSettingValue Absent => default;

        public static LogSettingValue Unknown => new LogSettingValue(LogSettingKind.Unknown, false, 0, null);

        public static LogSettingValue UnknownNonNull => new LogSettingValue(LogSettingKind.UnknownNonNull, false, 0, null);

        public static LogSettingValue Null => new LogSettingValue(LogSettingKind.Null, false, 0, null);

        public static LogSettingValue FromBool(bool value) => new LogSettingValue(LogSettingKind.Bool, value, 0, null);

        public static LogSettingValue FromNumber(long value) => new LogSettingValue(LogSettingKind.Number, false, value, null);

        public static LogSettingValue FromText(string value) => new LogSettingValue(LogSettingKind.Text, false, 0, value);

        public bool IsAbsent => Kind == LogSettingKind.Absent;

        public bool IsNull => Kind == LogSettingKind.Null;

        /// <summary>A known boolean (configuration text "true"/"false" included).</summary>
        public bool TryGetBool(out bool value)
        {
            value = BoolValue;
            if (Kind == LogSettingKind.Bool)
            {
                return true;
            }

            if (Kind == LogSettingKind.Text && bool.TryParse(Text?.Trim(), out value))
            {
                return true;
            }

            return false;
        }

        /// <summary>A known number (configuration text "31" included).</summary>
        public bool TryGetNumber(out long value)
        {
            value = Number;
            if (Kind == LogSettingKind.Number)
            {
                return true;
            }

            if (Kind == LogSettingKind.Text && long.TryParse(Text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            return false;
        }

        /// <summary>A known text; for type names ("log4net.Appender.FileAppender+MinimalLock") the last segment.</summary>
        public string? SimpleText
        {
            get
            {
                if (Kind != LogSettingKind.Text || Text is null)
                {
                    return null;
                }

                var text = Text.Trim();
                var comma = text.IndexOf(',');
                if (comma >= 0)
                {
                    text = text.Substring(0, comma).Trim();
                }

                var cut = Math.Max(text.LastIndexOf('+'), text.LastIndexOf('.'));
                return cut >= 0 ? text.Substring(cut + 1) : text;
            }
        }

        public override string ToString() => Kind switch
        {
            LogSettingKind.Bool => BoolValue ? "true" : "false",
            LogSettingKind.Number => Number.ToString(CultureInfo.InvariantCulture),
            LogSettingKind.Text => Text ?? string.Empty,
            _ => Kind.ToString(),
        };
    }

    /// <summary>
    /// One file sink's configuration: the library, the settings by name (Serilog argument names, NLog and log4net
    /// property names, case-insensitive, so configuration-file keys fit too) and the path.
    /// </summary>
    internal sealed class LogSinkSettings
    {
        private readonly Dictionary<string, LogSettingValue> _values = new Dictionary<string, LogSettingValue>(StringComparer.OrdinalIgnoreCase);

        public LogSinkSettings(LogSinkKind kind, NLogGeneration nlog = NLogGeneration.Unknown)
        {
            Kind = kind;
            NLog = nlog;
        }

        public LogSinkKind Kind { get; }

        public NLogGeneration NLog { get; }

        /// <summary>The sink's name in messages when the kind's own would mislead (a library's call that makes one).</summary>
        public string? Display { get; set; }

        /// <summary>The path as far as it is known (a constant or a configuration value), for messages and scope detection.</summary>
        public string? PathText { get; set; }

        /// <summary>Further text from the path (literal parts of a computed path), scanned for tokens but never shown.</summary>
        public string? PathHints { get; set; }

        /// <summary>What the caller found in the path beyond its text (e.g. Environment.ProcessId in an interpolation).</summary>
        public LogPathScope PathScope { get; set; }

        /// <summary>The path reads the clock where it is built (<c>$"logs/app-{DateTime.Now:yyyyMMdd-HHmmss}.log"</c>): each start
        /// (or each day, each call) names new files, and no retention deletes those of an earlier name.</summary>
        public bool PathReadsTheClock { get; set; }

        /// <summary>log4net: the path is a <c>PatternString</c> (<c>type="log4net.Util.PatternString"</c> in a configuration file,
        /// <c>new PatternString(…)</c> in code), whose patterns log4net fills in; any other path is taken literally.</summary>
        public bool PathIsLog4NetPattern { get; set; }

        public LogSettingValue this[string name]
        {
            get => _values.TryGetValue(name, out var value) ? value : LogSettingValue.Absent;
            set => _values[name] = value;
        }
    }

    /// <summary>The fix a finding allows (the code fix and a configuration fix apply it differently).</summary>
    internal enum LogSinkFix
    {
        None,

        /// <summary>Serilog: <c>shared: true</c>.</summary>
        SerilogShared,

        /// <summary>Serilog: <c>retainedFileCountLimit: 31</c>.</summary>
        SerilogRetainedFileCountLimit,

        /// <summary>Serilog: <c>rollOnFileSizeLimit: true</c>.</summary>
        SerilogRollOnFileSizeLimit,

        /// <summary>NLog 4/5: <c>ConcurrentWrites = true</c>.</summary>
        NLogConcurrentWrites,

        /// <summary>NLog 6: <c>KeepFileOpen = false</c>.</summary>
        NLogKeepFileOpenFalse,

        /// <summary>NLog: <c>MaxArchiveFiles = 31</c>.</summary>
        NLogMaxArchiveFiles,

        /// <summary>log4net FileAppender: <c>LockingModel = new FileAppender.InterProcessLock()</c>.</summary>
        Log4NetInterProcessLock,

        /// <summary>log4net RollingFileAppender: <c>MaxSizeRollBackups = 10</c>, so reaching the size limit rolls the file
        /// instead of truncating it.</summary>
        Log4NetMaxSizeRollBackups,
    }

    /// <summary>One finding: the rule, its message arguments (in the descriptor's shape), the fix, and whether it is informational.</summary>
    internal readonly struct LogSinkFinding
    {
        public LogSinkFinding(DiagnosticDescriptor descriptor, string[] arguments, LogSinkFix fix, bool isInfo = false)
        {
            Descriptor = descriptor;
            Arguments = arguments;
            Fix = fix;
            IsInfo = isInfo;
        }

        /// <summary>The rule: PM1001, PM2003 or PM3005 (<see cref="LogSinkModel.Rules"/>).</summary>
        public DiagnosticDescriptor Descriptor { get; }

        public string RuleId => Descriptor.Id;

        /// <summary>PM1001: what, why it breaks, how to fix plus the host reason. PM2003: the cause. PM3005: the size, until
        /// when (Serilog), what the sink does at the limit and why.</summary>
        public string[] Arguments { get; }

        public LogSinkFix Fix { get; }

        /// <summary>The fix's name, as the code fixes parse it (<c>Enum.ToString</c> costs a reflection lookup per call).</summary>
        public static string FixName(LogSinkFix fix) => fix switch
        {
            LogSinkFix.SerilogShared => nameof(LogSinkFix.SerilogShared),
            LogSinkFix.SerilogRetainedFileCountLimit => nameof(LogSinkFix.SerilogRetainedFileCountLimit),
            LogSinkFix.SerilogRollOnFileSizeLimit => nameof(LogSinkFix.SerilogRollOnFileSizeLimit),
            LogSinkFix.NLogConcurrentWrites => nameof(LogSinkFix.NLogConcurrentWrites),
            LogSinkFix.NLogKeepFileOpenFalse => nameof(LogSinkFix.NLogKeepFileOpenFalse),
            LogSinkFix.NLogMaxArchiveFiles => nameof(LogSinkFix.NLogMaxArchiveFiles),
            LogSinkFix.Log4NetInterProcessLock => nameof(LogSinkFix.Log4NetInterProcessLock),
            LogSinkFix.Log4NetMaxSizeRollBackups => nameof(LogSinkFix.Log4NetMaxSizeRollBackups),
            _ => nameof(LogSinkFix.None),
        };

        /// <summary>Report with Info severity (a process id in a file name: a leak, not a loss).</summary>
        public bool IsInfo { get; }

        /// <summary>The setting the fix changes and its new value, for configuration fixes.</summary>
        public static (string Name, string Value)? FixSetting(LogSinkFix fix) => fix switch
        {
            LogSinkFix.SerilogShared => ("shared", "true"),
            LogSinkFix.SerilogRetainedFileCountLimit => ("retainedFileCountLimit", "31"),
            LogSinkFix.SerilogRollOnFileSizeLimit => ("rollOnFileSizeLimit", "true"),
            LogSinkFix.NLogConcurrentWrites => ("ConcurrentWrites", "true"),
            LogSinkFix.NLogKeepFileOpenFalse => ("KeepFileOpen", "false"),
            LogSinkFix.NLogMaxArchiveFiles => ("MaxArchiveFiles", "31"),
            LogSinkFix.Log4NetInterProcessLock => ("LockingModel", "log4net.Appender.FileAppender+InterProcessLock"),
            LogSinkFix.Log4NetMaxSizeRollBackups => ("MaxSizeRollBackups", "10"),
            _ => null,
        };
    }

    /// <summary>
    /// What Serilog.Sinks.File, NLog's FileTarget and log4net's file appenders do with several worker processes, with
    /// retention and with size limits (facts in /work/shared/research/logging-libraries.md). Pure: it takes plain values,
    /// so the code rules and the configuration-file rules give the same answers.
    /// </summary>
    internal static class LogSinkModel
    {
        public const long SerilogDefaultFileSizeLimitBytes = 1L * 1024 * 1024 * 1024;

        /// <summary>The rules a finding can be of, reported by the analyzers of log sinks in code and in configuration files.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Rules { get; } = ImmutableArray.Create(
            Descriptors.PM1001SharedLogFileSink,
            Descriptors.PM2003LogFilesNeverDeleted,
            Descriptors.PM3005FileSinkStopsAtSizeLimit);

        /// <summary>The findings for one sink. <paramref name="multiProcessReason"/> is <see cref="HostModel.Reason"/> when the
        /// project runs as several worker processes, null otherwise (then PM1001 is never reported).</summary>
        public static List<LogSinkFinding> Evaluate(LogSinkSettings sink, string? multiProcessReason)
        {
            var findings = new List<LogSinkFinding>(2);
            var scope = ScopeOf(sink);
            switch (sink.Kind)
            {
                case LogSinkKind.SerilogFile:
                case LogSinkKind.SerilogRollingFile:
                case LogSinkKind.SerilogAuditFile:
                    EvaluateSerilog(sink, scope, multiProcessReason, findings);
                    break;
                case LogSinkKind.NLogFile:
                    EvaluateNLog(sink, scope, multiProcessReason, findings);
                    break;
                case LogSinkKind.Log4NetFile:
                case LogSinkKind.Log4NetRollingFile:
                    EvaluateLog4Net(sink, scope, multiProcessReason, findings);
                    break;
                case LogSinkKind.ZLoggerRollingFile:
                    EvaluateZLogger(findings);
                    break;
            }

            return findings;
        }

        /// <summary>The path's scope: what the caller found, or what the text shows (NLog/log4net/Serilog tokens, environment variables).</summary>
        public static LogPathScope ScopeOf(LogSinkSettings sink)
        {
            // log4net fills %processid and %property{…} in only for a PatternString; any other value is the file's literal name,
            // one file for every process (checked with log4net 3.6.0: <file value="app-%processid.log"/> and, in code,
            // File = "app-%processid.log" each wrote a file of that very name; with PatternString, one per process).
            var log4netPatterns = !IsLog4Net(sink.Kind) || sink.PathIsLog4NetPattern;
            var fromText = ScopeOfPathText(sink.PathText, log4netPatterns);
            var fromHints = ScopeOfPathText(sink.PathHints, log4netPatterns);
            return (LogPathScope)Math.Max(Math.Max((int)fromText, (int)fromHints), (int)sink.PathScope);
        }

        /// <summary>Process ids: NLog <c>${processid}</c>, log4net <c>%processid</c>, <c>%PID%</c>-style (a Serilog path has no tokens: <c>{ProcessId}</c> there is literal text)
        /// variables. Instance ids: <c>${hostname}</c>, <c>${machinename}</c>, <c>WEBSITE_INSTANCE_ID</c>, <c>HOSTNAME</c>, <c>COMPUTERNAME</c>.</summary>
        public static LogPathScope ScopeOfPathText(string? text, bool log4netPatterns = true)
        {
            if (string.IsNullOrEmpty(text))
            {
                return LogPathScope.Shared;
            }

            if (Contains(text!, "${processid") || (log4netPatterns && Contains(text!, "%processid")) ||
                Contains(text!, "%PID%") || Contains(text!, "%PROCESS_ID%"))
            {
                return LogPathScope.PerProcess;
            }

            if (Contains(text!, "${hostname") || Contains(text!, "${machinename") || Contains(text!, "WEBSITE_INSTANCE_ID") ||
                Contains(text!, "%HOSTNAME%") || Contains(text!, "%COMPUTERNAME%") || Contains(text!, "${environment:HOSTNAME") ||
                Contains(text!, "${environment:COMPUTERNAME") || (log4netPatterns && Contains(text!, "%property{log4net:HostName}")))
            {
                return LogPathScope.PerInstance;
            }

            return LogPathScope.Shared;
        }

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsLog4Net(LogSinkKind kind) => kind is LogSinkKind.Log4NetFile or LogSinkKind.Log4NetRollingFile;

        /// <summary>The path's known text or the hints read from a computed path mention <paramref name="part"/>.</summary>
        private static bool PathMentions(LogSinkSettings sink, string part)
            => Contains(sink.PathText ?? string.Empty, part) || Contains(sink.PathHints ?? string.Empty, part);

        // ------------------------------------------------------------------ Serilog

        private static void EvaluateSerilog(LogSinkSettings sink, LogPathScope scope, string? reason, List<LogSinkFinding> findings)
        {
            var name = sink.Display ?? sink.Kind switch
            {
                LogSinkKind.SerilogAuditFile => "Serilog AuditTo.File",
                LogSinkKind.SerilogRollingFile => "Serilog WriteTo.RollingFile",
                _ => "Serilog WriteTo.File",
            };
            var file = Describe(sink.PathText);
            var rollingInterval = sink["rollingInterval"];
            var rollOnSize = sink["rollOnFileSizeLimit"];
            bool? rollsByTime = sink.Kind == LogSinkKind.SerilogRollingFile ? true
                : sink.Kind == LogSinkKind.SerilogAuditFile ? false
                : rollingInterval.IsAbsent ? false
                : IsRollingIntervalKnown(rollingInterval, out var byTime) ? byTime : (bool?)null;
            bool? rollsBySize = sink.Kind != LogSinkKind.SerilogFile ? false
                : rollOnSize.IsAbsent ? false
                : rollOnSize.TryGetBool(out var bySize) ? bySize : (bool?)null;
            bool? rolls = rollsByTime == true || rollsBySize == true ? true
                : rollsByTime == false && rollsBySize == false ? false
                : (bool?)null;

            // PM1001: several processes on one file without shared: true.
            if (reason is not null && scope == LogPathScope.Shared)
            {
                if (sink.Kind == LogSinkKind.SerilogAuditFile)
                {
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM1001SharedLogFileSink,
                        new[]
                        {
                            $"{name} writes {file}, which it cannot share",
                            "on Windows a second worker process cannot open the file and every audit event it writes throws; on Linux the processes overwrite each other's lines without any error",
                            $"Put the process or instance id in the path, or audit to a sink made for several writers. {reason}",
                        },
                        LogSinkFix.None));
                }
                else
                {
                    var shared = sink["shared"];
                    var isShared = shared.TryGetBool(out var sharedValue) ? sharedValue : (bool?)null;
                    if (isShared == false || shared.IsAbsent)
                    {
                        var buffered = sink["buffered"].TryGetBool(out var b) && b;
                        var hooks = sink["hooks"];
                        var hasHooks = !hooks.IsAbsent && !hooks.IsNull;
                        var why = rolls == true
                            ? "on Windows every other worker process falls back to its own _001, _002… file (and drops events after 3 tries), on Linux the processes open the same file and overwrite each other's lines, and no error is reported (only to SelfLog)"
                            : rolls == false
                                ? "on Windows a second worker process cannot open the file and its logger writes nothing for as long as it lives, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)"
                                // The interval or rollOnFileSizeLimit is not known at build time (the review of the twenty-seventh session).
                                : "on Windows a second worker process cannot open the file (its logger writes nothing) or, when the sink rolls, falls back to its own _001, _002… file, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)";
                        var fix = buffered || hasHooks
                            ? $"Add shared: true and remove {(buffered ? "buffered: true" : "hooks")} (together they throw at startup), or put the process or instance id in the path"
                            : "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path";
                        findings.Add(new LogSinkFinding(
                            Descriptors.PM1001SharedLogFileSink,
                            new[] { $"{name} writes {file} without shared: true", why, $"{fix}. {reason}" },
                            buffered || hasHooks ? LogSinkFix.None : LogSinkFix.SerilogShared));
                    }
                }
            }

            // PM2003: retention off.
            if (sink.Kind != LogSinkKind.SerilogAuditFile)
            {
                var retained = sink["retainedFileCountLimit"];
                var timeLimit = sink["retainedFileTimeLimit"];
                if (rolls == true && retained.IsNull && (timeLimit.IsAbsent || timeLimit.IsNull))
                {
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        new[] { $"{name} rolls {file} with retainedFileCountLimit: null and no retainedFileTimeLimit" },
                        LogSinkFix.SerilogRetainedFileCountLimit));
                }
                else if (rolls == false && sink["fileSizeLimitBytes"].IsNull)
                {
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        new[] { $"{name} writes {file} with fileSizeLimitBytes: null and never rolls, so the one file grows without limit" },
                        LogSinkFix.None));
                }
            }

            if (sink.Kind != LogSinkKind.SerilogAuditFile)
            {
                AddProcessIdLeak(name, file, scope, findings);
                AddClockNameLeak(name, file, sink, findings);
            }

            // PM3005: the size limit stops writing.
            if (sink.Kind == LogSinkKind.SerilogFile && rollsBySize == false)
            {
                var limit = sink["fileSizeLimitBytes"];
                string? size = limit.Kind switch
                {
                    LogSettingKind.Absent => FormatSize(SerilogDefaultFileSizeLimitBytes) + " (the default limit)",
                    LogSettingKind.UnknownNonNull => "its size limit",
                    _ => limit.TryGetNumber(out var bytes) ? FormatSize(bytes) : null,
                };
                if (size is not null)
                {
                    // A file rolling by time stops only until the next period's file; a plain file stops for good.
                    var until = rollsByTime == false ? " for good"
                        : RollingPeriod(rollingInterval) is { } period ? $" until the next {period}'s file"
                        : string.Empty;
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM3005FileSinkStopsAtSizeLimit,
                        new[] { size, until, "stops writing", "rollOnFileSizeLimit is not true" },
                        LogSinkFix.SerilogRollOnFileSizeLimit));
                }
            }
        }

        /// <summary>The period of a Serilog <c>RollingInterval</c> (Year = 1 … Minute = 5), by number or name; null when it is
        /// not known or does not roll (Infinite = 0).</summary>
        private static string? RollingPeriod(LogSettingValue value)
        {
            string? name = value.TryGetNumber(out var number) ? null : value.SimpleText;
            if (name is null)
            {
                name = number switch { 1 => "Year", 2 => "Month", 3 => "Day", 4 => "Hour", 5 => "Minute", _ => null };
            }

            return name?.ToLowerInvariant() switch
            {
                "year" => "year",
                "month" => "month",
                "day" => "day",
                "hour" => "hour",
                "minute" => "minute",
                _ => null,
            };
        }

        private static bool IsRollingIntervalKnown(LogSettingValue value, out bool rolls)
        {
            rolls = false;
            if (value.TryGetNumber(out var number))
            {
                rolls = number != 0; // RollingInterval.Infinite = 0
                return true;
            }

            if (value.SimpleText is { } text)
            {
                rolls = !string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase);
                return true;
            }

            return false;
        }

        // ------------------------------------------------------------------ NLog

        private static void EvaluateNLog(LogSinkSettings sink, LogPathScope scope, string? reason, List<LogSinkFinding> findings)
        {
            var generation = sink.NLog;
            var name = generation == NLogGeneration.V6 ? "NLog 6 FileTarget" : "NLog FileTarget";
            var file = Describe(sink.PathText);

            var archiveAboveSize = sink["ArchiveAboveSize"];
            var archiveEvery = sink["ArchiveEvery"];
            bool? archivesBySize = archiveAboveSize.IsAbsent ? false : archiveAboveSize.TryGetNumber(out var above) ? above > 0 : (bool?)null;
            bool? archivesByTime = archiveEvery.IsAbsent ? false
                : archiveEvery.TryGetNumber(out var every) ? every != 0
                : archiveEvery.SimpleText is { } period ? !string.Equals(period, "None", StringComparison.OrdinalIgnoreCase)
                : (bool?)null;
            // ArchiveOldFileOnStartup: each start archives the file the previous run wrote.
            var onStartup = sink["ArchiveOldFileOnStartup"];
            bool? archivesOnStartup = onStartup.IsAbsent ? false : onStartup.TryGetBool(out var startup) ? startup : (bool?)null;
            bool? archives = archivesBySize == true || archivesByTime == true || archivesOnStartup == true ? true
                : archivesBySize == false && archivesByTime == false && archivesOnStartup == false ? false
                : (bool?)null;
            var archiveFileName = sink["ArchiveFileName"];
            var movesOnArchive = archives == true && (generation != NLogGeneration.V6 || (!archiveFileName.IsAbsent && !archiveFileName.IsNull));

            // PM1001
            if (reason is not null && scope == LogPathScope.Shared && generation != NLogGeneration.Unknown)
            {
                var keepFileOpen = Effective(sink["KeepFileOpen"], generation != NLogGeneration.V4);
                if (generation == NLogGeneration.V6)
                {
                    if (keepFileOpen == true)
                    {
                        var why = movesOnArchive
                            ? "with ArchiveFileName set, archiving moves the active file, and the other worker processes keep writing into the moved file while the shipper reads the new one; NLog 6 has no ConcurrentWrites, and failures go only to the InternalLogger (off by default)"
                            : "NLog 6 has no ConcurrentWrites: on Windows a second worker process cannot open the file, on Linux the processes overwrite each other's lines, and failures go only to the InternalLogger (off by default)";
                        findings.Add(new LogSinkFinding(
                            Descriptors.PM1001SharedLogFileSink,
                            new[]
                            {
                                $"{name} keeps {file} open (KeepFileOpen defaults to true)",
                                why,
                                $"Set KeepFileOpen = false{(movesOnArchive ? " (each write then opens the file by its name, so no process writes into a moved file)" : string.Empty)}, use the AtomicFile target (NLog.Targets.AtomicFile), or put ${{processid}} in FileName. {reason}",
                            },
                            LogSinkFix.NLogKeepFileOpenFalse));
                    }
                }
                else
                {
                    var concurrent = Effective(sink["ConcurrentWrites"], generation == NLogGeneration.V4);
                    if (keepFileOpen == true && concurrent == false)
                    {
                        var why = movesOnArchive
                            ? "archiving moves the active file (File.Move), and the other worker processes keep writing into the moved file while the shipper reads the new one; failures go only to the InternalLogger (off by default)"
                            : "NLog's release notes say several processes on one path with KeepFileOpen = true \"will lead to failure\": on Windows a second process cannot open the file, on Linux the processes overwrite each other's lines, and failures go only to the InternalLogger (off by default)";
                        findings.Add(new LogSinkFinding(
                            Descriptors.PM1001SharedLogFileSink,
                            new[] { $"{name} keeps {file} open without ConcurrentWrites = true", why, $"Set ConcurrentWrites = true, or put ${{processid}} in FileName. {reason}" },
                            LogSinkFix.NLogConcurrentWrites));
                    }
                }
            }

            // PM2003: archives or date-named files with no limit.
            var maxFiles = sink["MaxArchiveFiles"];
            var maxDays = sink["MaxArchiveDays"];
            bool? unlimitedFiles = maxFiles.IsAbsent ? true
                : maxFiles.TryGetNumber(out var files) ? (generation == NLogGeneration.V6 ? files < 0 : files <= 0)
                : (bool?)null;
            bool? unlimitedDays = maxDays.IsAbsent ? true : maxDays.TryGetNumber(out var days) ? days <= 0 : (bool?)null;
            if (unlimitedFiles == true && unlimitedDays == true && generation != NLogGeneration.Unknown)
            {
                if (archives == true)
                {
                    var zero = !maxFiles.IsAbsent && generation != NLogGeneration.V6 ? " (MaxArchiveFiles = 0 means unlimited before NLog 6)" : string.Empty;
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        new[] { $"{name} archives {file} without MaxArchiveFiles or MaxArchiveDays{zero}" },
                        LogSinkFix.NLogMaxArchiveFiles));
                }
                else if (archives == false && (HasDateToken(sink.PathText) || HasDateToken(sink.PathHints)))
                {
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        new[] { $"{name} names {file} by date without MaxArchiveFiles or MaxArchiveDays, so every day leaves a file nothing deletes" },
                        // MaxArchiveFiles bounds date-named files too: checked with NLog 5.0.4 and 6.2.0, six then nine days
                        // of files with MaxArchiveFiles = 2 left three (real-world round 11 found no fix offered here).
                        LogSinkFix.NLogMaxArchiveFiles));
                }
            }

            // PM3005: under NLog 6, MaxArchiveFiles = 0 keeps no archive, so archiving by size deletes what the file held
            // (checked with NLog 6.2.0: 1,000 lines archived every 10 KB left the last 196, also with MaxArchiveDays set;
            // NLog 5.0.4 kept every archive). Before NLog 6, 0 meant unlimited (PM2003 above).
            if (generation == NLogGeneration.V6 && archivesBySize == true && maxFiles.TryGetNumber(out var kept) && kept == 0)
            {
                findings.Add(new LogSinkFinding(
                    Descriptors.PM3005FileSinkStopsAtSizeLimit,
                    new[]
                    {
                        (archiveAboveSize.TryGetNumber(out var limit) ? FormatSize(limit) : "its size limit") + " (ArchiveAboveSize)",
                        string.Empty,
                        $"deletes what {file} held",
                        "MaxArchiveFiles = 0 keeps no archive under NLog 6 (before NLog 6 it meant unlimited)",
                    },
                    LogSinkFix.NLogMaxArchiveFiles));
            }

            AddProcessIdLeak(name, file, scope, findings);
            AddClockNameLeak(name, file, sink, findings);
        }

        private static bool? Effective(LogSettingValue value, bool defaultValue)
            => value.IsAbsent ? defaultValue : value.TryGetBool(out var b) ? b : (bool?)null;

        private static bool HasDateToken(string? path)
            => path is not null && (Contains(path, "${shortdate") || Contains(path, "${date"));

        // ------------------------------------------------------------------ log4net

        private static void EvaluateLog4Net(LogSinkSettings sink, LogPathScope scope, string? reason, List<LogSinkFinding> findings)
        {
            var rolling = sink.Kind == LogSinkKind.Log4NetRollingFile;
            var name = rolling ? "log4net RollingFileAppender" : "log4net FileAppender";
            var file = Describe(sink.PathText);

            if (reason is not null && scope == LogPathScope.Shared)
            {
                // A RollingFileAppender that only opens a new dated file renames nothing: its lock decides, as a FileAppender's.
                if (rolling && !OnlyStartsDatedFiles(sink))
                {
                    findings.Add(new LogSinkFinding(
                        Descriptors.PM1001SharedLogFileSink,
                        new[]
                        {
                            $"{name} rolls {file} in each worker process on its own",
                            "each process counts its own bytes and rolls by renaming the file (or, with MaxSizeRollBackups 0, by truncating it), so the others keep writing into the renamed file or lose what the truncation cuts, and rolled files overwrite each other (log4net's FAQ: \"incompatible with any locking model\"); log4net reports these failures only to its internal debug output (LogLog)",
                            $"Put the process id in the file name (PatternString with %processid), or log to stdout and let the platform collect it. {reason}",
                        },
                        LogSinkFix.None));
                }
                else
                {
                    var locking = sink["LockingModel"];
                    var model = locking.IsAbsent ? "ExclusiveLock" : locking.SimpleText;
                    if (model is "ExclusiveLock" or "NoLock")
                    {
                        var why = model == "NoLock"
                            ? "NoLock does not coordinate anything, so the processes' lines overwrite and corrupt each other"
                            : "on Windows every other worker process cannot open the file and discards its messages, on Linux the processes overwrite each other's lines; log4net reports these failures only to its internal debug output (LogLog)";
                        findings.Add(new LogSinkFinding(
                            Descriptors.PM1001SharedLogFileSink,
                            new[]
                            {
                                $"{name} opens {file} with {(model == "NoLock" ? "NoLock" : "the exclusive lock (the default)")}",
                                why,
                                $"Set LockingModel = new FileAppender.InterProcessLock() (or MinimalLock), or put the process id in the file name. {reason}",
                            },
                            LogSinkFix.Log4NetInterProcessLock));
                    }
                }
            }

            var backupCount = sink["MaxSizeRollBackups"];
            if (rolling && backupCount.TryGetNumber(out var backups) && backups < 0)
            {
                findings.Add(new LogSinkFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    new[] { $"{name} rolls {file} with MaxSizeRollBackups = {backups.ToString(CultureInfo.InvariantCulture)} (negative means no deletions)" },
                    LogSinkFix.None));
            }
            else if (rolling && RollsLog4NetByDate(sink, out var style))
            {
                findings.Add(new LogSinkFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    new[] { $"{name} rolls {file} by date (RollingStyle {style}) and deletes no earlier period's file: MaxSizeRollBackups counts only the backups within one period" },
                    LogSinkFix.None));
            }
            else if (rolling && RollsLog4NetBySize(sink) && StartsNumberedFiles(sink) &&
                     (BackupsLeftAtDefault(backupCount) || (backupCount.TryGetNumber(out var none) && none == 0)))
            {
                // Checked with log4net 2.0.12 and 3.6.0: with a 10 KB limit, 1,000 lines left six numbered files with 0
                // backups (nothing deleted), four with 3.
                findings.Add(new LogSinkFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    new[] { $"{name} starts a new numbered file for {file} at each size limit (StaticLogFileName false, CountDirection 0 or more) and MaxSizeRollBackups 0 deletes none of them" },
                    LogSinkFix.None));
            }

            // PM3005: rolling by size with MaxSizeRollBackups left at its default 0 keeps no backup: log4net truncates the
            // file at its size limit and everything it held is lost (checked with log4net 2.0.12 and 3.6.0: 1,000 lines with
            // a 10 KB limit left the last 115, with the default style and with Size; Date and Once kept all 1,000). An
            // explicit 0 is log4net's documented way to keep one bounded file, and is taken as chosen.
            if (rolling && BackupsLeftAtDefault(backupCount) && RollsLog4NetBySize(sink) && !StartsNumberedFiles(sink))
            {
                findings.Add(new LogSinkFinding(
                    Descriptors.PM3005FileSinkStopsAtSizeLimit,
                    new[]
                    {
                        Log4NetSizeLimit(sink),
                        string.Empty,
                        $"empties {file} (everything it held is lost)",
                        "MaxSizeRollBackups is 0 by default: log4net keeps no backup and truncates the file",
                    },
                    LogSinkFix.Log4NetMaxSizeRollBackups));
            }

            AddProcessIdLeak(name, file, scope, findings);
            AddClockNameLeak(name, file, sink, findings);
        }

        /// <summary>
        /// Is MaxSizeRollBackups log4net's default 0: not written, or written as text log4net cannot read as a number (an
        /// empty value: log4net reports a conversion error to its internal log and keeps the default). A <c>${VAR}</c> is
        /// not known at build time.
        /// </summary>
        private static bool BackupsLeftAtDefault(LogSettingValue backups)
            => backups.IsAbsent ||
               (backups.Kind == LogSettingKind.Text && !backups.TryGetNumber(out _) && backups.Text!.IndexOf("${", StringComparison.Ordinal) < 0);

        /// <summary>
        /// Does a RollingFileAppender with no backups start a new numbered file at the limit instead of truncating: a name
        /// that is not static (StaticLogFileName false) counted up (CountDirection 0 or more; the default -1 counts down)?
        /// Checked with log4net 2.0.12 and 3.6.0: kept all 1,000 lines in six files (the review of the twenty-ninth
        /// session); a static name truncates whatever the direction. Nothing deletes those files, but that is not this loss.
        /// </summary>
        private static bool StartsNumberedFiles(LogSinkSettings sink)
            => sink["StaticLogFileName"].TryGetBool(out var staticName) && !staticName &&
               sink["CountDirection"].TryGetNumber(out var direction) && direction >= 0;

        /// <summary>Does a RollingFileAppender roll by size: RollingStyle Size or Composite (the default)? A style not known at
        /// build time is trusted.</summary>
        private static bool RollsLog4NetBySize(LogSinkSettings sink)
        {
            var rollingStyle = sink["RollingStyle"];
            return rollingStyle.IsAbsent || Log4NetRollingStyle(rollingStyle) is "Size" or "Composite";
        }

        /// <summary>
        /// A RollingFileAppender's size limit as the message shows it: MaxFileSize in bytes, or MaximumFileSize as log4net's
        /// <c>OptionConverter.ToFileSize</c> reads it (a whole number, optionally followed by KB, MB or GB, any case); 10 MB
        /// by default; "its size limit" when not known at build time.
        /// </summary>
        private static string Log4NetSizeLimit(LogSinkSettings sink)
        {
            var bytes = sink["MaxFileSize"];
            if (bytes.IsAbsent)
            {
                bytes = sink["MaximumFileSize"];
            }

            if (bytes.IsAbsent)
            {
                return "10 MB (the default MaximumFileSize)";
            }

            if (bytes.TryGetNumber(out var number))
            {
                return FormatSize(number);
            }

            var text = bytes.Kind == LogSettingKind.Text ? bytes.Text!.Trim().ToUpperInvariant() : null;
            if (text is null)
            {
                return "its size limit";
            }

            long multiplier = 1;
            var at = text.IndexOf("KB", StringComparison.Ordinal);
            if (at >= 0)
            {
                multiplier = 1024;
            }
            else if ((at = text.IndexOf("MB", StringComparison.Ordinal)) >= 0)
            {
                multiplier = 1024 * 1024;
            }
            else if ((at = text.IndexOf("GB", StringComparison.Ordinal)) >= 0)
            {
                multiplier = 1024 * 1024 * 1024;
            }

            if (at >= 0)
            {
                text = text.Substring(0, at);
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 && count <= long.MaxValue / multiplier
                ? FormatSize(count * multiplier)
                : "its size limit";
        }

        /// <summary>
        /// Does a RollingFileAppender never rename a file: RollingStyle Date (no size rolling) with StaticLogFileName false,
        /// so each period is written to a new file named by its date (log4net's <c>RollOverTime</c> renames only when the
        /// name is static), and AppendToFile not false (otherwise an existing file is rolled away at start)? Checked in
        /// log4net's RollingFileAppender.cs (1.2.x to 3.x). Only settings known at build time count.
        /// </summary>
        private static bool OnlyStartsDatedFiles(LogSinkSettings sink)
        {
            return Log4NetRollingStyle(sink["RollingStyle"]) == "Date" &&
                   sink["StaticLogFileName"].TryGetBool(out var staticName) && !staticName &&
                   !(sink["AppendToFile"].TryGetBool(out var append) && !append);
        }

        /// <summary>
        /// Does a RollingFileAppender roll by date: RollingStyle Date or Composite (the default), with a date pattern (the
        /// default ".yyyy-MM-dd"; null or empty turns date rolling off with an error)? log4net renames the file to its
        /// period's name and never deletes an earlier period's files ("A maximum number of backup files when rolling on
        /// date/time boundaries is not supported"; MaxSizeRollBackups "applies to each time based group of files and not
        /// the total"). A style or pattern not known at build time is trusted.
        /// </summary>
        private static bool RollsLog4NetByDate(LogSinkSettings sink, out string style)
        {
            style = "Composite, the default";
            var rollingStyle = sink["RollingStyle"];
            if (!rollingStyle.IsAbsent)
            {
                style = Log4NetRollingStyle(rollingStyle) ?? string.Empty;
                if (style is not ("Date" or "Composite"))
                {
                    return false;
                }
            }

            var datePattern = sink["DatePattern"];
            return datePattern.IsAbsent || (datePattern.Kind == LogSettingKind.Text && !string.IsNullOrWhiteSpace(datePattern.Text));
        }

        private static readonly string[] Log4NetRollingModes = { "Once", "Size", "Date", "Composite" };

        /// <summary>
        /// A RollingFileAppender's RollingStyle by its RollingMode name (Once = 0, Size = 1, Date = 2, Composite = 3, as a
        /// number or a name; log4net parses the configuration's enum names ignoring case); null when not known.
        /// </summary>
        private static string? Log4NetRollingStyle(LogSettingValue value)
        {
            if (value.TryGetNumber(out var mode))
            {
                return mode is >= 0 and <= 3 ? Log4NetRollingModes[mode] : null;
            }

            foreach (var name in Log4NetRollingModes)
            {
                if (string.Equals(value.SimpleText, name, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }

            return null;
        }

        // ------------------------------------------------------------------ ZLogger

        /// <summary>
        /// ZLogger v2's rolling file starts a new file each period or size (the names from its <c>FilePathSelector</c>) and
        /// never deletes one: <c>ZLoggerRollingFileOptions</c> has only <c>FilePathSelector</c>, <c>RollingInterval</c> and
        /// <c>RollingSizeKB</c>, and <c>ZLogger.dll</c> 2.6.1 calls no <c>File.Delete</c>, <c>File.Move</c> nor a directory
        /// listing (its member references read with System.Reflection.Metadata); its README: "The generated files will not
        /// be deleted. If you want to do a log rotation, please do it from outside." (Cysharp/ZLogger#24, open since 2020).
        /// Only PM2003: whether several processes can share its file was not verified, so PM1001 says nothing.
        /// </summary>
        private static void EvaluateZLogger(List<LogSinkFinding> findings)
            => findings.Add(new LogSinkFinding(
                Descriptors.PM2003LogFilesNeverDeleted,
                new[] { "ZLogger's rolling file (AddZLoggerRollingFile) starts a new file each period or size and deletes none: ZLogger has no retention setting, so delete old files yourself (a scheduled cleanup) or use a sink with a retention limit" },
                LogSinkFix.None));

        // ------------------------------------------------------------------ shared

        private static void AddProcessIdLeak(string name, string file, LogPathScope scope, List<LogSinkFinding> findings)
        {
            if (scope != LogPathScope.PerProcess)
            {
                return;
            }

            findings.Add(new LogSinkFinding(
                Descriptors.PM2003LogFilesNeverDeleted,
                new[] { $"{name} puts the process id in {file}: retention works per name, so the files of every process that ever ran (every recycle, every deploy) stay" },
                LogSinkFix.None,
                isInfo: true));
        }

        /// <summary>
        /// PM2003 (Info), as a process id: the path reads the clock where it is built, so a later start (or day, or call)
        /// writes under a new name, and retention, which works per name, never deletes the files of an earlier one (real-world
        /// round 34: a Windows service naming its log by its start time). Not where a finding of the rule is already given.
        /// </summary>
        private static void AddClockNameLeak(string name, string file, LogSinkSettings sink, List<LogSinkFinding> findings)
        {
            // log4net's PatternString fills %date in once, when the appender is configured (in code or a configuration file).
            var log4netDate = IsLog4Net(sink.Kind) && sink.PathIsLog4NetPattern && (PathMentions(sink, "%date") || PathMentions(sink, "%utcdate"));
            if (!sink.PathReadsTheClock && !log4netDate)
            {
                return;
            }

            // A process id's Info (added first) or any other finding of the rule: one finding is enough.
            foreach (var finding in findings)
            {
                if (finding.Descriptor == Descriptors.PM2003LogFilesNeverDeleted)
                {
                    return;
                }
            }

            findings.Add(new LogSinkFinding(
                Descriptors.PM2003LogFilesNeverDeleted,
                new[] { $"{name} puts {(sink.PathReadsTheClock ? "the clock's time (read where the path is built)" : "%date (filled in once, when the appender is configured)")} in {file}: each start names new files, and retention works per name, so the files of every earlier start stay" },
                LogSinkFix.None,
                isInfo: true));
        }

        private static string Describe(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return "its file";
            }

            var text = path!.Length > 60 ? "…" + path.Substring(path.Length - 59) : path;
            return "'" + text + "'";
        }

        /// <summary>1073741824 → "1 GB", 10485760 → "10 MB", 50000000 → "50,000,000 bytes".</summary>
        public static string FormatSize(long bytes)
        {
            const long KB = 1024, MB = KB * 1024, GB = MB * 1024;
            if (bytes > 0 && bytes % GB == 0)
            {
                return (bytes / GB).ToString(CultureInfo.InvariantCulture) + " GB";
            }

            if (bytes > 0 && bytes % MB == 0)
            {
                return (bytes / MB).ToString(CultureInfo.InvariantCulture) + " MB";
            }

            if (bytes > 0 && bytes % KB == 0)
            {
                return (bytes / KB).ToString(CultureInfo.InvariantCulture) + " KB";
            }

            return bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        }
    }
}
