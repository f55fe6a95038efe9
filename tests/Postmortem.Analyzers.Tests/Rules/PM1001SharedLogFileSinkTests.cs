using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.LogSinkSources;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.LogFileSinkAnalyzer,
    Postmortem.CodeFixes.Rules.PM1001SharedLogFileSinkCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM1001SharedLogFileSinkTests
    {
        private const string WebReason =
            "This ASP.NET Core project can run as several worker processes (IIS overlapped recycling, web gardens, scale-out on shared storage); " +
            "if it never does, set postmortem.worker_processes = single in .editorconfig";

        private static Task WebSerilog(string source) => VerifyCS.Test(source, source).Web().WithSerilog().RunAsync();

        private static Task WebNLog5(string source) => VerifyCS.AnalysisTest(source).Web().WithNLog5().RunAsync();

        private static Task WebNLog6(string source) => VerifyCS.AnalysisTest(source).Web().WithNLog6().RunAsync();

        private static Task WebLog4Net(string source) => VerifyCS.AnalysisTest(source).Web().WithLog4Net().RunAsync();

        // ------------------------------------------------------------ Serilog: unsafe forms

        [Fact]
        public Task SerilogFileWithoutShared_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.{|#0:File("logs/app.log")|}
                """)).Web().WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0).WithArguments(
                "Serilog WriteTo.File writes 'logs/app.log' without shared: true",
                "on Windows a second worker process cannot open the file and its logger writes nothing for as long as it lives, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)",
                "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path. " + WebReason));
            return test.RunAsync();
        }

        // Whether the sink rolls is not known at build time: the message names both outcomes (the twenty-seventh session's
        // review; it described a file that never rolls).
        [Theory]
        [InlineData("rollingInterval: interval")]
        [InlineData("rollOnFileSizeLimit: rollOnSize")]
        public Task SerilogFileRollingUnknown_ReportsDiagnostic(string argument)
        {
            var test = VerifyCS.AnalysisTest($$"""
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create(RollingInterval interval, bool rollOnSize)
                        => new LoggerConfiguration()
                            .WriteTo.{|#0:File("logs/app.log", {{argument}})|}
                            .CreateLogger();
                }
                """).Web().WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0).WithArguments(
                "Serilog WriteTo.File writes 'logs/app.log' without shared: true",
                "on Windows a second worker process cannot open the file (its logger writes nothing) or, when the sink rolls, falls back to its own _001, _002… file, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)",
                "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path. " + WebReason));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("File(\"logs/app.log\", shared: false)")]
        [InlineData("File(Path.Combine(root, \"logs\", \"app-.log\"), rollingInterval: RollingInterval.Day)")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true, retainedFileCountLimit: 5)")]
        [InlineData("File(new Serilog.Formatting.Json.JsonFormatter(), \"logs/app.json\")")]
        [InlineData("File(path: \"logs/app.log\", outputTemplate: \"{Message}{NewLine}\")")]
        public Task SerilogUnsharedForms_ReportsDiagnostic(string call)
            => VerifyCS.AnalysisTest(Serilog($".WriteTo.[|{call}|]")).Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogInsideAsyncWrapper_ReportsDiagnostic()
            => VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.Logger(lc => lc.WriteTo.[|File("logs/app.log")|])
                """)).Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogInTopLevelStatementsAndNestedType_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest("""
                using Serilog;

                Log.Logger = new LoggerConfiguration().WriteTo.[|File("logs/app.log")|].CreateLogger();

                static class Outer
                {
                    public static class Inner
                    {
                        public static ILogger Audit() => new LoggerConfiguration().WriteTo.[|File("logs/audit.log")|].CreateLogger();
                    }
                }
                """).Web().WithSerilog();
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogAuditToFile_ReportsDiagnosticWithoutFix()
            => WebSerilog(Serilog("""
                .AuditTo.[|File("logs/audit.log")|]
                """));

        [Fact]
        public Task SerilogLegacyRollingFile_ReportsDiagnostic()
            => VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.[|RollingFile("logs/app-{Date}.log")|]
                """)).Web().WithSerilogRollingFile().RunAsync();

        [Fact]
        public Task ConsoleProjectDeclaredMultiple_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.[|File("logs/app.log")|]
                """)).WithSerilog();
            test.EditorConfig = "postmortem.worker_processes = multiple";
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithOneFileDeclaredMultiple_ReportsDiagnostic()
        {
            // Only Test1.cs runs in several processes (an .editorconfig section naming it): its sink is reported.
            var test = VerifyCS.AnalysisTest("""
                public static class Tool
                {
                    public static int Run() => 0;
                }
                """).WithSerilog();
            test.Sources.Add(Serilog("""
                .WriteTo.[|File("logs/app.log")|]
                """));
            test.EditorConfig = "[*.cs]\nindent_size = 4\n[Test1.cs]\npostmortem.worker_processes = multiple";
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithAnotherFileDeclaredMultiple_NoDiagnostic()
        {
            // Test1.cs runs in several processes but configures nothing; the sink's file is single-process.
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.File("logs/app.log")
                """)).WithSerilog();
            test.Sources.Add("""
                public static class Worker
                {
                    public static int Run() => 0;
                }
                """);
            test.EditorConfig = "[Test1.cs]\npostmortem.worker_processes = multiple";
            return test.RunAsync();
        }

        [Fact]
        public Task MultipleDeclaredAsMSBuildProperty_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.[|File("logs/app.log")|]
                """)).WithSerilog();
            test.GlobalOptions["build_property.PostmortemWorkerProcesses"] = "multiple";
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithWebConfigProcessesPerApplication_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.{|#0:File("logs/app.log")|}
                """)).WithSerilog();
            test.AdditionalFiles.Add(("/0/web.config", """
                <configuration>
                  <system.webServer>
                    <aspNetCore processPath="dotnet" arguments=".\App.dll" processesPerApplication="4" />
                  </system.webServer>
                </configuration>
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0).WithArguments(
                "Serilog WriteTo.File writes 'logs/app.log' without shared: true",
                "on Windows a second worker process cannot open the file and its logger writes nothing for as long as it lives, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)",
                "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path. " +
                "The project's web.config sets <aspNetCore processesPerApplication=\"4\">, so the ASP.NET Core Module runs 4 worker processes at once; " +
                "if it never does, set postmortem.worker_processes = single in .editorconfig"));
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithWebConfigOneProcess_NoDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.File("logs/app.log")
                """)).WithSerilog();
            test.AdditionalFiles.Add(("/0/web.config", """
                <configuration>
                  <location path="."><aspNetCore processPath="dotnet" processesPerApplication="1" /></location>
                </configuration>
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task AspNetCoreClassLibrary_ReportsDiagnostic()
        {
            // A class library with a FrameworkReference to Microsoft.AspNetCore.App (an "Infrastructure" project): its
            // logging setup runs in every worker process of the web app that calls it.
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.{|#0:File("logs/app.log")|}
                """)).WithSerilog();
            test.References.AddRange(References.AspNetCore);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0).WithArguments(
                "Serilog WriteTo.File writes 'logs/app.log' without shared: true",
                "on Windows a second worker process cannot open the file and its logger writes nothing for as long as it lives, on Linux the processes overwrite each other's lines, and no error is reported (only to SelfLog)",
                "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path. " +
                "This class library references ASP.NET Core, so its code runs in web apps, which can run as several worker processes " +
                "(IIS overlapped recycling, web gardens, scale-out on shared storage); if they never do, set postmortem.worker_processes = single in .editorconfig"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("ConsoleApplication", null)]
        [InlineData("DynamicallyLinkedLibrary", "single")]
        public Task AspNetCoreReferencedByAnAppOrDeclaredSingle_NoDiagnostic(string outputKind, string? workerProcesses)
        {
            // An app outside the Web SDK that references ASP.NET Core (a test project hosting WebApplicationFactory, a
            // worker service) counts as one process under auto, and a library declared single is one.
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.File("logs/app.log")
                """) + "\nstatic class Program { static void Main() { } }\n").WithSerilog();
            test.References.AddRange(References.AspNetCore);
            test.OutputKind = System.Enum.Parse<Microsoft.CodeAnalysis.OutputKind>(outputKind);
            if (workerProcesses is not null)
            {
                test.EditorConfig = "postmortem.worker_processes = " + workerProcesses;
            }

            return test.RunAsync();
        }

        // ------------------------------------------------------------ Serilog: safe forms

        [Fact]
        public Task SerilogExtensionsLoggingFileAddFile_NoDiagnostic()
            // AddFile writes through RollingFile(…, shared: true), hard-coded since 1.1.0 (logging-libraries.md §1).
            => VerifyCS.AnalysisTest("""
                using Microsoft.Extensions.Logging;

                static class Logging
                {
                    public static void Configure(ILoggingBuilder logging) => logging.AddFile("Logs/{Date}.txt", retainedFileCountLimit: 7);
                }
                """).Web().WithSerilogExtensionsLoggingFile().RunAsync();

        [Theory]
        [InlineData("File(\"logs/app.log\", shared: true)")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, rollOnFileSizeLimit: true, shared: true)")]
        [InlineData("File($\"logs/app-{Environment.ProcessId}.log\")")]
        [InlineData("File(Path.Combine(root, $\"app-{Process.GetCurrentProcess().Id}.log\"))")]
        [InlineData("File($\"logs/{Environment.MachineName}/app.log\")")]
        [InlineData("File(Path.Combine(root, Environment.GetEnvironmentVariable(\"WEBSITE_INSTANCE_ID\") ?? \"local\", \"app.log\"))")]
        [InlineData("File(\"logs/app.log\", shared: Environment.UserInteractive)")]
        public Task SerilogSafeForms_NoDiagnostic(string call)
            => VerifyCS.AnalysisTest(Serilog($".WriteTo.{call}")).Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogPathFromLocalWithProcessId_NoDiagnostic()
            => VerifyCS.AnalysisTest("""
                using System;
                using System.IO;
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create(string root)
                    {
                        var pid = Environment.ProcessId;
                        var path = Path.Combine(root, "logs", $"app-{pid}.log");
                        return new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                    }
                }
                """).Web().WithSerilog().RunAsync();

        [Fact]
        public Task ConsoleProject_NoDiagnostic()
            => VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.File("logs/app.log")
                """)).WithSerilog().RunAsync();

        [Fact]
        public Task WebProjectDeclaredSingle_NoDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(Serilog("""
                .WriteTo.File("logs/app.log")
                """)).Web().WithSerilog();
            test.EditorConfig = "postmortem.worker_processes = single";
            return test.RunAsync();
        }

        [Fact]
        public Task UserTypesNamedLikeTheLibraries_NoDiagnostic()
        {
            var test = VerifyCS.AnalysisTest("""
                namespace MyLogging
                {
                    public class LoggerSinkConfiguration { }
                    public static class FileLoggerConfigurationExtensions
                    {
                        public static void File(this LoggerSinkConfiguration c, string path, bool shared = false) { }
                    }
                    public class FileTarget { public bool KeepFileOpen { get; set; } = true; }
                    public class FileAppender { public string File { get; set; } = ""; }
                    public class RollingFileAppender { }

                    static class Use
                    {
                        static void Run()
                        {
                            new LoggerSinkConfiguration().File("logs/app.log");
                            _ = new FileTarget();
                            _ = new FileAppender { File = "logs/app.log" };
                            _ = new RollingFileAppender();
                        }
                    }
                }
                """).Web().WithSerilog().WithNLog5();
            return test.RunAsync();
        }

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = VerifyCS.AnalysisTest("""
                using Serilog;
                using NLog.Targets;

                static class Logging
                {
                    static void Run(LoggerConfiguration c)
                    {
                        c.WriteTo.File(
                        var t = new FileTarget { KeepFileOpen = , ArchiveAboveSize = };
                        t.ConcurrentWrites =
                    }
                }
                """).Web().WithSerilog().WithNLog5();
            test.AllowCompilerErrors = true;
            test.SkipSuppressionCheck = true;
            test.SkipGeneratedCodeCheck = true;
            return test.RunAsync();
        }

        // ------------------------------------------------------------ Serilog: fixes

        [Fact]
        public Task SerilogAddShared_Fix()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", rollingInterval: RollingInterval.Day)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", rollingInterval: RollingInterval.Day, shared: true)"""))
                .Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogSharedFalse_FixSetsTrue()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", shared: false)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", shared: true)"""))
                .Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogMultilineArguments_FixAddsALine()
            => VerifyCS.Test(
                Serilog("""
                .WriteTo.[|File(
                                Path.Combine(root, "logs", "app.log"),
                                fileSizeLimitBytes: 50_000_000,
                                rollOnFileSizeLimit: true)|]
                """),
                Serilog("""
                .WriteTo.File(
                                Path.Combine(root, "logs", "app.log"),
                                fileSizeLimitBytes: 50_000_000,
                                rollOnFileSizeLimit: true,
                                shared: true)
                """))
                .Web().WithSerilog().RunAsync();

        [Fact]
        public Task SerilogMultilineArgumentsWithComments_FixKeepsEachCommentOnItsLine()
            // Real-world round 8: the new comma copied the previous line's comment (`fileSizeLimitBytes: 50_000_000, // 50 MB`).
            => VerifyCS.Test(
                Serilog("""
                .WriteTo.[|File(
                                Path.Combine(root, "logs", "app.log"),
                                fileSizeLimitBytes: 50_000_000, // 50 MB
                                rollOnFileSizeLimit: true)|]
                """),
                Serilog("""
                .WriteTo.File(
                                Path.Combine(root, "logs", "app.log"),
                                fileSizeLimitBytes: 50_000_000, // 50 MB
                                rollOnFileSizeLimit: true,
                                shared: true)
                """))
                .Web().WithSerilog().RunAsync();

        [Theory]
        [InlineData("buffered: true")]
        [InlineData("hooks: Activator.CreateInstance<Serilog.Sinks.File.FileLifecycleHooks>()")]
        public Task SerilogBufferedOrHooks_NoFix(string argument)
        {
            var source = Serilog($".WriteTo.[|File(\"logs/app.log\", {argument})|]");
            return VerifyCS.Test(source, source).Web().WithSerilog().RunAsync();
        }

        [Fact]
        public Task SerilogTwoSinks_FixAll()
            => VerifyCS.Test(
                Serilog("""
                .WriteTo.[|File("logs/a.log")|]
                        .WriteTo.[|File("logs/b.log")|]
                """),
                Serilog("""
                .WriteTo.File("logs/a.log", shared: true)
                        .WriteTo.File("logs/b.log", shared: true)
                """))
                .Web().WithSerilog().RunAsync();

        // ------------------------------------------------------------ NLog 5

        [Fact]
        public Task NLog5FileTargetDefaults_ReportsDiagnostic()
            => WebNLog5(NLog("""
                    var file = [|new FileTarget("file")|] { FileName = "${basedir}/logs/app.log" };
                    config.AddRuleForAllLevels(file);
            """));

        [Fact]
        public Task NLog5ConcurrentWritesFalseAssignedLater_ReportsDiagnostic()
            => WebNLog5(NLog("""
                    var file = [|new FileTarget|] { FileName = "logs/app.log", ConcurrentWrites = true };
                    file.ConcurrentWrites = false;
                    config.AddRuleForAllLevels(file);
            """));

        [Fact]
        public Task NLog5ArchivingWithoutConcurrentWrites_ReportsDiagnostic()
            => WebNLog5(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|]
                    {
                        FileName = "logs/app.log",
                        ArchiveAboveSize = 10_485_760,
                        MaxArchiveFiles = 10,
                    });
            """));

        [Fact]
        public Task NLog5FluentWriteToFile_ReportsDiagnostic()
            => WebNLog5("""
                using NLog;

                static class Logging
                {
                    public static void Configure()
                        => LogManager.Setup().LoadConfiguration(builder => builder.ForLogger().[|WriteToFile("logs/app.log")|]);
                }
                """);

        [Theory]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/app.log\", ConcurrentWrites = true };")]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/app.log\" }; file.ConcurrentWrites = true;")]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/app.log\", KeepFileOpen = false };")]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"${basedir}/logs/app-${processid}.log\" };")]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/${machinename}.log\" };")]
        public Task NLog5SafeForms_NoDiagnostic(string statement)
            => WebNLog5(NLog($$"""
                    {{statement}}
                    config.AddRuleForAllLevels(file);
            """));

        [Fact]
        public Task NLog5ConsoleProject_NoDiagnostic()
            => VerifyCS.AnalysisTest(NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log" });
            """)).WithNLog5().RunAsync();

        // Real-world round 8: a target set up line by line gets one more line, not an initializer bolted on.
        [Fact]
        public Task NLog5PropertyAssignments_FixAddsAnAssignment()
            => VerifyCS.Test(
                NLog("""
                    var file = [|new FileTarget("file")|];
                    file.FileName = "logs/app.log";
                    file.ArchiveAboveSize = 10_000_000;
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    var file = new FileTarget("file");
                    file.FileName = "logs/app.log";
                    file.ArchiveAboveSize = 10_000_000;
                    file.ConcurrentWrites = true;
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5AddInitializer_Fix()
            => VerifyCS.Test(
                NLog("""
                    var file = [|new FileTarget("file")|];
                    config.AddRuleForAllLevels(file);
                    file.FileName = "logs/app.log";
            """),
                NLog("""
                    var file = new FileTarget("file") { ConcurrentWrites = true };
                    config.AddRuleForAllLevels(file);
                    file.FileName = "logs/app.log";
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5AddToMultilineInitializer_Fix()
            => VerifyCS.Test(
                NLog("""
                    var file = [|new FileTarget("file")|]
                    {
                        FileName = "logs/app.log",
                        KeepFileOpen = true
                    };
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    var file = new FileTarget("file")
                    {
                        FileName = "logs/app.log",
                        KeepFileOpen = true,
                        ConcurrentWrites = true
                    };
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5InitializerWithTrailingComments_FixLeavesThemWithTheirMembers()
            // The last member's comment stayed behind it, not after the new member.
            => VerifyCS.Test(
                NLog("""
                    var trace = [|new FileTarget("trace")|] { FileName = "logs/trace.log", ArchiveAboveSize = 1000000, MaxArchiveFiles = 3 /* three */ };
                    var file = [|new FileTarget("file")|]
                    {
                        FileName = "logs/app.log",
                        KeepFileOpen = true // fast
                    };
                    config.AddRuleForAllLevels(trace);
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    var trace = new FileTarget("trace") { FileName = "logs/trace.log", ArchiveAboveSize = 1000000, MaxArchiveFiles = 3, /* three */ ConcurrentWrites = true };
                    var file = new FileTarget("file")
                    {
                        FileName = "logs/app.log",
                        KeepFileOpen = true, // fast
                        ConcurrentWrites = true
                    };
                    config.AddRuleForAllLevels(trace);
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5ConcurrentWritesFalse_FixSetsTrue()
            => VerifyCS.Test(
                NLog("""
                    var file = [|new FileTarget|] { FileName = "logs/app.log" };
                    file.ConcurrentWrites = false;
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    var file = new FileTarget { FileName = "logs/app.log" };
                    file.ConcurrentWrites = true;
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5FluentWriteToFile_FixAddsArgument()
            => VerifyCS.Test(
                """
                using NLog;

                static class Logging
                {
                    public static void Configure()
                        => LogManager.Setup().LoadConfiguration(builder => builder.ForLogger().[|WriteToFile("logs/app.log")|]);
                }
                """,
                """
                using NLog;

                static class Logging
                {
                    public static void Configure()
                        => LogManager.Setup().LoadConfiguration(builder => builder.ForLogger().WriteToFile("logs/app.log", concurrentWrites: true));
                }
                """).Web().WithNLog5().RunAsync();

        [Fact]
        public Task NLog5TargetInFieldConfiguredLater_ReportsDiagnostic()
            => WebNLog5("""
                using NLog.Targets;

                class Logging
                {
                    private FileTarget _file;

                    public Logging()
                    {
                        _file = [|new FileTarget("file")|];
                        _file.FileName = "logs/app.log";
                        _file.KeepFileOpen = true;
                    }
                }
                """);

        [Fact]
        public Task NLog5TargetInFieldWithConcurrentWritesLater_NoDiagnostic()
            => WebNLog5("""
                using NLog.Targets;

                class Logging
                {
                    private readonly FileTarget _file;

                    public Logging()
                    {
                        _file = new FileTarget("file");
                        _file.FileName = "logs/app.log";
                        this._file.ConcurrentWrites = true;
                    }
                }
                """);

        [Fact]
        public Task NLog5ImplicitNew_FixAddsInitializer()
            => VerifyCS.Test(
                NLog("""
                    FileTarget file = [|new("file")|];
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    FileTarget file = new("file") { ConcurrentWrites = true };
                    config.AddRuleForAllLevels(file);
            """)).Web().WithNLog5().RunAsync();

        // The message shows a Path.Combine path with its holes as {…}. Real-world round 19 (GeositeFramework):
        // Path.Combine(@".\logs", name + ".log") showed as '.\logs/{…}'; the parts are joined with the separator they use,
        // and not after a part that ends in one.
        [Theory]
        [InlineData("Path.Combine(root, \"logs\", \"recommendations.log\")", "{…}/logs/recommendations.log")]
        [InlineData("Path.Combine(@\".\\logs\", root + \".log\")", ".\\logs\\{…}")]
        [InlineData("Path.Combine(@\"C:\\logs\\\", \"app.log\")", "C:\\logs\\app.log")]
        [InlineData("Path.Combine(\"logs/\", \"app.log\")", "logs/app.log")]
        [InlineData("Path.Combine(@\"logs\\app\", \"x/y.log\")", "logs\\app/x/y.log")]
        public Task SerilogPathCombine_MessageShowsThePath(string path, string shown)
        {
            var test = VerifyCS.AnalysisTest(Serilog($$"""
                .WriteTo.{|#0:File({{path}}, rollOnFileSizeLimit: true)|}
                """)).Web().WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM1001").WithLocation(0).WithArguments(
                "Serilog WriteTo.File writes '" + shown + "' without shared: true",
                "on Windows every other worker process falls back to its own _001, _002… file (and drops events after 3 tries), on Linux the processes open the same file and overwrite each other's lines, and no error is reported (only to SelfLog)",
                "Add shared: true (coordinates the processes of one host), or put the process or instance id in the path. " + WebReason));
            return test.RunAsync();
        }

        // ------------------------------------------------------------ NLog 6

        [Fact]
        public Task NLog6FileTargetDefaults_ReportsDiagnostic()
            => WebNLog6(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log" });
            """));

        [Fact]
        public Task NLog6ArchiveFileName_ReportsDiagnostic()
            => WebNLog6(NLog("""
                    var file = [|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 5 };
                    file.ArchiveFileName = "logs/archive/app.{#}.log";
                    config.AddRuleForAllLevels(file);
            """));

        [Theory]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/app.log\", KeepFileOpen = false };")]
        [InlineData("var file = new FileTarget(\"file\") { FileName = \"logs/app-${processid}.log\" };")]
        public Task NLog6SafeForms_NoDiagnostic(string statement)
            => WebNLog6(NLog($$"""
                    {{statement}}
                    config.AddRuleForAllLevels(file);
            """));

        [Fact]
        public Task NLog6KeepFileOpen_Fix()
            => VerifyCS.Test(
                NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log" });
            """),
                NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log", KeepFileOpen = false });
            """)).Web().WithNLog6().RunAsync();

        // ------------------------------------------------------------ log4net

        [Fact]
        public Task Log4NetRollingFileAppender_ReportsDiagnosticWithoutFix()
        {
            var source = Log4Net("""
                    var appender = [|new RollingFileAppender()|];
                    appender.File = "logs/app.log";
                    appender.MaxSizeRollBackups = 10;
                    appender.LockingModel = new FileAppender.MinimalLock();
                    appender.ActivateOptions();
                    return appender;
            """);
            return VerifyCS.Test(source, source).Web().WithLog4Net().RunAsync();
        }

        [Theory]
        [InlineData("new FileAppender { File = \"logs/app.log\" }")]
        [InlineData("new FileAppender { File = \"logs/app.log\", LockingModel = new FileAppender.ExclusiveLock() }")]
        [InlineData("new FileAppender { File = \"logs/app.log\", LockingModel = new FileAppender.NoLock() }")]
        public Task Log4NetFileAppenderUncoordinated_ReportsDiagnostic(string creation)
        {
            var end = creation.IndexOf(" {", System.StringComparison.Ordinal);
            var marked = "[|" + creation.Substring(0, end) + "|]" + creation.Substring(end);
            return WebLog4Net(Log4Net($"        return {marked};"));
        }

        [Theory]
        [InlineData("new FileAppender { File = \"logs/app.log\", LockingModel = new FileAppender.MinimalLock() }")]
        [InlineData("new FileAppender { File = \"logs/app.log\", LockingModel = new FileAppender.InterProcessLock() }")]
        [InlineData("new RollingFileAppender { File = $\"logs/app-{Environment.ProcessId}.log\" }")]
        public Task Log4NetSafeForms_NoDiagnostic(string creation)
            => WebLog4Net(Log4Net($"        return {creation};"));

        // log4net formats %processid only in a PatternString; a literal value names one file for every process (checked with
        // log4net 3.6.0). A helper of the project may build the PatternString: not taken for a literal path (the session's
        // third review).
        [Fact]
        public Task Log4NetProcessIdLiteralOrThroughAHelper_ReportsDiagnostic()
            => WebLog4Net("""
                using log4net.Appender;
                using log4net.Util;

                static class Logging
                {
                    public static AppenderSkeleton Create() => new RollingFileAppender { File = Expand("logs/app-[%processid].log"), RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };

                    public static AppenderSkeleton Formatted() => new RollingFileAppender { File = new PatternString("logs/app-[%processid].log").Format(), RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };

                    public static AppenderSkeleton Literal() => [|new RollingFileAppender|] { File = "logs/app-[%processid].log", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };

                    private static string Expand(string pattern) => new PatternString(pattern).Format();
                }

                namespace log4net.Util
                {
                    public class PatternString
                    {
                        public PatternString(string pattern) { }
                        public string Format() => "";
                    }
                }
                """);

        // A RollingFileAppender rolling only by date with StaticLogFileName false writes each period to a new dated file and
        // renames nothing (log4net's RollOverTime renames only a static name): its lock decides, as a FileAppender's.
        private const string DatedFiles = "File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Date, StaticLogFileName = false";

        [Theory]
        [InlineData("LockingModel = new FileAppender.MinimalLock()")]
        [InlineData("LockingModel = new FileAppender.InterProcessLock()")]
        public Task Log4NetRollingFileAppenderStartingDatedFilesWithCoordinatingLock_NoDiagnostic(string locking)
            => WebLog4Net(Log4Net($"        return new RollingFileAppender {{ {DatedFiles}, {locking} }};"));

        [Fact]
        public Task Log4NetRollingFileAppenderStartingDatedFilesWithExclusiveLock_ReportsDiagnosticAndFixSetsInterProcessLock()
            => VerifyCS.Test(
                Log4Net($"        return [|new RollingFileAppender()|] {{ {DatedFiles} }};"),
                Log4Net($"        return new RollingFileAppender() {{ {DatedFiles}, LockingModel = new log4net.Appender.FileAppender.InterProcessLock() }};"))
                .Web().WithLog4Net().RunAsync();

        [Theory]
        [InlineData("RollingStyle = RollingFileAppender.RollingMode.Date, StaticLogFileName = true")]
        [InlineData("RollingStyle = RollingFileAppender.RollingMode.Date")]
        [InlineData("RollingStyle = RollingFileAppender.RollingMode.Composite, StaticLogFileName = false")]
        [InlineData("StaticLogFileName = false")]
        [InlineData("RollingStyle = RollingFileAppender.RollingMode.Date, StaticLogFileName = false, AppendToFile = false")]
        public Task Log4NetRollingFileAppenderThatRenames_ReportsDiagnosticWhateverTheLock(string settings)
            => WebLog4Net(Log4Net($"        return [|new RollingFileAppender|] {{ File = \"logs/app.log\", {settings}, LockingModel = new FileAppender.MinimalLock() }};"));

        [Fact]
        public Task Log4NetFileAppender_FixSetsInterProcessLock()
            => VerifyCS.Test(
                Log4Net("""
                    return [|new FileAppender()|] { File = "logs/app.log" };
            """),
                Log4Net("""
                    return new FileAppender() { File = "logs/app.log", LockingModel = new FileAppender.InterProcessLock() };
            """)).Web().WithLog4Net().RunAsync();
    }
}
