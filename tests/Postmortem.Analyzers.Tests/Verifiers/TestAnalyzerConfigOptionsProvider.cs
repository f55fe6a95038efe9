using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Analyzer options as .editorconfig / .globalconfig would give them: global keys (e.g. <c>build_property.*</c>),
    /// keys that apply to every source file and additional file, and keys for the files of one name. Keys are
    /// case-insensitive.
    /// </summary>
    public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;
        private readonly TestOptions _perFile;
        private readonly Dictionary<string, TestOptions> _byFileName = new Dictionary<string, TestOptions>(StringComparer.Ordinal);

        /// <param name="globalOptions">Keys of <see cref="GlobalOptions"/>, also seen by every file (as a .globalconfig's are).</param>
        /// <param name="fileOptions">Keys for every source and additional file.</param>
        /// <param name="fileNameOptions">Keys for the files whose path ends in "/" + the name only (an .editorconfig section naming one file).</param>
        public TestAnalyzerConfigOptionsProvider(
            IReadOnlyDictionary<string, string> globalOptions,
            IReadOnlyDictionary<string, string> fileOptions,
            IReadOnlyDictionary<string, Dictionary<string, string>>? fileNameOptions = null)
        {
            _global = new TestOptions(globalOptions);
            var merged = Merge(globalOptions, fileOptions);
            _perFile = new TestOptions(merged);
            foreach (var pair in fileNameOptions ?? new Dictionary<string, Dictionary<string, string>>())
            {
                _byFileName[pair.Key] = new TestOptions(Merge(merged, pair.Value));
            }
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

        private TestOptions ForPath(string? path)
        {
            if (path is not null)
            {
                foreach (var pair in _byFileName)
                {
                    if (path.EndsWith("/" + pair.Key, StringComparison.Ordinal) || path == pair.Key)
                    {
                        return pair.Value;
                    }
                }
            }

            return _perFile;
        }

        private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
        {
            var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in first)
            {
                merged[pair.Key] = pair.Value;
            }

            foreach (var pair in second)
            {
                merged[pair.Key] = pair.Value;
            }

            return merged;
        }

        /// <summary>
        /// Parses "key = value" lines as in an .editorconfig (comments ignored). Returns the keys before any section or under
        /// a section with a wildcard (<c>[*]</c>, <c>[*.cs]</c>), which the tests give every file; <paramref name="fileNameOptions"/>
        /// gets the keys of the sections that name one file (<c>[Test1.cs]</c>), by that name.
        /// </summary>
        public static Dictionary<string, string> ParseSections(string? text, out Dictionary<string, Dictionary<string, string>> fileNameOptions)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            fileNameOptions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            if (text is null)
            {
                return result;
            }

            var current = result;
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    var name = line.Trim('[', ']').Trim();
                    if (name.Contains('*'))
                    {
                        current = result;
                    }
                    else if (!fileNameOptions.TryGetValue(name, out current!))
                    {
                        current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        fileNameOptions[name] = current;
                    }

                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    current[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
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
