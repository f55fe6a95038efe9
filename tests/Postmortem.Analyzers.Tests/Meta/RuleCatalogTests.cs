using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Meta
{
    /// <summary>
    /// Every rule a user can meet is complete: a unique ID, our category, a help link to its docs page,
    /// a docs page whose title matches, a release-tracking entry, a README row, an analyzer and tests.
    /// </summary>
    public class RuleCatalogTests
    {
        public static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

        public static IReadOnlyList<CodeFixProvider> AllCodeFixes { get; } = typeof(Postmortem.CodeFixes.PostmortemCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

        /// <summary>The descriptors declared in Descriptors.cs (one per rule).</summary>
        public static IReadOnlyList<DiagnosticDescriptor> DeclaredDescriptors { get; } = typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var id in DeclaredDescriptors.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }

        private static DiagnosticDescriptor Descriptor(string id) => DeclaredDescriptors.Single(d => d.Id == id);

        private static string ReadRepoFile(string relative) => File.ReadAllText(Path.Combine(References.RepositoryRoot, relative));

        [Fact]
        public void DescriptorIds_AreUniqueAndWellFormed()
        {
            var ids = DeclaredDescriptors.Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches(@"^PM\d{4}$", id));
            var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
            Assert.Equal(constants.OrderBy(c => c, StringComparer.Ordinal), ids.OrderBy(c => c, StringComparer.Ordinal));
        }

        [Fact]
        public void AnalyzersReportOnlyDeclaredDescriptors()
        {
            var declared = DeclaredDescriptors.ToHashSet();
            Assert.NotEmpty(AllAnalyzers);
            foreach (var analyzer in AllAnalyzers)
            {
                Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d, declared));
            }
        }

        /// <summary>
        /// `dotnet format analyzers` fixes one rule at a time from the first diagnostic of the analyzers that report it,
        /// whatever that diagnostic's rule: it hands the rule's fixer that diagnostic and runs Fix All with the key of the
        /// first fix registered (dotnet-format's SolutionCodeFixApplier). An analyzer reporting several rules with fixes
        /// (LogFileSinkAnalyzer: PM1001, PM2003, PM3005) makes that another rule's diagnostic, so every fixer answers one
        /// with a keyed fix (a null key fixes nothing: seen in the third session, docs/performance-history.md). The rule tests
        /// check what Fix All then does (the verifier's "as dotnet format runs it" stage), the end-to-end test runs
        /// dotnet format itself.
        /// </summary>
        [Fact]
        public async Task CodeFixes_AnswerAnotherRulesDiagnostic_AsDotnetFormatHandsIt()
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution.AddProject("P", "P", LanguageNames.CSharp).AddMetadataReferences(References.Net);
            var document = project.AddDocument("Test0.cs", "class C { void M() { } }", filePath: "/0/Test0.cs");
            var tree = (await document.GetSyntaxTreeAsync())!;
            Assert.NotEmpty(AllCodeFixes);
            foreach (var fixer in AllCodeFixes)
            {
                var other = DeclaredDescriptors.First(d => !fixer.FixableDiagnosticIds.Contains(d.Id));
                var diagnostic = Diagnostic.Create(other, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(10, 13)));
                var keys = new List<string?>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => keys.Add(action.EquivalenceKey), CancellationToken.None));
                Assert.True(keys.Count > 0 && keys[0] is not null, $"{fixer.GetType().Name} registers no keyed fix for a {other.Id} diagnostic");
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_HasAnAnalyzer(string id)
            => Assert.Contains(AllAnalyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_HasCategoryAndHelpLink(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(Descriptors.Category, descriptor.Category);
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_HasDocsPageMatchingTheDescriptor(string id)
        {
            var descriptor = Descriptor(id);
            var path = Path.Combine("docs", "rules", id + ".md");
            Assert.True(File.Exists(Path.Combine(References.RepositoryRoot, path)), $"{path} is missing");
            var page = ReadRepoFile(path);
            var firstLine = page.Split('\n')[0].Trim();
            Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
            Assert.Contains(descriptor.Category, page);
            Assert.Contains(descriptor.DefaultSeverity.ToString(), page);
            foreach (var section in new[] { "## Incident", "## Cause", "## How to fix", "## Configuration", "## When to suppress" })
            {
                Assert.True(page.Contains(section, StringComparison.Ordinal), $"{path} lacks a '{section}' section");
            }

            Assert.Contains("❌", page);
            Assert.Contains("✅", page);
            var hasFix = AllCodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));
            var fixRow = Regex.Match(page, @"^\|\s*Code fix\s*\|\s*(?<value>[^|]+)\|", RegexOptions.Multiline | RegexOptions.IgnoreCase);
            Assert.True(fixRow.Success, $"{path} lacks a '| Code fix | … |' row");
            Assert.Equal(hasFix, fixRow.Groups["value"].Value.Trim().StartsWith("Yes", StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_IsTrackedInReleases(string id)
        {
            var descriptor = Descriptor(id);
            var releases = ReadRepoFile("src/Postmortem.Analyzers/AnalyzerReleases.Shipped.md") + ReadRepoFile("src/Postmortem.Analyzers/AnalyzerReleases.Unshipped.md");
            var row = releases.Split('\n').FirstOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
            Assert.NotNull(row);
            var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(descriptor.Category, cells[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
            Assert.Contains(descriptor.HelpLinkUri, cells[3]);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_HasReadmeRow(string id)
        {
            var readme = ReadRepoFile("README.md");
            var row = readme.Split('\n').FirstOrDefault(l => l.StartsWith("| [" + id + "]", StringComparison.Ordinal));
            Assert.NotNull(row);
            Assert.Contains($"(docs/rules/{id}.md)", row);
            Assert.Contains(Descriptor(id).Title.ToString(), row);
        }

        // The package's release notes (what NuGet shows) list every rule by its title: a short summary, not the changelog
        // (the first-user review found the whole 54 KB development log there).
        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_IsInThePackageReleaseNotes(string id)
        {
            var notes = ReadRepoFile(Path.Combine("src", "Postmortem.Package", "RELEASENOTES.md"));
            Assert.Contains($"- {id} {Descriptor(id).Title}", notes, StringComparison.Ordinal);
            Assert.True(notes.Length < 4000, $"The release notes are {notes.Length} characters: keep them a summary.");
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_HasTests(string id)
        {
            var tests = Directory.GetFiles(Path.Combine(References.RepositoryRoot, "tests", "Postmortem.Analyzers.Tests", "Rules"), "*.cs", SearchOption.AllDirectories);
            Assert.Contains(tests, f => Path.GetFileName(f).StartsWith(id, StringComparison.Ordinal) || File.ReadAllText(f).Contains($"\"{id}\"", StringComparison.Ordinal));
        }

        [Fact]
        public void CodeFixes_AreExportedSharedAndFixOurRules()
        {
            var ids = DeclaredDescriptors.Select(d => d.Id).ToHashSet();
            Assert.NotEmpty(AllCodeFixes);
            foreach (var fix in AllCodeFixes)
            {
                var type = fix.GetType();
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                Assert.NotNull(export);
                Assert.Equal(type.Name, export!.Name);
                Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
                Assert.NotNull(fix.GetFixAllProvider());
            }
        }
    }
}
