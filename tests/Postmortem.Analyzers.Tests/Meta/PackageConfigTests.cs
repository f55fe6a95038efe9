using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Meta
{
    /// <summary>The package's switches stay in step with the rules: the gate and the all-rules preset name every rule they should.</summary>
    public class PackageConfigTests
    {
        private static string BuildFile(string name)
            => File.ReadAllText(Path.Combine(References.RepositoryRoot, "src", "Postmortem.Package", "build", name));

        private static (string Id, string Severity)[] Entries(string globalConfig)
            => Regex.Matches(globalConfig, @"^dotnet_diagnostic\.(PM\d{4})\.severity\s*=\s*(\w+)\s*$", RegexOptions.Multiline)
                .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
                .ToArray();

        [Fact]
        public void GateGlobalConfig_MakesEveryWarningRuleAnError()
        {
            var text = BuildFile("Postmortem.Gate.globalconfig");
            Assert.Contains("is_global = true", text, StringComparison.Ordinal);
            var expected = RuleCatalogTests.DeclaredDescriptors
                .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
                .Select(d => (d.Id, "error"))
                .OrderBy(e => e.Id, StringComparer.Ordinal);
            Assert.Equal(expected, Entries(text).OrderBy(e => e.Id, StringComparer.Ordinal));
        }

        [Fact]
        public void AllRulesGlobalConfig_MakesEveryInfoRuleAWarning()
        {
            var text = BuildFile("Postmortem.AllRules.globalconfig");
            Assert.Contains("is_global = true", text, StringComparison.Ordinal);
            var expected = RuleCatalogTests.DeclaredDescriptors
                .Where(d => d.DefaultSeverity != DiagnosticSeverity.Warning && d.DefaultSeverity != DiagnosticSeverity.Error)
                .Select(d => (d.Id, "warning"))
                .OrderBy(e => e.Id, StringComparer.Ordinal);
            Assert.Equal(expected, Entries(text).OrderBy(e => e.Id, StringComparer.Ordinal));
        }

        [Fact]
        public void PackageProps_ExposeEveryPropertyTheAnalyzersRead()
        {
            var props = XDocument.Parse(BuildFile("Postmortem.Analyzers.props"));
            var visible = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include")).ToHashSet();
            foreach (var property in new[] { "PostmortemWorkerProcesses", "UsingMicrosoftNETSdkWeb" })
            {
                Assert.Contains(property, visible);
            }

            var configs = props.Descendants("GlobalAnalyzerConfigFiles").Select(e => (string?)e.Attribute("Include")).ToList();
            Assert.Contains(configs, c => c!.EndsWith("Postmortem.Gate.globalconfig", StringComparison.Ordinal));
            Assert.Contains(configs, c => c!.EndsWith("Postmortem.AllRules.globalconfig", StringComparison.Ordinal));
        }

        [Fact]
        public void ConfigurationDocs_DescribeEverySwitch()
        {
            var docs = File.ReadAllText(Path.Combine(References.RepositoryRoot, "docs", "configuration.md"));
            foreach (var name in new[] { "PostmortemGate", "PostmortemAllRules", "PostmortemWorkerProcesses", "PostmortemAnalyzeConfigFiles" })
            {
                Assert.Contains(name, docs, StringComparison.Ordinal);
            }

            // Every option key the analyzers read (a "postmortem.…" string constant) is documented too.
            var sources = Directory.GetFiles(Path.Combine(References.RepositoryRoot, "src", "Postmortem.Analyzers"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            var keys = sources.SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"(postmortem\\.[a-zA-Z0-9_.]+)\"").Select(m => m.Groups[1].Value)).Distinct().ToList();
            Assert.Contains("postmortem.worker_processes", keys);
            Assert.All(keys, key => Assert.Contains("`" + key + "`", docs, StringComparison.Ordinal));
        }
    }
}
