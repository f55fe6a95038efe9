using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Tests.Robustness;
using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>What a rule page says of one of its examples.</summary>
    public enum Claim
    {
        /// <summary>No ❌/✅ in front of it: it only has to compile (and crash nothing).</summary>
        None,

        /// <summary>❌: the page's rule reports it.</summary>
        Reported,

        /// <summary>✅: the page's rule is silent on it.</summary>
        NotReported,
    }

    /// <summary>
    /// One example of a rule page (<c>docs/rules/PMxxxx.md</c>): a fenced <c>csharp</c>, <c>json</c> or <c>xml</c> block,
    /// numbered from 0 in the page's order, with the claim of the paragraph that introduces it (its first line starts
    /// with ❌ or ✅).
    /// </summary>
    public sealed record DocExample(string Rule, int Number, string Language, Claim Claim, int Line, string Code)
    {
        public string FirstLine => Code.Split('\n')[0].Trim();

        public override string ToString() => $"{Rule} example #{Number} ({Language}, {Claim}, docs/rules/{Rule}.md line {Line}): {FirstLine}";
    }

    /// <summary>Reads the examples of a rule page.</summary>
    public static class DocPage
    {
        private static readonly string[] CheckedLanguages = { "csharp", "json", "xml" };

        public static string PathOf(string rule) => Path.Combine(References.RepositoryRoot, "docs", "rules", rule + ".md");

        public static ImmutableArray<DocExample> Examples(string rule) => Parse(rule, File.ReadAllText(PathOf(rule)));

        public static ImmutableArray<DocExample> Parse(string rule, string markdown)
        {
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            var examples = ImmutableArray.CreateBuilder<DocExample>();
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var language = lines[i].Substring(3).Trim();
                var end = i + 1;
                while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
                {
                    end++;
                }

                if (CheckedLanguages.Contains(language, StringComparer.OrdinalIgnoreCase))
                {
                    var code = string.Join("\n", lines, i + 1, end - i - 1);
                    examples.Add(new DocExample(rule, examples.Count, language.ToLowerInvariant(), ClaimBefore(lines, i), i + 2, code));
                }

                i = end;
            }

            return examples.ToImmutable();
        }

        /// <summary>The claim of the paragraph right above the fence (up to a blank line or another fence).</summary>
        private static Claim ClaimBefore(string[] lines, int fence)
        {
            var first = fence;
            while (first > 0 && lines[first - 1].Trim().Length > 0 && !lines[first - 1].StartsWith("```", StringComparison.Ordinal))
            {
                first--;
            }

            if (first == fence)
            {
                return Claim.None;
            }

            var text = lines[first].TrimStart();
            return text.StartsWith("❌", StringComparison.Ordinal) ? Claim.Reported
                : text.StartsWith("✅", StringComparison.Ordinal) ? Claim.NotReported
                : Claim.None;
        }
    }

    /// <summary>
    /// Where an example of a rule page is placed to be compiled and analyzed: C# files, additional files and options of
    /// one project. Exactly one file holds the placeholder (<see cref="Placeholder"/> in C# and JSON,
    /// <see cref="XmlPlaceholder"/> in XML), which the example replaces verbatim.
    /// </summary>
    public sealed class DocContext
    {
        public const string Placeholder = "/*EXAMPLE*/";
        public const string XmlPlaceholder = "<!--EXAMPLE-->";

        public DocContext(int example, string startsWith)
        {
            Example = example;
            StartsWith = startsWith;
        }

        /// <summary>The example's number on its page.</summary>
        public int Example { get; }

        /// <summary>The start of the example's first line: a context follows its example when the page changes.</summary>
        public string StartsWith { get; }

        /// <summary>C# files (path, text); <c>Program.cs</c> unless named.</summary>
        public List<(string Path, string Text)> Sources { get; } = new();

        /// <summary>Additional files (path, text): configuration files.</summary>
        public List<(string Path, string Text)> AdditionalFiles { get; } = new();

        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

        /// <summary>The project's options; a web project by default (several worker processes under <c>auto</c>).</summary>
        public Dictionary<string, string> GlobalOptions { get; } = new(Corpus.GlobalOptions, StringComparer.OrdinalIgnoreCase);

        /// <summary>The references; the tests' set by default (runtime, ASP.NET Core, Serilog 3 + file sink, NLog 5).</summary>
        public ImmutableArray<MetadataReference> References { get; set; } = Corpus.References;

        /// <summary>For an example without ❌/✅: what the page's text says of it.</summary>
        public Claim? Claim { get; set; }

        /// <summary>
        /// For a ❌ example: the code fixes the page says turn it into one of its ✅ examples (the fix's equivalence key,
        /// the ✅ example's number): applied to every diagnostic of the rule in the example, each gives code that holds
        /// the ✅ example, token for token (comments and whitespace aside).
        /// </summary>
        public List<(string Key, int Shows)> Fixes { get; } = new();

        /// <summary>Why the example is not run as it is (it cannot compile, or shows a fragment of a larger text); null: it is.</summary>
        public string? NotRunBecause { get; set; }

        public DocContext Code(string template, string path = "Program.cs")
        {
            Sources.Add((path, template));
            return this;
        }

        public DocContext Additional(string path, string template)
        {
            AdditionalFiles.Add((path, template));
            return this;
        }

        public DocContext Console()
        {
            GlobalOptions.Remove("build_property.UsingMicrosoftNETSdkWeb");
            OutputKind = OutputKind.ConsoleApplication;
            return this;
        }

        /// <summary>An executable (top-level statements), still a web project.</summary>
        public DocContext Program()
        {
            OutputKind = OutputKind.ConsoleApplication;
            return this;
        }

        public DocContext Option(string key, string value)
        {
            GlobalOptions[key] = value;
            return this;
        }

        public DocContext With(IEnumerable<MetadataReference> references)
        {
            References = references.ToImmutableArray();
            return this;
        }

        /// <summary>The fix with this equivalence key turns this ❌ example into the page's ✅ example number <paramref name="shows"/>.</summary>
        public DocContext FixedBy(string key, int shows)
        {
            Fixes.Add((key, shows));
            return this;
        }

        public DocContext Expect(Claim claim)
        {
            Claim = claim;
            return this;
        }

        /// <summary>For a ✅ example: other rules that report it, as the page says next to it (a dated log4net file no
        /// retention setting deletes, one log file per process).</summary>
        public HashSet<string> AlsoReportedBy { get; } = new(StringComparer.Ordinal);

        public DocContext AlsoReported(params string[] rules)
        {
            AlsoReportedBy.UnionWith(rules);
            return this;
        }
    }

    /// <summary>The contexts of one rule page's examples; one subclass per rule, found by reflection.</summary>
    public abstract class DocExampleContexts
    {
        public abstract string Rule { get; }

        public abstract IEnumerable<DocContext> Contexts { get; }

        protected static DocContext Example(int number, string startsWith) => new(number, startsWith);
    }
}
