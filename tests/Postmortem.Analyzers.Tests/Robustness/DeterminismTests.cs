using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The same code gives the same diagnostics (id, span, message, properties): twice in a row, concurrently on
    /// one compilation, without concurrent execution, and with each analyzer running alone.
    /// </summary>
    public class DeterminismTests
    {
        private readonly ITestOutputHelper _output;

        public DeterminismTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task RepeatedAndConcurrentRuns_GiveTheSameDiagnostics()
        {
            var failures = new ConcurrentBag<string>();
            var total = 0;

            // Entries without diagnostics were analyzed once for the baseline (concurrently); once more without
            // concurrent execution they must stay empty. Entries with diagnostics get every comparison below.
            var quiet = Corpus.Entries.Except(await Harness.EntriesWithDiagnosticsAsync()).ToList();
            await Parallel.ForEachAsync(quiet, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, async (entry, _) =>
            {
                var analyzers = Corpus.CreateAnalyzers();
                var result = await Harness.AnalyzeAsync(Harness.CreateSolution(entry, analyzers).Projects.Single(), analyzers, concurrent: false).ConfigureAwait(false);
                Compare(entry.Name, "without concurrent execution", new List<string>(), result, failures);
                if (entry.Documents.Length > 1)
                {
                    var reversed = await Harness.AnalyzeAsync(Harness.CreateSolution(Reversed(entry), analyzers).Projects.Single(), Corpus.CreateAnalyzers(), concurrent: false).ConfigureAwait(false);
                    Compare(entry.Name, "with its files in reverse order", new List<string>(), reversed, failures);
                }
            });

            await Parallel.ForEachAsync(
                await Harness.EntriesWithDiagnosticsAsync(),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                async (entry, _) =>
                {
                    using var timeout = new CancellationTokenSource(Harness.Timeout);
                    var cancellationToken = timeout.Token;
                    try
                    {
                        var analyzers = Corpus.CreateAnalyzers();
                        var project = Harness.CreateSolution(entry, analyzers).Projects.Single();
                        var first = await Harness.AnalyzeAsync(project, analyzers, cancellationToken: cancellationToken).ConfigureAwait(false);
                        var expected = Harness.Keys(first.Diagnostics);
                        Interlocked.Add(ref total, expected.Count);

                        var runs = new List<(string Name, Task<AnalysisResult> Run)>
                        {
                            ("a second run on a new compilation", Harness.AnalyzeAsync(Harness.CreateSolution(entry, analyzers).Projects.Single(), Corpus.CreateAnalyzers(), cancellationToken: cancellationToken)),
                            ("without concurrent execution", Harness.AnalyzeAsync(project, Corpus.CreateAnalyzers(), concurrent: false, cancellationToken: cancellationToken)),
                            ("in reverse analyzer order", Harness.AnalyzeAsync(project, Corpus.CreateAnalyzers().Reverse().ToImmutableArray(), cancellationToken: cancellationToken)),
                        };

                        // The same files in the other order: a rule reading a type across files must not depend on which the
                        // driver reads first (the twenty-sixth session: PM1002's partial types).
                        if (entry.Documents.Length > 1)
                        {
                            runs.Add(("with its files in reverse order", Harness.AnalyzeAsync(Harness.CreateSolution(Reversed(entry), analyzers).Projects.Single(), Corpus.CreateAnalyzers(), concurrent: false, cancellationToken: cancellationToken)));
                        }

                        // Three runs at once on the same compilation, sharing the analyzer instances.
                        var shared = Corpus.CreateAnalyzers();
                        for (var i = 0; i < 3; i++)
                        {
                            runs.Add(($"concurrent run {i + 1} of 3", Task.Run(() => Harness.AnalyzeAsync(project, shared, cancellationToken: cancellationToken), cancellationToken)));
                        }

                        foreach (var (name, run) in runs)
                        {
                            Compare(entry.Name, name, expected, await run.ConfigureAwait(false), failures);
                        }

                        // Each analyzer alone reports what it reports among all the others (the ones that report
                        // nothing here were already shown to report nothing, twice, concurrently or not).
                        var alone = new List<Microsoft.CodeAnalysis.Diagnostic>();
                        var exceptions = new List<string>();
                        var reported = first.Diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                        foreach (var analyzer in Corpus.CreateAnalyzers().Where(a => a.SupportedDiagnostics.Any(d => reported.Contains(d.Id))))
                        {
                            var result = await Harness.AnalyzeAsync(project, ImmutableArray.Create(analyzer), cancellationToken: cancellationToken).ConfigureAwait(false);
                            alone.AddRange(result.Diagnostics);
                            exceptions.AddRange(result.Exceptions);
                        }

                        Compare(entry.Name, "each analyzer alone", expected, new AnalysisResult(alone.ToImmutableArray(), exceptions.ToImmutableArray(), project.GetCompilationAsync(cancellationToken).Result!), failures);
                        foreach (var exception in first.Exceptions)
                        {
                            failures.Add($"{entry.Name}: analyzer exception: {exception}");
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{entry.Name}: {e}");
                    }
                });

            _output.WriteLine($"{Corpus.Entries.Length} corpus entries ({quiet.Count} without diagnostics), {total} diagnostics, each reproduced by 7 runs");
            if (!failures.IsEmpty)
            {
                Assert.Fail($"{failures.Count} nondeterministic result(s):\n\n" + string.Join("\n\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(8)));
            }
        }

        /// <summary>The entry with its files in the other order (the driver reads a compilation's trees in their order).</summary>
        private static CorpusEntry Reversed(CorpusEntry entry) => entry with { Documents = entry.Documents.Reverse().ToImmutableArray() };

        private static void Compare(string entry, string run, List<string> expected, AnalysisResult actual, ConcurrentBag<string> failures)
        {
            var keys = Harness.Keys(actual.Diagnostics);
            if (!expected.SequenceEqual(keys))
            {
                failures.Add($"{entry}: {run} differs from the first run.\n  first: {string.Join("\n         ", expected)}\n  {run}: {string.Join("\n         ", keys)}");
            }

            foreach (var exception in actual.Exceptions)
            {
                failures.Add($"{entry}: {run}: analyzer exception: {exception}");
            }
        }
    }
}
