using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Xunit;
using Xunit.Abstractions;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>
    /// On every diagnostic of the corpus (tests' snippets and the sample, unmodified), every offered fix yields a
    /// document that parses, adds no compiler error and removes that diagnostic; and Fix All in solution scope
    /// gives the same code as fixing one by one.
    /// </summary>
    public class FixSafetyTests
    {
        private const int MaxFailuresShown = 8;

        private readonly ITestOutputHelper _output;

        public FixSafetyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task EveryOfferedFix_CompilesAndRemovesItsDiagnostic()
        {
            var failures = new ConcurrentBag<string>();
            var fixesApplied = 0;
            var stopwatch = Stopwatch.StartNew();
            await ForEachEntryAsync(async (entry, cancellationToken) =>
            {
                var analyzers = Corpus.CreateAnalyzers();
                var providers = Corpus.CreateCodeFixes();
                var solution = Harness.CreateSolution(entry, analyzers);
                var before = await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                var errorsBefore = Harness.CompilerErrors(before.Compilation).Select(Harness.ErrorKey).ToList();
                foreach (var diagnostic in before.Diagnostics.Where(d => d.Location.IsInSource))
                {
                    foreach (var (provider, action) in await Harness.GetFixesAsync(solution, diagnostic, providers, cancellationToken).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref fixesApplied);
                        var what = $"{entry.Name}: fix '{action.Title}' ({action.EquivalenceKey}, {provider.GetType().Name}) on {Harness.Show(diagnostic)}";
                        var changed = await Harness.ApplyAsync(solution, action, cancellationToken).ConfigureAwait(false);
                        var project = changed.Projects.Single();
                        foreach (var document in project.Documents)
                        {
                            var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
                            var original = solution.GetDocument(document.Id);
                            var originalErrors = original is null ? 0 : (await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                            var parseErrors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                            if (parseErrors.Count > originalErrors)
                            {
                                failures.Add($"{what}\n  the fixed {document.FilePath} does not parse: {string.Join("; ", parseErrors.Select(Harness.ErrorKey))}\n{await TextAsync(document, cancellationToken)}");
                            }
                        }

                        var after = await Harness.AnalyzeAsync(project, analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                        var newErrors = Subtract(Harness.CompilerErrors(after.Compilation).Select(Harness.ErrorKey).ToList(), errorsBefore);
                        if (newErrors.Count > 0)
                        {
                            failures.Add($"{what}\n  adds compiler error(s): {string.Join("; ", newErrors)}\n{await ChangedTextAsync(changed, solution, cancellationToken)}");
                        }

                        // The fixed diagnostic must be gone: none of its ID where its span starts after the edit. (Another one may
                        // appear elsewhere: rethrowing in an inner catch hands the failure to an outer catch, which then swallows it.)
                        var stillThere = await StillReportedAsync(diagnostic, before.Diagnostics, solution, changed, after.Diagnostics, cancellationToken).ConfigureAwait(false);
                        if (stillThere is not null)
                        {
                            failures.Add($"{what}\n  does not remove the diagnostic (still reported: {Harness.Show(stillThere)})\n{await ChangedTextAsync(changed, solution, cancellationToken)}");
                        }

                        foreach (var exception in after.Exceptions)
                        {
                            failures.Add($"{what}\n  an analyzer throws on the fixed code: {exception}");
                        }
                    }
                }
            }, failures);

            _output.WriteLine($"{Corpus.Entries.Length} corpus entries, {fixesApplied} fixes applied, {stopwatch.Elapsed.TotalSeconds:F1}s");
            Report(failures, "fixes are unsafe");
        }

        /// <summary>
        /// Every fix offered on the corpus is named on its rule's page as users see it: its title among the quoted titles of
        /// the page's "Code fix" row ("…" standing for a part that varies), its equivalence key there too (what
        /// <c>dotnet format</c> and .editorconfig users look for).
        /// </summary>
        [Fact]
        public async Task EveryOfferedFix_IsNamedOnItsRulePage()
        {
            var failures = new ConcurrentBag<string>();
            var offered = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            await ForEachEntryAsync(async (entry, cancellationToken) =>
            {
                var analyzers = Corpus.CreateAnalyzers();
                var providers = Corpus.CreateCodeFixes();
                var solution = Harness.CreateSolution(entry, analyzers);
                var result = await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.IsInSource))
                {
                    foreach (var (_, action) in await Harness.GetFixesAsync(solution, diagnostic, providers, cancellationToken).ConfigureAwait(false))
                    {
                        var row = FixRow(diagnostic.Id);
                        offered.TryAdd(diagnostic.Id + ": " + action.Title, 0);
                        if (!row.Titles.Any(pattern => System.Text.RegularExpressions.Regex.IsMatch(action.Title, pattern)))
                        {
                            failures.Add($"docs/rules/{diagnostic.Id}.md: the fix '{action.Title}' (offered on {Harness.Show(diagnostic)} in {entry.Name}) is not among the page's fix titles: {string.Join(", ", row.Quoted)}");
                        }

                        if (action.EquivalenceKey is { } key && !row.Text.Contains("`" + key + "`", StringComparison.Ordinal))
                        {
                            failures.Add($"docs/rules/{diagnostic.Id}.md: the fix key `{key}` is not in the page's Code fix row");
                        }
                    }
                }
            }, failures);

            _output.WriteLine(string.Join("\n", offered.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            Assert.True(offered.Count > 0, "no fix was offered on the corpus");
            Report(failures, "fixes are not named on their pages");
        }

        private static (string Text, ImmutableArray<string> Quoted, ImmutableArray<string> Titles) FixRow(string id)
        {
            var page = System.IO.File.ReadAllText(System.IO.Path.Combine(Verifiers.References.RepositoryRoot, "docs", "rules", id + ".md"));
            var row = System.Text.RegularExpressions.Regex.Match(page, @"^\|\s*Code fix\s*\|(?<value>[^\n]*)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups["value"].Value;
            var quoted = System.Text.RegularExpressions.Regex.Matches(row, "\"(?<title>[^\"]+)\"").Select(m => m.Groups["title"].Value).ToImmutableArray();
            var titles = quoted.Select(q => "^" + string.Join(".+", q.Split('…').Select(System.Text.RegularExpressions.Regex.Escape)) + "$").ToImmutableArray();
            return (row, quoted, titles);
        }

        [Fact]
        public async Task FixAllInSolution_EqualsOneByOne()
        {
            var failures = new ConcurrentBag<string>();
            var compared = 0;
            var stopwatch = Stopwatch.StartNew();
            await ForEachEntryAsync(async (entry, cancellationToken) =>
            {
                var analyzers = Corpus.CreateAnalyzers();
                var providers = Corpus.CreateCodeFixes();
                var solution = Harness.CreateSolution(entry, analyzers);
                var before = await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                var keys = new List<(CodeFixProvider Provider, string Key)>();
                foreach (var diagnostic in before.Diagnostics.Where(d => d.Location.IsInSource))
                {
                    foreach (var (provider, action) in await Harness.GetFixesAsync(solution, diagnostic, providers, cancellationToken).ConfigureAwait(false))
                    {
                        if (action.EquivalenceKey is null)
                        {
                            failures.Add($"{entry.Name}: fix '{action.Title}' of {provider.GetType().Name} has no equivalence key (Fix All and dotnet format need one)");
                        }
                        else if (!keys.Any(k => k.Provider == provider && k.Key == action.EquivalenceKey))
                        {
                            keys.Add((provider, action.EquivalenceKey));
                        }
                    }
                }

                var bound = before.Diagnostics.Length + 2;
                foreach (var (provider, key) in keys)
                {
                    Interlocked.Increment(ref compared);
                    var oneByOne = await FixOneByOneAsync(solution, before, provider, key, analyzers, bound, cancellationToken).ConfigureAwait(false);
                    if (oneByOne is null)
                    {
                        failures.Add($"{entry.Name}: fixing one by one with {key} did not converge in {bound} steps");
                        continue;
                    }

                    var expected = await NormalizedAsync(oneByOne, cancellationToken).ConfigureAwait(false);

                    // As the verifier does: Fix All, and again while fixes uncover new diagnostics (at most 3 passes).
                    var fixAll = solution;
                    var known = before;
                    List<string>? actual = null;
                    for (var pass = 0; pass < 3; pass++)
                    {
                        var next = await FixAllPassAsync(fixAll, known, provider, key, analyzers, cancellationToken).ConfigureAwait(false);
                        if (next is null)
                        {
                            break;
                        }

                        fixAll = next;
                        actual = await NormalizedAsync(fixAll, cancellationToken).ConfigureAwait(false);
                        if (actual.SequenceEqual(expected))
                        {
                            break;
                        }

                        known = await Harness.AnalyzeAsync(fixAll.Projects.Single(), analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }

                    actual ??= await NormalizedAsync(fixAll, cancellationToken).ConfigureAwait(false);
                    var documents = oneByOne.Projects.Single().Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < documents.Count; i++)
                    {
                        if (expected[i] != actual[i])
                        {
                            failures.Add($"{entry.Name}: Fix All (solution) with {key} differs from one by one in {documents[i].FilePath}:\n--- one by one ---\n{expected[i]}\n--- Fix All ---\n{actual[i]}");
                        }
                    }
                }
            }, failures);

            _output.WriteLine($"{Corpus.Entries.Length} corpus entries, {compared} (entry, fix) pairs compared, {stopwatch.Elapsed.TotalSeconds:F1}s");
            Report(failures, "Fix All results differ");
        }

        private static async Task<Solution?> FixOneByOneAsync(Solution solution, AnalysisResult first, CodeFixProvider provider, string key, ImmutableArray<DiagnosticAnalyzer> analyzers, int bound, CancellationToken cancellationToken)
        {
            for (var step = 0; step <= bound; step++)
            {
                var result = step == 0 ? first : await Harness.AnalyzeAsync(solution.Projects.Single(), analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                Microsoft.CodeAnalysis.CodeActions.CodeAction? chosen = null;
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.IsInSource && provider.FixableDiagnosticIds.Contains(d.Id))
                    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
                {
                    var fixes = await Harness.GetFixesAsync(solution, diagnostic, new[] { provider }, cancellationToken).ConfigureAwait(false);
                    chosen = fixes.Select(f => f.Action).FirstOrDefault(a => a.EquivalenceKey == key);
                    if (chosen is not null)
                    {
                        break;
                    }
                }

                if (chosen is null)
                {
                    return solution;
                }

                solution = await Harness.ApplyAsync(solution, chosen, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        /// <summary>One Fix All (solution scope) from a document that offers the key; null when none does.</summary>
        private static async Task<Solution?> FixAllPassAsync(Solution solution, AnalysisResult result, CodeFixProvider provider, string key, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.IsInSource && provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                var fixes = await Harness.GetFixesAsync(solution, diagnostic, new[] { provider }, cancellationToken).ConfigureAwait(false);
                if (fixes.Any(f => f.Action.EquivalenceKey == key))
                {
                    var trigger = solution.GetDocument(diagnostic.Location.SourceTree)!;
                    return await Harness.FixAllAsync(solution, provider, key, FixAllScope.Solution, trigger, analyzers, cancellationToken, result).ConfigureAwait(false);
                }
            }

            return null;
        }

        private static async Task ForEachEntryAsync(Func<CorpusEntry, CancellationToken, Task> body, ConcurrentBag<string> failures)
        {
            // Entries on which no analyzer reports anything have no fix to try.
            await Parallel.ForEachAsync(
                await Harness.EntriesWithDiagnosticsAsync().ConfigureAwait(false),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                async (entry, _) =>
                {
                    using var timeout = new CancellationTokenSource(Harness.Timeout);
                    try
                    {
                        await body(entry, timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                    {
                        failures.Add($"{entry.Name}: timed out after {Harness.Timeout.TotalSeconds}s");
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{entry.Name}: {e}");
                    }
                }).ConfigureAwait(false);
        }

        private static void Report(ConcurrentBag<string> failures, string what)
        {
            if (!failures.IsEmpty)
            {
                var ordered = failures.OrderBy(f => f, StringComparer.Ordinal).ToList();
                Assert.Fail($"{ordered.Count} {what}:\n\n" + string.Join("\n\n", ordered.Take(MaxFailuresShown).Select(f => f.Length > 6000 ? f.Substring(0, 6000) + "…" : f)));
            }
        }

        private static List<string> Subtract(List<string> after, List<string> before)
        {
            var remaining = new List<string>(before);
            var added = new List<string>();
            foreach (var error in after)
            {
                if (!remaining.Remove(error))
                {
                    added.Add(error);
                }
            }

            return added;
        }

        private static async Task<string> TextAsync(Document document, CancellationToken cancellationToken)
            => (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();

        /// <summary>
        /// The diagnostic of the same ID at the fixed diagnostic's place after the fix, if any: its start mapped through
        /// the text changes (shifted when the edits come before it; when it lies inside an edit, anywhere in what replaced it).
        /// </summary>
        private static async Task<Diagnostic?> StillReportedAsync(
            Diagnostic fixedDiagnostic,
            ImmutableArray<Diagnostic> diagnosticsBefore,
            Solution before,
            Solution after,
            ImmutableArray<Diagnostic> diagnosticsAfter,
            CancellationToken cancellationToken)
        {
            var path = fixedDiagnostic.Location.SourceTree?.FilePath;
            var oldDocument = before.Projects.Single().Documents.FirstOrDefault(d => d.FilePath == path);
            var newDocument = after.Projects.Single().Documents.FirstOrDefault(d => d.FilePath == path);
            if (oldDocument is null || newDocument is null)
            {
                return null;
            }

            // The syntax diff of the edited tree against the original: fine-grained, where the texts' diff can be one
            // change covering the whole document.
            var oldTree = (await oldDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var newTree = (await newDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var start = fixedDiagnostic.Location.SourceSpan.Start;
            var delta = 0;
            foreach (var change in newTree.GetChanges(oldTree).OrderBy(c => c.Span.Start))
            {
                if (change.Span.End <= start && !(change.Span.IsEmpty && change.Span.Start == start))
                {
                    delta += (change.NewText?.Length ?? 0) - change.Span.Length;
                    continue;
                }

                if (change.Span.Start <= start)
                {
                    // The diagnostic's start lies in this edit (a fix that wraps statements in try/finally replaces them
                    // all): the replacement must hold fewer diagnostics of the ID than the replaced text did, which may
                    // have held others (two temp files in one body, the fix applied to one of them).
                    var editStart = change.Span.Start + delta;
                    var editEnd = editStart + (change.NewText?.Length ?? 0);
                    var replaced = InSpan(diagnosticsBefore, change.Span.Start, change.Span.End).Count();
                    var remaining = InSpan(diagnosticsAfter, editStart, editEnd).ToList();
                    return remaining.Count >= replaced ? remaining[0] : null;
                }

                break;
            }

            return InSpan(diagnosticsAfter, start + delta, start + delta).FirstOrDefault();

            IEnumerable<Diagnostic> InSpan(ImmutableArray<Diagnostic> diagnostics, int from, int to)
                => diagnostics.Where(d => d.Id == fixedDiagnostic.Id && d.Location.SourceTree?.FilePath == path &&
                                          d.Location.SourceSpan.Start >= from && d.Location.SourceSpan.Start <= to);
        }

        private static async Task<string> ChangedTextAsync(Solution changed, Solution original, CancellationToken cancellationToken)
        {
            foreach (var document in changed.Projects.Single().Documents)
            {
                var text = await TextAsync(document, cancellationToken).ConfigureAwait(false);
                var before = original.GetDocument(document.Id);
                if (before is null || await TextAsync(before, cancellationToken).ConfigureAwait(false) != text)
                {
                    return $"--- {document.FilePath} after the fix ---\n{text}\n---";
                }
            }

            return "(no document changed)";
        }

        private static async Task<List<string>> NormalizedAsync(Solution solution, CancellationToken cancellationToken)
        {
            var texts = new List<string>();
            foreach (var document in solution.Projects.Single().Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
            {
                texts.Add(await NormalizedAsync(document, cancellationToken).ConfigureAwait(false));
            }

            return texts;
        }

        private static async Task<string> NormalizedAsync(Document document, CancellationToken cancellationToken)
        {
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (await TextAsync(document, cancellationToken).ConfigureAwait(false)).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
    }
}
