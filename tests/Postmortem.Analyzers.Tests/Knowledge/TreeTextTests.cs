using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    public class TreeTextTests
    {
        private static readonly string[] Words = { "GetTempPath", "GetEnvironmentVariable" };

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(8180)]
        [InlineData(8185)]
        [InlineData(8186)]
        [InlineData(8191)]
        [InlineData(8192)]
        [InlineData(16375)]
        [InlineData(20000)]
        public void WordAtAnyOffset_IsFound(int offset)
        {
            // Offsets around the 8,192-character chunks the text is read in: the word starts in one chunk and ends in the next.
            var text = new string('x', offset) + "Path.GetTempPath()" + new string('y', 9000);
            Assert.True(TreeText.ContainsAny(SourceText.From(text), Words, CancellationToken.None));
        }

        [Theory]
        [InlineData("")]
        [InlineData("GetTemp")]
        [InlineData("var p = Path.GetTempFileName(); // GetTempPat h")]
        [InlineData("Environment.GetEnvironmentVariables()")]
        public void PartOfWordOrOtherName_IsNotFound(string text)
        {
            // GetEnvironmentVariables contains GetEnvironmentVariable: a false positive is allowed (the search only narrows
            // the files that are looked at), so only texts without either word are expected false here.
            var found = TreeText.ContainsAny(SourceText.From(text), Words, CancellationToken.None);
            Assert.Equal(text.Contains("GetEnvironmentVariable", System.StringComparison.Ordinal), found);
        }

        [Fact]
        public void LongTextWithoutWord_IsNotFound()
        {
            var text = string.Concat(Enumerable.Repeat("File.WriteAllText(Path.Combine(root, name), content);\n", 2000));
            Assert.False(TreeText.ContainsAny(SourceText.From(text), Words, CancellationToken.None));
        }
    }
}
