using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Rules;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// PM3002 fixes: in an async context, await the task; in a sync context, call the synchronous counterpart
    /// (<c>File.WriteAllTextAsync</c> → <c>File.WriteAllText</c>, <c>FlushAsync</c> → <c>Flush</c>) when one with the same
    /// parameters exists. A CancellationToken argument is dropped with the Async suffix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3002DiscardedWriteTaskCodeFixProvider)), Shared]
    public sealed class PM3002DiscardedWriteTaskCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string AwaitKey = "PM3002.Await";
        public const string SynchronousKey = "PM3002.CallSynchronousCounterpart";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DiscardedWriteTask);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var site = DroppedCallSite.Find(root, diagnostic.Location.SourceSpan);
            if (site is null || model.GetOperation(site.Invocation, cancellationToken) is not IInvocationOperation operation)
            {
                yield break;
            }

            // An async void work item's task ends at its first await: awaiting it observes nothing (the third review).
            if (IsLauncher(diagnostic) && AsyncWrites.IsAsyncVoidWorkItem(operation))
            {
                yield break;
            }

            if (AsyncWrites.IsInAsyncContext(operation) && AsyncWrites.CanAwaitHere(operation))
            {
                // await x?.WriteAsync(…) throws when x is null. A work item started in a loop runs beside the next ones:
                // awaiting it would run them one at a time (real-world round 22: a download queue's Task.Run per job).
                if (site.Conditional is null && !(IsLauncher(diagnostic) && OperationFacts.IsInsideInItsFunction<ILoopOperation>(operation)))
                {
                    yield return new FixOption("Await the write", AwaitKey);
                }

                yield break;
            }

            if (diagnostic.Properties.TryGetValue(PM3002DiscardedWriteTaskAnalyzer.KindProperty, out var kind) && kind == AsyncWrites.WriteKind &&
                BuildSynchronousCall(site, operation, model, cancellationToken) is { } call)
            {
                yield return new FixOption($"Call the synchronous '{call.Name}'", SynchronousKey);
            }
        }

        private static bool IsLauncher(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(PM3002DiscardedWriteTaskAnalyzer.KindProperty, out var kind) && kind == AsyncWrites.LauncherKind;

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            var site = DroppedCallSite.Find(context.Root, diagnostic.Location.SourceSpan);
            if (site is null)
            {
                return;
            }

            if (equivalenceKey == AwaitKey)
            {
                // _ = x.WriteAsync(…)  →  await x.WriteAsync(…);   x.WriteAsync(…);  →  await x.WriteAsync(…);
                var awaited = SyntaxFactory.AwaitExpression(site.Dropped.WithoutTrivia()).WithTriviaFrom(site.Replaced);
                context.Editor.ReplaceNode(site.Replaced, awaited.WithAdditionalAnnotations(Formatter.Annotation));
                return;
            }

            if (context.Model.GetOperation(site.Invocation, context.CancellationToken) is IInvocationOperation operation &&
                BuildSynchronousCall(site, operation, context.Model, context.CancellationToken) is { } call)
            {
                context.Editor.ReplaceNode(site.Replaced, call.Replacement.WithTriviaFrom(site.Replaced).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        /// <summary>
        /// The synchronous call with the same receiver and arguments (CancellationToken arguments dropped), if it binds to a
        /// void member of the same type whose parameters are the async member's minus its CancellationToken.
        /// </summary>
        private static (ExpressionSyntax Replacement, string Name)? BuildSynchronousCall(DroppedCallSite site, IInvocationOperation operation, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = operation.TargetMethod;

            // receiver.WriteAsync(…), or receiver?.WriteAsync(…) on a reference type (bound as receiver.Write(…) would be).
            var receiver = site.Invocation.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Expression,
                MemberBindingExpressionSyntax when site.Conditional is { } conditional &&
                                                   model.GetTypeInfo(conditional.Expression, cancellationToken).Type is { IsReferenceType: true } => site.Conditional.Expression,
                _ => null,
            };
            if (receiver is null ||
                !method.Name.EndsWith("Async", System.StringComparison.Ordinal) ||
                model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { } cancellationTokenType)
            {
                return null;
            }

            var original = site.Invocation.ArgumentList.Arguments;
            var removed = new List<int>();
            foreach (var argument in operation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    return null;
                }

                if (argument.IsImplicit || argument.Parameter is null ||
                    !SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, cancellationTokenType))
                {
                    continue;
                }

                var index = argument.Syntax is ArgumentSyntax argumentSyntax ? original.IndexOf(argumentSyntax) : -1;
                if (index < 0)
                {
                    return null;
                }

                removed.Add(index);
            }

            // Remove from the end so the indexes stay valid.
            removed.Sort();
            var kept = original;
            for (var i = removed.Count - 1; i >= 0; i--)
            {
                kept = kept.RemoveAt(removed[i]);
            }

            var arguments = site.Invocation.ArgumentList.WithArguments(kept);

            var syncName = method.Name.Substring(0, method.Name.Length - "Async".Length);
            if (syncName.Length == 0)
            {
                return null;
            }

            var syncIdentifier = SyntaxFactory.IdentifierName(syncName);
            var call = site.Invocation
                .WithExpression(site.Invocation.Expression switch
                {
                    MemberAccessExpressionSyntax memberAccess => memberAccess.WithName(syncIdentifier.WithTriviaFrom(memberAccess.Name)),
                    MemberBindingExpressionSyntax binding => binding.WithName(syncIdentifier.WithTriviaFrom(binding.Name)),
                    var other => other,
                })
                .WithArgumentList(arguments);

            // Bound as receiver.Write(…): the member a conditional access would call on a non-null receiver.
            var bound = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), syncIdentifier),
                arguments);
            var info = model.GetSpeculativeSymbolInfo(site.Invocation.SpanStart, site.Conditional is null ? call : bound, SpeculativeBindingOption.BindAsExpression);
            if (info.Symbol is not IMethodSymbol sync ||
                sync.Name != syncName ||
                !sync.ReturnsVoid ||
                sync.MethodKind != MethodKind.Ordinary ||
                sync.IsExtensionMethod ||
                sync.IsStatic != method.IsStatic ||
                // On the receiver's type, either way: FileStream's FlushAsync() is Stream's, its Flush() FileStream's override.
                !(TypeSymbols.InheritsFromOrEquals(method.ContainingType, sync.ContainingType) ||
                  TypeSymbols.InheritsFromOrEquals(sync.ContainingType, method.ContainingType)))
            {
                return null;
            }

            // Same parameters, minus the CancellationToken: no silent switch to Write(object) or another overload.
            var expected = new List<ITypeSymbol>();
            foreach (var parameter in method.Parameters)
            {
                if (!SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationTokenType))
                {
                    expected.Add(parameter.Type);
                }
            }

            if (expected.Count != sync.Parameters.Length)
            {
                return null;
            }

            for (var i = 0; i < expected.Count; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(expected[i], sync.Parameters[i].Type))
                {
                    return null;
                }
            }

            return (site.Conditional is { } conditionalAccess ? conditionalAccess.WithWhenNotNull(call) : call, syncName);
        }
    }

    /// <summary>
    /// Where a dropped call sits: the invocation named by the diagnostic, the dropped expression (with any
    /// ConfigureAwait/AsTask), and the node a fix replaces (the <c>_ = …</c> assignment, or the dropped expression).
    /// </summary>
    internal sealed class DroppedCallSite
    {
        private DroppedCallSite(InvocationExpressionSyntax invocation, ExpressionSyntax dropped, ExpressionSyntax replaced, StatementSyntax? statement)
        {
            Invocation = invocation;
            Dropped = dropped;
            Replaced = replaced;
            Statement = statement;
        }

        public InvocationExpressionSyntax Invocation { get; }

        /// <summary><c>_log?.FlushAsync()</c>: the conditional access whose <c>WhenNotNull</c> is <see cref="Invocation"/>
        /// (awaiting it would throw when the receiver is null, and a check of its result cannot be written around it).</summary>
        public ConditionalAccessExpressionSyntax? Conditional => Invocation.Parent as ConditionalAccessExpressionSyntax;

        /// <summary>The invocation plus any ConfigureAwait/AsTask and parentheses around it.</summary>
        public ExpressionSyntax Dropped { get; }

        /// <summary>The <c>_ = …</c> assignment for a discard, otherwise <see cref="Dropped"/>.</summary>
        public ExpressionSyntax Replaced { get; }

        /// <summary>The expression statement holding <see cref="Replaced"/>, if it is one (not an expression body).</summary>
        public StatementSyntax? Statement { get; }

        public static DroppedCallSite? Find(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            // receiver.WriteAsync(…), receiver?.WriteAsync(…), or SaveAsync(…) (a method of the same type).
            var token = root.FindToken(span.Start);
            if (token.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            InvocationExpressionSyntax invocation;
            if (name.Parent is InvocationExpressionSyntax direct && direct.Expression == name)
            {
                invocation = direct;
            }
            else if (name.Parent is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax) ||
                     name.Parent.Parent is not InvocationExpressionSyntax called || called.Expression != name.Parent ||
                     name.Parent is MemberAccessExpressionSyntax access && access.Name != name)
            {
                return null;
            }
            else
            {
                invocation = called;
            }

            // receiver?.WriteAsync(…): the whole conditional access is what is dropped.
            ExpressionSyntax dropped = invocation;
            if (name.Parent is MemberBindingExpressionSyntax)
            {
                if (invocation.Parent is not ConditionalAccessExpressionSyntax conditional || conditional.WhenNotNull != invocation)
                {
                    return null;
                }

                dropped = conditional;
            }

            while (true)
            {
                if (dropped.Parent is ParenthesizedExpressionSyntax parenthesized)
                {
                    dropped = parenthesized;
                }
                else if (dropped.Parent is MemberAccessExpressionSyntax outerAccess && outerAccess.Expression == dropped &&
                         outerAccess.Name.Identifier.ValueText is "ConfigureAwait" or "AsTask" &&
                         outerAccess.Parent is InvocationExpressionSyntax outerInvocation)
                {
                    dropped = outerInvocation;
                }
                else
                {
                    break;
                }
            }

            switch (dropped.Parent)
            {
                case ExpressionStatementSyntax statement:
                    return new DroppedCallSite(invocation, dropped, dropped, statement);
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } assignment
                    when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == dropped:
                    return new DroppedCallSite(invocation, dropped, assignment, assignment.Parent as ExpressionStatementSyntax);
                case ArrowExpressionClauseSyntax:
                case LambdaExpressionSyntax:
                    return new DroppedCallSite(invocation, dropped, dropped, null);
                default:
                    return null;
            }
        }
    }
}
