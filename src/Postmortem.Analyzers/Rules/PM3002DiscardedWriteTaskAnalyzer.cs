using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3002: the task of an asynchronous durable write is dropped (<c>_ =</c>, a statement in a non-async method,
    /// or a Task.Run/StartNew/QueueUserWorkItem of a writing lambda whose task is dropped), or that of a method of the same
    /// file whose task such a write fails, so its failure is never observed.
    /// Un-awaited call statements directly in an async function, and call statements of async methods of the compilation
    /// anywhere, are left to the compiler's CS4014.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3002DiscardedWriteTaskAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property: "Write" for an async write, "Launcher" for Task.Run and friends, "Helper" for a method of the same file that writes.</summary>
        public const string KindProperty = "Kind";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3002DiscardedWriteTask;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var writes = AsyncWrites.Create(start.Compilation);
                if (writes?.Io.Stream is null || writes.Task is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeInvocation(c, writes), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, AsyncWrites writes)
        {
            var invocation = (IInvocationOperation)context.Operation;

            // Cheapest checks first: the name (or, for a method of the project, its task), then whether the result is dropped
            // at all, then the types.
            if (!AsyncWrites.IsCandidateName(invocation.TargetMethod.Name) && !AsyncWrites.CallsOwnTaskMethod(invocation))
            {
                return;
            }

            string? write;
            string kind;
            var dropped = Dropped.No;
            var launcher = writes.GetLauncher(invocation);
            if (launcher is not null)
            {
                // ThreadPool.QueueUserWorkItem has no task at all: whatever its bool says, nobody observes the work item.
                dropped = launcher == AsyncWrites.QueueUserWorkItem ? Dropped.WorkItem : HowDropped(invocation, context.ContainingSymbol);
                if (dropped == Dropped.No)
                {
                    return;
                }

                // Task.Run((Action)(async () => …)), Task.Run(SaveVoid): the task ends at the work item's first await, and a
                // later failure is unhandled on a pool thread, as a QueueUserWorkItem's (the session's third review).
                if (dropped != Dropped.WorkItem && AsyncWrites.IsAsyncVoidWorkItem(invocation))
                {
                    dropped = Dropped.AsyncVoidWorkItem;
                }

                var lambda = AsyncWrites.GetWorkItemLambda(invocation);
                var inner = lambda is not null ? writes.FindWriteInWorkItem(lambda, context.CancellationToken)
                    : AsyncWrites.GetWorkItemMethodBody(invocation, context.CancellationToken) is { } body ? writes.FindWriteInWorkItem(body, body, context.CancellationToken)
                    : null;
                if (inner is null)
                {
                    return;
                }

                write = launcher + "(" + inner + ")";
                kind = AsyncWrites.LauncherKind;
            }
            else
            {
                dropped = HowDropped(invocation, context.ContainingSymbol);
                if (dropped == Dropped.No)
                {
                    return;
                }

                write = writes.GetAsyncWrite(invocation) ?? (dropped == Dropped.BlindContinuation ? writes.GetStreamEntryWrite(invocation) : null);
                kind = AsyncWrites.WriteKind;
                if (write is null)
                {
                    // A method of this file that writes: its dropped task loses the write's failure as the write's would.
                    write = writes.GetHelperWrite(invocation, context.CancellationToken);
                    kind = AsyncWrites.HelperKind;
                    if (write is null)
                    {
                        return;
                    }
                }
            }

            var location = AsyncWrites.GetNameLocation(invocation);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);
            var (what, consequence) = dropped switch
            {
                // An exception escaping a work item is unhandled on a pool thread: it ends the process, not silently.
                Dropped.WorkItem => ("'" + write + "' has no task to observe", "no caller can catch it and the unhandled exception ends the process"),
                Dropped.AsyncVoidWorkItem => ("'" + write + "' runs an async void work item, whose failure its task does not carry", "no caller can catch it and the unhandled exception ends the process"),
                Dropped.BlindContinuation => ("The task of '" + write + "' is continued by a lambda that never looks at it", "the continuation runs as if it had succeeded and nobody learns of it"),
                _ => ("The task of '" + write + "' is discarded", "nobody learns of it"),
            };
            context.ReportUnlessGenerated(Diagnostic.Create(Rule, location, properties, what, consequence));
        }

        private enum Dropped
        {
            No,
            Statement,
            BlindContinuation,

            /// <summary>ThreadPool.QueueUserWorkItem: no task at all.</summary>
            WorkItem,

            /// <summary>Task.Run/StartNew of an async void work item: its task ends at the first await.</summary>
            AsyncVoidWorkItem,
        }

        /// <summary>
        /// Nobody can observe the task: dropped as a statement or with <c>_ =</c> (unless CS4014 already says so), stored in a
        /// local nobody reads, or followed by a continuation that never reads it, whatever becomes of that continuation.
        /// </summary>
        private static Dropped HowDropped(IInvocationOperation invocation, ISymbol? containingMember)
        {
            var dropping = AsyncWrites.GetDroppingOperation(invocation, out var isDiscard);
            if (dropping is not null)
            {
                return AsyncWrites.IsReportedByCompiler(dropping, isDiscard, containingMember) ? Dropped.No : Dropped.Statement;
            }

            if (AsyncWrites.GetBlindContinuation(invocation) is not null)
            {
                return Dropped.BlindContinuation;
            }

            return AsyncWrites.IsStoredInALocalNobodyReads(invocation) ? Dropped.Statement : Dropped.No;
        }
    }
}
