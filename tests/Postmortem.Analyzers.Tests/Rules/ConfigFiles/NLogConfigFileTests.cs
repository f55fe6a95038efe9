using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.ConfigFiles.ConfigFileTest;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>PM1001, PM2003, PM3004 from nlog.config and the NLog section of appsettings.json; NLog 5 vs 6 from the referenced assembly.</summary>
    public class NLogConfigFileTests
    {
        private const string NLogConfig = "/0/nlog.config";

        private static string Config(string targets, string nlogAttributes = "") => $$"""
            <?xml version="1.0" encoding="utf-8" ?>
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"{{nlogAttributes}}>
              <!-- targets -->
              <targets>
            {{targets}}
              </targets>
              <rules>
                <logger name="*" minlevel="Info" writeTo="f" />
              </rules>
            </nlog>
            """;

        // ------------------------------------------------------------ NLog 5

        [Fact]
        public Task NLog5DefaultFileTarget_ReportsDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target {|PM1001:xsi:type="File"|} name="f" fileName="${basedir}/logs/app.log" />
                """), nlog: NLogRef.V5);

        // Real-world round 11: an environment variable named as a folder is the installation's, the same for every process;
        // one that may hold an instance id keeps the file apart.
        [Theory]
        [InlineData("${environment:APP_LOG_DIR}/app.log", true)]
        [InlineData("${environment:variable=LOGS_FOLDER}/app.log", true)]
        [InlineData("${environment:APP_INSTANCE}/app.log", false)]
        [InlineData("${environment:variable=INSTANCE_ID:whenEmpty=${basedir}}/app.log", false)]
        [InlineData("${environment:WORKER_INSTANCE_PATH}/app.log", false)]
        [InlineData("${gdc:logDirectory}/logs/app.log", true)]
        [InlineData("${gdc:item=LogFolder}/app.log", true)]
        [InlineData("${gdc:instanceId}/app.log", false)]
        [InlineData("${gdc:item=logs}/app.log", true)]
        [InlineData("${gdc:item=TEMP}/app.log", true)]
        [InlineData("${environment:variable=LOGS}/app.log", true)]
        [InlineData("${environment:LOGS}/app.log", true)]
        [InlineData("${gdc:item=run}/app.log", false)]
        public Task EnvironmentVariableInThePath_ReportsDiagnosticOnlyForAFolder(string fileName, bool reported)
            => RunAsync(NLogConfig, Config(reported
                ? $$"""    <target {|PM1001:xsi:type="File"|} name="f" fileName="{{fileName}}" />"""
                : $$"""    <target xsi:type="File" name="f" fileName="{{fileName}}" />"""), nlog: NLogRef.V5);

        [Fact]
        public Task NLog5ConcurrentWritesFalse_ReportsDiagnosticAtTheAttribute()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" {|PM1001:concurrentWrites="false"|} />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task NLog5ConcurrentWrites_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task AttributesAndTypeInAnyCasing_ReportDiagnostic()
            => RunAsync("/0/NLog.Production.config", Config("""
                    <target NAME="f" xsi:Type="file" FileName="logs/app.log" {|PM1001:ConcurrentWrites="False"|} />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task FileInsideAsyncWrapper_ReportsDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="AsyncWrapper" name="f">
                      <target {|PM1001:xsi:type="File"|} name="inner" fileName="logs/app.log" />
                    </target>
                """), nlog: NLogRef.V5);

        [Fact]
        public Task TargetsAsync_ReportsDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target {|PM1001:xsi:type="File"|} name="f" fileName="logs/app.log" />
                """).Replace("<targets>", "<targets async=\"true\">", System.StringComparison.Ordinal), nlog: NLogRef.V5);

        [Fact]
        public Task TargetNoRuleWritesTo_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="old" fileName="logs/old.log" />
                    <target xsi:type="Console" name="f" />
                """), nlog: NLogRef.V5, failuresVisibleInCode: false);

        [Fact]
        public Task DefaultTargetParametersCoordinate_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <default-target-parameters xsi:type="File" concurrentWrites="true" maxArchiveFiles="10" />
                    <target xsi:type="File" name="f" fileName="logs/app.log" archiveAboveSize="10485760" />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task ProcessIdInVariable_OnlyRetentionDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" {|PM2003:fileName="${logFile}"|} />
                """).Replace("<targets>", "<variable name=\"logFile\" value=\"logs/app-${processid}.log\" />\n  <targets>", System.StringComparison.Ordinal), nlog: NLogRef.V5);

        [Fact]
        public Task ProcessIdInArchivedFileName_ReportsInfoRetentionDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" {|PM2003:fileName="logs/app-${processid}.log"|} archiveAboveSize="10485760" maxArchiveFiles="10" />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task NLog5ArchivingWithoutLimit_ReportsDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target {|PM2003:xsi:type="File"|} name="f" fileName="logs/app.log" concurrentWrites="true" archiveEvery="Day" />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task NLog5MaxArchiveFilesZero_ReportsDiagnosticAtTheAttribute()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" archiveAboveSize="1000000" {|PM2003:maxArchiveFiles="0"|} />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task NLog5ArchivingWithLimit_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" archiveAboveSize="1000000" maxArchiveFiles="10" />
                """), nlog: NLogRef.V5);

        // ------------------------------------------------------------ NLog 6

        [Fact]
        public Task NLog6ConcurrentWritesIsIgnored_ReportsDiagnosticSayingSo()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" {|PM1001:concurrentWrites="true"|} />
                """), nlog: NLogRef.V6);

        [Fact]
        public Task NLog6KeepFileOpenFalse_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """), nlog: NLogRef.V6);

        [Fact]
        public Task NLog6AtomFile_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="AtomFile" name="f" fileName="logs/app.log" />
                """), nlog: NLogRef.V6);

        [Fact]
        public Task NLog6ArchiveFileName_ReportsDiagnosticAtTheAttribute()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" archiveAboveSize="1000000" maxArchiveFiles="5" {|PM1001:archiveFileName="logs/app.{#}.log"|} />
                """), nlog: NLogRef.V6);

        // Before NLog 6 archiving moves the file whatever archiveFileName says, and the message's fix is concurrentWrites:
        // the diagnostic is there (the shape of qusma/QPAS's NLog.config, real-world round 4).
        [Fact]
        public Task NLog5ArchiveFileNameWithConcurrentWritesOff_ReportsDiagnosticAtConcurrentWrites()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="a.log" keepFileOpen="true" {|PM1001:concurrentWrites="false"|} archiveFileName="a.{#}.log" archiveEvery="Day" maxArchiveFiles="30" />
                """), nlog: NLogRef.V5);

        [Fact]
        public Task ArchiveOldFileOnStartupWithoutLimit_ReportsRetention()
            => RunAsync(NLogConfig, Config("""
                    <target {|PM2003:xsi:type="File"|} name="f" fileName="logs/app.log" concurrentWrites="true" archiveOldFileOnStartup="true" />
                """), nlog: NLogRef.V5);

        // NLog 6: maxArchiveFiles="0" is no unlimited retention (PM2003) but keeps no archive: archiving by size deletes what
        // the file held (PM3005, at the setting). Archiving only by date is not judged.
        [Fact]
        public Task NLog6MaxArchiveFilesZero_ReportsLossNotRetention()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" archiveAboveSize="1000000" {|#0:maxArchiveFiles="0"|} />
                """), nlog: NLogRef.V6, expected: Diagnostic("PM3005").WithLocation(0).WithArguments(
                    "1,000,000 bytes (ArchiveAboveSize)", string.Empty, "deletes what 'logs/app.log' held", "MaxArchiveFiles = 0 keeps no archive under NLog 6 (before NLog 6 it meant unlimited)"));

        [Fact]
        public Task NLog6MaxArchiveFilesZeroArchivingByDate_NoDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" archiveEvery="Day" maxArchiveFiles="0" />
                """), nlog: NLogRef.V6);

        // ------------------------------------------------------------ PM3004 and hosts

        [Fact]
        public Task NoInternalLog_ReportsInvisibleFailuresOnTheRoot()
            => RunAsync(NLogConfig, """
                <nlog>
                  <targets><target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" /></targets>
                  <rules><logger name="*" writeTo="f" /></rules>
                </nlog>
                """.Replace("<nlog>", "<{|PM3004:nlog|} xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">", System.StringComparison.Ordinal),
                nlog: NLogRef.V5, failuresVisibleInCode: false);

        [Theory]
        [InlineData(" internalLogLevel=\"Warn\" internalLogFile=\"c:/temp/nlog-internal.log\"")]
        [InlineData(" internalLogLevel=\"Error\" internalLogToConsoleError=\"true\"")]
        [InlineData(" throwExceptions=\"true\"")]
        [InlineData(" internalLogLevel=\"Off\" throwExceptions=\"true\"")]
        public Task InternalLogOrThrowExceptions_NoInvisibleFailuresDiagnostic(string attributes)
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" />
                """, attributes), nlog: NLogRef.V5, failuresVisibleInCode: false);

        // A byte order mark left as text before the XML (a doubled BOM): read as the JSON reader reads it, not PM0001, and
        // what is found on the first line is placed after it (the twenty-eighth session's review).
        [Fact]
        public Task ByteOrderMarkBeforeTheXml_ReportsDiagnostic()
            => RunAsync(NLogConfig, "\uFEFF" + """
                <{|PM3004:nlog|} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><targets><target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" /></targets>
                  <rules><logger name="*" writeTo="f" /></rules>
                </nlog>
                """, nlog: NLogRef.V5, failuresVisibleInCode: false);

        [Theory]
        [InlineData(" internalLogLevel=\"Off\" internalLogFile=\"c:/temp/nlog-internal.log\"", 5)]
        [InlineData(" internalLogLevel=\"off\" internalLogToConsoleError=\"true\"", 6)]
        [InlineData(" internalLogFile=\"c:/temp/nlog-internal.log\"", 5)]
        [InlineData(" internalLogToConsole=\"true\" internalLogToTrace=\"true\"", 5)]
        [InlineData(" internalLogLevel=\"Info\"", 5)]
        [InlineData(" internalLogLevel=\"Warn\"", 6)]
        public Task InternalLogThatWritesNothing_ReportsInvisibleFailuresOnTheRoot(string attributes, int nlogMajor)
        {
            // internalLogLevel="Off" silences every output; an output without a level stays Off under NLog 5
            // (checked with NLog 5.0.4 and 6.2.0: no internal log written in either case); a level without an output
            // writes nowhere (real-world round 9: checked with NLog 5.0.4 and 6.2.0, a failing file target, nothing written).
            var config = Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" concurrentWrites="true" keepFileOpen="false" />
                """, attributes).Replace("<nlog xmlns", "<{|PM3004:nlog|} xmlns", System.StringComparison.Ordinal);
            return RunAsync(NLogConfig, config, nlog: nlogMajor == 6 ? NLogRef.V6 : NLogRef.V5, failuresVisibleInCode: false);
        }

        // NLog 6 has no internalLogToTrace (neither the attribute nor InternalLogger.LogToTrace: checked in 6.2.0's
        // assembly; NLog 5.0.4 has both): under 6 it is no output (the twenty-eighth session's review).
        [Theory]
        [InlineData(6, true)]
        [InlineData(5, false)]
        public Task InternalLogOnlyToTraceUnderNLog6_ReportsDiagnostic(int nlogMajor, bool reported)
        {
            var config = Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """, " internalLogLevel=\"Warn\" internalLogToTrace=\"true\"");
            if (reported)
            {
                config = config.Replace("<nlog xmlns", "<{|PM3004:nlog|} xmlns", System.StringComparison.Ordinal);
            }

            return RunAsync(NLogConfig, config, nlog: nlogMajor == 6 ? NLogRef.V6 : NLogRef.V5, failuresVisibleInCode: false);
        }

        // internalLogLevel in nlog.config is the level a subscriber or an output the code gives the InternalLogger writes
        // at (a subscriber needs a level under NLog 5 and 6, an output under NLog 5).
        [Theory]
        [InlineData("NLog.Common.InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);", " internalLogLevel=\"Warn\"", false)]
        [InlineData("NLog.Common.InternalLogger.LogFile = \"nlog-internal.log\";", " internalLogLevel=\"Warn\"", false)]
        [InlineData("NLog.Common.InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);", "", true)]
        [InlineData("NLog.Common.InternalLogger.LogMessageReceived += (sender, e) => System.Console.Error.WriteLine(e.Message);", " internalLogLevel=\"Off\"", true)]
        [InlineData("NLog.SetupBuilderExtensions.SetupInternalLogger(NLog.LogManager.Setup(), s => NLog.SetupInternalLoggerBuilderExtensions.SetMinimumLogLevel(s, NLog.LogLevel.Warn));", " internalLogFile=\"nlog-internal.log\"", false)]
        [InlineData("NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;", " internalLogFile=\"nlog-internal.log\"", false)]
        [InlineData("NLog.Common.InternalLogger.LogLevel = NLog.LogLevel.Warn;", "", true)]
        public Task InternalLogLevelInConfigWithOutputInCode_ReportsDiagnosticOnlyWithoutLevel(string code, string attributes, bool reported)
        {
            var config = Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """, attributes);
            if (reported)
            {
                config = config.Replace("<nlog xmlns", "<{|PM3004:nlog|} xmlns", System.StringComparison.Ordinal);
            }

            return ConfigFileTest.Create(new[] { (NLogConfig, config) }, web: false, nlog: NLogRef.V5, failuresVisibleInCode: false, code: code).RunAsync();
        }

        [Theory]
        [InlineData(" internalLogLevel=\"Warn\" internalLogToConsoleError=\"true\"", OutputKind.WindowsApplication, true)]
        [InlineData(" internalLogLevel=\"Warn\" internalLogToConsole=\"true\"", OutputKind.WindowsApplication, true)]
        [InlineData(" internalLogLevel=\"Warn\" internalLogToConsoleError=\"true\" internalLogFile=\"c:/temp/nlog-internal.log\"", OutputKind.WindowsApplication, false)]
        [InlineData(" internalLogLevel=\"Warn\" internalLogToConsoleError=\"true\"", OutputKind.ConsoleApplication, false)]
        public Task InternalLogOnlyToTheConsoleOfAWindowsApplication_ReportsDiagnostic(string attributes, OutputKind kind, bool reported)
        {
            // A Windows GUI application (WinExe) has no console: an internal log written only there is written nowhere,
            // as in code; a file next to it, or a console application, counts.
            var config = Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """, attributes);
            var test = Create(new[] { (NLogConfig, reported ? config.Replace("<nlog xmlns", "<{|#0:nlog|} xmlns", System.StringComparison.Ordinal) : config) }, web: false, nlog: NLogRef.V5, failuresVisibleInCode: false);
            test.OutputKind = kind;
            test.Sources.Add("static class Program { static void Main() { } }");
            if (reported)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3004").WithLocation(0).WithArguments(
                    "NLog's file target (nlog.config)",
                    "NLog's InternalLogger, which writes only to the console, and a Windows application has none (Console.Out and Console.Error write nowhere)"));
            }

            return test.RunAsync();
        }

        [Theory]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", true)]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().UseSystemd().Build().Run();", false)]
        [InlineData("Host.CreateDefaultBuilder(args).Build().Run();", false)]
        public Task InternalLogOnlyToTheConsoleOfAWindowsService_ReportsDiagnostic(string host, bool reported)
        {
            // A Windows service has no console either: known from the call that hosts it, in a console application.
            var config = Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """, " internalLogLevel=\"Warn\" internalLogToConsoleError=\"true\"");
            var test = Create(new[] { (NLogConfig, reported ? config.Replace("<nlog xmlns", "<{|#0:nlog|} xmlns", System.StringComparison.Ordinal) : config) }, web: false, nlog: NLogRef.V5, failuresVisibleInCode: false);
            test.OutputKind = OutputKind.ConsoleApplication;
            test.Sources.Add($$"""
                using Microsoft.Extensions.Hosting;

                static class Program
                {
                    static void Main(string[] args)
                    {
                        {{host}}
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            test.References.AddRange(References.WindowsServices);
            test.References.AddRange(References.Systemd);
            if (reported)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3004").WithLocation(0).WithArguments(
                    "NLog's file target (nlog.config)",
                    "NLog's InternalLogger, which writes only to the console, and a Windows service has none (Console.Out and Console.Error write nowhere)"));
            }

            return test.RunAsync();
        }

        [Fact]
        public Task InternalLogLevelWithoutOutput_TargetInCode_ReportsDiagnostic()
        {
            // An nlog.config that only sets internalLogLevel switches nothing on: the target configured in code is reported
            // (before, the file took PM3004 over and nothing was reported anywhere).
            var test = Create(
                new[] { (NLogConfig, "<nlog internalLogLevel=\"Info\" />") },
                nlog: NLogRef.V5,
                failuresVisibleInCode: false,
                code: "var target = {|PM3004:new NLog.Targets.FileTarget(\"f\") { FileName = \"logs/app.log\", ConcurrentWrites = true }|};");
            return test.RunAsync();
        }

        [Fact]
        public Task InternalLogFileWithoutLevel_NLog6LogsAtInfo_NoInvisibleFailuresDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" keepFileOpen="false" />
                """, " internalLogFile=\"c:/temp/nlog-internal.log\""), nlog: NLogRef.V6, failuresVisibleInCode: false);

        [Fact]
        public Task ConsoleProject_NoSharingDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" />
                """), web: false, nlog: NLogRef.V5);

        [Fact]
        public Task NLogNotReferenced_NoSharingDiagnostic()
            => RunAsync(NLogConfig, Config("""
                    <target xsi:type="File" name="f" fileName="logs/app.log" />
                """), nlog: NLogRef.None);

        // ------------------------------------------------------------ appsettings.json (NLog.Extensions.Logging)

        [Fact]
        public Task AppSettingsNLogSection_ReportsDiagnostic()
            => RunAsync("/0/appsettings.json", """
                {
                  "NLog": {
                    "throwConfigExceptions": true,
                    "targets": {
                      "async": true,
                      "logfile": { "type": {|PM1001:"File"|}, "fileName": {|PM2003:"logs/app-${shortdate}.log"|} },
                      "console": { "type": "Console" }
                    },
                    "rules": [ { "logger": "*", "minLevel": "Info", "writeTo": "logfile" } ]
                  }
                }
                """, nlog: NLogRef.V5);

        // NLog reads nlog.config itself; the NLog section of appsettings.json only NLog.Extensions.Logging reads
        // (NLogLoggingConfiguration; NLog.Web.AspNetCore brings it). Without it the section configures nothing: not judged,
        // and no PM3004 there (the same section as above, with the reader referenced there).
        [Theory]
        [InlineData(5)]
        [InlineData(6)]
        public Task AppSettingsNLogSectionWithoutItsReader_NoDiagnostic(int nlogMajor)
            => Create(
                new[]
                {
                    ("/0/appsettings.json", """
                    {
                      "NLog": {
                        "targets": { "logfile": { "type": "File", "fileName": "logs/app-${shortdate}.log" } },
                        "rules": [ { "logger": "*", "minLevel": "Info", "writeTo": "logfile" } ]
                      }
                    }
                    """),
                },
                nlog: nlogMajor == 6 ? NLogRef.V6 : NLogRef.V5,
                failuresVisibleInCode: false,
                nlogSettings: false).RunAsync();

        [Fact]
        public Task AppSettingsNLogWrapperAndSafeTarget_ReportsOnlyTheUnsafeOne()
            => RunAsync("/0/appsettings.json", """
                {
                  "NLog": {
                    "targets": {
                      "wrapped": { "type": "AsyncWrapper", "target": { "inner": { "type": {|PM1001:"File"|}, "fileName": "logs/a.log" } } },
                      "safe": { "type": "File", "fileName": "logs/b.log", "concurrentWrites": "true" },
                      "unused": { "type": "File", "fileName": "logs/c.log" }
                    },
                    "rules": [ { "logger": "*", "writeTo": "wrapped, safe" } ]
                  }
                }
                """, nlog: NLogRef.V5);

        [Fact]
        public Task AppSettingsNLogVariableWithProcessId_OnlyRetentionDiagnostic()
            => RunAsync("/0/appsettings.json", """
                {
                  "NLog": {
                    "variables": { "logFile": "logs/app-${processid}.log" },
                    "targets": { "f": { "type": "File", "fileName": {|PM2003:"${var:logFile}"|} } },
                    "rules": [ { "logger": "*", "writeTo": "f" } ]
                  }
                }
                """, nlog: NLogRef.V6);

        [Fact]
        public Task AppSettingsNLogWithoutInternalLog_ReportsInvisibleFailures()
            => RunAsync("/0/appsettings.json", """
                {
                  {|PM3004:"NLog"|}: {
                    "targets": { "f": { "type": "File", "fileName": "logs/a.log", "concurrentWrites": true } },
                    "rules": { "0": { "logger": "*", "writeTo": "f" } }
                  }
                }
                """, nlog: NLogRef.V5, failuresVisibleInCode: false);

        [Fact]
        public Task AppSettingsNLogWithInternalLog_NoDiagnostic()
            => RunAsync("/0/appsettings.json", """
                {
                  "NLog": {
                    "internalLogLevel": "Warn",
                    "internalLogFile": "logs/internal-nlog.txt",
                    "targets": { "f": { "type": "File", "fileName": "logs/a.log", "concurrentWrites": true } }
                  }
                }
                """, nlog: NLogRef.V5, failuresVisibleInCode: false);
    }
}
