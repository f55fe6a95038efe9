using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>NLog's FileTarget generation, told apart by the members of the referenced assembly (not its version number).</summary>
    internal enum NLogGeneration
    {
        /// <summary>NLog is not referenced: only what is unsafe in both generations is reported.</summary>
        Unknown,

        /// <summary>FileTarget has ConcurrentWrites (NLog 4 and 5).</summary>
        V5,

        /// <summary>FileTarget has no ConcurrentWrites (NLog 6).</summary>
        V6,
    }

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
    /// The library facts of issue 3 applied to sinks read from configuration files: what each setting means for
    /// several processes (PM1001), retention (PM2003) and Serilog's size limit (PM3005). The same facts as the code
    /// rules; every decision takes plain values, so the lead can route it through the shared model.
    /// </summary>
    internal static class ConfigSinkRules
    {
        public const long SerilogDefaultFileSizeLimit = 1L * 1024 * 1024 * 1024;

        /// <summary>Environment variables that name a shared folder, not a process or an instance.</summary>
        private static readonly string[] SharedVariables =
        {
            "TEMP", "TMP", "TMPDIR", "HOME", "LOCALAPPDATA", "APPDATA", "PROGRAMDATA", "USERPROFILE", "ALLUSERSPROFILE",
            "PUBLIC", "SYSTEMDRIVE", "SYSTEMROOT", "WINDIR", "HOMEDRIVE", "HOMEPATH", "PROGRAMFILES", "BASEDIR",
            "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "LOGS", "LOG_DIR", "LOGDIR",
        };

        public static void Evaluate(ConfigSink sink, HostModel host, NLogGeneration nlog, List<ConfigFinding> findings)
        {
            switch (sink.Library)
            {
                case LogLibrary.Serilog:
                    EvaluateSerilog(sink, host, findings);
                    break;
                case LogLibrary.NLog:
                    EvaluateNLog(sink, host, nlog, findings);
                    break;
                case LogLibrary.Log4Net:
                    EvaluateLog4Net(sink, host, findings);
                    break;
            }
        }

        // ------------------------------------------------------------------ Serilog

        private static void EvaluateSerilog(ConfigSink sink, HostModel host, List<ConfigFinding> findings)
        {
            var isFile = sink.Kind == "File";
            var path = sink.Get(isFile ? "path" : "pathFormat")?.Value ?? string.Empty;
            var shared = sink.Get("shared");
            var rollingInterval = sink.Get("rollingInterval")?.Value?.Trim();
            var rollOnSize = sink.Get("rollOnFileSizeLimit");
            var rollsOnSize = rollOnSize?.AsBool == true;
            var rolls = !isFile || rollsOnSize || (rollingInterval is { Length: > 0 } && !rollingInterval.Equals("Infinite", StringComparison.OrdinalIgnoreCase));
            var description = $"The Serilog {sink.Kind} sink writing '{path}'";

            // PM1001: several processes on one file without shared: true.
            if (host.IsMultiProcess && shared?.AsBool != true && !IsPerProcessOrInstancePath(path, LogLibrary.Serilog))
            {
                var what = rolls
                    ? "on Linux the processes open the same file and overwrite each other's lines; on Windows the others fall back to per-process files (_001, _002…) that a shipper reading the base name misses, or drop events"
                    : "on Linux the processes open the same file and overwrite each other's lines; on Windows every process but the first cannot open it and logs nothing for its lifetime";
                findings.Add(new ConfigFinding(
                    Descriptors.PM1001SharedLogFileSink,
                    shared?.Span ?? sink.Anchor,
                    new object[] { description + " is not shared (set \"shared\": true, or put an instance id such as %WEBSITE_INSTANCE_ID% in the path)", what, host.Reason }));
            }

            // PM2003: no retention.
            var countLimit = sink.Get("retainedFileCountLimit");
            var timeLimit = sink.Get("retainedFileTimeLimit");
            if (rolls && countLimit is not null && countLimit.IsNullOrEmpty && (timeLimit is null || timeLimit.IsNullOrEmpty))
            {
                findings.Add(new ConfigFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    countLimit.Span,
                    new object[] { description + " has \"retainedFileCountLimit\": null and no retainedFileTimeLimit" }));
            }

            var sizeLimit = sink.Get("fileSizeLimitBytes");
            if (!rolls && sizeLimit is not null && sizeLimit.IsNullOrEmpty)
            {
                findings.Add(new ConfigFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    sizeLimit.Span,
                    new object[] { description + " has \"fileSizeLimitBytes\": null on a file that never rolls, so the one file grows without limit" }));
            }

            // PM3005: File stops writing at its size limit unless it rolls on size.
            if (isFile && !rollsOnSize && (sizeLimit is null || !sizeLimit.IsNullOrEmpty))
            {
                var limit = SerilogDefaultFileSizeLimit;
                var parsed = sizeLimit is null || long.TryParse(sizeLimit.Value!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit);
                if (parsed && limit > 0)
                {
                    var size = sizeLimit is null ? "1 GB (the default fileSizeLimitBytes)" : FormatBytes(limit);
                    findings.Add(new ConfigFinding(
                        Descriptors.PM3005FileSinkStopsAtSizeLimit,
                        rollOnSize?.Span ?? sizeLimit?.Span ?? sink.Anchor,
                        new object[] { size }));
                }
            }
        }

        // ------------------------------------------------------------------ NLog

        private static void EvaluateNLog(ConfigSink sink, HostModel host, NLogGeneration nlog, List<ConfigFinding> findings)
        {
            var fileName = sink.Get("fileName")?.Value ?? string.Empty;
            var description = $"The NLog {sink.Kind} target writing '{fileName}'";
            var concurrentWrites = sink.Get("concurrentWrites");
            var keepFileOpen = sink.Get("keepFileOpen");
            var archiveFileName = sink.Get("archiveFileName");
            var archiveAboveSize = sink.Get("archiveAboveSize");
            var archiveEvery = sink.Get("archiveEvery");
            var archives = (archiveAboveSize is not null && archiveAboveSize.Value?.Trim() is { Length: > 0 } size && size != "0" && size != "-1") ||
                           (archiveEvery is not null && archiveEvery.Value?.Trim() is { Length: > 0 } every && !every.Equals("None", StringComparison.OrdinalIgnoreCase)) ||
                           (archiveFileName is not null && !archiveFileName.IsNullOrEmpty);
            var perProcess = IsPerProcessOrInstancePath(fileName, LogLibrary.NLog);

            // PM1001 (File only; AtomFile coordinates processes by atomic appends).
            if (sink.Kind == "File" && host.IsMultiProcess && !perProcess)
            {
                string? what = null;
                var span = sink.Anchor;
                var closes = keepFileOpen?.AsBool == false;
                switch (nlog)
                {
                    case NLogGeneration.V5:
                        if (concurrentWrites?.AsBool != true && !closes)
                        {
                            what = "NLog 5 keeps the file open (keepFileOpen defaults to true) without concurrentWrites=\"true\", which NLog's release notes say \"will lead to failure\" with several processes on one path";
                            span = concurrentWrites?.Span ?? span;
                        }

                        break;
                    case NLogGeneration.V6:
                        if (archiveFileName is not null && !archiveFileName.IsNullOrEmpty)
                        {
                            what = "archiveFileName makes NLog 6 archive by renaming the file (File.Move), and the other processes keep writing into the renamed file";
                            span = archiveFileName.Span;
                        }
                        else if (!closes)
                        {
                            what = concurrentWrites is not null
                                ? "NLog 6 removed concurrentWrites and silently ignores the attribute, so the file is kept open without coordination: on Linux the processes overwrite each other's lines, on Windows the others cannot open it"
                                : "NLog 6 keeps the file open (keepFileOpen defaults to true) without coordinating processes: on Linux they overwrite each other's lines, on Windows the others cannot open it";
                            span = concurrentWrites?.Span ?? keepFileOpen?.Span ?? span;
                        }

                        break;
                    default:
                        if (concurrentWrites?.AsBool != true && !closes)
                        {
                            what = "the file is kept open (keepFileOpen defaults to true) and processes are not coordinated (no concurrentWrites=\"true\" on NLog 5, no keepFileOpen=\"false\" on NLog 6)";
                            span = keepFileOpen?.Span ?? span;
                        }

                        break;
                }

                if (what is not null)
                {
                    var fix = nlog switch
                    {
                        NLogGeneration.V5 => "set concurrentWrites=\"true\", or put ${processid} in the file name",
                        NLogGeneration.V6 => "use the AtomFile target or keepFileOpen=\"false\", and remove archiveFileName",
                        _ => "coordinate the processes (NLog 5: concurrentWrites=\"true\"; NLog 6: AtomFile or keepFileOpen=\"false\")",
                    };
                    findings.Add(new ConfigFinding(Descriptors.PM1001SharedLogFileSink, span, new object[] { $"{description} is shared by worker processes ({fix})", what, host.Reason }));
                }
            }

            // PM2003: archives kept forever.
            var maxArchiveFiles = sink.Get("maxArchiveFiles");
            var maxArchiveDays = sink.Get("maxArchiveDays");
            if (archives && (maxArchiveDays is null || !IsPositive(maxArchiveDays.Value)))
            {
                var value = maxArchiveFiles?.Value?.Trim();
                var unlimited = nlog switch
                {
                    // NLog 5: 0 (the default) and negative keep every archive.
                    NLogGeneration.V5 => value is null || !IsPositive(value),

                    // NLog 6: -1 (the default) keeps every archive; 0 keeps none.
                    NLogGeneration.V6 => value is null || (value.StartsWith("-", StringComparison.Ordinal) && value != "0"),
                    _ => value is null || value.StartsWith("-", StringComparison.Ordinal),
                };
                if (unlimited)
                {
                    findings.Add(new ConfigFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        maxArchiveFiles?.Span ?? sink.Anchor,
                        new object[] { description + " archives " + (maxArchiveFiles is null ? "without maxArchiveFiles" : "with maxArchiveFiles=\"" + value + "\"") }));
                }
            }

            if (archives && ContainsProcessId(fileName, LogLibrary.NLog))
            {
                findings.Add(new ConfigFinding(
                    Descriptors.PM2003LogFilesNeverDeleted,
                    sink.Get("fileName")!.Span,
                    new object[] { description + " has ${processid} in its name: retention works per name, so the files of every ended process stay" },
                    DiagnosticSeverity.Info));
            }
        }

        // ------------------------------------------------------------------ log4net

        private static void EvaluateLog4Net(ConfigSink sink, HostModel host, List<ConfigFinding> findings)
        {
            var file = sink.Get("file");
            var path = file?.Value ?? string.Empty;
            var isPattern = file?.TypeName?.IndexOf("PatternString", StringComparison.Ordinal) >= 0;
            var perProcess = IsPerProcessOrInstancePath(path, LogLibrary.Log4Net, isPattern);
            var description = $"The log4net {sink.Kind} writing '{path}'";
            var lockingModel = sink.Get("lockingModel");
            var locking = lockingModel?.TypeName?.Trim() ?? string.Empty;

            if (host.IsMultiProcess && !perProcess)
            {
                if (sink.Kind == "RollingFileAppender")
                {
                    findings.Add(new ConfigFinding(
                        Descriptors.PM1001SharedLogFileSink,
                        sink.Anchor,
                        new object[]
                        {
                            description + " is shared by worker processes (give each process its own file, e.g. <file type=\"log4net.Util.PatternString\" value=\"logs/app-[%processid].log\"/>, or log to stdout)",
                            "RollingFileAppender rolls by renaming the file while each process counts its own bytes, so processes roll twice and keep writing into renamed files; its FAQ calls this \"incompatible with any locking model\"",
                            host.Reason,
                        }));
                }
                else if (locking.IndexOf("MinimalLock", StringComparison.Ordinal) < 0 && locking.IndexOf("InterProcessLock", StringComparison.Ordinal) < 0)
                {
                    var what = locking.IndexOf("NoLock", StringComparison.Ordinal) >= 0
                        ? "NoLock lets the processes write over each other's lines"
                        : "the default ExclusiveLock keeps the file open: on Windows the other processes' messages are discarded, on Linux the processes overwrite each other's lines";
                    findings.Add(new ConfigFinding(
                        Descriptors.PM1001SharedLogFileSink,
                        lockingModel?.Span ?? sink.Anchor,
                        new object[] { description + " is shared by worker processes (use <lockingModel type=\"log4net.Appender.FileAppender+InterProcessLock\"/>)", what, host.Reason }));
                }
            }

            if (sink.Kind == "RollingFileAppender")
            {
                var backups = sink.Get("maxSizeRollBackups");
                if (backups?.Value is { } value && int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count < 0)
                {
                    findings.Add(new ConfigFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        backups.Span,
                        new object[] { description + $" has maxSizeRollBackups {count}, which never deletes backups" }));
                }

                if (isPattern && ContainsProcessId(path, LogLibrary.Log4Net))
                {
                    findings.Add(new ConfigFinding(
                        Descriptors.PM2003LogFilesNeverDeleted,
                        file!.Span,
                        new object[] { description + " has %processid in its name: retention works per name, so the files of every ended process stay" },
                        DiagnosticSeverity.Info));
                }
            }
        }

        // ------------------------------------------------------------------ paths

        /// <summary>
        /// A path that differs per process or per instance: a process id (${processid}, %processid), or an
        /// environment variable the analyzer cannot resolve (it may hold an instance id such as WEBSITE_INSTANCE_ID
        /// or HOSTNAME, as the docs recommend for JSON, which has no process-id token). Folders such as %TEMP% do not count.
        /// </summary>
        public static bool IsPerProcessOrInstancePath(string path, LogLibrary library, bool isPatternString = false)
        {
            if (ContainsProcessId(path, library, isPatternString))
            {
                return true;
            }

            switch (library)
            {
                case LogLibrary.Serilog:
                    // Serilog.Settings.Configuration expands %VAR%.
                    return HasUnknownVariable(path, "%", "%");
                case LogLibrary.NLog:
                    return path.IndexOf("${hostname", StringComparison.OrdinalIgnoreCase) >= 0 ||
                           path.IndexOf("${machinename", StringComparison.OrdinalIgnoreCase) >= 0 ||
                           path.IndexOf("${gdc:", StringComparison.OrdinalIgnoreCase) >= 0 ||
                           HasUnknownVariable(path, "${environment:", "}") ||
                           HasUnknownVariable(path, "${environment:variable=", "}");
                default:
                    // log4net expands ${VAR} in values, and %env{VAR} in pattern strings.
                    return HasUnknownVariable(path, "${", "}") ||
                           (isPatternString && HasUnknownVariable(path, "%env{", "}"));
            }
        }

        public static bool ContainsProcessId(string path, LogLibrary library, bool isPatternString = true)
        {
            switch (library)
            {
                case LogLibrary.NLog:
                    return path.IndexOf("${processid", StringComparison.OrdinalIgnoreCase) >= 0 ||
                           path.IndexOf("${processinfo", StringComparison.OrdinalIgnoreCase) >= 0;
                case LogLibrary.Log4Net:
                    return isPatternString && path.IndexOf("%processid", StringComparison.OrdinalIgnoreCase) >= 0;
                default:
                    return false;
            }
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

                var name = path.Substring(nameStart, end - nameStart).Trim();
                if (name.Length > 0 && Array.IndexOf(SharedVariables, name.ToUpperInvariant()) < 0 && name.IndexOf(' ') < 0)
                {
                    return true;
                }

                index = end + close.Length;
            }

            return false;
        }

        private static bool IsPositive(string? value)
            => value is not null && int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0;

        private static string FormatBytes(long bytes)
        {
            const long Mb = 1024 * 1024;
            const long Gb = 1024 * Mb;
            if (bytes % Gb == 0)
            {
                return (bytes / Gb).ToString(CultureInfo.InvariantCulture) + " GB";
            }

            if (bytes % Mb == 0)
            {
                return (bytes / Mb).ToString(CultureInfo.InvariantCulture) + " MB";
            }

            return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        }
    }
}
