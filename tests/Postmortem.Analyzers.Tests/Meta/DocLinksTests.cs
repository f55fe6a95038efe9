using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Meta
{
    /// <summary>
    /// The documentation's links lead somewhere: a relative link names a file of the repository and, with a fragment, a
    /// heading of that file (GitHub's anchors); a rule page that cites the team's research notes, which the repository does
    /// not ship, also links the sources page a reader can follow.
    /// </summary>
    public class DocLinksTests
    {
        private static readonly Regex Link = new Regex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.Compiled);

        private static readonly Regex Heading = new Regex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.Compiled | RegexOptions.Multiline);

        private static IEnumerable<string> MarkdownFiles()
        {
            var root = References.RepositoryRoot;
            return Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Where(f =>
                {
                    var parts = Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                    return !parts.Any(p => p is "bin" or "obj" or "node_modules" || p.StartsWith(".", StringComparison.Ordinal));
                })
                .OrderBy(f => f, StringComparer.Ordinal);
        }

        /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
        internal static string Anchor(string heading)
        {
            var text = Regex.Replace(heading, @"\[(?<t>[^\]]*)\]\([^)]*\)", "${t}").ToLowerInvariant();
            var chars = text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray();
            return new string(chars).Replace(' ', '-');
        }

        private static HashSet<string> Anchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match heading in Heading.Matches(StripCode(markdown)))
            {
                var anchor = Anchor(heading.Groups["text"].Value);
                seen[anchor] = seen.TryGetValue(anchor, out var n) ? n + 1 : 0;
                anchors.Add(seen[anchor] == 0 ? anchor : $"{anchor}-{seen[anchor]}");
            }

            return anchors;
        }

        /// <summary>The text without fenced code blocks (a `#` comment in a shell example is not a heading) and inline code spans
        /// (<c>`](x)`</c> is not a link).</summary>
        private static string StripCode(string markdown)
            => Regex.Replace(Regex.Replace(markdown, @"^```.*?^```", string.Empty, RegexOptions.Singleline | RegexOptions.Multiline), "`[^`\n]*`", string.Empty);

        [Fact]
        public void RelativeLinks_InTheDocs_LeadToFilesAndHeadingsThatExist()
        {
            var files = MarkdownFiles().ToList();
            Assert.Contains(files, f => f.EndsWith("sources.md", StringComparison.Ordinal));
            var broken = new List<string>();
            var checkedLinks = 0;
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                foreach (Match link in Link.Matches(StripCode(text)))
                {
                    var target = link.Groups["target"].Value;
                    if (Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase))
                    {
                        continue; // https:, mailto:
                    }

                    checkedLinks++;
                    var hash = target.IndexOf('#');
                    var path = hash < 0 ? target : target.Substring(0, hash);
                    var fragment = hash < 0 ? null : target.Substring(hash + 1);
                    var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                    var where = $"{Path.GetRelativePath(References.RepositoryRoot, file)}: ({target})";
                    if (!File.Exists(resolved) && !Directory.Exists(resolved))
                    {
                        broken.Add(where + " names no file");
                    }
                    else if (fragment is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) &&
                             !Anchors(File.ReadAllText(resolved)).Contains(fragment))
                    {
                        broken.Add(where + " names no heading of that file");
                    }
                }
            }

            Assert.True(checkedLinks > 40, $"only {checkedLinks} relative links found: is the link pattern still right?");
            Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        }

        [Fact]
        public void RulePages_CitingTheResearchNotes_LinkTheSourcesPage()
        {
            var pages = Directory.EnumerateFiles(Path.Combine(References.RepositoryRoot, "docs", "rules"), "PM*.md").ToList();
            Assert.NotEmpty(pages);
            var citing = pages.Where(p => File.ReadAllText(p).Contains("shared/research/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(citing);
            var missing = citing.Where(p => !File.ReadAllText(p).Contains("](../sources.md", StringComparison.Ordinal))
                .Select(Path.GetFileName)
                .ToList();
            Assert.True(missing.Count == 0, "cite shared/research/ without linking docs/sources.md: " + string.Join(", ", missing));
        }

        [Theory]
        [InlineData("see [a](docs/a.md \"title\")", "docs/a.md")]
        [InlineData("see [a](docs/a.md#part)", "docs/a.md#part")]
        [InlineData("code `[a](not-a-link.md)` then [b](b.md)", "b.md")]
        public void Links_AreFoundWithTitlesAndNotInCode(string markdown, string expected)
        {
            Assert.Equal(new[] { expected }, Link.Matches(StripCode(markdown)).Select(m => m.Groups["target"].Value));
        }

        [Theory]
        [InlineData("Experiments on this machine", "experiments-on-this-machine")]
        [InlineData("The .NET runtime on Linux", "the-net-runtime-on-linux")]
        [InlineData("`shared: true` and [Serilog](x.md)", "shared-true-and-serilog")]
        [InlineData("PM1001: Serilog, NLog", "pm1001-serilog-nlog")]
        public void Anchor_IsGitHubs(string heading, string expected)
        {
            Assert.Equal(expected, Anchor(heading));
        }
    }
}
