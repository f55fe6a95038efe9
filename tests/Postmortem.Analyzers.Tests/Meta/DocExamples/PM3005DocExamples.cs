using System.Collections.Generic;
using Postmortem.Analyzers.Tests.Rules;
using static Postmortem.Analyzers.Tests.Meta.DocExamples.DocExampleSources;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3005.md: where its examples run.</summary>
    public sealed class PM3005DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3005";

        /// <summary>A Serilog logger whose sinks are the example's calls.</summary>
        private const string Logger = """
            using Serilog;

            public static class Logging
            {
                public static void Configure()
                {
                    Log.Logger = new LoggerConfiguration()
                        /*EXAMPLE*/
                        .CreateLogger();
                }
            }
            """;

        /// <summary>An appsettings.json whose Serilog sinks are the example's.</summary>
        private const string AppSettings = """
            {
              "Serilog": {
                "Using": [ "Serilog.Sinks.File" ],
                "WriteTo": [
                  /*EXAMPLE*/
                ]
              }
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, ".WriteTo.File(\"logs/app.log\")").Code(Logger).FixedBy("PM3005.RollOnFileSizeLimit", shows: 1),
            Example(1, ".WriteTo.File(\"logs/app.log\", fileSizeLimitBytes: 10_485_760, rollOnFileSizeLimit: true)").Code(Logger),
            Example(2, "new RollingFileAppender").Code(Log4NetStartup("var appender = /*EXAMPLE*/;")).Code(Log4NetStubs.Source, "Log4Net.cs")
                .FixedBy("PM3005.MaxSizeRollBackups", shows: 3),
            Example(3, "new RollingFileAppender").Code(Log4NetStartup("var appender = /*EXAMPLE*/;")).Code(Log4NetStubs.Source, "Log4Net.cs"),
            Example(4, "new FileTarget(\"file\")").Code(Startup("var file = /*EXAMPLE*/;")).With(PM1001DocExamples.WithNLog6())
                .FixedBy("PM3005.MaxArchiveFiles", shows: 5),
            Example(5, "new FileTarget(\"file\")").Code(Startup("var file = /*EXAMPLE*/;")).With(PM1001DocExamples.WithNLog6()),
            Example(6, "{ \"Name\": \"File\"").Code("public static class Empty { }").Additional("appsettings.json", AppSettings),
            Example(7, "{ \"Name\": \"File\"").Code("public static class Empty { }").Additional("appsettings.json", AppSettings),
            Example(8, "<appender name=\"R\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig),
            Example(9, "<appender name=\"R\"").Code(Startup("")).Code(Log4NetStubs.Source, "Log4Net.cs").Additional("log4net.config", Log4NetAppenderConfig),
            Example(10, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogTargetsConfig).With(PM1001DocExamples.WithNLog6()),
            Example(11, "<target xsi:type=\"File\"").Code(Startup("")).Additional("nlog.config", NLogTargetsConfig).With(PM1001DocExamples.WithNLog6()),
        };
    }
}
