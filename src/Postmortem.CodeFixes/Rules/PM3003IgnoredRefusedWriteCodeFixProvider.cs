using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// PM3003 fixes: in an async context, <c>await writer.WriteAsync(item)</c> (waits for room instead of dropping);
    /// otherwise <c>if (!writer.TryWrite(item)) { throw new InvalidOperationException(…); }</c>, except in a logger of one's
    /// own (<see cref="LoggerTypes"/>), where a Serilog sink gets <c>if (!…) { SelfLog.WriteLine(…); }</c> instead.
    /// Offered only where the call is a statement of its own.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3003IgnoredRefusedWriteCodeFixProvider)), Shared]
    public sealed class PM3003IgnoredRefusedWriteCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string AwaitWriteAsyncKey = "PM3003.AwaitWriteAsync";
        public const string ThrowIfRefusedKey = "PM3003.ThrowIfRefused";
        public const string ReportToSelfLogKey = "PM3003.ReportToSelfLog";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.IgnoredRefusedWrite);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var site = DroppedCallSite.Find(root, diagnostic.Location.SourceSpan);
            if (site?.Statement is null || site.Conditional is not null || model.GetOperation(site.Invocation, cancellationToken) is not IInvocationOperation operation)
            {
                yield break;
            }

            var isChannel = operation.TargetMethod.Name == WriteQueues.TryWriteName;

            // A Drop* channel never refuses (TryWrite returns true) and never waits (WriteAsync drops as well): a check or an
            // await would only hide the warning. What helps is at the creation (Wait mode, or an itemDropped callback).
            if (isChannel && WriteQueues.Create(model.Compilation).IsProvablyDropping(operation.Instance, operation.SemanticModel))
            {
                yield break;
            }

            if (isChannel && AsyncWrites.IsInAsyncContext(operation) && AsyncWrites.CanAwaitHere(operation))
            {
                yield return new FixOption("Await WriteAsync (wait for room instead of dropping the item)", AwaitWriteAsyncKey);
                yield break;
            }

            // In a logger of one's own every caller that logs would throw on each dropped item, exactly while the process
            // is overloaded (real-world round 17: Serilog's BatchingSink). A Serilog sink reports it to SelfLog instead.
            // Known by what the type implements, not by its name: a queue in an EventSink or a CommitLog is often a data
            // pipeline's, where refusing loudly is right.
            if (LoggerTypes.IsInALogger(site.Statement, model, cancellationToken, byName: false))
            {
                if (LoggerTypes.IsInASerilogSink(site.Statement, model, cancellationToken) &&
                    model.Compilation.GetTypeByMetadataName(SelfLogType) is not null)
                {
                    yield return new FixOption("Report the dropped event to Serilog's SelfLog", ReportToSelfLogKey);
                }

                yield break;
            }

            // Nor in a store or queue that such a logger writes to (real-world round 23: an ILogger's log store), nor in a
            // logger known by its name only (round 26).
            if (LoggerTypes.IsInATypeNamedLogger(site.Statement, model, cancellationToken) ||
                LoggerTypes.IsCalledByALogger(site.Statement, model, cancellationToken))
            {
                yield break;
            }

            // Nor where a catch around the call would take the exception and drop it (round 26: TPW_'s
            // `try { queue.TryAdd(x); } catch { }`): the item would still vanish, the warning with it.
            if (IsSwallowedAround(operation, model.Compilation))
            {
                yield break;
            }

            yield return new FixOption("Throw when the item is refused", ThrowIfRefusedKey);
        }

        private const string SelfLogType = "Serilog.Debugging.SelfLog";

        /// <summary>
        /// Would an <c>InvalidOperationException</c> thrown at the call be caught, in the same method, lambda or local function,
        /// by a catch that does nothing with it: an empty one, or one that only leaves (<c>return;</c>, <c>break;</c>,
        /// <c>continue;</c>)? The first clause of the nearest try that takes the type decides; a filtered clause may or may
        /// not take it, and a clause that does something (logs, counts, returns a value) makes the refusal seen.
        /// </summary>
        private static bool IsSwallowedAround(IOperation operation, Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName("System.InvalidOperationException") is not { } thrown)
            {
                return false;
            }

            for (var child = operation; child.Parent is { } parent; child = parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }

                if (parent is not ITryOperation @try || @try.Body != child)
                {
                    continue;
                }

                foreach (var clause in @try.Catches)
                {
                    if (clause.ExceptionType is { } caught && caught.SpecialType != SpecialType.System_Object &&
                        !TypeSymbols.InheritsFromOrEquals(thrown, caught))
                    {
                        continue;
                    }

                    return clause.Filter is null && clause.Handler.Operations.All(
                        statement => statement is IBranchOperation || statement is IReturnOperation { ReturnedValue: null });
                }
            }

            return false;
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            var site = DroppedCallSite.Find(context.Root, diagnostic.Location.SourceSpan);
            if (site?.Statement is not { } statement || site.Invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return;
            }

            StatementSyntax replacement;
            if (equivalenceKey == AwaitWriteAsyncKey)
            {
                // writer.TryWrite(item);  →  await writer.WriteAsync(item);  (with the one CancellationToken in scope: the
                // call now waits for room, and a full queue must not hold up a shutdown).
                var call = site.Invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName("WriteAsync").WithTriviaFrom(access.Name)));
                if (call.ArgumentList.Arguments.Count == 1 && TheCancellationToken(site.Invocation, context.Model) is { } token)
                {
                    call = call.AddArgumentListArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
                }
                replacement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(call.WithoutTrivia()));
            }
            else if (equivalenceKey == ReportToSelfLogKey)
            {
                // if (!_queue.Writer.TryWrite(logEvent)) { SelfLog.WriteLine("BatchingSink: …"); }: where a sink's own failures go.
                var sink = statement.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText ?? "The sink";
                var selfLog = SelfLogName(context, statement.SpanStart);
                replacement = IfRefused(site.Invocation, SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParseExpression(selfLog), SyntaxFactory.IdentifierName("WriteLine")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(sink + ": the queue is full or completed, an item was dropped"))))))));
            }
            else
            {
                var isChannel = access.Name.Identifier.ValueText == WriteQueues.TryWriteName;
                var message = isChannel
                    ? "The channel is full or completed: the item was not written."
                    : "The collection is full or completed: the item was not added.";
                context.RequireNamespace("System");
                replacement = IfRefused(site.Invocation, SyntaxFactory.ThrowStatement(
                    SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName("InvalidOperationException"))
                        .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message))))))));
            }

            replacement = replacement.WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);
            if (replacement is IfStatementSyntax @if && statement.GetTrailingTrivia() is var trailing && trailing.Any(FixSyntax.IsComment))
            {
                // queue.TryAdd(e); // why  →  if (!queue.TryAdd(e)) // why: the comment stays on the call's line, not after the
                // new block's closing brace (real-world round 13, Ryujinx).
                var onTheLine = trailing.TakeWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
                replacement = @if
                    .WithCloseParenToken(@if.CloseParenToken.WithTrailingTrivia(onTheLine))
                    .WithTrailingTrivia(trailing.Skip(onTheLine.Count));
            }

            // An embedded statement (if (x) writer.TryWrite(i); else …) gets braces, so a new if cannot capture the else.
            if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
            {
                // The block takes the statement's trivia, less a comment the if above already carries on its line.
                replacement = SyntaxFactory.Block(replacement.WithoutTrivia())
                    .WithLeadingTrivia(statement.GetLeadingTrivia())
                    .WithTrailingTrivia(replacement.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            context.Editor.ReplaceNode(statement, replacement);
        }

        /// <summary><c>if (!call) { body }</c>.</summary>
        private static IfStatementSyntax IfRefused(InvocationExpressionSyntax call, StatementSyntax body)
            => SyntaxFactory.IfStatement(
                SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, call.WithoutTrivia()),
                SyntaxFactory.Block(body));

        /// <summary>
        /// How to name Serilog's SelfLog here: <c>SelfLog</c> where it already means Serilog's, or where the name means
        /// nothing yet (then <c>using Serilog.Debugging;</c> is added); the full name where the user has a SelfLog of their
        /// own in scope (a type or a member), which the short name would call instead.
        /// </summary>
        private static string SelfLogName(FixContext context, int position)
        {
            var bound = context.Model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName("SelfLog"), SpeculativeBindingOption.BindAsExpression);
            if (bound.Symbol is null && bound.CandidateSymbols.IsEmpty)
            {
                context.RequireNamespace("Serilog.Debugging");
                return "SelfLog";
            }

            return FixSyntax.TypeName(context.Model, position, "Serilog.Debugging", "SelfLog");
        }

        /// <summary>
        /// The name of the only CancellationToken parameter or local (declared before the call) in scope, if there is exactly
        /// one. Inside a <c>static</c> local function or lambda only its own: the enclosing method's cannot be captured there
        /// (CS8421), though the lookup still names them.
        /// </summary>
        private static string? TheCancellationToken(InvocationExpressionSyntax call, SemanticModel model)
        {
            var tokenType = model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            if (tokenType is null)
            {
                return null;
            }

            var capturable = StaticFunctionAround(call)?.Span;
            string? found = null;
            foreach (var symbol in model.LookupSymbols(call.SpanStart))
            {
                var type = symbol switch
                {
                    IParameterSymbol parameter => parameter.Type,
                    ILocalSymbol local when local.DeclaringSyntaxReferences.All(r => r.Span.End <= call.SpanStart) => local.Type,
                    _ => null,
                };
                if (type is not null && capturable is { } span &&
                    !(symbol.DeclaringSyntaxReferences.Length > 0 && symbol.DeclaringSyntaxReferences.All(r => span.Contains(r.Span))))
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, tokenType))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = symbol.Name;
                }
            }

            return found;
        }

        /// <summary>The innermost <c>static</c> local function or lambda around the node: nothing declared outside it can be used in it.</summary>
        private static SyntaxNode? StaticFunctionAround(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                var modifiers = ancestor switch
                {
                    LocalFunctionStatementSyntax function => function.Modifiers,
                    AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                    _ => default,
                };
                if (modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    return ancestor;
                }

                if (ancestor is MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
