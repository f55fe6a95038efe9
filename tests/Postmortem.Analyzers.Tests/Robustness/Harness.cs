using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>The result of one analysis: our diagnostics, and every analyzer exception (thrown or reported as AD0001).</summary>
    public sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions, Compilation Compilation);

    /// <summary>Builds a project from a corpus entry, runs every analyzer, offers and applies every code fix.</summary>
    public static class Harness
    {
        public const string ProjectName = "TestProject";

        public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(2);

        public static Solution CreateSolution(CorpusEntry entry, IEnumerable<DiagnosticAnalyzer>? analyzers = null, IEnumerable<MetadataReference>? references = null)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId(ProjectName);
            var options = new CSharpCompilationOptions(entry.OutputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(EnableAll(analyzers ?? Corpus.CreateAnalyzers()));
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, ProjectName, ProjectName, LanguageNames.CSharp,
                compilationOptions: options,
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references ?? Corpus.References));
            foreach (var document in entry.Documents)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, document.Path), document.Path, SourceText.From(document.Text, Encoding.UTF8), filePath: document.Path);
            }

            foreach (var file in entry.AdditionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, file.Path), file.Path, SourceText.From(file.Text, Encoding.UTF8), filePath: file.Path);
            }

            return solution;
        }

        /// <summary>Every descriptor on at its default severity (off-by-default ones too), AD0001 an error.</summary>
        public static ImmutableDictionary<string, ReportDiagnostic> EnableAll(IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                builder[descriptor.Id] = descriptor.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => ReportDiagnostic.Error,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    DiagnosticSeverity.Info => ReportDiagnostic.Info,
                    _ => ReportDiagnostic.Hidden,
                };
            }

            builder["AD0001"] = ReportDiagnostic.Error;
            return builder.ToImmutable();
        }

        public static async Task<AnalysisResult> AnalyzeAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent = true, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? globalOptions = null)
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var additional = new List<AdditionalText>();
            foreach (var document in project.AdditionalDocuments)
            {
                additional.Add(new InMemoryAdditionalText(document.FilePath!, await document.GetTextAsync(cancellationToken).ConfigureAwait(false)));
            }

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional.ToImmutableArray(), new TestAnalyzerConfigOptionsProvider(globalOptions ?? Corpus.GlobalOptions, new Dictionary<string, string>())),
                onAnalyzerException: (ex, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {ex}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue("AD0001: " + ad0001.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            return new AnalysisResult(
                diagnostics.Where(d => d.Id != "AD0001" && !d.IsSuppressed).ToImmutableArray(),
                exceptions.Distinct().ToImmutableArray(),
                compilation);
        }

        /// <summary>The code actions every provider offers for a diagnostic (nested actions flattened).</summary>
        public static async Task<List<(CodeFixProvider Provider, CodeAction Action)>> GetFixesAsync(Solution solution, Diagnostic diagnostic, IEnumerable<CodeFixProvider> providers, CancellationToken cancellationToken = default)
        {
            var result = new List<(CodeFixProvider, CodeAction)>();
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                return result;
            }

            foreach (var provider in providers)
            {
                if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                foreach (var action in actions.SelectMany(Flatten))
                {
                    result.Add((provider, action));
                }
            }

            return result;
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action)
        {
            var nested = action.NestedActions;
            return nested.IsDefaultOrEmpty ? new[] { action } : nested.SelectMany(Flatten);
        }

        public static async Task<Solution> ApplyAsync(Solution solution, CodeAction action, CancellationToken cancellationToken = default)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution
                ?? throw new InvalidOperationException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
        }

        /// <summary>Fix All in the given scope for one provider and equivalence key; null when nothing is offered.</summary>
        public static async Task<Solution?> FixAllAsync(Solution solution, CodeFixProvider provider, string equivalenceKey, FixAllScope scope, Document trigger, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default, AnalysisResult? known = null)
        {
            var fixAll = provider.GetFixAllProvider();
            if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(scope))
            {
                return null;
            }

            var diagnosticProvider = new HarnessDiagnosticProvider(analyzers, solution, known);
            var context = scope == FixAllScope.Document
                ? new FixAllContext(trigger, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken)
                : new FixAllContext(trigger.Project, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken);
            var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            return action is null ? null : await ApplyAsync(solution, action, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Diagnostics for Fix All; one analysis per solution snapshot, however many documents ask.</summary>
        private sealed class HarnessDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
            private readonly ConditionalWeakTable<Solution, Task<AnalysisResult>> _cache = new();

            public HarnessDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers, Solution solution, AnalysisResult? known)
            {
                _analyzers = analyzers;
                if (known is not null)
                {
                    _cache.Add(solution, Task.FromResult(known));
                }
            }

            private Task<AnalysisResult> AnalyzeOnceAsync(Project project, CancellationToken cancellationToken)
            {
                lock (_cache)
                {
                    if (!_cache.TryGetValue(project.Solution, out var task))
                    {
                        task = AnalyzeAsync(project, _analyzers, cancellationToken: cancellationToken);
                        _cache.Add(project.Solution, task);
                    }

                    return task;
                }
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                var result = await AnalyzeOnceAsync(document.Project, cancellationToken).ConfigureAwait(false);
                return result.Diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => (await AnalyzeOnceAsync(project, cancellationToken).ConfigureAwait(false)).Diagnostics.Where(d => !d.Location.IsInSource);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => (await AnalyzeOnceAsync(project, cancellationToken).ConfigureAwait(false)).Diagnostics;
        }

        private static readonly Lazy<Task<ImmutableDictionary<string, int>>> LazyBaseline = new(ComputeBaselineAsync);

        /// <summary>
        /// How many diagnostics our analyzers report on each unmodified corpus entry (by entry name), computed once and
        /// shared by the fix and determinism tests, so entries without any diagnostic cost one analysis in all.
        /// </summary>
        public static Task<ImmutableDictionary<string, int>> BaselineAsync() => LazyBaseline.Value;

        private static async Task<ImmutableDictionary<string, int>> ComputeBaselineAsync()
        {
            var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                Corpus.Entries,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                async (entry, _) =>
                {
                    using var timeout = new CancellationTokenSource(Timeout);
                    try
                    {
                        var analyzers = Corpus.CreateAnalyzers();
                        var result = await AnalyzeAsync(CreateSolution(entry, analyzers).Projects.Single(), analyzers, cancellationToken: timeout.Token).ConfigureAwait(false);
                        counts[entry.Name] = result.Diagnostics.Length + result.Exceptions.Length;
                    }
                    catch (Exception)
                    {
                        counts[entry.Name] = -1; // the tests analyze it again and report what went wrong
                    }
                }).ConfigureAwait(false);
            return counts.ToImmutableDictionary(StringComparer.Ordinal);
        }

        /// <summary>Entries with something to fix or compare (or an error to report): the rest need no second look.</summary>
        public static async Task<ImmutableArray<CorpusEntry>> EntriesWithDiagnosticsAsync()
        {
            var baseline = await BaselineAsync().ConfigureAwait(false);
            return Corpus.Entries.Where(e => !baseline.TryGetValue(e.Name, out var n) || n != 0).ToImmutableArray();
        }

        public static ImmutableArray<Diagnostic> CompilerErrors(Compilation compilation)
            => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        /// <summary>A stable, position-free key for comparing error sets before and after a fix.</summary>
        public static string ErrorKey(Diagnostic d) => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A full key: id, file, span, message and properties.</summary>
        public static string Key(Diagnostic d)
        {
            var builder = new StringBuilder();
            builder.Append(d.Id).Append(' ').Append(d.Location.GetLineSpan().Path).Append(d.Location.SourceSpan)
                .Append(' ').Append(d.Severity).Append(' ').Append(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var location in d.AdditionalLocations)
            {
                builder.Append(" +").Append(location.GetLineSpan().Path).Append(location.SourceSpan);
            }

            foreach (var property in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append(" [").Append(property.Key).Append('=').Append(property.Value).Append(']');
            }

            return builder.ToString();
        }

        public static List<string> Keys(IEnumerable<Diagnostic> diagnostics)
            => diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();

        /// <summary>The text of a document with the diagnostic rendered as markup, for failure messages.</summary>
        public static string Show(Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
            {
                return DiagnosticResult.Format(diagnostic);
            }

            var text = tree.GetText();
            var line = text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start);
            return $"{DiagnosticResult.Format(diagnostic)}\n    line {line.LineNumber + 1}: {line.ToString().Trim()}";
        }

        public static int EnvInt(string name, int fallback)
            => int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;
    }
}
