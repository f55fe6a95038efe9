using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM0001.md: its examples are whole configuration files.</summary>
    public sealed class PM0001DocExamples : DocExampleContexts
    {
        public override string Rule => "PM0001";

        private const string Program = "public static class Empty { }";

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "{").Code(Program).Additional("appsettings.json", DocContext.Placeholder),
            Example(1, "{").Code(Program).Additional("appsettings.json", DocContext.Placeholder),
            Example(2, "<nlog>").Code(Program).Additional("nlog.config", DocContext.XmlPlaceholder),
            Example(3, "<nlog xmlns:xsi=").Code(Program).Additional("nlog.config", DocContext.XmlPlaceholder),
        };
    }
}
