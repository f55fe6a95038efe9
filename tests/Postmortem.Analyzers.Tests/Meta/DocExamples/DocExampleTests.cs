using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Tests.Robustness;
using Xunit;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>
    /// The rule pages' examples do what the pages say: every C#, JSON and XML block of <c>docs/rules/*.md</c>, placed in
    /// the context its rule's <see cref="DocExampleContexts"/> gives it, compiles, crashes no analyzer, and is reported
    /// by the page's rule when the page shows it with ❌, not reported when with ✅. A user copies these examples; one
    /// that a rule no longer reports, or that it still reports after "the fix", sends them the wrong way.
    /// </summary>
    public class DocExampleTests
    {
        private static readonly IReadOnlyList<DocExampleContexts> AllContexts = typeof(DocExampleContexts).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DocExampleContexts).IsAssignableFrom(t))
            .Select(t => (DocExampleContexts)Activator.CreateInstance(t)!)
            .ToList();

        public static TheoryData<string, int> Examples()
        {
            var data = new TheoryData<string, int>();
            foreach (var rule in Rules())
            {
                foreach (var example in DocPage.Examples(rule))
                {
                    data.Add(rule, example.Number);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public async Task DocExample_DoesWhatThePageSays(string rule, int number)
        {
            var example = DocPage.Examples(rule)[number];
            var context = ContextOf(example);
            Assert.True(context.NotRunBecause is null, $"{example} is not run: {context.NotRunBecause}");

            var claim = example.Claim;
            if (context.Claim is { } said)
            {
                Assert.True(claim == Claim.None || claim == said, $"{example}: the context says {said}, the page {claim}");
                claim = said;
            }

            var (entry, file, lines) = Render(example, context);
            var analyzers = Corpus.CreateAnalyzers();
            var solution = Harness.CreateSolution(entry, analyzers, context.References);
            var result = await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, globalOptions: context.GlobalOptions);

            Assert.True(result.Exceptions.IsEmpty, $"{example}: an analyzer threw:\n{string.Join("\n", result.Exceptions)}");
            var errors = Harness.CompilerErrors(result.Compilation);
            Assert.True(errors.IsEmpty, $"{example} does not compile in its context:\n{string.Join("\n", errors.Select(Harness.Show))}\n{Listing(entry, file)}");

            var ours = result.Diagnostics.Where(d => d.Id == rule).ToList();
            var inExample = ours.Where(d => d.Location.GetLineSpan() is { } span && span.Path == file && lines.Contains(span.StartLinePosition.Line)).ToList();
            switch (claim)
            {
                case Claim.Reported:
                    Assert.True(inExample.Count > 0, $"{example}: the page shows it with ❌, and {rule} does not report it{Found(ours)}\n{Listing(entry, file)}");
                    break;
                case Claim.NotReported:
                    Assert.True(ours.Count == 0, $"{example}: the page shows it with ✅, and {rule} reports it{Found(ours)}\n{Listing(entry, file)}");

                    // A ✅ example another rule reports is no example to copy (the first-user review: PM2003's and PM1001's
                    // ✅ Serilog sinks were reported by PM3005), unless the page says so next to it. Not counted: PM3004
                    // (Info, one finding per library for the whole compilation: the set-up around the example) and, on
                    // the other rules' pages, the PM1xxx rules, which depend on the project (the examples run in a web
                    // project, several worker processes; the same sink in a console app is fine).
                    var others = result.Diagnostics
                        .Where(d => d.Id != rule && d.Id != "PM3004" && d.Id.StartsWith("PM", StringComparison.Ordinal) &&
                                    (rule.StartsWith("PM1", StringComparison.Ordinal) || !d.Id.StartsWith("PM1", StringComparison.Ordinal)) &&
                                    !context.AlsoReportedBy.Contains(d.Id) &&
                                    d.Location.GetLineSpan() is { } at && at.Path == file && lines.Contains(at.StartLinePosition.Line))
                        .ToList();
                    Assert.True(others.Count == 0, $"{example}: the page shows it with ✅, and another rule reports it{Found(others)}\n{Listing(entry, file)}");
                    break;
            }
        }

        public static TheoryData<string, int, string, int> Fixes()
        {
            var data = new TheoryData<string, int, string, int>();
            foreach (var contexts in AllContexts.OrderBy(c => c.Rule, StringComparer.Ordinal))
            {
                foreach (var context in contexts.Contexts)
                {
                    foreach (var (key, shows) in context.Fixes)
                    {
                        data.Add(contexts.Rule, context.Example, key, shows);
                    }
                }
            }

            return data;
        }

        /// <summary>
        /// Where a page shows a ❌ example and then, as its code fix's result, a ✅ one: the fix applied to the ❌ example
        /// (to each of its diagnostics in turn) gives code that compiles, that the rule no longer reports, and that holds the ✅
        /// example token for token (comments and whitespace aside).
        /// </summary>
        [Theory]
        [MemberData(nameof(Fixes))]
        public async Task DocExample_FixGivesWhatThePageShows(string rule, int number, string key, int shows)
        {
            var examples = DocPage.Examples(rule);
            var example = examples[number];
            var shown = examples[shows];
            Assert.True(example.Claim == Claim.Reported && shown.Claim == Claim.NotReported, $"{example} → {shown}: a fix turns a ❌ example into a ✅ one");
            var context = ContextOf(example);
            var (entry, file, _) = Render(example, context);
            var analyzers = Corpus.CreateAnalyzers();
            var fixers = Corpus.CreateCodeFixes();
            var solution = Harness.CreateSolution(entry, analyzers, context.References);

            var fixedCount = 0;
            for (var round = 0; ; round++)
            {
                var result = await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, globalOptions: context.GlobalOptions);
                var target = result.Diagnostics.FirstOrDefault(d => d.Id == rule && d.Location.GetLineSpan().Path == file);
                if (target is null)
                {
                    Assert.True(Harness.CompilerErrors(result.Compilation).IsEmpty, $"{example}: the fix '{key}' gives code that does not compile:\n{string.Join("\n", Harness.CompilerErrors(result.Compilation).Select(Harness.Show))}");
                    break;
                }

                Assert.True(round < 10, $"{example}: {rule} still reported after {round} fixes '{key}': {Harness.Show(target)}");
                var action = (await Harness.GetFixesAsync(solution, target, fixers)).Select(f => f.Action).FirstOrDefault(a => a.EquivalenceKey == key);
                Assert.True(action is not null, $"{example}: no fix '{key}' is offered for {Harness.Show(target)}");
                solution = await Harness.ApplyAsync(solution, action!);
                fixedCount++;
            }

            Assert.True(fixedCount > 0, $"{example}: {rule} reports nothing to fix");
            var document = solution.Projects.Single().Documents.Single(d => d.FilePath == file);
            var fixedText = (await document.GetTextAsync()).ToString();
            Assert.True(
                Tokens(fixedText).Contains(Tokens(shown.Code), StringComparison.Ordinal),
                $"{example}: the fix '{key}' does not give what the page shows as {shown}.\nThe page shows:\n{shown.Code}\nThe fix gives:\n{fixedText}");
        }

        /// <summary>The text's C# tokens, without whitespace and comments.</summary>
        private static string Tokens(string code)
            => string.Concat(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTokens(code).Select(t => t.Text));

        [Fact]
        public void Contexts_MatchTheirExamples()
        {
            var problems = new List<string>();
            foreach (var contexts in AllContexts)
            {
                var examples = DocPage.Examples(contexts.Rule);
                foreach (var group in contexts.Contexts.GroupBy(c => c.Example).Where(g => g.Count() > 1))
                {
                    problems.Add($"{contexts.GetType().Name}: example #{group.Key} has {group.Count()} contexts");
                }

                foreach (var context in contexts.Contexts)
                {
                    if (context.Example >= examples.Length)
                    {
                        problems.Add($"{contexts.GetType().Name}: example #{context.Example} is not on the page (it has {examples.Length})");
                    }
                    else if (!examples[context.Example].FirstLine.StartsWith(context.StartsWith, StringComparison.Ordinal))
                    {
                        problems.Add($"{contexts.GetType().Name}: example #{context.Example} starts with '{examples[context.Example].FirstLine}', the context expects '{context.StartsWith}' (the page changed: renumber)");
                    }

                    var holders = context.Sources.Concat(context.AdditionalFiles).Count(f => f.Text.Contains(DocContext.Placeholder, StringComparison.Ordinal) || f.Text.Contains(DocContext.XmlPlaceholder, StringComparison.Ordinal));
                    if (holders != 1)
                    {
                        problems.Add($"{contexts.GetType().Name}: example #{context.Example}: {holders} files hold the placeholder (one must)");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Contexts_OnePerRulePage()
        {
            var rules = Rules();
            var missing = rules.Where(r => DocPage.Examples(r).Length > 0 && !AllContexts.Any(c => c.Rule == r));
            Assert.Empty(missing);
            Assert.All(AllContexts.GroupBy(c => c.Rule), g => Assert.Single(g));
        }

        [Fact]
        public void Parse_ReadsLanguagesClaimsAndNumbers()
        {
            const string page = """
                # PM9999: Title

                ❌ A bad one:
                ```csharp
                Bad();
                ```

                ✅ A good one, explained
                over two lines:
                ```json
                { "good": true }
                ```

                ```ini
                dotnet_diagnostic.PM9999.severity = none
                ```

                Plain text, then:
                ```xml
                <plain />
                ```
                """;

            var examples = DocPage.Parse("PM9999", page);

            Assert.Equal(
                new[] { (0, "csharp", Claim.Reported, "Bad();"), (1, "json", Claim.NotReported, "{ \"good\": true }"), (2, "xml", Claim.None, "<plain />") },
                examples.Select(e => (e.Number, e.Language, e.Claim, e.Code)));
            Assert.Equal(5, examples[0].Line);
        }

        private static List<string> Rules()
            => RuleCatalogTests.DeclaredDescriptors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();

        private static DocContext ContextOf(DocExample example)
        {
            var contexts = AllContexts.SingleOrDefault(c => c.Rule == example.Rule);
            var context = contexts?.Contexts.SingleOrDefault(c => c.Example == example.Number);
            Assert.True(context is not null, $"{example} has no context: add one to {example.Rule}DocExamples (Meta/DocExamples)");
            Assert.True(example.FirstLine.StartsWith(context!.StartsWith, StringComparison.Ordinal), $"{example}: its context expects an example starting with '{context.StartsWith}' (the page changed: renumber)");
            return context;
        }

        /// <summary>The project with the example in place, the file holding it, and the lines (0-based) it covers there.</summary>
        private static (CorpusEntry Entry, string File, HashSet<int> Lines) Render(DocExample example, DocContext context)
        {
            string? file = null;
            var lines = new HashSet<int>();

            ImmutableArray<CorpusDocument> Place(IEnumerable<(string Path, string Text)> files, string root) => files.Select(f =>
            {
                var placeholder = f.Text.Contains(DocContext.XmlPlaceholder, StringComparison.Ordinal) ? DocContext.XmlPlaceholder : DocContext.Placeholder;
                var at = f.Text.IndexOf(placeholder, StringComparison.Ordinal);
                if (at < 0)
                {
                    return new CorpusDocument(root + f.Path, f.Text);
                }

                var text = f.Text.Substring(0, at) + example.Code + f.Text.Substring(at + placeholder.Length);
                file = root + f.Path;
                var source = SourceText.From(text);
                var first = source.Lines.GetLineFromPosition(at).LineNumber;
                var last = source.Lines.GetLineFromPosition(at + example.Code.Length).LineNumber;
                lines.UnionWith(Enumerable.Range(first, last - first + 1));
                return new CorpusDocument(file, text);
            }).ToImmutableArray();

            var sources = Place(context.Sources, "/0/");
            var additional = Place(context.AdditionalFiles, "/0/");
            Assert.True(file is not null, $"{example}: its context has no placeholder");
            return (new CorpusEntry(example.ToString(), sources, additional, context.OutputKind), file!, lines);
        }

        private static string Found(IReadOnlyCollection<Diagnostic> diagnostics)
            => diagnostics.Count == 0 ? " (nowhere in the project)" : ":\n" + string.Join("\n", diagnostics.Select(d => $"    {d.Location.GetLineSpan()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));

        private static string Listing(CorpusEntry entry, string file)
        {
            var builder = new StringBuilder();
            foreach (var document in entry.Documents.Concat(entry.AdditionalFiles).Where(d => d.Path == file))
            {
                builder.Append("--- ").AppendLine(document.Path);
                var number = 0;
                foreach (var line in document.Text.Replace("\r\n", "\n").Split('\n'))
                {
                    builder.Append(number++.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("  ").AppendLine(line);
                }
            }

            return builder.ToString();
        }
    }
}
