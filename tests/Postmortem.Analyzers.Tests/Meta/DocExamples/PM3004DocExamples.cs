using System.Collections.Generic;
using Postmortem.Analyzers.Tests.Rules;
using static Postmortem.Analyzers.Tests.Meta.DocExamples.DocExampleSources;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3004.md: where its examples run.</summary>
    public sealed class PM3004DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3004";

        /// <summary>An nlog.config with a file target, its root element the given one.</summary>
        private static string NLogConfig(string root = DocContext.XmlPlaceholder) => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            {{root}}
              <targets>
                <target xsi:type="File" name="file" fileName="logs/app.log" />
              </targets>
              <rules>
                <logger name="*" minlevel="Info" writeTo="file" />
              </rules>
            </nlog>
            """;

        /// <summary>A log4net.config with a file appender, its root element the given one.</summary>
        private static string Log4NetConfig(string root = DocContext.XmlPlaceholder) => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            {{root}}
              <appender name="file" type="log4net.Appender.FileAppender">
                <file value="logs/app.log" />
                <layout type="log4net.Layout.PatternLayout" />
              </appender>
              <root>
                <level value="INFO" />
                <appender-ref ref="file" />
              </root>
            </log4net>
            """;

        /// <summary>The given statements in a start-up that sets up Microsoft.Extensions.Logging with ZLogger.</summary>
        private static string ZLoggerStartup(string statements = DocContext.Placeholder) => $$"""
            using System;
            using Microsoft.Extensions.Logging;
            using ZLogger;

            public static class Startup
            {
                public static void ConfigureLogging()
                {
                    {{statements}}
                }
            }
            """;

        /// <summary>An appsettings.json with a Serilog file sink.</summary>
        private const string SerilogAppSettings = """
            {
              "Serilog": {
                "WriteTo": [
                  { "Name": "File", "Args": { "path": "logs/app.log" } }
                ]
              }
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "Log.Logger = new LoggerConfiguration()").Code(Startup()).FixedBy("PM3004.EnableInternalLogging", shows: 1),
            Example(1, "Serilog.Debugging.SelfLog.Enable(Console.Error);").Code(Startup()),
            Example(2, "var target = new FileTarget(\"file\")").Code(Startup()).FixedBy("PM3004.EnableInternalLogging", shows: 3),
            Example(3, "NLog.Common.InternalLogger.LogToConsoleError = true;").Code(Startup()),

            // log4net's switch, with an appender configured in code.
            Example(4, "log4net.Util.LogLog.InternalDebugging = true;").Code(Startup("""
                /*EXAMPLE*/
                        var appender = new log4net.Appender.FileAppender { File = "logs/app.log" };
                """)).Code(Log4NetStubs.Source, "Log4Net.cs"),

            // ZLogger: the handler in the registration's options.
            Example(5, "using var factory = LoggerFactory.Create(").Code(ZLoggerStartup()).FixedBy("PM3004.EnableInternalLogging", shows: 6),
            Example(6, "using var factory = LoggerFactory.Create(").Code(ZLoggerStartup()),

            // A handler a Release build empties, replaced by the fix (real-world round 12).
            Example(7, "Log.Logger = new LoggerConfiguration().WriteTo.File(").Code(Startup())
                .FixedBy("PM3004.EnableInternalLogging", shows: 8),
            Example(8, "Log.Logger = new LoggerConfiguration().WriteTo.File(").Code(Startup()),

            // The switch in code, the Serilog sink in appsettings.json.
            Example(9, "Serilog.Debugging.SelfLog.Enable(Console.Error);").Code(Startup())
                .Additional("appsettings.json", SerilogAppSettings),
            Example(10, "<nlog xmlns:xsi=").Code(Startup("")).Additional("nlog.config", NLogConfig()),
            Example(11, "<nlog xmlns:xsi=").Code(Startup("")).Additional("nlog.config", NLogConfig()),
            Example(12, "<log4net>").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetConfig()),
            Example(13, "<log4net debug=\"true\">").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetConfig()),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(14, "#pragma warning disable PM3004").Code(Startup("""
                /*EXAMPLE*/
                        Log.Logger = new LoggerConfiguration()
                            .WriteTo.File("logs/app.log", rollOnFileSizeLimit: true)
                            .CreateLogger();
                """)).Expect(Claim.NotReported),
        };
    }
}
