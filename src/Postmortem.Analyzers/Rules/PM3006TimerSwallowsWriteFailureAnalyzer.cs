using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3006: a <c>System.Timers.Timer</c> Elapsed handler writes to disk with no catch around the write. The timer catches and
    /// discards every exception its handler throws, so the failure leaves no trace (real-world round 13: the Azure Functions
    /// host flushes its log file from such a handler). The handler is a lambda or a method of the same file, followed into
    /// the methods of the same file it calls (three calls deep). Not reported: a write inside a try whose catch takes an
    /// IOException and does not throw again (PM3001 judges that catch), an async handler (its exception escapes to the
    /// thread pool and ends the process), a type that assigns a timer's SynchronizingObject (the handler runs through
    /// BeginInvoke, where its exception surfaces). See docs/rules/PM3006.md.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3006TimerSwallowsWriteFailureAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3006TimerSwallowsWriteFailure;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var elapsed = TypeLookup.Get(start.Compilation, "System.Timers.Timer")?.GetMembers("Elapsed").OfType<IEventSymbol>().FirstOrDefault();
                var io = elapsed is null ? null : IoTypes.Create(start.Compilation);
                if (elapsed is null || io is null)
                {
                    return;
                }

                // Event subscriptions are rare: one callback for each `+=`/`-=` of an event.
                start.RegisterOperationAction(c => AnalyzeSubscription(c, elapsed, io), OperationKind.EventAssignment);
            });
        }

        private static void AnalyzeSubscription(OperationAnalysisContext context, IEventSymbol elapsed, IoTypes io)
        {
            var assignment = (IEventAssignmentOperation)context.Operation;
            if (!assignment.Adds || assignment.EventReference is not IEventReferenceOperation { Event.Name: "Elapsed" } reference ||
                !SymbolEqualityComparer.Default.Equals(reference.Event.OriginalDefinition, elapsed) || assignment.SemanticModel is not { } model)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var target = HandlerTarget(assignment.HandlerValue);
            var (body, handler) = HandlerBody(target, model, cancellationToken);
            var handlerMethod = target as IMethodReferenceOperation;
            var method = HandlerMethod(handlerMethod);
            if ((body is null && method is null) || SetsSynchronizingObject(context.ContainingSymbol.ContainingType, elapsed.ContainingType, context.Compilation, cancellationToken))
            {
                return;
            }

            // The handler's own body, then (a virtual or abstract handler) the overrides declared in source: what runs for
            // the subclass that starts the timer (real-world round 33: an abstract auto-save handler, written in each service).
            var found = body is null ? null : FindUncaughtWrite(body, io, model, cancellationToken);
            if (found is null && method is not null && handlerMethod is not null)
            {
                // A handler of the subscriber's own (`OnTick`, `this.OnTick`, `((Mid)this).OnTick`), not another object's.
                var ownHandler = handlerMethod.Instance is { } instance && OperationFacts.UnwrapConversions(instance) is IInstanceReferenceOperation;
                found = FindUncaughtWriteInOverrides(method, ownHandler, context.ContainingSymbol.ContainingType, elapsed.ContainingType, io, context.Compilation, cancellationToken, out handler);
            }

            if (found is not { } write)
            {
                return;
            }

            context.ReportUnlessGenerated(Diagnostic.Create(
                Rule,
                reference.Syntax.GetLocation(),
                new[] { write.Operation.Syntax.GetLocation() },
                handler,
                write.Name,
                IoTypes.WhatFailsIt(write.Name)));
        }

        /// <summary>What the handler is made of: a lambda, a method reference (inside a delegate creation and conversions).</summary>
        private static IOperation HandlerTarget(IOperation handler)
        {
            var value = OperationFacts.UnwrapConversions(handler);
            return value is IDelegateCreationOperation creation ? OperationFacts.UnwrapConversions(creation.Target) : value;
        }

        /// <summary>The body of a synchronous handler the analyzer can read: a lambda, or a method of this file.</summary>
        private static (IOperation? Body, string Name) HandlerBody(IOperation value, SemanticModel model, CancellationToken cancellationToken)
            => value switch
            {
                IAnonymousFunctionOperation lambda when !lambda.Symbol.IsAsync => (lambda.Body, lambda.Syntax is AnonymousMethodExpressionSyntax ? "This anonymous method" : "This lambda"),
                // A partial method is async in its implementation only, which is the body read.
                IMethodReferenceOperation { Method: { } method } when !OperationFacts.Implementation(method).IsAsync => (OperationFacts.SameFileHelperBody(method, model, cancellationToken, overridable: true), "'" + method.Name + "'"),
                _ => (null, string.Empty),
            };

        /// <summary>The method a handler is made of (<c>timer.Elapsed += OnTick</c>) when a subclass may replace its body: a
        /// virtual, abstract or override method that is not sealed, of a type that is not sealed, called virtually (not
        /// <c>base.OnTick</c>, whose delegate runs the base body); null otherwise.</summary>
        private static IMethodSymbol? HandlerMethod(IMethodReferenceOperation? reference)
            => reference is { Method: { IsSealed: false, ContainingType.IsSealed: false } method } &&
               reference.Instance?.Syntax is not BaseExpressionSyntax &&
               (method.IsAbstract || method.IsVirtual || method.IsOverride)
                ? method
                : null;

        /// <summary>At most this many overrides of one handler are read.</summary>
        private const int MaxOverrides = 8;

        /// <summary>
        /// The first uncaught write in a synchronous override of the handler declared in source (any file, in the order of
        /// their files and positions), and the handler's name for the message. Only for a virtual or abstract handler, which
        /// is rare, so the compilation's declarations of the name are looked up then (<c>GetSymbolsWithName</c>).
        /// </summary>
        /// <param name="ownHandler">A handler of the subscriber's own (<c>this.OnTick</c>, <c>OnTick</c>): it runs the override
        /// of an instance of <paramref name="subscriber"/>, so only the overrides in types derived from it count (not a
        /// sibling's); a handler of another object (<c>other.OnTick</c>) may run any.</param>
        private static (IOperation Operation, string Name)? FindUncaughtWriteInOverrides(IMethodSymbol method, bool ownHandler, INamedTypeSymbol? subscriber, INamedTypeSymbol timer, IoTypes io, Compilation compilation, CancellationToken cancellationToken, out string handler)
        {
            handler = string.Empty;
            var target = method.OriginalDefinition;
            var overrides = new List<IMethodSymbol>();
            foreach (var symbol in compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol { IsOverride: true, DeclaringSyntaxReferences.Length: > 0 } candidate && Overrides(candidate, target) &&
                    !OperationFacts.Implementation(candidate).IsAsync && (!ownHandler || TypeSymbols.InheritsFromOrEquals(candidate.ContainingType, subscriber)))
                {
                    overrides.Add(candidate);
                }
            }

            overrides.Sort((a, b) =>
            {
                var (x, y) = (a.DeclaringSyntaxReferences[0], b.DeclaringSyntaxReferences[0]);
                var byFile = string.CompareOrdinal(x.SyntaxTree.FilePath, y.SyntaxTree.FilePath);
                return byFile != 0 ? byFile : x.Span.Start.CompareTo(y.Span.Start);
            });

            for (var i = 0; i < overrides.Count && i < MaxOverrides; i++)
            {
                var candidate = overrides[i];
#pragma warning disable RS1030 // An override in another file: read only for a virtual or abstract Elapsed handler, at most MaxOverrides.
                var model = compilation.GetSemanticModel(candidate.DeclaringSyntaxReferences[0].SyntaxTree);
#pragma warning restore RS1030
                // A subclass of the subscriber (the override's class or one between) that gives the timer a SynchronizingObject
                // runs its handler through BeginInvoke. Only for a handler of the subscriber's own: another object's override
                // has nothing to do with this timer.
                if (!(ownHandler && SetsSynchronizingObjectBetween(candidate.ContainingType, subscriber, timer, compilation, cancellationToken)) &&
                    OperationFacts.SameFileHelperBody(candidate, model, cancellationToken, overridable: true) is { } body &&
                    FindUncaughtWrite(body, io, model, cancellationToken) is { } write)
                {
                    handler = "'" + method.Name + "' (overridden in " + candidate.ContainingType.Name + ")";
                    return write;
                }
            }

            return null;

            static bool SetsSynchronizingObjectBetween(INamedTypeSymbol? type, INamedTypeSymbol? subscriber, INamedTypeSymbol timer, Compilation compilation, CancellationToken cancellationToken)
            {
                for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, subscriber?.OriginalDefinition); current = current.BaseType)
                {
                    if (SetsSynchronizingObject(current.OriginalDefinition, timer, compilation, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            static bool Overrides(IMethodSymbol candidate, IMethodSymbol target)
            {
                for (var current = candidate.OverriddenMethod; current is not null; current = current.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The first write in the body, or in a method of this file it calls, that no catch in between can catch: the failure
        /// reaches the timer.
        /// </summary>
        private static (IOperation Operation, string Name)? FindUncaughtWrite(IOperation body, IoTypes io, SemanticModel model, CancellationToken cancellationToken)
        {
            return FindUncaughtWrite(body, io, model, 0, returnedTaskWaited: false, new HelperReads(), cancellationToken);
        }

        /// <param name="returnedTaskWaited">Does the caller wait for the task the body returns (<c>SaveAsync().Wait()</c>), so
        /// that a write whose task is returned fails in the handler?</param>
        private static (IOperation Operation, string Name)? FindUncaughtWrite(IOperation body, IoTypes io, SemanticModel model, int depth, bool returnedTaskWaited, HelperReads reads, CancellationToken cancellationToken)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                var write = operation switch
                {
                    IInvocationOperation invocation when !ThroughAnUnseenStream(invocation, io, cancellationToken) && AsyncWrites.FailsWhereCalled(invocation, returnedTaskWaited) => io.GetDurableWrite(invocation),
                    IObjectCreationOperation creation => io.GetDurableCreation(creation),
                    _ => null,
                };
                if ((write is null && operation is not IInvocationOperation) || IoCatches.IsCaught(operation, body, io))
                {
                    continue;
                }

                if (write is not null)
                {
                    return (operation, write);
                }

                var call = (IInvocationOperation)operation;
                if (RunsDelegatesAtOnce(call) && FindUncaughtWriteInDelegates(call, io, model, depth, reads, cancellationToken) is { } inDelegate)
                {
                    return inDelegate;
                }

                if (FindUncaughtWriteInHelper(call.TargetMethod, io, model, depth, AsyncWrites.FailsWhereCalled(call, returnedTaskWaited), reads, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>The first uncaught write in a synchronous method of this file that the handler calls or passes as a delegate
        /// run at once, <see cref="HelperDepths.Max"/> calls deep. Each method is read once per subscription at the shallowest
        /// depth it is reached at (helpers calling each other would otherwise cost a power of their calls).</summary>
        private static (IOperation Operation, string Name)? FindUncaughtWriteInHelper(IMethodSymbol method, IoTypes io, SemanticModel model, int depth, bool returnedTaskWaited, HelperReads reads, CancellationToken cancellationToken)
            => !OperationFacts.Implementation(method).IsAsync && reads.ShouldRead(method, depth + 1, returnedTaskWaited) &&
               OperationFacts.SameFileHelperBody(method, model, cancellationToken, overridable: true) is { } helper
                ? FindUncaughtWrite(helper, io, model, depth + 1, returnedTaskWaited, reads, cancellationToken)
                : null;

        /// <summary>
        /// The helpers read for one subscription, each at the shallowest depth it was reached at, apart for calls whose task the
        /// caller waits for (a write whose task the helper returns counts there) and for those whose task it does not: a
        /// reading of one kind does not answer for the other, whichever the handler makes first (the twenty-seventh session's
        /// review: `_ = SaveAsync(); SaveAsync().Wait();` was silent, the other order reported).
        /// </summary>
        private sealed class HelperReads
        {
            private Dictionary<IMethodSymbol, int>? _whereDropped;
            private Dictionary<IMethodSymbol, int>? _whereWaited;

            public bool ShouldRead(IMethodSymbol method, int depth, bool returnedTaskWaited)
                => returnedTaskWaited
                    ? HelperDepths.ShouldRead(ref _whereWaited, method, depth)
                    : HelperDepths.ShouldRead(ref _whereDropped, method, depth);
        }

        /// <summary><c>List&lt;T&gt;.ForEach</c> and <c>Array.ForEach</c> run the delegate they are given for each item during the
        /// call, on the caller's thread: a failure in it reaches the handler as if written there
        /// (<c>Directory.GetFiles(dir).ToList().ForEach(File.Delete)</c>).</summary>
        private static bool RunsDelegatesAtOnce(IInvocationOperation call)
            => call.TargetMethod is { Name: "ForEach", ContainingType: { } type } &&
               (type.SpecialType == SpecialType.System_Array ||
                (type.OriginalDefinition is { Name: "List", Arity: 1 } list && list.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"));

        /// <summary>The first uncaught write in a delegate passed to such a call: a lambda's body, a method of this file
        /// (followed as a called one is), or a <c>File</c> write itself (<c>ForEach(File.Delete)</c>).</summary>
        private static (IOperation Operation, string Name)? FindUncaughtWriteInDelegates(IInvocationOperation call, IoTypes io, SemanticModel model, int depth, HelperReads reads, CancellationToken cancellationToken)
        {
            foreach (var argument in call.Arguments)
            {
                var value = OperationFacts.UnwrapConversions(argument.Value);
                if (value is not IDelegateCreationOperation creation)
                {
                    continue;
                }

                switch (OperationFacts.UnwrapConversions(creation.Target))
                {
                    case IAnonymousFunctionOperation { Symbol.IsAsync: false } lambda:
                        if (FindUncaughtWrite(lambda.Body, io, model, depth, returnedTaskWaited: false, reads, cancellationToken) is { } inLambda)
                        {
                            return inLambda;
                        }

                        break;
                    case IMethodReferenceOperation { Method: { } method } reference when !OperationFacts.Implementation(method).IsAsync:
                        if (io.GetDurableWrite(method) is { } write)
                        {
                            return (reference, write);
                        }

                        if (FindUncaughtWriteInHelper(method, io, model, depth, returnedTaskWaited: false, reads, cancellationToken) is { } inHelper)
                        {
                            return inHelper;
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>
        /// A write through a field or property typed only <c>Stream</c> or <c>TextWriter</c> whose value the analyzer cannot
        /// see (set in a constructor): a socket heartbeat, <c>Console.Out</c> kept in a field. The other rules take such a
        /// stream for storage; a timer's callback writes to sockets and consoles often enough that this rule does not. A field
        /// of this file initialized with a file it opens (<c>TextWriter _log = File.AppendText(path)</c>) is seen: a file.
        /// </summary>
        private static bool ThroughAnUnseenStream(IInvocationOperation invocation, IoTypes io, CancellationToken cancellationToken)
        {
            if (invocation.Instance is not { } instance)
            {
                return false;
            }

            var value = OperationFacts.UnwrapConversions(OperationFacts.ConditionalReceiver(instance));
            return value is IFieldReferenceOperation or IPropertyReferenceOperation &&
                   (SymbolEqualityComparer.Default.Equals(value.Type, io.Stream) || SymbolEqualityComparer.Default.Equals(value.Type, io.TextWriter)) &&
                   OperationFacts.GetVisibleInitializer(value) is null && !OpensAFileInItsInitializer(value, io, cancellationToken);
        }

        /// <summary>Is the value a field declared in this file whose initializer opens a file (<c>File.AppendText(…)</c>,
        /// <c>new StreamWriter(path)</c>, <c>new FileStream(…)</c>)? The twenty-seventh session's review: such a field was
        /// taken for an unseen one.</summary>
        private static bool OpensAFileInItsInitializer(IOperation value, IoTypes io, CancellationToken cancellationToken)
        {
            if (value is not IFieldReferenceOperation { Field: { } field } || value.SemanticModel is not { } model)
            {
                return false;
            }

            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == model.SyntaxTree &&
                    reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                    model.GetOperation(initializer, cancellationToken) is { } operation)
                {
                    return OperationFacts.UnwrapConversions(operation) switch
                    {
                        IInvocationOperation call => io.GetDurableWrite(call) is not null,
                        IObjectCreationOperation creation => io.GetDurableCreation(creation) is not null,
                        _ => false,
                    };
                }
            }

            return false;
        }

        /// <summary><c>null</c>, <c>null!</c>, <c>default</c>, <c>default(ISynchronizeInvoke)</c>, <c>(ISynchronizeInvoke)null</c>,
        /// in parentheses or not.</summary>
        private static bool IsNoObject(ExpressionSyntax value)
            => OperationFacts.WithoutParenthesesOrCasts(value) is { } inner &&
               (inner.IsKind(SyntaxKind.NullLiteralExpression) || inner.IsKind(SyntaxKind.DefaultLiteralExpression) || inner.IsKind(SyntaxKind.DefaultExpression));

        /// <summary>Does a declaration of the type (any part, any file: a form's designer file) assign a timer's
        /// SynchronizingObject? Then the handler may run through ISynchronizeInvoke.BeginInvoke (a form's message loop),
        /// where its exception is not swallowed. Syntax only, by name: <c>x.SynchronizingObject = …</c> (also
        /// <c>x?.SynchronizingObject = …</c>), the name alone in a timer's object initializer
        /// (<c>new Timer { SynchronizingObject = this }</c>, or a target-typed <c>new(…) { … }</c>); the name alone or after
        /// <c>this.</c>/<c>base.</c> elsewhere is a member of the type declaration around it, a timer's only in a type
        /// derived from the timer (round 33: a type's own lock field named so turned the rule off).</summary>
        private static bool SetsSynchronizingObject(INamedTypeSymbol? type, INamedTypeSymbol timer, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var reference in type?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                foreach (var assignment in declaration.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var name = assignment.Left switch
                    {
                        MemberAccessExpressionSyntax access => access.Name,
                        MemberBindingExpressionSyntax binding => binding.Name,
                        IdentifierNameSyntax identifier => identifier,
                        _ => null,
                    };

                    // `= null` (or default) leaves the handler on the thread pool, where the timer swallows its exception.
                    if (name?.Identifier.ValueText != "SynchronizingObject" || IsNoObject(assignment.Right))
                    {
                        continue;
                    }

                    var timers = assignment.Left switch
                    {
                        MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax) } or MemberBindingExpressionSyntax => true,
                        _ when assignment.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } initializer => InitializesATimer(initializer, timer, compilation, cancellationToken),
                        _ => IsOfADerivedTimer(assignment, declaration, type!, timer),
                    };
                    if (timers)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>An object initializer of a timer: <c>new Timer(…) { … }</c> by name, or else (rare: an alias, a class
        /// derived from the timer, a target-typed <c>new(…)</c>) by the created type, which the semantic model of the
        /// initializer's file tells. Not a nested member initializer (<c>W = { SynchronizingObject = … }</c>) nor another
        /// type's (<c>FileSystemWatcher</c>, a class of one's own).</summary>
        private static bool InitializesATimer(InitializerExpressionSyntax initializer, INamedTypeSymbol timer, Compilation compilation, CancellationToken cancellationToken)
        {
            if (initializer.Parent is ObjectCreationExpressionSyntax { Type: var named } && RightmostName(named) == "Timer")
            {
                return true;
            }

            if (initializer.Parent is not BaseObjectCreationExpressionSyntax creation || !compilation.ContainsSyntaxTree(creation.SyntaxTree))
            {
                return false;
            }

#pragma warning disable RS1030 // Only for an initializer setting SynchronizingObject on a type not named Timer: rare.
            var model = compilation.GetSemanticModel(creation.SyntaxTree);
#pragma warning restore RS1030
            return TypeSymbols.InheritsFromOrEquals(model.GetTypeInfo(creation, cancellationToken).Type, timer);
        }

        /// <summary>Is the type declaration around the assignment (the analyzed type's own, or one nested in it) derived from
        /// the timer? The analyzed type by its symbol; a nested type by the names in its base list (syntax only).</summary>
        private static bool IsOfADerivedTimer(AssignmentExpressionSyntax assignment, SyntaxNode declaration, INamedTypeSymbol type, INamedTypeSymbol timer)
        {
            var around = assignment.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (around is null || around == declaration)
            {
                return TypeSymbols.InheritsFromOrEquals(type, timer);
            }

            return around.BaseList?.Types.Any(t => RightmostName(t.Type) == "Timer") == true;
        }

        private static string? RightmostName(TypeSyntax type)
            => type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
    }
}
