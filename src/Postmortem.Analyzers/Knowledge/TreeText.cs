using System;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Searches of a file's text, for facts that can only hold when a name is written in the file: a path under the temp
    /// folder needs <c>GetTempPath</c> or <c>GetEnvironmentVariable</c> somewhere in the file it is built in. One pass
    /// over the characters (vectorized by the runtime) answers for every call site of the file, where following each
    /// path's locals and fields would bind and walk them call by call.
    /// </summary>
    internal static class TreeText
    {
        private const int ChunkLength = 8192;

        /// <summary>Does the text contain any of the words (ordinal, case-sensitive)?</summary>
        public static bool ContainsAny(SourceText text, string[] words, CancellationToken cancellationToken)
        {
            var longest = 0;
            foreach (var word in words)
            {
                longest = Math.Max(longest, word.Length);
            }

            if (longest == 0 || text.Length == 0)
            {
                return false;
            }

            // The text is copied in chunks (a SourceText need not be one string); consecutive chunks overlap by one
            // character less than the longest word, so a word across a chunk boundary is whole in one of them.
            var buffer = new char[Math.Min(text.Length, Math.Max(ChunkLength, 2 * longest))];
            var start = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(buffer.Length, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                foreach (var word in words)
                {
                    if (word.Length > 0 && chunk.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                if (start + count >= text.Length)
                {
                    return false;
                }

                start += count - (longest - 1);
            }
        }
    }
}
