using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Postmortem.Analyzers.Tests.Robustness
{
    /// <summary>A broken copy of a corpus entry: what was done, and the entry to analyze.</summary>
    public sealed record Variant(int Index, CorpusEntry Entry, string Mutation, string? MutatedPath, bool WithoutPackages);

    /// <summary>
    /// Seeded, reproducible damage to corpus entries: the code an IDE analyzes while the user types.
    /// Variant <c>i</c> of seed <c>s</c> is always the same, whatever the other variants are.
    /// </summary>
    public static class Mutator
    {
        private static readonly string[] Kinds =
        {
            "truncate", "truncate", "delete-tokens", "duplicate-tokens", "unbalance-braces", "remove-usings",
            "remove-type", "remove-member", "generated-header", "rename-identifiers", "without-packages",
            "swap-tokens", "insert-garbage", "config-damage",
        };

        public static Variant Create(ImmutableArray<CorpusEntry> entries, int seed, int index)
        {
            var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7_919)));
            var entry = entries[random.Next(entries.Length)];
            var kind = Kinds[random.Next(Kinds.Length)];
            if (kind == "config-damage" && entry.AdditionalFiles.IsEmpty)
            {
                kind = "truncate";
            }

            if (kind == "without-packages")
            {
                return new Variant(index, entry, kind, null, WithoutPackages: true);
            }

            if (kind == "config-damage")
            {
                var fileIndex = random.Next(entry.AdditionalFiles.Length);
                var file = entry.AdditionalFiles[fileIndex];
                var cut = random.Next(file.Text.Length + 1);
                var damaged = random.Next(2) == 0 ? file.Text.Substring(0, cut) : file.Text.Remove(cut, Math.Min(random.Next(1, 40), file.Text.Length - cut));
                return new Variant(index, entry with { AdditionalFiles = entry.AdditionalFiles.SetItem(fileIndex, file with { Text = damaged }) }, $"{kind} {file.Path}@{cut}", file.Path, false);
            }

            // Damage one source document (the sample has several).
            var documentIndex = random.Next(entry.Documents.Length);
            var document = entry.Documents[documentIndex];
            var (text, description) = Apply(kind, document.Text, random);
            var mutated = entry with { Documents = entry.Documents.SetItem(documentIndex, document with { Text = text }) };
            return new Variant(index, mutated, $"{kind} {description}", document.Path, false);
        }

        private static (string Text, string Description) Apply(string kind, string text, Random random)
        {
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
            if (tokens.Count == 0)
            {
                return (text, "(no tokens)");
            }

            switch (kind)
            {
                case "truncate":
                {
                    var at = random.Next(text.Length + 1);
                    return (text.Substring(0, at), $"@{at}");
                }

                case "delete-tokens":
                case "duplicate-tokens":
                case "swap-tokens":
                {
                    var count = kind == "swap-tokens" ? 1 : 1 + random.Next(3);
                    var picked = Enumerable.Range(0, count).Select(_ => random.Next(tokens.Count)).Distinct().OrderByDescending(i => i).ToList();
                    var result = text;
                    foreach (var i in picked)
                    {
                        var span = tokens[i].Span;
                        result = kind switch
                        {
                            "delete-tokens" => result.Remove(span.Start, span.Length),
                            "duplicate-tokens" => result.Insert(span.End, " " + tokens[i].Text),
                            _ when i + 1 < tokens.Count => Swap(result, tokens[i], tokens[i + 1]),
                            _ => result,
                        };
                    }

                    return (result, string.Join(",", picked.Select(i => $"#{i}'{tokens[i].Text}'")));
                }

                case "unbalance-braces":
                {
                    var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken) || t.IsKind(SyntaxKind.OpenParenToken) || t.IsKind(SyntaxKind.CloseParenToken)).ToList();
                    if (braces.Count == 0 || random.Next(3) == 0)
                    {
                        var at = tokens[random.Next(tokens.Count)].Span.Start;
                        var insert = random.Next(2) == 0 ? "{" : "}";
                        return (text.Insert(at, insert), $"insert '{insert}'@{at}");
                    }

                    var brace = braces[random.Next(braces.Count)];
                    return (text.Remove(brace.SpanStart, brace.Span.Length), $"remove '{brace.Text}'@{brace.SpanStart}");
                }

                case "remove-usings":
                {
                    var usings = root.DescendantNodes().OfType<UsingDirectiveSyntax>().ToList();
                    if (usings.Count == 0)
                    {
                        return (text, "(no usings)");
                    }

                    var all = random.Next(2) == 0;
                    var removed = all ? usings : new List<UsingDirectiveSyntax> { usings[random.Next(usings.Count)] };
                    return (root.RemoveNodes(removed, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString(), all ? "all" : removed[0].ToString());
                }

                case "remove-type":
                case "remove-member":
                {
                    var candidates = kind == "remove-type"
                        ? root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Cast<SyntaxNode>().ToList()
                        : root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax).Cast<SyntaxNode>().ToList();
                    if (candidates.Count == 0)
                    {
                        return (text, "(nothing to remove)");
                    }

                    var node = candidates[random.Next(candidates.Count)];
                    return (text.Remove(node.FullSpan.Start, node.FullSpan.Length), $"@{node.FullSpan.Start} '{Head(node)}'");
                }

                case "generated-header":
                {
                    string[] headers = { "// <auto-generated/>\n", "// <autogenerated />\n", "#pragma warning disable\n", "#nullable disable\n", "// <auto-generated>\n// tool\n// </auto-generated>\n" };
                    var header = headers[random.Next(headers.Length)];
                    return (header + text, $"'{header.Trim()}'");
                }

                case "rename-identifiers":
                {
                    // Types and members the rules look for become unknown: File → Fi1e, Log → L0g…
                    var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
                    if (identifiers.Count == 0)
                    {
                        return (text, "(no identifiers)");
                    }

                    var name = identifiers[random.Next(identifiers.Count)].ValueText;
                    var renamed = name.Length > 1 ? name.Substring(0, name.Length - 1) + "9" : name + "9";
                    var result = text;
                    foreach (var token in identifiers.Where(t => t.ValueText == name).OrderByDescending(t => t.SpanStart))
                    {
                        result = result.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, renamed);
                    }

                    return (result, $"'{name}'→'{renamed}'");
                }

                case "insert-garbage":
                {
                    string[] garbage = { "await ", "async ", "static ", "=>", "?.", "!", "new ", "default", "#if X\n", "#endif\n", "\"", "/*", "@", "$\"{", "\"\"\"", "ref ", "out ", "(", ")", ";", "catch { }", "try { }", "var", "<T>", "[A]" };
                    var at = tokens[random.Next(tokens.Count)].Span.Start;
                    var piece = garbage[random.Next(garbage.Length)];
                    return (text.Insert(at, piece), $"'{piece.Replace("\n", "\\n", StringComparison.Ordinal)}'@{at}");
                }

                default:
                {
                    var at = random.Next(text.Length + 1);
                    return (text.Substring(0, at), $"@{at}");
                }
            }
        }

        private static string Swap(string text, SyntaxToken first, SyntaxToken second)
            => text.Substring(0, first.SpanStart) + second.Text + text.Substring(first.Span.End, second.SpanStart - first.Span.End) + first.Text + text.Substring(second.Span.End);

        private static string Head(SyntaxNode node)
        {
            var text = node.ToString().Replace('\n', ' ').Replace('\r', ' ');
            return text.Length > 60 ? text.Substring(0, 60) + "…" : text;
        }
    }
}
