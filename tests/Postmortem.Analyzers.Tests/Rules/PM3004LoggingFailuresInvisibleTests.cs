using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM3004LoggingFailuresInvisibleAnalyzer,
    Postmortem.CodeFixes.Rules.PM3004LoggingFailuresInvisibleCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3004LoggingFailuresInvisibleTests
    {
        private const string SerilogWhat = "Serilog's file sink (WriteTo.File)";
        private const string SerilogChannel = "Serilog's SelfLog, which is never enabled";
        private const string NLogChannel = "NLog's InternalLogger, which is never enabled";
        private const string Log4NetChannel = "log4net's internal debugging (LogLog), which is never enabled";
        private const string DebugOnly = ", which is enabled only for Debug builds (Release builds leave out Debug.WriteLine and [Conditional(\"DEBUG\")] code)";
        private const string EntryPoint = "static class Program { static void Main() { } }";
        private const string ConsoleOnly = ", which writes only to the console, and a Windows application has none (Console.Out and Console.Error write nowhere)";
        private const string ServiceConsoleOnly = ", which writes only to the console, and a Windows service has none (Console.Out and Console.Error write nowhere)";

        private static AnalyzerTest Test(IEnumerable<MetadataReference> references, params string[] sources)
        {
            var test = VerifyCS.Test(sources[0], sources[0]);
            test.FixedSources.Clear();
            for (var i = 1; i < sources.Length; i++)
            {
                test.Sources.Add(sources[i]);
            }

            test.References.AddRange(references);
            return test;
        }

        private static Task Verify(IEnumerable<MetadataReference> references, string source, params DiagnosticResult[] expected)
        {
            var test = Test(references, source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task VerifyLog4Net(string source, params DiagnosticResult[] expected)
        {
            var test = Test(References.Net, source, Log4NetStubs.Source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static string SerilogSetup(string body, string members = "") => $$"""
            using System;
            using Serilog;

            public static class LoggingSetup
            {
                public static ILogger Create(string path)
                {
            {{body}}
                }
            {{members}}
            }
            """;

        // ------------------------------------------------------------ Serilog

        [Fact]
        public Task SerilogFileSinkWithoutSelfLog_ReportsDiagnostic()
            => Verify(
                References.Serilog,
                SerilogSetup("""
                        return new LoggerConfiguration()
                            .WriteTo.{|#0:File(path, rollOnFileSizeLimit: true)|}
                            .CreateLogger();
                """),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, SerilogChannel).WithSeverity(DiagnosticSeverity.Info));

        [Fact]
        public Task SerilogFileSinkNestedAndTwice_ReportsOnceAtTheFirst()
            => Verify(
                References.Serilog,
                SerilogSetup("""
                        var first = new LoggerConfiguration()
                            .WriteTo.Logger(inner => inner.WriteTo.[|File(path + ".inner")|])
                            .CreateLogger();
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """));

        [Fact]
        public Task SerilogFileSinksInTwoFiles_ReportsOnceInTheFirstFile()
        {
            var test = Test(
                References.Serilog,
                SerilogSetup("""
                        return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                """),
                """
                using Serilog;

                public static class Other
                {
                    public static ILogger Create() => new LoggerConfiguration().WriteTo.File("other.log").CreateLogger();
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogFileSinkInGeneratedFileFirst_ReportsInTheFirstHandWrittenFile()
        {
            // The generated file comes first (by path) and configures a file sink: the report goes to the first site in
            // code someone wrote, whichever of the two the driver sees first.
            var test = Test(
                References.Serilog,
                """
                // <auto-generated/>
                using Serilog;

                public static class Generated
                {
                    public static ILogger Create() => new LoggerConfiguration().WriteTo.File("generated.log").CreateLogger();
                }
                """,
                SerilogSetup("""
                        var first = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                        return new LoggerConfiguration().WriteTo.File(path + ".2").CreateLogger();
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task UserTypeNamedSelfLog_ReportsDiagnostic()
            => Verify(
                References.Serilog,
                SerilogSetup(
                    """
                        SelfLog.Enable(Console.Error);
                        return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                """,
                    """
                    private static class SelfLog { public static void Enable(System.IO.TextWriter writer) { } }
                """));

        [Fact]
        public Task SelfLogEnabledAnywhere_NoDiagnostic()
        {
            var test = Test(
                References.Serilog,
                SerilogSetup("""
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """),
                """
                using System;

                public static class Diagnostics
                {
                    public static void Init() => Serilog.Debugging.SelfLog.Enable(message => Console.Error.WriteLine(message));
                }
                """);
            return test.RunAsync();
        }

        // A switch inside a [Conditional("DEBUG")] method never runs in a Release build, which leaves every call of it out
        // (the shape of Blish HUD's DebugService, real-world round 5); one conditional on TRACE, defined in Release builds
        // too, still counts.
        [Theory]
        [InlineData("DEBUG", true)]
        [InlineData("TRACE", false)]
        public Task SwitchesInsideConditionalMethod_ReportsDiagnosticOnlyWhenDebugOnly(string symbol, bool reported)
            => Test(
                System.Linq.Enumerable.Concat(References.Serilog, References.NLog5),
                SerilogSetup(reported
                    ? "        Diagnostics.EnableDiagnostics();\n        return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();"
                    : "        Diagnostics.EnableDiagnostics();\n        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();"),
                $$"""
                public static class Diagnostics
                {
                    [System.Diagnostics.Conditional("{{symbol}}")]
                    public static void EnableDiagnostics()
                    {
                        Serilog.Debugging.SelfLog.Enable(System.Console.Error);
                        NLog.LogManager.ThrowExceptions = true;
                        NLog.Common.InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);
                    }

                    public static NLog.Targets.FileTarget Target() => {{(reported ? "[|new NLog.Targets.FileTarget(\"f\")|]" : "new NLog.Targets.FileTarget(\"f\")")}};
                }
                """).RunAsync();

        // SelfLog.Enable(msg => Debug.WriteLine(msg)), a common way to "enable" SelfLog: Debug.WriteLine is
        // [Conditional("DEBUG")], so a Release build keeps the handler and drops its only call. The message says so.
        [Theory]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg));")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => { System.Diagnostics.Debug.WriteLine(\"[Serilog] \" + msg); System.Diagnostics.Debug.Flush(); });")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(delegate (string msg) { System.Diagnostics.Debug.Print(msg); });")]
        public Task SelfLogHandlerOnlyWritingToDebug_ReportsDiagnostic(string enable)
        {
            var test = Test(References.Serilog, SerilogSetup($$"""
                        {{enable}}
                        return new LoggerConfiguration().WriteTo.{|#0:File(path)|}.CreateLogger();
                """));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, "Serilog's SelfLog" + DebugOnly).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        // A handler that does something in Release (Trace is defined there), a method group (not known to be empty), or a
        // second Enable that writes somewhere: SelfLog is on.
        [Theory]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Trace.WriteLine(msg));")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => { System.Diagnostics.Debug.WriteLine(msg); Console.Error.WriteLine(msg); });")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(Report);")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg)); Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        public Task SelfLogHandlerWritingInRelease_NoDiagnostic(string enable)
            => Verify(References.Serilog, SerilogSetup($$"""
                        {{enable}}
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """, "    private static void Report(string message) => System.Diagnostics.Debug.WriteLine(message);"));

        // Real-world round 9: a Windows GUI application (WinExe) has no console, and .NET gives it null Console.Out and
        // Console.Error (as PM3001 knows): a switch that writes only there makes nothing visible. The message says so.
        [Theory]
        [InlineData("Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(Console.Out);")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(msg => Console.Error.WriteLine(msg));")]
        [InlineData("Serilog.Debugging.SelfLog.Enable(Console.WriteLine);")]
        public Task SelfLogOnlyToTheConsoleOfAWindowsApplication_ReportsDiagnostic(string enable)
        {
            var test = Test(References.Serilog, SerilogSetup($$"""
                        {{enable}}
                        return new LoggerConfiguration().WriteTo.{|#0:File(path)|}.CreateLogger();
                """));
            test.OutputKind = OutputKind.WindowsApplication;
            test.Sources.Add(EntryPoint);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, "Serilog's SelfLog" + ConsoleOnly).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        // In a Windows application a switch that writes to a file or to Trace counts; in any other project the console does.
        [Theory]
        [InlineData(OutputKind.WindowsApplication, "Serilog.Debugging.SelfLog.Enable(TextWriter.Synchronized(File.AppendText(\"selflog.txt\")));")]
        [InlineData(OutputKind.WindowsApplication, "Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Trace.WriteLine(msg));")]
        [InlineData(OutputKind.ConsoleApplication, "Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        [InlineData(OutputKind.DynamicallyLinkedLibrary, "Serilog.Debugging.SelfLog.Enable(msg => Console.Error.WriteLine(msg));")]
        public Task SelfLogThatIsSeen_NoDiagnostic(OutputKind kind, string enable)
        {
            var test = Test(References.Serilog, SerilogSetup($$"""
                        {{enable}}
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """).Replace("using System;", "using System;\nusing System.IO;", System.StringComparison.Ordinal));
            test.OutputKind = kind;
            if (kind != OutputKind.DynamicallyLinkedLibrary)
            {
                test.Sources.Add(EntryPoint);
            }

            return test.RunAsync();
        }

        // The same in a WinExe and in a Windows service (a console application hosted by UseWindowsService()).
        [Theory]
        [InlineData("NLog.Common.InternalLogger.LogToConsoleError = true;", true, false)]
        [InlineData("NLog.Common.InternalLogger.LogToConsole = true;", true, false)]
        [InlineData("NLog.Common.InternalLogger.LogWriter = System.Console.Out;", true, false)]
        [InlineData("NLog.Common.InternalLogger.LogFile = \"nlog-internal.log\";", false, false)]
        [InlineData("NLog.Common.InternalLogger.LogToConsoleError = true;", true, true)]
        [InlineData("NLog.Common.InternalLogger.LogWriter = System.Console.Out;", true, true)]
        [InlineData("NLog.Common.InternalLogger.LogFile = \"nlog-internal.log\";", false, true)]
        public Task NLogInternalLoggerToTheConsoleOfAWindowsApplicationOrService_ReportsDiagnostic(string output, bool reported, bool service)
        {
            var test = Test(
                References.NLog5,
                $$"""
                public static class LoggingSetup
                {
                    public static NLog.Targets.FileTarget Create()
                    {
                        {{output}}
                        NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;
                        return {|#0:new NLog.Targets.FileTarget("f")|};
                    }
                }
                """);
            if (service)
            {
                test.Sources.Add(ServiceHostSources.Program("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();"));
                test.References.AddRange(References.AspNetCore);
                test.References.AddRange(References.WindowsServices);
            }
            else
            {
                test.OutputKind = OutputKind.WindowsApplication;
                test.Sources.Add(EntryPoint);
            }

            if (reported)
            {
                test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("NLog's file target (new FileTarget)", "NLog's InternalLogger" + (service ? ServiceConsoleOnly : ConsoleOnly)).WithSeverity(DiagnosticSeverity.Info));
            }
            else
            {
                test.Sources[0] = test.Sources[0].Replace("{|#0:", string.Empty, System.StringComparison.Ordinal).Replace(")|}", ")", System.StringComparison.Ordinal);
            }

            return test.RunAsync();
        }

        // A Windows service has no console either (the service control manager starts it without one, and .NET gives it null
        // Console.Out and Console.Error as in a WinExe), but only a call says it is one: UseWindowsService(),
        // AddWindowsService() or ServiceBase.Run(…), here in another file and after the switch (decided at the end).
        [Theory]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();")]
        [InlineData("var builder = Host.CreateApplicationBuilder(args); builder.Services.AddWindowsService(); builder.Build().Run();")]
        [InlineData("System.ServiceProcess.ServiceBase.Run(new Worker());")]
        public Task SelfLogOnlyToTheConsoleOfAWindowsService_ReportsDiagnostic(string host)
        {
            var test = Test(References.Serilog, SerilogSetup("""
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        return new LoggerConfiguration().WriteTo.{|#0:File(path)|}.CreateLogger();
                """));
            test.Sources.Add(ServiceHostSources.Program(host));
            test.References.AddRange(References.AspNetCore);
            test.References.AddRange(References.WindowsServices);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, "Serilog's SelfLog" + ServiceConsoleOnly).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        // The console of a host that also runs under systemd (its journal keeps the console) counts, as does a service's
        // switch to a file, and a console switch in a project that references the service host but never uses it.
        [Theory]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().UseSystemd().Build().Run();", "Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        [InlineData("var builder = Host.CreateApplicationBuilder(args); builder.Services.AddSystemd(); builder.Services.AddWindowsService(); builder.Build().Run();", "Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", "Serilog.Debugging.SelfLog.Enable(System.IO.TextWriter.Synchronized(System.IO.File.AppendText(\"selflog.txt\")));")]
        [InlineData("Host.CreateDefaultBuilder(args).Build().Run();", "Serilog.Debugging.SelfLog.Enable(Console.Error);")]
        public Task SelfLogThatIsSeenInAService_NoDiagnostic(string host, string enable)
        {
            var test = Test(References.Serilog, SerilogSetup($$"""
                        {{enable}}
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """));
            test.Sources.Add(ServiceHostSources.Program(host));
            test.References.AddRange(References.AspNetCore);
            test.References.AddRange(References.WindowsServices);
            test.References.AddRange(References.Systemd);
            return test.RunAsync();
        }

        // The same for NLog's and log4net's events: a handler that only writes to Debug makes nothing visible in Release.
        [Fact]
        public Task InternalLogEventHandlersOnlyWritingToDebug_ReportsDiagnostic()
        {
            var test = Test(
                References.NLog5,
                """
                public static class LoggingSetup
                {
                    public static NLog.Targets.FileTarget Create()
                    {
                        NLog.Common.InternalLogger.LogMessageReceived += (sender, e) => System.Diagnostics.Debug.WriteLine(e.Message);
                        return {|#0:new NLog.Targets.FileTarget("f")|};
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("NLog's file target (new FileTarget)", "NLog's InternalLogger" + DebugOnly).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [Fact]
        public Task SwitchInsideConditionalLocalFunction_ReportsDiagnostic()
            => Verify(
                References.Serilog,
                SerilogSetup("""
                        EnableDiagnostics();
                        return new LoggerConfiguration().WriteTo.{|#0:File(path)|}.CreateLogger();

                        [System.Diagnostics.Conditional("DEBUG")]
                        static void EnableDiagnostics() => Serilog.Debugging.SelfLog.Enable(Console.Error);
                """),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, "Serilog's SelfLog" + DebugOnly).WithSeverity(DiagnosticSeverity.Info));

        private const string AddFileSetup = """
            using Microsoft.Extensions.Logging;

            public static class LoggingSetup
            {
                public static void Configure(ILoggingBuilder logging) => logging.{|#0:AddFile("Logs/app-{Date}.txt")|};
            }
            """;

        [Fact]
        public Task SerilogExtensionsLoggingFileAddFile_ReportsDiagnostic()
        {
            // The package depends on Serilog, so Serilog is referenced too.
            var test = Test(References.Serilog, AddFileSetup);
            test.References.AddRange(References.AspNetCore);
            test.References.Add(LogSinkStubs.SerilogExtensionsLoggingFile());
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("Serilog's file sink (AddFile)", SerilogChannel).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("Serilog.Extensions.Logging.File", true)]
        [InlineData("My.Logging.File", false)]
        public Task AddFileWithSelfLogOrFromAnotherAssembly_NoDiagnostic(string assemblyName, bool selfLogEnabled)
        {
            var source = AddFileSetup.Replace("{|#0:", string.Empty, System.StringComparison.Ordinal).Replace("|};", ";", System.StringComparison.Ordinal);
            var test = Test(References.Serilog, source);
            if (selfLogEnabled)
            {
                test.Sources.Add("public static class Diagnostics { public static void Init() => Serilog.Debugging.SelfLog.Enable(System.Console.Error); }");
            }

            test.References.AddRange(References.AspNetCore);
            test.References.Add(LogSinkStubs.SerilogExtensionsLoggingFile(assemblyName));
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogWithoutFileSink_NoDiagnostic()
            => Verify(
                References.Serilog,
                SerilogSetup(
                    """
                        return new LoggerConfiguration()
                            .WriteTo.Sink(new NullSink())
                            .AuditTo.File(path)
                            .CreateLogger();
                """,
                    """
                    private sealed class NullSink : Serilog.Core.ILogEventSink { public void Emit(Serilog.Events.LogEvent logEvent) { } }
                """));

        [Fact]
        public Task NoLoggingLibrary_NoDiagnostic()
            => Verify(References.Net, """
                public static class File
                {
                    public static void WriteTo() { }
                }
                """);

        // ------------------------------------------------------------ NLog

        private static string NLogSetup(string body) => $$"""
            using NLog;
            using NLog.Common;
            using NLog.Config;
            using NLog.Targets;

            public static class LoggingSetup
            {
                public static void Configure()
                {
            {{body}}
                }
            }
            """;

        public static TheoryData<string> NLogVersions() => new() { "5", "6" };

        private static IEnumerable<MetadataReference> NLog(string version) => version switch
        {
            "4" => References.NLog4,
            "5" => References.NLog5,
            _ => References.NLog6,
        };

        [Theory]
        [MemberData(nameof(NLogVersions))]
        public Task NLogFileTargetInCode_ReportsDiagnostic(string version)
            => Verify(
                NLog(version),
                NLogSetup("""
                        var config = new LoggingConfiguration();
                        var file = {|#0:new FileTarget("file") { FileName = "logs/app.log" }|};
                        config.AddRuleForAllLevels(file);
                        LogManager.Configuration = config;
                """),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("NLog's file target (new FileTarget)", NLogChannel));

        [Theory]
        [MemberData(nameof(NLogVersions))]
        public Task NLogFluentWriteToFile_ReportsDiagnostic(string version)
            => Verify(
                NLog(version),
                NLogSetup("""
                        LogManager.Setup().LoadConfiguration(builder => builder.ForLogger().{|#0:WriteToFile("logs/app.log")|});
                """),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("NLog's file target (WriteToFile)", NLogChannel));

        [Theory]
        [InlineData("InternalLogger.LogLevel = LogLevel.Off;")]
        [InlineData("InternalLogger.LogToConsoleError = false;")]
        [InlineData("LogManager.ThrowExceptions = false;")]
        [InlineData("LogManager.ThrowConfigExceptions = true;")]
        public Task NLogInternalLoggerSwitchedOffOrConfigOnly_ReportsDiagnostic(string statement)
            => Verify(
                References.NLog5,
                NLogSetup($$"""
                        {{statement}}
                        var file = [|new FileTarget("file")|];
                """));

        // NLog's InternalLogger writes once it has an output, and under NLog 5 a level too: an output alone leaves the level
        // Off under NLog 5.0.4, while NLog 6.2.0 raises it to Info (both checked: no internal log, then 1,346 bytes).
        [Theory]
        [InlineData("5", "InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("5", "InternalLogger.LogToConsoleError = true;")]
        [InlineData("5", "InternalLogger.LogWriter = System.Console.Error; InternalLogger.IncludeTimestamp = true;")]
        [InlineData("6", "InternalLogger.LogLevel = LogLevel.Warn;")]
        [InlineData("5", "InternalLogger.LogLevel = LogLevel.Warn; InternalLogger.LogFile = null;")]
        [InlineData("5", "InternalLogger.LogLevel = LogLevel.Warn; InternalLogger.IncludeTimestamp = true;")]
        public Task NLogInternalLoggerWithoutOutputOrWithoutLevelUnderNLog5_ReportsDiagnostic(string version, string statement)
            => Verify(
                NLog(version),
                NLogSetup($$"""
                        {{statement}}
                        var file = [|new FileTarget("file") { FileName = "logs/app.log" }|];
                """));

        [Theory]
        [InlineData("5", "InternalLogger.LogLevel = LogLevel.Warn; InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("5", "InternalLogger.LogToConsoleError = true; InternalLogger.LogLevel = LogLevel.Error;")]
        [InlineData("6", "InternalLogger.LogToConsole = true;")]
        [InlineData("6", "InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("5", "InternalLogger.LogWriter = System.Console.Error; InternalLogger.LogLevel = LogLevel.Warn;")]
        [InlineData("5", "LogManager.ThrowExceptions = true;")]
        [InlineData("6", "new LogFactory().ThrowExceptions = true;")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).LogToConsole(true));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).LogToFile(\"internal.log\"));")]
        [InlineData("5", "InternalLogger.LogLevel = LogLevel.Warn; InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        public Task NLogInternalLoggerConfigured_NoDiagnostic(string version, string statement)
            => Verify(
                NLog(version),
                NLogSetup($$"""
                        {{statement}}
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """));

        // SetupInternalLogger's builder calls are read as the properties they set, and a subscriber of the InternalLogger
        // needs a level too (the twenty-eighth session's review; checked with NLog 4.7.13, 5.0.4 and 6.2.0 in a console
        // app: LogToFile alone leaves NLog 5's level Off, a level alone writes nowhere, a subscriber at level Off receives
        // nothing under 5 and 6, and an output set before or after `LogLevel = LogLevel.Off` writes nothing under 6).
        [Theory]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.LogToFile(\"nlog-internal.log\"));")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Off).LogToFile(\"nlog-internal.log\"));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.LogToFile(null));")]
        [InlineData("6", "InternalLogger.LogLevel = LogLevel.Off; InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("6", "InternalLogger.LogFile = \"nlog-internal.log\"; InternalLogger.LogLevel = LogLevel.Off;")]
        [InlineData("5", "InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        [InlineData("6", "InternalLogger.InternalEventOccurred += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.AddLogSubscription((sender, e) => System.Console.Error.WriteLine(e.Message)));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.AddEventSubscription((sender, e) => System.Console.Error.WriteLine(e.Message)));")]
        public Task NLogInternalLoggerBuilderOrSubscriberWithoutLevelOrOutput_ReportsDiagnostic(string version, string statement)
            => Verify(
                NLog(version),
                NLogSetup($$"""
                        {{statement}}
                        var file = [|new FileTarget("file") { FileName = "logs/app.log" }|];
                """));

        [Theory]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.LogToFile(\"nlog-internal.log\"));")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.LogToFile(\"nlog-internal.log\").SetMinimumLogLevel(LogLevel.Warn));")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => { s.SetMinimumLogLevel(LogLevel.Warn); s.LogToWriter(System.Console.Error); });")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.SetupFromEnvironmentVariables());")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(Internal); static void Internal(ISetupInternalLoggerBuilder s) => s.SetMinimumLogLevel(LogLevel.Warn).LogToConsole(true);")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.LogToFile(\"nlog-internal.log\").AddEventSubscription((sender, e) => System.Console.Error.WriteLine(e.Message)));")]
        [InlineData("6", "InternalLogger.LogLevel = LogLevel.Off; InternalLogger.LogLevel = LogLevel.Warn; InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).AddEventSubscription((sender, e) => System.Console.Error.WriteLine(e.Message)));")]
        [InlineData("4", "InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        public Task NLogInternalLoggerBuilderOrSubscriberWithLevelAndOutput_NoDiagnostic(string version, string statement)
            => Verify(
                NLog(version),
                NLogSetup($$"""
                        {{statement}}
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """));

        // A SetupInternalLogger lambda that hands the builder to code the compilation does not contain (a shared library's
        // helper, a delegate) is not read: it counts as switching the InternalLogger on, as a callback of another assembly
        // does (the session's last review).
        [Theory]
        [InlineData("LogManager.Setup().SetupInternalLogger(s => Company.Logging.InternalLog.Configure(s));")]
        [InlineData("LogManager.Setup().SetupInternalLogger(s => more(s));")]
        [InlineData("LogManager.Setup().SetupInternalLogger(s => { more?.Invoke(s.SetMinimumLogLevel(LogLevel.Warn)); });")]
        [InlineData("LogManager.Setup().SetupInternalLogger(Company.Logging.InternalLog.Configure);")]
        public Task SetupInternalLoggerHandingTheBuilderOn_NoDiagnostic(string statement)
        {
            var test = Test(
                References.NLog5.Add(CompanyLogging()),
                $$"""
                using System;
                using NLog;
                using NLog.Config;
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static void Configure(Action<ISetupInternalLoggerBuilder> more)
                    {
                        {{statement}}
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                    }
                }
                """);
            return test.RunAsync();
        }

        private static MetadataReference CompanyLogging()
        {
            var compilation = CSharpCompilation.Create(
                "Company.Logging",
                new[]
                {
                    CSharpSyntaxTree.ParseText("""
                        namespace Company.Logging
                        {
                            public static class InternalLog
                            {
                                public static void Configure(NLog.Config.ISetupInternalLoggerBuilder s)
                                    => NLog.SetupInternalLoggerBuilderExtensions.LogToFile(
                                        NLog.SetupInternalLoggerBuilderExtensions.SetMinimumLogLevel(s, NLog.LogLevel.Warn), "nlog-internal.log");
                            }
                        }
                        """),
                },
                References.Net.AddRange(References.NLog5),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        // LogLevel = Off silences a subscriber under NLog 4 too, as it silences an output; under NLog 6 any output raises the
        // level, also a console nobody sees in a Windows application, so a subscriber writing to a file receives.
        // A lambda handing the builder to a method of the compilation is read there: that method's calls count.
        [Fact]
        public Task SetupInternalLoggerLambdaToAMethodOfTheCompilation_ReportsDiagnostic()
            => Verify(
                References.NLog5,
                """
                using NLog;
                using NLog.Config;
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        LogManager.Setup().SetupInternalLogger(s => Internal(s));
                        var file = [|new FileTarget("file") { FileName = "logs/app.log" }|];
                    }

                    private static void Internal(ISetupInternalLoggerBuilder s) => s.SetMinimumLogLevel(LogLevel.Off);
                }
                """);

        [Fact]
        public Task NLog4SubscriberWithLevelOff_ReportsDiagnostic()
            => Verify(
                References.NLog4,
                NLogSetup("""
                        InternalLogger.LogLevel = LogLevel.Off;
                        InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);
                        var file = [|new FileTarget("file") { FileName = "logs/app.log" }|];
                """));

        [Fact]
        public Task NLog6UnseenConsoleOutputRaisesTheLevelForAFileSubscriber_NoDiagnostic()
        {
            var test = Test(References.NLog6, NLogSetup("""
                        InternalLogger.LogToConsole = true;
                        InternalLogger.InternalEventOccurred += (sender, e) => System.IO.File.AppendAllText("nlog-internal.log", e.Message);
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """), EntryPoint);
            test.OutputKind = OutputKind.WindowsApplication;
            return test.RunAsync();
        }

        // Switches in other files than the configuring one, through a global `using static`, an escaped name, a nested
        // type and an object initializer: a filter of the switch actions by file text has to keep every one of them.
        [Theory]
        [InlineData("LogLevel = NLog.LogLevel.Warn; LogToConsoleError = true;")]
        [InlineData("InternalLogger.\\u004CogFile = \"nlog-internal.log\"; InternalLogger.LogLevel = NLog.LogLevel.Warn;")]
        [InlineData("LogLevel = NLog.LogLevel.Warn; LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        public Task NLogSwitchedInAnotherFileThroughUsingStatic_NoDiagnostic(string statement)
            => Test(
                References.NLog5,
                NLogSetup("""
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """),
                "global using static NLog.Common.InternalLogger;\nglobal using NLog.Common;",
                $$"""
                public static class Startup
                {
                    public static class Diagnostics
                    {
                        public static void SwitchOn()
                        {
                            {{statement}}
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task NLogThrowExceptionsInObjectInitializerOfAnotherFile_NoDiagnostic()
            => Test(
                References.NLog6,
                NLogSetup("""
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """),
                """
                public sealed class Factories
                {
                    public NLog.LogFactory Create() => new NLog.LogFactory { ThrowExceptions = true };
                }
                """).RunAsync();

        // PM3004 looks at calls, assignments and subscriptions only in the types of files that name one of them (a method,
        // property or event is named where it is used; a call is the name, white space, then '('). Each switch below is
        // alone in a file that names nothing else the rule looks for.
        [Theory]
        [InlineData("5", "InternalLogger.LogLevel = LogLevel.Warn;", "InternalLogger.LogToConsole = true;")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.LogToConsole(true));", "")]
        public Task NLogSwitchAloneInAnotherFile_NoDiagnostic(string version, string other, string setup)
            => Test(
                NLog(version),
                NLogSetup($$"""
                        {{setup}}
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """),
                $$"""
                using NLog;
                using NLog.Common;

                public static class Diagnostics
                {
                    public static void SwitchOn()
                    {
                        {{other}}
                    }
                }
                """).RunAsync();

        // A sink added through a lambda whose parameter type is declared elsewhere, its extension brought in by a global
        // using: the file names neither WriteTo nor Serilog, only the call, here with a space before its parenthesis.
        [Theory]
        [InlineData("File", "WriteTo.File")]
        [InlineData("RollingFile", "WriteTo.RollingFile")]
        public Task SerilogSinkInAFileNamingOnlyTheCall_ReportsDiagnostic(string sink, string display)
        {
            var test = Test(
                References.Serilog,
                $$"""
                public static class Sinks
                {
                    public static void AddTo(Serilog.LoggerConfiguration configuration) => Helpers.Apply(configuration, s => s.{|#0:{{sink}} ("logs/app.log")|});
                }
                """,
                """
                public static class Helpers
                {
                    public static void Apply(Serilog.LoggerConfiguration configuration, System.Action<Serilog.Configuration.LoggerSinkConfiguration> add) => add(configuration.WriteTo);

                    public static Serilog.LoggerConfiguration RollingFile(this Serilog.Configuration.LoggerSinkConfiguration to, string path) => to.File(path);
                }
                """,
                "global using Serilog;");
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("Serilog's file sink (" + display + ")", SerilogChannel).WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [Fact]
        public Task UserPropertyNamedLikeASwitch_ReportsDiagnostic()
            => Verify(
                References.NLog5,
                NLogSetup("""
                        new Options().LogFile = "nlog-internal.log";
                        var file = [|new FileTarget("file")|];
                """) + """

                public sealed class Options
                {
                    public string LogFile { get; set; }
                }
                """);

        [Fact]
        public Task NLogInternalLogFileInNLogConfig_NoDiagnostic()
        {
            var test = Test(References.NLog5, NLogSetup("""
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """));
            test.AdditionalFiles.Add(("/0/nlog.config", """
                <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" internalLogLevel="Warn" internalLogFile="c:\temp\nlog-internal.log">
                </nlog>
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task NLogWithoutFileTarget_NoDiagnostic()
            => Verify(
                References.NLog6,
                NLogSetup("""
                        var config = new LoggingConfiguration();
                        config.AddRuleForAllLevels(new ConsoleTarget("console"));
                        LogManager.Configuration = config;
                """));

        // ------------------------------------------------------------ log4net (stubs mirroring its public surface)

        [Fact]
        public Task Log4NetRollingFileAppender_ReportsDiagnostic()
            => VerifyLog4Net(
                """
                using log4net.Appender;

                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        var appender = {|#0:new RollingFileAppender { File = "logs/app.log", MaxSizeRollBackups = 10 }|};
                        appender.ActivateOptions();
                        log4net.Config.BasicConfigurator.Configure(appender);
                    }
                }
                """,
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("log4net (new RollingFileAppender)", Log4NetChannel));

        // Reported where log4net writes a file: a file appender's creation before a configurator, a configurator before
        // another appender, whatever their order in the file (real-world round 30: the report was on a console appender in
        // a method nothing called, with a file appender further down).
        [Theory]
        [InlineData("new ConsoleAppender()", "BasicConfigurator.Configure(console)", "{|#0:new RollingFileAppender { File = \"logs/app.log\" }|}", "log4net (new RollingFileAppender)")]
        [InlineData("new ConsoleAppender()", "BasicConfigurator.{|#0:Configure(console)|}", "new ConsoleAppender()", "log4net (BasicConfigurator.Configure)")]
        [InlineData("{|#0:new FileAppender { File = \"logs/app.log\" }|}", "BasicConfigurator.Configure(console)", "new RollingFileAppender { File = \"logs/b.log\" }", "log4net (new FileAppender)")]
        public Task Log4NetFileAppenderAfterOtherSites_ReportsAtTheFileAppender(string first, string configure, string second, string display)
            => VerifyLog4Net(
                $$"""
                using log4net.Appender;
                using log4net.Config;

                public static class LoggingSetup
                {
                    public static void ToConsole()
                    {
                        var console = {{first}};
                        {{configure}};
                    }

                    public static AppenderSkeleton ToFile() => {{second}};
                }
                """,
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(display, Log4NetChannel));

        [Fact]
        public Task Log4NetXmlConfigurator_ReportsDiagnostic()
            => VerifyLog4Net(
                """
                public static class LoggingSetup
                {
                    public static void Configure() => log4net.Config.XmlConfigurator.{|#0:ConfigureAndWatch(new System.IO.FileInfo("log4net.config"))|};
                }
                """,
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("log4net (XmlConfigurator.ConfigureAndWatch)", Log4NetChannel));

        [Fact]
        public Task Log4NetAssemblyAttribute_ReportsDiagnostic()
            => VerifyLog4Net(
                """
                [assembly: {|#0:log4net.Config.XmlConfigurator(Watch = true)|}]

                public static class Program
                {
                    private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Program));
                }
                """,
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("log4net ([assembly: XmlConfigurator])", Log4NetChannel));

        [Theory]
        [InlineData("log4net.Util.LogLog.InternalDebugging = true;")]
        [InlineData("log4net.Util.LogLog.LogReceived += (sender, e) => System.Console.Error.WriteLine(e);")]
        [InlineData("using var adapter = new log4net.Util.LogLog.LogReceivedAdapter(new System.Collections.Generic.List<log4net.Util.LogLog>());")]
        public Task Log4NetInternalDebuggingOn_NoDiagnostic(string statement)
            => VerifyLog4Net($$"""
                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        {{statement}}
                        log4net.Config.XmlConfigurator.Configure();
                    }
                }
                """);

        [Fact]
        public Task Log4NetSwitchAloneInAnotherFile_NoDiagnostic()
        {
            var test = Test(
                References.Net,
                """
                public static class LoggingSetup
                {
                    public static void Start() => log4net.Config.XmlConfigurator.ConfigureAndWatch(new System.IO.FileInfo("log4net.config"));
                }
                """,
                Log4NetStubs.Source,
                """
                public static class Diagnostics
                {
                    public static void SwitchOn() => log4net.Util.LogLog.InternalDebugging = true;
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task Log4NetConfiguredInAFileNamingOnlyTheCall_ReportsDiagnostic()
            => VerifyLog4Net(
                """
                public static class Boot
                {
                    public static void Start() => log4net.Config.XmlConfigurator.{|#0:ConfigureAndWatch(new System.IO.FileInfo("log4net.config"))|};
                }
                """,
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("log4net (XmlConfigurator.ConfigureAndWatch)", Log4NetChannel));

        [Fact]
        public Task Log4NetInternalDebuggingSwitchedOff_ReportsDiagnostic()
            => VerifyLog4Net("""
                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        log4net.Util.LogLog.InternalDebugging = false;
                        log4net.Config.XmlConfigurator.[|Configure()|];
                    }
                }
                """);

        [Fact]
        public Task Log4NetInternalDebugInAppConfig_NoDiagnostic()
        {
            var test = Test(References.Net, """
                public static class LoggingSetup
                {
                    public static void Configure() => log4net.Config.XmlConfigurator.Configure();
                }
                """, Log4NetStubs.Source);
            test.AdditionalFiles.Add(("/0/web.config", """
                <configuration>
                  <appSettings>
                    <add key="log4net.Internal.Debug" value="true"/>
                  </appSettings>
                </configuration>
                """));
            return test.RunAsync();
        }

        /// <summary>A log4net.config whose root logs to a rolling file appender; PM3004 is expected at &lt;log4net&gt;.</summary>
        private const string Log4NetConfigWithFileAppender = """
            <{|PM3004:log4net|}>
              <appender name="file" type="log4net.Appender.RollingFileAppender">
                <file value="logs/app.log" />
              </appender>
              <root><level value="INFO" /><appender-ref ref="file" /></root>
            </log4net>
            """;

        [Fact]
        public Task Log4NetFileAppendersInLog4NetConfig_ReportsDiagnostic()
        {
            // Reported once, at <log4net> where the appenders are, not at the call that loads the file.
            var test = Test(References.Net, """
                public static class LoggingSetup
                {
                    public static void Configure() => log4net.Config.XmlConfigurator.Configure();
                }
                """, Log4NetStubs.Source);
            test.AdditionalFiles.Add(("/0/log4net.config", Log4NetConfigWithFileAppender));
            return test.RunAsync();
        }

        [Fact]
        public Task ConfigurationFileOnly_NoLibraryReferenced_NoDiagnostic()
        {
            // A log4net.config in a project that does not reference log4net configures nothing here: nothing reads it
            // (ConfigFileLibraryTests; with the library referenced, the tests above report it).
            var test = Test(References.Net, "public static class Program { }");
            test.AdditionalFiles.Add(("/0/log4net.config", Log4NetConfigWithFileAppender.Replace("{|PM3004:log4net|}", "log4net", System.StringComparison.Ordinal)));
            return test.RunAsync();
        }

        [Fact]
        public Task SelfLogWithoutSinkTypes_EnabledInCode_NoDiagnostic()
        {
            // Only SelfLog is referenced (no LoggerSinkConfiguration, no NLog, no log4net): its switch still counts for
            // the configuration file's section.
            var test = Test(References.Net, """
                public static class Startup
                {
                    public static void Configure() => Serilog.Debugging.SelfLog.Enable(System.Console.Error);
                }

                namespace Serilog.Debugging
                {
                    public static class SelfLog
                    {
                        public static void Enable(System.IO.TextWriter output) { }
                    }
                }
                """);
            test.AdditionalFiles.Add(("/0/appsettings.json", """
                {
                  "Serilog": {
                    "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app-.txt", "rollingInterval": "Day", "retainedFileCountLimit": 7 } } ]
                  }
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task Log4NetConfigWithoutAppenders_ReportsDiagnostic()
        {
            var test = Test(References.Net, """
                public static class LoggingSetup
                {
                    public static void Configure() => log4net.Config.XmlConfigurator.[|Configure()|];
                }
                """, Log4NetStubs.Source);
            test.AdditionalFiles.Add(("/0/log4net.config", "<log4net><root><level value=\"INFO\" /></root></log4net>"));
            return test.RunAsync();
        }

        [Fact]
        public Task Log4NetGetLoggerOnly_NoDiagnostic()
            => VerifyLog4Net("""
                public sealed class Worker
                {
                    private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Worker));

                    public void Run() => Log.Info("running");
                }
                """);

        // ------------------------------------------------------------ all three at once

        [Fact]
        public Task EachLibraryReportedOnce_ReportsDiagnostic()
        {
            var test = Test(
                new List<MetadataReference>(References.Serilog) { References.NLog5[0] },
                """
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.{|#0:File("a.log")|}.WriteTo.File("b.log").CreateLogger();
                        var t1 = {|#1:new NLog.Targets.FileTarget("a")|};
                        var t2 = new NLog.Targets.FileTarget("b");
                        var appender = {|#2:new log4net.Appender.FileAppender()|};
                    }
                }
                """,
                Log4NetStubs.Source);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments(SerilogWhat, SerilogChannel));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(1).WithArguments("NLog's file target (new FileTarget)", NLogChannel));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(2).WithArguments("log4net (new FileAppender)", Log4NetChannel));
            return test.RunAsync();
        }

        // ------------------------------------------------------------ ZLogger

        private const string ZLoggerChannel = "ZLoggerOptions.InternalErrorLogger, which is never set";

        /// <summary>A logger factory set up with ZLogger: the given providers, then the given members.</summary>
        private static string ZLoggerSetup(string providers, string members = "") => $$"""
            using System;
            using System.Diagnostics;
            using System.IO;
            using Microsoft.Extensions.Logging;
            using ZLogger;
            using ZLogger.Providers;

            public static class LoggingSetup
            {
                public static ILoggerFactory Create(string path, Stream stream)
                {
                    return LoggerFactory.Create(logging => logging
            {{providers}});
                }
            {{members}}
            }
            """;

        private static Task VerifyZLogger(string source, params DiagnosticResult[] expected)
            => Verify(References.ZLogger, source, expected);

        // Real-world round 15 (repro-5, ZLogger 2.6.1): the writer catches the failed write and calls only
        // options.InternalErrorLogger, null by default; each overload that writes a file or a stream is reported.
        [Theory]
        [InlineData(".{|#0:AddZLoggerFile(path)|}", "file", "AddZLoggerFile")]
        [InlineData(".{|#0:AddZLoggerFile(path, fileShared: true)|}", "file", "AddZLoggerFile")]
        [InlineData(".{|#0:AddZLoggerFile(path, options => options.FileShared = true)|}", "file", "AddZLoggerFile")]
        [InlineData(".{|#0:AddZLoggerFile(path, (options, services) => { options.IncludeScopes = true; })|}", "file", "AddZLoggerFile")]
        [InlineData(".{|#0:AddZLoggerFile((options, services) => path)|}", "file", "AddZLoggerFile")]
        [InlineData(".{|#0:AddZLoggerRollingFile((date, sequence) => $\"logs/app_{sequence:000}.log\", 1024)|}", "file", "AddZLoggerRollingFile")]
        [InlineData(".{|#0:AddZLoggerRollingFile((date, sequence) => $\"logs/app_{sequence:000}.log\", RollingInterval.Day)|}", "file", "AddZLoggerRollingFile")]
        [InlineData(".{|#0:AddZLoggerRollingFile(options => { options.FilePathSelector = (date, sequence) => $\"logs/app_{sequence:000}.log\"; })|}", "file", "AddZLoggerRollingFile")]
        [InlineData(".{|#0:AddZLoggerStream(stream)|}", "stream", "AddZLoggerStream")]
        [InlineData(".{|#0:AddZLoggerStream(stream, options => options.IncludeScopes = true)|}", "stream", "AddZLoggerStream")]
        [InlineData(".{|#0:AddZLoggerStream((options, services) => stream)|}", "stream", "AddZLoggerStream")]
        [InlineData(".AddZLoggerConsole().{|#0:AddZLoggerFile(path)|}", "file", "AddZLoggerFile")]
        public Task ZLoggerFileOrStreamWithoutInternalErrorLogger_ReportsDiagnostic(string providers, string kind, string call)
            => VerifyZLogger(
                ZLoggerSetup(providers),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments($"ZLogger's {kind} logger ({call})", ZLoggerChannel).WithSeverity(DiagnosticSeverity.Info));

        [Fact]
        public Task ZLoggerCalledAsAStaticMethod_ReportsDiagnostic()
            => VerifyZLogger(
                ZLoggerSetup(".AddZLoggerConsole()", """
                    public static void Add(ILoggingBuilder logging, string path)
                        => ZLoggerBuilderExtensions.{|#0:AddZLoggerFile(logging, path)|};
                """),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("ZLogger's file logger (AddZLoggerFile)", ZLoggerChannel));

        // Switching it off, or on for the console provider only (each provider has its own options), is not switching it on.
        [Theory]
        [InlineData(".{|#0:AddZLoggerFile(path, options => options.InternalErrorLogger = null)|}", "")]
        [InlineData(".AddZLoggerConsole(options => options.InternalErrorLogger = ex => Console.Error.WriteLine(ex)).{|#0:AddZLoggerFile(path)|}", "")]
        [InlineData(".{|#0:AddZLoggerFile(path)|}", "private static readonly ZLoggerConsoleOptions Console = new ZLoggerConsoleOptions { InternalErrorLogger = ex => System.Console.Error.WriteLine(ex) };")]
        [InlineData(".{|#0:AddZLoggerFile(path, options => options.InternalErrorLogger -= ex => Console.Error.WriteLine(ex))|}", "")]
        public Task ZLoggerInternalErrorLoggerNullOrOnTheConsoleOnly_ReportsDiagnostic(string providers, string members)
            => VerifyZLogger(
                ZLoggerSetup(providers, members),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("ZLogger's file logger (AddZLoggerFile)", ZLoggerChannel));

        // A handler that only writes to Debug writes nothing in a Release build, as SelfLog's would.
        [Fact]
        public Task ZLoggerInternalErrorLoggerOnlyToDebug_ReportsDiagnostic()
            => VerifyZLogger(
                ZLoggerSetup(".{|#0:AddZLoggerFile(path, options => options.InternalErrorLogger = ex => Debug.WriteLine(ex))|}"),
                VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("ZLogger's file logger (AddZLoggerFile)", "ZLoggerOptions.InternalErrorLogger" + DebugOnly));

        [Theory]
        [InlineData(".AddZLoggerFile(path, options => options.InternalErrorLogger = ex => Console.Error.WriteLine(ex))", "")]
        [InlineData(".AddZLoggerRollingFile(options => { options.FilePathSelector = (date, sequence) => $\"logs/app_{sequence:000}.log\"; options.InternalErrorLogger = ex => Trace.TraceError(ex.ToString()); })", "")]
        [InlineData(".AddZLoggerStream((options, services) => { options.InternalErrorLogger = ReportFailure; return stream; })", "private static void ReportFailure(Exception ex) => Console.Error.WriteLine(ex);")]
        // Set elsewhere in the compilation: a shared configure method, an options object's initializer.
        [InlineData(".AddZLoggerFile(path, Configure)", "private static void Configure(ZLoggerFileOptions options) => options.InternalErrorLogger = ex => Console.Error.WriteLine(ex);")]
        [InlineData(".AddZLoggerFile(path)", "private static readonly ZLoggerOptions Shared = new ZLoggerOptions { InternalErrorLogger = ex => Console.Error.WriteLine(ex) };")]
        // Added to, as to an event (the review of the twenty-second session).
        [InlineData(".AddZLoggerFile(path, options => options.InternalErrorLogger += ex => Console.Error.WriteLine(ex))", "")]
        [InlineData(".AddZLoggerRollingFile(options => { options.FilePathSelector = (date, sequence) => $\"logs/app_{sequence:000}.log\"; options.InternalErrorLogger += ReportFailure; })", "private static void ReportFailure(Exception ex) => Console.Error.WriteLine(ex);")]
        public Task ZLoggerInternalErrorLoggerSet_NoDiagnostic(string providers, string members)
            => VerifyZLogger(ZLoggerSetup(providers, members));

        // The console, in memory and a processor of one's own: no file of ZLogger's (a console that fails is not our concern).
        [Theory]
        [InlineData(".AddZLoggerConsole()")]
        [InlineData(".AddZLoggerConsole(options => options.LogToStandardErrorThreshold = LogLevel.Error)")]
        [InlineData(".AddZLoggerInMemory(processor => { })")]
        public Task ZLoggerWithoutFileOrStream_NoDiagnostic(string providers)
            => VerifyZLogger(ZLoggerSetup(providers));

        // Set in another file of the compilation: a configure method shared by the registrations.
        [Fact]
        public Task ZLoggerInternalErrorLoggerSetInAnotherFile_NoDiagnostic()
            => Test(
                References.ZLogger,
                ZLoggerSetup(".AddZLoggerFile(path, LoggingDefaults.Configure)"),
                """
                using System;
                using ZLogger;

                public static class LoggingDefaults
                {
                    public static void Configure(ZLoggerOptions options)
                    {
                        options.InternalErrorLogger = ex => Console.Error.WriteLine(ex);
                    }
                }
                """).RunAsync();

        // A method of one's own named like ZLogger's, next to the package: not ZLogger's registration.
        [Fact]
        public Task ZLoggerLookAlikeNextToThePackage_NoDiagnostic()
            => VerifyZLogger(ZLoggerSetup(".AddZLoggerConsole()", """
                    public static ILoggingBuilder AddZLoggerFile(this ILoggingBuilder logging, string path) => logging;

                    public static void Add(ILoggingBuilder logging, string path) => logging.AddZLoggerFile(path);
                """));

        // A log4net.config next to ZLogger: log4net is reported at its section, ZLogger still at its registration (the
        // configuration files take over NLog's and log4net's finding, never ZLogger's, which has no section).
        [Fact]
        public Task ZLoggerNextToALog4NetConfigFile_ReportsDiagnostic()
        {
            var test = Test(References.ZLogger, ZLoggerSetup(".{|#0:AddZLoggerFile(path)|}"), Log4NetStubs.Source);
            test.AdditionalFiles.Add(("/0/log4net.config", Log4NetConfigWithFileAppender));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3004").WithLocation(0).WithArguments("ZLogger's file logger (AddZLoggerFile)", ZLoggerChannel));
            return test.RunAsync();
        }

        // Without the ZLogger package, a look-alike of one's own (same names, another namespace, or the ZLogger namespace
        // without the library's types) neither reports nor costs a lookup.
        [Theory]
        [InlineData("MyLogging", "ZLoggerBuilderExtensions")]
        [InlineData("ZLogger", "ZLoggerFileExtensions")]
        public Task ZLoggerLookAlikeWithoutThePackage_NoDiagnostic(string ns, string extensions)
            => Verify(References.AspNetCore, $$"""
                using Microsoft.Extensions.Logging;
                using {{ns}};

                namespace {{ns}}
                {
                    public class ZLoggerOptions { public System.Action<System.Exception> InternalErrorLogger { get; set; } }

                    public static class {{extensions}}
                    {
                        public static ILoggingBuilder AddZLoggerFile(this ILoggingBuilder builder, string path) => builder;
                    }
                }

                public static class LoggingSetup
                {
                    public static ILoggerFactory Create(string path) => LoggerFactory.Create(logging => logging.AddZLoggerFile(path));
                }
                """);

        // ------------------------------------------------------------ code fix

        private static Task VerifySerilogFix(string source, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            var test = VerifyCS.Test(source, fixedSource, "PM3004.EnableInternalLogging");
            test.References.AddRange(References.Serilog);
            test.OutputKind = outputKind;
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogFix_InsertsSelfLogEnableBeforeTheStatement()
        {
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        var level = Serilog.Events.LogEventLevel.Information;

                        // the application's log
                        return new LoggerConfiguration()
                            .MinimumLevel.Is(level)
                            .WriteTo.[|File(path)|]
                            .CreateLogger();
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        var level = Serilog.Events.LogEventLevel.Information;

                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        // the application's log
                        return new LoggerConfiguration()
                            .MinimumLevel.Is(level)
                            .WriteTo.File(path)
                            .CreateLogger();
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_InSwitchSectionAndNestedBlock()
        {
            // Real-world round 8: inserted in a switch section or a nested block, the names kept their global:: prefix.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(int mode, string path)
                    {
                        switch (mode)
                        {
                            case 1:
                                return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                            default:
                                if (path.Length > 0)
                                {
                                    Console.WriteLine(path);
                                }

                                return new LoggerConfiguration().CreateLogger();
                        }
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(int mode, string path)
                    {
                        switch (mode)
                        {
                            case 1:
                                Serilog.Debugging.SelfLog.Enable(Console.Error);
                                return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                            default:
                                if (path.Length > 0)
                                {
                                    Console.WriteLine(path);
                                }

                                return new LoggerConfiguration().CreateLogger();
                        }
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_SinkInsideALambda_InsertsBeforeTheStatementOutsideIt()
        {
            // Real-world round 11 (Smartstore): a sink configured in a statement lambda (WriteTo.Async, WriteTo.Map, a
            // sub-logger) got SelfLog.Enable inside the lambda, which may run later, again per key, or never. The lines go
            // before the statement outside every lambda, here the one of a lambda inside a lambda.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        var builder = new LoggerConfiguration();

                        builder.WriteTo.Logger(sub =>
                        {
                            sub.WriteTo.Logger(inner =>
                            {
                                inner.WriteTo.[|File(path)|];
                            });
                        });

                        return builder.CreateLogger();
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        var builder = new LoggerConfiguration();

                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        builder.WriteTo.Logger(sub =>
                        {
                            sub.WriteTo.Logger(inner =>
                            {
                                inner.WriteTo.File(path);
                            });
                        });

                        return builder.CreateLogger();
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_FallbackSinkInACatch_InsertsBeforeTheTry()
        {
            // Real-world round 11 (Jellyfin's shape): the configuration read from a file in the try, a fallback file sink in
            // the catch. Inside the catch the switch ran only when the first configuration failed.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(Func<LoggerConfiguration> fromFile)
                    {
                        try
                        {
                            Log.Logger = fromFile().CreateLogger();
                        }
                        catch (Exception)
                        {
                            Log.Logger = new LoggerConfiguration()
                                .WriteTo.[|File("log/fallback_.log")|]
                                .CreateLogger();
                        }
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(Func<LoggerConfiguration> fromFile)
                    {
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        try
                        {
                            Log.Logger = fromFile().CreateLogger();
                        }
                        catch (Exception)
                        {
                            Log.Logger = new LoggerConfiguration()
                                .WriteTo.File("log/fallback_.log")
                                .CreateLogger();
                        }
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_LambdaInAnExpressionBodiedLocalFunction_InsertsInsideTheLambda()
        {
            // The review of round 11's change: the statement holding the lambda was the local function's declaration, at
            // the method's end after its return, where the lines never run.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(string path)
                    {
                        Configure();
                        Log.Information("started");
                        return;

                        void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.Logger(sub => { sub.WriteTo.[|File(path)|]; }).CreateLogger();
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(string path)
                    {
                        Configure();
                        Log.Information("started");
                        return;

                        void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.Logger(sub => {
                            Serilog.Debugging.SelfLog.Enable(Console.Error);
                            sub.WriteTo.File(path); }).CreateLogger();
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_LabeledTry_InsertsBeforeTheLabel()
        {
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(string path)
                    {
                        var attempts = 0;
                    retry:
                        try
                        {
                            Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                        }
                        catch (Exception) when (attempts++ < 3)
                        {
                            goto retry;
                        }
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Create(string path)
                    {
                        var attempts = 0;
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                    retry:
                        try
                        {
                            Log.Logger = new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                        }
                        catch (Exception) when (attempts++ < 3)
                        {
                            goto retry;
                        }
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_SinkInTheLambdaOfAFieldInitializer_InsertsInsideIt()
        {
            // No statement is outside the lambda of a field initializer: the lines go before the statement inside it.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static readonly Func<string, ILogger> Make = path =>
                    {
                        return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                    };
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static readonly Func<string, ILogger> Make = path =>
                    {
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                    };
                }
                """);
        }

        [Fact]
        public Task SerilogFix_SinkInALocalFunction_InsertsInsideIt()
        {
            // A local function runs where it is called, unlike a lambda handed to a library: the lines stay in it.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        return Build();

                        ILogger Build()
                        {
                            return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                        }
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        return Build();

                        ILogger Build()
                        {
                            Serilog.Debugging.SelfLog.Enable(Console.Error);
                            return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                        }
                    }
                }
                """);
        }

        [Fact]
        public Task SerilogFix_LineFeedOnlyFileGetsLineFeeds()
        {
            // The re-run of real-world round 8: the inserted line ended in CRLF in a file of LF lines.
            var test = VerifyCS.Test(
                "using Serilog;\n\npublic static class LoggingSetup\n{\n    public static ILogger Create(string path)\n    {\n        return new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();\n    }\n}\n",
                "using Serilog;\n\npublic static class LoggingSetup\n{\n    public static ILogger Create(string path)\n    {\n        Serilog.Debugging.SelfLog.Enable(System.Console.Error);\n        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();\n    }\n}\n",
                "PM3004.EnableInternalLogging");
            test.ExactLineEndings = true;
            test.References.AddRange(References.Serilog);
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogFix_TopLevelProgram()
        {
            var test = VerifyCS.Test(
                """
                using Serilog;

                var path = args.Length > 0 ? args[0] : "app.log";

                // Logging
                Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                Log.Information("started");
                """,
                """
                using Serilog;

                var path = args.Length > 0 ? args[0] : "app.log";

                Serilog.Debugging.SelfLog.Enable(System.Console.Error);
                // Logging
                Log.Logger = new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                Log.Information("started");
                """,
                "PM3004.EnableInternalLogging");
            test.OutputKind = OutputKind.ConsoleApplication;
            test.References.AddRange(References.Serilog);
            return test.RunAsync();
        }

        // Real-world round 12 (Umbraco's LoggerConfigExtensions): SelfLog enabled in another method with a handler a Release
        // build empties. The last SelfLog.Enable to run wins, so a call inserted before the sink would be replaced when that
        // method runs after it: the fix replaces the handler the analyzer found instead.
        [Fact]
        public Task SerilogFix_DebugOnlyHandlerElsewhere_ReplacesTheHandler()
            => VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggerConfigExtensions
                {
                    public static LoggerConfiguration Minimal(LoggerConfiguration logConfig)
                    {
                        Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg));
                        return logConfig;
                    }

                    public static LoggerConfiguration OutputTextFile(LoggerConfiguration logConfig, string path)
                    {
                        logConfig.WriteTo.[|File(path, rollingInterval: RollingInterval.Day)|];
                        return logConfig;
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggerConfigExtensions
                {
                    public static LoggerConfiguration Minimal(LoggerConfiguration logConfig)
                    {
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        return logConfig;
                    }

                    public static LoggerConfiguration OutputTextFile(LoggerConfiguration logConfig, string path)
                    {
                        logConfig.WriteTo.File(path, rollingInterval: RollingInterval.Day);
                        return logConfig;
                    }
                }
                """);

        // In a Windows application the console handler is replaced by the temp file; a switch inside a
        // [Conditional("DEBUG")] method never runs in Release and replaces nothing there, so it is left as it is.
        [Fact]
        public Task SerilogFix_ConsoleHandlerOfAWindowsApplication_ReplacedByTheTempFile()
            => VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        Configure();
                        DebugOnly();
                    }

                    [System.Diagnostics.Conditional("DEBUG")]
                    private static void DebugOnly() => Serilog.Debugging.SelfLog.Enable(Console.Out);

                    public static void Configure()
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                        Serilog.Debugging.SelfLog.Enable(System.IO.TextWriter.Synchronized(System.IO.File.AppendText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "TestProject-serilog-selflog.txt"))));
                        Configure();
                        DebugOnly();
                    }

                    [System.Diagnostics.Conditional("DEBUG")]
                    private static void DebugOnly() => Serilog.Debugging.SelfLog.Enable(Console.Out);

                    public static void Configure()
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                    }
                }
                """,
                OutputKind.WindowsApplication);

        // Two console handlers in a Windows application: each would become a writer appending to the one temp file, which
        // File.AppendText shares for reading only, so the second would throw at start-up on Windows. No fix.
        [Fact]
        public Task SerilogFix_TwoConsoleHandlersOfAWindowsApplication_NoFixOffered()
        {
            var code = """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                        Serilog.Debugging.SelfLog.Enable(msg => Console.WriteLine(msg));
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, "PM3004.EnableInternalLogging");
            test.OutputKind = OutputKind.WindowsApplication;
            test.References.AddRange(References.Serilog);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A handler that runs only under a condition (a debugger attached, a development environment): replaced there it
        // would still not run in production, so the fix inserts its own call before the sink, as before.
        [Theory]
        [InlineData("if (System.Diagnostics.Debugger.IsAttached) Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg));")]
        [InlineData("if (development) { Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg)); }")]
        [InlineData("Action enable = () => Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg)); enable();")]
        public Task SerilogFix_HandlerUnderACondition_InsertsBeforeTheSink(string enable)
            => VerifySerilogFix(
                $$"""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool development)
                    {
                        {{enable}}
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                    }
                }
                """,
                $$"""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool development)
                    {
                        {{enable}}
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                    }
                }
                """);

        // The handler in another file: this document's edit alone would not hold (that call may run last), so no fix.
        [Fact]
        public Task SerilogFix_DebugOnlyHandlerInAnotherFile_NoFixOffered()
        {
            var setup = """
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(string path)
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                    }
                }
                """;
            var other = """
                public static class Diagnostics
                {
                    public static void Init() => Serilog.Debugging.SelfLog.Enable(msg => System.Diagnostics.Debug.WriteLine(msg));
                }
                """;
            var test = VerifyCS.Test(setup, setup, "PM3004.EnableInternalLogging");
            test.Sources.Add(other);
            test.FixedSources.Add(other);
            test.References.AddRange(References.Serilog);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // Enabled only inside a [Conditional("DEBUG")] method: that call is left out of Release builds and replaces
        // nothing there, so the fix inserts the switch before the sink, as where SelfLog is never enabled.
        [Fact]
        public Task SerilogFix_SwitchInAConditionalMethod_InsertsBeforeTheSink()
            => VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    [System.Diagnostics.Conditional("DEBUG")]
                    private static void DebugOnly() => Serilog.Debugging.SelfLog.Enable(Console.Error);

                    public static void Configure()
                    {
                        DebugOnly();
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    [System.Diagnostics.Conditional("DEBUG")]
                    private static void DebugOnly() => Serilog.Debugging.SelfLog.Enable(Console.Error);

                    public static void Configure()
                    {
                        DebugOnly();
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                    }
                }
                """);

        [Fact]
        public Task SerilogFix_WindowsApplication_SelfLogToATempFile()
        {
            // No console in a WinExe: the fix writes SelfLog to a file in the temp folder, named after the assembly.
            return VerifySerilogFix(
                """
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static void Configure()
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                    }
                }
                """,
                """
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static void Configure()
                    {
                        Serilog.Debugging.SelfLog.Enable(System.IO.TextWriter.Synchronized(System.IO.File.AppendText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "TestProject-serilog-selflog.txt"))));
                        Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                    }
                }
                """,
                OutputKind.WindowsApplication);
        }

        /// <summary>Serilog configured in code without SelfLog, and as the fix leaves it where no console is seen.</summary>
        private const string SerilogConfigured = """
            using Serilog;

            public static class LoggingSetup
            {
                public static void Configure()
                {
                    Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                }
            }
            """;

        private const string SerilogConfiguredSelfLogToATempFile = """
            using Serilog;

            public static class LoggingSetup
            {
                public static void Configure()
                {
                    Serilog.Debugging.SelfLog.Enable(System.IO.TextWriter.Synchronized(System.IO.File.AppendText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "TestProject-serilog-selflog.txt"))));
                    Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                }
            }
            """;

        // Real-world rounds 19 and 21 (PowerToys' launcher library, whose only host is a WPF app): a class library that
        // references WPF or Windows Forms gets the temp-file variant, since its hosts have no console to show.
        [Theory]
        [InlineData("PresentationFramework")]
        [InlineData("System.Windows.Forms")]
        // Round 23 (Whim, a window manager's library on WinUI 3); Avalonia and .NET MAUI apps show no console either.
        [InlineData("Microsoft.WinUI")]
        [InlineData("Avalonia.Base")]
        [InlineData("Microsoft.Maui")]
        public Task SerilogFix_LibraryOfWindowsApps_SelfLogToATempFile(string gui)
        {
            var test = VerifyCS.Test(
                SerilogConfigured,
                SerilogConfiguredSelfLogToATempFile,
                "PM3004.EnableInternalLogging");
            test.References.AddRange(References.Serilog);
            test.References.Add(References.Named(gui, "namespace System.Windows { public class Window { } }"));
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogFix_WindowsApplicationInATry_StaysInTheTry()
        {
            // The temp-file variant opens a file (File.AppendText), which can throw: it stays under the try that took the
            // configuration's failures, rather than moving before it.
            return VerifySerilogFix(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static void Configure()
                    {
                        try
                        {
                            Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex);
                        }
                    }
                }
                """,
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static void Configure()
                    {
                        try
                        {
                            Serilog.Debugging.SelfLog.Enable(System.IO.TextWriter.Synchronized(System.IO.File.AppendText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "TestProject-serilog-selflog.txt"))));
                            Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.log").CreateLogger();
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex);
                        }
                    }
                }
                """,
                OutputKind.WindowsApplication);
        }

        [Fact]
        public Task SerilogFix_WindowsService_SelfLogToATempFile()
        {
            // A console application hosted as a Windows service (here in another file) has no console either.
            var test = VerifyCS.Test(
                SerilogConfigured,
                SerilogConfiguredSelfLogToATempFile,
                "PM3004.EnableInternalLogging");
            var program = ServiceHostSources.Program("var builder = Host.CreateApplicationBuilder(args); builder.Services.AddWindowsService(); builder.Build().Run();");
            test.Sources.Add(program);
            test.FixedSources.Add(program);
            test.OutputKind = OutputKind.ConsoleApplication;
            test.References.AddRange(References.Serilog);
            test.References.AddRange(References.AspNetCore);
            test.References.AddRange(References.WindowsServices);
            return test.RunAsync();
        }

        [Fact]
        public Task NLogFix_WindowsApplication_InternalLogToATempFile()
        {
            var test = VerifyCS.Test(
                """
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static FileTarget Create()
                    {
                        NLog.Common.InternalLogger.LogToConsoleError = true;
                        var target = [|new FileTarget("file")|];
                        target.FileName = "logs/app.log";
                        return target;
                    }
                }
                """,
                """
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static void Main()
                    {
                    }

                    public static FileTarget Create()
                    {
                        NLog.Common.InternalLogger.LogToConsoleError = true;
                        NLog.Common.InternalLogger.LogFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "TestProject-nlog-internal.log");
                        NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;
                        var target = new FileTarget("file");
                        target.FileName = "logs/app.log";
                        return target;
                    }
                }
                """,
                "PM3004.EnableInternalLogging");
            test.OutputKind = OutputKind.WindowsApplication;
            test.References.AddRange(References.NLog5);
            return test.RunAsync();
        }

        [Theory]
        [MemberData(nameof(NLogVersions))]
        public Task NLogFix_SendsInternalErrorsToTheConsole(string version)
        {
            var test = VerifyCS.Test(
                """
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static FileTarget Create()
                    {
                        var target = [|new FileTarget("file")|];
                        target.FileName = "logs/app.log";
                        return target;
                    }
                }
                """,
                """
                using NLog.Targets;

                public static class LoggingSetup
                {
                    public static FileTarget Create()
                    {
                        NLog.Common.InternalLogger.LogToConsoleError = true;
                        NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;
                        var target = new FileTarget("file");
                        target.FileName = "logs/app.log";
                        return target;
                    }
                }
                """,
                "PM3004.EnableInternalLogging");
            test.References.AddRange(NLog(version));
            return test.RunAsync();
        }

        [Fact]
        public Task ExpressionBodiedMemberAndLog4Net_NoFix()
        {
            const string source = """
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path) => new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                }
                """;
            var test = VerifyCS.Test(source, source);
            test.References.AddRange(References.Serilog);
            return test.RunAsync();
        }

        // Real-world round 8: the body of an if without braces had no fix; it gets braces, and the switch runs under the
        // same condition as the configuration.
        [Fact]
        public Task EmbeddedStatementWithoutBlock_FixAddsBraces()
        {
            var test = VerifyCS.Test("""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool toFile)
                    {
                        if (toFile)
                            Log.Logger = new LoggerConfiguration().WriteTo.[|File("app.log")|].CreateLogger();
                    }
                }
                """, """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool toFile)
                    {
                        if (toFile)
                        {
                            Serilog.Debugging.SelfLog.Enable(Console.Error);
                            Log.Logger = new LoggerConfiguration().WriteTo.File("app.log").CreateLogger();
                        }
                    }
                }
                """, "PM3004.EnableInternalLogging");
            test.References.AddRange(References.Serilog);
            return test.RunAsync();
        }

        [Fact]
        public Task Log4Net_NoFix()
        {
            const string source = """
                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        log4net.Config.XmlConfigurator.[|Configure()|];
                    }
                }
                """;
            var test = VerifyCS.Test(source, source);
            test.Sources.Add(Log4NetStubs.Source);
            test.FixedSources.Add(Log4NetStubs.Source);
            return test.RunAsync();
        }

        // ------------------------------------------------------------ ZLogger fix

        private static Task VerifyZLoggerFix(string providers, string fixedProviders, string members = "", OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            var test = VerifyCS.Test(ZLoggerSetup(providers, members), ZLoggerSetup(fixedProviders, members), "PM3004.EnableInternalLogging");
            test.References.AddRange(References.ZLogger);
            test.OutputKind = outputKind;
            return test.RunAsync();
        }

        // Each provider has its own options: the handler goes in this registration's configure lambda.
        [Theory]
        [InlineData(
            ".[|AddZLoggerFile(path)|]",
            ".AddZLoggerFile(path, options => options.InternalErrorLogger = ex => Console.Error.WriteLine(ex))")]
        [InlineData(
            ".[|AddZLoggerStream(stream)|]",
            ".AddZLoggerStream(stream, options => options.InternalErrorLogger = ex => Console.Error.WriteLine(ex))")]
        public Task ZLoggerFix_AddsAConfigureLambda(string providers, string fixedProviders)
            => VerifyZLoggerFix(providers, fixedProviders);

        // An expression body becomes a block: the action's statement, or the factory's return.
        [Theory]
        [InlineData(".[|AddZLoggerFile(path, o => o.FileShared = true)|]", "o.FileShared = true;")]
        [InlineData(".[|AddZLoggerFile((o, services) => path)|]", "return path;")]
        public Task ZLoggerFix_ExpressionLambdaBecomesABlock(string providers, string statement)
            => VerifyZLoggerFix(
                providers,
                providers.Replace("[|", string.Empty).Replace("|]", string.Empty).Split("=>")[0] + $$"""
                =>
                {
                    o.InternalErrorLogger = ex => Console.Error.WriteLine(ex);
                    {{statement}}
                })
                """);

        [Fact]
        public Task ZLoggerFix_FirstInABlockLambda()
            => VerifyZLoggerFix(
                """
                        .[|AddZLoggerRollingFile((options, services) =>
                        {
                            options.FilePathSelector = (date, sequence) => $"logs/app_{sequence:000}.log";
                            options.RollingSizeKB = 1024;
                        })|]
                """,
                """
                        .AddZLoggerRollingFile((options, services) =>
                        {
                            options.InternalErrorLogger = ex => Console.Error.WriteLine(ex);
                            options.FilePathSelector = (date, sequence) => $"logs/app_{sequence:000}.log";
                            options.RollingSizeKB = 1024;
                        })
                """);

        // The names in scope are left alone: a parameter named ex, a local named options.
        [Fact]
        public Task ZLoggerFix_NamesNotInScope()
            => VerifyZLoggerFix(
                ".[|AddZLoggerFile(path, ex => ex.IncludeScopes = true)|]",
                """
                .AddZLoggerFile(path, ex =>
                {
                    ex.InternalErrorLogger = exception => Console.Error.WriteLine(exception);
                    ex.IncludeScopes = true;
                })
                """);

        // No console in a Windows application: a file in the temp folder (ZLogger calls the handler inside a catch-all).
        [Fact]
        public Task ZLoggerFix_WindowsApplicationWritesToTheTempFolder()
            => VerifyZLoggerFix(
                ".[|AddZLoggerFile(path)|]",
                ".AddZLoggerFile(path, options => options.InternalErrorLogger = ex => File.AppendAllText(Path.Combine(Path.GetTempPath(), \"TestProject-zlogger-errors.log\"), ex + Environment.NewLine))",
                "static void Main() { }",
                OutputKind.WindowsApplication);

        // No fix: no overload takes a configure lambda, the options come through a method group, the parameter is _, the
        // lambda already sets a handler (one that writes only to Debug: a line inserted first would be overwritten), or the
        // file registers another file or stream logger.
        [Theory]
        [InlineData(".[|AddZLoggerRollingFile((date, sequence) => $\"logs/app_{sequence:000}.log\", 1024)|]", "")]
        [InlineData(".[|AddZLoggerFile(path, fileShared: true)|]", "")]
        [InlineData(".[|AddZLoggerFile(path, Configure)|]", "private static void Configure(ZLoggerFileOptions options) => options.FileShared = true;")]
        [InlineData(".[|AddZLoggerFile(path, _ => { })|]", "")]
        [InlineData(".[|AddZLoggerFile(path, options => options.InternalErrorLogger = ex => Debug.WriteLine(ex))|]", "")]
        // From the review: two file loggers, each with its own options; a handler on one would switch the diagnostic off
        // while the other's failures still vanish.
        [InlineData(".[|AddZLoggerFile(path)|].AddZLoggerFile(path + \".2\")", "")]
        public Task ZLoggerWithoutLambdaToExtend_NoFix(string providers, string members)
        {
            var source = ZLoggerSetup(providers, members);
            var test = VerifyCS.Test(source, source);
            test.References.AddRange(References.ZLogger);
            return test.RunAsync();
        }
    }
}
