using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Knowledge.ConfigFiles;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.ConfigFiles.ConfigFileTest;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>PM0001: a malformed configuration file gives no exception, no finding, and one Info diagnostic at the error.</summary>
    public class PM0001ConfigFileUnreadableTests
    {
        [Fact]
        public Task MissingCommaInAppSettings_ReportsOneDiagnosticAtTheError()
            => RunAsync("/0/appsettings.json", """
                {
                  "Serilog": {
                    "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app.txt" } } ]
                  }
                  {|PM0001:"|}Logging": {}
                }
                """);

        [Fact]
        public Task UnterminatedAppSettings_ReportsOneDiagnostic()
            => RunAsync("/0/appsettings.Development.json", "{ \"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\"{|PM0001:|}");

        [Fact]
        public Task TopLevelArray_ReportsOneDiagnostic()
            => RunAsync("/0/appsettings.json", """{|PM0001:4|}2""");

        [Fact]
        public Task SingleQuotedStrings_ReportsOneDiagnostic()
            => RunAsync("/0/appsettings.json", """{ {|PM0001:'|}Serilog': {} }""");

        [Fact]
        public Task DeepNesting_ReportsOneDiagnosticWithoutCrashing()
            => RunAsync("/0/appsettings.json", "{ \"a\": " + new string('[', 64) + "{|PM0001:{|}}" + new string(']', 64) + " }");

        [Fact]
        public Task MalformedNLogConfig_ReportsOneDiagnostic()
            => RunAsync("/0/nlog.config", """
                <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <targets>
                    <target xsi:type="File" name="f" fileName="logs/app.log" />
                  </targets>
                </{|PM0001:n|}log2>
                """, nlog: NLogRef.V5);

        [Fact]
        public Task MalformedWebConfig_ReportsOneDiagnosticAndDoesNotSwitchTheHost()
            => RunAsync(
                new[]
                {
                    ("/0/web.config", "<configuration><system.webServer><aspNetCore processesPerApplication=\"4\"></{|PM0001:c|}onfiguration>"),
                    ("/0/appsettings.json", """{ "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "a.txt", "rollOnFileSizeLimit": true } } ] } }"""),
                },
                web: false);

        [Fact]
        public Task EmptyFiles_NoDiagnostic()
            => RunAsync(new[] { ("/0/appsettings.json", "  \n"), ("/0/nlog.config", ""), ("/0/log4net.config", "<!-- nothing -->") });

        [Fact]
        public Task UnrelatedConfigFiles_NoDiagnostic()
            => RunAsync(new[] { ("/0/packages.config", "<packages><broken"), ("/0/stylecop.json", "{ not json") });

        // ------------------------------------------------------------ the readers

        [Fact]
        public void JsonReader_AcceptsCommentsTrailingCommasAndEscapes()
        {
            var text = "// head\n{ \"a\\u0041\": [1, -2.5e3, true, false, null, ], /* c */ \"b\": \"x\\\"y\", }";
            Assert.True(ConfigJson.TryParse(text, out var root, out _, out var error), error);
            Assert.Equal("x\"y", root!.Get("B")!.Value.Text);
            var items = root.Get("aA")!.Value.Items;
            Assert.Equal(5, items.Count);
            Assert.Equal(JsonKind.Null, items[4].Kind);
            Assert.Equal("-2.5e3", text.Substring(items[1].Span.Start, items[1].Span.Length));
        }

        [Fact]
        public void JsonReader_ReadsSectionPathsAsConfigurationDoes()
        {
            // ':' splits a key into sections, merged with the sections written out (later values win, as in
            // Microsoft.Extensions.Configuration); a key with an empty segment or more than 16 segments stays as written.
            var deep = string.Join(":", System.Linq.Enumerable.Range(0, 20));
            var text = "{ \"a:b\": 1, \"A\": { \"c\": 2 }, \"x:0\": { \"k\": 1 }, \"x\": [ { \"k\": 0 }, { \"k\": 5 } ], \"::\": 3, \"" + deep + "\": 4 }";
            Assert.True(ConfigJson.TryParse(text, out var root, out _, out var error), error);
            var a = root!.Get("a")!.Value;
            Assert.Equal("1", a.Get("b")!.Value.Text);
            Assert.Equal("2", a.Get("C")!.Value.Text);
            var x = root.Get("x")!.Value;
            Assert.Equal("0", x.Get("0")!.Value.Get("k")!.Value.Text);
            Assert.Equal("5", x.Get("1")!.Value.Get("k")!.Value.Text);
            Assert.Equal("3", root.Get("::")!.Value.Text);
            Assert.Equal("4", root.Get(deep)!.Value.Text);
            Assert.Equal(4, root.Properties.Count);
        }

        [Theory]
        [InlineData("{ \"a\": 1 \"b\": 2 }")]
        [InlineData("{ \"a\": tru }")]
        [InlineData("{ \"a\": 01x }")]
        [InlineData("{ \"a\": \"unterminated }")]
        [InlineData("{ /* unterminated comment }")]
        [InlineData("{ \"a\": 1 } trailing")]
        [InlineData("{ \"a\": \"\\q\" }")]
        public void JsonReader_RejectsWithoutThrowing(string text)
        {
            Assert.False(ConfigJson.TryParse(text, out _, out var position, out var error));
            Assert.NotNull(error);
            Assert.InRange(position, 0, text.Length);
        }

        [Theory]
        [InlineData("/0/appsettings.json", "{ \"Serilog\": { \"WriteTo\": { \"a\": { \"Name\": \"Async\", \"Args\": { \"configure\": [ { \"Name\": \"File\", \"Args\": { \"path\": \"a\\u0041.txt\", \"shared\": null, \"hooks\": {} } } ] } } } }, \"NLog\": { \"variables\": { \"v\": \"x\" }, \"targets\": { \"async\": true, \"f\": { \"type\": \"AsyncWrapper\", \"target\": { \"g\": { \"type\": \"File\", \"fileName\": \"${v}\" } } } } } /* end */ }")]
        [InlineData("/0/appsettings.json", "{ \"Serilog:WriteTo:0:Name\": \"File\", \"Serilog\": { \"WriteTo\": [ { \"Args\": { \"path\": \"a.txt\" } } ], \"WriteTo:1\": { \"Name\": \"File\", \"Args:path\": \"b.txt\" }, \"WriteTo::x\": 1 } }")]
        [InlineData("/0/nlog.config", "<?xml version=\"1.0\"?><nlog xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" internalLogLevel=\"Warn\"><variable name=\"d\" value=\"logs\"/><targets async=\"true\"><default-target-parameters xsi:type=\"File\" keepFileOpen=\"false\"/><target xsi:type=\"AsyncWrapper\" name=\"a\"><target xsi:type=\"File\" name=\"f\" fileName=\"${d}/a.log\" archiveAboveSize=\"10\"/></target></targets></nlog>")]
        [InlineData("/0/web.config", "<configuration><appSettings><add key=\"log4net.Internal.Debug\" value=\"true\"/></appSettings><log4net debug=\"true\"><appender name=\"R\" type=\"log4net.Appender.RollingFileAppender\"><param name=\"File\" value=\"a.log\"/><lockingModel type=\"log4net.Appender.FileAppender+MinimalLock\"/></appender></log4net><location path=\".\"><system.webServer><aspNetCore processesPerApplication=\"2\"/></system.webServer></location></configuration>")]
        public void EveryTruncationOfAFile_ReadsWithoutThrowing(string path, string content)
        {
            var kind = LoggingConfigReader.Classify(path);
            for (var length = 0; length <= content.Length; length++)
            {
                var text = SourceText.From(content.Substring(0, length));
                var model = LoggingConfigReader.Read(path, kind, text, CancellationToken.None);
                Assert.True(length == content.Length ? model.Error is null : true, model.Error);
                Assert.InRange(model.ErrorPosition, 0, length);
                Assert.DoesNotMatch("^[A-Za-z]+Exception: ", model.Error ?? string.Empty); // no reader bug hidden by the safety net
            }
        }

        [Fact]
        public void XmlReader_GivesExactSpans()
        {
            var text = SourceText.From("<nlog xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>\n  <targets>\n    <target xsi:type=\"File\" fileName='a.log'/>\n  </targets>\n</nlog>");
            Assert.True(ConfigXml.TryParse(text, out var root, out _, out var error), error);
            var target = root!.Element("targets")!.Element("target")!;
            Assert.Equal("target", text.ToString(target.NameSpan));
            Assert.Equal("xsi:type=\"File\"", text.ToString(target.Attribute("TYPE")!.Span));
            Assert.Equal("fileName='a.log'", text.ToString(target.Attribute("filename")!.Span));
        }

        [Fact]
        public void NLog6ConcurrentWrites_MessageSaysItIsIgnored()
        {
            var text = SourceText.From("<nlog><targets><target type=\"File\" name=\"f\" fileName=\"a.log\" concurrentWrites=\"true\"/></targets><rules><logger name=\"*\" writeTo=\"f\"/></rules></nlog>");
            var model = LoggingConfigReader.Read("/0/nlog.config", ConfigFileKind.NLogConfig, text, CancellationToken.None);
            var findings = new System.Collections.Generic.List<ConfigFinding>();
            var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
                System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty,
                new Verifiers.TestAnalyzerConfigOptionsProvider(
                    new System.Collections.Generic.Dictionary<string, string> { ["build_property.UsingMicrosoftNETSdkWeb"] = "true" },
                    new System.Collections.Generic.Dictionary<string, string>()));
            var host = HostModel.Resolve(options, null);
            ConfigSinkRules.Evaluate(model.Sections[0].Sinks[0], host, NLogGeneration.V6, findings);
            var finding = Assert.Single(findings);
            Assert.Equal("PM1001", finding.Descriptor.Id);
            Assert.Contains("ignores the concurrentWrites attribute", (string)finding.Arguments[1], System.StringComparison.Ordinal);
            Assert.Equal("concurrentWrites=\"true\"", text.ToString(finding.Span));
        }

        [Fact]
        public void ProcessIdInRollingFileName_IsInfo()
        {
            var text = SourceText.From("<log4net><appender name='R' type='log4net.Appender.RollingFileAppender'><file type='log4net.Util.PatternString' value='logs/app-[%processid].log'/><rollingStyle value='Size'/><maxSizeRollBackups value='10'/></appender><root><appender-ref ref='R'/></root></log4net>");
            var model = LoggingConfigReader.Read("/0/log4net.config", ConfigFileKind.Log4NetConfig, text, CancellationToken.None);
            var findings = new System.Collections.Generic.List<ConfigFinding>();
            var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
                System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty,
                new Verifiers.TestAnalyzerConfigOptionsProvider(new System.Collections.Generic.Dictionary<string, string>(), new System.Collections.Generic.Dictionary<string, string>()));
            ConfigSinkRules.Evaluate(model.Sections[0].Sinks[0], HostModel.Resolve(options, null), NLogGeneration.Unknown, findings);
            var finding = Assert.Single(findings);
            Assert.Equal("PM2003", finding.Descriptor.Id);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, finding.Severity);
        }

        [Theory]
        [InlineData("appsettings.json", "AppSettings")]
        [InlineData("AppSettings.Staging.JSON", "AppSettings")]
        [InlineData("NLog.config", "NLogConfig")]
        [InlineData("nlog.Release.config", "NLogConfig")]
        [InlineData("log4net.config", "Log4NetConfig")]
        [InlineData("Web.config", "WebConfig")]
        [InlineData("App.Config", "AppConfig")]
        [InlineData("serilog.json", "AppSettings")]
        [InlineData("Serilog.Development.json", "AppSettings")]
        [InlineData("appsettings.json.bak", "Other")]
        [InlineData("serilog.json.bak", "Other")]
        [InlineData("myappsettings.json", "Other")]
        public void Classify_ByNameInAnyCasing(string name, string kind)
            => Assert.Equal(kind, LoggingConfigReader.Classify("C:\\src\\app\\" + name).ToString());
    }
}
