using System.Collections.Generic;

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
            Example(2, "{ \"Name\": \"File\"").Code("public static class Empty { }").Additional("appsettings.json", AppSettings),
            Example(3, "{ \"Name\": \"File\"").Code("public static class Empty { }").Additional("appsettings.json", AppSettings),
        };
    }
}
