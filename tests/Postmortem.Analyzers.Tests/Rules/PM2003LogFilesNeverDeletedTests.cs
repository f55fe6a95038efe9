using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.LogSinkSources;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.LogFileSinkAnalyzer,
    Postmortem.CodeFixes.Rules.PM2003LogFilesNeverDeletedCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM2003LogFilesNeverDeletedTests
    {
        private static AnalyzerTest Analyze(string source) => VerifyCS.AnalysisTest(source);

        // ------------------------------------------------------------ Serilog

        [Theory]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)")]
        [InlineData("File(\"logs/app.log\", rollOnFileSizeLimit: true, retainedFileCountLimit: null)")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Hour, retainedFileCountLimit: default, retainedFileTimeLimit: null)")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: null)")]
        public Task SerilogUnbounded_ReportsDiagnostic(string call)
            => Analyze(Serilog($".WriteTo.[|{call}|]")).WithSerilog().RunAsync();

        // The interval in a local that nothing writes again: the sink rolls daily and keeps every file (real-world round 12).
        [Fact]
        public Task SerilogRollingIntervalInALocal_ReportsDiagnostic()
            => Analyze("""
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create()
                    {
                        var daily = RollingInterval.Day;
                        return new LoggerConfiguration()
                            .WriteTo.[|File("logs/app-.log", rollingInterval: daily, retainedFileCountLimit: null)|]
                            .CreateLogger();
                    }
                }
                """).WithSerilog().RunAsync();

        // A RollingFile call on a lambda's parameter, the delegate's type written in another file (sinks configured
        // through a helper of your own).
        [Fact]
        public Task RollingFileCalledOnALambdaParameter_ReportsDiagnostic()
        {
            var test = Analyze("""
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create() => Sinks.Add(new LoggerConfiguration(), a => a.[|RollingFile("logs/app-{Date}.log", retainedFileCountLimit: null)|]).CreateLogger();
                }
                """).WithSerilogRollingFile();
            test.Sources.Add(LogSinkStubs.SerilogSinkHelperInAnotherFile);
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogRetainedNull_MessageNamesTheCause()
        {
            var test = Analyze(Serilog(""".WriteTo.{|#0:File("logs/app-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)|}""")).WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0)
                .WithArguments("Serilog WriteTo.File rolls 'logs/app-.log' with retainedFileCountLimit: null and no retainedFileTimeLimit"));
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogLegacyRollingFileRetainedNull_ReportsDiagnostic()
            => Analyze(Serilog(""".WriteTo.[|RollingFile("logs/app-{Date}.log", retainedFileCountLimit: null)|]""")).WithSerilogRollingFile().RunAsync();

        private static string AddFileCall(string call) => $$"""
            using Microsoft.Extensions.Logging;

            static class Logging
            {
                public static void Configure(ILoggingBuilder logging) => logging.{{call}};
            }
            """;

        // Serilog.Extensions.Logging.File's AddFile: a daily RollingFile underneath, shared: true hard-coded (round 5 of the
        // real-world study: AddFile("Logs/{Date}.txt", retainedFileCountLimit: null) kept every day's file).
        [Fact]
        public Task SerilogExtensionsLoggingFileAddFileRetainedNull_ReportsDiagnostic()
        {
            var test = Analyze(AddFileCall("{|#0:AddFile(\"Logs/{Date}.txt\", retainedFileCountLimit: null)|}")).WithSerilogExtensionsLoggingFile();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0)
                .WithArguments("Serilog.Extensions.Logging.File AddFile rolls 'Logs/{Date}.txt' with retainedFileCountLimit: null and no retainedFileTimeLimit"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("AddFile(\"Logs/{Date}.txt\")")]
        [InlineData("AddFile(\"Logs/{Date}.txt\", retainedFileCountLimit: 7)")]
        public Task SerilogExtensionsLoggingFileAddFileBounded_NoDiagnostic(string call)
            => Analyze(AddFileCall(call)).WithSerilogExtensionsLoggingFile().RunAsync();

        [Fact]
        public Task AddFileOfAnotherAssembly_NoDiagnostic()
        {
            // An AddFile of another library (NReco.Logging.File, Karambolo, your own) is not Serilog's: its facts differ.
            var test = Analyze(AddFileCall("AddFile(\"Logs/{Date}.txt\", retainedFileCountLimit: null)")).WithSerilogRollingFile();
            test.References.AddRange(References.AspNetCore);
            test.References.Add(LogSinkStubs.SerilogExtensionsLoggingFile("My.Logging.File"));
            return test.RunAsync();
        }

        [Fact]
        public Task SerilogProcessIdInRollingFileName_ReportsInfo()
            => Analyze(Serilog(""".WriteTo.[|File($"logs/app-{Environment.ProcessId}-.log", rollingInterval: RollingInterval.Day, shared: true)|]""")).WithSerilog().RunAsync();

        // A path that reads the clock where it is built names new files at each start (or day), and retention works per name,
        // so the files of every earlier start stay (real-world round 34: a Windows service's log named by its start time).
        // Info, as a process id in the name.
        [Theory]
        [InlineData("File($\"logs/PowerPositionServicelog_{DateTime.Now:yyyy_MM_dd_HH_mm_ss}.log\")")]
        [InlineData("File(\"logs/app-\" + DateTime.UtcNow.ToString(\"yyyyMMdd\") + \"-.log\", rollingInterval: RollingInterval.Day)")]
        [InlineData("File(Path.Combine(root, $\"{DateTimeOffset.Now:yyyy-MM-dd}\", \"app-.log\"), rollingInterval: RollingInterval.Hour, retainedFileCountLimit: 24)")]
        [InlineData("File($\"logs/run-{DateTime.Today:yyyyMMdd}.log\", shared: true)")]
        public Task SerilogClockInFileName_ReportsInfo(string call)
        {
            var test = Analyze(Serilog($".WriteTo.{{|#0:{call}|}}")).WithSerilog();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0));
            return test.RunAsync();
        }

        // The test harness sets every rule to its default level, which turns an Info finding into a warning: without it, the
        // clock's and the process id's findings are Info, the retention's a warning.
        [Fact]
        public async Task ClockAndProcessIdFindings_AreInfo_ReportsDiagnostic()
        {
            var source = Serilog("""
                .WriteTo.File($"logs/started-{DateTime.Now:yyyyMMddHHmmss}.log")
                        .WriteTo.File($"logs/app-{Environment.ProcessId}-.log", rollingInterval: RollingInterval.Day, shared: true)
                        .WriteTo.File("logs/all-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)
                """);
            var compilation = CSharpCompilation.Create(
                "info",
                new[] { CSharpSyntaxTree.ParseText(source) },
                References.Net.AddRange(References.Serilog),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Postmortem.Analyzers.Rules.LogFileSinkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            var severities = diagnostics.Where(d => d.Id == "PM2003").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Severity);
            Assert.Equal(new[] { DiagnosticSeverity.Info, DiagnosticSeverity.Info, DiagnosticSeverity.Warning }, severities);
        }

        // NLog renders a layout per event: a lambda reading the clock is ${date}, whose files its archive settings cover (the
        // session's review).
        [Fact]
        public Task NLogLayoutFromMethodReadingTheClock_NoDiagnostic()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = NLog.Layouts.Layout.FromMethod(e => $"logs/{DateTime.Now:yyyyMMdd}.log"), MaxArchiveFiles = 7 });
            """)).WithNLog5().RunAsync();

        // log4net's PatternString fills %date in once, when formatted: a new name at each start; a plain string is literal.
        [Fact]
        public Task Log4NetPatternStringWithDate_ReportsInfo()
            => Analyze("""
                using log4net.Appender;
                using log4net.Util;

                static class Logging
                {
                    public static AppenderSkeleton Create()
                        => [|new RollingFileAppender()|] { File = new PatternString("logs/app-%date{yyyyMMddHHmmss}.log").Format(), RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };

                    public static AppenderSkeleton Literal()
                        => new RollingFileAppender() { File = "logs/app-%date{yyyyMMddHHmmss}.log", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };
                }

                namespace log4net.Util
                {
                    public class PatternString
                    {
                        public PatternString(string pattern) { }
                        public string Format() => "";
                    }
                }
                """).WithLog4Net().RunAsync();

        [Fact]
        public Task ClockInFileNameThroughALocalOrAField_ReportsInfo()
            => Analyze("""
                using System;
                using Serilog;

                static class Logging
                {
                    private static readonly string StartedAt = DateTime.Now.ToString("yyyyMMdd-HHmmss");

                    public static Serilog.ILogger Create()
                    {
                        var file = $"logs/app-{StartedAt}.log";
                        return new LoggerConfiguration().WriteTo.[|File(file)|].CreateLogger();
                    }
                }
                """).WithSerilog().RunAsync();

        [Fact]
        public Task NLogAndLog4NetClockInFileName_ReportsInfo()
        {
            var test = Analyze("""
                using System;
                using log4net.Appender;
                using NLog.Config;
                using NLog.Targets;

                static class Logging
                {
                    public static void Configure(LoggingConfiguration config)
                        => config.AddRuleForAllLevels({|#0:new FileTarget("file")|} { FileName = $"logs/app-{DateTime.Now:yyyyMMddHHmmss}.log", ArchiveAboveSize = 1_000_000, MaxArchiveFiles = 3 });

                    public static AppenderSkeleton Create()
                        => {|#1:new RollingFileAppender()|} { File = "logs/app-" + DateTime.UtcNow.Ticks + ".log", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };
                }
                """).WithNLog5().WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0)
                .WithArguments("NLog FileTarget puts the clock's time (read where the path is built) in 'logs/app-{…}.log': each start names new files, and retention works per name, so the files of every earlier start stay"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(1));
            return test.RunAsync();
        }

        // Not with a finding of the rule already on the sink (one finding is enough), nor with a process id (its own Info), nor
        // a clock read elsewhere than in the path, nor a type of one's own named DateTime.
        [Theory]
        [InlineData("File($\"logs/app-{DateTime.Now:yyyyMMdd}-.log\", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)", "Serilog WriteTo.File rolls 'logs/app-{…}-.log' with retainedFileCountLimit: null and no retainedFileTimeLimit")]
        [InlineData("File($\"logs/app-{Environment.ProcessId}-{DateTime.Now:yyyyMMdd}-.log\", rollingInterval: RollingInterval.Day, shared: true)", "Serilog WriteTo.File puts the process id in 'logs/app-{…}-{…}-.log': retention works per name, so the files of every process that ever ran (every recycle, every deploy) stay")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, retainedFileTimeLimit: DateTime.Now.AddDays(14) - DateTime.Now)", null)]
        [InlineData("File($\"logs/app-{Clock.DateTime.Now}-.log\", rollingInterval: RollingInterval.Day)", null)]
        [InlineData("File(DateTime.Now.Hour < 12 ? \"logs/am.log\" : \"logs/pm.log\")", null)]
        [InlineData("File(DateTime.Now.IsDaylightSavingTime() ? \"logs/summer.log\" : \"logs/winter.log\")", null)]
        [InlineData("File(DateTime.Now.DayOfWeek switch { DayOfWeek.Monday => \"logs/mon.log\", _ => \"logs/other.log\" })", null)]
        [InlineData("File(DateTime.Now.Hour switch { < 12 => \"logs/am.log\", _ => \"logs/pm.log\" })", null)]
        public Task SerilogClockAlreadyReportedOrNotInThePath_NoInfo(string call, string? other)
        {
            var test = Analyze(Serilog($".WriteTo.{{|#0:{call}|}}") + "\nnamespace Clock { static class DateTime { public static string Now => \"now\"; } }").WithSerilog();
            if (other is not null)
            {
                // The one finding already given (a warning, or the process id's Info): no second one for the clock.
                test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0).WithArguments(other));
            }

            return test.RunAsync();
        }

        [Theory]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day)")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7)")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(14))")]
        [InlineData("File(\"logs/app.log\", retainedFileCountLimit: null)")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day, fileSizeLimitBytes: null)")]
        [InlineData("File(\"logs/app.log\", rollOnFileSizeLimit: true, fileSizeLimitBytes: null)")]
        [InlineData("File($\"logs/{Environment.MachineName}-.log\", rollingInterval: RollingInterval.Day)")]
        public Task SerilogBounded_NoDiagnostic(string call)
            => Analyze(Serilog($".WriteTo.{call}")).WithSerilog().RunAsync();

        [Fact]
        public Task SerilogAuditToFile_NoDiagnostic()
            => Analyze(Serilog(""".AuditTo.File("logs/audit.log")""")).WithSerilog().RunAsync();

        [Fact]
        public Task SerilogRetainedNull_FixKeeps31()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: null)|]"""),
                Serilog(""".WriteTo.File("logs/app-.log", rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31)"""))
                .WithSerilog().RunAsync();

        [Fact]
        public Task SerilogUnboundedSingleFile_NoFix()
        {
            var source = Serilog(""".WriteTo.[|File("logs/app.log", fileSizeLimitBytes: null)|]""");
            return VerifyCS.Test(source, source).WithSerilog().RunAsync();
        }

        // ------------------------------------------------------------ NLog

        [Fact]
        public Task NLog5ArchivingWithoutLimit_ReportsDiagnostic()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760 });
            """)).WithNLog5().RunAsync();

        [Fact]
        public Task NLog5MaxArchiveFilesZero_ReportsDiagnostic()
            => Analyze(NLog("""
                    var file = [|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveEvery = FileArchivePeriod.Day };
                    file.MaxArchiveFiles = 0;
                    config.AddRuleForAllLevels(file);
            """)).WithNLog5().RunAsync();

        // Archiving at each start, and nothing else (the shape of a TerraTex alt:V server's logging, real-world round 5).
        [Theory]
        [InlineData("5")]
        [InlineData("6")]
        public Task NLogArchivingOnStartupWithoutLimit_ReportsDiagnostic(string version)
        {
            var test = Analyze(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveOldFileOnStartup = true });
            """));
            return (version == "5" ? test.WithNLog5() : test.WithNLog6()).RunAsync();
        }

        [Theory]
        [InlineData("ArchiveOldFileOnStartup = false")]
        [InlineData("ArchiveOldFileOnStartup = true, MaxArchiveFiles = 10")]
        public Task NLogArchivingOnStartupBoundedOrOff_NoDiagnostic(string settings)
            => Analyze(NLog("        config.AddRuleForAllLevels(new FileTarget(\"file\") { FileName = \"logs/app.log\", " + settings + " });")).WithNLog5().RunAsync();

        [Fact]
        public Task NLog6ArchivingWithoutLimit_ReportsDiagnostic()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveEvery = FileArchivePeriod.Day });
            """)).WithNLog6().RunAsync();

        [Fact]
        public Task NLogDateNamedFileWithoutLimit_ReportsDiagnostic()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "${basedir}/logs/${shortdate}.log" });
            """)).WithNLog5().RunAsync();

        [Fact]
        public Task NLogFluentWriteToFileArchivingWithoutLimit_ReportsDiagnostic()
            => Analyze("""
                using NLog;

                static class Logging
                {
                    public static void Configure()
                        => LogManager.Setup().LoadConfiguration(b => b.ForLogger().[|WriteToFile("logs/app.log", archiveAboveSize: 10_485_760)|]);
                }
                """).WithNLog6().RunAsync();

        [Fact]
        public Task NLogProcessIdInFileName_ReportsInfo()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app-${processid}.log", ArchiveAboveSize = 1_000_000, MaxArchiveFiles = 3 });
            """)).WithNLog5().RunAsync();

        [Theory]
        [InlineData("new FileTarget(\"file\") { FileName = \"logs/app.log\" }")]
        [InlineData("new FileTarget(\"file\") { FileName = \"logs/app.log\", ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 10 }")]
        [InlineData("new FileTarget(\"file\") { FileName = \"logs/app.log\", ArchiveEvery = FileArchivePeriod.Day, MaxArchiveDays = 14 }")]
        [InlineData("new FileTarget(\"file\") { FileName = \"logs/app.log\", ArchiveEvery = FileArchivePeriod.None }")]
        [InlineData("new FileTarget(\"file\") { FileName = \"logs/${shortdate}.log\", MaxArchiveFiles = 7 }")]
        public Task NLog5Bounded_NoDiagnostic(string creation)
            => Analyze(NLog($"        config.AddRuleForAllLevels({creation});")).WithNLog5().RunAsync();

        // The retention given by a method of the same file the target is passed to, or, for a target kept in a field, by a
        // member of its type (the constructor): the review of the twenty-seventh session (two false positives).
        [Fact]
        public Task NLogRetentionSetInAHelperOrTheConstructor_NoDiagnostic()
            => Analyze("""
                using NLog;
                using NLog.Config;
                using NLog.Targets;

                static class Logging
                {
                    public static void Configure()
                    {
                        var config = new LoggingConfiguration();
                        var file = new FileTarget("file") { FileName = "logs/app.log", ArchiveAboveSize = 10_000_000 };
                        ApplyRetention(file);
                        config.AddRuleForAllLevels(file);
                        LogManager.Configuration = config;
                    }

                    private static void ApplyRetention(FileTarget target) => target.MaxArchiveFiles = 10;
                }

                sealed class DailyLog
                {
                    private readonly FileTarget _file = new FileTarget("file") { FileName = "logs/${shortdate}.log" };
                    private FileTarget _audit;

                    public DailyLog(LoggingConfiguration config)
                    {
                        _file.MaxArchiveFiles = 14;
                        _audit = new FileTarget("audit") { FileName = "logs/audit-${shortdate}.log" };
                        config.AddRuleForAllLevels(_file);
                        config.AddRuleForAllLevels(_audit);
                    }

                    public void Keep(int days) => _audit.MaxArchiveDays = days;
                }
                """).WithNLog5().RunAsync();

        // A field's target bounded by a helper the constructor gives it; a field given a target in two members, each set up
        // in its own member (the third review: the second member's archiving was applied to the first target).
        [Fact]
        public Task NLogFieldTargetBoundedByAHelperOrRecreatedInAnotherMember_NoDiagnostic()
            => Analyze("""
                using NLog.Config;
                using NLog.Targets;

                sealed class DailyLog
                {
                    private readonly FileTarget _file = new FileTarget("file") { FileName = "logs/${shortdate}.log" };

                    public DailyLog(LoggingConfiguration config)
                    {
                        Bound(this._file);
                        config.AddRuleForAllLevels(_file);
                    }

                    private static void Bound(FileTarget target) => target.MaxArchiveFiles = 14;
                }

                sealed class Logs
                {
                    private FileTarget _file;

                    public void UseSingleFile(LoggingConfiguration config)
                    {
                        _file = new FileTarget("f") { FileName = "logs/app.log" };
                        config.AddRuleForAllLevels(_file);
                    }

                    public void UseRolling(LoggingConfiguration config)
                    {
                        _file = new FileTarget("f") { FileName = "logs/app.log", MaxArchiveFiles = 5 };
                        _file.ArchiveAboveSize = 10_000_000;
                        config.AddRuleForAllLevels(_file);
                    }
                }
                """).WithNLog5().RunAsync();

        // A static field named with its type (a helper given it in the static constructor; another member giving it a
        // target of its own), and a member giving the field one of two targets by `?:` (the last review).
        [Fact]
        public Task NLogStaticFieldTargetOrConditionalRecreation_NoDiagnostic()
            => Analyze("""
                using NLog.Config;
                using NLog.Targets;

                static class Daily
                {
                    private static readonly FileTarget s_file = new FileTarget("f") { FileName = "logs/${shortdate}.log" };

                    static Daily()
                    {
                        Bound(Daily.s_file);
                    }

                    public static void Use(LoggingConfiguration config) => config.AddRuleForAllLevels(s_file);

                    private static void Bound(FileTarget target) => target.MaxArchiveFiles = 14;
                }

                static class Logs
                {
                    private static FileTarget s_file;

                    public static void UseSingleFile(LoggingConfiguration config)
                    {
                        s_file = new FileTarget("f") { FileName = "logs/app.log" };
                        config.AddRuleForAllLevels(s_file);
                    }

                    public static void UseRolling(LoggingConfiguration config, bool debug)
                    {
                        Logs.s_file = debug
                            ? new FileTarget("d") { FileName = "logs/d.log", MaxArchiveFiles = 5 }
                            : new FileTarget("f") { FileName = "logs/app.log", MaxArchiveFiles = 5 };
                        Logs.s_file.ArchiveAboveSize = 10_000_000;
                        config.AddRuleForAllLevels(s_file);
                    }
                }
                """).WithNLog5().RunAsync();

        // What the helper sets on another target, or the type on another field, bounds nothing of this one.
        [Fact]
        public Task NLogRetentionSetOnAnotherTarget_ReportsDiagnostic()
            => Analyze("""
                using NLog.Config;
                using NLog.Targets;

                static class Logging
                {
                    private static readonly FileTarget Other = new FileTarget("other") { FileName = "logs/other.log" };

                    public static void Configure(LoggingConfiguration config)
                    {
                        var file = [|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveAboveSize = 10_000_000 };
                        ApplyRetention(file);
                        config.AddRuleForAllLevels(file);
                    }

                    private static void ApplyRetention(FileTarget target)
                    {
                        target.Layout = "${message}";
                        Other.MaxArchiveFiles = 10;
                    }
                }

                sealed class DailyLog
                {
                    private readonly FileTarget _file = [|new FileTarget("file")|] { FileName = "logs/${shortdate}.log" };
                    private readonly FileTarget _audit = new FileTarget("audit") { FileName = "logs/audit.log" };

                    public DailyLog()
                    {
                        _audit.MaxArchiveFiles = 14;
                    }
                }
                """).WithNLog5().RunAsync();

        [Fact]
        public Task NLog6MaxArchiveFilesZero_NoDiagnostic()
            => Analyze(NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log", ArchiveAboveSize = 1_000_000, MaxArchiveFiles = 0 });
            """)).WithNLog6().RunAsync();

        [Fact]
        public Task NLog5Archiving_FixAddsMaxArchiveFiles()
            => VerifyCS.Test(
                NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760 });
            """),
                NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 31 });
            """)).WithNLog5().RunAsync();

        // Real-world round 11 (Flow.Launcher): a file named by date had no fix. MaxArchiveFiles bounds such files too
        // (checked with NLog 5.0.4 and 6.2.0: nine days of files with MaxArchiveFiles = 2 left three).
        [Fact]
        public Task NLogDateNamedFile_FixAddsMaxArchiveFiles()
            => VerifyCS.Test(
                NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/${shortdate}.txt", Layout = "${message}" });
            """),
                NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/${shortdate}.txt", Layout = "${message}", MaxArchiveFiles = 31 });
            """)).WithNLog6().RunAsync();

        [Fact]
        public Task NLog5MaxArchiveFilesZero_FixSets31()
            => VerifyCS.Test(
                NLog("""
                    var file = [|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveEvery = FileArchivePeriod.Day };
                    file.MaxArchiveFiles = 0;
                    config.AddRuleForAllLevels(file);
            """),
                NLog("""
                    var file = new FileTarget("file") { FileName = "logs/app.log", ArchiveEvery = FileArchivePeriod.Day };
                    file.MaxArchiveFiles = 31;
                    config.AddRuleForAllLevels(file);
            """)).WithNLog5().RunAsync();

        // ------------------------------------------------------------ log4net

        [Fact]
        public Task Log4NetNegativeMaxSizeRollBackups_ReportsDiagnostic()
            => Analyze(Log4Net("""
                    return [|new RollingFileAppender()|] { File = "logs/app.log", MaxSizeRollBackups = -1 };
            """)).WithLog4Net().RunAsync();

        // Rolling by date (Composite, the default, or Date) keeps every period's file: MaxSizeRollBackups counts only
        // within one period (log4net: "A maximum number of backup files when rolling on date/time boundaries is not supported").
        [Theory]
        [InlineData("new RollingFileAppender()|] { File = \"logs/app.log\", MaxSizeRollBackups = 10 }")]
        [InlineData("new RollingFileAppender()|] { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Date }")]
        [InlineData("new RollingFileAppender()|] { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Composite, MaxSizeRollBackups = 5 }")]
        public Task Log4NetRollingByDate_ReportsDiagnostic(string creation)
            => Analyze(Log4Net($"        return [|{creation};")).WithLog4Net().RunAsync();

        // A name that is not static counted up starts a new numbered file at each size limit; with no backups none is ever
        // deleted (log4net 2.0.12 and 3.6.0: six files kept of six; with 3 backups, four).
        [Theory]
        [InlineData("new RollingFileAppender()|] { File = \"logs/app\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false, CountDirection = 1 }")]
        [InlineData("new RollingFileAppender()|] { File = \"logs/app\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false, CountDirection = 0, MaxSizeRollBackups = 0 }")]
        public Task Log4NetNumberedFilesWithoutBackups_ReportsDiagnostic(string creation)
        {
            var test = Analyze(Log4Net($"        return {{|#0:{creation.Replace("|]", "|}", System.StringComparison.Ordinal)};")).WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0)
                .WithArguments("log4net RollingFileAppender starts a new numbered file for 'logs/app' at each size limit (StaticLogFileName false, CountDirection 0 or more) and MaxSizeRollBackups 0 deletes none of them"));
            return test.RunAsync();
        }

        [Fact]
        public Task Log4NetRollingByDateSetAfterTheCreation_ReportsDiagnostic()
            => Analyze(Log4Net("""
                    var appender = [|new RollingFileAppender()|];
                    appender.File = "logs/app.log";
                    appender.RollingStyle = RollingFileAppender.RollingMode.Date;
                    appender.DatePattern = "yyyyMMdd";
                    return appender;
            """)).WithLog4Net().RunAsync();

        [Fact]
        public Task Log4NetRollingByDate_MessageNamesTheStyle()
        {
            var test = Analyze(Log4Net("""
                    return {|#0:new RollingFileAppender()|} { File = "logs/app.log", RollingStyle = RollingFileAppender.RollingMode.Date };
            """)).WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0)
                .WithArguments("log4net RollingFileAppender rolls 'logs/app.log' by date (RollingStyle Date) and deletes no earlier period's file: MaxSizeRollBackups counts only the backups within one period"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size }")]
        [InlineData("new RollingFileAppender { File = \"logs/app\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false, CountDirection = 1, MaxSizeRollBackups = 3 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, CountDirection = 1 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Once, MaxSizeRollBackups = 3 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", DatePattern = null }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = style }")]
        [InlineData("new RollingFileAppender { File = \"logs/app\", RollingStyle = style, StaticLogFileName = false, CountDirection = 1 }")]
        [InlineData("new FileAppender { File = \"logs/app.log\" }")]
        public Task Log4NetBounded_NoDiagnostic(string creation)
            => Analyze(Log4Net($"        var style = RollingFileAppender.RollingMode.Size; if (Environment.TickCount > 0) style = RollingFileAppender.RollingMode.Once;\n        return {creation};")).WithLog4Net().RunAsync();

        // ------------------------------------------------------------ ZLogger

        private const string ZLoggerRollingFinding =
            "ZLogger's rolling file (AddZLoggerRollingFile) starts a new file each period or size and deletes none: ZLogger has no retention setting, so delete old files yourself (a scheduled cleanup) or use a sink with a retention limit";

        private static string ZLogger(string providers, string members = "") => $$"""
            using System;
            using Microsoft.Extensions.Logging;
            using ZLogger;
            using ZLogger.Providers;

            public static class LoggingSetup
            {
                public static ILoggerFactory Create(string path)
                    => LoggerFactory.Create(logging => logging{{providers}});
            {{members}}
            }
            """;

        // ZLogger 2.6.1's rolling file deletes nothing (no File.Delete in ZLogger.dll; its options have no retention
        // setting; its README: "The generated files will not be deleted"): every overload is reported, without a fix.
        [Theory]
        [InlineData(".{|#0:AddZLoggerRollingFile((date, sequence) => $\"logs/app_{date:yyyy-MM-dd}_{sequence:000}.log\", RollingInterval.Day, 1024)|}")]
        [InlineData(".{|#0:AddZLoggerRollingFile((date, sequence) => $\"logs/app_{sequence:000}.log\", 1024)|}")]
        [InlineData(".{|#0:AddZLoggerRollingFile(options => { options.FilePathSelector = (date, sequence) => $\"logs/app_{sequence:000}.log\"; options.RollingSizeKB = 1024; })|}")]
        [InlineData(".AddZLoggerConsole().{|#0:AddZLoggerRollingFile((options, services) => options.FilePathSelector = (date, sequence) => $\"logs/app_{sequence:000}.log\")|}")]
        public Task ZLoggerRollingFile_ReportsDiagnostic(string providers)
        {
            var test = Analyze(ZLogger(providers)).WithZLogger();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM2003").WithLocation(0).WithArguments(ZLoggerRollingFinding));
            return test.RunAsync();
        }

        // Called as a static method, in a web project: PM2003 only (whether processes can share ZLogger's file was not
        // verified, so PM1001 says nothing).
        [Fact]
        public Task ZLoggerRollingFileInAWebProject_ReportsDiagnostic()
            => Analyze(ZLogger(".AddZLoggerConsole()", """
                    public static void Add(ILoggingBuilder logging)
                        => ZLoggerBuilderExtensions.{|PM2003:AddZLoggerRollingFile(logging, (date, sequence) => $"logs/app_{sequence:000}.log", RollingInterval.Hour)|};
                """)).Web().WithZLogger().RunAsync();

        // One file (no rolling, ZLogger's default as NLog's plain file is), the console, and an AddZLoggerRollingFile of
        // one's own: not judged.
        [Theory]
        [InlineData(".AddZLoggerFile(path)", "")]
        [InlineData(".AddZLoggerConsole()", "")]
        [InlineData(".AddZLoggerRollingFile(path)", "")]
        public Task ZLoggerOtherProviders_NoDiagnostic(string providers, string members)
            => Analyze(ZLogger(providers, members) + """

                public static class OwnLoggingExtensions
                {
                    public static ILoggingBuilder AddZLoggerRollingFile(this ILoggingBuilder builder, string path) => builder;
                }
                """).WithZLogger().RunAsync();
    }
}
