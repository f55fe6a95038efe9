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
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Rules;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>PM3001 fixes: rethrow (<c>throw;</c>), or log the failure through an ILogger in scope.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3001SwallowedWriteFailureCodeFixProvider)), Shared]
    public sealed class PM3001SwallowedWriteFailureCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string RethrowKey = "PM3001.Rethrow";
        public const string LogKey = "PM3001.LogError";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SwallowedWriteFailure);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var catchClause = FindCatch(root, diagnostic);
            if (catchClause is null)
            {
                yield break;
            }

            // Logging first where a logger is in scope: it keeps what the method does and makes the failure seen, and the
            // first fix is the one `dotnet format analyzers` applies (rethrowing hands the exception to callers that may
            // not expect it: a request, a background loop).
            if (FindLogger(catchClause, model, cancellationToken) is not null)
            {
                yield return new FixOption("Log the failure with ILogger.LogError", LogKey);
            }

            // In a loop, `throw;` would end it at the first failure: the retries of a retry loop, or the items after this one
            // (real-world round 11: NuGet's migrations, each marked by a file, were stopped by the first failed marker), so
            // only logging is offered there; nor where nothing may escape (a finalizer, Dispose, a thread's, timer's or
            // event's callback, async void), nor in a logger of one's own or in code it calls (a writer's helpers: every caller
            // that logs would throw when the disk fills).
            // Nor around housekeeping (a stale backup deleted, the old file moved aside): its failure loses no data, and a
            // rethrow would fail the save or the start-up it serves (real-world round 16).
            if (!diagnostic.Properties.ContainsKey(PM3001SwallowedWriteFailureAnalyzer.RetryLoopProperty) &&
                !diagnostic.Properties.ContainsKey(PM3001SwallowedWriteFailureAnalyzer.HousekeepingProperty) &&
                !InALoop(catchClause) &&
                !MustNotThrow(catchClause, model, cancellationToken) &&
                !LoggerTypes.IsInALogger(catchClause, model, cancellationToken) &&
                !LoggerTypes.IsCalledByALogger(catchClause, model, cancellationToken))
            {
                yield return new FixOption("Rethrow the exception", RethrowKey);
            }
        }

        /// <summary>Is the catch inside a for, foreach, while or do loop of its own member (not one around a lambda or local function it is in)?</summary>
        private static bool InALoop(CatchClauseSyntax catchClause)
        {
            for (var node = catchClause.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return true;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            var catchClause = FindCatch(context.Root, diagnostic);
            if (catchClause is null)
            {
                return;
            }

            if (equivalenceKey == RethrowKey)
            {
                var endOfLine = context.EndOfLine;
                context.Editor.ReplaceNode(catchClause.Block, (current, _) => AddRethrow((BlockSyntax)current, endOfLine));
                return;
            }

            var logger = FindLogger(catchClause, context.Model, context.CancellationToken);
            if (logger is null)
            {
                return;
            }

            var variable = catchClause.Declaration?.Identifier.ValueText;
            if (string.IsNullOrEmpty(variable))
            {
                variable = UniqueName(catchClause, context.Model);
            }

            var write = diagnostic.Properties.TryGetValue(PM3001SwallowedWriteFailureAnalyzer.WriteProperty, out var w) && w is not null ? w : "The write";
            var statement = SyntaxFactory.ParseStatement($"{logger.Name}.LogError({variable}, \"{write} failed\");")
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (!HasLogError(catchClause, logger, context.Model))
            {
                context.RequireNamespace("Microsoft.Extensions.Logging");
            }

            if (catchClause.Declaration is null)
            {
                context.RequireNamespace("System");
            }

            var lineEnd = context.EndOfLine;
            context.Editor.ReplaceNode(catchClause, (current, _) =>
            {
                var clause = (CatchClauseSyntax)current;
                // A new declaration without elastic trivia: the formatter took it as leave to move a one-line block to the
                // next line (the session's review).
                var declaration = clause.Declaration is null
                    ? SyntaxFactory.CatchDeclaration(SyntaxFactory.IdentifierName("Exception"), SyntaxFactory.Identifier(variable!)).NormalizeWhitespace()
                    : clause.Declaration.Identifier.IsKind(SyntaxKind.None) || clause.Declaration.Identifier.ValueText.Length == 0
                        ? clause.Declaration.WithIdentifier(SyntaxFactory.Identifier(variable!))
                        : clause.Declaration;
                // Before a closing `return;` (or break, continue, throw): after it the log call would never run (CS0162).
                var block = clause.Block.Statements.LastOrDefault() is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement }
                    ? clause.Block.WithStatements(clause.Block.Statements.Insert(
                            clause.Block.Statements.Count - 1,
                            statement.WithTrailingTrivia(lineEnd).WithAdditionalAnnotations(Formatter.Annotation)))
                        .WithAdditionalAnnotations(Formatter.Annotation)
                    : AppendStatement(clause.Block, statement, lineEnd);

                // `catch // best effort` and `catch /* swallow */`: the comment stays, after the new declaration.
                var declarationTrailing = clause.Declaration?.GetTrailingTrivia() ??
                    (clause.CatchKeyword.TrailingTrivia.Any(FixSyntax.IsComment)
                        ? SyntaxFactory.TriviaList(SyntaxFactory.Space).AddRange(clause.CatchKeyword.TrailingTrivia.SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                        : SyntaxFactory.TriviaList(SyntaxFactory.ElasticSpace));
                return clause.WithDeclaration(declaration.WithTrailingTrivia(declarationTrailing))
                    .WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithBlock(block)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            });
        }

        /// <summary>Delegate types whose callbacks run where an exception ends the process (a thread, a timer, the thread pool).</summary>
        private static readonly ImmutableHashSet<string> ProcessEndingCallbacks = ImmutableHashSet.Create(
            "System.Threading.ThreadStart", "System.Threading.ParameterizedThreadStart", "System.Threading.TimerCallback",
            "System.Threading.WaitCallback", "System.Threading.WaitOrTimerCallback");

        /// <summary><c>TryDelete</c>, <c>TryParse</c>: "Try" and a capital letter (not <c>Tryout</c>).</summary>
        private static bool IsTryName(string name) => name.Length > 3 && name.StartsWith("Try", System.StringComparison.Ordinal) && char.IsUpper(name[3]);

        /// <summary>
        /// Is the catch where `throw;` would end the process or skip cleanup? A finally block, a finalizer, a static constructor, Dispose or
        /// DisposeAsync (the cleanup after the catch is skipped; CA1065, CA1063), an async void method or lambda, and a lambda
        /// or method handed to a thread, a timer, the thread pool or an event (<c>+=</c>), or with an event handler's
        /// parameters (<c>object sender, …EventArgs e</c>), or a method of the file such a timer or thread callback runs.
        /// </summary>
        private static bool MustNotThrow(CatchClauseSyntax catchClause, SemanticModel model, CancellationToken cancellationToken)
        {
            var function = catchClause.Ancestors().FirstOrDefault(FixSyntax.IsFunction);

            // In a finally block (of the same function): the cleanup after the catch would be skipped, and an exception
            // already on its way out replaced by this one (real-world round 9: four temp files deleted in a finally).
            if (catchClause.Ancestors().TakeWhile(ancestor => ancestor != function).Any(ancestor => ancestor is FinallyClauseSyntax))
            {
                return true;
            }

            switch (function)
            {
                case DestructorDeclarationSyntax:
                    return true;
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) && model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true } ||
                           IsCalledBack(lambda, model, cancellationToken);
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    if (model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method)
                    {
                        return false;
                    }

                    // A Try… method promises not to throw (TryDelete, TryDeleteOrMark: real-world round 18, Serenity's upload
                    // storage relies on it and checks File.Exists after the call).
                    if (OperationFacts.IsDisposeMethod(method) || method.IsAsync && method.ReturnsVoid || IsTryName(method.Name) ||
                        method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_Object &&
                        method.Parameters[1].Type.Name.EndsWith("EventArgs", System.StringComparison.Ordinal))
                    {
                        return true;
                    }

                    // A method a System.Timers.Timer's Elapsed handler of this file runs: the timer swallows what a rethrow
                    // hands it (real-world round 15: OpenSim's cache purge, whose handler re-arms its timer at its end, stopped
                    // for good after this fix). PM3006 reports such handlers. Or one a lambda given to a thread, a
                    // System.Threading.Timer or the thread pool runs (`new Timer(_ => Flush(), …)`): a rethrow there ends the
                    // process (the session's review).
                    if (RunByTimerHandler(method, catchClause.SyntaxTree.GetRoot(cancellationToken), model, cancellationToken))
                    {
                        return true;
                    }

                    // A method group handed to a thread, a timer or an event in the same type: new Timer(OnTick, …).
                    var type = function.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                    if (type is null)
                    {
                        return false;
                    }

                    foreach (var name in type.DescendantNodes().OfType<IdentifierNameSyntax>())
                    {
                        if (name.Identifier.ValueText != method.Name)
                        {
                            continue;
                        }

                        ExpressionSyntax group = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member : name;
                        if (group.Parent is not InvocationExpressionSyntax &&
                            IsCalledBack(group, model, cancellationToken) &&
                            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(group, cancellationToken).Symbol, method))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>How many calls deep a timer handler's methods are followed, as PM3006 follows them.</summary>
        private const int TimerHandlerDepth = 3;

        /// <summary>
        /// Is the method an Elapsed handler of a <c>System.Timers.Timer</c> subscribed in this file, or a method of this file
        /// that such a handler (a lambda or a method), or a lambda given to a thread, a <c>System.Threading.Timer</c> or the
        /// thread pool, calls, up to <see cref="TimerHandlerDepth"/> calls deep?
        /// </summary>
        private static bool RunByTimerHandler(IMethodSymbol method, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var bodies = new List<SyntaxNode>();
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var subscription in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (!subscription.IsKind(SyntaxKind.AddAssignmentExpression) ||
                    (subscription.Left as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText is not "Elapsed" &&
                    (subscription.Left as IdentifierNameSyntax)?.Identifier.ValueText is not "Elapsed" ||
                    model.GetSymbolInfo(subscription.Left, cancellationToken).Symbol is not IEventSymbol { ContainingType: { } timer } ||
                    timer.ToDisplayString() != "System.Timers.Timer")
                {
                    continue;
                }

                var handler = subscription.Right;
                if (handler is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments })
                {
                    handler = arguments[0].Expression; // new ElapsedEventHandler(OnTick)
                }

                if (handler is AnonymousFunctionExpressionSyntax lambda)
                {
                    bodies.Add(lambda.Body);
                }
                else if (Follow(model.GetSymbolInfo(handler, cancellationToken).Symbol) is true)
                {
                    return true;
                }
            }

            foreach (var callback in root.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
            {
                if (model.GetTypeInfo(callback, cancellationToken).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Delegate } delegateType &&
                    ProcessEndingCallbacks.Contains(delegateType.ToDisplayString()))
                {
                    bodies.Add(callback.Body);
                }
            }

            for (var depth = 0; depth < TimerHandlerDepth && bodies.Count > 0; depth++)
            {
                var current = bodies.ToArray();
                bodies.Clear();
                foreach (var body in current)
                {
                    foreach (var call in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                    {
                        if (Follow(model.GetSymbolInfo(call, cancellationToken).Symbol) is true)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;

            // True when the symbol is the method; else queues the body of a method of this file, once.
            bool? Follow(ISymbol? symbol)
            {
                if (symbol is not IMethodSymbol called)
                {
                    return null;
                }

                if (SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }

                if (visited.Add(called) && called.DeclaringSyntaxReferences is { Length: 1 } references && references[0].SyntaxTree == root.SyntaxTree &&
                    OperationFacts.DeclaredBody(called, cancellationToken) is { } body)
                {
                    bodies.Add(body);
                }

                return false;
            }
        }

        /// <summary>Is this lambda or method group subscribed to an event, or converted to a thread's, timer's or thread pool's callback?</summary>
        private static bool IsCalledBack(ExpressionSyntax callback, SemanticModel model, CancellationToken cancellationToken)
        {
            if (callback.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } subscription && subscription.Right == callback &&
                model.GetSymbolInfo(subscription.Left, cancellationToken).Symbol is IEventSymbol)
            {
                return true;
            }

            return model.GetTypeInfo(callback, cancellationToken).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Delegate } delegateType &&
                   ProcessEndingCallbacks.Contains(delegateType.ToDisplayString());
        }

        private static CatchClauseSyntax? FindCatch(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            return root.FullSpan.Contains(span) ? root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<CatchClauseSyntax>() : null;
        }

        private static BlockSyntax AddRethrow(BlockSyntax block, SyntaxTrivia endOfLine)
        {
            var rethrow = SyntaxFactory.ThrowStatement();
            var statements = block.Statements;
            if (statements.Count > 0 && statements.Last() is ReturnStatementSyntax { Expression: null } or BreakStatementSyntax or ContinueStatementSyntax)
            {
                var last = statements.Last();
                return block.WithStatements(statements.Replace(last, rethrow.WithTriviaFrom(last).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            return AppendStatement(block, rethrow, endOfLine);
        }

        /// <summary>
        /// Appends a statement after the block's last statement and after any comment that closes the block
        /// (<c>{ // ignore }</c>: the comment stays first), formatting the block.
        /// </summary>
        internal static BlockSyntax AppendStatement(BlockSyntax block, StatementSyntax statement, SyntaxTrivia endOfLine)
        {
            // A comment, or an #if … #endif region, before the closing brace stays before the new statement: `throw;` after
            // `#if DEBUG Console.WriteLine(…); #endif`, not before it (where it made the Debug line unreachable).
            var closeBrace = block.CloseBraceToken;
            if (closeBrace.LeadingTrivia.Any(t => FixSyntax.IsComment(t) || t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia)))
            {
                statement = statement.WithLeadingTrivia(closeBrace.LeadingTrivia);
                closeBrace = closeBrace.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
            }

            // `{ /* disk full */ }`: the comment opens the block's first line, before the new statement.
            if (block.Statements.Count == 0 && block.OpenBraceToken.TrailingTrivia.Any(FixSyntax.IsComment))
            {
                var comments = block.OpenBraceToken.TrailingTrivia.Where(FixSyntax.IsComment).SelectMany(c => new[] { c, endOfLine });
                statement = statement.WithLeadingTrivia(comments.Concat(statement.GetLeadingTrivia()));
                block = block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(endOfLine));
            }

            return block
                .WithStatements(block.Statements.Add(statement.WithAdditionalAnnotations(Formatter.Annotation)))
                .WithCloseBraceToken(closeBrace)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>A Microsoft.Extensions.Logging ILogger parameter, local, field or property usable at the catch.</summary>
        private static ISymbol? FindLogger(CatchClauseSyntax catchClause, SemanticModel model, CancellationToken cancellationToken)
        {
            var position = catchClause.Block.OpenBraceToken.Span.End;
            var melLogger = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            var melLoggerOfT = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger`1");
            if (melLogger is null)
            {
                return null;
            }

            var member = model.GetEnclosingSymbol(position, cancellationToken);
            while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                member = member.ContainingSymbol;
            }

            // A `static` lambda or local function sees no instance member, and no parameter or local declared outside it.
            var staticFunction = catchClause.Ancestors().FirstOrDefault(a =>
                a is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword) ||
                a is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword));
            bool Visible(ISymbol symbol) => staticFunction is null ||
                symbol.DeclaringSyntaxReferences.All(r => r.SyntaxTree == staticFunction.SyntaxTree && staticFunction.Span.Contains(r.Span));

            var isStaticContext = member is null || member.IsStatic || staticFunction is not null;

            // Instance members and primary-constructor parameters of the type around the catch (or its bases) only: an outer
            // type's are in scope by name in a nested type but not usable there (CS0038, CS9105: the session's review).
            var ownType = member?.ContainingType;
            bool OwnInstance(ISymbol symbol)
            {
                var declaring = symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol constructor } ? constructor.ContainingType : symbol.ContainingType;
                for (var type = ownType; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring?.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            }

            ISymbol? best = null;
            var bestRank = int.MaxValue;
            foreach (var symbol in model.LookupSymbols(position))
            {
                var (type, rank) = symbol switch
                {
                    // A primary constructor's parameter is the instance's, as a field is.
                    IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } p when isStaticContext || !OwnInstance(p) => ((ITypeSymbol?)null, int.MaxValue),
                    IParameterSymbol p when Visible(p) => (p.Type, 0),
                    ILocalSymbol l when Visible(l) && l.DeclaringSyntaxReferences.All(r => r.Span.Start < catchClause.SpanStart) => (l.Type, 1),
                    IFieldSymbol f when !f.IsImplicitlyDeclared && (f.IsStatic || (!isStaticContext && OwnInstance(f))) => (f.Type, 2),
                    IPropertySymbol pr when pr.GetMethod is not null && (pr.IsStatic || (!isStaticContext && OwnInstance(pr))) => (pr.Type, 3),
                    _ => ((ITypeSymbol?)null, int.MaxValue),
                };
                if (type is null || rank >= bestRank)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, melLogger) ||
                    SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, melLoggerOfT))
                {
                    best = symbol;
                    bestRank = rank;
                }
            }

            return best;
        }

        private static bool HasLogError(CatchClauseSyntax catchClause, ISymbol logger, SemanticModel model)
        {
            var type = logger switch
            {
                IParameterSymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                _ => null,
            };
            return type is not null &&
                   model.LookupSymbols(catchClause.Block.SpanStart, type, "LogError", includeReducedExtensionMethods: true).Length > 0;
        }

        /// <summary>
        /// A name for the exception, free at the catch, inside it (<c>catch (IOException ex)</c> nested in it: CS0136), and
        /// apart from the name each catch without one around it (in the same function) would get from this fix: fixed one by
        /// one or all at once, a nested catch then gets the same name (the session's review: Fix All named both <c>ex</c>).
        /// </summary>
        private static string UniqueName(CatchClauseSyntax catchClause, SemanticModel model)
        {
            var taken = new HashSet<string>(model.LookupSymbols(catchClause.Block.SpanStart).Select(s => s.Name));
            foreach (var node in catchClause.Block.DescendantNodes())
            {
                var declared = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    CatchDeclarationSyntax inner => inner.Identifier,
                    ParameterSyntax parameter => parameter.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ForEachStatementSyntax forEach => forEach.Identifier,
                    LocalFunctionStatementSyntax function => function.Identifier,
                    _ => default,
                };
                if (declared.ValueText.Length > 0)
                {
                    taken.Add(declared.ValueText);
                }
            }

            foreach (var outer in catchClause.Ancestors().TakeWhile(a => !FixSyntax.IsFunction(a)).OfType<CatchClauseSyntax>())
            {
                if (outer.Declaration is null || outer.Declaration.Identifier.ValueText.Length == 0)
                {
                    taken.Add(UniqueName(outer, model));
                }
            }

            foreach (var name in new[] { "ex", "exception" })
            {
                if (!taken.Contains(name))
                {
                    return name;
                }
            }

            var i = 1;
            while (taken.Contains("ex" + i))
            {
                i++;
            }

            return "ex" + i;
        }
    }
}
