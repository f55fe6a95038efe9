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
    /// <summary>
    /// PM3004 fix "Enable the library's internal logging": inserts, before the statement that configures the library,
    /// <c>Serilog.Debugging.SelfLog.Enable(Console.Error);</c> (Serilog) or
    /// <c>NLog.Common.InternalLogger.LogToConsoleError = true; InternalLogger.LogLevel = LogLevel.Warn;</c> (NLog); in a
    /// Windows application or service (no console) a file in the temp folder instead of the console.
    /// Offered only when the configuring call sits in a statement of a block, a switch section or the top-level
    /// program, or in the body of an if/else/loop without braces (which gets them), not in an expression-bodied member or a
    /// field initializer, and the API exists in the referenced
    /// version. No fix for log4net: <c>LogLog.InternalDebugging = true</c> also prints every internal debug message.
    /// Where Serilog's SelfLog is enabled in Release with a handler nobody sees (<c>msg =&gt; Debug.WriteLine(msg)</c>, the
    /// console of an application without one), that handler is replaced instead, in this file (see <see cref="UnseenHandlers"/>).
    /// ZLogger: <c>options.InternalErrorLogger = ex =&gt; Console.Error.WriteLine(ex);</c> in the registration's configure lambda,
    /// or a configure lambda added to it (see <see cref="ZLoggerEdit"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM3004LoggingFailuresInvisibleCodeFixProvider)), Shared]
    public sealed class PM3004LoggingFailuresInvisibleCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string EnableKey = "PM3004.EnableInternalLogging";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LoggingFailuresInvisible);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var where = HasNoConsole(diagnostic) ? "to a file in the temp folder" : "to the console";
            if (Library(diagnostic) == "ZLogger")
            {
                if (ZLoggerEdit(diagnostic, root, model, cancellationToken) is not null)
                {
                    yield return new FixOption("Report ZLogger's internal errors " + where + " (InternalErrorLogger)", EnableKey);
                }

                yield break;
            }

            var handlers = UnseenHandlers(diagnostic, root);
            if (handlers is null)
            {
                yield break;
            }

            if (handlers.Count > 0)
            {
                if (SelfLogWriter(diagnostic, model, handlers[0].SpanStart) is not null)
                {
                    yield return new FixOption("Make Serilog's SelfLog write " + where + " where it is enabled", EnableKey);
                }

                yield break;
            }

            if (FindStatement(root, diagnostic) is { } statement && BuildStatements(diagnostic, model, statement.SpanStart) is { Count: > 0 })
            {
                yield return new FixOption(Library(diagnostic) == "NLog"
                    ? "Send NLog's internal errors " + where + " (InternalLogger)"
                    : "Enable Serilog's SelfLog " + where, EnableKey);
            }
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            if (Library(diagnostic) == "ZLogger")
            {
                if (ZLoggerEdit(diagnostic, context.Root, context.Model, context.CancellationToken) is { } edit)
                {
                    context.Editor.ReplaceNode(edit.Node, edit.Replacement.WithAdditionalAnnotations(Formatter.Annotation));
                }

                return;
            }

            var handlers = UnseenHandlers(diagnostic, context.Root);
            if (handlers is null)
            {
                return;
            }

            if (handlers.Count > 0)
            {
                foreach (var argument in handlers)
                {
                    if (SelfLogWriter(diagnostic, context.Model, argument.SpanStart) is not { } writer)
                    {
                        return;
                    }

                    context.Editor.ReplaceNode(argument.Expression, SyntaxFactory.ParseExpression(writer)
                        .WithTriviaFrom(argument.Expression)
                        .WithAdditionalAnnotations(Formatter.Annotation));
                }

                return;
            }

            var statement = FindStatement(context.Root, diagnostic);
            var statements = statement is null ? null : BuildStatements(diagnostic, context.Model, statement.SpanStart);
            if (statement is null || statements is not { Count: > 0 })
            {
                return;
            }

            if (statement.Parent is GlobalStatementSyntax global)
            {
                // The file's own line ending (an elastic one makes the formatter add a blank line between globals).
                var newLine = context.EndOfLine;
                foreach (var trivia in global.GetTrailingTrivia())
                {
                    if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        newLine = trivia;
                        break;
                    }
                }

                var globals = new List<SyntaxNode>();
                foreach (var inserted in statements)
                {
                    globals.Add(SyntaxFactory.GlobalStatement(inserted.WithTrailingTrivia(newLine)).WithAdditionalAnnotations(Formatter.Annotation));
                }

                // A blank line above the configuring statement goes above the inserted lines; a comment or #region stays
                // with the statement it describes.
                globals[0] = globals[0].WithLeadingTrivia(Above(global.GetLeadingTrivia()));
                context.Editor.ReplaceNode(global, (current, _) => current.WithLeadingTrivia(Kept(current.GetLeadingTrivia())));
                context.Editor.InsertBefore(global, globals);
                return;
            }

            for (var i = 0; i < statements.Count; i++)
            {
                statements[i] = statements[i].WithTrailingTrivia(context.EndOfLine);
            }

            if (IsEmbedded(statement))
            {
                // if (toFile) Log.Logger = …;  →  if (toFile) { SelfLog.Enable(…); Log.Logger = …; }
                context.Editor.ReplaceNode(statement, (current, _) => SyntaxFactory.Block(statements.Append(((StatementSyntax)current).WithoutLeadingTrivia()))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation));
                return;
            }

            statements[0] = statements[0].WithLeadingTrivia(Above(statement.GetLeadingTrivia()));
            context.Editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(Kept(current.GetLeadingTrivia())));
            context.Editor.InsertBefore(statement, statements);
        }

        /// <summary>Where the statement's leading trivia is cut: after the blank lines that come before its first comment or directive
        /// (or before its indentation, when it has none).</summary>
        private static int Cut(SyntaxTriviaList leading)
        {
            var cut = 0;
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (trivia.IsDirective || FixSyntax.IsComment(trivia) ||
                    trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    break;
                }

                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    cut = i + 1;
                }
            }

            return cut;
        }

        private static SyntaxTriviaList Above(SyntaxTriviaList leading) => SyntaxFactory.TriviaList(leading.Take(Cut(leading)));

        private static SyntaxTriviaList Kept(SyntaxTriviaList leading) => SyntaxFactory.TriviaList(leading.Skip(Cut(leading)));

        private static string? Library(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(PM3004LoggingFailuresInvisibleAnalyzer.LibraryProperty, out var library) ? library : null;

        /// <summary>The statement holding the configuring call, if new statements can go right before it.</summary>
        private static StatementSyntax? FindStatement(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(span))
            {
                return null;
            }

            var statement = StartUpStatement(root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>(), outOfTry: !HasNoConsole(diagnostic));
            return statement?.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax || IsEmbedded(statement) ? statement : null;
        }

        /// <summary>
        /// Where the lines go so that they run once, at start-up, whichever way the configuration goes: out of every lambda
        /// of the member (its body may run later, again and again, or never: Serilog.Sinks.Map creates a key's sink at the
        /// first event with that key, and again after evicting it; real-world round 11 saw SelfLog enabled inside such a
        /// callback, off until the first event of a key), and out of a try block or catch clause, to before the try (a
        /// fallback configuration in the catch, as Jellyfin's: inside it, the switch ran only when the first configuration
        /// failed). A local function is left as it is (it runs where it is called), and a field initializer's lambda too
        /// (nothing is outside it), as is an expression-bodied local function's lambda (before the local function's declaration,
        /// usually at the method's end, the lines would run too late or never). With <paramref name="outOfTry"/> false (the
        /// temp-file variant, whose <c>File.AppendText</c> can throw) the lines stay inside the try, whose catch took that.
        /// </summary>
        private static StatementSyntax? StartUpStatement(StatementSyntax? statement, bool outOfTry)
        {
            while (statement is not null)
            {
                StatementSyntax? outer = null;
                for (var node = statement.Parent; node is not null and not MemberDeclarationSyntax and not LocalFunctionStatementSyntax; node = node.Parent)
                {
                    if (node is AnonymousFunctionExpressionSyntax lambda)
                    {
                        outer = lambda.FirstAncestorOrSelf<StatementSyntax>();
                        break;
                    }

                    if (outOfTry && node is CatchClauseSyntax { Parent: TryStatementSyntax caught })
                    {
                        outer = caught;
                        break;
                    }

                    if (outOfTry && node is BlockSyntax { Parent: TryStatementSyntax tried } block && tried.Block == block)
                    {
                        outer = tried;
                        break;
                    }
                }

                // `retry: try { … }`: the labeled statement is the one in the block.
                if (outer?.Parent is LabeledStatementSyntax labeled)
                {
                    outer = labeled;
                }

                if (outer is null or LocalFunctionStatementSyntax)
                {
                    return statement;
                }

                statement = outer;
            }

            return statement;
        }

        /// <summary>The body of an if, else, loop, using, lock or fixed without braces (<c>if (toFile) Log.Logger = …;</c>): the
        /// fix gives it braces, so the inserted lines run under the same condition.</summary>
        private static bool IsEmbedded(StatementSyntax? statement)
            => statement?.Parent switch
            {
                IfStatementSyntax @if => @if.Statement == statement,
                ElseClauseSyntax => true,
                WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or UsingStatementSyntax or
                    LockStatementSyntax or FixedStatementSyntax => statement is not BlockSyntax,
                _ => false,
            };

        /// <summary>
        /// A Windows GUI application (WinExe) or a Windows service, as the analyzer decided it (<c>ConsoleVisibility</c>, on
        /// the diagnostic): Console.Out and Console.Error write nowhere, so the channel goes to a file in the temp folder
        /// (always writable, unlike the folder of an installed application), named after the assembly.
        /// </summary>
        private static bool HasNoConsole(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(PM3004LoggingFailuresInvisibleAnalyzer.NoConsoleProperty, out var noConsole) && noConsole == "true";

        /// <summary><c>Path.Combine(Path.GetTempPath(), "MyApp-serilog-selflog.txt")</c>, as the names bind at the position.</summary>
        private static string TempFile(SemanticModel model, int position, string suffix)
        {
            var name = new string((model.Compilation.AssemblyName ?? "app").Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_').ToArray());
            var path = FixSyntax.TypeName(model, position, "System.IO", "Path");
            return $"{path}.Combine({path}.GetTempPath(), \"{(name.Length > 0 ? name : "app")}-{suffix}\")";
        }

        /// <summary>
        /// The handler arguments of the <c>SelfLog.Enable</c> calls that run in Release but write nowhere seen (the analyzer's
        /// additional locations: a <c>Debug.WriteLine</c> handler, the console of an application without one). SelfLog
        /// keeps the last handler enabled, so a call inserted before the sink could be replaced by one of these when it runs
        /// later (real-world round 12, Umbraco): the fix replaces these handlers instead. Empty when there are none; null
        /// when one is in another file or not found (no fix: this document's edit alone would not hold).
        /// </summary>
        private static List<ArgumentSyntax>? UnseenHandlers(Diagnostic diagnostic, SyntaxNode root)
        {
            var handlers = new List<ArgumentSyntax>();
            if (Library(diagnostic) != "Serilog")
            {
                return handlers;
            }

            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan) ||
                    root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is not { } argument ||
                    argument.Span != location.SourceSpan)
                {
                    return null;
                }

                handlers.Add(argument);
            }

            // Without a console each handler would become a writer appending to the one temp file, which File.AppendText
            // opens for reading only by others: on Windows the second would throw at start-up. No fix then.
            return handlers.Count > 1 && HasNoConsole(diagnostic) ? null : handlers;
        }

        /// <summary>What SelfLog is enabled with: <c>Console.Error</c>, or where no console is seen a synchronized writer
        /// appending to a file in the temp folder. Null when the referenced Serilog has no <c>SelfLog.Enable</c>.</summary>
        private static string? SelfLogWriter(Diagnostic diagnostic, SemanticModel model, int position)
        {
            var selfLog = model.Compilation.GetTypeByMetadataName("Serilog.Debugging.SelfLog");
            if (selfLog is null || selfLog.GetMembers("Enable").IsEmpty)
            {
                return null;
            }

            if (HasNoConsole(diagnostic))
            {
                var writer = FixSyntax.TypeName(model, position, "System.IO", "TextWriter");
                var file = FixSyntax.TypeName(model, position, "System.IO", "File");
                return $"{writer}.Synchronized({file}.AppendText({TempFile(model, position, "serilog-selflog.txt")}))";
            }

            return FixSyntax.TypeName(model, position, "System", "Console") + ".Error";
        }

        /// <summary>The statements to insert, their types named as they bind at the position (no global:: left over).</summary>
        private static List<StatementSyntax>? BuildStatements(Diagnostic diagnostic, SemanticModel model, int position)
        {
            var compilation = model.Compilation;
            switch (Library(diagnostic))
            {
                case "Serilog":
                    return SelfLogWriter(diagnostic, model, position) is { } selfLogWriter
                        ? new List<StatementSyntax> { Parse($"{FixSyntax.TypeName(model, position, "Serilog.Debugging", "SelfLog")}.Enable({selfLogWriter});") }
                        : null;
                case "NLog":
                    var internalLogger = compilation.GetTypeByMetadataName("NLog.Common.InternalLogger");
                    if (internalLogger is null ||
                        internalLogger.GetMembers("LogToConsoleError").IsEmpty ||
                        internalLogger.GetMembers("LogLevel").IsEmpty ||
                        compilation.GetTypeByMetadataName("NLog.LogLevel") is null)
                    {
                        return null;
                    }

                    var logger = FixSyntax.TypeName(model, position, "NLog.Common", "InternalLogger");
                    return new List<StatementSyntax>
                    {
                        Parse(HasNoConsole(diagnostic)
                            ? logger + ".LogFile = " + TempFile(model, position, "nlog-internal.log") + ";"
                            : logger + ".LogToConsoleError = true;"),
                        Parse(logger + ".LogLevel = " + FixSyntax.TypeName(model, position, "NLog", "LogLevel") + ".Warn;"),
                    };
                default:
                    return null;
            }
        }

        // ------------------------------------------------------------------ ZLogger

        /// <summary>Does the file register another ZLogger file or stream logger? A handler set on one registration's options
        /// switches the diagnostic off (one assignment anywhere counts) while the other's failures still vanish (each
        /// provider has its own options), so no fix is offered then (from the review).</summary>
        private static bool OtherZLoggerWriters(InvocationExpressionSyntax call, SyntaxNode root)
        {
            foreach (var other in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (other != call &&
                    ((other.Expression as MemberAccessExpressionSyntax)?.Name ?? other.Expression as SimpleNameSyntax)?.Identifier.ValueText is
                        "AddZLoggerFile" or "AddZLoggerRollingFile" or "AddZLoggerStream")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// ZLogger: the registration's options get an <c>InternalErrorLogger</c> (each provider has its own options, so it goes
        /// in this call): <c>o.InternalErrorLogger = ex =&gt; Console.Error.WriteLine(ex);</c> first in its configure lambda
        /// (an expression body becomes a block), or, for <c>AddZLoggerFile(path)</c> and <c>AddZLoggerStream(stream)</c>, a
        /// configure lambda added where an overload takes one. None when the options come through a method group or a
        /// variable, the lambda's options parameter is <c>_</c>, the lambda already sets <c>InternalErrorLogger</c> (one that
        /// writes nowhere seen: replace it by hand; an inserted first line would be overwritten), or no overload takes a
        /// configure lambda (<c>AddZLoggerRollingFile(selector, interval)</c>, <c>AddZLoggerFile(path, fileShared)</c>), or the
        /// file registers another ZLogger file or stream logger (<see cref="OtherZLoggerWriters"/>).
        /// </summary>
        private static (SyntaxNode Node, SyntaxNode Replacement)? ZLoggerEdit(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var span = diagnostic.Location.SourceSpan;
            var options = model.Compilation.GetTypeByMetadataName("ZLogger.ZLoggerOptions");
            if (options is null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(span) ||
                root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call ||
                model.GetOperation(call, cancellationToken) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation ||
                !invocation.TargetMethod.Name.StartsWith("AddZLogger", System.StringComparison.Ordinal) ||
                OtherZLoggerWriters(call, root))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type is not INamedTypeSymbol { DelegateInvokeMethod: { Parameters.Length: > 0 } invoke } ||
                    !TypeSymbols.InheritsFromOrEquals(invoke.Parameters[0].Type, options))
                {
                    continue;
                }

                // The delegate that receives the options: only a lambda written here can be given the line.
                if (argument.Syntax is not ArgumentSyntax { Expression: LambdaExpressionSyntax lambda } ||
                    LambdaParameters(lambda) is not { Count: > 0 } parameters || parameters[0].Identifier.ValueText is not { Length: > 0 } name || name == "_" ||
                    lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == "InternalErrorLogger") ||
                    model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol lambdaMethod)
                {
                    return null;
                }

                var assignment = (StatementSyntax)Parse(name + ".InternalErrorLogger = " + ZLoggerHandler(diagnostic, model, lambda.Body.SpanStart) + ";")
                    .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
                BlockSyntax body;
                if (lambda.Body is BlockSyntax block)
                {
                    body = block.WithStatements(block.Statements.Insert(0, assignment));
                }
                else
                {
                    var expression = ((ExpressionSyntax)lambda.Body).WithoutTrivia();
                    StatementSyntax original = lambdaMethod.ReturnsVoid
                        ? SyntaxFactory.ExpressionStatement(expression)
                        : SyntaxFactory.ReturnStatement(expression);
                    body = SyntaxFactory.Block(assignment, original.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
                }

                return (lambda, lambda.WithBody(body.WithAdditionalAnnotations(Formatter.Annotation)));
            }

            // No options delegate: AddZLoggerFile(path) and AddZLoggerStream(stream) have an overload that adds one.
            var parameter = FreeName(model, call.SpanStart, "options", "o", "zloggerOptions");
            if (parameter is null)
            {
                return null;
            }

            return TakesConfigureAfter(invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod, options)
                ? (call, call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.ParseExpression(
                    parameter + " => " + parameter + ".InternalErrorLogger = " + ZLoggerHandler(diagnostic, model, call.SpanStart))))))
                : null;
        }

        /// <summary>Does the method's type have an overload of the same name with the same parameters and then an
        /// <c>Action&lt;TOptions&gt;</c> (TOptions a <c>ZLoggerOptions</c>)? <c>AddZLoggerFile(path)</c> has
        /// <c>AddZLoggerFile(path, Action&lt;ZLoggerFileOptions&gt;)</c>, <c>AddZLoggerRollingFile(selector, interval)</c> none.</summary>
        private static bool TakesConfigureAfter(IMethodSymbol method, INamedTypeSymbol options)
            => method.ContainingType is { } type && type.GetMembers(method.Name).OfType<IMethodSymbol>().Any(overload =>
                overload.Parameters.Length == method.Parameters.Length + 1 &&
                method.Parameters.Select(p => p.Type).SequenceEqual(overload.Parameters.Take(method.Parameters.Length).Select(p => p.Type), SymbolEqualityComparer.Default) &&
                overload.Parameters[method.Parameters.Length].Type is INamedTypeSymbol { Name: "Action", Arity: 1 } action &&
                action.ContainingNamespace?.ToDisplayString() == "System" &&
                TypeSymbols.InheritsFromOrEquals(action.TypeArguments[0], options));

        private static SeparatedSyntaxList<ParameterSyntax>? LambdaParameters(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => SyntaxFactory.SingletonSeparatedList(simple.Parameter),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
            _ => null,
        };

        /// <summary>The first of the names that nothing in scope at the position uses.</summary>
        private static string? FreeName(SemanticModel model, int position, params string[] names)
            => names.FirstOrDefault(name => model.LookupSymbols(position, name: name).IsEmpty);

        /// <summary><c>ex =&gt; Console.Error.WriteLine(ex)</c>, or where no console is seen an append to a file in the temp folder
        /// (ZLogger calls the handler inside a <c>try { } catch { }</c>, so a failing append stops nothing).</summary>
        private static string ZLoggerHandler(Diagnostic diagnostic, SemanticModel model, int position)
        {
            var ex = FreeName(model, position, "ex", "exception", "error", "zloggerError") ?? "zloggerException";
            if (HasNoConsole(diagnostic))
            {
                var file = FixSyntax.TypeName(model, position, "System.IO", "File");
                var environment = FixSyntax.TypeName(model, position, "System", "Environment");
                return $"{ex} => {file}.AppendAllText({TempFile(model, position, "zlogger-errors.log")}, {ex} + {environment}.NewLine)";
            }

            return $"{ex} => {FixSyntax.TypeName(model, position, "System", "Console")}.Error.WriteLine({ex})";
        }

        private static StatementSyntax Parse(string text)
            => SyntaxFactory.ParseStatement(text)
                .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
