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
        private const string SerilogChannel = "Serilog's SelfLog";
        private const string NLogChannel = "NLog's InternalLogger";
        private const string Log4NetChannel = "log4net's internal debugging (LogLog)";

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

        private static IEnumerable<MetadataReference> NLog(string version) => version == "5" ? References.NLog5 : References.NLog6;

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

        [Theory]
        [InlineData("5", "InternalLogger.LogFile = \"nlog-internal.log\";")]
        [InlineData("5", "InternalLogger.LogToConsoleError = true;")]
        [InlineData("6", "InternalLogger.LogToConsole = true;")]
        [InlineData("5", "InternalLogger.LogWriter = System.Console.Error;")]
        [InlineData("6", "InternalLogger.LogLevel = LogLevel.Warn;")]
        [InlineData("5", "LogManager.ThrowExceptions = true;")]
        [InlineData("6", "new LogFactory().ThrowExceptions = true;")]
        [InlineData("5", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).LogToConsole(true));")]
        [InlineData("6", "LogManager.Setup().SetupInternalLogger(s => s.SetMinimumLogLevel(LogLevel.Warn).LogToFile(\"internal.log\"));")]
        [InlineData("5", "InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);")]
        public Task NLogInternalLoggerConfigured_NoDiagnostic(string version, string statement)
            => Verify(
                NLog(version),
                NLogSetup($$"""
                        {{statement}}
                        var file = new FileTarget("file") { FileName = "logs/app.log" };
                """));

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
        public Task ConfigurationFileOnly_NoLibraryReferenced_ReportsDiagnostic()
        {
            // Nothing in code can switch the internal log on: the file is judged on its own, as when code is not built yet.
            var test = Test(References.Net, "public static class Program { }");
            test.AdditionalFiles.Add(("/0/log4net.config", Log4NetConfigWithFileAppender));
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

        // ------------------------------------------------------------ code fix

        [Fact]
        public Task SerilogFix_InsertsSelfLogEnableBeforeTheStatement()
        {
            var test = VerifyCS.Test(
                """
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static ILogger Create(string path)
                    {
                        var level = Serilog.Events.LogEventLevel.Information;
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
                        return new LoggerConfiguration()
                            .MinimumLevel.Is(level)
                            .WriteTo.File(path)
                            .CreateLogger();
                    }
                }
                """,
                "PM3004.EnableInternalLogging");
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
                Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                Log.Information("started");
                """,
                """
                using Serilog;

                var path = args.Length > 0 ? args[0] : "app.log";
                Serilog.Debugging.SelfLog.Enable(System.Console.Error);
                Log.Logger = new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                Log.Information("started");
                """,
                "PM3004.EnableInternalLogging");
            test.OutputKind = OutputKind.ConsoleApplication;
            test.References.AddRange(References.Serilog);
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

        [Fact]
        public Task EmbeddedStatementWithoutBlock_NoFix()
        {
            const string source = """
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool toFile)
                    {
                        if (toFile)
                            Log.Logger = new LoggerConfiguration().WriteTo.[|File("app.log")|].CreateLogger();
                    }
                }
                """;
            var test = VerifyCS.Test(source, source);
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
    }
}
