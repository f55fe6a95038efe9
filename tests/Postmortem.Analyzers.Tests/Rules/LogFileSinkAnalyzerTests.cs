using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.LogSinkSources;
using Verify = Postmortem.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.LogFileSinkAnalyzer>;

namespace Postmortem.Analyzers.Tests.Rules
{
    /// <summary>
    /// The one analyzer of PM1001, PM2003 and PM3005 in code, all its rules at once (each rule's own cases are in its own
    /// test class, which compares only that rule's diagnostics).
    /// </summary>
    public class LogFileSinkAnalyzerTests
    {
        private const string UnboundedDailySink = """.WriteTo.{|#0:File("logs/app-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)|}""";

        [Fact]
        public Task OneSinkInAWebProject_EachRuleOnce_ReportsDiagnostic()
        {
            var test = Verify.Test(Serilog(UnboundedDailySink)).Web().WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0));
            return test.RunAsync();
        }

        // A library (no Web SDK, no worker-process setting) runs in one process: no PM1001, the other two as before.
        [Fact]
        public Task OneSinkInALibrary_NoPM1001_ReportsDiagnostic()
        {
            var test = Verify.Test(Serilog(UnboundedDailySink)).WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0));
            return test.RunAsync();
        }

        // PM3005 is Serilog's size limit: an NLog target with the same flaws reports the other two only.
        [Fact]
        public Task NLogTargetInAWebProject_NoPM3005_ReportsDiagnostic()
            => Verify.Test(NLog("""
                    var file = {|PM1001:{|PM2003:new FileTarget("file")|}|} { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760 };
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task SharedRollingBoundedSink_NoDiagnostic()
            => Verify.Test(Serilog(""".WriteTo.File("logs/app-.log", rollingInterval: RollingInterval.Day, rollOnFileSizeLimit: true, shared: true)""")).Web().WithSerilog().RunAsync();
    }
}
