using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>A finding in a configuration file, before it becomes a <see cref="Diagnostic"/>.</summary>
    internal readonly struct ConfigFinding
    {
        public ConfigFinding(DiagnosticDescriptor descriptor, TextSpan span, object[] arguments, DiagnosticSeverity? severity = null)
        {
            Descriptor = descriptor;
            Span = span;
            Arguments = arguments;
            Severity = severity;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public object[] Arguments { get; }

        /// <summary>A lower severity than the descriptor's default (PM2003's process-id variant is Info).</summary>
        public DiagnosticSeverity? Severity { get; }
    }

    /// <summary>
    /// Sinks read from configuration files, judged by the same <see cref="LogSinkModel"/> as sinks written in code, so
    /// both agree. This class only translates: configuration values to <see cref="LogSettingValue"/>s, and each finding
    /// to the entry of the file it is about (the setting to change, or the sink's type when a setting is missing).
    /// </summary>
    internal static class ConfigSinkRules
    {
        /// <summary>Environment variables that name a shared folder or setting, not a process or an instance.</summary>
        private static readonly string[] SharedVariables =
        {
            "TEMP", "TMP", "TMPDIR", "HOME", "LOCALAPPDATA", "APPDATA", "PROGRAMDATA", "USERPROFILE", "ALLUSERSPROFILE",
            "PUBLIC", "SYSTEMDRIVE", "SYSTEMROOT", "WINDIR", "HOMEDRIVE", "HOMEPATH", "PROGRAMFILES", "BASEDIR",
            "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "LOGS", "LOG_DIR", "LOGDIR", "LOG_PATH", "LOGPATH",
        };

        /// <summary>
        /// The endings of a variable named as a folder (<c>%JELLYFIN_LOG_DIR%</c>, <c>${environment:APP_LOG_PATH}</c>): an
        /// installation's setting, the same for each of its processes, not an instance or process id (real-world rounds 4
        /// and 11 found such folders taken for instance ids, and the file's sharing never judged).
        /// </summary>
        private static readonly string[] FolderVariableEndings = { "DIR", "DIRECTORY", "FOLDER", "PATH", "ROOT", "HOME" };

        /// <summary>NLog's generation from the referenced assembly's members, as the code rules decide it.</summary>
        public static NLogGeneration DetectNLog(Compilation compilation)
        {
            var fileTarget = TypeLookup.Get(compilation, "NLog.Targets.FileTarget");
            if (fileTarget is null)
            {
                return NLogGeneration.Unknown;
            }

            return fileTarget.GetMembers("ConcurrentWrites").IsEmpty
                ? NLogGeneration.V6
                : TypeLookup.Get(compilation, "NLog.Layouts.Layout`1") is null ? NLogGeneration.V4 : NLogGeneration.V5;
        }

        public static void Evaluate(ConfigSink sink, HostModel host, NLogGeneration nlog, List<ConfigFinding> findings)
        {
            var settings = ToModel(sink, nlog, out var pathSetting);
            if (settings is null)
            {
                return;
            }

            // AtomFile coordinates the processes of one host by atomic appends: only retention applies to it.
            var reason = host.IsMultiProcess && sink.Kind != "AtomFile" ? host.Reason : null;
            foreach (var finding in LogSinkModel.Evaluate(settings, reason))
            {
                var arguments = (object[])finding.Arguments.Clone();
                TextSpan span;
                switch (finding.RuleId)
                {
                    case DiagnosticIds.SharedLogFileSink:
                        span = SharedSpan(sink, nlog, finding.Fix);
                        if (sink.Library == LogLibrary.NLog && nlog == NLogGeneration.V6 && sink.Get("concurrentWrites") is not null && arguments.Length > 1)
                        {
                            arguments[1] = "NLog 6 silently ignores the concurrentWrites attribute (the property was removed); " + arguments[1];
                        }

                        break;
                    case DiagnosticIds.LogFilesNeverDeleted:
                        span = finding.IsInfo ? pathSetting?.Span ?? sink.Anchor : RetentionSpan(sink, pathSetting);
                        break;
                    case DiagnosticIds.FileSinkStopsAtSizeLimit:
                        span = SizeLimitSpan(sink);
                        break;
                    default:
                        continue;
                }

                findings.Add(new ConfigFinding(finding.Descriptor, span, arguments, finding.IsInfo ? DiagnosticSeverity.Info : null));
            }
        }

        /// <summary>The configuration sink as the model's settings; null for a sink the model does not know.</summary>
        public static LogSinkSettings? ToModel(ConfigSink sink, NLogGeneration nlog, out ConfigSetting? pathSetting)
        {
            LogSinkKind kind;
            string pathName;
            switch (sink.Library)
            {
                case LogLibrary.Serilog:
                    kind = sink.Kind == "RollingFile" ? LogSinkKind.SerilogRollingFile : sink.Audit ? LogSinkKind.SerilogAuditFile : LogSinkKind.SerilogFile;
                    pathName = sink.Kind == "RollingFile" ? "pathFormat" : "path";
                    break;
                case LogLibrary.NLog:
                    kind = LogSinkKind.NLogFile;
                    pathName = "fileName";
                    break;
                default:
                    kind = sink.Kind == "RollingFileAppender" ? LogSinkKind.Log4NetRollingFile : LogSinkKind.Log4NetFile;
                    pathName = "file";
                    break;
            }

            var settings = new LogSinkSettings(kind, nlog);
            foreach (var setting in sink.Settings.Values)
            {
                settings[setting.Name] = ToValue(sink.Library, setting);
            }

            pathSetting = sink.Get(pathName);
            var path = pathSetting?.Value;
            settings.PathText = path;
            // log4net reads type names ignoring case (checked with 3.6.0: type="log4net.util.patternstring" formats the value).
            settings.PathIsLog4NetPattern = sink.Library == LogLibrary.Log4Net && pathSetting?.TypeName?.IndexOf("PatternString", StringComparison.OrdinalIgnoreCase) >= 0;
            if (path is not null && HasUnresolvedVariable(sink.Library, path, settings.PathIsLog4NetPattern))
            {
                // A variable the analyzer cannot resolve may hold an instance or process id (the documented way in JSON,
                // which has no process-id token): do not claim the file is shared.
                settings.PathScope = LogPathScope.PerInstance;
            }
            else if (path is null && settings.PathIsLog4NetPattern)
            {
                // <file type="log4net.Util.PatternString"><conversionPattern value="…%processid…"/></file> (log4net's FAQ): a
                // pattern not read here may name a file per process; do not claim the file is shared (the session's third review).
                settings.PathScope = LogPathScope.PerInstance;
            }

            return settings;
        }

        private static LogSettingValue ToValue(LogLibrary library, ConfigSetting setting)
        {
            // log4net: <lockingModel type="…"/> carries its value in the type attribute.
            var value = setting.Value ?? (library == LogLibrary.Log4Net ? setting.TypeName : null);
            if (value is null)
            {
                return LogSettingValue.Null;
            }

            // Serilog.Settings.Configuration reads "" as null for nullable parameters.
            if (value.Length == 0 && library == LogLibrary.Serilog)
            {
                return LogSettingValue.Null;
            }

            if (value == "{}")
            {
                return LogSettingValue.UnknownNonNull;
            }

            if (setting.AsBool is { } flag)
            {
                return LogSettingValue.FromBool(flag);
            }

            if (long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return LogSettingValue.FromNumber(number);
            }

            return LogSettingValue.FromText(value);
        }

        /// <summary>
        /// Where a PM1001 is: the setting that lets the processes collide, or the sink's type when the default does. NLog 6:
        /// an archiveFileName (archiving then moves the active file) before keepFileOpen. Before NLog 6 archiving always
        /// moves the file and the fix is concurrentWrites, so that comes first and archiveFileName is not a place.
        /// </summary>
        private static TextSpan SharedSpan(ConfigSink sink, NLogGeneration nlog, LogSinkFix fix)
        {
            string[] names = sink.Library switch
            {
                LogLibrary.Serilog => new[] { "shared" },
                LogLibrary.NLog when nlog == NLogGeneration.V6 => new[] { "archiveFileName", "concurrentWrites", "keepFileOpen" },
                LogLibrary.NLog => new[] { "concurrentWrites", "keepFileOpen" },
                // log4net: the lock when the lock is the problem (a FileAppender, or a RollingFileAppender that renames nothing).
                _ => fix == LogSinkFix.Log4NetInterProcessLock ? new[] { "lockingModel" } : Array.Empty<string>(),
            };
            foreach (var name in names)
            {
                if (sink.Get(name) is { } setting)
                {
                    return setting.Span;
                }
            }

            return sink.Anchor;
        }

        /// <summary>Where a PM3005 is: Serilog's rollOnFileSizeLimit, else its fileSizeLimitBytes; NLog's maxArchiveFiles; log4net's
        /// maximumFileSize or maxFileSize; else the sink.</summary>
        private static TextSpan SizeLimitSpan(ConfigSink sink)
        {
            var setting = sink.Library switch
            {
                LogLibrary.Serilog => sink.Get("rollOnFileSizeLimit") ?? sink.Get("fileSizeLimitBytes"),
                LogLibrary.NLog => sink.Get("maxArchiveFiles"),
                _ => sink.Get("maximumFileSize") ?? sink.Get("maxFileSize"),
            };
            return setting?.Span ?? sink.Anchor;
        }

        /// <summary>Where a PM2003 is: the null/negative/zero limit, else the sink (a missing limit), else its file name (date-named files); log4net's rolling by date: its rollingStyle, else the sink.</summary>
        private static TextSpan RetentionSpan(ConfigSink sink, ConfigSetting? pathSetting)
        {
            switch (sink.Library)
            {
                case LogLibrary.Serilog:
                    if (sink.Get("retainedFileCountLimit") is { IsNullOrEmpty: true } count)
                    {
                        return count.Span;
                    }

                    return sink.Get("fileSizeLimitBytes")?.Span ?? sink.Anchor;
                case LogLibrary.NLog:
                    var limit = sink.Get("maxArchiveFiles") ?? sink.Get("maxArchiveDays");
                    if (limit is not null)
                    {
                        return limit.Span;
                    }

                    var archives = sink.Get("archiveAboveSize") ?? sink.Get("archiveEvery") ?? sink.Get("archiveOldFileOnStartup");
                    return archives is null ? pathSetting?.Span ?? sink.Anchor : sink.Anchor;
                default:
                    // The negative MaxSizeRollBackups, else the style that rolls by date (the sink when it is the default).
                    if (sink.Get("maxSizeRollBackups") is { } backups && ToValue(sink.Library, backups).TryGetNumber(out var number) && number < 0)
                    {
                        return backups.Span;
                    }

                    return sink.Get("rollingStyle")?.Span ?? sink.Anchor;
            }
        }

        /// <summary>Serilog %VAR%, NLog ${environment:VAR} and ${gdc:…}, log4net ${VAR} and %env{VAR}: unknown at build time.</summary>
        private static bool HasUnresolvedVariable(LogLibrary library, string path, bool log4netPattern)
        {
            switch (library)
            {
                case LogLibrary.Serilog:
                    return HasUnknownVariable(path, "%", "%");
                case LogLibrary.NLog:
                    // ${gdc:logDirectory} (or item=logDirectory): a value set in code, judged by its name as an environment
                    // variable is (real-world rounds 10 and 28: a content root set per application, the same for every process).
                    return HasUnknownVariable(path, "${gdc:", "}") ||
                           HasUnknownVariable(path, "${environment:", "}");
                default:
                    return HasUnknownVariable(path, "${", "}") || (log4netPattern && HasUnknownVariable(path, "%env{", "}"));
            }
        }

        /// <summary>Words that say a variable holds an instance or a process, whatever it ends with (<c>%WORKER_INSTANCE_PATH%</c>).</summary>
        private static readonly string[] InstanceWords = { "INSTANCE", "PROCESS", "PID", "REPLICA", "POD", "NODE", "WORKER", "HOST", "MACHINE", "COMPUTER" };

        /// <param name="name">As <see cref="VariableName"/> reads it (options after ':' left out).</param>
        private static bool IsFolderVariable(string name)
        {
            foreach (var word in InstanceWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }

            foreach (var ending in FolderVariableEndings)
            {
                if (name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The variable's name in NLog's spellings: <c>${environment:variable=LOGS}</c> is <c>${environment:LOGS}</c>,
        /// <c>${gdc:item=logDirectory}</c> is <c>${gdc:logDirectory}</c> (the default parameter named), and options after
        /// a ':' (<c>:whenEmpty=…</c>) are not the name (the session's last review: the two spellings were judged apart).
        /// </summary>
        private static string VariableName(string text)
        {
            if (text.StartsWith("variable=", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring("variable=".Length);
            }
            else if (text.StartsWith("item=", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring("item=".Length);
            }

            var colon = text.IndexOf(':');
            return (colon >= 0 ? text.Substring(0, colon) : text).Trim();
        }

        private static bool HasUnknownVariable(string path, string open, string close)
        {
            var index = 0;
            while (index < path.Length)
            {
                var start = path.IndexOf(open, index, StringComparison.OrdinalIgnoreCase);
                if (start < 0)
                {
                    return false;
                }

                var nameStart = start + open.Length;
                var end = path.IndexOf(close, nameStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                var name = VariableName(path.Substring(nameStart, end - nameStart).Trim());
                if (name.Length > 0 && name.IndexOf(' ') < 0 && name.IndexOf('/') < 0 && name.IndexOf('\\') < 0 &&
                    Array.IndexOf(SharedVariables, name.ToUpperInvariant()) < 0 && !IsFolderVariable(name))
                {
                    return true;
                }

                index = end + close.Length;
            }

            return false;
        }
    }
}
