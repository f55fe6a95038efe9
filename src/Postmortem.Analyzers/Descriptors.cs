using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers
{
    /// <summary>The one factory every rule's descriptor comes from: category, help link, tags.</summary>
    internal static class Descriptors
    {
        /// <summary>All our rules share one category so users can set them at once:
        /// <c>dotnet_analyzer_diagnostic.category-Postmortem.severity = error</c>.</summary>
        public const string Category = "Postmortem";

        public const string HelpLinkBase = "https://github.com/postmortem-analyzers/Postmortem.Analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        // Every rule's descriptor, in ID order. Each rule's analyzer reports through these fields.

        public static readonly DiagnosticDescriptor PM0001ConfigFileUnreadable = Create(
            DiagnosticIds.ConfigFileUnreadable,
            title: "A configuration file could not be read",
            messageFormat: "'{0}' could not be read as {1} ({2}), so its logging configuration was not checked",
            description: "The analyzers read logging configuration (appsettings*.json, serilog*.json, nlog.config, log4net.config, web.config, app.config) " +
                         "to find the same hazards as in code. This file is malformed, so it was skipped; the application will likely fail to read it too.",
            defaultSeverity: DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor PM1001SharedLogFileSink = Create(
            DiagnosticIds.SharedLogFileSink,
            title: "A file log sink is shared by worker processes without coordination",
            messageFormat: "{0}: {1}. {2}.",
            description: "Several worker processes write one log file through a sink that does not coordinate them: lines are overwritten, " +
                         "split into per-process files, or written into a file another process has renamed. The first incident lost 87% of its records this way.");

        public static readonly DiagnosticDescriptor PM1002HandWrittenRotation = Create(
            DiagnosticIds.HandWrittenRotation,
            title: "Hand-written rotation of a file other processes write",
            messageFormat: "'{0}' rotates the file this type also writes ({1}): each worker process rotates on its own, so a process holding the file open keeps writing into the renamed or deleted file, and processes rotating in turn overwrite or delete each other's lines. {2}.",
            description: "Rotating a log file by renaming, moving or deleting it from application code works for one process only: " +
                         "the other worker processes keep their handles and write into the renamed file, which the shipper never reads, " +
                         "and processes that open the file for each write rotate it in turn, each over the archive the other made.");

        public static readonly DiagnosticDescriptor PM2001TempFileNeverDeleted = Create(
            DiagnosticIds.TempFileNeverDeleted,
            title: "A temporary file or folder is never deleted",
            messageFormat: "The temporary {0} created by '{1}' is never deleted{2}: every call leaves one behind until the disk fills",
            description: "A temporary file or folder that nothing deletes accumulates with every call until the disk fills " +
                         "(and on Windows, with .NET Framework and .NET 7 or earlier, Path.GetTempFileName fails once 65,535 of its files exist).");

        public static readonly DiagnosticDescriptor PM2002PerRequestFileLeft = Create(
            DiagnosticIds.PerRequestFileLeft,
            title: "A request handler leaves a new file behind on every request",
            messageFormat: "'{0}' creates a new {1} at a path unique to the request and nothing deletes it: under load the disk fills",
            description: "A request handler that writes a file under a unique name (a GUID, the clock, a random name) and never deletes it " +
                         "grows the disk with every request; the second incident took the site down this way.");

        public static readonly DiagnosticDescriptor PM2003LogFilesNeverDeleted = Create(
            DiagnosticIds.LogFilesNeverDeleted,
            title: "Log files are never deleted",
            messageFormat: "{0}: log files are kept forever and will fill the disk",
            description: "A file log sink configured without a retention limit keeps every file it ever wrote.");

        public static readonly DiagnosticDescriptor PM3001SwallowedWriteFailure = Create(
            DiagnosticIds.SwallowedWriteFailure,
            title: "A write failure is swallowed",
            messageFormat: "This catch swallows the failure of '{0}': log it, rethrow it or return it, or {1} goes unnoticed{2}",
            description: "A catch whose try block writes to disk lets the exception vanish: nothing is logged, rethrown or returned. " +
                         "When the disk fills or a file is locked, the data is lost and nobody learns of it. A comment is not handling.");

        public static readonly DiagnosticDescriptor PM3002DiscardedWriteTask = Create(
            DiagnosticIds.DiscardedWriteTask,
            title: "A write task is discarded",
            messageFormat: "{0}: if the write fails, {1}",
            description: "The task returned by an asynchronous write carries its failure. Discarding it (with _ =, by not awaiting it, " +
                         "or by firing it off with Task.Run) makes a failed write disappear without a trace.");

        public static readonly DiagnosticDescriptor PM3003IgnoredRefusedWrite = Create(
            DiagnosticIds.IgnoredRefusedWrite,
            title: "A refused write is ignored",
            messageFormat: "{0}: {1}",
            description: "TryWrite/TryAdd return false when a bounded queue is full. Ignoring the result drops data silently.");

        public static readonly DiagnosticDescriptor PM3004LoggingFailuresInvisible = Create(
            DiagnosticIds.LoggingFailuresInvisible,
            title: "The logging library's failures are invisible",
            messageFormat: "{0}: its write failures go only to {1}, so a full disk or a locked file is never reported",
            description: "Serilog, NLog, log4net and ZLogger swallow their own write failures and report them only to an internal channel that is off by default.",
            defaultSeverity: DiagnosticSeverity.Info,
            compilationEnd: true);

        public static readonly DiagnosticDescriptor PM3005FileSinkStopsAtSizeLimit = Create(
            DiagnosticIds.FileSinkStopsAtSizeLimit,
            title: "A file log sink loses records at its size limit",
            messageFormat: "This file sink {2}{1} when the file reaches {0}, because {3}",
            description: "Serilog's file sink has a size limit (1 GB by default): without rollOnFileSizeLimit: true, reaching it silently stops all writing. " +
                         "log4net's RollingFileAppender rolling by size with MaxSizeRollBackups left at 0 truncates its file at the limit (10 MB by default), " +
                         "and NLog 6's FileTarget with MaxArchiveFiles = 0 deletes the file at each archive: what the file held is lost.");

        public static readonly DiagnosticDescriptor PM3006TimerSwallowsWriteFailure = Create(
            DiagnosticIds.TimerSwallowsWriteFailure,
            title: "A System.Timers.Timer handler's write failure vanishes",
            messageFormat: "{0} handles a System.Timers.Timer's Elapsed event, and the timer swallows every exception its handler throws: when '{1}' fails ({2}), nothing is logged and nobody learns of it",
            description: "System.Timers.Timer catches and discards every exception an Elapsed handler throws. A write the handler makes " +
                         "without a catch of its own fails without a trace: no log line, no crash, the timer goes on.");

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity defaultSeverity = DiagnosticSeverity.Warning,
            bool isEnabledByDefault = true,
            bool compilationEnd = false)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                defaultSeverity,
                isEnabledByDefault,
                description,
                HelpLink(id),
                compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
        }
    }
}
