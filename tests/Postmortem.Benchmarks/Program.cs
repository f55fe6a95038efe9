using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Benchmarks
{
    /// <summary>
    /// Compiles a large codebase in memory and prints, from Roslyn's analyzer telemetry, what each of our analyzers
    /// costs next to the compiler's own time and next to the .NET SDK's CA analyzers (every CA rule enabled), all in
    /// this process on the same syntax trees. Ratios hold on a noisy machine; absolute seconds do not.
    /// </summary>
    public static class Program
    {
        private static class Settings
        {
            public static bool Together { get; set; }

            /// <summary>Another build's analyzers (--baseline), measured in the same runs as ours.</summary>
            public static ImmutableArray<DiagnosticAnalyzer> Baseline { get; set; } = ImmutableArray<DiagnosticAnalyzer>.Empty;

            /// <summary>The run being measured (0 is the warm-up).</summary>
            public static int Run { get; set; }

            /// <summary>
            /// Our analyzers in a different order in every run (the default; --fixed-order turns it off): the first in the
            /// driver's order pays for work the others then find done, so each goes first in its turn.
            /// </summary>
            public static bool Rotate { get; set; } = true;

            /// <summary>Whether the order rotates in this run: not with --together, where ours share the driver with the CA analyzers.</summary>
            public static bool Rotates => Rotate && !Together;

            /// <summary>
            /// The code is an ASP.NET Core project (build_property.UsingMicrosoftNETSdkWeb = true: worker_processes auto is then
            /// multiple); --no-web turns it off for a folder that is not one.
            /// </summary>
            public static bool Web { get; set; } = true;

            /// <summary>Analyzers that do no analysis (--probes), run in our driver and printed apart from ours.</summary>
            public static ImmutableArray<DiagnosticAnalyzer> Probes { get; set; } = ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        private const string Usage = """
            Postmortem.Benchmarks: our analyzers' cost next to the compiler's and the SDK's CA analyzers'.
              --lines N        generated workload of about N lines (default 200000)
              --serilog-only   the generated workload without NLog (its code, nlog.config and the reference): a Serilog-only app
              --quick          a small smoke run (5000 lines, 2 runs)
              --folder PATH    analyze the C# files under PATH instead (bin/ and obj/ skipped)
              --ref PATH       an extra reference: a .dll or a folder of .dll (repeatable), e.g. a project's bin folder
                               (the --folder projects' own assemblies in a folder are left out)
              --no-default-refs  with --folder: only the .NET runtime's assemblies and the --ref ones (by default ASP.NET Core,
                               Serilog and NLog are referenced too, which opens every rule's library gate)
              --no-web         with --folder: the code is not an ASP.NET Core project (by default the analyzers are told it is, so
                               worker_processes auto counts it as several processes, which opens PM1001's and PM1002's gate)
              --runs N         measured runs after one warm-up run (default 5); every time reported is its minimum over the runs
                               (our total: the fastest run's total)
              --sdk-analyzers PATH  folder holding Microsoft.CodeAnalysis(.CSharp).NetAnalyzers.dll (default: the installed SDK's)
              --no-ca          skip the CA analyzers
              --together       ours and CA in one driver with concurrent execution (as a build does; noisier per analyzer)
              --only NAMES     only our analyzers whose type name contains one of the comma-separated NAMES or that report a rule
                               of that ID (e.g. PM2001,PM2002), to profile or compare a few rules; the total is then theirs alone
              --baseline PATH  also run another build of our analyzers (its Postmortem.Analyzers.dll, or the folder holding it)
                               in the same process and runs, alternating which goes first, and print both side by side:
                               a change measured this way is not lost in the differences between processes
              --fixed-order    our analyzers in the same order in every run (by default the order rotates from run to run: the
                               first in the driver's order pays for work the others then find done)
              --probes         also run, in our driver, two analyzers that do no analysis: one with an empty action on every
                               invocation and object creation (the driver's cost per callback), one that reports on about one
                               in 8 of them (the driver's cost per reported diagnostic); printed apart, not in our total
            """;

        public static async Task<int> Main(string[] args)
        {
            var lines = 200_000;
            var runs = 5;
            string? folder = null;
            string? sdkAnalyzers = null;
            var extraRefs = new List<string>();
            var withCa = true;
            var serilogOnly = false;
            var defaultRefs = true;
            string[]? only = null;
            string? baseline = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--lines": lines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--quick": lines = 5_000; runs = 1; break;
                    case "--folder": folder = args[++i]; break;
                    case "--ref": extraRefs.Add(args[++i]); break;
                    case "--runs": runs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                    case "--sdk-analyzers": sdkAnalyzers = args[++i]; break;
                    case "--no-ca": withCa = false; break;
                    case "--serilog-only": serilogOnly = true; break;
                    case "--no-default-refs": defaultRefs = false; break;
                    case "--no-web": Settings.Web = false; break;
                    case "--together": Settings.Together = true; break;
                    case "--baseline": baseline = args[++i]; break;
                    case "--fixed-order": Settings.Rotate = false; break;
                    case "--probes": Settings.Probes = Probes.Create(); break;
                    case "--only": only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    default: Console.Error.WriteLine($"Unknown argument {args[i]}\n{Usage}"); return 2;
                }
            }

            // ---------------------------------------------------------------- workload
            List<(string Path, string Text)> sources;
            List<(string Path, string Text)> additional;
            string workload;
            if (folder is null && !defaultRefs)
            {
                Console.Error.WriteLine("--no-default-refs is for --folder: the generated workload needs ASP.NET Core, Serilog and NLog");
                return 2;
            }

            if (folder is null && !Settings.Web)
            {
                Console.Error.WriteLine("--no-web is for --folder: the generated workload is an ASP.NET Core application");
                return 2;
            }

            if (folder is not null && serilogOnly)
            {
                Console.Error.WriteLine("--serilog-only shapes the generated workload: it cannot be combined with --folder");
                return 2;
            }

            if (folder is not null)
            {
                var root = Path.GetFullPath(folder);
                sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => (f, File.ReadAllText(f)))
                    .ToList();
                additional = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetFileName(f) is { } n && (n.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || n.Equals("nlog.config", StringComparison.OrdinalIgnoreCase)))
                    .Select(f => (f, File.ReadAllText(f)))
                    .ToList();
                workload = $"folder {root}{(Settings.Web ? string.Empty : ", not a web project")}";
                if (ImplicitUsings(root) is { } globalUsings)
                {
                    sources.Add((Path.Combine(root, "obj", "GlobalUsings.g.cs"), globalUsings));
                    workload += " (implicit usings)";
                }
            }
            else
            {
                sources = GeneratedWorkload.Create(lines, nlog: !serilogOnly);
                additional = GeneratedWorkload.AdditionalFiles(nlog: !serilogOnly);
                workload = serilogOnly ? "generated, Serilog only" : "generated";
            }

            var lineCount = sources.Sum(s => s.Text.Count(c => c == '\n') + 1);
            Console.WriteLine($"Workload: {workload}, {sources.Count} files, {lineCount:N0} lines; {runs} measured run(s) after a warm-up; {Environment.ProcessorCount} cores; " +
                              $"{(System.Runtime.GCSettings.IsServerGC ? "server GC (as csc and VBCSCompiler)" : "workstation GC")}");

            var references = References(extraRefs, nlog: !serilogOnly, libraries: defaultRefs, exclude: folder is null ? null : ProjectAssemblies(Path.GetFullPath(folder)));
            var ours = OurAnalyzers();
            if (only is not null)
            {
                ours = ours.Where(a => Selected(a, only)).ToImmutableArray();
                if (ours.IsEmpty)
                {
                    Console.Error.WriteLine($"--only {string.Join(",", only)}: none of our analyzers matches");
                    return 2;
                }
            }

            if (baseline is not null)
            {
                if (Settings.Together)
                {
                    Console.Error.WriteLine("--baseline runs each build in its own driver: it cannot be combined with --together");
                    return 2;
                }

                Settings.Baseline = BaselineAnalyzers(baseline).Where(a => only is null || Selected(a, only)).ToImmutableArray();
                Console.WriteLine($"Baseline: {Settings.Baseline.Length} analyzers from {baseline}");
            }

            var ca = withCa ? CaAnalyzers(sdkAnalyzers) : ImmutableArray<DiagnosticAnalyzer>.Empty;
            Console.WriteLine($"Analyzers: {ours.Length} ours ({string.Join(", ", ours.Select(a => a.GetType().Name))}), {ca.Length} CA; Roslyn {typeof(Compilation).Assembly.GetName().Version}");

            // ---------------------------------------------------------------- runs
            var results = new List<RunResult>();
            for (var run = 0; run <= runs; run++)
            {
                Settings.Run = run;
                var result = await MeasureAsync(sources, additional, references, ours, ca).ConfigureAwait(false);
                if (run == 0)
                {
                    Console.WriteLine($"Warm-up: compiler {result.CompilerTime.TotalSeconds:F2}s, {result.CompilerErrors} compiler error(s){(result.FirstError is null ? "" : " e.g. " + result.FirstError)}; {result.OurDiagnostics} diagnostics from our rules, {result.CaDiagnostics} from CA");
                    continue;
                }

                results.Add(result);
            }

            // Every time is the minimum over the measured runs, the compiler's and each analyzer's alike: on a small shared
            // machine a callback's wall time also holds GC pauses and descheduling, which only ever add (a single run was
            // seen to vary 3x). The minimum is the estimate least touched by them, for us and for the CA rules equally.
            var fastest = results[0] with
            {
                ParseTime = results.Min(r => r.ParseTime),
                CompilerTime = results.Min(r => r.CompilerTime),
                AnalyzerTimes = results[0].AnalyzerTimes.Keys.ToDictionary(a => a, a => results.Min(r => r.AnalyzerTimes[a])),
            };
            // Our total is the fastest run's total, not the sum of each rule's minimum (each from its luckiest run, and with
            // the order rotating, from runs where it did not pay for the shared work the first analyzer pays for).
            var ourFastestRun = results.Min(r => ours.Sum(a => r.AnalyzerTimes[a].TotalMilliseconds));
            Print(fastest, ours, ca, ourFastestRun);
            if (!Settings.Probes.IsEmpty)
            {
                PrintProbes(fastest, ours, ca);
            }
            if (!Settings.Baseline.IsEmpty)
            {
                PrintComparison(results, fastest, ours);
            }

            Console.WriteLine("GC in each measured run (the driver's wall time holds the compiler's binding of the same compilation; on Linux, " +
                              "the major page faults taken meanwhile, each a page read back from disk): " +
                              string.Join("; ", results.Select(r => string.Join(", ", r.DriverStats))));

            // Memory: with the analyzer instances still alive, no analyzed compilation may survive (no static caches keyed by it).
            // One tiny analysis first, so whatever Roslyn keeps of "the last run" is about that one.
            await MeasureAsync(new List<(string, string)> { ("/flush.cs", "class Flush { }") }, new List<(string, string)>(), references, ours, ca).ConfigureAwait(false);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var retained = results.Count(r => r.Analyzed.Any(w => w.TryGetTarget(out _)));
            Console.WriteLine(retained == 0
                ? "Memory: no analyzed compilation is retained after analysis."
                : $"Memory: {retained} of {results.Count} analyzed compilation(s) still reachable after analysis (a static cache or an analyzer field holds it; the CA analyzers may be the holders: rerun with --no-ca).");
            return 0;
        }

        private sealed record RunResult(
            TimeSpan ParseTime,
            TimeSpan CompilerTime,
            int CompilerErrors,
            string? FirstError,
            Dictionary<DiagnosticAnalyzer, TimeSpan> AnalyzerTimes,
            int OurDiagnostics,
            int CaDiagnostics,
            Dictionary<DiagnosticAnalyzer, int> DiagnosticsPerAnalyzer,
            Dictionary<string, int> CaDiagnosticsPerRule,
            List<WeakReference<Compilation>> Analyzed,
            List<string> DriverStats);

        /// <summary>The process's major page faults so far (Linux: field 12 of /proc/self/stat), or null where that is not available.</summary>
        private static long? MajorPageFaults()
        {
            try
            {
                var stat = File.ReadAllText("/proc/self/stat");
                // The second field (the command) is in parentheses and may hold spaces: count from after it (field 3 is index 0).
                var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                return fields.Length > 9 && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The build properties a project passes its analyzers (the Web SDK's only with <see cref="Settings.Web"/>).</summary>
        private static Dictionary<string, string> GlobalOptions()
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["build_property.TargetFramework"] = "net10.0",
                ["build_property.RootNamespace"] = "Workload",
            };
            if (Settings.Web)
            {
                options["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            }

            return options;
        }

        private static async Task<RunResult> MeasureAsync(
            List<(string Path, string Text)> sources,
            List<(string Path, string Text)> additional,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> ours,
            ImmutableArray<DiagnosticAnalyzer> ca)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // The compiler's own time: parse, then emit (binding, flow analysis, diagnostics, IL), as csc does.
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var stopwatch = Stopwatch.StartNew();
            var trees = sources.AsParallel().AsOrdered()
                .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), parseOptions, s.Path))
                .ToList();
            var parseTime = stopwatch.Elapsed;

            var outputKind = trees.Any(t => t.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax u && u.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            var options = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);
            var compilation = CSharpCompilation.Create("Workload", trees, references, options);
            stopwatch.Restart();
            using (var peStream = new MemoryStream())
            {
                var emit = compilation.Emit(peStream);
                _ = emit.Success;
            }

            var compilerTime = parseTime + stopwatch.Elapsed;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

            // The analyzers, on a fresh compilation of the same trees, every rule raised to at least a warning.
            var analyzerOptions = new AnalyzerOptions(
                additional.Select(a => (AdditionalText)new MemoryAdditionalText(a.Path, a.Text)).ToImmutableArray(),
                new GlobalOptionsProvider(GlobalOptions()));
            var compilations = new List<WeakReference<Compilation>>();
            var exceptions = 0;
            var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
            var driverStats = new List<string>();
            var perAnalyzer = new Dictionary<DiagnosticAnalyzer, int>();
            var caPerRule = new Dictionary<string, int>(StringComparer.Ordinal);

            // By default ours and the CA analyzers run in separate drivers, one callback at a time, so no analyzer's
            // time includes waiting for another's (on a small, shared machine concurrency inflates every callback).
            // The probes (--probes) run in our driver, their order rotating with ours.
            var oursDriver = ours.AddRange(Settings.Probes);
            var groups = Settings.Together ? new[] { oursDriver.AddRange(ca) } : new[] { oursDriver, ca };
            if (!Settings.Baseline.IsEmpty)
            {
                // The other build in its own driver next to ours, first in every other run: what the first driver to
                // report in a file pays once per file (the compiler's #pragma warning map of the file) falls to each in turn.
                groups = Settings.Run % 2 == 0 ? new[] { oursDriver, Settings.Baseline, ca } : new[] { Settings.Baseline, oursDriver, ca };
            }

            foreach (var group in groups.Where(g => !g.IsEmpty))
            {
                var specific = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
                foreach (var descriptor in group.SelectMany(a => a.SupportedDiagnostics))
                {
                    specific[descriptor.Id] = descriptor.DefaultSeverity == DiagnosticSeverity.Error ? ReportDiagnostic.Error : ReportDiagnostic.Warn;
                }

                // Two things of the compiler's own work, already counted in its time above, are kept out of the analyzers':
                // - binding the references (reading ~200 reference assemblies' metadata): done here, before the driver starts
                //   (the driver's compilation reuses the bound references), else the first analyzer to look up a type pays it;
                // - the driver's compilation binds method bodies on one thread (concurrentBuild off), so on a 2-core machine
                //   the callbacks are not descheduled by the compiler's parallel binding of the same compilation.
                //   --together keeps it on, as a build runs.
                var analyzed = CSharpCompilation.Create("Workload", trees, references, options.WithSpecificDiagnosticOptions(specific).WithConcurrentBuild(Settings.Together));
                _ = analyzed.Assembly;
                compilations.Add(new WeakReference<Compilation>(analyzed));
                // Our analyzers (and the baseline's) start at a different one in every run, unless --fixed-order: the first in the
                // driver's order pays for work shared through Roslyn's caches (measured: PM3005 5.3 ms alone on 60,000 lines,
                // 1.8-2.3 ms after PM1001). A rule's minimum then comes from a run where it was not first; the total below is
                // the fastest run's, in which one of ours was first. The CA analyzers keep their order (and with --together, where
                // they share the driver with ours, nothing rotates).
                var ordered = Settings.Rotates && group != ca && group.Length > 1
                    ? group.Skip(Settings.Run % group.Length).Concat(group.Take(Settings.Run % group.Length)).ToImmutableArray()
                    : group;
                var withAnalyzers = analyzed.WithAnalyzers(ordered, new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    onAnalyzerException: (ex, analyzer, _) => Interlocked.Increment(ref exceptions),
                    concurrentAnalysis: Settings.Together,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
                // How much of the driver's wall time the GC stopped every thread for: a pause lands in whatever callback runs.
                var gen0 = GC.CollectionCount(0);
                var gen2 = GC.CollectionCount(2);
                var paused = GC.GetTotalPauseDuration();
                var faults = MajorPageFaults();
                var wall = Stopwatch.StartNew();
                // The analysis result says which analyzer reported what (two of ours share rule IDs: the code rules and
                // the configuration-file analyzer).
                var analysis = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
                foreach (var analyzer in group)
                {
                    var reported = analysis.GetAllDiagnostics(analyzer);
                    perAnalyzer[analyzer] = reported.Length;
                    if (ca.Contains(analyzer))
                    {
                        // (By rule for the CA analyzers: with --together they share a driver with ours.)
                        foreach (var diagnostic in reported)
                        {
                            caPerRule[diagnostic.Id] = caPerRule.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                        }
                    }
                }

                wall.Stop();
                driverStats.Add(
                    $"{(group == oursDriver ? "our driver" : group == ca ? "CA driver" : group == Settings.Baseline ? "baseline driver" : "driver")}: {wall.Elapsed.TotalMilliseconds:F0} ms wall, " +
                    $"{GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} gen2) pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms" +
                    (faults is { } before && MajorPageFaults() is { } after ? $", {after - before} major page faults" : string.Empty));
                foreach (var analyzer in group)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                    times[analyzer] = telemetry.ExecutionTime;
                }
            }

            if (exceptions > 0)
            {
                Console.WriteLine($"warning: {exceptions} analyzer exception(s) (AD0001) during the run");
            }

            return new RunResult(
                parseTime,
                compilerTime,
                errors.Count,
                errors.FirstOrDefault()?.ToString(),
                times,
                ours.Sum(a => perAnalyzer[a]),
                ca.Sum(a => perAnalyzer[a]),
                perAnalyzer,
                caPerRule,
                compilations,
                driverStats);
        }

        private static void Print(RunResult result, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> ca, double ourTotal)
        {
            var compiler = result.CompilerTime.TotalMilliseconds;
            var sumOfMinimums = ours.Sum(a => result.AnalyzerTimes[a].TotalMilliseconds);
            var caTimes = CaTimes(result, ca);

            // A CA analyzer often implements several rules; a rule's share is its analyzer's time / its rule count, and a rule
            // reported by several analyzers holds each one's share (the same for ours, below).
            var caRuleTimes = RuleTimes(result, ca).Select(r => r.Ms).OrderBy(t => t).ToList();
            var medianCaAnalyzer = Median(caTimes);
            var medianCaRule = Median(caRuleTimes);

            Console.WriteLine();
            Console.WriteLine($"Compiler (parse + emit): {compiler:F0} ms (parse {result.ParseTime.TotalMilliseconds:F0} ms); {result.CompilerErrors} compiler error(s)");
            if (ca.Length > 0)
            {
                Console.WriteLine($"CA analyzers: {ca.Length} analyzers, {caRuleTimes.Count} rules, all enabled; total {caTimes.Sum():F0} ms = {Percent(caTimes.Sum(), compiler)} of the compiler; median analyzer {medianCaAnalyzer:F2} ms, median rule {medianCaRule:F2} ms; {result.CaDiagnostics} diagnostics");
            }

            Console.WriteLine();
            Console.WriteLine("| Analyzer | Rules | Diagnostics | Time (ms) | % of compiler | × median CA analyzer |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var analyzer in ours.OrderByDescending(a => result.AnalyzerTimes[a]))
            {
                var ms = result.AnalyzerTimes[analyzer].TotalMilliseconds;
                var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
                var count = result.DiagnosticsPerAnalyzer[analyzer];
                Console.WriteLine($"| {analyzer.GetType().Name} | {string.Join(", ", ids)} | {count} | {ms:F1} | {Percent(ms, compiler)} | {Ratio(ms, medianCaAnalyzer)} |");
            }

            Console.WriteLine($"| **All our rules** (the fastest run) | | {result.OurDiagnostics} | {ourTotal:F1} | **{Percent(ourTotal, compiler)}** | |");

            // Our rules measured as the CA rules are: an analyzer's time split evenly among its rules; a rule reported by two
            // analyzers (PM1001 from code and from configuration files) holds both shares.
            Console.WriteLine();
            Console.WriteLine("| Rule | Analyzers (share of each, ms) | Time (ms) | × median CA rule |");
            Console.WriteLine("|---|---|---:|---:|");
            foreach (var rule in RuleTimes(result, ours).OrderByDescending(r => r.Ms))
            {
                Console.WriteLine($"| {rule.Id} | {rule.Parts} | {rule.Ms:F1} | {(ca.Length > 0 ? Ratio(rule.Ms, medianCaRule) : "n/a")} |");
            }
            Console.WriteLine();
            Console.WriteLine($"(The sum of the analyzers' minimums above: {sumOfMinimums:F1} ms; the total is the fastest run's sum{(Settings.Rotates ? ", with our analyzers' order rotating from run to run" : "")}.)");
            var share = ourTotal / compiler;
            Console.WriteLine($"Ours / compiler = {share:P2} (target <= 2%, goal 1%): {(share <= 0.02 ? "within target" : "OVER TARGET")}");
            if (ca.Length > 0)
            {
                var over = ours.Where(a => result.AnalyzerTimes[a].TotalMilliseconds > medianCaAnalyzer).Select(a => a.GetType().Name).ToList();
                Console.WriteLine(over.Count == 0
                    ? "Every rule costs at most the median CA analyzer."
                    : $"Over the median CA analyzer: {string.Join(", ", over)}");
            }

            if (ca.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine("Slowest CA analyzers (for scale):");
                foreach (var analyzer in ca.OrderByDescending(a => result.AnalyzerTimes[a]).Take(5))
                {
                    Console.WriteLine($"  {analyzer.GetType().Name} ({string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())}): {result.AnalyzerTimes[analyzer].TotalMilliseconds:F1} ms");
                }

                PrintReportingCaRules(result, ca, medianCaRule);
            }
        }

        /// <summary>
        /// The CA rules that report on the workload, with their time counted as for every rule (the analyzer's time split
        /// evenly among its rules): the median CA rule reports nothing on most workloads, where a rule of ours whose pattern
        /// the workload is dense in reports hundreds of times; these show what a CA rule costs when its pattern is there.
        /// For scale only: the target stays the median CA rule.
        /// </summary>
        private static void PrintReportingCaRules(RunResult result, ImmutableArray<DiagnosticAnalyzer> ca, double medianCaRule)
        {
            var times = RuleTimes(result, ca).ToDictionary(r => r.Id, r => r.Ms, StringComparer.Ordinal);
            var reporting = result.CaDiagnosticsPerRule
                .Where(r => times.ContainsKey(r.Key))
                .Select(r => (Id: r.Key, Count: r.Value, Ms: times[r.Key]))
                .OrderByDescending(r => r.Count)
                .ToList();
            Console.WriteLine();
            Console.WriteLine($"CA rules that report here (for scale; {times.Count - reporting.Count} of {times.Count} CA rules report nothing):");
            if (reporting.Count == 0)
            {
                return;
            }

            Console.WriteLine("| CA rule | Diagnostics | Time (ms) | × median CA rule |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var rule in reporting)
            {
                Console.WriteLine($"| {rule.Id} | {rule.Count} | {rule.Ms:F1} | {Ratio(rule.Ms, medianCaRule)} |");
            }

            Console.WriteLine($"Their median: {Ratio(Median(reporting.Select(r => r.Ms).OrderBy(t => t).ToList()), medianCaRule)} x the median CA rule.");
        }

        /// <summary>Each rule's time: the sum, over the analyzers that report it, of the analyzer's time split evenly among its rules.</summary>
        private static IEnumerable<(string Id, double Ms, string Parts)> RuleTimes(RunResult result, IEnumerable<DiagnosticAnalyzer> analyzers)
            => analyzers
                .SelectMany(a =>
                {
                    var ids = a.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
                    return ids.Select(id => (Id: id, Analyzer: a, Ms: result.AnalyzerTimes[a].TotalMilliseconds / Math.Max(1, ids.Count)));
                })
                .GroupBy(s => s.Id)
                .Select(g => (Id: g.Key, Ms: g.Sum(s => s.Ms), Parts: string.Join(" + ", g.Select(s => $"{s.Analyzer.GetType().Name} {s.Ms:F1}"))));

        /// <summary>Each CA analyzer's time (its minimum over the runs), in ascending order.</summary>
        private static List<double> CaTimes(RunResult result, ImmutableArray<DiagnosticAnalyzer> ca)
            => ca.Select(a => result.AnalyzerTimes[a].TotalMilliseconds).OrderBy(t => t).ToList();

        /// <summary>
        /// The probes' times (--probes), and what they say of each of our rules: the driver's cost per callback on every
        /// invocation and object creation (an empty action), and per reported diagnostic (the reporting probe's time beyond
        /// the empty one's, divided by what it reported).
        /// </summary>
        private static void PrintProbes(RunResult result, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> ca)
        {
            DiagnosticAnalyzer Probe(string id) => Settings.Probes.Single(p => p.SupportedDiagnostics[0].Id == id);
            var dispatch = result.AnalyzerTimes[Probe(Probes.DispatchId)].TotalMilliseconds;
            var report = result.AnalyzerTimes[Probe(Probes.ReportId)].TotalMilliseconds;
            var reported = result.DiagnosticsPerAnalyzer[Probe(Probes.ReportId)];
            var perDiagnostic = reported == 0 ? double.NaN : Math.Max(0, report - dispatch) / reported;
            var medianCaAnalyzer = Median(CaTimes(result, ca));

            Console.WriteLine();
            Console.WriteLine("Probes (--probes: no analysis, in our driver, not in our total):");
            Console.WriteLine($"  empty action on every invocation and object creation: {dispatch:F1} ms{(ca.Length > 0 ? $" ({Ratio(dispatch, medianCaAnalyzer)} x the median CA analyzer)" : "")}");
            Console.WriteLine($"  the same, reporting {reported} diagnostics: {report:F1} ms; the driver's cost per reported diagnostic: " +
                              $"{(double.IsNaN(perDiagnostic) ? "n/a" : (perDiagnostic * 1000).ToString("F1", CultureInfo.InvariantCulture) + " µs")}");
            if (double.IsNaN(perDiagnostic))
            {
                return;
            }

            Console.WriteLine();
            Console.WriteLine("| Analyzer | Time (ms) | Diagnostics | The driver's handling of them (ms, est.) | The rest (ms) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var analyzer in ours.OrderByDescending(a => result.AnalyzerTimes[a]))
            {
                var ms = result.AnalyzerTimes[analyzer].TotalMilliseconds;
                var count = result.DiagnosticsPerAnalyzer[analyzer];
                var handling = count * perDiagnostic;
                Console.WriteLine($"| {analyzer.GetType().Name} | {ms:F1} | {count} | {handling:F1} | {ms - handling:F1} |");
            }
        }

        /// <summary>The assembly names of the projects under <paramref name="root"/>: each .csproj's AssemblyName, else its file name.</summary>
        private static HashSet<string> ProjectAssemblies(string root)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var project in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories))
            {
                var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(project), "<AssemblyName>\\s*([^<]+?)\\s*</AssemblyName>");
                names.Add(match.Success ? match.Groups[1].Value : Path.GetFileNameWithoutExtension(project));
            }

            return names;
        }

        /// <summary>The SDK's implicit global usings when the folder's project (or a Directory.Build.props above it) enables them.</summary>
        private static string? ImplicitUsings(string root)
        {
            var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
            var props = new List<string>();
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var file = Path.Combine(dir.FullName, "Directory.Build.props");
                if (File.Exists(file))
                {
                    props.Add(File.ReadAllText(file));
                }
            }

            var enabled = projects.Concat(props).Any(t => t.Contains("<ImplicitUsings>enable</ImplicitUsings>", StringComparison.OrdinalIgnoreCase)
                || t.Contains("<ImplicitUsings>true</ImplicitUsings>", StringComparison.OrdinalIgnoreCase));
            if (!enabled)
            {
                return null;
            }

            var namespaces = new List<string> { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };
            if (projects.Any(p => p.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)))
            {
                namespaces.AddRange(new[]
                {
                    "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                    "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                    "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
                });
            }

            return "// <auto-generated/>\n" + string.Concat(namespaces.Select(n => $"global using global::{n};\n"));
        }

        private static double Median(List<double> sorted)
            => sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

        private static string Percent(double part, double whole) => whole <= 0 ? "n/a" : (part / whole).ToString("P2", CultureInfo.InvariantCulture);

        private static string Ratio(double part, double whole) => double.IsNaN(whole) || whole <= 0 ? "n/a" : (part / whole).ToString("F2", CultureInfo.InvariantCulture);

        // -------------------------------------------------------------------- analyzers and references

        private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() => AnalyzersIn(typeof(Postmortem.Analyzers.DiagnosticIds).Assembly);

        /// <summary>An instance of every analyzer an assembly of ours declares, in type-name order.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly)
        {
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>--only: an analyzer whose type name contains one of the names, or that reports a rule of that ID.</summary>
        private static bool Selected(DiagnosticAnalyzer analyzer, string[] only)
            => only.Any(name => analyzer.GetType().Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                                || analyzer.SupportedDiagnostics.Any(d => string.Equals(d.Id, name, StringComparison.OrdinalIgnoreCase)));

        /// <summary>
        /// This build next to the baseline, analyzer by analyzer (those of the same name in both) and rule by rule (each
        /// rule's time counted as in the main table, so analyzers merged or split between the builds compare too): the
        /// minimum of each over the runs, and the median of the per-run ratios (both measured in the same run, on the same
        /// trees, one after the other). The total is every analyzer of each build.
        /// </summary>
        private static void PrintComparison(List<RunResult> results, RunResult fastest, ImmutableArray<DiagnosticAnalyzer> ours)
        {
            var pairs = ours
                .Select(a => (Ours: a, Baseline: Settings.Baseline.FirstOrDefault(b => b.GetType().FullName == a.GetType().FullName)))
                .Where(p => p.Baseline is not null)
                .ToList();
            Console.WriteLine();
            Console.WriteLine("| Analyzer | This build (ms) | Baseline (ms) | This / baseline (minimums) | Median of per-run ratios |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (analyzer, other) in pairs.OrderByDescending(p => fastest.AnalyzerTimes[p.Ours]))
            {
                var mine = fastest.AnalyzerTimes[analyzer].TotalMilliseconds;
                var theirs = fastest.AnalyzerTimes[other!].TotalMilliseconds;
                var perRun = Median(results.Select(r => r.AnalyzerTimes[analyzer].TotalMilliseconds / Math.Max(0.001, r.AnalyzerTimes[other!].TotalMilliseconds)).OrderBy(x => x).ToList());
                Console.WriteLine($"| {analyzer.GetType().Name} | {mine:F1} | {theirs:F1} | {mine / Math.Max(0.001, theirs):F2} | {perRun:F2} |");
            }

            var total = ours.Sum(a => fastest.AnalyzerTimes[a].TotalMilliseconds);
            var baseTotal = Settings.Baseline.Sum(a => fastest.AnalyzerTimes[a].TotalMilliseconds);
            var totalPerRun = Median(results
                .Select(r => ours.Sum(a => r.AnalyzerTimes[a].TotalMilliseconds) / Math.Max(0.001, Settings.Baseline.Sum(a => r.AnalyzerTimes[a].TotalMilliseconds)))
                .OrderBy(x => x).ToList());
            Console.WriteLine($"| **All** ({ours.Length} and {Settings.Baseline.Length} analyzers) | {total:F1} | {baseTotal:F1} | **{total / Math.Max(0.001, baseTotal):F2}** | {totalPerRun:F2} |");

            Console.WriteLine();
            Console.WriteLine("| Rule | This build (ms) | Baseline (ms) | This / baseline (minimums) | Median of per-run ratios |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            var mineByRule = RuleTimes(fastest, ours).ToDictionary(r => r.Id, r => r.Ms, StringComparer.Ordinal);
            var theirsByRule = RuleTimes(fastest, Settings.Baseline).ToDictionary(r => r.Id, r => r.Ms, StringComparer.Ordinal);
            foreach (var id in mineByRule.Keys.Intersect(theirsByRule.Keys).OrderByDescending(id => mineByRule[id]))
            {
                var perRun = Median(results
                    .Select(r => RuleTimes(r, ours).First(t => t.Id == id).Ms / Math.Max(0.001, RuleTimes(r, Settings.Baseline).First(t => t.Id == id).Ms))
                    .OrderBy(x => x).ToList());
                Console.WriteLine($"| {id} | {mineByRule[id]:F1} | {theirsByRule[id]:F1} | {mineByRule[id] / Math.Max(0.001, theirsByRule[id]):F2} | {perRun:F2} |");
            }
        }

        /// <summary>Another build of our analyzers, loaded beside ours (Roslyn itself is shared from the default context).</summary>
        private static ImmutableArray<DiagnosticAnalyzer> BaselineAnalyzers(string path)
        {
            var dll = Path.GetFullPath(Directory.Exists(path) ? Path.Combine(path, "Postmortem.Analyzers.dll") : path);
            return AnalyzersIn(new AssemblyLoadContext("baseline").LoadFromAssemblyPath(dll));
        }

        /// <summary>The CA analyzers of the SDK this program runs under (dotnet --version in the current folder, so global.json applies).</summary>
        private static ImmutableArray<DiagnosticAnalyzer> CaAnalyzers(string? folder)
        {
            folder ??= FindSdkAnalyzers();
            if (folder is null)
            {
                Console.WriteLine("warning: the SDK's CA analyzers were not found; pass --sdk-analyzers PATH");
                return ImmutableArray<DiagnosticAnalyzer>.Empty;
            }

            var loader = new Loader();
            var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (var name in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path))
                {
                    Console.WriteLine($"warning: {path} not found");
                    continue;
                }

                var reference = new AnalyzerFileReference(path, loader);
                reference.AnalyzerLoadFailed += (_, e) => Console.WriteLine($"warning: {name}: {e.TypeName}: {e.Message}");
                builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }

            Console.WriteLine($"CA analyzers from {folder}");
            return builder.ToImmutable();
        }

        private static string? FindSdkAnalyzers()
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            string? version = null;
            try
            {
                using var process = Process.Start(new ProcessStartInfo(Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"), "--version")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                version = process?.StandardOutput.ReadToEnd().Trim();
                process?.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            var sdkRoot = Path.Combine(dotnetRoot, "sdk");
            var candidates = new List<string>();
            if (!string.IsNullOrEmpty(version))
            {
                candidates.Add(Path.Combine(sdkRoot, version));
            }

            if (Directory.Exists(sdkRoot))
            {
                candidates.AddRange(Directory.GetDirectories(sdkRoot).OrderByDescending(d => d, StringComparer.Ordinal));
            }

            return candidates
                .Select(c => Path.Combine(c, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "Microsoft.CodeAnalysis.NetAnalyzers.dll")));
        }

        /// <summary>The runtime's assemblies, then (unless <paramref name="libraries"/> is false) ASP.NET Core's, Serilog
        /// and NLog (unless <paramref name="nlog"/> is false), then the --ref ones; the first of each file name wins. A --ref
        /// folder's assemblies named in <paramref name="exclude"/> are left out: a project's bin folder holds the project's
        /// own build, whose types would clash with the sources analyzed (CS0121, CS0436).</summary>
        private static ImmutableArray<MetadataReference> References(List<string> extra, bool nlog, bool libraries = true, ISet<string>? exclude = null)
        {
            var paths = new List<string>();
            paths.AddRange(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll"));
            if (libraries)
            {
                paths.AddRange(Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "*.dll"));
                paths.Add(typeof(Serilog.Log).Assembly.Location);
                paths.Add(typeof(Serilog.FileLoggerConfigurationExtensions).Assembly.Location);
                paths.Add(typeof(Serilog.ConfigurationLoggerConfigurationExtensions).Assembly.Location);
                if (nlog)
                {
                    paths.Add(typeof(NLog.LogManager).Assembly.Location);
                }
            }

            foreach (var e in extra)
            {
                paths.AddRange(Directory.Exists(e)
                    ? Directory.GetFiles(e, "*.dll").Where(f => exclude is null || !exclude.Contains(Path.GetFileNameWithoutExtension(f)))
                    : new[] { e });
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in paths)
            {
                if (seen.Add(Path.GetFileName(path)) && IsManaged(path))
                {
                    builder.Add(MetadataReference.CreateFromFile(path));
                }
            }

            return builder.ToImmutable();
        }

        private static bool IsManaged(string path)
        {
            try
            {
                AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }

        private sealed class MemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public MemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public GlobalOptionsProvider(Dictionary<string, string> values) => _options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
            }
        }
    }
}
