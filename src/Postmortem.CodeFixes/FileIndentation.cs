using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.CodeFixes
{
    /// <summary>
    /// Formats what a fix wrote with the file's own indentation when nothing configures it. The formatting every code
    /// action gets afterwards indents the nodes a fix marks with <see cref="Formatter.Annotation"/>, and the line after each
    /// of them, as the options say, and then places the elastic trivia the same way; without an <c>indent_style</c> in an
    /// .editorconfig, <c>dotnet format</c> says spaces. In a file indented with tabs a fix then wrote its lines with spaces
    /// and re-indented the line after them, or a whole method it wrapped in a try, with spaces too (real-world round 12,
    /// ArchiSteamFarm). Where the file is indented with tabs and no .editorconfig sets <c>indent_style</c>, both are done
    /// here with tabs and both marks are taken off, so that the later formatting leaves them as they are. Anywhere else
    /// nothing changes: an <c>indent_style</c> the user set wins, even in a file that does not follow it.
    /// </summary>
    internal static class FileIndentation
    {
        public static async Task<Document> FormatAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            var tree = await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null ||
                original.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("indent_style", out _) ||
                !IsIndentedWithTabs(await original.GetTextAsync(cancellationToken).ConfigureAwait(false)))
            {
                return changed;
            }

            // One tab per level: the indentation size is the tab size (an .editorconfig's indent_size = 2 or tab_width = 8
            // alone would otherwise mix tabs and spaces).
            var documentOptions = await changed.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
            var options = documentOptions
                .WithChangedOption(FormattingOptions.UseTabs, LanguageNames.CSharp, true)
                .WithChangedOption(FormattingOptions.IndentationSize, LanguageNames.CSharp, documentOptions.GetOption(FormattingOptions.TabSize));
            var formatted = await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
            formatted = await Formatter.FormatAsync(formatted, SyntaxAnnotation.ElasticAnnotation, options, cancellationToken).ConfigureAwait(false);
            var formattedRoot = await formatted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (formattedRoot is null)
            {
                return changed;
            }

            var marked = formattedRoot.GetAnnotatedNodesAndTokens(Formatter.Annotation).ToList();
            var unmarked = formattedRoot.ReplaceSyntax(
                marked.Where(n => n.IsNode).Select(n => n.AsNode()!),
                (_, node) => node.WithoutAnnotations(Formatter.Annotation),
                marked.Where(n => n.IsToken).Select(n => n.AsToken()),
                (_, token) => token.WithoutAnnotations(Formatter.Annotation),
                formattedRoot.DescendantTrivia(descendIntoTrivia: true).Where(t => t.HasAnnotation(SyntaxAnnotation.ElasticAnnotation)),
                (_, trivia) => trivia.WithoutAnnotations(SyntaxAnnotation.ElasticAnnotation));
            return formatted.WithSyntaxRoot(unmarked);
        }

        /// <summary>More lines start with a tab than with two spaces or more (a doc comment's " *" continuation is not
        /// indentation).</summary>
        internal static bool IsIndentedWithTabs(SourceText text)
        {
            var tabs = 0;
            var spaces = 0;
            foreach (var line in text.Lines)
            {
                var start = line.Start;
                if (line.End == start)
                {
                    continue;
                }

                if (text[start] == '\t')
                {
                    tabs++;
                }
                else if (line.End - start >= 2 && text[start] == ' ' && text[start + 1] == ' ')
                {
                    spaces++;
                }
            }

            return tabs > spaces;
        }
    }
}
