using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.LogFileSinkAnalyzer,
    Postmortem.CodeFixes.Rules.PM3005FileSinkStopsAtSizeLimitCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3005FileSinkStopsAtSizeLimitTests
    {
        private static string Serilog(string sink) => $$"""
            using System;
            using System.IO;
            using Serilog;

            static class Logging
            {
                public static Serilog.ILogger Create(string root, long limit, long? maybeLimit, bool roll, RollingInterval interval)
                {
                    return new LoggerConfiguration()
                        {{sink}}
                        .CreateLogger();
                }
            }
            """;

        private static AnalyzerTest Analyze(string source) => VerifyCS.AnalysisTest(source).WithSerilog();

        [Theory]
        [InlineData("File(\"logs/app.log\")", "1 GB (the default limit)", " for good")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: 10 * 1024 * 1024)", "10 MB", " for good")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: false)", "50,000,000 bytes", " for good")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day)", "1 GB (the default limit)", " until the next day's file")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Hour, fileSizeLimitBytes: 10 * 1024 * 1024)", "10 MB", " until the next hour's file")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Infinite)", "1 GB (the default limit)", " for good")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: interval)", "1 GB (the default limit)", "")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: limit)", "its size limit", " for good")]
        [InlineData("File(new Serilog.Formatting.Json.JsonFormatter(), \"logs/app.json\", shared: true)", "1 GB (the default limit)", " for good")]
        public Task SizeLimitWithoutRolling_ReportsDiagnostic(string call, string size, string until)
        {
            var test = Analyze(Serilog($".WriteTo.{{|#0:{call}|}}"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(size, until));
            return test.RunAsync();
        }

        // Real-world round 12 (win-acme): the interval held in a local that nothing writes again is read as the constant
        // it was given; one written again (an assignment, a tuple) stays unknown.
        [Theory]
        [InlineData("var daily = RollingInterval.Day;", " until the next day's file")]
        [InlineData("var daily = RollingInterval.Day; if (roll) daily = RollingInterval.Hour;", "")]
        [InlineData("var daily = RollingInterval.Day; if (roll) (daily, limit) = (RollingInterval.Hour, 1);", "")]
        [InlineData("var daily = RollingInterval.Day; Action later = () => daily++;", "")]
        public Task RollingIntervalInALocal_ReportsDiagnostic(string declaration, string until)
        {
            var test = Analyze($$"""
                using System;
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create(bool roll, long limit)
                    {
                        {{declaration}}
                        return new LoggerConfiguration()
                            .WriteTo.{|#0:File("logs/app-.log", rollingInterval: daily)|}
                            .CreateLogger();
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments("1 GB (the default limit)", until));
            return test.RunAsync();
        }

        // A File call on a lambda's parameter, the delegate's type written in another file (sinks configured through a
        // helper of your own).
        [Fact]
        public Task FileCalledOnALambdaParameter_ReportsDiagnostic()
        {
            var test = Analyze("""
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create() => Sinks.Add(new LoggerConfiguration(), a => a.{|#0:File("logs/app.log")|}).CreateLogger();
                }
                """);
            test.Sources.Add(LogSinkStubs.SerilogSinkHelperInAnotherFile);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments("1 GB (the default limit)", " for good"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("WriteTo.File(\"logs/app.log\", rollOnFileSizeLimit: true)")]
        [InlineData("WriteTo.File(\"logs/app.log\", fileSizeLimitBytes: null)")]
        [InlineData("WriteTo.File(\"logs/app.log\", fileSizeLimitBytes: maybeLimit)")]
        [InlineData("WriteTo.File(\"logs/app.log\", rollOnFileSizeLimit: roll)")]
        [InlineData("AuditTo.File(\"logs/audit.log\")")]
        public Task NoSizeStop_NoDiagnostic(string call)
            => Analyze(Serilog("." + call)).RunAsync();

        [Fact]
        public Task LegacyRollingFile_NoDiagnostic()
            => Analyze(Serilog(""".WriteTo.RollingFile("logs/app-{Date}.log")""")).WithSerilogRollingFile().RunAsync();

        [Fact]
        public Task AddRollOnFileSizeLimit_Fix()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", fileSizeLimitBytes: 10_485_760)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", fileSizeLimitBytes: 10_485_760, rollOnFileSizeLimit: true)"""))
                .WithSerilog().RunAsync();

        [Fact]
        public Task RollOnFileSizeLimitFalse_FixSetsTrue()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", rollOnFileSizeLimit: false)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", rollOnFileSizeLimit: true)"""))
                .WithSerilog().RunAsync();

        [Fact]
        public Task TwoSinks_FixAll()
            => VerifyCS.Test(
                Serilog("""
                .WriteTo.[|File("logs/a.log")|]
                        .WriteTo.Logger(lc => lc.WriteTo.[|File("logs/b.log", shared: true)|])
                """),
                Serilog("""
                .WriteTo.File("logs/a.log", rollOnFileSizeLimit: true)
                        .WriteTo.Logger(lc => lc.WriteTo.File("logs/b.log", shared: true, rollOnFileSizeLimit: true))
                """))
                .WithSerilog().RunAsync();
    }
}
