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
                // A call whose result is used is looked at too (on a channel that drops unseen, its check never sees a drop),
                // but only in the files that also name FullMode: the Drop mode must be seen at the channel's creation, which
                // in practice is written in the file that uses the channel. Elsewhere the driver is spared a callback on
                // every call (a second comparison of the twenty-fourth session put PM3003 at 1.17 of the build before).
                var calls = new FilesNaming(WriteQueues.TryWriteName, WriteQueues.TryAddName);
                var dropModes = new FilesNaming("FullMode");
                start.RegisterSymbolStartAction(
                    type =>
                    {
                        var locations = type.Symbol.Locations;
                        if (!calls.AnyNames(locations, type.CancellationToken))
                        {
                            return;
                        }

                        type.RegisterOperationAction(c => AnalyzeStatement(c, queues), OperationKind.ExpressionStatement);
                        if (dropModes.AnyNames(locations, type.CancellationToken))
                        {
                            type.RegisterOperationAction(c => AnalyzeCheckedWrite(c, queues), OperationKind.Invocation);
                        }
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>Message arguments of an ignored result.</summary>
        private static object[] IgnoredArguments(string write)
            => new object[] { "The result of '" + write + "' is ignored", "when the queue is full an item is dropped silently" };

        /// <summary>Message arguments of a result checked on a channel that drops unseen.</summary>
        private static object[] DeadCheckArguments(string write)
            => new object[]
            {
                "'" + write + "' returns true even when this channel drops an item to make room (a Drop mode without an itemDropped callback)",
                "checking its result never sees a drop, and items are dropped silently when the queue is full",
            };

        /// <summary>
        /// <c>if (!writer.TryWrite(item)) Report(…)</c> on a channel the analyzer sees created in a Drop* mode without an
        /// <c>itemDropped</c> callback: the check never runs for a drop (only once the channel is completed), so the drops it is meant to report go unseen (real-world round
        /// 19, Karambolo's file logger: its queue in <c>DropWrite</c> mode lost 990 of 1,000 entries, and its drop event never
        /// fired). A dropped result is the statement's case (<see cref="AnalyzeStatement"/>).
        /// </summary>
        private static void AnalyzeCheckedWrite(OperationAnalysisContext context, WriteQueues queues)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != WriteQueues.TryWriteName ||
                AsyncWrites.GetDroppingOperation(invocation, out _) is not null ||
                queues.GetRefusableWrite(invocation) is not { } write ||
                !queues.IsProvablyDroppingUnseen(invocation.Instance, invocation.SemanticModel))
            {
                return;
            }

            context.ReportUnlessGenerated(Diagnostic.Create(Rule, AsyncWrites.GetNameLocation(invocation), DeadCheckArguments(write)));
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

            context.ReportUnlessGenerated(Diagnostic.Create(Rule, AsyncWrites.GetNameLocation(invocation), IgnoredArguments(write)));
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
