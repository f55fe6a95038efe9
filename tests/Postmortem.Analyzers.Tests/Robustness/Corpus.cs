using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>One source file of a corpus entry.</summary>
    public sealed record CorpusDocument(string Path, string Text);

    /// <summary>
    /// One compilation of the corpus: a C# snippet from a test, or the sample app. Additional files (nlog.config,
    /// appsettings.json…) taken from the tests ride along so rules that read configuration are exercised too.
    /// </summary>
    public sealed record CorpusEntry(string Name, ImmutableArray<CorpusDocument> Documents, ImmutableArray<CorpusDocument> AdditionalFiles, OutputKind OutputKind)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// Everything the robustness tests run on, found without naming any rule: all analyzers and code fixes by
    /// reflection, all C# in the tests' string literals (test helpers and [InlineData] rows evaluated), and the sample.
    /// </summary>
    public static class Corpus
    {
        private static readonly Lazy<ImmutableArray<CorpusEntry>> LazyEntries = new(Load);

        /// <summary>Every non-abstract DiagnosticAnalyzer in Postmortem.Analyzers.</summary>
        public static ImmutableArray<Type> AnalyzerTypes { get; } = Discover<DiagnosticAnalyzer>(typeof(DiagnosticIds).Assembly);

        /// <summary>Every non-abstract CodeFixProvider in Postmortem.CodeFixes.</summary>
        public static ImmutableArray<Type> CodeFixTypes { get; } = Discover<CodeFixProvider>(typeof(Postmortem.CodeFixes.PostmortemCodeFixProvider).Assembly);

        public static ImmutableArray<CorpusEntry> Entries => LazyEntries.Value;

        /// <summary>Fresh analyzer instances (analyzers must be stateless, but each run gets its own anyway).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
            => AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CreateCodeFixes()
            => CodeFixTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

        /// <summary>References the tests compile against: runtime, ASP.NET Core, Serilog (+ file sink, configuration), NLog 5, ZLogger.</summary>
        public static ImmutableArray<MetadataReference> References { get; } = References_();

        /// <summary>The options the tests' web projects get: several worker processes, Web SDK.</summary>
        public static IReadOnlyDictionary<string, string> GlobalOptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.UsingMicrosoftNETSdkWeb"] = "true",
            ["build_property.RootNamespace"] = "TestProject",
            ["build_property.ProjectDir"] = "/0/",
        };

        private static ImmutableArray<MetadataReference> References_()
        {
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            builder.AddRange(Verifiers.References.Net);
            builder.AddRange(Verifiers.References.AspNetCore);
            builder.AddRange(Verifiers.References.Serilog);
            builder.AddRange(Verifiers.References.NLog5);
            try
            {
                builder.AddRange(Verifiers.References.Packages(("serilog.settings.configuration", "8.0.0", "Serilog.Settings.Configuration.dll")));
            }
            catch (InvalidOperationException)
            {
                // Not restored: the snippets that use it simply do not bind.
            }

            try
            {
                // ZLogger (PM3004): its snippets bind, so its fix is run by the fix-safety tests too.
                builder.AddRange(Verifiers.References.Packages(("zlogger", "2.6.1", "ZLogger.dll")));
            }
            catch (InvalidOperationException)
            {
            }

            // Keep the first reference per assembly name (the shared frameworks overlap).
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return builder.Where(r => r is not PortableExecutableReference pe || pe.FilePath is null || seen.Add(Path.GetFileName(pe.FilePath))).ToImmutableArray();
        }

        private static ImmutableArray<Type> Discover<T>(Assembly assembly)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.OfType<Type>().ToArray();
            }

            return types
                .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        // ------------------------------------------------------------------ loading

        private static ImmutableArray<CorpusEntry> Load()
        {
            var root = Verifiers.References.RepositoryRoot;
            var entries = new List<CorpusEntry>();
            var testsDir = Path.Combine(root, "tests", "Postmortem.Analyzers.Tests");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var configs = new List<CorpusDocument>();
            var testFiles = Directory.EnumerateFiles(testsDir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(testsDir, f) && !f.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var shared = SharedHelperClasses(testFiles);
            foreach (var file in testFiles)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var index = 0;
                string? previous = null;
                foreach (var text in StringsOf(File.ReadAllText(file), shared))
                {
                    var stripped = StripMarkup(text);
                    if (!seen.Add(stripped))
                    {
                        continue;
                    }

                    if (LooksLikeCSharp(stripped, out var kind))
                    {
                        entries.Add(new CorpusEntry($"{relative}#{index++}", ImmutableArray.Create(new CorpusDocument("/0/Test0.cs", stripped)), ImmutableArray<CorpusDocument>.Empty, kind));

                        // Two snippets in a row declaring the same partial class are usually one test's two files
                        // (test.Sources.Add): one entry of both, so that a rule reading a type across files runs on one, and in
                        // both file orders (DeterminismTests; the twenty-sixth session: PM1002's partial types).
                        if (previous is not null && PartialClassNames(previous).Intersect(PartialClassNames(stripped), StringComparer.Ordinal).FirstOrDefault() is { } partialName)
                        {
                            entries.Add(new CorpusEntry(
                                $"{relative}#{index - 1} with the one before (partial {partialName})",
                                ImmutableArray.Create(new CorpusDocument("/0/Test0.cs", previous), new CorpusDocument("/0/Test1.cs", stripped)),
                                ImmutableArray<CorpusDocument>.Empty,
                                OutputKind.DynamicallyLinkedLibrary));
                        }

                        previous = stripped;
                    }
                    else if (ConfigFileName(stripped) is { } name)
                    {
                        configs.Add(new CorpusDocument(name, stripped));
                    }
                }

            }

            // Each configuration file rides along with one C# entry (round robin), so config rules see it.
            if (entries.Count > 0)
            {
                for (var i = 0; i < configs.Count; i++)
                {
                    var target = i % entries.Count;
                    var entry = entries[target];
                    if (!entry.AdditionalFiles.Any(f => f.Path == configs[i].Path))
                    {
                        entries[target] = entry with { AdditionalFiles = entry.AdditionalFiles.Add(configs[i]) };
                    }
                }
            }

            var sample = Path.Combine(root, "samples", "IncidentReplay");
            if (Directory.Exists(sample))
            {
                var documents = Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(sample, f))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => new CorpusDocument("/sample/" + Path.GetRelativePath(sample, f).Replace('\\', '/'), File.ReadAllText(f)))
                    .ToList();

                // The sample uses the Web SDK's implicit usings.
                documents.Add(new CorpusDocument("/sample/obj/IncidentReplay.GlobalUsings.g.cs", WebImplicitUsings));
                var additional = Directory.EnumerateFiles(sample, "*.*", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(sample, f) && (f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".config", StringComparison.OrdinalIgnoreCase)))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => new CorpusDocument("/sample/" + Path.GetRelativePath(sample, f).Replace('\\', '/'), File.ReadAllText(f)))
                    .ToImmutableArray();
                entries.Add(new CorpusEntry("samples/IncidentReplay", documents.ToImmutableArray(), additional, OutputKind.ConsoleApplication));
            }

            return entries.ToImmutableArray();
        }

        private const string WebImplicitUsings = """
            // <auto-generated/>
            global using global::Microsoft.AspNetCore.Builder;
            global using global::Microsoft.AspNetCore.Hosting;
            global using global::Microsoft.AspNetCore.Http;
            global using global::Microsoft.AspNetCore.Routing;
            global using global::Microsoft.Extensions.Configuration;
            global using global::Microsoft.Extensions.DependencyInjection;
            global using global::Microsoft.Extensions.Hosting;
            global using global::Microsoft.Extensions.Logging;
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Net.Http.Json;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;

        private static bool IsBuildOutput(string projectDir, string file)
        {
            var relative = Path.GetRelativePath(projectDir, file).Replace('\\', '/');
            return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
        }

        private static readonly Regex MarkupOpen = new(@"\{\|(#\d+|[A-Za-z][A-Za-z0-9]*):", RegexOptions.Compiled);

        /// <summary>Removes [| |], {|ID: |} and {|#n: |} markup.</summary>
        public static string StripMarkup(string text)
        {
            try
            {
                return TestMarkup.Parse(text).Text;
            }
            catch (InvalidOperationException)
            {
                return MarkupOpen.Replace(text, string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty).Replace("|}", string.Empty);
            }
        }

        /// <summary>A compilation unit with a type or namespace, or top-level statements with using directives.</summary>
        /// <summary>The names of the partial classes a snippet declares (<c>partial class LogWriter</c>).</summary>
        private static IEnumerable<string> PartialClassNames(string text)
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"\bpartial\s+class\s+(\w+)"))
            {
                yield return match.Groups[1].Value;
            }
        }

        public static bool LooksLikeCSharp(string text, out OutputKind kind)
        {
            kind = OutputKind.DynamicallyLinkedLibrary;
            var trimmed = text.TrimStart();
            if (trimmed.Length < 12 || trimmed[0] == '<' || trimmed[0] == '{' || trimmed[0] == '[')
            {
                return false;
            }

            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text).GetRoot();
            var hasType = root.Members.Any(m => m is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or DelegateDeclarationSyntax);
            var hasStatements = root.Members.Any(m => m is GlobalStatementSyntax);
            if (hasStatements)
            {
                kind = OutputKind.ConsoleApplication;
            }

            if (hasType)
            {
                // A fragment such as "catch (IOException) { }" is not a type; a class with junk around it still is.
                return true;
            }

            return hasStatements && root.Usings.Count > 0 && !root.ContainsDiagnostics;
        }

        private static string? ConfigFileName(string text)
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("<", StringComparison.Ordinal))
            {
                if (trimmed.Contains("<nlog", StringComparison.OrdinalIgnoreCase))
                {
                    return "/0/nlog.config";
                }

                if (trimmed.Contains("<log4net", StringComparison.OrdinalIgnoreCase))
                {
                    return "/0/log4net.config";
                }

                if (trimmed.Contains("<configuration", StringComparison.OrdinalIgnoreCase))
                {
                    return "/0/web.config";
                }

                return null;
            }

            if (trimmed.StartsWith("{", StringComparison.Ordinal) && trimmed.Contains('"', StringComparison.Ordinal) && trimmed.Contains(':', StringComparison.Ordinal))
            {
                return "/0/appsettings.json";
            }

            return null;
        }

        /// <summary>Test-source template classes shared between test files: static classes whose name ends in "Sources".</summary>
        private static List<ClassDeclarationSyntax> SharedHelperClasses(IEnumerable<string> testFiles)
            => testFiles
                .Select(f => File.ReadAllText(f))
                .Where(text => text.Contains("Sources", StringComparison.Ordinal))
                .SelectMany(text => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
                .Where(c => c.Identifier.ValueText.EndsWith("Sources", StringComparison.Ordinal))
                .ToList();

        // ------------------------------------------------------------------ strings of a test file

        /// <summary>
        /// The strings a test file builds: literals, interpolated strings and calls of the file's own string helpers
        /// (e.g. <c>InMethod("""…""")</c>), evaluated once per [InlineData] row of the enclosing method.
        /// </summary>
        public static IEnumerable<string> StringsOf(string source, IReadOnlyList<ClassDeclarationSyntax>? sharedHelpers = null)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();
            var evaluator = new Evaluator(root, sharedHelpers ?? Array.Empty<ClassDeclarationSyntax>());
            foreach (var expression in root.DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (!Evaluator.IsCandidate(expression, evaluator))
                {
                    continue;
                }

                var method = expression.FirstAncestorOrSelf<MethodDeclarationSyntax>();
                foreach (var env in Evaluator.Rows(method))
                {
                    var value = evaluator.Evaluate(expression, env, 0);
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        yield return value!;
                    }
                }
            }
        }

        private sealed class Evaluator
        {
            private readonly Dictionary<string, MethodDeclarationSyntax> _helpers = new(StringComparer.Ordinal);
            private readonly Dictionary<string, ExpressionSyntax> _constants = new(StringComparer.Ordinal);

            public Evaluator(SyntaxNode root, IReadOnlyList<ClassDeclarationSyntax> sharedHelpers)
            {
                foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "string" } && Body(method) is not null)
                    {
                        _helpers[method.Identifier.ValueText] = method;
                    }
                }

                // Templates shared by several test files (classes named *Sources), unless the file has its own of that name.
                foreach (var method in sharedHelpers.SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>()))
                {
                    if (method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "string" } && Body(method) is not null)
                    {
                        _helpers.TryAdd(method.Identifier.ValueText, method);
                    }
                }

                foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                {
                    if (declarator.Initializer?.Value is { } value && IsStringy(value))
                    {
                        _constants[declarator.Identifier.ValueText] = value;
                    }
                }
            }

            private static ExpressionSyntax? Body(MethodDeclarationSyntax method)
                => method.ExpressionBody?.Expression
                    ?? (method.Body?.Statements.Count == 1 && method.Body.Statements[0] is ReturnStatementSyntax { Expression: { } e } ? e : null);

            private static bool IsStringy(ExpressionSyntax e)
                => e is InterpolatedStringExpressionSyntax || e.IsKind(SyntaxKind.StringLiteralExpression)
                    || e is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };

            /// <summary>Outermost string-building expressions only (a literal passed to a helper is part of the helper's result).</summary>
            public static bool IsCandidate(ExpressionSyntax e, Evaluator evaluator)
            {
                if (!(IsStringy(e) || evaluator.IsHelperCall(e)))
                {
                    return false;
                }

                for (var parent = e.Parent; parent is not null and not StatementSyntax and not MemberDeclarationSyntax; parent = parent.Parent)
                {
                    if (parent is ExpressionSyntax p && (IsStringy(p) || evaluator.IsHelperCall(p)))
                    {
                        return false;
                    }
                }

                return true;
            }

            private bool IsHelperCall(ExpressionSyntax e)
                => e is InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } && _helpers.ContainsKey(name.Identifier.ValueText);

            /// <summary>One environment per [InlineData] row (parameter name → value), or one empty environment.</summary>
            public static IEnumerable<Dictionary<string, string>> Rows(MethodDeclarationSyntax? method)
            {
                var rows = new List<Dictionary<string, string>>();
                if (method is not null)
                {
                    var parameters = method.ParameterList.Parameters;
                    foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes))
                    {
                        if (attribute.Name.ToString() is not ("InlineData" or "InlineDataAttribute" or "Xunit.InlineData") || attribute.ArgumentList is null)
                        {
                            continue;
                        }

                        var env = new Dictionary<string, string>(StringComparer.Ordinal);
                        var args = attribute.ArgumentList.Arguments;
                        for (var i = 0; i < args.Count && i < parameters.Count; i++)
                        {
                            env[parameters[i].Identifier.ValueText] = args[i].Expression is LiteralExpressionSyntax literal
                                ? literal.Token.ValueText
                                : args[i].Expression.ToString();
                        }

                        rows.Add(env);
                    }
                }

                if (rows.Count == 0)
                {
                    rows.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                }

                return rows;
            }

            public string? Evaluate(ExpressionSyntax e, IReadOnlyDictionary<string, string> env, int depth)
            {
                if (depth > 8)
                {
                    return null;
                }

                switch (e)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal.Token.ValueText;
                    case LiteralExpressionSyntax literal:
                        return literal.Token.ValueText;
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Evaluate(parenthesized.Expression, env, depth + 1);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        return Evaluate(binary.Left, env, depth + 1) + Evaluate(binary.Right, env, depth + 1);
                    case InterpolatedStringExpressionSyntax interpolated:
                        var builder = new System.Text.StringBuilder();
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax text)
                            {
                                builder.Append(text.TextToken.ValueText);
                            }
                            else if (content is InterpolationSyntax hole)
                            {
                                builder.Append(Evaluate(hole.Expression, env, depth + 1));
                            }
                        }

                        return builder.ToString();
                    case IdentifierNameSyntax identifier:
                        var name = identifier.Identifier.ValueText;
                        if (env.TryGetValue(name, out var value))
                        {
                            return value;
                        }

                        return _constants.TryGetValue(name, out var constant) ? Evaluate(constant, env, depth + 1) : string.Empty;
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax callee } call when _helpers.TryGetValue(callee.Identifier.ValueText, out var helper):
                        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
                        var parameters = helper.ParameterList.Parameters;
                        for (var i = 0; i < parameters.Count; i++)
                        {
                            if (parameters[i].Default?.Value is { } defaultValue)
                            {
                                bound[parameters[i].Identifier.ValueText] = Evaluate(defaultValue, env, depth + 1) ?? string.Empty;
                            }
                        }

                        var arguments = call.ArgumentList.Arguments;
                        for (var i = 0; i < arguments.Count; i++)
                        {
                            var target = arguments[i].NameColon?.Name.Identifier.ValueText ?? (i < parameters.Count ? parameters[i].Identifier.ValueText : null);
                            if (target is not null)
                            {
                                bound[target] = Evaluate(arguments[i].Expression, env, depth + 1) ?? string.Empty;
                            }
                        }

                        return Evaluate(Body(helper)!, bound, depth + 1);
                    default:
                        return null;
                }
            }
        }
    }
}
