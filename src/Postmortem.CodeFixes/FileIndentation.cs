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
    /// nothing changes: an <c>indent_style</c> the user set wins, even in a file that does not follow it. Line ends the
    /// same way: where no .editorconfig sets <c>end_of_line</c>, the fixed lines end as most of the file's do (real-world
    /// round 18: <c>dotnet format</c> on Linux wrote "\n" into a file of "\r\n").
    /// </summary>
    internal static class FileIndentation
    {
        public static async Task<Document> FormatAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            var tree = await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null)
            {
                return changed;
            }

            var configured = original.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var text = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var tabs = !configured.TryGetValue("indent_style", out _) && IsIndentedWithTabs(text);
            var documentOptions = await changed.GetOptionsAsync(cancellationToken).ConfigureAwait(false);

            // The same for line ends: without an end_of_line, the formatter writes its default ("\n" on Linux, where
            // dotnet format ran) into a file whose lines end in "\r\n", and the fixed lines end unlike the others
            // (real-world round 18, Serenity).
            var newLine = configured.TryGetValue("end_of_line", out _) ? null : DominantNewLine(text);
            if (newLine == documentOptions.GetOption(FormattingOptions.NewLine, LanguageNames.CSharp))
            {
                newLine = null;
            }

            if (!tabs && newLine is null)
            {
                return changed;
            }

            // One tab per level: the indentation size is the tab size (an .editorconfig's indent_size = 2 or tab_width = 8
            // alone would otherwise mix tabs and spaces).
            Microsoft.CodeAnalysis.Options.OptionSet options = documentOptions;
            if (tabs)
            {
                options = options
                    .WithChangedOption(FormattingOptions.UseTabs, LanguageNames.CSharp, true)
                    .WithChangedOption(FormattingOptions.IndentationSize, LanguageNames.CSharp, documentOptions.GetOption(FormattingOptions.TabSize));
            }

            if (newLine is not null)
            {
                options = options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, newLine);
            }

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

        /// <summary>"\r\n" when more lines end with it than with "\n" alone, "\n" when fewer, null when no line ends.</summary>
        internal static string? DominantNewLine(SourceText text)
        {
            var crlf = 0;
            var lf = 0;
            foreach (var line in text.Lines)
            {
                switch (line.EndIncludingLineBreak - line.End)
                {
                    case 2:
                        crlf++;
                        break;
                    case 1 when text[line.End] == '\n':
                        lf++;
                        break;
                }
            }

            return crlf + lf == 0 ? null : crlf > lf ? "\r\n" : "\n";
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
