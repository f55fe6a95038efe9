using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Analyzer options as .editorconfig / .globalconfig would give them: global keys (e.g. <c>build_property.*</c>)
    /// and keys that apply to every source file and additional file. Keys are case-insensitive.
    /// </summary>
    public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;
        private readonly TestOptions _perFile;

        public TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globalOptions, IReadOnlyDictionary<string, string> fileOptions)
        {
            _global = new TestOptions(globalOptions);
            var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in globalOptions)
            {
                merged[pair.Key] = pair.Value;
            }

            foreach (var pair in fileOptions)
            {
                merged[pair.Key] = pair.Value;
            }

            _perFile = new TestOptions(merged);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perFile;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _perFile;

        /// <summary>Parses "key = value" lines (sections and comments ignored), as in an .editorconfig.</summary>
        public static Dictionary<string, string> ParseConfig(string? text)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (text is null)
            {
                return result;
            }

            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0 || line[0] is '#' or ';' or '[')
                {
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    result[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }

            return result;
        }

        private sealed class TestOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public TestOptions(IReadOnlyDictionary<string, string> values)
            {
                _values = ImmutableDictionary.CreateRange(KeyComparer, values);
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
