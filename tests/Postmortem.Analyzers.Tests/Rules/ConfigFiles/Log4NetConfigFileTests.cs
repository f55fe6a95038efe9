using System.Threading.Tasks;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.ConfigFiles.ConfigFileTest;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>PM1001, PM2003, PM3004 from log4net.config and &lt;log4net&gt; sections of web.config/app.config.</summary>
    public class Log4NetConfigFileTests
    {
        private const string Log4NetConfig = "/0/log4net.config";

        private static string Config(string appenders, string rootAttributes = "") => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <log4net{{rootAttributes}}>
            {{appenders}}
              <root>
                <level value="INFO" />
                <appender-ref ref="R" />
              </root>
            </log4net>
            """;

        [Fact]
        public Task RollingFileAppender_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app.log" />
                    <rollingStyle value="Size" />
                    <maximumFileSize value="10MB" />
                    <maxSizeRollBackups value="10" />
                    <lockingModel type="log4net.Appender.FileAppender+InterProcessLock" />
                    <layout type="log4net.Layout.PatternLayout" value="%date %message%newline" />
                  </appender>
                """));

        [Fact]
        public Task RollingFileAppenderWithAssemblyQualifiedType_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender, log4net"|}>
                    <param name="File" value="logs/app.log" />
                    <param name="RollingStyle" value="Size" />
                    <param name="MaxSizeRollBackups" value="5" />
                  </appender>
                """));

        [Fact]
        public Task RollingFileAppenderPerProcess_ReportsOnlyInfoRetention()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file type="log4net.Util.PatternString" {|PM2003:value="logs/app-[%processid].log"|} />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));

        [Fact]
        public Task RollingFileAppenderNamedByDatePattern_ReportsInfoRetention()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file type="log4net.Util.PatternString" {|PM2003:value="logs/app-%date{yyyyMMdd-HHmmss}.log"|} />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        // Without type="log4net.Util.PatternString" log4net takes the value literally: one fixed file.
        [Fact]
        public Task DatePatternWithoutPatternString_NoDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app-%date{yyyyMMdd-HHmmss}.log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        // Without type="log4net.Util.PatternString" the value is the file's literal name: every process writes
        // logs/app-[%processid].log (checked with log4net 3.6.0).
        [Fact]
        public Task ProcessIdWithoutPatternString_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app-[%processid].log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));

        // log4net reads type names ignoring case (checked with 3.6.0) (the session's third review).
        [Fact]
        public Task PatternStringInLowerCase_ReportsOnlyInfoRetention()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file type="log4net.util.patternstring" {|PM2003:value="logs/app-[%processid].log"|} />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));

        // The nested form of log4net's FAQ carries the pattern in a child element, not read here: not taken for a shared file.
        [Fact]
        public Task NestedPatternString_NoDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file type="log4net.Util.PatternString">
                      <conversionPattern value="logs/app-[%processid].log" />
                    </file>
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));

        [Fact]
        public Task NegativeMaxSizeRollBackups_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    <maxSizeRollBackups {|PM2003:value="-1"|} />
                  </appender>
                """), web: false);

        // Rolling by date keeps every period's file: MaxSizeRollBackups counts only within one period. A console
        // project (web: false) has no PM1001, so PM2003 is the only diagnostic.
        [Fact]
        public Task DefaultRollingStyle_ReportsRetentionAtTheAppender()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM2003:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app.log" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        [Theory]
        [InlineData("Date")]
        [InlineData("Composite")]
        [InlineData("date")]
        public Task DateRollingStyle_ReportsRetentionAtTheStyle(string style)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    <rollingStyle {|PM2003:value="{{style}}"|} />
                    <datePattern value="yyyyMMdd" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        // PM3005: rolling by size (Size, or Composite, the default) with maxSizeRollBackups left at 0 truncates the file at
        // its limit; reported at the limit when it is written, else at the appender (a console project: no PM1001).
        [Theory]
        [InlineData("<rollingStyle value=\"Size\" />\n    <maximumFileSize {|#0:value=\"50MB\"|} />", "50 MB")]
        [InlineData("<rollingStyle value=\"size\" />\n    <param name=\"MaxFileSize\" {|#0:value=\"1048576\"|} />", "1 MB")]
        [InlineData("<rollingStyle value=\"Composite\" />\n    <datePattern value=\"\" />\n    <maximumFileSize {|#0:value=\"${LOG_SIZE}\"|} />", "its size limit")]
        [InlineData("<rollingStyle value=\"Size\" />\n    <maxSizeRollBackups value=\"\" />\n    <maximumFileSize {|#0:value=\"1MB\"|} />", "1 MB")]
        [InlineData("<rollingStyle value=\"Size\" />\n    <staticLogFileName value=\"false\" />\n    <countDirection value=\"-1\" />\n    <maxFileSize {|#0:value=\"2048\"|} />", "2 KB")]
        public Task RollingBySizeWithoutBackups_ReportsLossAtTheLimit(string settings, string size)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    {{settings}}
                  </appender>
                """), web: false, expected: Diagnostic("PM3005").WithLocation(0).WithArguments(
                    size, string.Empty, "empties 'logs/app.log' (everything it held is lost)", "MaxSizeRollBackups is 0 by default: log4net keeps no backup and truncates the file"));

        // A name that is not static counted up starts a new numbered file at each limit: nothing is truncated (no PM3005),
        // and with no backups nothing is deleted either (PM2003, at the style): checked with log4net 2.0.12 and 3.6.0.
        [Theory]
        [InlineData("")]
        [InlineData("<maxSizeRollBackups value=\"0\" />")]
        public Task NumberedFilesWithoutBackups_ReportsRetentionNotLoss(string backups)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    <rollingStyle {|PM2003:value="Size"|} />
                    <staticLogFileName value="false" />
                    <countDirection value="1" />
                    {{backups}}
                  </appender>
                """), web: false);

        // The default style rolls by date too: PM2003 (no earlier period's file deleted) and PM3005 (truncated at 10 MB)
        // at the appender.
        [Fact]
        public Task DefaultAppender_ReportsRetentionAndLossAtTheAppender()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|#0:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app.log" />
                  </appender>
                """), web: false, expected: new[]
                {
                    Diagnostic("PM2003").WithLocation(0),
                    Diagnostic("PM3005").WithLocation(0).WithArguments(
                        "10 MB (the default MaximumFileSize)", string.Empty, "empties 'logs/app.log' (everything it held is lost)", "MaxSizeRollBackups is 0 by default: log4net keeps no backup and truncates the file"),
                });

        [Theory]
        [InlineData("<rollingStyle value=\"Size\" />\n    <maxSizeRollBackups value=\"0\" />")]
        [InlineData("<rollingStyle value=\"Size\" />\n    <maxSizeRollBackups value=\"${LOG_BACKUPS}\" />")]
        [InlineData("<rollingStyle value=\"Once\" />")]
        [InlineData("<rollingStyle value=\"${LOG_STYLE}\" />")]
        [InlineData("<rollingStyle value=\"Size\" />\n    <staticLogFileName value=\"false\" />\n    <countDirection value=\"1\" />\n    <maxSizeRollBackups value=\"3\" />")]
        public Task BackupsChosenOrNoSizeRoll_NoLossDiagnostic(string settings)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    {{settings}}
                  </appender>
                """), web: false);

        // Rolling only by date with staticLogFileName false: each period goes to a new dated file and nothing is renamed
        // (log4net's RollOverTime renames only a static name), so the lock decides, as for a FileAppender. The shape of
        // dnnsoftware/Dnn.Platform's DotNetNuke.log4net.config (real-world round 4). The dated files are still never deleted.
        [Theory]
        [InlineData("log4net.Appender.FileAppender+MinimalLock")]
        [InlineData("log4net.Appender.FileAppender+InterProcessLock")]
        public Task RollingFileAppenderStartingDatedFilesWithCoordinatingLock_ReportsOnlyRetention(string locking)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app" />
                    <rollingStyle {|PM2003:value="Date"|} />
                    <datePattern value="'.'yyyy-MM-dd'.log'" />
                    <staticLogFileName value="false" />
                    <lockingModel type="{{locking}}" />
                  </appender>
                """));

        [Fact]
        public Task RollingFileAppenderStartingDatedFilesWithExclusiveLock_ReportsDiagnosticAtTheLock()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app" />
                    <rollingStyle {|PM2003:value="date"|} />
                    <staticLogFileName value="false" />
                    <lockingModel {|PM1001:type="log4net.Appender.FileAppender+ExclusiveLock"|} />
                  </appender>
                """));

        [Theory]
        [InlineData("<staticLogFileName value=\"true\" />")]
        [InlineData("<staticLogFileName value=\"false\" /><appendToFile value=\"false\" />")]
        public Task RollingFileAppenderByDateThatRenames_ReportsDiagnosticWhateverTheLock(string settings)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app" />
                    <rollingStyle {|PM2003:value="Date"|} />
                    {{settings}}
                    <lockingModel type="log4net.Appender.FileAppender+MinimalLock" />
                  </appender>
                """));

        [Theory]
        [InlineData("<rollingStyle value=\"Size\" />")]
        [InlineData("<rollingStyle value=\"Once\" />")]
        [InlineData("<param name=\"RollingStyle\" value=\"Size\" />")]
        public Task SizeOrOnceRollingStyle_NoDiagnostic(string style)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    {{style}}
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        [Fact]
        public Task FileAppenderWithDefaultLock_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM1001:type="log4net.Appender.FileAppender"|}>
                    <file value="logs/app.log" />
                    <rollingStyle value="Size" />
                  </appender>
                """));

        [Fact]
        public Task FileAppenderWithExclusiveLock_ReportsDiagnosticAtTheLockingModel()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.FileAppender">
                    <file value="logs/app.log" />
                    <lockingModel {|PM1001:type="log4net.Appender.FileAppender+ExclusiveLock"|} />
                  </appender>
                """));

        [Theory]
        [InlineData("log4net.Appender.FileAppender+MinimalLock")]
        [InlineData("log4net.Appender.FileAppender+InterProcessLock")]
        public Task FileAppenderWithCoordinatingLock_NoDiagnostic(string lockingModel)
            => RunAsync(Log4NetConfig, Config($$"""
                  <appender name="R" type="log4net.Appender.FileAppender">
                    <file value="logs/app.log" />
                    <lockingModel type="{{lockingModel}}" />
                  </appender>
                """));

        [Fact]
        public Task AppenderNobodyRefersTo_NoDiagnostic()
            => RunAsync(Log4NetConfig, """
                <log4net>
                  <appender name="Old" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/old.log" />
                  </appender>
                  <appender name="C" type="log4net.Appender.ConsoleAppender" />
                  <root><appender-ref ref="C" /></root>
                </log4net>
                """, failuresVisibleInCode: false);

        [Fact]
        public Task AppenderReferencedByAForwardingAppender_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, """
                <log4net>
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="logs/app.log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                  <appender name="Buffer" type="log4net.Appender.BufferingForwardingAppender">
                    <appender-ref ref="R" />
                  </appender>
                  <root><appender-ref ref="Buffer" /></root>
                </log4net>
                """);

        [Fact]
        public Task OtherAppenders_NoDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="C" type="log4net.Appender.ConsoleAppender">
                    <layout type="log4net.Layout.SimpleLayout" />
                  </appender>
                """), failuresVisibleInCode: false);

        [Fact]
        public Task ConsoleProject_NoSharingDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/app.log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """), web: false);

        [Fact]
        public Task NoInternalDebug_ReportsInvisibleFailuresOnTheRoot()
            => RunAsync(Log4NetConfig, """
                <{|PM3004:log4net|}>
                  <appender name="R" type="log4net.Appender.FileAppender">
                    <file value="logs/app.log" />
                    <lockingModel type="log4net.Appender.FileAppender+MinimalLock" />
                  </appender>
                  <root><appender-ref ref="R" /></root>
                </log4net>
                """, failuresVisibleInCode: false);

        [Fact]
        public Task DebugAttribute_NoInvisibleFailuresDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.FileAppender">
                    <file value="logs/app.log" />
                    <lockingModel type="log4net.Appender.FileAppender+MinimalLock" />
                  </appender>
                """, " debug=\"true\""), failuresVisibleInCode: false);

        [Fact]
        public Task LogReceivedAdapterInCode_NoInvisibleFailuresDiagnostic()
            => ConfigFileTest.Create(
                new[]
                {
                    (Log4NetConfig, Config("""
                      <appender name="R" type="log4net.Appender.FileAppender">
                        <file value="logs/app.log" />
                        <lockingModel type="log4net.Appender.FileAppender+MinimalLock" />
                      </appender>
                    """)),
                },
                failuresVisibleInCode: false,
                code: "using var adapter = new log4net.Util.LogLog.LogReceivedAdapter(new System.Collections.Generic.List<log4net.Util.LogLog>());").RunAsync();

        [Fact]
        public Task SectionInAppConfigWithInternalDebugAppSetting_ReportsOnlyTheSharing()
            => RunAsync("/0/App.config", """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <configSections>
                    <section name="log4net" type="log4net.Config.Log4NetConfigurationSectionHandler, log4net" />
                  </configSections>
                  <appSettings>
                    <add key="log4net.Internal.Debug" value="true" />
                  </appSettings>
                  <log4net>
                    <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                      <file value="logs/app.log" />
                      <rollingStyle value="Size" />
                      <maxSizeRollBackups value="10" />
                    </appender>
                    <root><appender-ref ref="R" /></root>
                  </log4net>
                </configuration>
                """, failuresVisibleInCode: false);

        [Fact]
        public Task SectionInWebConfigWithoutInternalDebug_ReportsInvisibleFailures()
            => RunAsync("/0/web.config", """
                <configuration>
                  <{|PM3004:log4net|}>
                    <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                      <file value="logs/app.log" />
                      <rollingStyle value="Size" />
                      <maxSizeRollBackups value="10" />
                    </appender>
                    <logger name="App"><appender-ref ref="r" /></logger>
                  </log4net>
                </configuration>
                """, failuresVisibleInCode: false);

        [Fact]
        public Task WindowsLineEndingsAndTabs_ExactLocation()
            => RunAsync(Log4NetConfig, Config("""
                	<appender name="R"	type="log4net.Appender.FileAppender">
                		<file value="logs/app.log" />
                		<lockingModel	{|PM1001:type="log4net.Appender.FileAppender+NoLock"|} />
                	</appender>
                """).Replace("\n", "\r\n", System.StringComparison.Ordinal));

        [Fact]
        public Task FolderVariableInPath_ReportsDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" {|PM1001:type="log4net.Appender.RollingFileAppender"|}>
                    <file value="${APP_LOG_DIR}/app.log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));

        [Fact]
        public Task InstanceVariableInPath_NoSharingDiagnostic()
            => RunAsync(Log4NetConfig, Config("""
                  <appender name="R" type="log4net.Appender.RollingFileAppender">
                    <file value="logs/${COMPUTERNAME}/app.log" />
                    <rollingStyle value="Size" />
                    <maxSizeRollBackups value="10" />
                  </appender>
                """));
    }
}
