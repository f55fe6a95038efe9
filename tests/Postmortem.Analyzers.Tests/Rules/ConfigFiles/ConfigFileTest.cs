using System.Collections.Immutable;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Rules;
using Postmortem.Analyzers.Rules.ConfigFiles;
using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    internal enum NLogRef
    {
        None,
        V5,
        V6,
    }

    /// <summary>
    /// Builds a test of <see cref="LoggingConfigFileAnalyzer"/> and of <see cref="PM3004LoggingFailuresInvisibleAnalyzer"/>,
    /// which reports PM3004 in configuration files: configuration files as additional files with markup
    /// (<c>{|PM1001:…|}</c> marks the exact entry), a small C# project (web or not) that references Serilog, optionally
    /// NLog 5 or 6, and a log4net stand-in. By default the code enables every library's internal log, so PM3004 stays
    /// out of tests about other rules; <c>failuresVisibleInCode: false</c> leaves it off, and <c>code</c> adds statements.
    /// Serilog.Settings.Configuration, the reader of appsettings.json's Serilog section, is referenced unless
    /// <c>serilogSettings: false</c>; NLog.Extensions.Logging, the reader of its NLog section, with NLog unless
    /// <c>nlogSettings: false</c>.
    /// </summary>
    internal static class ConfigFileTest
    {
        public static AnalyzerTest Create(
            IEnumerable<(string Path, string Content)> files,
            bool web = true,
            NLogRef nlog = NLogRef.None,
            bool failuresVisibleInCode = true,
            string? workerProcesses = null,
            string? code = null,
            bool serilogSettings = true,
            bool nlogSettings = true)
        {
            var body = new List<string>();
            if (failuresVisibleInCode)
            {
                body.Add("Serilog.Debugging.SelfLog.Enable(System.Console.Error);");
                body.Add("log4net.Util.LogLog.InternalDebugging = true;");
                if (nlog != NLogRef.None)
                {
                    // An output, and a level: under NLog 5 an output alone leaves the level Off.
                    body.Add("NLog.Common.InternalLogger.LogToConsoleError = true;");
                    body.Add("NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;");
                }
            }

            if (code is not null)
            {
                body.Add(code);
            }

            var source = $$"""
                class Startup
                {
                    public void Configure()
                    {
                        {{string.Join("\n        ", body)}}
                    }
                }

                namespace log4net.Util
                {
                    public sealed class LogLog
                    {
                        public static bool InternalDebugging { get; set; }

                        public sealed class LogReceivedAdapter : System.IDisposable
                        {
                            public LogReceivedAdapter(System.Collections.Generic.List<LogLog> items) { }

                            public void Dispose() { }
                        }
                    }
                }
                """;

            var test = new AnalyzerTest { TestCode = source };
            test.Analyzers.Add(new LoggingConfigFileAnalyzer());
            test.Analyzers.Add(new PM3004LoggingFailuresInvisibleAnalyzer());
            test.References.AddRange(serilogSettings ? References.SerilogWithSettings : References.Serilog);
            if (nlog == NLogRef.V5)
            {
                test.References.AddRange(References.NLog5);
                test.References.AddRange(nlogSettings ? References.NLogExtensions5 : ImmutableArray<MetadataReference>.Empty);
            }
            else if (nlog == NLogRef.V6)
            {
                test.References.AddRange(References.NLog6);
                test.References.AddRange(nlogSettings ? References.NLogExtensions6 : ImmutableArray<MetadataReference>.Empty);
            }

            if (web)
            {
                test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            }

            if (workerProcesses is not null)
            {
                test.GlobalOptions["build_property.PostmortemWorkerProcesses"] = workerProcesses;
            }

            foreach (var file in files)
            {
                test.AdditionalFiles.Add(file);
            }

            return test;
        }

        public static Task RunAsync(
            string path,
            string content,
            bool web = true,
            NLogRef nlog = NLogRef.None,
            bool failuresVisibleInCode = true,
            string? workerProcesses = null,
            params DiagnosticResult[] expected)
        {
            var test = Create(new[] { (path, content) }, web, nlog, failuresVisibleInCode, workerProcesses);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static Task RunAsync(IEnumerable<(string Path, string Content)> files, bool web = true, NLogRef nlog = NLogRef.None, bool failuresVisibleInCode = true)
            => Create(files, web, nlog, failuresVisibleInCode).RunAsync();

        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static DiagnosticSeverity Info => DiagnosticSeverity.Info;
    }
}
