using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value with its span in the file. Object keys are kept in file order.</summary>
    internal sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonProperty> NoProperties = Array.Empty<JsonProperty>();
        private static readonly IReadOnlyList<JsonNode> NoItems = Array.Empty<JsonNode>();

        public JsonNode(JsonKind kind, TextSpan span, string? text, IReadOnlyList<JsonProperty>? properties, IReadOnlyList<JsonNode>? items)
        {
            Kind = kind;
            Span = span;
            Text = text;
            Properties = properties ?? NoProperties;
            Items = items ?? NoItems;
        }

        public JsonKind Kind { get; }

        /// <summary>The value's token (for strings: including the quotes), or the whole object/array.</summary>
        public TextSpan Span { get; }

        /// <summary>Unescaped string, raw number, "true"/"false"; null for null, objects and arrays.</summary>
        public string? Text { get; }

        public IReadOnlyList<JsonProperty> Properties { get; }

        public IReadOnlyList<JsonNode> Items { get; }

        public bool IsScalar => Kind is JsonKind.String or JsonKind.Number or JsonKind.True or JsonKind.False or JsonKind.Null;

        /// <summary>The last property with this name, compared case-insensitively as Microsoft.Extensions.Configuration does.</summary>
        public JsonProperty? Get(string name)
        {
            JsonProperty? found = null;
            foreach (var property in Properties)
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = property;
                }
            }

            return found;
        }

        /// <summary>
        /// The children as configuration sections see them: an array's items (keys "0", "1"…) or an object's values
        /// (keys are the property names), so both shapes of Serilog's <c>WriteTo</c> read alike.
        /// </summary>
        public IEnumerable<JsonNode> Children()
        {
            if (Kind == JsonKind.Array)
            {
                return Items;
            }

            if (Kind == JsonKind.Object)
            {
                var values = new List<JsonNode>(Properties.Count);
                foreach (var property in Properties)
                {
                    values.Add(property.Value);
                }

                return values;
            }

            return NoItems;
        }
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
        }

        public string Name { get; }

        /// <summary>The key's token, including the quotes.</summary>
        public TextSpan NameSpan { get; }

        public JsonNode Value { get; }
    }

    /// <summary>
    /// A small, allocation-light JSON reader that accepts what Microsoft.Extensions.Configuration.Json accepts:
    /// // and /* */ comments and trailing commas. It never throws on bad input; it reports the first error's position.
    /// System.Text.Json is deliberately not used: it is not loaded by every host our analyzers run in (docs/design.md).
    /// </summary>
    internal static class ConfigJson
    {
        /// <summary>Deeper nesting is reported as an error instead of risking the host's stack (System.Text.Json's default).</summary>
        public const int MaxDepth = 64;

        public static bool TryParse(string text, out JsonNode? root, out int errorPosition, out string? error)
        {
            var parser = new Parser(text);
            try
            {
                parser.SkipTrivia();
                if (parser.AtEnd)
                {
                    // An empty file holds no configuration.
                    root = null;
                    errorPosition = 0;
                    error = null;
                    return true;
                }

                root = parser.ParseValue(0);
                parser.SkipTrivia();
                if (!parser.AtEnd)
                {
                    throw parser.Fail("unexpected text after the end of the document");
                }

                errorPosition = 0;
                error = null;
                return true;
            }
            catch (JsonSyntaxException ex)
            {
                root = null;
                errorPosition = ex.Position;
                error = ex.Message;
                return false;
            }
        }

        private sealed class JsonSyntaxException : Exception
        {
            public JsonSyntaxException(string message, int position)
                : base(message)
            {
                Position = position;
            }

            public int Position { get; }
        }

        private sealed class Parser
        {
            private readonly string _text;
            private int _pos;

            public Parser(string text)
            {
                _text = text;
            }

            public bool AtEnd => _pos >= _text.Length;

            public JsonSyntaxException Fail(string message) => new JsonSyntaxException(message, Math.Min(_pos, _text.Length));

            public void SkipTrivia()
            {
                while (_pos < _text.Length)
                {
                    var c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                    {
                        _pos++;
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                    {
                        while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                        {
                            _pos++;
                        }
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            throw Fail("unterminated comment");
                        }

                        _pos = end + 2;
                    }
                    else
                    {
                        return;
                    }
                }
            }

            public JsonNode ParseValue(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw Fail("nesting is too deep");
                }

                SkipTrivia();
                if (AtEnd)
                {
                    throw Fail("unexpected end of the document");
                }

                var c = _text[_pos];
                switch (c)
                {
                    case '{':
                        return ParseObject(depth);
                    case '[':
                        return ParseArray(depth);
                    case '"':
                        {
                            var start = _pos;
                            var value = ParseString();
                            return new JsonNode(JsonKind.String, TextSpan.FromBounds(start, _pos), value, null, null);
                        }

                    case 't':
                        return ParseLiteral("true", JsonKind.True);
                    case 'f':
                        return ParseLiteral("false", JsonKind.False);
                    case 'n':
                        return ParseLiteral("null", JsonKind.Null);
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return ParseNumber();
                        }

                        throw Fail($"unexpected character '{c}'");
                }
            }

            private JsonNode ParseObject(int depth)
            {
                var start = _pos;
                _pos++; // {
                var properties = new List<JsonProperty>();
                var sectionPaths = false;
                while (true)
                {
                    SkipTrivia();
                    if (AtEnd)
                    {
                        throw Fail("unterminated object: expected '}'");
                    }

                    if (_text[_pos] == '}')
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Object, TextSpan.FromBounds(start, _pos), null, sectionPaths ? ConfigurationKeys.Expand(properties) : properties, null);
                    }

                    if (_text[_pos] != '"')
                    {
                        throw Fail("expected a property name in double quotes");
                    }

                    var nameStart = _pos;
                    var name = ParseString();
                    var nameSpan = TextSpan.FromBounds(nameStart, _pos);
                    SkipTrivia();
                    if (AtEnd || _text[_pos] != ':')
                    {
                        throw Fail("expected ':' after a property name");
                    }

                    _pos++;
                    var value = ParseValue(depth + 1);
                    properties.Add(new JsonProperty(name, nameSpan, value));
                    sectionPaths |= name.IndexOf(':') >= 0;
                    SkipTrivia();
                    if (AtEnd)
                    {
                        throw Fail("unterminated object: expected '}'");
                    }

                    if (_text[_pos] == ',')
                    {
                        _pos++; // a trailing comma before '}' is allowed
                    }
                    else if (_text[_pos] != '}')
                    {
                        throw Fail("expected ',' or '}'");
                    }
                }
            }

            private JsonNode ParseArray(int depth)
            {
                var start = _pos;
                _pos++; // [
                var items = new List<JsonNode>();
                while (true)
                {
                    SkipTrivia();
                    if (AtEnd)
                    {
                        throw Fail("unterminated array: expected ']'");
                    }

                    if (_text[_pos] == ']')
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Array, TextSpan.FromBounds(start, _pos), null, null, items);
                    }

                    items.Add(ParseValue(depth + 1));
                    SkipTrivia();
                    if (AtEnd)
                    {
                        throw Fail("unterminated array: expected ']'");
                    }

                    if (_text[_pos] == ',')
                    {
                        _pos++;
                    }
                    else if (_text[_pos] != ']')
                    {
                        throw Fail("expected ',' or ']'");
                    }
                }
            }

            private string ParseString()
            {
                _pos++; // opening quote
                StringBuilder? builder = null;
                var runStart = _pos;
                while (true)
                {
                    if (AtEnd)
                    {
                        throw Fail("unterminated string");
                    }

                    var c = _text[_pos];
                    if (c == '"')
                    {
                        string result;
                        if (builder is null)
                        {
                            result = _text.Substring(runStart, _pos - runStart);
                        }
                        else
                        {
                            builder.Append(_text, runStart, _pos - runStart);
                            result = builder.ToString();
                        }

                        _pos++;
                        return result;
                    }

                    if (c == '\n' || c == '\r')
                    {
                        throw Fail("unterminated string");
                    }

                    if (c != '\\')
                    {
                        _pos++;
                        continue;
                    }

                    builder ??= new StringBuilder();
                    builder.Append(_text, runStart, _pos - runStart);
                    _pos++;
                    if (AtEnd)
                    {
                        throw Fail("unterminated string");
                    }

                    var escape = _text[_pos];
                    _pos++;
                    switch (escape)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_pos + 4 > _text.Length ||
                                !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                throw Fail("invalid \\u escape");
                            }

                            builder.Append((char)code);
                            _pos += 4;
                            break;
                        default:
                            _pos--;
                            throw Fail($"invalid escape '\\{escape}'");
                    }

                    runStart = _pos;
                }
            }

            private JsonNode ParseLiteral(string literal, JsonKind kind)
            {
                if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
                {
                    throw Fail($"unexpected character '{_text[_pos]}'");
                }

                var start = _pos;
                _pos += literal.Length;
                if (!AtEnd && IsWordChar(_text[_pos]))
                {
                    throw Fail($"unexpected character '{_text[_pos]}'");
                }

                return new JsonNode(kind, new TextSpan(start, literal.Length), kind == JsonKind.Null ? null : literal, null, null);
            }

            private JsonNode ParseNumber()
            {
                var start = _pos;
                if (_text[_pos] == '-')
                {
                    _pos++;
                }

                var digits = 0;
                while (!AtEnd && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
                {
                    _pos++;
                    digits++;
                }

                var raw = _text.Substring(start, _pos - start);
                if (digits == 0 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    _pos = start;
                    throw Fail("invalid number");
                }

                if (!AtEnd && IsWordChar(_text[_pos]))
                {
                    throw Fail($"unexpected character '{_text[_pos]}'");
                }

                return new JsonNode(JsonKind.Number, TextSpan.FromBounds(start, _pos), raw, null, null);
            }

            private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
        }
    }

    /// <summary>
    /// Microsoft.Extensions.Configuration reads a ':' in a key as the separator of section paths: <c>"WriteTo:0": {…}</c>
    /// inside <c>"Serilog"</c> is the key <c>Serilog:WriteTo:0</c>, exactly as <c>"WriteTo": [ {…} ]</c> is, and
    /// <c>"WriteTo:Async"</c> next to a <c>"WriteTo"</c> array adds a child to it (Serilog.Settings.Configuration's own
    /// sample writes its sinks so). The keys of an object are expanded into nested objects, and objects (or arrays, read
    /// as objects keyed "0", "1"…) reached by the same section name are merged, case-insensitively.
    /// </summary>
    internal static class ConfigurationKeys
    {
        /// <summary>Keys with more segments than this are left as they are (no real key has them; it bounds the nesting).</summary>
        private const int MaxSegments = 16;

        public static List<JsonProperty> Expand(List<JsonProperty> properties)
        {
            var result = new List<JsonProperty>(properties.Count);
            var sections = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in properties)
            {
                Add(result, sections, Nest(property));
            }

            return result;
        }

        /// <summary>"a:b:c": V as "a": { "b": { "c": V } }; a key with an empty segment or too many is kept as written.</summary>
        private static JsonProperty Nest(JsonProperty property)
        {
            var name = property.Name;
            if (name.IndexOf(':') < 0)
            {
                return property;
            }

            var segments = name.Split(':');
            if (segments.Length > MaxSegments || Array.IndexOf(segments, string.Empty) >= 0)
            {
                return property;
            }

            var nested = new JsonProperty(segments[segments.Length - 1], property.NameSpan, property.Value);
            for (var i = segments.Length - 2; i >= 0; i--)
            {
                var holder = new JsonNode(JsonKind.Object, property.Value.Span, null, new[] { nested }, null);
                nested = new JsonProperty(segments[i], property.NameSpan, holder);
            }

            return nested;
        }

        /// <summary>
        /// Adds the property, merging it into an earlier one of the same name when both hold sections (<paramref name="sections"/>:
        /// the index in <paramref name="result"/> of each name whose value is an object or array).
        /// </summary>
        private static void Add(List<JsonProperty> result, Dictionary<string, int> sections, JsonProperty property)
        {
            if (property.Value.Kind is JsonKind.Object or JsonKind.Array)
            {
                if (sections.TryGetValue(property.Name, out var i))
                {
                    var earlier = result[i];
                    result[i] = new JsonProperty(earlier.Name, earlier.NameSpan, Merge(earlier.Value, property.Value));
                    return;
                }

                sections[property.Name] = result.Count;
            }

            result.Add(property);
        }

        private static JsonNode Merge(JsonNode earlier, JsonNode later)
        {
            var properties = new List<JsonProperty>();
            var sections = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in AsSection(earlier))
            {
                Add(properties, sections, property);
            }

            foreach (var property in AsSection(later))
            {
                Add(properties, sections, property);
            }

            return new JsonNode(JsonKind.Object, earlier.Span, null, properties, null);
        }

        /// <summary>An object's properties, or an array's items keyed by their index as configuration keys them.</summary>
        private static IReadOnlyList<JsonProperty> AsSection(JsonNode node)
        {
            if (node.Kind == JsonKind.Object)
            {
                return node.Properties;
            }

            var items = new List<JsonProperty>(node.Items.Count);
            for (var i = 0; i < node.Items.Count; i++)
            {
                items.Add(new JsonProperty(i.ToString(CultureInfo.InvariantCulture), node.Items[i].Span, node.Items[i]));
            }

            return items;
        }
    }
}
