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
            return test;
        }

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

        public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
            => Test(source, fixedSource, equivalenceKey).RunAsync();
    }
}
