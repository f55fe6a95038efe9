using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>A span marked in test code: <c>[|…|]</c> (Key null, Id null), <c>{|PM3001:…|}</c> (Id) or <c>{|#0:…|}</c> (Key).</summary>
    public sealed record MarkedSpan(string? Id, int? Key, TextSpan Span);

    /// <summary>Parses <c>[|…|]</c>, <c>{|ID:…|}</c> and <c>{|#n:…|}</c> markup (nesting allowed).</summary>
    public static class TestMarkup
    {
        private static readonly Regex BraceOpen = new(@"\G\{\|(#(?<key>\d+)|(?<id>[A-Za-z][A-Za-z0-9]*)):", RegexOptions.Compiled);

        public static (string Text, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = new List<MarkedSpan>();
            var open = new Stack<(char Kind, string? Id, int? Key, int Start)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (Starts(markup, i, "[|"))
                {
                    open.Push(('[', null, null, output.Length));
                    i += 2;
                    continue;
                }

                var match = BraceOpen.Match(markup, i);
                if (match.Success)
                {
                    int? key = match.Groups["key"].Success ? int.Parse(match.Groups["key"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                    var id = match.Groups["id"].Success ? match.Groups["id"].Value : null;
                    open.Push(('{', id, key, output.Length));
                    i += match.Length;
                    continue;
                }

                if (Starts(markup, i, "|]") && open.Count > 0 && open.Peek().Kind == '[')
                {
                    var (_, _, _, start) = open.Pop();
                    spans.Add(new MarkedSpan(null, null, TextSpan.FromBounds(start, output.Length)));
                    i += 2;
                    continue;
                }

                if (Starts(markup, i, "|}") && open.Count > 0 && open.Peek().Kind == '{')
                {
                    var (_, id, key, start) = open.Pop();
                    spans.Add(new MarkedSpan(id, key, TextSpan.FromBounds(start, output.Length)));
                    i += 2;
                    continue;
                }

                output.Append(markup[i]);
                i++;
            }

            if (open.Count > 0)
            {
                throw new InvalidOperationException($"Unclosed markup '{open.Peek().Kind}|' at output position {open.Peek().Start}.");
            }

            return (output.ToString(), spans);
        }

        /// <summary>Renders diagnostics back into the text as <c>{|ID:…|}</c> markup (for failure messages).</summary>
        public static string Render(string text, IEnumerable<(string Id, TextSpan Span)> diagnostics)
        {
            var inserts = new List<(int Position, int Order, string Text)>();
            foreach (var (id, span) in diagnostics)
            {
                inserts.Add((span.Start, 1, "{|" + id + ":"));
                inserts.Add((span.End, 0, "|}"));
            }

            inserts.Sort((a, b) => a.Position != b.Position ? b.Position.CompareTo(a.Position) : a.Order.CompareTo(b.Order));
            var builder = new StringBuilder(text);
            foreach (var (position, _, insert) in inserts)
            {
                builder.Insert(Math.Min(position, builder.Length), insert);
            }

            return builder.ToString();
        }

        private static bool Starts(string text, int index, string token)
            => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
    }
}
