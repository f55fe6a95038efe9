using System.Collections.Generic;
using Postmortem.Analyzers.Tests.Rules;
using static Postmortem.Analyzers.Tests.Meta.DocExamples.DocExampleSources;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM2003.md: where its examples run.</summary>
    public sealed class PM2003DocExamples : DocExampleContexts
    {
        public override string Rule => "PM2003";

        /// <summary>A Serilog logger whose sink is the example's call.</summary>
        private const string SerilogChain = """
            Log.Logger = new LoggerConfiguration()
                        /*EXAMPLE*/
                            .CreateLogger();
            """;

        /// <summary>A log4net.config whose rolling appender's settings are the given elements.</summary>
        private static string Log4NetConfig(string settings = DocContext.XmlPlaceholder) => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <log4net>
              <appender name="R" type="log4net.Appender.RollingFileAppender">
                <file value="logs/app.log" />
                {{settings}}
              </appender>
              <root>
                <level value="INFO" />
                <appender-ref ref="R" />
              </root>
            </log4net>
            """;

        /// <summary>Microsoft.Extensions.Logging set up with ZLogger, the example's call on the builder.</summary>
        private const string ZLoggerStartup = """
            using System;
            using Microsoft.Extensions.Logging;
            using ZLogger;
            using ZLogger.Providers;

            public static class Startup
            {
                public static ILoggerFactory ConfigureLogging()
                    => LoggerFactory.Create(logging =>
                    {
                        /*EXAMPLE*/
                    });
            }
            """;


        private const string AppSettings = """
            {
              "Serilog": {
                "WriteTo": [
                  /*EXAMPLE*/
                ]
              }
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, ".WriteTo.File(\"logs/app-.log\"").Code(Startup(SerilogChain)).FixedBy("PM2003.RetainedFileCountLimit", shows: 1),
            Example(1, ".WriteTo.File(\"logs/app-.log\"").Code(Startup(SerilogChain)),
            Example(2, "new FileTarget(\"file\")").Code(Startup("var file = /*EXAMPLE*/;")).FixedBy("PM2003.MaxArchiveFiles", shows: 3),
            Example(3, "new FileTarget(\"file\")").Code(Startup("var file = /*EXAMPLE*/;")),
            Example(4, "new RollingFileAppender").Code(Log4NetStartup("var appender = /*EXAMPLE*/;")).Code(Log4NetStubs.Source, "Log4Net.cs"),
            Example(5, "new RollingFileAppender").Code(Log4NetStartup("var appender = /*EXAMPLE*/;")).Code(Log4NetStubs.Source, "Log4Net.cs"),
            // ZLogger's rolling file, which has no retention setting.
            Example(6, "logging.AddZLoggerRollingFile(").Code(ZLoggerStartup),
            Example(7, "{ \"Name\": \"File\"").Code(Startup("")).Additional("appsettings.json", AppSettings),
            Example(8, "{ \"Name\": \"File\"").Code(Startup("")).Additional("appsettings.json", AppSettings),
            Example(9, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogTargetsConfig),
            Example(10, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogTargetsConfig),

            // The backups of an appender rolling by size.
            Example(11, "<maxSizeRollBackups value=\"-1\" />").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs")
                .Additional("log4net.config", Log4NetConfig("""
                    <rollingStyle value="Size" />
                        <!--EXAMPLE-->
                    """)),
            Example(12, "<maxSizeRollBackups value=\"10\" />").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs")
                .Additional("log4net.config", Log4NetConfig("""
                    <rollingStyle value="Size" />
                        <!--EXAMPLE-->
                    """)),
            Example(13, "<rollingStyle value=\"Date\" />").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetConfig()),
            Example(14, "<rollingStyle value=\"Size\" />").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetConfig()),
        };
    }
}
