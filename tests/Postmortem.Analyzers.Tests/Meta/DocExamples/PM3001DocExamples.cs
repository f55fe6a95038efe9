using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3001.md: where its examples run.</summary>
    public sealed class PM3001DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3001";

        /// <summary>An audit trail with a logger, and the given members.</summary>
        private static string AuditLog(string members = DocContext.Placeholder) => $$"""
            using System.IO;
            using Microsoft.Extensions.Logging;

            public class AuditTrail
            {
                private readonly ILogger<AuditTrail> _logger;

                public AuditTrail(ILogger<AuditTrail> logger) => _logger = logger;

                {{members}}
            }
            """;

        /// <summary>The given statements in a method appending a line to the audit file.</summary>
        private static string Append(string statements = DocContext.Placeholder) => AuditLog($$"""
            public void Append(string auditPath, string line)
                {
                    {{statements}}
                }
            """);

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "try").Code(Append()).FixedBy("PM3001.Rethrow", shows: 1).FixedBy("PM3001.LogError", shows: 2),
            Example(1, "try").Code(Append()),
            Example(2, "catch (IOException ex)").Code(Append("""
                try
                        {
                            File.AppendAllText(auditPath, line);
                        }
                        /*EXAMPLE*/
                """)),
            Example(3, "bool TrySave(string path, string text)").Code(AuditLog()),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(4, "#pragma warning disable PM3001").Code(Append("""
                /*EXAMPLE*/
                        try
                        {
                            File.AppendAllText(auditPath, line);
                        }
                        catch (IOException)
                        {
                        }
                """)).Expect(Claim.NotReported),
        };
    }
}
