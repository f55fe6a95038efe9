using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.LogFileSinkAnalyzer,
    Postmortem.CodeFixes.Rules.PM3005FileSinkStopsAtSizeLimitCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3005FileSinkStopsAtSizeLimitTests
    {
        private static string Serilog(string sink) => $$"""
            using System;
            using System.IO;
            using Serilog;

            static class Logging
            {
                public static Serilog.ILogger Create(string root, long limit, long? maybeLimit, bool roll, RollingInterval interval)
                {
                    return new LoggerConfiguration()
                        {{sink}}
                        .CreateLogger();
                }
            }
            """;

        private static AnalyzerTest Analyze(string source) => VerifyCS.AnalysisTest(source).WithSerilog();

        /// <summary>The message's arguments for a Serilog file sink: the size, until when, what it does, why.</summary>
        internal static object[] SerilogStops(string size, string until) => new object[] { size, until, "stops writing", "rollOnFileSizeLimit is not true" };

        /// <summary>The message's arguments for a log4net RollingFileAppender that truncates its file.</summary>
        private static object[] Log4NetEmpties(string size, string file = "'logs/app.log'")
            => new object[] { size, string.Empty, $"empties {file} (everything it held is lost)", "MaxSizeRollBackups is 0 by default: log4net keeps no backup and truncates the file" };

        [Theory]
        [InlineData("File(\"logs/app.log\")", "1 GB (the default limit)", " for good")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: 10 * 1024 * 1024)", "10 MB", " for good")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: false)", "50,000,000 bytes", " for good")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Day)", "1 GB (the default limit)", " until the next day's file")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Hour, fileSizeLimitBytes: 10 * 1024 * 1024)", "10 MB", " until the next hour's file")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: RollingInterval.Infinite)", "1 GB (the default limit)", " for good")]
        [InlineData("File(\"logs/app-.log\", rollingInterval: interval)", "1 GB (the default limit)", "")]
        [InlineData("File(\"logs/app.log\", fileSizeLimitBytes: limit)", "its size limit", " for good")]
        [InlineData("File(new Serilog.Formatting.Json.JsonFormatter(), \"logs/app.json\", shared: true)", "1 GB (the default limit)", " for good")]
        public Task SizeLimitWithoutRolling_ReportsDiagnostic(string call, string size, string until)
        {
            var test = Analyze(Serilog($".WriteTo.{{|#0:{call}|}}"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(SerilogStops(size, until)));
            return test.RunAsync();
        }

        // Real-world round 12 (win-acme): the interval held in a local that nothing writes again is read as the constant
        // it was given; one written again (an assignment, a tuple) stays unknown.
        [Theory]
        [InlineData("var daily = RollingInterval.Day;", " until the next day's file")]
        [InlineData("var daily = RollingInterval.Day; if (roll) daily = RollingInterval.Hour;", "")]
        [InlineData("var daily = RollingInterval.Day; if (roll) (daily, limit) = (RollingInterval.Hour, 1);", "")]
        [InlineData("var daily = RollingInterval.Day; Action later = () => daily++;", "")]
        public Task RollingIntervalInALocal_ReportsDiagnostic(string declaration, string until)
        {
            var test = Analyze($$"""
                using System;
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create(bool roll, long limit)
                    {
                        {{declaration}}
                        return new LoggerConfiguration()
                            .WriteTo.{|#0:File("logs/app-.log", rollingInterval: daily)|}
                            .CreateLogger();
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(SerilogStops("1 GB (the default limit)", until)));
            return test.RunAsync();
        }

        // A File call on a lambda's parameter, the delegate's type written in another file (sinks configured through a
        // helper of your own).
        [Fact]
        public Task FileCalledOnALambdaParameter_ReportsDiagnostic()
        {
            var test = Analyze("""
                using Serilog;

                static class Logging
                {
                    public static Serilog.ILogger Create() => Sinks.Add(new LoggerConfiguration(), a => a.{|#0:File("logs/app.log")|}).CreateLogger();
                }
                """);
            test.Sources.Add(LogSinkStubs.SerilogSinkHelperInAnotherFile);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(SerilogStops("1 GB (the default limit)", " for good")));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("WriteTo.File(\"logs/app.log\", rollOnFileSizeLimit: true)")]
        [InlineData("WriteTo.File(\"logs/app.log\", fileSizeLimitBytes: null)")]
        [InlineData("WriteTo.File(\"logs/app.log\", fileSizeLimitBytes: maybeLimit)")]
        [InlineData("WriteTo.File(\"logs/app.log\", rollOnFileSizeLimit: roll)")]
        [InlineData("AuditTo.File(\"logs/audit.log\")")]
        public Task NoSizeStop_NoDiagnostic(string call)
            => Analyze(Serilog("." + call)).RunAsync();

        [Fact]
        public Task LegacyRollingFile_NoDiagnostic()
            => Analyze(Serilog(""".WriteTo.RollingFile("logs/app-{Date}.log")""")).WithSerilogRollingFile().RunAsync();

        [Fact]
        public Task AddRollOnFileSizeLimit_Fix()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", fileSizeLimitBytes: 10_485_760)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", fileSizeLimitBytes: 10_485_760, rollOnFileSizeLimit: true)"""))
                .WithSerilog().RunAsync();

        [Fact]
        public Task RollOnFileSizeLimitFalse_FixSetsTrue()
            => VerifyCS.Test(
                Serilog(""".WriteTo.[|File("logs/app.log", rollOnFileSizeLimit: false)|]"""),
                Serilog(""".WriteTo.File("logs/app.log", rollOnFileSizeLimit: true)"""))
                .WithSerilog().RunAsync();

        [Fact]
        public Task TwoSinks_FixAll()
            => VerifyCS.Test(
                Serilog("""
                .WriteTo.[|File("logs/a.log")|]
                        .WriteTo.Logger(lc => lc.WriteTo.[|File("logs/b.log", shared: true)|])
                """),
                Serilog("""
                .WriteTo.File("logs/a.log", rollOnFileSizeLimit: true)
                        .WriteTo.Logger(lc => lc.WriteTo.File("logs/b.log", shared: true, rollOnFileSizeLimit: true))
                """))
                .WithSerilog().RunAsync();

        // ------------------------------------------------------------ log4net

        // Rolling by size (Size, or Composite, the default) with MaxSizeRollBackups left at 0 truncates the file at its
        // limit (checked with log4net 2.0.12 and 3.6.0: 1,000 lines with a 10 KB limit left the last 115).
        [Theory]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\" }", "10 MB (the default MaximumFileSize)")]
        [InlineData("new RollingFileAppender|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size }", "10 MB (the default MaximumFileSize)")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Composite, MaximumFileSize = \"50MB\" }", "50 MB")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaximumFileSize = \" 512kb \" }", "512 KB")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaximumFileSize = \"1GB\" }", "1 GB")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaximumFileSize = \"5000000\" }", "5,000,000 bytes")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaxFileSize = 2 * 1024 * 1024 }", "2 MB")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaximumFileSize = size }", "its size limit")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaximumFileSize = \"ten megabytes\" }", "its size limit")]
        public Task Log4NetRollingBySizeWithoutBackups_ReportsDiagnostic(string creation, string size)
        {
            var test = VerifyCS.AnalysisTest(LogSinkSources.Log4Net($"        var size = Environment.GetEnvironmentVariable(\"LOG_SIZE\") ?? \"10MB\";\n        return {{|#0:{creation};")).WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(Log4NetEmpties(size)));
            return test.RunAsync();
        }

        // A static name truncates whatever the count's direction; a name that is not static counted down (the default -1)
        // too (checked with log4net 2.0.12 and 3.6.0). The style in a local nothing writes again is read as its constant.
        [Theory]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, CountDirection = 1 }")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false }")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false, CountDirection = -1 }")]
        [InlineData("new RollingFileAppender()|} { File = \"logs/app.log\", RollingStyle = bySize }")]
        public Task Log4NetTruncatingShapes_ReportsDiagnostic(string creation)
        {
            var test = VerifyCS.AnalysisTest(LogSinkSources.Log4Net($"        var bySize = RollingFileAppender.RollingMode.Size;\n        return {{|#0:{creation};")).WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(Log4NetEmpties("10 MB (the default MaximumFileSize)")));
            return test.RunAsync();
        }

        [Fact]
        public Task Log4NetSettingsAssignedAfterTheCreation_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(LogSinkSources.Log4Net("""
                    var appender = {|#0:new RollingFileAppender()|};
                    appender.File = "logs/web.log";
                    appender.RollingStyle = RollingFileAppender.RollingMode.Size;
                    appender.MaximumFileSize = "20MB";
                    return appender;
            """)).WithLog4Net();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(Log4NetEmpties("20 MB", "'logs/web.log'")));
            return test.RunAsync();
        }

        // Backups kept (or an explicit 0, log4net's documented way to keep one bounded file), rolling only by date or once
        // per start (no size roll: all 1,000 lines kept in the same check), a style or a backup count not known at build
        // time, a plain FileAppender (no size limit), and a name that is not static counted up (CountDirection 0 or more:
        // each limit starts a new numbered file; all 1,000 lines kept with log4net 2.0.12 and 3.6.0) are not reported.
        [Theory]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", MaxSizeRollBackups = 10 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 0 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = -1 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = backups }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Date }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = RollingFileAppender.RollingMode.Once }")]
        [InlineData("new RollingFileAppender { File = \"logs/app.log\", RollingStyle = style }")]
        [InlineData("new FileAppender { File = \"logs/app.log\" }")]
        [InlineData("new RollingFileAppender { File = \"logs/app\", RollingStyle = RollingFileAppender.RollingMode.Size, StaticLogFileName = false, CountDirection = 1 }")]
        [InlineData("new RollingFileAppender { File = \"logs/app\", StaticLogFileName = false, CountDirection = 0 }")]
        public Task Log4NetKeepsBackupsOrDoesNotRollBySize_NoDiagnostic(string creation)
            => VerifyCS.AnalysisTest(LogSinkSources.Log4Net($$"""
                    var backups = int.Parse(Environment.GetEnvironmentVariable("LOG_BACKUPS") ?? "5");
                    var style = Environment.TickCount > 0 ? RollingFileAppender.RollingMode.Size : RollingFileAppender.RollingMode.Date;
                    return {{creation}};
            """)).WithLog4Net().RunAsync();

        [Fact]
        public Task Log4NetInitializer_FixAddsBackups()
            => VerifyCS.Test(
                LogSinkSources.Log4Net("""
                    return [|new RollingFileAppender()|] { File = "logs/app.log", RollingStyle = RollingFileAppender.RollingMode.Size };
            """),
                LogSinkSources.Log4Net("""
                    return new RollingFileAppender() { File = "logs/app.log", RollingStyle = RollingFileAppender.RollingMode.Size, MaxSizeRollBackups = 10 };
            """)).WithLog4Net().RunAsync();

        [Fact]
        public Task Log4NetSetLineByLine_FixAddsALine()
            => VerifyCS.Test(
                LogSinkSources.Log4Net("""
                    var appender = [|new RollingFileAppender()|];
                    appender.File = "logs/app.log";
                    appender.MaximumFileSize = "20MB";
                    return appender;
            """),
                LogSinkSources.Log4Net("""
                    var appender = new RollingFileAppender();
                    appender.File = "logs/app.log";
                    appender.MaximumFileSize = "20MB";
                    appender.MaxSizeRollBackups = 10;
                    return appender;
            """)).WithLog4Net().RunAsync();

        // An initializer ending with a comma and a comment: the comment stays on its line, not copied to the new member's.
        [Fact]
        public Task Log4NetInitializerEndingWithACommentedComma_FixKeepsTheCommentOnce()
            => VerifyCS.Test(
                LogSinkSources.Log4Net("""
                    return [|new RollingFileAppender()|]
                    {
                        File = "logs/app.log",
                        RollingStyle = RollingFileAppender.RollingMode.Size, // by size
                    };
            """),
                LogSinkSources.Log4Net("""
                    return new RollingFileAppender()
                    {
                        File = "logs/app.log",
                        RollingStyle = RollingFileAppender.RollingMode.Size, // by size
                        MaxSizeRollBackups = 10,
                    };
            """)).WithLog4Net().RunAsync();

        // On one line, after a trailing comma (and a comment): one space before the new member (the review of the session).
        [Theory]
        [InlineData("", "")]
        [InlineData(" /* by size */", " /* by size */")]
        public Task Log4NetOneLineInitializerEndingWithAComma_FixAddsOneSpace(string comment, string kept)
            => VerifyCS.Test(
                LogSinkSources.Log4Net($$"""
                    return [|new RollingFileAppender()|] { File = "logs/app.log",{{comment}} };
            """),
                LogSinkSources.Log4Net($$"""
                    return new RollingFileAppender() { File = "logs/app.log",{{kept}} MaxSizeRollBackups = 10, };
            """)).WithLog4Net().RunAsync();

        // ------------------------------------------------------------ NLog 6

        // NLog 6: MaxArchiveFiles = 0 keeps no archive, so archiving by size deletes what the file held (checked with NLog
        // 6.2.0: 1,000 lines archived every 10 KB left the last 196, also with MaxArchiveDays = 7). Before NLog 6, 0 meant
        // unlimited (PM2003 reports that).
        [Fact]
        public Task NLog6MaxArchiveFilesZeroArchivingBySize_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest(LogSinkSources.NLog("""
                    config.AddRuleForAllLevels({|#0:new FileTarget("file")|} { FileName = "logs/app.log", ArchiveAboveSize = 10 * 1024 * 1024, MaxArchiveFiles = 0, MaxArchiveDays = 7 });
            """)).WithNLog6();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3005").WithLocation(0).WithArguments(
                "10 MB (ArchiveAboveSize)", string.Empty, "deletes what 'logs/app.log' held", "MaxArchiveFiles = 0 keeps no archive under NLog 6 (before NLog 6 it meant unlimited)"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 0", 5)]
        [InlineData("ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 10", 6)]
        [InlineData("ArchiveAboveSize = 10_485_760, MaxArchiveFiles = -1", 6)]
        [InlineData("ArchiveAboveSize = 10_485_760", 6)]
        [InlineData("ArchiveAboveSize = 0, MaxArchiveFiles = 0", 6)]
        [InlineData("ArchiveEvery = FileArchivePeriod.Day, MaxArchiveFiles = 0", 6)]
        public Task NLogKeepsArchivesOrNLog5_NoDiagnostic(string settings, int nlog)
        {
            var test = VerifyCS.AnalysisTest(LogSinkSources.NLog($$"""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log", {{settings}} });
            """));
            return (nlog == 5 ? test.WithNLog5() : test.WithNLog6()).RunAsync();
        }

        [Fact]
        public Task NLog6MaxArchiveFilesZero_FixKeeps31()
            => VerifyCS.Test(
                LogSinkSources.NLog("""
                    config.AddRuleForAllLevels([|new FileTarget("file")|] { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 0 });
            """),
                LogSinkSources.NLog("""
                    config.AddRuleForAllLevels(new FileTarget("file") { FileName = "logs/app.log", ArchiveAboveSize = 10_485_760, MaxArchiveFiles = 31 });
            """)).WithNLog6().RunAsync();
    }
}
