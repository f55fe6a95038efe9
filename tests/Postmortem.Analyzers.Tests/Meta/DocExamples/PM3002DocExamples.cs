using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3002.md: where its examples run.</summary>
    public sealed class PM3002DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3002";

        /// <summary>An auditor writing to a file, with the given members.</summary>
        private static string Auditor(string members = DocContext.Placeholder) => $$"""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public class Auditor
            {
                private readonly string _auditPath = "audit.log";

                {{members}}
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "public void Audit(string line)").Code(Auditor()).FixedBy("PM3002.CallSynchronousCounterpart", shows: 1),
            Example(1, "public void Audit(string line)").Code(Auditor()),
            Example(2, "public async Task AuditAsync(string line)").Code(Auditor()),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(3, "#pragma warning disable PM3002").Code(Auditor("""
                /*EXAMPLE*/
                    public void Audit(string line)
                    {
                        _ = File.AppendAllTextAsync(_auditPath, line + Environment.NewLine);
                    }
                """)).Expect(Claim.NotReported),
        };
    }
}
