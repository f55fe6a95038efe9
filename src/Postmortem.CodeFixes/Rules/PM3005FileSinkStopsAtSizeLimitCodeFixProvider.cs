using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// PM3005 fixes: Serilog <c>rollOnFileSizeLimit: true</c>, so reaching the limit starts a new file instead of stopping;
    /// log4net <c>MaxSizeRollBackups = 10</c>, so the size roll keeps backups instead of truncating the file; NLog 6
    /// <c>MaxArchiveFiles = 31</c> instead of 0, which keeps no archive.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3005FileSinkStopsAtSizeLimitCodeFixProvider)), Shared]
    public sealed class PM3005FileSinkStopsAtSizeLimitCodeFixProvider : LogSinkCodeFixProvider
    {
        public const string RollOnFileSizeLimitKey = "PM3005.RollOnFileSizeLimit";
        public const string MaxSizeRollBackupsKey = "PM3005.MaxSizeRollBackups";
        public const string MaxArchiveFilesKey = "PM3005.MaxArchiveFiles";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.FileSinkStopsAtSizeLimit);

        internal override (string Title, string Key)? Describe(LogSinkFix fix) => fix switch
        {
            LogSinkFix.SerilogRollOnFileSizeLimit => ("Start a new file at the limit (rollOnFileSizeLimit: true)", RollOnFileSizeLimitKey),
            LogSinkFix.Log4NetMaxSizeRollBackups => ("Keep 10 backups at the limit (MaxSizeRollBackups = 10)", MaxSizeRollBackupsKey),
            LogSinkFix.NLogMaxArchiveFiles => ("Keep the last 31 archives (MaxArchiveFiles = 31)", MaxArchiveFilesKey),
            _ => null,
        };
    }
}
