using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
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
    public sealed class PM3005FileSinkStopsAtSizeLimitCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string RollOnFileSizeLimitKey = "PM3005.RollOnFileSizeLimit";
        public const string MaxSizeRollBackupsKey = "PM3005.MaxSizeRollBackups";
        public const string MaxArchiveFilesKey = "PM3005.MaxArchiveFiles";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.FileSinkStopsAtSizeLimit);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var fix = LogSinkFixes.FixOf(diagnostic);
            if (!LogSinkFixes.CanApply(root, diagnostic, fix))
            {
                yield break;
            }

            switch (fix)
            {
                case LogSinkFix.SerilogRollOnFileSizeLimit:
                    yield return new FixOption("Start a new file at the limit (rollOnFileSizeLimit: true)", RollOnFileSizeLimitKey);
                    break;
                case LogSinkFix.Log4NetMaxSizeRollBackups:
                    yield return new FixOption("Keep 10 backups at the limit (MaxSizeRollBackups = 10)", MaxSizeRollBackupsKey);
                    break;
                case LogSinkFix.NLogMaxArchiveFiles:
                    yield return new FixOption("Keep the last 31 archives (MaxArchiveFiles = 31)", MaxArchiveFilesKey);
                    break;
            }
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
            => LogSinkFixes.Apply(context, diagnostic, LogSinkFixes.FixOf(diagnostic));
    }
}
