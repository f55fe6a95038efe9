using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>An XML attribute and where it is: the whole <c>name="value"</c> and the element it belongs to.</summary>
    internal sealed class XmlAttributeNode
    {
        public XmlAttributeNode(string localName, string prefix, string value, TextSpan span)
        {
            LocalName = localName;
            Prefix = prefix;
            Value = value;
            Span = span;
        }

        public string LocalName { get; }

        public string Prefix { get; }

        public string Value { get; }

        /// <summary><c>name="value"</c>, quotes included.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>An XML element with its name's span, its attributes and children (comments and text dropped).</summary>
    internal sealed class XmlElementNode
    {
        public XmlElementNode(string localName, TextSpan nameSpan)
        {
            LocalName = localName;
            NameSpan = nameSpan;
        }

        public string LocalName { get; }

        /// <summary>The element's name after '&lt;' (prefix included).</summary>
        public TextSpan NameSpan { get; }

        public List<XmlAttributeNode> Attributes { get; } = new List<XmlAttributeNode>();

        public List<XmlElementNode> Children { get; } = new List<XmlElementNode>();

        public bool Is(string name) => string.Equals(LocalName, name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The attribute with this local name (any prefix), compared case-insensitively as NLog and log4net do.</summary>
        public XmlAttributeNode? Attribute(string localName)
        {
            foreach (var attribute in Attributes)
            {
                if (string.Equals(attribute.LocalName, localName, StringComparison.OrdinalIgnoreCase) &&
                    !string.Equals(attribute.Prefix, "xmlns", StringComparison.Ordinal))
                {
                    return attribute;
                }
            }

            return null;
        }

        public string? AttributeValue(string localName) => Attribute(localName)?.Value;

        public IEnumerable<XmlElementNode> Elements(string localName)
        {
            foreach (var child in Children)
            {
                if (child.Is(localName))
                {
                    yield return child;
                }
            }
        }

        public XmlElementNode? Element(string localName)
        {
            foreach (var child in Children)
            {
                if (child.Is(localName))
                {
                    return child;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Reads an XML configuration file into <see cref="XmlElementNode"/>s with exact spans, using
    /// <see cref="XmlReader"/> and <see cref="IXmlLineInfo"/> (netstandard2.0, every host). No DTDs, no resolver,
    /// never throws on bad input: the first error's position is returned instead.
    /// </summary>
    internal static class ConfigXml
    {
        public const int MaxDepth = 64;

        public static bool TryParse(SourceText text, out XmlElementNode? root, out int errorPosition, out string? error)
        {
            root = null;
            errorPosition = 0;
            error = null;
            var content = text.ToString();
            if (content.Trim().Length == 0)
            {
                return true;
            }

            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
                CloseInput = true,
            };

            // A byte order mark left in the text (U+FEFF before `<?xml`, as a doubled BOM leaves it) is skipped, as the
            // JSON reader skips it; positions on the first line then count it back.
            var bom = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
            var stack = new Stack<XmlElementNode>();
            try
            {
                using var reader = XmlReader.Create(new StringReader(bom == 0 ? content : content.Substring(bom)), settings);
                var lineInfo = (IXmlLineInfo)reader;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        if (stack.Count > 0)
                        {
                            stack.Pop();
                        }

                        continue;
                    }

                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (stack.Count >= MaxDepth)
                    {
                        errorPosition = Position(text, lineInfo.LineNumber, lineInfo.LinePosition, bom);
                        error = "nesting is too deep";
                        root = null;
                        return false;
                    }

                    var nameStart = Position(text, lineInfo.LineNumber, lineInfo.LinePosition, bom);
                    var element = new XmlElementNode(reader.LocalName, new TextSpan(nameStart, reader.Name.Length));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var attributeStart = Position(text, lineInfo.LineNumber, lineInfo.LinePosition, bom);
                            element.Attributes.Add(new XmlAttributeNode(
                                reader.LocalName,
                                reader.Prefix,
                                reader.Value,
                                AttributeSpan(content, attributeStart, reader.Name.Length)));
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    if (stack.Count == 0)
                    {
                        root = element;
                    }
                    else
                    {
                        stack.Peek().Children.Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        stack.Push(element);
                    }
                }

                return true;
            }
            catch (XmlException) when (root is null && stack.Count == 0 && content.IndexOf('<') >= 0 && !HasElementStart(content))
            {
                // Only comments, a declaration or whitespace: no configuration, not an error.
                return true;
            }
            catch (XmlException ex)
            {
                root = null;
                errorPosition = Position(text, ex.LineNumber, ex.LinePosition, bom);
                error = ex.Message;
                return false;
            }
            finally
            {
                stack.Clear();
            }
        }

        /// <summary>Is there a '&lt;' that starts an element (not a comment, declaration or processing instruction)?</summary>
        private static bool HasElementStart(string content)
        {
            for (var i = content.IndexOf('<'); i >= 0 && i + 1 < content.Length; i = content.IndexOf('<', i + 1))
            {
                var next = content[i + 1];
                if (next != '!' && next != '?')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>IXmlLineInfo's 1-based line and column (they count UTF-16 characters, as SourceText does) to a position.</summary>
        /// <param name="firstLineShift">Characters before the text the reader was given (a skipped byte order mark).</param>
        private static int Position(SourceText text, int line, int column, int firstLineShift)
        {
            if (line <= 0 || text.Lines.Count == 0)
            {
                return 0;
            }

            var lineIndex = Math.Min(line - 1, text.Lines.Count - 1);
            var textLine = text.Lines[lineIndex];
            var offset = Math.Max(column - 1, 0) + (line == 1 ? firstLineShift : 0);
            return Math.Min(textLine.Start + offset, textLine.End);
        }

        /// <summary>From the attribute's name to its closing quote.</summary>
        private static TextSpan AttributeSpan(string content, int start, int nameLength)
        {
            var i = start + nameLength;
            while (i < content.Length && content[i] != '=')
            {
                i++;
            }

            while (i < content.Length && content[i] != '"' && content[i] != '\'')
            {
                i++;
            }

            if (i >= content.Length)
            {
                return new TextSpan(start, Math.Min(nameLength, content.Length - start));
            }

            var quote = content[i];
            var close = content.IndexOf(quote, i + 1);
            return close < 0 ? new TextSpan(start, nameLength) : TextSpan.FromBounds(start, close + 1);
        }
    }
}
