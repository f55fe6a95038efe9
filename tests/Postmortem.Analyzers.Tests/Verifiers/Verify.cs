using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>Analyzer-only verification: <c>VerifyCS.VerifyAnalyzerAsync(code)</c>, or <c>VerifyCS.Test()</c> for options.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static AnalyzerTest Test(string source)
        {
            var test = new AnalyzerTest { TestCode = source };
            test.Analyzers.Add(new TAnalyzer());
            return test;
        }

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = Test(source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>Analyzer plus code-fix verification (one-by-one and Fix All).</summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static AnalyzerTest Test(string source, string fixedSource, string? equivalenceKey = null)
        {
            var test = new AnalyzerTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeFix = new TCodeFix(),
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.Analyzers.Add(new TAnalyzer());
            test.RuleIds = RulesUnderTest(test);
            return test;
        }

        /// <summary>An analysis-only test of the fixer's rules (no fixed code).</summary>
        public static AnalyzerTest AnalysisTest(string source)
        {
            var test = CSharpAnalyzerVerifier<TAnalyzer>.Test(source);
            test.RuleIds = RulesUnderTest(test);
            return test;
        }

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = AnalysisTest(source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>The fixer's rules, when the analyzer reports others too (they are tested with their own fixers).</summary>
        private static IReadOnlyCollection<string>? RulesUnderTest(AnalyzerTest test)
        {
            var fixable = new TCodeFix().FixableDiagnosticIds;
            return test.Analyzers.SelectMany(a => a.SupportedDiagnostics).All(d => fixable.Contains(d.Id)) ? null : fixable;
        }

        public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
            => Test(source, fixedSource, equivalenceKey).RunAsync();
    }
}
