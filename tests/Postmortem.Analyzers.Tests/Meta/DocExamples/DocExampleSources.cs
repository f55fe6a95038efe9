namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>
    /// Templates several rule pages' examples run in (a class named *Sources, so the robustness corpus evaluates calls of
    /// its helpers from other test files: call them unqualified, through <c>using static</c>).
    /// </summary>
    public static class DocExampleSources
    {
        /// <summary>The given statements in an application's start-up, with Serilog and NLog in scope.</summary>
        public static string Startup(string statements = DocContext.Placeholder) => $$"""
            using System;
            using NLog.Targets;
            using Serilog;

            public static class Startup
            {
                public static void ConfigureLogging()
                {
                    {{statements}}
                }
            }
            """;

        /// <summary>The given statements in a start-up that configures log4net in code (add Log4NetStubs.Source).</summary>
        public static string Log4NetStartup(string statements = DocContext.Placeholder) => $$"""
            using log4net.Appender;

            public static class Startup
            {
                public static void ConfigureLogging()
                {
                    {{statements}}
                }
            }
            """;

        /// <summary>An nlog.config whose targets are the example's (the target named "f" written by the only rule).</summary>
        public const string NLogTargetsConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <!--EXAMPLE-->
              </targets>
              <rules>
                <logger name="*" minlevel="Info" writeTo="f" />
              </rules>
            </nlog>
            """;

        /// <summary>A log4net.config whose appenders are the example's (the root writes to appenders "R" and "F").</summary>
        public const string Log4NetAppenderConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <log4net>
              <!--EXAMPLE-->
              <root>
                <level value="INFO" />
                <appender-ref ref="R" />
                <appender-ref ref="F" />
              </root>
            </log4net>
            """;
    }
}
