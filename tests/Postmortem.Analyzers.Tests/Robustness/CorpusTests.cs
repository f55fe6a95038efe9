using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>The robustness tests run on something: every analyzer and fix is found, the corpus is real C#.</summary>
    public class CorpusTests
    {
        private readonly ITestOutputHelper _output;

        public CorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryAnalyzerAndCodeFix_IsDiscovered()
        {
            _output.WriteLine("Analyzers: " + string.Join(", ", Corpus.AnalyzerTypes.Select(t => t.Name)));
            _output.WriteLine("Code fixes: " + string.Join(", ", Corpus.CodeFixTypes.Select(t => t.Name)));
            Assert.Contains(Corpus.AnalyzerTypes, t => t.Name == "PM3001SwallowedWriteFailureAnalyzer");
            Assert.Contains(Corpus.CodeFixTypes, t => t.Name == "PM3001SwallowedWriteFailureCodeFixProvider");

            // Every fixable id is reported by some analyzer, so the harness reaches every fix.
            var reported = Corpus.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var fix in Corpus.CreateCodeFixes())
            {
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, reported));
            }
        }

        [Fact]
        public void Corpus_HasTheTestsSnippetsAndTheSample()
        {
            var entries = Corpus.Entries;
            foreach (var entry in entries)
            {
                _output.WriteLine($"{entry.Name}: {entry.Documents.Length} document(s), {entry.AdditionalFiles.Length} additional, {entry.OutputKind}");
            }

            Assert.Contains(entries, e => e.Name == "samples/IncidentReplay");
            Assert.True(entries.Count(e => e.Name.StartsWith("tests/", StringComparison.Ordinal)) >= 20, $"only {entries.Length} entries");

            // Markup is gone and helpers were evaluated (no snippet is a bare statement list without a type).
            Assert.DoesNotContain(entries.SelectMany(e => e.Documents), d => d.Text.Contains("[|", StringComparison.Ordinal) && d.Text.Contains("|]", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Name.Contains("PM3001", StringComparison.Ordinal) && e.Documents[0].Text.Contains("File.AppendAllText(path, \"line\")", StringComparison.Ordinal));
        }

        [Fact]
        public void Evaluator_ExpandsHelpersAndInlineData()
        {
            const string source = """"
                class T
                {
                    private const string Usings = "using System.IO;";
                    private static string InMethod(string body, string extra = "") => $$"""
                        {{Usings}}{{extra}}
                        class C { void M() { {{body}} } }
                        """;

                    [Theory]
                    [InlineData("File.Delete(p);")]
                    [InlineData("File.Copy(p, q);")]
                    public void Test(string write) => Run(InMethod($$"""
                        try { {{write}} } [|catch|] { }
                        """));
                }
                """";
            var strings = Corpus.StringsOf(source).Select(Corpus.StripMarkup).Where(s => Corpus.LooksLikeCSharp(s, out _)).ToList();
            Assert.Contains(strings, s => s.Contains("try { File.Delete(p); } catch { }", StringComparison.Ordinal) && s.StartsWith("using System.IO;", StringComparison.Ordinal));
            Assert.Contains(strings, s => s.Contains("try { File.Copy(p, q); } catch { }", StringComparison.Ordinal));
            Assert.True(Corpus.LooksLikeCSharp("using System;\nConsole.WriteLine(1);", out var kind));
            Assert.Equal(OutputKind.ConsoleApplication, kind);
            Assert.False(Corpus.LooksLikeCSharp("File.Delete(path);", out _));
        }

        [Fact]
        public void SharedTemplateClasses_AreEvaluatedForEveryTestFile()
        {
            const string shared = """"
                internal static class SnippetSources
                {
                    public static string Wrap(string body) => $$"""
                        using System.IO;
                        class C { void M() { {{body}} } }
                        """;
                }
                """";
            const string test = """
                using static SnippetSources;
                public class T
                {
                    public void Test() => Run(Wrap("File.Delete(p);"));
                }
                """;
            var sharedClasses = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(shared).GetRoot()
                .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().ToList();

            var strings = Corpus.StringsOf(test, sharedClasses).ToList();

            Assert.Contains(strings, s => s.StartsWith("using System.IO;", StringComparison.Ordinal) && s.Contains("File.Delete(p);", StringComparison.Ordinal));
        }
    }
}
