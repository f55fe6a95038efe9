using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Postmortem.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package as users meet it: installed from a folder feed into fresh projects, built with the SDK's own compiler,
    /// gated in CI, configured, suppressed, exported as SARIF, and fixed by <c>dotnet format analyzers</c>.
    /// Tests of one class run one after another, so they can share the projects of <see cref="ConsumerProjects"/>.
    /// </summary>
    public sealed class EndToEndTests : IClassFixture<ConsumerProjects>
    {
        /// <summary>A console app with hazards of several rules, one suppressed each way, and one warning not ours (CS0168).</summary>
        internal const string ConsoleProgram = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.IO;

            namespace ConsumerApp
            {
                public static class Program
                {
                    public static void Main()
                    {
                        int unused;
                        Journal.Append("started");
                        Console.WriteLine(Report.Render());
                    }
                }

                public static class Journal
                {
                    public static void Append(string line)
                    {
                        try
                        {
                            File.AppendAllText("journal.log", line + Environment.NewLine);
                        }
                        catch (IOException)
                        {
                            // the disk is probably full, nothing we can do
                        }
                    }

                    public static void AppendQuietly(string line)
                    {
                        try
                        {
                            File.AppendAllText("quiet.log", line);
                        }
            #pragma warning disable PM3001 // best effort by design
                        catch (IOException)
            #pragma warning restore PM3001
                        {
                        }
                    }

                    [SuppressMessage("Postmortem", "PM3001:A write failure is swallowed", Justification = "Best effort by design")]
                    public static void AppendBestEffort(string line)
                    {
                        try
                        {
                            File.AppendAllText("best-effort.log", line);
                        }
                        catch (IOException)
                        {
                        }
                    }
                }

                public static class Outbox
                {
                    private static readonly System.Threading.Channels.Channel<string> Queue =
                        System.Threading.Channels.Channel.CreateBounded<string>(100);

                    public static void Enqueue(string message)
                    {
                        Queue.Writer.TryWrite(message);
                    }

                    public static void Save(string text)
                    {
                        _ = File.WriteAllTextAsync("outbox.txt", text);
                    }
                }

                public static class Report
                {
                    public static string Render()
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, "report");
                        return File.ReadAllText(path);
                    }
                }
            }
            """;

        /// <summary>A daily-rolling Serilog file sink configured only in appsettings.json (the first incident's shape).</summary>
        internal const string WebAppSettings = """
            {
              // Serilog.Settings.Configuration reads this section.
              "Serilog": {
                "MinimumLevel": "Information",
                "WriteTo": [
                  { "Name": "File", "Args": { "path": "logs/recommendations-.log", "rollingInterval": "Day" } }
                ]
              }
            }
            """;

        /// <summary>A web app: a per-request export file and a rotating Serilog file sink configured in code.</summary>
        internal const string WebProgram = """
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Serilog;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    Log.Logger = new LoggerConfiguration()
                        .ReadFrom.Configuration(builder.Configuration)
                        .WriteTo.File("logs/app-.log", rollingInterval: RollingInterval.Day, rollOnFileSizeLimit: true)
                        .WriteTo.File("logs/audit-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null, shared: true)
                        .CreateLogger();
                    var app = builder.Build();
                    app.MapGet("/export", (HttpContext context) =>
                    {
                        var path = Path.Combine(app.Environment.WebRootPath, Guid.NewGuid() + ".csv");
                        File.WriteAllText(path, "id,total");
                        return Results.File(path, "text/csv");
                    });
                    app.Run();
                }
            }
            """;

        private readonly ConsumerProjects _projects;

        public EndToEndTests(ConsumerProjects projects) => _projects = projects;

        private static int LineOf(string text, string marker, int occurrence = 1)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var seen = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(marker, StringComparison.Ordinal) && ++seen == occurrence)
                {
                    return i + 1;
                }
            }

            throw new ArgumentException($"'{marker}' not found");
        }

        private static void AssertNoLoadFailures(CliResult result)
        {
            Assert.DoesNotContain("CS8032", result.Output, StringComparison.Ordinal); // an analyzer could not be created
            Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal); // an analyzer threw
            Assert.DoesNotContain("CS8784", result.Output, StringComparison.Ordinal); // a generator failed to initialize
        }

        private static void AssertReports(CliResult result, string severity, string id, string file, int line)
            => Assert.True(
                result.Output.Contains($"{file}({line},", StringComparison.Ordinal) &&
                result.Output.Split('\n').Any(l => l.Contains($"{file}({line},", StringComparison.Ordinal) && l.Contains($": {severity} {id}:", StringComparison.Ordinal)),
                $"Expected '{file}({line},…): {severity} {id}:' in:\n{result}");

        private static void AssertDoesNotReport(CliResult result, string id)
            => Assert.False(result.Output.Contains($" {id}:", StringComparison.Ordinal), $"Did not expect {id} in:\n{result}");

        [Fact]
        public void ConsoleBuild_ReportsFindingsWithFileLineIdHelpLinkAndSarif()
        {
            ConsumerProjects.SetFiles(_projects.ConsoleDir, ("Program.cs", ConsoleProgram));
            var sarifPath = Path.Combine(_projects.Root, "console.sarif");

            var result = ConsumerProjects.Build(_projects.ConsoleDir, $"-p:ErrorLog={sarifPath}%2Cversion=2.1");

            Assert.True(result.ExitCode == 0, result.ToString());
            AssertNoLoadFailures(result);
            AssertReports(result, "warning", "PM3001", "Program.cs", LineOf(ConsoleProgram, "catch (IOException)"));
            AssertReports(result, "warning", "PM2001", "Program.cs", LineOf(ConsoleProgram, "Path.GetTempFileName()"));
            AssertReports(result, "warning", "PM3002", "Program.cs", LineOf(ConsoleProgram, "_ = File.WriteAllTextAsync"));
            AssertReports(result, "warning", "PM3003", "Program.cs", LineOf(ConsoleProgram, "Queue.Writer.TryWrite"));
            AssertReports(result, "warning", "CS0168", "Program.cs", LineOf(ConsoleProgram, "int unused;"));
            Assert.Contains("(https://github.com/postmortem-analyzers/Postmortem.Analyzers/blob/main/docs/rules/PM3001.md)", result.Output, StringComparison.Ordinal);
            // #pragma and [SuppressMessage] silence the other two catches: exactly one PM3001 line per build pass.
            Assert.DoesNotContain($"Program.cs({LineOf(ConsoleProgram, "catch (IOException)", 2)},", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain($"Program.cs({LineOf(ConsoleProgram, "catch (IOException)", 3)},", result.Output, StringComparison.Ordinal);

            using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
            var run = sarif.RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray().ToList();
            var ours = results.Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PM", StringComparison.Ordinal)).ToList();
            Assert.Contains(ours, r => r.GetProperty("ruleId").GetString() == "PM3001" && r.GetProperty("level").GetString() == "warning");
            Assert.Contains(ours, r => r.GetProperty("ruleId").GetString() == "PM2001");
            // The log also holds the two suppressed findings, marked with "suppressions" (in no fixed order).
            static int Line(JsonElement r) => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();
            var pm3001 = ours.Where(r => r.GetProperty("ruleId").GetString() == "PM3001").ToList();
            var reported = pm3001.Where(r => !r.TryGetProperty("suppressions", out _)).ToList();
            Assert.Equal(new[] { LineOf(ConsoleProgram, "catch (IOException)") }, reported.Select(Line));
            Assert.All(
                pm3001.Where(r => r.TryGetProperty("suppressions", out _)),
                r => Assert.Contains(Line(r), new[] { LineOf(ConsoleProgram, "catch (IOException)", 2), LineOf(ConsoleProgram, "catch (IOException)", 3) }));
            var pm3001Location = reported[0].GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("Program.cs", pm3001Location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal(LineOf(ConsoleProgram, "catch (IOException)"), pm3001Location.GetProperty("region").GetProperty("startLine").GetInt32());

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
            var rule = rules.Single(r => r.GetProperty("id").GetString() == "PM3001");
            Assert.Equal("https://github.com/postmortem-analyzers/Postmortem.Analyzers/blob/main/docs/rules/PM3001.md", rule.GetProperty("helpUri").GetString());
            Assert.Equal("A write failure is swallowed", rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal("Postmortem", rule.GetProperty("properties").GetProperty("category").GetString());
        }

        [Fact]
        public void WarnAsError_FailsTheBuildOnOurFindings()
        {
            ConsumerProjects.SetFiles(_projects.ConsoleDir, ("Program.cs", ConsoleProgram));

            var result = ConsumerProjects.Build(_projects.ConsoleDir, "-warnaserror");

            Assert.True(result.ExitCode != 0, result.ToString());
            AssertReports(result, "error", "PM3001", "Program.cs", LineOf(ConsoleProgram, "catch (IOException)"));
        }

        [Fact]
        public void PostmortemGate_FailsTheBuildOnOurWarningsOnly()
        {
            ConsumerProjects.SetFiles(_projects.ConsoleDir, ("Program.cs", ConsoleProgram));

            var result = ConsumerProjects.Build(_projects.ConsoleDir, "-p:PostmortemGate=true");

            Assert.True(result.ExitCode != 0, result.ToString());
            AssertReports(result, "error", "PM3001", "Program.cs", LineOf(ConsoleProgram, "catch (IOException)"));
            AssertReports(result, "error", "PM2001", "Program.cs", LineOf(ConsoleProgram, "Path.GetTempFileName()"));
            AssertReports(result, "warning", "CS0168", "Program.cs", LineOf(ConsoleProgram, "int unused;"));
        }

        // docs/ci.md's baseline: a file whose findings the .editorconfig lowers to suggestions, one line per rule, passes
        // the gate (the first-user review: the recipe's category line lost to the gate's per-rule entries, and the file
        // failed; a per-rule entry of the user's outranks the gate's).
        [Fact]
        public void PostmortemGate_LeavesTheBaselinedFilesSuggestions_NoDiagnostic()
        {
            ConsumerProjects.SetFiles(
                _projects.ConsoleDir,
                ("Program.cs", ConsoleProgram),
                (".editorconfig", "root = true\n\n[Program.cs]\n" + string.Concat(new[] { "PM2001", "PM3001", "PM3002", "PM3003" }.Select(id => $"dotnet_diagnostic.{id}.severity = suggestion\n"))));

            var result = ConsumerProjects.Build(_projects.ConsoleDir, "-p:PostmortemGate=true");

            Assert.True(result.ExitCode == 0, result.ToString());
            AssertDoesNotReport(result, "PM3001");
            AssertDoesNotReport(result, "PM2001");
            AssertReports(result, "warning", "CS0168", "Program.cs", LineOf(ConsoleProgram, "int unused;"));
        }

        [Fact]
        public void EditorConfigAndGlobalConfig_SetSeverityPerRuleAndForTheCategory()
        {
            ConsumerProjects.SetFiles(
                _projects.ConsoleDir,
                ("Program.cs", ConsoleProgram),
                (".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Postmortem.severity = error\n"),
                (".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.PM3001.severity = none\n"));

            var result = ConsumerProjects.Build(_projects.ConsoleDir);

            Assert.True(result.ExitCode != 0, result.ToString());
            AssertDoesNotReport(result, "PM3001");
            AssertReports(result, "error", "PM2001", "Program.cs", LineOf(ConsoleProgram, "Path.GetTempFileName()"));
            AssertReports(result, "warning", "CS0168", "Program.cs", LineOf(ConsoleProgram, "int unused;"));
        }

        [Fact]
        public void DotnetFormatAnalyzers_AppliesTheFixesAndTheProjectStillBuilds()
        {
            ConsumerProjects.SetFiles(_projects.ConsoleDir, ("Program.cs", ConsoleProgram));
            var ids = new[] { "PM3001", "PM2001", "PM3002", "PM3003" };

            var format = DotNetCli.Run(
                _projects.ConsoleDir,
                new[] { "format", "analyzers", "ConsoleApp.csproj", "--no-restore", "--severity", "warn", "--diagnostics" }.Concat(ids).ToArray());
            Assert.True(format.ExitCode == 0, format.ToString());
            var fixedProgram = File.ReadAllText(Path.Combine(_projects.ConsoleDir, "Program.cs"));
            Assert.NotEqual(ConsoleProgram.Replace("\r\n", "\n"), fixedProgram.Replace("\r\n", "\n"));

            var result = ConsumerProjects.Build(_projects.ConsoleDir);

            Assert.True(result.ExitCode == 0, result + "\n--- Program.cs after dotnet format:\n" + fixedProgram);
            AssertNoLoadFailures(result);
            foreach (var id in ids)
            {
                AssertDoesNotReport(result, id);
            }
        }

        [Fact]
        public void DevelopmentDependency_IsNotInheritedAndAddsNothingToTheOutput()
        {
            var consoleProject = File.ReadAllText(Path.Combine(_projects.ConsoleDir, "ConsoleApp.csproj"));
            Assert.Contains("<PrivateAssets>all</PrivateAssets>", consoleProject, StringComparison.Ordinal);

            var downstreamAssets = File.ReadAllText(Path.Combine(_projects.DownstreamDir, "obj", "project.assets.json"));
            Assert.DoesNotContain("Postmortem.Analyzers", downstreamAssets, StringComparison.OrdinalIgnoreCase);

            ConsumerProjects.SetFiles(_projects.ConsoleDir, ("Program.cs", ConsoleProgram));
            ConsumerProjects.SetFiles(_projects.DownstreamDir, ("Program.cs", ConsoleProgram.Replace("namespace ConsumerApp", "namespace DownstreamApp", StringComparison.Ordinal)));
            var result = ConsumerProjects.Build(_projects.DownstreamDir);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("DownstreamApp" + Path.DirectorySeparatorChar + "Program.cs", string.Join("\n", result.Output.Split('\n').Where(l => l.Contains(" PM", StringComparison.Ordinal))), StringComparison.Ordinal);
            var consoleOutput = Path.Combine(_projects.ConsoleDir, "bin", "Debug", "net10.0");
            Assert.True(Directory.Exists(consoleOutput), result.ToString());
            Assert.Empty(Directory.GetFiles(consoleOutput, "Postmortem*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(Path.Combine(_projects.DownstreamDir, "bin", "Debug", "net10.0"), "Postmortem*", SearchOption.AllDirectories));
        }
    
        [Fact]
        public void WebBuild_ReportsFindingsInCodeAndInAppSettingsWithNoSetup()
        {
            ConsumerProjects.SetFiles(_projects.WebDir, ("Program.cs", WebProgram), ("appsettings.json", WebAppSettings));

            var result = ConsumerProjects.Build(_projects.WebDir);

            Assert.True(result.ExitCode == 0, result.ToString());
            AssertNoLoadFailures(result);
            AssertReports(result, "warning", "PM1001", "appsettings.json", LineOf(WebAppSettings, "\"Name\": \"File\""));
            AssertReports(result, "warning", "PM1001", "Program.cs", LineOf(WebProgram, ".WriteTo.File("));
            AssertReports(result, "warning", "PM2002", "Program.cs", LineOf(WebProgram, "File.WriteAllText("));
            AssertReports(result, "warning", "PM2003", "Program.cs", LineOf(WebProgram, "logs/audit-.log"));
            AssertReports(result, "warning", "PM3005", "Program.cs", LineOf(WebProgram, "logs/audit-.log"));
            AssertDoesNotReport(result, "PM3004"); // Info: shown in the IDE, not in the build
        }

        // Real-world round 25 (Skoruba's IdentityServer admin templates keep Serilog in serilog.json, added to the
        // configuration with AddJsonFile): serilog.json and serilog.*.json are passed as appsettings*.json are.
        [Fact]
        public void WebBuild_ReportsFindingsInSerilogJson()
        {
            ConsumerProjects.SetFiles(_projects.WebDir, ("Program.cs", WebProgram), ("serilog.json", WebAppSettings), ("serilog.Production.json", WebAppSettings));

            var result = ConsumerProjects.Build(_projects.WebDir);

            Assert.True(result.ExitCode == 0, result.ToString());
            AssertReports(result, "warning", "PM1001", "serilog.json", LineOf(WebAppSettings, "\"Name\": \"File\""));
            AssertReports(result, "warning", "PM1001", "serilog.Production.json", LineOf(WebAppSettings, "\"Name\": \"File\""));
        }

        [Fact]
        public void PostmortemAllRules_ShowsTheInfoRulesAsWarnings()
        {
            ConsumerProjects.SetFiles(_projects.WebDir, ("Program.cs", WebProgram), ("appsettings.json", WebAppSettings));

            var result = ConsumerProjects.Build(_projects.WebDir, "-p:PostmortemAllRules=true");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains(": warning PM3004:", result.Output, StringComparison.Ordinal);
        }
    
        [Fact]
        public void DotnetFormatAnalyzers_AppliesTheWebFixesAndTheProjectStillBuilds()
        {
            ConsumerProjects.SetFiles(_projects.WebDir, ("Program.cs", WebProgram));
            // Every rule with a fix that the web app shows: PM3004 (Info) needs --severity info.
            var ids = new[] { "PM1001", "PM2002", "PM2003", "PM3005", "PM3004" };

            var format = DotNetCli.Run(
                _projects.WebDir,
                new[] { "format", "analyzers", "WebApp.csproj", "--no-restore", "--severity", "info", "--diagnostics" }.Concat(ids).ToArray());
            Assert.True(format.ExitCode == 0, format.ToString());
            var fixedProgram = File.ReadAllText(Path.Combine(_projects.WebDir, "Program.cs"));

            var result = ConsumerProjects.Build(_projects.WebDir, "-p:PostmortemAllRules=true");

            Assert.True(result.ExitCode == 0, result + "\n--- Program.cs after dotnet format:\n" + fixedProgram);
            AssertNoLoadFailures(result);
            foreach (var id in ids)
            {
                AssertDoesNotReport(result, id);
            }
        }
    }
}
