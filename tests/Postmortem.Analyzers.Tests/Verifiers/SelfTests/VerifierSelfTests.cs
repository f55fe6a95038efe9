using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Postmortem.Analyzers.Tests.Verifiers.SelfTests
{
    /// <summary>The verifier's own checks, proven to pass when they should and to fail when they should.</summary>
    public class VerifierSelfTests
    {
        private static AnalyzerTest Test(string code, DiagnosticAnalyzer? analyzer = null, CodeFixProvider? fix = null, string? fixedCode = null)
        {
            var test = new AnalyzerTest { TestCode = code, CodeFix = fix };
            if (fixedCode is not null)
            {
                test.FixedCode = fixedCode;
            }

            test.Analyzers.Add(analyzer ?? new BadClassAnalyzer());
            return test;
        }

        private static async Task<string> FailsAsync(AnalyzerTest test)
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            return exception.Message;
        }

        [Fact]
        public Task MatchingMarkup_Passes()
            => Test("class [|Bad|] { } class Fine { }").RunAsync();

        [Fact]
        public Task NamedAndKeyedMarkup_Passes()
        {
            var test = Test("class {|TST001:Bad|} { } namespace N { class {|#0:Bad|} { } }");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TST001").WithLocation(0).WithArguments("Bad"));
            return test.RunAsync();
        }

        [Fact]
        public async Task MissingExpectation_Fails()
        {
            var message = await FailsAsync(Test("class Bad { }"));
            Assert.Contains("Expected 0 diagnostic(s), got 1", message);
            Assert.Contains("{|TST001:Bad|}", message); // actual diagnostics are printed as markup
        }

        [Fact]
        public async Task ExtraExpectation_Fails()
            => Assert.Contains("Expected 2 diagnostic(s), got 1", await FailsAsync(Test("class [|Bad|] { } class [|Fine|] { }")));

        [Fact]
        public async Task WrongSpan_Fails()
            => Assert.Contains("Expected TST001 at", await FailsAsync(Test("[|class Bad|] { }")));

        [Fact]
        public async Task WrongArguments_Fails()
        {
            var test = Test("class {|#0:Bad|} { }");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TST001").WithLocation(0).WithArguments("Good"));
            Assert.Contains("does not match arguments", await FailsAsync(test));
        }

        [Fact]
        public async Task AnalyzerException_Fails()
            => Assert.Contains("boom", await FailsAsync(Test("class Bad { }", new ThrowingAnalyzer())));

        [Fact]
        public async Task InputThatDoesNotCompile_Fails()
            => Assert.Contains("does not compile", await FailsAsync(Test("class [|Bad|] : Missing { }")));

        [Fact]
        public Task ExpectedCompilerError_Passes()
            => Test("class [|Bad|] : {|CS0246:Missing|} { }").RunAsync();

        [Fact]
        public async Task ReportingInGeneratedCode_Fails()
            => Assert.Contains("generated code", await FailsAsync(Test("class [|Bad|] { }", new GeneratedCodeReportingAnalyzer())));

        [Fact]
        public Task EditorConfigAndGlobalOptions_ReachTheAnalyzer()
        {
            var perFile = Test("class Bad { }");
            perFile.EditorConfig = "[*.cs]\ntst.disabled = true";
            var global = Test("class Bad { }");
            global.GlobalOptions["build_property.TstOff"] = "true";
            return Task.WhenAll(perFile.RunAsync(), global.RunAsync());
        }

        [Fact]
        public Task EditorConfigSectionNamingOneFile_ReachesThatFileOnly()
        {
            var test = Test("class [|Bad|] { }");
            test.Sources.Add("namespace Other { class Bad { } }");
            test.EditorConfig = "[*.cs]\nindent_size = 4\n\n[Test1.cs]\ntst.disabled = true\n[*]\nend_of_line = lf";
            return test.RunAsync();
        }

        [Fact]
        public Task MarkupInAdditionalFiles_IsParsed()
        {
            var test = Test("class [|Bad|] { }");
            test.AdditionalFiles.Add(("/0/notes.txt", "no markup {|#1:here|}"));
            return test.RunAsync();
        }

        [Fact]
        public Task CorrectFix_Passes()
            => Test("class [|Bad|] { } class [|Bad2|] { }".Replace("[|Bad2|]", "Other"), fix: new RenameFix(), fixedCode: "class Good { } class Other { }").RunAsync();

        [Fact]
        public async Task FixThatChangesNothing_Fails()
            => Assert.Contains("changed nothing", await FailsAsync(Test("class [|Bad|] { }", fix: new NoOpFix(), fixedCode: "class Bad { }")));

        [Fact]
        public async Task WrongFixedCode_Fails()
            => Assert.Contains("differs from the expected fixed code", await FailsAsync(Test("class [|Bad|] { }", fix: new RenameFix(), fixedCode: "class Best { }")));

        [Fact]
        public async Task FixAllDifferentFromOneByOne_Fails()
        {
            var message = await FailsAsync(Test("class [|Bad|] { } namespace N { class [|Bad|] { } }", fix: new InconsistentFixAll(), fixedCode: "class Good { } namespace N { class Good { } }"));
            Assert.Contains("Fix All", message);
        }

        [Fact]
        public async Task FixedCodeThatDoesNotCompile_Fails()
            => Assert.Contains("does not compile", await FailsAsync(Test("class [|Bad|] { }", fix: new BreakingFix(), fixedCode: "class Good : Missing { }")));

        [Fact]
        public Task OtherRulesOfTheAnalyzer_NotComparedWhenRulesAreGiven_NoDiagnostic()
        {
            var test = Test("class Worse { } class [|Bad|] { }", new TwoRulesAnalyzer());
            test.RuleIds = new[] { "TST001" };
            return test.RunAsync();
        }

        [Fact]
        public async Task OtherRulesOfTheAnalyzer_ComparedByDefault_Fails()
            => Assert.Contains("Expected 1 diagnostic(s), got 2", await FailsAsync(Test("class Worse { } class {|TST001:Bad|} { }", new TwoRulesAnalyzer())));

        [Fact]
        public Task FixOfOneRule_AppliedAsDotnetFormatDoes_FromAnotherRulesDiagnostic()
        {
            var test = Test("class Worse { } class [|Bad|] { }", new TwoRulesAnalyzer(), new RenameFix(), "class Worse { } class Good { }");
            test.RuleIds = new[] { "TST001" };
            return test.RunAsync();
        }

        [Fact]
        public async Task FixerGivingNoKeyForAnotherRulesDiagnostic_Fails()
        {
            var test = Test("class Worse { } class [|Bad|] { }", new TwoRulesAnalyzer(), new OwnRuleOnlyRenameFix(), "class Worse { } class Good { }");
            test.RuleIds = new[] { "TST001" };
            Assert.Contains("dotnet format would fix nothing", await FailsAsync(test));
        }

        [Fact]
        public void Markup_RoundTrips()
        {
            var (text, spans) = TestMarkup.Parse("a [|b {|X1:c|}|] {|#2:d|} e");
            Assert.Equal("a b c d e", text);
            Assert.Equal(3, spans.Count);
            Assert.Contains(spans, s => s.Id == "X1" && text.Substring(s.Span.Start, s.Span.Length) == "c");
            Assert.Contains(spans, s => s.Id is null && s.Key is null && text.Substring(s.Span.Start, s.Span.Length) == "b c");
            Assert.Contains(spans, s => s.Key == 2 && text.Substring(s.Span.Start, s.Span.Length) == "d");
            Assert.Throws<InvalidOperationException>(() => TestMarkup.Parse("[|open"));
        }
    }
}
