using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3006: a <c>System.Timers.Timer</c> Elapsed handler writes to disk with no catch around the write. The timer catches and
    /// discards every exception its handler throws, so the failure leaves no trace (real-world round 13: the Azure Functions
    /// host flushes its log file from such a handler). The handler is a lambda or a method of the same file, followed into
    /// the methods of the same file it calls (three calls deep). Not reported: a write inside a try with an unfiltered catch
    /// that can catch an I/O failure (PM3001 judges that catch), an async handler (its exception escapes to the thread pool
    /// and ends the process), a file that sets the timer's SynchronizingObject (the handler runs through BeginInvoke, where
    /// its exception surfaces).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3006TimerSwallowsWriteFailureAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxHelperDepth = 3;

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3006TimerSwallowsWriteFailure;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var timer = TypeLookup.Get(start.Compilation, "System.Timers.Timer");
                var io = timer is null ? null : IoTypes.Create(start.Compilation);
                if (timer is null || io is null)
                {
                    return;
                }

                // Event subscriptions are rare: one callback for each `+=`/`-=` of an event.
                start.RegisterOperationAction(c => AnalyzeSubscription(c, timer, io), OperationKind.EventAssignment);
            });
        }

        private static void AnalyzeSubscription(OperationAnalysisContext context, INamedTypeSymbol timer, IoTypes io)
        {
            var assignment = (IEventAssignmentOperation)context.Operation;
            if (!assignment.Adds || assignment.EventReference is not IEventReferenceOperation { Event.Name: "Elapsed" } reference ||
                !TypeSymbols.InheritsFromOrEquals(reference.Event.ContainingType, timer) || assignment.SemanticModel is not { } model)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var (body, handler) = HandlerBody(assignment.HandlerValue, model, cancellationToken);
            if (body is null || SetsSynchronizingObject(model, cancellationToken) ||
                FindUncaughtWrite(body, io, model, 0, cancellationToken) is not { } write)
            {
                return;
            }

            context.ReportUnlessGenerated(Diagnostic.Create(
                Rule,
                reference.Syntax.GetLocation(),
                new[] { write.Operation.Syntax.GetLocation() },
                handler,
                write.Name));
        }

        /// <summary>The body of a synchronous handler the analyzer can read: a lambda, or a method of this file.</summary>
        private static (IOperation? Body, string Name) HandlerBody(IOperation handler, SemanticModel model, CancellationToken cancellationToken)
        {
            var value = OperationFacts.UnwrapConversions(handler);
            if (value is IDelegateCreationOperation creation)
            {
                value = OperationFacts.UnwrapConversions(creation.Target);
            }

            return value switch
            {
                IAnonymousFunctionOperation lambda when !lambda.Symbol.IsAsync => (lambda.Body, "This lambda"),
                IMethodReferenceOperation { Method: { IsAsync: false } method } => (OperationFacts.SameFileHelperBody(method, model, cancellationToken), "'" + method.Name + "'"),
                _ => (null, string.Empty),
            };
        }

        /// <summary>
        /// The first write in the body, or in a method of this file it calls, that no catch in between can catch: the failure
        /// reaches the timer.
        /// </summary>
        private static (IOperation Operation, string Name)? FindUncaughtWrite(IOperation body, IoTypes io, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                var write = operation switch
                {
                    IInvocationOperation invocation => io.GetDurableWrite(invocation),
                    IObjectCreationOperation creation => io.GetDurableCreation(creation),
                    _ => null,
                };
                if ((write is null && operation is not IInvocationOperation) || IsCaught(operation, body, io))
                {
                    continue;
                }

                if (write is not null)
                {
                    return (operation, write);
                }

                var call = (IInvocationOperation)operation;
                if (depth < MaxHelperDepth && !call.TargetMethod.IsAsync &&
                    OperationFacts.SameFileHelperBody(call, model, cancellationToken) is { } helper &&
                    FindUncaughtWrite(helper, io, model, depth + 1, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Is the operation in the body of a try, within <paramref name="body"/>, that has an unfiltered catch able to
        /// catch an I/O failure? A filtered catch (<c>when (e is FileNotFoundException)</c>) lets the others through.</summary>
        private static bool IsCaught(IOperation operation, IOperation body, IoTypes io)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
            {
                if (parent is ITryOperation @try && @try.Body == child)
                {
                    foreach (var clause in @try.Catches)
                    {
                        if (clause.Filter is null && io.CanCatchIoFailure(clause.ExceptionType))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Does this file name the timer's SynchronizingObject? Then the handler may run through
        /// ISynchronizeInvoke.BeginInvoke (a form's message loop), where its exception is not swallowed.</summary>
        private static bool SetsSynchronizingObject(SemanticModel model, CancellationToken cancellationToken)
            => model.SyntaxTree.GetText(cancellationToken).ToString().Contains("SynchronizingObject");
    }
}
