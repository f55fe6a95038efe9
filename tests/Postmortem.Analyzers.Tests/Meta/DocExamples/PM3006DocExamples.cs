using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3006.md: where its examples run.</summary>
    public sealed class PM3006DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3006";

        public override IEnumerable<DocContext> Contexts => new[]
        {
            // The ❌ and ✅ log flushers are whole files.
            Example(0, "public sealed class LogFlusher").Code(DocContext.Placeholder),
            Example(1, "public sealed class LogFlusher").Code(DocContext.Placeholder),

            // The suppression, in a progress reporter: the subscription it covers is not reported.
            Example(2, "#pragma warning disable PM3006").Code("""
                using System.IO;
                using System.Timers;

                public sealed class Progress
                {
                    private readonly Timer _timer = new Timer(1000);
                    private readonly string progressPath = "progress.txt";
                    private int percent;

                    public void Start()
                    {
                        /*EXAMPLE*/
                        _timer.Start();
                    }
                }
                """).Expect(Claim.NotReported),
        };
    }
}
