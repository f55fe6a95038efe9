using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Broken code never crashes an analyzer or a code fix. Seeded and bounded:
    /// POSTMORTEM_TORTURE_VARIANTS (how many broken variants, default <see cref="DefaultVariants"/>) and
    /// POSTMORTEM_TORTURE_SEED (default <see cref="DefaultSeed"/>, fixed so CI is reproducible).
    /// A failure prints the seed, the variant and the broken source.
    /// </summary>
    public class TortureTests
    {
        public const int DefaultVariants = 150;
        public const int DefaultSeed = 7;
        private const int MaxDiagnosticsFixedPerVariant = 6;
        private const int MaxFailuresShown = 5;

        private readonly ITestOutputHelper _output;

        public TortureTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task BrokenVariants_NoAnalyzerOrCodeFixThrows()
        {
            var variants = Harness.EnvInt("POSTMORTEM_TORTURE_VARIANTS", DefaultVariants);
            var seed = Harness.EnvInt("POSTMORTEM_TORTURE_SEED", DefaultSeed);
            var entries = Corpus.Entries;
            Assert.NotEmpty(entries);

            var failures = new ConcurrentBag<(int Index, string Report)>();
            var stats = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var counters = new TortureCounters();
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, variants),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                async (index, _) =>
                {
                    var variant = Mutator.Create(entries, seed, index);
                    stats.AddOrUpdate(variant.Mutation.Split(' ')[0], 1, (_, n) => n + 1);
                    var problems = await RunVariantAsync(variant, counters).ConfigureAwait(false);
                    if (problems.Count > 0)
                    {
                        failures.Add((index, Report(seed, variant, problems)));
                    }
                });

            _output.WriteLine($"{variants} variants of {entries.Length} corpus entries, seed {seed}, {stopwatch.Elapsed.TotalSeconds:F1}s; "
                + $"{counters.Diagnostics} diagnostics, {counters.Fixes} fixes applied, {counters.FixAlls} Fix All runs; mutations: "
                + string.Join(", ", stats.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
            if (!failures.IsEmpty)
            {
                var ordered = failures.OrderBy(f => f.Index).ToList();
                Assert.Fail($"{ordered.Count} of {variants} variants (seed {seed}) made an analyzer or a code fix throw. "
                    + $"Variants: {string.Join(", ", ordered.Select(f => f.Index))}\n\n"
                    + string.Join("\n\n", ordered.Take(MaxFailuresShown).Select(f => f.Report)));
            }
        }

        /// <summary>Analyzes one variant, then offers and applies every fix for (some of) its diagnostics, and Fix All per key.</summary>
        public static async Task<List<string>> RunVariantAsync(Variant variant, TortureCounters? counters = null, ImmutableArray<DiagnosticAnalyzer>? analyzersOverride = null, ImmutableArray<CodeFixProvider>? fixesOverride = null)
        {
            var problems = new List<string>();
            using var timeout = new CancellationTokenSource(Harness.Timeout);
            var cancellationToken = timeout.Token;
            try
            {
                var analyzers = analyzersOverride ?? Corpus.CreateAnalyzers();
                var fixes = fixesOverride ?? Corpus.CreateCodeFixes();
                var references = variant.WithoutPackages ? Verifiers.References.Net : Corpus.References;
                var solution = Harness.CreateSolution(variant.Entry, analyzers, references);
                var project = solution.Projects.Single();
                var result = await Harness.AnalyzeAsync(project, analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                problems.AddRange(result.Exceptions.Select(e => "analyzer: " + e));
                counters?.AddDiagnostics(result.Diagnostics.Length);

                var keys = new HashSet<(CodeFixProvider Provider, string Key)>();
                Document? trigger = null;
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.IsInSource).Take(MaxDiagnosticsFixedPerVariant))
                {
                    try
                    {
                        foreach (var (provider, action) in await Harness.GetFixesAsync(solution, diagnostic, fixes, cancellationToken).ConfigureAwait(false))
                        {
                            try
                            {
                                counters?.AddFix();
                                var changed = await Harness.ApplyAsync(solution, action, cancellationToken).ConfigureAwait(false);
                                foreach (var document in changed.Projects.Single().Documents)
                                {
                                    _ = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                                }

                                if (action.EquivalenceKey is { } key)
                                {
                                    keys.Add((provider, key));
                                    trigger ??= solution.GetDocument(diagnostic.Location.SourceTree);
                                }
                            }
                            catch (Exception e) when (e is not OperationCanceledException)
                            {
                                problems.Add($"code fix {provider.GetType().Name} '{action.Title}' ({action.EquivalenceKey}) on {Harness.Show(diagnostic)}:\n{e}");
                            }
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        problems.Add($"code fix registration for {Harness.Show(diagnostic)}:\n{e}");
                    }
                }

                foreach (var (provider, key) in keys)
                {
                    try
                    {
                        counters?.AddFixAll();
                        _ = await Harness.FixAllAsync(solution, provider, key, FixAllScope.Solution, trigger!, analyzers, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        problems.Add($"Fix All {provider.GetType().Name} ({key}):\n{e}");
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                problems.Add($"timed out after {Harness.Timeout.TotalSeconds}s (an analyzer or fix loops?)");
            }
            catch (Exception e)
            {
                problems.Add("harness: " + e);
            }

            return problems;
        }

        /// <summary>The harness itself reports a throwing analyzer and a throwing fix, with the variant.</summary>
        [Fact]
        public async Task ThrowingAnalyzerAndFix_AreReported()
        {
            var entry = new CorpusEntry("selftest", ImmutableArray.Create(new CorpusDocument("/0/Test0.cs", "class Bad { void M() { } }")), ImmutableArray<CorpusDocument>.Empty, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
            var variant = Mutator.Create(ImmutableArray.Create(entry), DefaultSeed, 0) with { Entry = entry };
            var problems = await RunVariantAsync(
                variant,
                analyzersOverride: ImmutableArray.Create<DiagnosticAnalyzer>(new Verifiers.SelfTests.ThrowingAnalyzer(), new Verifiers.SelfTests.BadClassAnalyzer()),
                fixesOverride: ImmutableArray.Create<CodeFixProvider>(new ThrowingFix()));
            Assert.Contains(problems, p => p.StartsWith("analyzer: ", StringComparison.Ordinal) && p.Contains(nameof(Verifiers.SelfTests.ThrowingAnalyzer), StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("code fix", StringComparison.Ordinal) && p.Contains(nameof(ThrowingFix), StringComparison.Ordinal));
            Assert.Contains("variant #0", Report(DefaultSeed, variant, problems), StringComparison.Ordinal);
        }

        private sealed class ThrowingFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST001");

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                context.RegisterCodeFix(
                    Microsoft.CodeAnalysis.CodeActions.CodeAction.Create("Throw", new Func<CancellationToken, Task<Microsoft.CodeAnalysis.Document>>(_ => throw new InvalidOperationException("boom")), "TST.Throw"),
                    context.Diagnostics);
                return Task.CompletedTask;
            }
        }

        private static string Report(int seed, Variant variant, List<string> problems)
        {
            var builder = new StringBuilder();
            builder.Append("POSTMORTEM_TORTURE_SEED=").Append(seed).Append(" variant #").Append(variant.Index)
                .Append(": ").Append(variant.Entry.Name).Append(" — ").Append(variant.Mutation).Append('\n');
            foreach (var problem in problems.Distinct())
            {
                builder.Append("  ").Append(problem.Length > 3000 ? problem.Substring(0, 3000) + "…" : problem).Append('\n');
            }

            var mutated = variant.Entry.Documents.Concat(variant.Entry.AdditionalFiles).FirstOrDefault(d => d.Path == variant.MutatedPath) ?? variant.Entry.Documents[0];
            var text = mutated.Text.Length > 4000 ? mutated.Text.Substring(0, 4000) + "\n…" : mutated.Text;
            builder.Append("--- ").Append(mutated.Path).Append(" (as analyzed) ---\n").Append(text).Append("\n---");
            return builder.ToString();
        }
    }

    /// <summary>What a torture run exercised (for the test output).</summary>
    public sealed class TortureCounters
    {
        private int _diagnostics;
        private int _fixes;
        private int _fixAlls;

        public int Diagnostics => Volatile.Read(ref _diagnostics);

        public int Fixes => Volatile.Read(ref _fixes);

        public int FixAlls => Volatile.Read(ref _fixAlls);

        public void AddDiagnostics(int count) => Interlocked.Add(ref _diagnostics, count);

        public void AddFix() => Interlocked.Increment(ref _fixes);

        public void AddFixAll() => Interlocked.Increment(ref _fixAlls);
    }
}
