using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3003: the bool of <c>ChannelWriter&lt;T&gt;.TryWrite</c> or <c>BlockingCollection&lt;T&gt;.TryAdd</c> is dropped,
    /// so when the bounded queue is full (or completed) the item is lost without a trace. Not reported when the queue is
    /// provably unbounded (created by <c>Channel.CreateUnbounded</c> in an initializer the analyzer can see).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3003IgnoredRefusedWriteAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// <c>postmortem.PM3003.report_discards = false</c> exempts explicit discards (<c>_ = writer.TryWrite(item);</c>)
        /// as deliberate; the default (true) reports them like a plain statement.
        /// </summary>
        public const string ReportDiscardsOption = "postmortem.PM3003.report_discards";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3003IgnoredRefusedWrite;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var queues = WriteQueues.Create(start.Compilation);
                if (queues.IsEmpty)
                {
                    return;
                }

                // A result is ignored only where a statement drops it, so the driver calls back per expression statement
                // rather than per call: about half as many callbacks (docs/performance-history.md, third session). And only in types whose files
                // name TryWrite or TryAdd (a method's name is written where it is called; nested types start on their own).
                new FilesNaming(WriteQueues.TryWriteName, WriteQueues.TryAddName)
                    .RegisterOperationActionInTypesNaming(start, c => AnalyzeStatement(c, queues), OperationKind.ExpressionStatement);
            });
        }

        private static void AnalyzeStatement(OperationAnalysisContext context, WriteQueues queues)
        {
            var invocation = AsyncWrites.GetDroppedInvocation((IExpressionStatementOperation)context.Operation, out var isDiscard);
            if (invocation is null || !WriteQueues.IsCandidateName(invocation.TargetMethod.Name))
            {
                return;
            }

            var write = queues.GetRefusableWrite(invocation);
            if (write is null)
            {
                return;
            }

            if (isDiscard && !ReportsDiscards(context))
            {
                return;
            }

            if (WriteQueues.WaitsForever(invocation) || queues.IsProvablyUnbounded(invocation.Instance, invocation.SemanticModel))
            {
                return;
            }

            context.ReportUnlessGenerated(Diagnostic.Create(Rule, AsyncWrites.GetNameLocation(invocation), write));
        }

        private static bool ReportsDiscards(OperationAnalysisContext context)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree);
            if (!options.TryGetValue(ReportDiscardsOption, out var value))
            {
                context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ReportDiscardsOption, out value);
            }

            return !string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
