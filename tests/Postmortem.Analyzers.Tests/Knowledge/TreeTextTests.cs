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
        [InlineData(0, false)]
        [InlineData(0, true)]
        [InlineData(1, false)]
        [InlineData(1, true)]
        [InlineData(8180, false)]
        [InlineData(8180, true)]
        [InlineData(8185, false)]
        [InlineData(8185, true)]
        [InlineData(8186, false)]
        [InlineData(8186, true)]
        [InlineData(8191, false)]
        [InlineData(8191, true)]
        [InlineData(8192, false)]
        [InlineData(8192, true)]
        [InlineData(16375, false)]
        [InlineData(16375, true)]
        [InlineData(20000, false)]
        [InlineData(20000, true)]
        public void WordAtAnyOffset_IsFound(int offset, bool longText)
        {
            // Offsets around the 8,192-character chunks the text is searched in: the word starts in one chunk and ends in
            // the next. A short text is searched in its own string, a long one (over 32K characters) copied in chunks.
            var text = new string('x', offset) + "Path.GetTempPath()" + new string('y', longText ? 40000 : 9000);
            Assert.True(TreeText.ContainsAny(SourceText.From(text), Words, CancellationToken.None));
        }

        [Theory]
        [InlineData(100)]
        [InlineData(8190)]
        [InlineData(50000)]
        public void WordInEditedText_IsFound(int offset)
        {
            // A text that is not one string (as the IDE's texts after an edit): the word is made whole by the edit.
            var original = SourceText.From(new string('x', offset) + "Path.GetTemp_ath()" + new string('y', 9000));
            var edited = original.WithChanges(new TextChange(new TextSpan(offset + "Path.GetTemp".Length, 1), "P"));
            Assert.True(TreeText.ContainsAny(edited, Words, CancellationToken.None));
            Assert.False(TreeText.ContainsAny(original, Words, CancellationToken.None));
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

        [Theory]
        [InlineData("File.\\u004Dove(a, b);")]
        [InlineData("File.\\U0000004Dove(a, b);")]
        [InlineData("File.Mo\u200Bve(a, b);")]
        [InlineData("File.Mo\u00ADve(a, b);")]
        [InlineData("var s = \"\U0001F600\";")]
        public void NameThatMayBeSpelledOtherwise_CountsAsFound(string text)
        {
            // An escape or a formatting character inside an identifier: the compiler binds File.Move, the text has no "Move".
            Assert.False(TreeText.ContainsAny(SourceText.From(text), new[] { "Move" }, CancellationToken.None));
            Assert.True(TreeText.ContainsAnyOrHiddenName(SourceText.From(text), new[] { "Move" }, CancellationToken.None));
        }

        [Theory]
        [InlineData("var café = \"naïve\"; // é, ß, —")]
        [InlineData("var path = \"C:\\\\temp\\\\new\\n\";")]
        [InlineData("")]
        public void OtherTextWithoutTheName_IsNotFound(string text)
            => Assert.False(TreeText.ContainsAnyOrHiddenName(SourceText.From(text), new[] { "Move" }, CancellationToken.None));

        [Theory]
        [InlineData(8190, false)]
        [InlineData(8191, false)]
        [InlineData(8191, true)]
        [InlineData(8192, true)]
        [InlineData(16375, true)]
        public void EscapeAcrossChunks_CountsAsFound(int offset, bool longText)
        {
            var text = new string('x', offset) + "\\u004D" + new string('y', longText ? 40000 : 9000);
            Assert.True(TreeText.ContainsAnyOrHiddenName(SourceText.From(text), new[] { "Move" }, CancellationToken.None));
            Assert.False(TreeText.ContainsAnyOrHiddenName(SourceText.From(text.Replace('\\', '/')), new[] { "Move" }, CancellationToken.None));
        }
    }
}
