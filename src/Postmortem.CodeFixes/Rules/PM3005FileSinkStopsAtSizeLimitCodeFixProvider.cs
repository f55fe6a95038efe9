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
    /// <summary>PM3005 fix: <c>rollOnFileSizeLimit: true</c>, so reaching the limit starts a new file instead of stopping.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3005FileSinkStopsAtSizeLimitCodeFixProvider)), Shared]
    public sealed class PM3005FileSinkStopsAtSizeLimitCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string RollOnFileSizeLimitKey = "PM3005.RollOnFileSizeLimit";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.FileSinkStopsAtSizeLimit);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (LogSinkFixes.CanApply(root, diagnostic, LogSinkFix.SerilogRollOnFileSizeLimit))
            {
                yield return new FixOption("Start a new file at the limit (rollOnFileSizeLimit: true)", RollOnFileSizeLimitKey);
            }
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
            => LogSinkFixes.Apply(context, diagnostic, LogSinkFix.SerilogRollOnFileSizeLimit);
    }
}
