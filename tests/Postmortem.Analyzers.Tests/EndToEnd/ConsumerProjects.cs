using System;
using System.IO;
using System.Linq;
using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Packs Postmortem.Analyzers once, puts it in a local folder feed, and installs it with <c>dotnet add package</c>
    /// into fresh projects the way a user does: a console app, a Web SDK app, and a downstream app that references the
    /// console app. Each has the packages folder of this run and a nuget.config that adds the local feed without naming
    /// any registry and without clearing the machine's own sources. Shared by every end-to-end test (one pack, one restore).
    /// </summary>
    public sealed class ConsumerProjects : IDisposable
    {
        public ConsumerProjects()
        {
            Root = Path.Combine(Path.GetTempPath(), "postmortem-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Root);
            Feed = Path.Combine(Root, "feed");

            var pack = DotNetCli.Run(
                References.RepositoryRoot,
                "pack", Path.Combine(References.RepositoryRoot, "src", "Postmortem.Package", "Postmortem.Package.csproj"),
                "-c", "Release", "-o", Feed);
            Require(pack);
            var packages = Directory.GetFiles(Feed, "*.nupkg");
            if (packages.Length != 1)
            {
                throw new InvalidOperationException($"Expected one package in {Feed}, found {packages.Length}.\n{pack}");
            }

            PackagePath = packages[0];
            Version = Path.GetFileNameWithoutExtension(PackagePath).Substring("Postmortem.Analyzers.".Length);

            File.WriteAllText(Path.Combine(Root, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="packages" />
                  </config>
                  <packageSources>
                    <add key="postmortem-local" value="feed" />
                  </packageSources>
                </configuration>
                """);
            // Keep the consumer projects free of any Directory.Build.* above the temporary folder.
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");

            ConsoleDir = CreateProject("ConsoleApp", "Microsoft.NET.Sdk", "");
            WebDir = CreateProject("WebApp", "Microsoft.NET.Sdk.Web", """
                  <ItemGroup>
                    <PackageReference Include="Serilog" Version="3.1.1" />
                    <PackageReference Include="Serilog.Sinks.File" Version="5.0.0" />
                    <PackageReference Include="Serilog.Settings.Configuration" Version="8.0.0" />
                  </ItemGroup>
                """);
            DownstreamDir = CreateProject("DownstreamApp", "Microsoft.NET.Sdk", """
                  <ItemGroup>
                    <ProjectReference Include="../ConsoleApp/ConsoleApp.csproj" />
                  </ItemGroup>
                """);

            // What the README tells users to do.
            Require(DotNetCli.Run(ConsoleDir, "add", "package", "Postmortem.Analyzers", "--version", Version));
            Require(DotNetCli.Run(WebDir, "add", "package", "Postmortem.Analyzers", "--version", Version));
            Require(DotNetCli.Run(DownstreamDir, "restore"));
        }

        public string Root { get; }

        public string Feed { get; }

        public string PackagePath { get; }

        public string Version { get; }

        public string ConsoleDir { get; }

        public string WebDir { get; }

        public string DownstreamDir { get; }

        /// <summary>Replaces the project's sources and config files (everything but the project file, obj and bin).</summary>
        public static void SetFiles(string projectDir, params (string Name, string Text)[] files)
        {
            foreach (var file in Directory.GetFiles(projectDir))
            {
                if (!file.EndsWith(".csproj", StringComparison.Ordinal))
                {
                    File.Delete(file);
                }
            }

            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(projectDir, name), text);
            }
        }

        public static CliResult Build(string projectDir, params string[] extra)
            => DotNetCli.Run(projectDir, new[] { "build", "--no-restore", "--no-incremental", "-nologo" }.Concat(extra).ToArray());

        public static void Require(CliResult result)
        {
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("Setting up the end-to-end projects failed:\n" + result);
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temporary folder is cleaned by the OS.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private string CreateProject(string name, string sdk, string items)
        {
            var dir = Path.Combine(Root, name);
            Directory.CreateDirectory(dir);
            var outputType = sdk.EndsWith(".Web", StringComparison.Ordinal) ? "" : "    <OutputType>Exe</OutputType>\n";
            File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
                <Project Sdk="{sdk}">
                  <PropertyGroup>
                {outputType}    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>disable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                {items}</Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), "public static class Program { public static void Main() { } }\n");
            return dir;
        }
    }
}
