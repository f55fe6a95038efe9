using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM2001.md: where its examples run.</summary>
    public sealed class PM2001DocExamples : DocExampleContexts
    {
        public override string Rule => "PM2001";

        /// <summary>A renderer with the given members.</summary>
        private static string Renderer(string members = DocContext.Placeholder) => $$"""
            using System.IO;

            public class Renderer
            {
                {{members}}
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "public byte[] Render(string title)").Code(Renderer()).FixedBy("PM2001.DeleteInFinally", shows: 1),
            Example(1, "public byte[] Render(string title)").Code(Renderer()),

            // "… is deleted where it is used, the same way": the helper's file, deleted in finally, is not reported.
            Example(2, "string CreateScratch() => Path.GetTempFileName();").Code(Renderer()).Expect(Claim.NotReported),
            Example(3, "var scratch = Path.GetTempFileName();").Code(Renderer("""
                public void Buffer(Stream upload)
                    {
                        /*EXAMPLE*/
                    }
                """)),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(4, "#pragma warning disable PM2001").Code(Renderer("""
                /*EXAMPLE*/
                    public byte[] Render(string title)
                    {
                        var scratch = Path.GetTempFileName();
                        File.WriteAllText(scratch, "<h1>" + title + "</h1>");
                        return File.ReadAllBytes(scratch);
                    }
                """)).Expect(Claim.NotReported),
        };
    }
}
