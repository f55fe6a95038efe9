using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Tests.Robustness;
using Postmortem.Analyzers.Tests.Rules;
using static Postmortem.Analyzers.Tests.Meta.DocExamples.DocExampleSources;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM1001.md: where its examples run (a web project: several worker processes).</summary>
    public sealed class PM1001DocExamples : DocExampleContexts
    {
        public override string Rule => "PM1001";

        /// <summary>An nlog.config whose targets are the given elements.</summary>
        private static string NLogConfig(string targets = DocContext.XmlPlaceholder) => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              {{targets}}
              <rules>
                <logger name="*" minlevel="Info" writeTo="f" />
              </rules>
            </nlog>
            """;


        /// <summary>The tests' references with NLog 6 instead of NLog 5 (PM3005's page uses them too).</summary>
        internal static IEnumerable<MetadataReference> WithNLog6()
            => Corpus.References.Where(r => !string.Equals(Path.GetFileName((r as PortableExecutableReference)?.FilePath), "NLog.dll", StringComparison.OrdinalIgnoreCase))
                .Concat(Verifiers.References.NLog6);

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "Log.Logger = new LoggerConfiguration()").Code(Startup()).FixedBy("PM1001.SerilogShared", shows: 1),
            Example(1, ".WriteTo.File(\"logs/recommendations.log\"").Code(Startup("""
                Log.Logger = new LoggerConfiguration()
                        /*EXAMPLE*/
                            .CreateLogger();
                """)),
            Example(2, "var instance = Environment.GetEnvironmentVariable(\"WEBSITE_INSTANCE_ID\")").Code(Startup()),
            Example(3, "var file = new FileTarget(\"file\")").Code(Startup()).FixedBy("PM1001.NLogConcurrentWrites", shows: 4),
            Example(4, "var file = new FileTarget(\"file\")").Code(Startup()),
            Example(5, "var appender = new FileAppender").Code(Log4NetStartup()).Code(Log4NetStubs.Source, "Log4Net.cs").FixedBy("PM1001.Log4NetInterProcessLock", shows: 6),
            Example(6, "var appender = new FileAppender").Code(Log4NetStartup()).Code(Log4NetStubs.Source, "Log4Net.cs"),
            Example(7, "\"Serilog\": {").Code(Startup("")).Additional("appsettings.json", """
                {
                  /*EXAMPLE*/
                }
                """),
            Example(8, "{ \"Name\": \"File\"").Code(Startup("")).Additional("appsettings.json", """
                {
                  "Serilog": {
                    "WriteTo": [
                      /*EXAMPLE*/
                    ]
                  }
                }
                """),
            Example(9, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogConfig("""
                <targets>
                    <!--EXAMPLE-->
                  </targets>
                """)),
            Example(10, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogConfig("""
                <targets>
                    <!--EXAMPLE-->
                  </targets>
                """)),
            Example(11, "<targets async=\"true\">").Code(Startup("")).Additional("nlog.config", NLogConfig()).With(WithNLog6()),
            Example(12, "<appender name=\"R\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig),
            // PM2003, as the page says: the files of each process id stay (Info); no dated log4net file is deleted.
            Example(13, "<appender name=\"R\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig).AlsoReported("PM2003"),
            Example(14, "<appender name=\"R\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig).AlsoReported("PM2003"),
            Example(15, "<appender name=\"F\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig),
        };
    }
}
