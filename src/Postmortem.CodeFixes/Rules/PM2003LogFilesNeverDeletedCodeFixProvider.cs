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
    /// <summary>PM2003 fixes: Serilog <c>retainedFileCountLimit: 31</c> (Serilog's default) instead of null; NLog <c>MaxArchiveFiles = 31</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM2003LogFilesNeverDeletedCodeFixProvider)), Shared]
    public sealed class PM2003LogFilesNeverDeletedCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string RetainedFileCountLimitKey = "PM2003.RetainedFileCountLimit";
        public const string MaxArchiveFilesKey = "PM2003.MaxArchiveFiles";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LogFilesNeverDeleted);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var fix = LogSinkFixes.FixOf(diagnostic);
            if (!LogSinkFixes.CanApply(root, diagnostic, fix))
            {
                yield break;
            }

            switch (fix)
            {
                case LogSinkFix.SerilogRetainedFileCountLimit:
                    yield return new FixOption("Keep the last 31 files (retainedFileCountLimit: 31)", RetainedFileCountLimitKey);
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
