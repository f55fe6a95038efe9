using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Postmortem.CodeFixes
{
    /// <summary>A fix a rule offers: its title and the stable equivalence key Fix All and dotnet format use.</summary>
    internal readonly struct FixOption
    {
        public FixOption(string title, string equivalenceKey)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
        }

        public string Title { get; }

        public string EquivalenceKey { get; }
    }

    /// <summary>What a fix is given: the editor on the original document, its semantic model, and a way to ask for a using directive.</summary>
    internal sealed class FixContext
    {
        private readonly HashSet<string> _namespaces = new HashSet<string>();

        public FixContext(DocumentEditor editor, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            Editor = editor;
            Root = root;
            Model = model;
            CancellationToken = cancellationToken;
        }

        public DocumentEditor Editor { get; }

        public SyntaxNode Root { get; }

        public SemanticModel Model { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>The document's own line ending (its first one; CRLF in a file of one line), elastic so the formatter may
        /// still place it. A literal CRLF would stay CRLF in a file of LF lines.</summary>
        public SyntaxTrivia EndOfLine => _endOfLine ??= FixSyntax.EndOfLineOf(Root);

        private SyntaxTrivia? _endOfLine;

        /// <summary>Where the diagnostic being fixed is, in the original document: its fix writes in the same namespace.</summary>
        internal int? FixPosition { get; set; }

        /// <summary>
        /// Adds <c>using ns;</c> once, after all edits, unless the file already imports it: at the top, or, for the
        /// diagnostic being fixed, in its namespace or an enclosing one (<c>namespace App { using System; … }</c>, or
        /// a file-scoped namespace's usings), where a using at the top would be a second one.
        /// </summary>
        public void RequireNamespace(string ns)
        {
            if (FixPosition is { } position && IsImportedAt(ns, position))
            {
                return;
            }

            _namespaces.Add(ns);
        }

        internal SyntaxNode AddUsings(SyntaxNode root)
        {
            if (_namespaces.Count == 0 || root is not CompilationUnitSyntax unit)
            {
                return root;
            }

            foreach (var ns in _namespaces.OrderBy(n => n, System.StringComparer.Ordinal))
            {
                if (unit.Usings.Any(u => u.Alias is null && u.Name?.ToString() == ns) || IsImportedGlobally(ns))
                {
                    continue;
                }

                var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
                var index = 0;
                while (index < unit.Usings.Count && CompareUsings(unit.Usings[index].Name?.ToString() ?? string.Empty, ns) < 0)
                {
                    index++;
                }

                directive = directive.WithTrailingTrivia(EndOfLine);
                // The file's header comment is the first using's leading trivia: it stays first. (Not when it holds a directive:
                // the new using would move into an #if.)
                var header = index == 0 && unit.Usings.Count > 0 ? unit.Usings[0].GetLeadingTrivia() : default;
                if (header.Any(FixSyntax.IsComment) &&
                    !header.Any(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia)))
                {
                    directive = directive.WithLeadingTrivia(header);
                    unit = unit.WithUsings(unit.Usings.Replace(unit.Usings[0], unit.Usings[0].WithLeadingTrivia()));
                }

                unit = unit.WithUsings(unit.Usings.Insert(index, directive));
            }

            return unit;
        }

        /// <summary>System namespaces first, then ordinal, as dotnet_sort_system_directives_first does.</summary>
        private static int CompareUsings(string a, string b)
        {
            var aSystem = a == "System" || a.StartsWith("System.", System.StringComparison.Ordinal);
            var bSystem = b == "System" || b.StartsWith("System.", System.StringComparison.Ordinal);
            return aSystem != bSystem ? (aSystem ? -1 : 1) : string.CompareOrdinal(a, b);
        }

        private bool IsImportedGlobally(string ns)
        {
            // Asked after the file's own using directives, in the document as it was (before them, at position 0, no
            // import is in scope yet: not even the global usings ImplicitUsings generates, which a fix then repeated).
            var original = (CompilationUnitSyntax)Model.SyntaxTree.GetRoot();
            return IsImportedAt(ns, original.Members.FirstOrDefault()?.SpanStart ?? original.EndOfFileToken.SpanStart);
        }

        /// <summary>Is the namespace imported at this position of the original document (by any using in scope there)?</summary>
        private bool IsImportedAt(string ns, int position)
        {
            foreach (var import in Model.GetImportScopes(position).SelectMany(s => s.Imports))
            {
                if (import.NamespaceOrType is INamespaceSymbol symbol && symbol.ToDisplayString() == ns)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Syntax questions more than one fix asks.</summary>
    internal static class FixSyntax
    {
        /// <summary>A <c>//</c> or <c>/* */</c> comment.</summary>
        public static bool IsComment(SyntaxTrivia trivia)
            => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

        /// <summary>A method, constructor, accessor, lambda or local function: what a <c>return</c> leaves, what a catch runs in.</summary>
        public static bool IsFunction(SyntaxNode node)
            => node is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax;

        /// <summary>
        /// Is the node in the resource of a <c>using (…) { }</c> statement (its declaration or expression, not its body)?
        /// The statement then stands for the creation: code can go before or after it, or it can move into a try whole.
        /// </summary>
        public static bool IsUsingResource(StatementSyntax? statement, SyntaxNode node)
            => statement is UsingStatementSyntax @using &&
               ((@using.Declaration?.Span.Contains(node.Span) ?? false) || (@using.Expression?.Span.Contains(node.Span) ?? false));

        /// <summary>The first line ending of the document, as elastic trivia; CRLF when it has none.</summary>
        public static SyntaxTrivia EndOfLineOf(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.ElasticEndOfLine(trivia.ToString());
                }
            }

            return SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        /// <summary>
        /// How to name the type at the position: its simple name when that binds to it (a controller's File() method
        /// hides System.IO.File), else its full name, else the full name from global:: (what the simplifier would leave,
        /// done here because it leaves global:: in some places, such as a switch section).
        /// </summary>
        public static string TypeName(SemanticModel model, int position, string ns, string name)
        {
            var full = ns + "." + name;
            var type = model.Compilation.GetTypeByMetadataName(full);
            foreach (var candidate in new[] { name, full })
            {
                var bound = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(candidate), SpeculativeBindingOption.BindAsExpression).Symbol;
                if (type is not null && SymbolEqualityComparer.Default.Equals(bound, type))
                {
                    return candidate;
                }
            }

            return "global::" + full;
        }

        /// <summary>Is the local given a value (<c>=</c>, <c>+=</c>, <c>??=</c>, a <c>ref</c>/<c>out</c> argument) inside these nodes?</summary>
        public static bool IsWritten(IEnumerable<SyntaxNode> scopes, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
            => CountWrites(scopes, local, model, cancellationToken) > 0;

        /// <summary>How many times the local is given a value inside these nodes (its declaration's initializer aside).</summary>
        public static int CountWrites(IEnumerable<SyntaxNode> scopes, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var count = 0;
            foreach (var node in scopes.SelectMany(scope => scope.DescendantNodesAndSelf()))
            {
                var written = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                    _ => null,
                };
                if (written is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>
    /// Base of every Postmortem code fix: one code path for a single fix and for Fix All (document, project,
    /// solution), so Fix All always equals fixing one by one.
    /// </summary>
    public abstract class PostmortemCodeFixProvider : CodeFixProvider
    {
        /// <summary>The fixes offered for a diagnostic (none when a precondition fails).</summary>
        internal abstract IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken);

        /// <summary>Applies one fix through the shared editor (the nodes are those of the original document).</summary>
        internal abstract void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey);

        /// <summary>
        /// Where the diagnostic's fix edits, for the order of a Fix All pass: fixes are applied from the last place to the
        /// first, so nested edits compose; fixes editing at the same place in the order of their diagnostics, as fixing one
        /// by one does. By default the diagnostic's own position.
        /// </summary>
        internal virtual int FixPlace(Diagnostic diagnostic, SyntaxNode root) => diagnostic.Location.SourceSpan.Start;

        /// <summary>
        /// Fix All with this fixer's actions. Without an equivalence key it applies each diagnostic's first fix: no action
        /// of ours lacks a key, but `dotnet format analyzers` passes the key of the first fix of whichever diagnostic it
        /// meets first (the order changes from run to run), null when that diagnostic has no fix; then it fixed nothing.
        /// </summary>
        public sealed override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(
                (context, document, diagnostics) => FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey ?? EachFirstFixKey, context.CancellationToken),
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    RegisterEachFirstFix(context, diagnostic);
                    continue;
                }

                foreach (var option in GetFixOptions(diagnostic, root, model, context.CancellationToken))
                {
                    var document = context.Document;
                    var key = option.EquivalenceKey;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            option.Title,
                            ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), key, ct)!,
                            key),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The equivalence key of "each diagnostic's first fix": Fix All with it applies to every diagnostic of this
        /// fixer's rule the first fix it offers, whatever that fix's own key.
        /// </summary>
        internal string EachFirstFixKey => FixableDiagnosticIds[0] + ".EachFirstFix";

        /// <summary>
        /// `dotnet format analyzers` fixes one rule at a time: it asks the rule's fixer for the fixes of the first
        /// diagnostic of the analyzers that report the rule, <b>whatever that diagnostic's rule</b>, and runs Fix All
        /// (solution scope, the rule's diagnostics only) with the equivalence key of the first fix registered
        /// (dotnet-format's SolutionCodeFixApplier). For an analyzer that reports several rules that first diagnostic
        /// can be another rule's; with no fix registered for it the key is null and Fix All fixes nothing. So for
        /// another rule's diagnostic (no other host hands a fixer one) this registers one fix whose key makes Fix
        /// All apply each of this rule's diagnostics its first fix. Applied to the other rule's diagnostic itself it
        /// changes nothing.
        /// </summary>
        private void RegisterEachFirstFix(CodeFixContext context, Diagnostic diagnostic)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Apply the first fix of each {FixableDiagnosticIds[0]} diagnostic",
                    ct => Task.FromResult(document),
                    EachFirstFixKey),
                diagnostic);
        }

        private async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var model = editor.SemanticModel;
            var context = new FixContext(editor, root, model, cancellationToken);

            // Innermost first, so nested edits compose; at one place, in the diagnostics' order (see FixPlace).
            var eachFirst = equivalenceKey == EachFirstFixKey;
            foreach (var diagnostic in diagnostics.OrderByDescending(d => FixPlace(d, root)).ThenBy(d => d.Location.SourceSpan.Start))
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var options = GetFixOptions(diagnostic, root, model, cancellationToken);
                var key = eachFirst
                    ? options.Select(o => o.EquivalenceKey).FirstOrDefault()
                    : options.Any(o => o.EquivalenceKey == equivalenceKey) ? equivalenceKey : null;
                if (key is not null)
                {
                    context.FixPosition = diagnostic.Location.SourceSpan.Start;
                    ApplyFix(context, diagnostic, key);
                    context.FixPosition = null;
                }
            }

            var changed = editor.GetChangedRoot();
            changed = context.AddUsings(changed);
            return await FileIndentation.FormatAsync(document, document.WithSyntaxRoot(changed), cancellationToken).ConfigureAwait(false);
        }
    }
}
