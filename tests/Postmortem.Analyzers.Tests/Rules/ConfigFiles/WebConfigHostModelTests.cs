using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.ConfigFiles.ConfigFileTest;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>web.config &lt;aspNetCore processesPerApplication&gt; and IIS hosting switch the host model under auto.</summary>
    public class WebConfigHostModelTests
    {
        private const string AppSettings = """
            { "Serilog": { "WriteTo": [ { "Name": {|PM1001:"File"|}, "Args": { "path": "logs/app.txt", "rollOnFileSizeLimit": true } } ] } }
            """;

        private const string SafeAppSettings = """
            { "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app.txt", "rollOnFileSizeLimit": true } } ] } }
            """;

        [Fact]
        public Task ProcessesPerApplicationInNonWebProject_MakesItMultiProcess()
            => RunAsync(
                new[]
                {
                    ("/0/appsettings.json", AppSettings),
                    ("/0/web.config", """
                        <?xml version="1.0" encoding="utf-8"?>
                        <configuration>
                          <location path="." inheritInChildApplications="false">
                            <system.webServer>
                              <aspNetCore processPath="dotnet" arguments=".\App.dll" hostingModel="outofprocess" processesPerApplication="4" />
                            </system.webServer>
                          </location>
                        </configuration>
                        """),
                },
                web: false);

        [Fact]
        public Task IisWebConfigInNonWebProject_MakesItMultiProcess()
            => RunAsync(
                new[]
                {
                    ("/0/appsettings.json", AppSettings),
                    ("/0/Web.config", """
                        <configuration>
                          <system.web><compilation debug="false" targetFramework="4.8" /></system.web>
                        </configuration>
                        """),
                },
                web: false);

        [Fact]
        public Task OneProcessPerApplicationOutsideIis_StaysSingleProcess()
            => RunAsync(
                new[]
                {
                    ("/0/appsettings.json", SafeAppSettings),
                    ("/0/app.config", """
                        <configuration>
                          <appSettings><add key="x" value="y" /></appSettings>
                        </configuration>
                        """),
                },
                web: false);

        [Fact]
        public Task AspNetCoreClassLibrary_ReportsDiagnostic()
        {
            // A class library referencing ASP.NET Core (outside the Web SDK) runs in web apps' worker processes.
            var test = Create(new[] { ("/0/appsettings.json", AppSettings) }, web: false);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task AspNetCoreReferencedByConsoleApp_NoDiagnostic()
        {
            // An app outside the Web SDK (a test project hosting WebApplicationFactory, a worker service) stays one process.
            var test = Create(new[] { ("/0/appsettings.json", SafeAppSettings) }, web: false);
            test.Sources.Add("static class Program { static void Main() { } }");
            test.References.AddRange(References.AspNetCore);
            test.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public void Reason_SaysWhyTheProjectIsMultiProcess()
        {
            var options = new AnalyzerOptions(
                ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(
                    "/0/web.config",
                    SourceText.From("<configuration><system.webServer><aspNetCore processesPerApplication=\"4\" /></system.webServer></configuration>"))),
                new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, string>()));
            var signal = HostModel.ReadHostSignals(Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("App"), options, default);
            var host = HostModel.Resolve(options, null, signal);
            Assert.True(host.IsMultiProcess);
            Assert.Contains("processesPerApplication=\"4\"", host.Reason, System.StringComparison.Ordinal);
            Assert.Contains("postmortem.worker_processes = single", host.Reason, System.StringComparison.Ordinal);

            // The two-argument overload the code rules use is unchanged: no web.config signal.
            Assert.False(HostModel.Resolve(options, null).IsMultiProcess);
        }

        [Fact]
        public void DeclaredSingle_WinsOverWebConfig()
        {
            var options = new AnalyzerOptions(
                ImmutableArray<AdditionalText>.Empty,
                new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["postmortem.worker_processes"] = "single" }, new Dictionary<string, string>()));
            var host = HostModel.Resolve(options, null, new HostSignals(4, true, "/0/web.config"));
            Assert.False(host.IsMultiProcess);
        }
    }
}
