using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Postmortem.Analyzers.Tests.EndToEnd
{
    /// <summary>The result of one <c>dotnet</c> command: its exit code and everything it printed.</summary>
    public sealed record CliResult(string Command, int ExitCode, string Output)
    {
        public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
    }

    /// <summary>Runs the SDK's own <c>dotnet</c>, as a user would, with a clean MSBuild environment.</summary>
    public static class DotNetCli
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

        public static CliResult Run(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs under `dotnet test`, whose MSBuild settings must not leak into the user's build.
            var inherited = new List<string>();
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                inherited.Add((string)entry.Key);
            }

            foreach (var name in inherited)
            {
                if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                    name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                    name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(name);
                }
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish within {Timeout}:\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return new CliResult("dotnet " + string.Join(" ", arguments), process.ExitCode, output.ToString());
            }
        }
    }
}
