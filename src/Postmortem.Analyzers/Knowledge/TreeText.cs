using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

        /// <summary>
        /// Texts up to this length are searched in the string <see cref="SourceText.ToString()"/> returns: the text of a
        /// file the compiler reads or parses from a string is that string itself (nothing copied); any other text is
        /// copied once, and no larger than the chunks below would have been in all.
        /// </summary>
        private const int WholeTextLength = 32 * 1024;

        /// <summary>Does the text contain any of the words (ordinal, case-sensitive)?</summary>
        public static bool ContainsAny(SourceText text, string[] words, CancellationToken cancellationToken)
            => ContainsAny(text, words, orHiddenNames: false, cancellationToken);

        /// <summary>
        /// Does the text contain any of the words, or could it spell one of them in a way the words do not match? C# lets
        /// an identifier be written with <c>\uXXXX</c>/<c>\UXXXXXXXX</c> escapes and with formatting characters (Unicode
        /// category Cf, such as a zero-width space) that the compiler drops when it compares names: <c>File.\u004Dove(…)</c>
        /// calls <c>File.Move</c>. A text with a backslash before u or U, a formatting character or a surrogate is therefore
        /// answered yes, so that a filter on names never hides a call.
        /// </summary>
        public static bool ContainsAnyOrHiddenName(SourceText text, string[] words, CancellationToken cancellationToken)
            => ContainsAny(text, words, orHiddenNames: true, cancellationToken);

        private static bool ContainsAny(SourceText text, string[] words, bool orHiddenNames, CancellationToken cancellationToken)
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

            // The text is searched a chunk at a time: each chunk is read from memory once and searched for every word
            // while it is in the cache. A short text is sliced from its own string; a longer one need not be one string
            // and is copied chunk by chunk. Consecutive chunks overlap by one character less than the longest word, so a
            // word across a chunk boundary is whole in one of them.
            var chunkLength = Math.Max(ChunkLength, 2 * longest);
            var whole = text.Length <= WholeTextLength ? text.ToString() : null;
            var buffer = whole is null ? new char[chunkLength] : null;
            var start = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(chunkLength, text.Length - start);
                ReadOnlySpan<char> chunk;
                if (whole is not null)
                {
                    chunk = whole.AsSpan(start, count);
                }
                else
                {
                    text.CopyTo(start, buffer!, 0, count);
                    chunk = new ReadOnlySpan<char>(buffer, 0, count);
                }

                if (ChunkContainsAny(chunk, words) || (orHiddenNames && ChunkMayHideName(chunk)))
                {
                    return true;
                }

                if (start + count >= text.Length)
                {
                    return false;
                }

                start += count - (longest - 1);
            }
        }

        /// <summary>An escape (a backslash before u or U; the chunks overlap, so it is whole in one), or a character
        /// outside ASCII that is a formatting character or half of a surrogate pair.</summary>
        private static bool ChunkMayHideName(ReadOnlySpan<char> chunk)
        {
            for (var rest = chunk; ;)
            {
                var slash = rest.IndexOf('\\');
                if (slash < 0 || slash + 1 >= rest.Length)
                {
                    break;
                }

                if (rest[slash + 1] is 'u' or 'U')
                {
                    return true;
                }

                rest = rest.Slice(slash + 1);
            }

            if (!HasNonAscii(chunk))
            {
                return false;
            }

            foreach (var c in chunk)
            {
                if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Is any character above 0x7F? Vectorized: most source files are ASCII and are answered in one pass.</summary>
        private static bool HasNonAscii(ReadOnlySpan<char> chunk)
        {
            var units = MemoryMarshal.Cast<char, ushort>(chunk);
            var vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(units);
            var mask = new Vector<ushort>(0xFF80);
            foreach (var vector in vectors)
            {
                if (!Vector.EqualsAll(vector & mask, Vector<ushort>.Zero))
                {
                    return true;
                }
            }

            for (var i = vectors.Length * Vector<ushort>.Count; i < units.Length; i++)
            {
                if (units[i] > 0x7F)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ChunkContainsAny(ReadOnlySpan<char> chunk, string[] words)
        {
            foreach (var word in words)
            {
                if (word.Length > 0 && chunk.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Per compilation (never static): which files' text names any of a fixed set of words, each file searched once
    /// (<see cref="TreeText.ContainsAnyOrHiddenName"/>: a file that may spell a name with an escape or a formatting
    /// character counts as naming it). For facts that can only hold where a name is written: a method's name is
    /// written where it is called (a <c>using</c> alias renames types and namespaces, never methods).
    /// </summary>
    internal sealed class FilesNaming
    {
        private readonly string[] _words;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _trees = new ConcurrentDictionary<SyntaxTree, bool>();

        public FilesNaming(params string[] words) => _words = words;

        /// <summary>Does the file's text contain one of the words?</summary>
        public bool Names(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!_trees.TryGetValue(tree, out var names))
            {
                names = TreeText.ContainsAnyOrHiddenName(tree.GetText(cancellationToken), _words, cancellationToken);
                _trees.TryAdd(tree, names);
            }

            return names;
        }

        /// <summary>
        /// Registers the operation action for each type declared in a file that names one of the words, and for no other:
        /// for a rule that can only report at a call of those names (the driver then does not call it back for every
        /// operation of the other types; a nested type has a start of its own, and the driver gives its operations to it).
        /// </summary>
        public void RegisterOperationActionInTypesNaming(CompilationStartAnalysisContext start, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
            => start.RegisterSymbolStartAction(
                type =>
                {
                    if (AnyNames(type.Symbol.Locations, type.CancellationToken))
                    {
                        type.RegisterOperationAction(action, kinds);
                    }
                },
                SymbolKind.NamedType);

        /// <summary>Does one of the files of these locations (a symbol's declarations) contain one of the words?</summary>
        public bool AnyNames(ImmutableArray<Location> locations, CancellationToken cancellationToken)
        {
            foreach (var location in locations)
            {
                if (location.SourceTree is { } tree && Names(tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
