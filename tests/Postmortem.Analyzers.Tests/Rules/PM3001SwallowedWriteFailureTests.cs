using System.Threading.Tasks;
using Postmortem.Analyzers.Rules;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer,
    Postmortem.CodeFixes.Rules.PM3001SwallowedWriteFailureCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3001SwallowedWriteFailureTests
    {
        [Fact]
        public Task CommentOnlyCatchAroundWriteAllText_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        [|catch (IOException)|]
                        {
                            // the disk is probably full, nothing we can do
                        }
                    }
                }
                """);

        [Fact]
        public Task LoggedCatch_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        catch (IOException)
                        {
                            Console.Error.WriteLine("could not save the report");
                        }
                    }
                }
                """);

        [Fact]
        public Task BareCatch_RethrowFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.AppendAllText(path, text);
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """, """
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.AppendAllText(path, text);
                        }
                        catch
                        {
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
    }
}
