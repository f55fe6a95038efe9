using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Rules;
using Postmortem.Analyzers.Rules.ConfigFiles;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>A configuration section is judged only in a project that references its library: nothing else reads it.</summary>
    public class ConfigFileLibraryTests
    {
        private const string SerilogSection = """{ "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app.txt" } } ] } }""";

        [Theory]
        [InlineData("/0/appsettings.json", SerilogSection)]
        [InlineData("/0/log4net.config", """<log4net><appender name="R" type="log4net.Appender.RollingFileAppender"><file value="logs/app.log" /></appender><root><appender-ref ref="R" /></root></log4net>""")]
        [InlineData("/0/nlog.config", """<nlog><targets><target type="File" name="f" fileName="logs/app.log" archiveAboveSize="1000" /></targets><rules><logger name="*" writeTo="f" /></rules></nlog>""")]
        public Task SectionOfALibraryTheProjectDoesNotReference_NoDiagnostic(string path, string content)
        {
            // The same sections report PM1001 and PM3004 (and PM2003 or PM3005) when the project references the library
            // (SerilogConfigFileTests, Log4NetConfigFileTests, NLogConfigFileTests).
            return Run(path, content);
        }

        // Real-world round 10: only Serilog.Settings.Configuration (ReadFrom.Configuration) reads the Serilog section.
        // With Serilog and its file sink referenced but not that reader, the section is a leftover and configures nothing.
        [Fact]
        public Task SerilogSectionWithoutItsReader_NoDiagnostic()
            => Run("/0/appsettings.json", SerilogSection, References.Serilog);

        // The control of the theories: the Serilog section with Serilog and its reader referenced.
        [Fact]
        public Task SectionOfAReferencedLibrary_ReportsDiagnostic()
            => Run(
                "/0/appsettings.json",
                """{ {|PM3004:"Serilog"|}: { "WriteTo": [ { "Name": {|PM1001:{|PM3005:"File"|}|}, "Args": { "path": "logs/app.txt" } } ] } }""",
                References.SerilogWithSettings);

        private static Task Run(string path, string content, IEnumerable<MetadataReference>? references = null)
        {
            var test = new AnalyzerTest { TestCode = "class Startup { }" };
            test.Analyzers.Add(new LoggingConfigFileAnalyzer());
            test.Analyzers.Add(new PM3004LoggingFailuresInvisibleAnalyzer());
            test.References.AddRange(references ?? Enumerable.Empty<MetadataReference>());
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.AdditionalFiles.Add((path, content));
            return test.RunAsync();
        }
    }
}
