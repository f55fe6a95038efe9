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
    }
}
