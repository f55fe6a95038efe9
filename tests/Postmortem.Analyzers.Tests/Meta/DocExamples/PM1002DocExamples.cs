using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM1002.md: where its examples run (a web project: several worker processes).</summary>
    public sealed class PM1002DocExamples : DocExampleContexts
    {
        public override string Rule => "PM1002";

        /// <summary>A journal file written by every worker process, with the given members.</summary>
        private static string Journal(string members = DocContext.Placeholder) => $$"""
            using System;
            using System.IO;
            using System.Threading;

            public class Journal
            {
                private const long MaxBytes = 10_000_000;
                private readonly string _path = Path.Combine(AppContext.BaseDirectory, "journal.log");

                {{members}}
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            // The incident's shape, marked "PM1002" in a comment.
            Example(0, "if (new FileInfo(_path).Length > MaxBytes)").Code(Journal("""
                public void Append(string line)
                    {
                        /*EXAMPLE*/
                    }
                """)).Expect(Claim.Reported),
            Example(1, "public void Append(string line)").Code(Journal()),
            Example(2, "public void Append(string line) => Console.Out.WriteLine(line);").Code(Journal()),

            // Each process its own file, still rotated as in the ❌ example.
            Example(3, "_path = Path.Combine(dir, $\"journal-{Environment.ProcessId}.log\");").Code("""
                using System;
                using System.IO;

                public class Journal
                {
                    private const long MaxBytes = 10_000_000;
                    private readonly string _path;

                    public Journal(string dir)
                    {
                        /*EXAMPLE*/
                    }

                    public void Append(string line)
                    {
                        if (File.Exists(_path) && new FileInfo(_path).Length > MaxBytes)
                        {
                            File.Move(_path, _path + ".1", overwrite: true);
                        }

                        File.AppendAllText(_path, line + Environment.NewLine);
                    }
                }
                """),

            // The named mutex around the size check, the rename and every append, the file opened per write.
            Example(4, "private static readonly Mutex Gate").Code(Journal("""
                /*EXAMPLE*/

                    public void Append(string line)
                    {
                        Gate.WaitOne();
                        try
                        {
                            if (File.Exists(_path) && new FileInfo(_path).Length > MaxBytes)
                            {
                                File.Move(_path, _path + ".1", overwrite: true);
                            }

                            File.AppendAllText(_path, line + Environment.NewLine);
                        }
                        finally
                        {
                            Gate.ReleaseMutex();
                        }
                    }
                """)),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(5, "#pragma warning disable PM1002").Code(Journal("""
                /*EXAMPLE*/
                    public void Append(string line)
                    {
                        if (File.Exists(_path) && new FileInfo(_path).Length > MaxBytes)
                        {
                            File.Move(_path, _path + ".1", overwrite: true);
                        }

                        File.AppendAllText(_path, line + Environment.NewLine);
                    }
                """)).Expect(Claim.NotReported),
        };
    }
}
