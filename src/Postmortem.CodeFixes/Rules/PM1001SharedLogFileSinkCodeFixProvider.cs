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
    /// <summary>PM1001 fixes: Serilog <c>shared: true</c>; NLog 4/5 <c>ConcurrentWrites = true</c>; NLog 6 <c>KeepFileOpen = false</c>;
    /// log4net FileAppender <c>LockingModel = new FileAppender.InterProcessLock()</c>. None for RollingFileAppender or AuditTo.File,
    /// nor when Serilog's <c>buffered: true</c> or <c>hooks</c> would make <c>shared: true</c> throw.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM1001SharedLogFileSinkCodeFixProvider)), Shared]
    public sealed class PM1001SharedLogFileSinkCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string SerilogSharedKey = "PM1001.SerilogShared";
        public const string NLogConcurrentWritesKey = "PM1001.NLogConcurrentWrites";
        public const string NLogKeepFileOpenKey = "PM1001.NLogKeepFileOpenFalse";
        public const string Log4NetInterProcessLockKey = "PM1001.Log4NetInterProcessLock";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SharedLogFileSink);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var fix = LogSinkFixes.FixOf(diagnostic);
            if (!LogSinkFixes.CanApply(root, diagnostic, fix))
            {
                yield break;
            }

            switch (fix)
            {
                case LogSinkFix.SerilogShared:
                    yield return new FixOption("Share the file between processes (shared: true)", SerilogSharedKey);
                    break;
                case LogSinkFix.NLogConcurrentWrites:
                    yield return new FixOption("Coordinate the processes (ConcurrentWrites = true)", NLogConcurrentWritesKey);
                    break;
                case LogSinkFix.NLogKeepFileOpenFalse:
                    yield return new FixOption("Open the file per write (KeepFileOpen = false)", NLogKeepFileOpenKey);
                    break;
                case LogSinkFix.Log4NetInterProcessLock:
                    yield return new FixOption("Use the inter-process lock (LockingModel = new FileAppender.InterProcessLock())", Log4NetInterProcessLockKey);
                    break;
            }
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
            => LogSinkFixes.Apply(context, diagnostic, LogSinkFixes.FixOf(diagnostic));
    }
}
