using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// A compact analyzer / code-fix test in the spirit of Microsoft.CodeAnalysis.Testing:
    /// markup expectations with exact spans, compiling input, analyzer exceptions fail, the pragma and
    /// generated-code re-runs, iterative fixing with a bound, and Fix All (document, project, solution)
    /// equal to the one-by-one result.
    /// </summary>
    public sealed class AnalyzerTest
    {
        private const string ProjectName = "TestProject";

        public List<DiagnosticAnalyzer> Analyzers { get; } = new();

        public CodeFixProvider? CodeFix { get; set; }

        /// <summary>Source files, named /0/Test0.cs, /0/Test1.cs…</summary>
        public List<string> Sources { get; } = new();

        public string TestCode { set => Sources.Add(value); }

        /// <summary>Expected sources after fixing; null = no fix test.</summary>
        public List<string> FixedSources { get; } = new();

        public string FixedCode { set => FixedSources.Add(value); }

        /// <summary>Additional files (path, content with markup) such as appsettings.json or nlog.config.</summary>
        public List<(string Path, string Content)> AdditionalFiles { get; } = new();

        public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

        /// <summary>Metadata references; the runtime's framework by default.</summary>
        public List<MetadataReference> References { get; } = new(Verifiers.References.Net);

        /// <summary>.editorconfig-style "key = value" lines: under no section or a wildcard one (<c>[*.cs]</c>) for every file,
        /// under <c>[Test1.cs]</c> for that file only.</summary>
        public string? EditorConfig { get; set; }

        /// <summary>
        /// An .editorconfig file the workspace holds (<c>/.editorconfig</c>), as an IDE or <c>dotnet format</c> loads one: what a
        /// code fix reads from its document's project (<c>indent_style</c>). The analyzers' options come from <see cref="EditorConfig"/>.
        /// </summary>
        public string? WorkspaceEditorConfig { get; set; }

        /// <summary>Global options, e.g. build_property.UsingMicrosoftNETSdkWeb = true.</summary>
        public Dictionary<string, string> GlobalOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>Compiler diagnostics that may be present without markup (e.g. for broken-code tests).</summary>
        public bool AllowCompilerErrors { get; set; }

        public bool SkipSuppressionCheck { get; set; }

        public bool SkipGeneratedCodeCheck { get; set; }

        /// <summary>The code action to apply; null = the first one offered.</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        /// <summary>Exact number of one-by-one fix iterations; null = at most one per fixable diagnostic.</summary>
        public int? NumberOfIncrementalIterations { get; set; }

        public bool SkipFixAllCheck { get; set; }

        /// <summary>Compare the fixed code's line endings too (by default CRLF and LF compare equal): a fix must write the
        /// document's own line ending.</summary>
        public bool ExactLineEndings { get; set; }

        /// <summary>The rules under test; null = every rule the analyzers report. An analyzer that reports several rules is
        /// tested rule by rule: the other rules' diagnostics are not compared (they have tests of their own), and
        /// <c>[|…|]</c> markup means the one rule under test.</summary>
        public IReadOnlyCollection<string>? RuleIds { get; set; }

        /// <summary>Force-enable descriptors that are off by default (as the SDK's test framework does).</summary>
        public bool EnableAllDescriptors { get; set; } = true;

        public static string SourcePath(int index) => $"/0/Test{index}.cs";

        public async Task RunAsync(CancellationToken cancellationToken = default)
        {
            if (Analyzers.Count == 0)
            {
                throw new InvalidOperationException("No analyzer under test.");
            }

            var state = Parse(Sources, AdditionalFiles);
            var solution = CreateSolution(state.Sources, state.AdditionalFiles);
            var expected = ResolveExpected(state, ExpectedDiagnostics);
            var actual = await GetDiagnosticsAsync(solution, includeCompilerErrors: true, cancellationToken).ConfigureAwait(false);
            Verify("input", expected, actual, state);

            if (!SkipSuppressionCheck)
            {
                await VerifyPragmaSuppressesAsync(state, actual, cancellationToken).ConfigureAwait(false);
            }

            if (!SkipGeneratedCodeCheck)
            {
                await VerifyGeneratedCodeSkippedAsync(state, cancellationToken).ConfigureAwait(false);
            }

            if (CodeFix is not null && FixedSources.Count > 0)
            {
                await VerifyFixAsync(solution, actual, cancellationToken).ConfigureAwait(false);
            }
        }

        // ---------------------------------------------------------------- state

        private sealed record FileState(string Path, string Text, IReadOnlyList<MarkedSpan> Spans);

        private sealed record TestState(ImmutableArray<FileState> Sources, ImmutableArray<FileState> AdditionalFiles)
        {
            public IEnumerable<FileState> All => Sources.Concat(AdditionalFiles);
        }

        private static TestState Parse(IReadOnlyList<string> sources, IReadOnlyList<(string Path, string Content)> additionalFiles)
        {
            var parsedSources = sources.Select((s, i) =>
            {
                var (text, spans) = TestMarkup.Parse(s);
                return new FileState(SourcePath(i), text, spans);
            }).ToImmutableArray();
            var parsedAdditional = additionalFiles.Select(f =>
            {
                var (text, spans) = TestMarkup.Parse(f.Content);
                return new FileState(f.Path, text, spans);
            }).ToImmutableArray();
            return new TestState(parsedSources, parsedAdditional);
        }

        private Solution CreateSolution(IEnumerable<FileState> sources, IEnumerable<FileState> additionalFiles)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId(ProjectName);
            var compilationOptions = new CSharpCompilationOptions(OutputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(EnabledDescriptorOptions());
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, ProjectName, ProjectName, LanguageNames.CSharp,
                    compilationOptions: compilationOptions,
                    parseOptions: new CSharpParseOptions(LanguageVersion),
                    metadataReferences: References.Distinct()));
            foreach (var source in sources)
            {
                var id = DocumentId.CreateNewId(projectId, source.Path);
                solution = solution.AddDocument(id, source.Path, SourceText.From(source.Text, Encoding.UTF8), filePath: source.Path);
            }

            foreach (var file in additionalFiles)
            {
                var id = DocumentId.CreateNewId(projectId, file.Path);
                solution = solution.AddAdditionalDocument(id, file.Path, SourceText.From(file.Text, Encoding.UTF8), filePath: file.Path);
            }

            if (WorkspaceEditorConfig is not null)
            {
                var id = DocumentId.CreateNewId(projectId, ".editorconfig");
                solution = solution.AddAnalyzerConfigDocument(id, ".editorconfig", SourceText.From(WorkspaceEditorConfig, Encoding.UTF8), filePath: "/.editorconfig");
            }

            return solution;
        }

        private ImmutableDictionary<string, ReportDiagnostic> EnabledDescriptorOptions()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            if (!EnableAllDescriptors)
            {
                return builder.ToImmutable();
            }

            foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                builder[descriptor.Id] = descriptor.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => ReportDiagnostic.Error,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    DiagnosticSeverity.Info => ReportDiagnostic.Info,
                    _ => ReportDiagnostic.Hidden,
                };
            }

            // An analyzer exception must fail the test, never be a quiet warning.
            builder["AD0001"] = ReportDiagnostic.Error;
            return builder.ToImmutable();
        }

        // ---------------------------------------------------------------- analysis

        /// <summary>Runs the analyzers on the solution's single project; fails on any analyzer exception.</summary>
        private async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Solution solution, bool includeCompilerErrors, CancellationToken cancellationToken)
        {
            var project = solution.Projects.Single();
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var additionalTexts = project.AdditionalDocuments.Select(d => (AdditionalText)new InMemoryAdditionalText(d.FilePath!, d.GetTextAsync(cancellationToken).Result)).ToImmutableArray();
            var fileOptions = TestAnalyzerConfigOptionsProvider.ParseSections(EditorConfig, out var fileNameOptions);
            var optionsProvider = new TestAnalyzerConfigOptionsProvider(GlobalOptions, fileOptions, fileNameOptions);
            var analyzerOptions = new AnalyzerOptions(additionalTexts, optionsProvider);
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                Analyzers.ToImmutableArray(),
                new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    onAnalyzerException: (ex, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {ex}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            if (!exceptions.IsEmpty)
            {
                throw new VerifierException("An analyzer threw an exception (AD0001):\n" + string.Join("\n", exceptions));
            }

            var ad0001 = analyzerDiagnostics.Where(d => d.Id == "AD0001").ToList();
            if (ad0001.Count > 0)
            {
                throw new VerifierException("AD0001 reported:\n" + string.Join("\n", ad0001.Select(DiagnosticResult.Format)));
            }

            var result = analyzerDiagnostics.Where(d => !d.IsSuppressed);
            if (includeCompilerErrors)
            {
                result = result.Concat(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
            }

            return result.ToImmutableArray();
        }

        private sealed record Expected(string Id, string? Path, TextSpan? Span, DiagnosticResult? Result);

        private List<Expected> ResolveExpected(TestState state, IEnumerable<DiagnosticResult> explicitResults)
        {
            var defaultIds = RuleIds?.ToList() ?? Analyzers[0].SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            var expected = new List<Expected>();
            foreach (var file in state.All)
            {
                foreach (var span in file.Spans)
                {
                    if (span.Key is not null)
                    {
                        continue;
                    }

                    var id = span.Id;
                    if (id is null)
                    {
                        if (defaultIds.Count != 1)
                        {
                            throw new InvalidOperationException("[|…|] markup needs an analyzer with exactly one descriptor; use {|ID:…|}.");
                        }

                        id = defaultIds[0];
                    }

                    expected.Add(new Expected(id, file.Path, span.Span, null));
                }
            }

            foreach (var result in explicitResults)
            {
                if (result.MarkupKey is { } key)
                {
                    var matches = state.All.SelectMany(f => f.Spans.Where(s => s.Key == key).Select(s => (f.Path, s.Span))).ToList();
                    if (matches.Count != 1)
                    {
                        throw new InvalidOperationException($"Markup location #{key} is defined {matches.Count} times.");
                    }

                    expected.Add(new Expected(result.Id, matches[0].Path, matches[0].Span, result));
                }
                else if (result.Path is not null)
                {
                    expected.Add(new Expected(result.Id, result.Path, result.Span, result));
                }
                else
                {
                    expected.Add(new Expected(result.Id, null, null, result));
                }
            }

            return expected;
        }

        private void Verify(string stage, List<Expected> expected, ImmutableArray<Diagnostic> actual, TestState state)
        {
            var expectedIds = new HashSet<string>(expected.Select(e => e.Id));
            var relevant = actual
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Descriptor.Category == "Compiler"
                    ? !AllowCompilerErrors || expectedIds.Contains(d.Id)
                    : RuleIds is null || d.Descriptor.Category == "Compiler" || RuleIds.Contains(d.Id))
                .ToList();

            var unexpectedErrors = relevant.Where(d => d.Descriptor.Category == "Compiler" && !expectedIds.Contains(d.Id)).ToList();
            if (unexpectedErrors.Count > 0)
            {
                throw new VerifierException($"The {stage} does not compile:\n" + string.Join("\n", unexpectedErrors.Select(DiagnosticResult.Format)) + Describe(actual, state));
            }

            var actualKeys = relevant.Select(d => (d.Id, Path: PathOf(d), Span: d.Location == Location.None ? (TextSpan?)null : d.Location.SourceSpan, Diagnostic: d))
                .OrderBy(k => k.Path ?? string.Empty, StringComparer.Ordinal).ThenBy(k => k.Span?.Start ?? -1).ThenBy(k => k.Span?.End ?? -1).ThenBy(k => k.Id, StringComparer.Ordinal)
                .ToList();
            var expectedKeys = expected
                .OrderBy(k => k.Path ?? string.Empty, StringComparer.Ordinal).ThenBy(k => k.Span?.Start ?? -1).ThenBy(k => k.Span?.End ?? -1).ThenBy(k => k.Id, StringComparer.Ordinal)
                .ToList();

            var problems = new List<string>();
            if (actualKeys.Count != expectedKeys.Count)
            {
                problems.Add($"Expected {expectedKeys.Count} diagnostic(s), got {actualKeys.Count}.");
            }
            else
            {
                for (var i = 0; i < actualKeys.Count; i++)
                {
                    var a = actualKeys[i];
                    var e = expectedKeys[i];
                    if (a.Id != e.Id || a.Path != e.Path || a.Span != e.Span)
                    {
                        problems.Add($"Expected {e.Id} at {e.Path}{e.Span}, got {a.Id} at {a.Path}{a.Span}.");
                        continue;
                    }

                    if (e.Result is { } result)
                    {
                        if (!result.ArgumentsMatch(a.Diagnostic))
                        {
                            problems.Add($"{a.Id} at {a.Path}{a.Span}: message '{a.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}' does not match arguments [{string.Join(", ", result.Arguments!)}].");
                        }

                        if (result.Message is not null && result.Message != a.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                        {
                            problems.Add($"{a.Id} at {a.Path}{a.Span}: expected message '{result.Message}', got '{a.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}'.");
                        }

                        if (result.Severity is { } severity && severity != a.Diagnostic.Severity)
                        {
                            problems.Add($"{a.Id} at {a.Path}{a.Span}: expected severity {severity}, got {a.Diagnostic.Severity}.");
                        }

                        if (result.AdditionalMarkupKeys is { } keys)
                        {
                            var expectedAdditional = keys.Select(key => state.All.SelectMany(f => f.Spans.Where(s => s.Key == key).Select(s => $"{f.Path}{s.Span}")).Single());
                            var actualAdditional = a.Diagnostic.AdditionalLocations.Select(l => $"{l.GetLineSpan().Path}{l.SourceSpan}");
                            if (!expectedAdditional.SequenceEqual(actualAdditional))
                            {
                                problems.Add($"{a.Id} at {a.Path}{a.Span}: expected additional locations [{string.Join(", ", expectedAdditional)}], got [{string.Join(", ", actualAdditional)}].");
                            }
                        }
                    }
                }
            }

            if (problems.Count > 0)
            {
                throw new VerifierException($"Diagnostics of the {stage} differ from the expectation:\n" + string.Join("\n", problems) + Describe(relevant, state));
            }
        }

        private static string? PathOf(Diagnostic diagnostic)
            => diagnostic.Location == Location.None ? null : diagnostic.Location.GetLineSpan().Path;

        /// <summary>The actual diagnostics, listed and rendered as markup into each file.</summary>
        private static string Describe(IEnumerable<Diagnostic> diagnostics, TestState state)
        {
            var list = diagnostics.ToList();
            var builder = new StringBuilder("\n\nActual diagnostics:\n");
            foreach (var diagnostic in list)
            {
                builder.Append("  ").AppendLine(DiagnosticResult.Format(diagnostic));
            }

            foreach (var file in state.All)
            {
                var inFile = list.Where(d => PathOf(d) == file.Path).Select(d => (d.Id, d.Location.SourceSpan)).ToList();
                builder.Append("\nActual markup of ").Append(file.Path).AppendLine(":");
                builder.AppendLine(TestMarkup.Render(file.Text, inFile));
            }

            return builder.ToString();
        }

        // ---------------------------------------------------------------- re-runs

        private async Task VerifyPragmaSuppressesAsync(TestState state, ImmutableArray<Diagnostic> actual, CancellationToken cancellationToken)
        {
            var ours = actual.Where(d => d.Descriptor.Category != "Compiler" && d.Location.IsInSource).Select(d => d.Id).Distinct().ToList();
            if (ours.Count == 0)
            {
                return;
            }

            var pragma = "#pragma warning disable " + string.Join(", ", ours) + "\n";
            var sources = state.Sources.Select(s => s with { Text = pragma + s.Text });
            var rerun = await GetDiagnosticsAsync(CreateSolution(sources, state.AdditionalFiles), includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
            var left = rerun.Where(d => d.Location.IsInSource && ours.Contains(d.Id)).ToList();
            if (left.Count > 0)
            {
                throw new VerifierException("#pragma warning disable did not suppress:\n" + string.Join("\n", left.Select(DiagnosticResult.Format)));
            }
        }

        private async Task VerifyGeneratedCodeSkippedAsync(TestState state, CancellationToken cancellationToken)
        {
            var sources = state.Sources.Select(s => s with { Text = "// <auto-generated/>\n" + s.Text });
            var rerun = await GetDiagnosticsAsync(CreateSolution(sources, state.AdditionalFiles), includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
            var left = rerun.Where(d => d.Location.IsInSource).ToList();
            if (left.Count > 0)
            {
                throw new VerifierException("Diagnostics reported in generated code (// <auto-generated/>):\n" + string.Join("\n", left.Select(DiagnosticResult.Format)));
            }
        }

        // ---------------------------------------------------------------- code fixes

        private bool IsFixable(Diagnostic diagnostic)
            => CodeFix!.FixableDiagnosticIds.Contains(diagnostic.Id) && diagnostic.Location.IsInSource;

        /// <summary>The fixes the test applies to a diagnostic: the first registered, or those with the test's key.</summary>
        private async Task<List<CodeAction>> GetActionsAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = await RegisteredFixesAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false);
            return CodeActionEquivalenceKey is null
                ? actions.Take(1).ToList()
                : actions.Where(a => a.EquivalenceKey == CodeActionEquivalenceKey).ToList();
        }

        private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution
                ?? throw new VerifierException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
            return changed;
        }

        private async Task VerifyFixAsync(Solution initial, ImmutableArray<Diagnostic> initialDiagnostics, CancellationToken cancellationToken)
        {
            var fixedState = Parse(FixedSources, AdditionalFiles);
            var fixableCount = initialDiagnostics.Count(IsFixable);
            var maxIterations = NumberOfIncrementalIterations ?? fixableCount;

            // One by one: fix the first diagnostic that has a fix, re-analyze, repeat.
            var solution = initial;
            var iterations = 0;
            string? usedKey = null;
            while (true)
            {
                var diagnostics = await GetDiagnosticsAsync(solution, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
                CodeAction? chosen = null;
                foreach (var diagnostic in diagnostics.Where(IsFixable).OrderBy(d => d.Location.SourceSpan.Start))
                {
                    var actions = await GetActionsAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false);
                    if (actions.Count > 0)
                    {
                        chosen = actions[0];
                        break;
                    }
                }

                if (chosen is null)
                {
                    break;
                }

                usedKey ??= chosen.EquivalenceKey;
                if (chosen.EquivalenceKey is null)
                {
                    throw new VerifierException($"Code action '{chosen.Title}' has no equivalence key (Fix All and dotnet format need one).");
                }

                if (++iterations > Math.Max(maxIterations, 1))
                {
                    throw new VerifierException($"Fixing did not converge: more than {maxIterations} iteration(s).");
                }

                var next = await ApplyAsync(solution, chosen, cancellationToken).ConfigureAwait(false);
                if (await SameTextAsync(next, solution, cancellationToken).ConfigureAwait(false))
                {
                    throw new VerifierException($"Code action '{chosen.Title}' changed nothing.");
                }

                solution = next;
            }

            if (NumberOfIncrementalIterations is { } exact && iterations != exact)
            {
                throw new VerifierException($"Expected {exact} fix iteration(s), got {iterations}.");
            }

            await VerifyFixedStateAsync("one-by-one fix", solution, fixedState, cancellationToken).ConfigureAwait(false);

            if (SkipFixAllCheck || iterations == 0)
            {
                return;
            }

            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
            {
                var fixedAll = await FixAllAsync(initial, scope, usedKey!, cancellationToken).ConfigureAwait(false);
                await VerifyFixedStateAsync($"Fix All ({scope})", fixedAll, fixedState, cancellationToken).ConfigureAwait(false);
            }

            if (CodeActionEquivalenceKey is null)
            {
                await VerifyDotnetFormatFixesAsync(initial, initialDiagnostics, fixedState, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// `dotnet format analyzers` fixes a rule from the first diagnostic of the analyzers that report it, whatever that
        /// diagnostic's rule and whether it has a fix (dotnet-format's SolutionCodeFixApplier): it asks the rule's fixer for
        /// that diagnostic's fixes, takes the first one's equivalence key (null when none is registered) and runs Fix All in
        /// solution scope on the rule's diagnostics. Which diagnostic comes first changes from run to run (the analysis is
        /// concurrent), so this does the same from the first diagnostic of another rule of the analyzers and from the first
        /// diagnostic of the rule that gets no fix: each time the result must be the fixed code.
        /// </summary>
        private async Task VerifyDotnetFormatFixesAsync(Solution initial, ImmutableArray<Diagnostic> initialDiagnostics, TestState fixedState, CancellationToken cancellationToken)
        {
            var reported = new HashSet<string>(Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id));
            var inSource = initialDiagnostics.Where(d => d.Location.IsInSource && reported.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            var other = inSource.FirstOrDefault(d => !CodeFix!.FixableDiagnosticIds.Contains(d.Id));
            if (other is not null)
            {
                await VerifyDotnetFormatFixesFromAsync(initial, other, "another rule of the same analyzer", fixedState, cancellationToken).ConfigureAwait(false);
            }

            foreach (var own in inSource.Where(d => CodeFix!.FixableDiagnosticIds.Contains(d.Id)))
            {
                if ((await RegisteredFixesAsync(initial, own, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    await VerifyDotnetFormatFixesFromAsync(initial, own, "a diagnostic of the rule with no fix", fixedState, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }

        /// <summary>Every fix the fixer registers for the diagnostic, in order (none outside the solution's documents).</summary>
        private async Task<List<CodeAction>> RegisteredFixesAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            if (solution.GetDocument(diagnostic.Location.SourceTree) is { } document)
            {
                await CodeFix!.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            }

            return actions;
        }

        private async Task VerifyDotnetFormatFixesFromAsync(Solution initial, Diagnostic first, string what, TestState fixedState, CancellationToken cancellationToken)
        {
            var document = initial.GetDocument(first.Location.SourceTree)!;
            var key = (await RegisteredFixesAsync(initial, first, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.EquivalenceKey;
            var fixAll = new FixAllContext(document, CodeFix!, FixAllScope.Solution, key!, CodeFix!.FixableDiagnosticIds, new TestDiagnosticProvider(this), cancellationToken);
            var action = await CodeFix.GetFixAllProvider()!.GetFixAsync(fixAll).ConfigureAwait(false)
                ?? throw new VerifierException($"dotnet format would fix nothing: handed {first.Id} ({what}) first, the fixer gives no Fix All action for key '{key ?? "null"}'.");
            var fixedByFormat = await ApplyAsync(initial, action, cancellationToken).ConfigureAwait(false);
            await VerifyFixedStateAsync($"Fix All as dotnet format runs it (from {first.Id}, {what})", fixedByFormat, fixedState, cancellationToken).ConfigureAwait(false);
        }

        private async Task<Solution> FixAllAsync(Solution solution, FixAllScope scope, string equivalenceKey, CancellationToken cancellationToken)
        {
            var fixAllProvider = CodeFix!.GetFixAllProvider()
                ?? throw new VerifierException("The code fix provider has no Fix All provider.");
            if (!fixAllProvider.GetSupportedFixAllScopes().Contains(scope))
            {
                throw new VerifierException($"Fix All scope {scope} is not supported.");
            }

            for (var pass = 0; pass < 3; pass++)
            {
                var diagnostics = await GetDiagnosticsAsync(solution, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
                var fixable = diagnostics.Where(IsFixable).OrderBy(d => d.Location.SourceSpan.Start).ToList();
                Document? document = null;
                foreach (var diagnostic in fixable)
                {
                    var actions = await GetActionsAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false);
                    if (actions.Any(a => a.EquivalenceKey == equivalenceKey))
                    {
                        document = solution.GetDocument(diagnostic.Location.SourceTree);
                        break;
                    }
                }

                if (document is null)
                {
                    return solution;
                }

                var provider = new TestDiagnosticProvider(this);
                var context = scope == FixAllScope.Document
                    ? new FixAllContext(document, CodeFix, scope, equivalenceKey, CodeFix.FixableDiagnosticIds, provider, cancellationToken)
                    : new FixAllContext(document.Project, CodeFix, scope, equivalenceKey, CodeFix.FixableDiagnosticIds, provider, cancellationToken);
                var action = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false);
                if (action is null)
                {
                    return solution;
                }

                solution = await ApplyAsync(solution, action, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private async Task VerifyFixedStateAsync(string stage, Solution solution, TestState fixedState, CancellationToken cancellationToken)
        {
            var documents = solution.Projects.Single().Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                var actualText = Normalize((await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
                var expectedText = Normalize(fixedState.Sources[i].Text);
                if (actualText != expectedText)
                {
                    throw new VerifierException($"The {stage} of {document.FilePath} differs from the expected fixed code:\n{Diff(expectedText, actualText)}\n\nActual:\n{actualText}");
                }
            }

            var remaining = await GetDiagnosticsAsync(solution, includeCompilerErrors: true, cancellationToken).ConfigureAwait(false);
            Verify(stage + " result", ResolveExpected(fixedState, Array.Empty<DiagnosticResult>()), remaining, fixedState);
        }

        private static async Task<bool> SameTextAsync(Solution a, Solution b, CancellationToken cancellationToken)
        {
            foreach (var document in a.Projects.Single().Documents)
            {
                var other = b.GetDocument(document.Id);
                if (other is null)
                {
                    return false;
                }

                var x = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                var y = (await other.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }

        private string Normalize(string text) => ExactLineEndings ? text : text.Replace("\r\n", "\n");

        private static string Diff(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var builder = new StringBuilder();
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var x = i < e.Length ? e[i] : "<missing>";
                var y = i < a.Length ? a[i] : "<missing>";
                if (x != y)
                {
                    builder.Append("line ").Append(i + 1).Append(":\n  - ").Append(x).Append("\n  + ").Append(y).Append('\n');
                }
            }

            return builder.ToString();
        }

        private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly AnalyzerTest _test;

            public TestDiagnosticProvider(AnalyzerTest test) => _test = test;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                var all = await _test.GetDiagnosticsAsync(document.Project.Solution, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
                return all.Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var all = await _test.GetDiagnosticsAsync(project.Solution, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
                return all.Where(d => !d.Location.IsInSource);
            }

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => await _test.GetDiagnosticsAsync(project.Solution, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
        }
    }

    public sealed class VerifierException : Exception
    {
        public VerifierException(string message)
            : base(message)
        {
        }
    }

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
