using System.Linq;
using Postmortem.Analyzers.Knowledge;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary>The library facts, on plain values (as the configuration-file rules will give them).</summary>
    public class LogSinkModelTests
    {
        private const string Reason = "REASON";

        [Fact]
        public void FixName_IsTheEnumNameTheCodeFixesParse()
        {
            foreach (var fix in System.Enum.GetValues(typeof(LogSinkFix)).Cast<LogSinkFix>())
            {
                Assert.Equal(fix.ToString(), LogSinkFinding.FixName(fix));
            }
        }

        private static LogSinkSettings Sink(LogSinkKind kind, string? path = "logs/app.log", NLogGeneration nlog = NLogGeneration.Unknown, params (string Name, LogSettingValue Value)[] values)
        {
            var sink = new LogSinkSettings(kind, nlog) { PathText = path };
            foreach (var (name, value) in values)
            {
                sink[name] = value;
            }

            return sink;
        }

        private static string[] Rules(LogSinkSettings sink, string? reason = Reason)
            => LogSinkModel.Evaluate(sink, reason).Select(f => f.RuleId).OrderBy(r => r).ToArray();

        private static LogSinkFinding Single(LogSinkSettings sink, string rule, string? reason = Reason)
            => Assert.Single(LogSinkModel.Evaluate(sink, reason), f => f.RuleId == rule);

        private static LogSettingValue T(string text) => LogSettingValue.FromText(text);

        // ------------------------------------------------------------ Serilog

        [Fact]
        public void SerilogDefaults_SharedAndStopsAtOneGigabyte()
        {
            var sink = Sink(LogSinkKind.SerilogFile);
            Assert.Equal(new[] { "PM1001", "PM3005" }, Rules(sink));
            var shared = Single(sink, "PM1001");
            Assert.Equal(LogSinkFix.SerilogShared, shared.Fix);
            Assert.Equal(3, shared.Arguments.Length);
            Assert.Contains("'logs/app.log'", shared.Arguments[0]);
            Assert.EndsWith(Reason, shared.Arguments[2]);
            Assert.Equal("1 GB (the default limit)", Single(sink, "PM3005").Arguments[0]);
        }

        [Fact]
        public void SerilogSingleProcess_NoPM1001()
            => Assert.DoesNotContain("PM1001", Rules(Sink(LogSinkKind.SerilogFile), reason: null));

        [Theory]
        [InlineData("true")]
        [InlineData("True")]
        public void SerilogSharedTrue_FromConfigText_NoPM1001(string text)
            => Assert.DoesNotContain("PM1001", Rules(Sink(LogSinkKind.SerilogFile, values: ("Shared", T(text)))));

        [Fact]
        public void SerilogSharedUnknown_NoPM1001()
            => Assert.DoesNotContain("PM1001", Rules(Sink(LogSinkKind.SerilogFile, values: ("shared", LogSettingValue.Unknown))));

        [Theory]
        [InlineData("buffered", true)]
        [InlineData("hooks", false)]
        public void SerilogBufferedOrHooks_PM1001WithoutFix(string name, bool boolValue)
        {
            var value = name == "buffered" ? LogSettingValue.FromBool(boolValue) : LogSettingValue.Unknown;
            var finding = Single(Sink(LogSinkKind.SerilogFile, values: (name, value)), "PM1001");
            Assert.Equal(LogSinkFix.None, finding.Fix);
            Assert.Contains("remove", finding.Arguments[2]);
        }

        [Theory]
        [InlineData("logs/app-${processid}.log")]
        [InlineData("logs/app-%PID%.log")]
        [InlineData("%HOME%/LogFiles/%WEBSITE_INSTANCE_ID%/app.log")]
        [InlineData("logs/${hostname}.log")]
        public void PerProcessOrInstancePath_NoPM1001(string path)
            => Assert.DoesNotContain("PM1001", Rules(Sink(LogSinkKind.SerilogFile, path)));

        [Fact]
        public void SerilogEnricherTokenInPath_IsLiteral_PM1001()
            => Assert.Contains("PM1001", Rules(Sink(LogSinkKind.SerilogFile, "logs/app-{ProcessId}.log")));

        [Fact]
        public void ProcessIdInPath_PM2003Info()
        {
            var finding = Single(Sink(LogSinkKind.SerilogFile, "logs/app-${processid}-.log", values: ("rollingInterval", T("Day"))), "PM2003");
            Assert.True(finding.IsInfo);
        }

        [Fact]
        public void InstanceIdInPath_NoPM2003()
            => Assert.DoesNotContain("PM2003", Rules(Sink(LogSinkKind.SerilogFile, "logs/%WEBSITE_INSTANCE_ID%.log")));

        [Fact]
        public void SerilogRollingWithoutShared_SaysFallbackFiles()
            => Assert.Contains("_001", Single(Sink(LogSinkKind.SerilogFile, values: ("rollingInterval", T("Day"))), "PM1001").Arguments[1]);

        [Theory]
        [InlineData("rollingInterval", "Day")]
        [InlineData("rollOnFileSizeLimit", "true")]
        public void SerilogRetainedNullWhenRolling_PM2003(string name, string value)
        {
            var finding = Single(Sink(LogSinkKind.SerilogFile, values: new[] { (name, T(value)), ("retainedFileCountLimit", LogSettingValue.Null) }), "PM2003");
            Assert.Equal(LogSinkFix.SerilogRetainedFileCountLimit, finding.Fix);
        }

        [Fact]
        public void SerilogRetainedNullWithTimeLimit_NoPM2003()
            => Assert.DoesNotContain("PM2003", Rules(Sink(LogSinkKind.SerilogFile, values: new[] { ("rollingInterval", T("Day")), ("retainedFileCountLimit", LogSettingValue.Null), ("retainedFileTimeLimit", T("7.00:00:00")) })));

        [Fact]
        public void SerilogRetainedNullWithoutRolling_NoPM2003()
            => Assert.DoesNotContain("PM2003", Rules(Sink(LogSinkKind.SerilogFile, values: ("retainedFileCountLimit", LogSettingValue.Null))));

        [Fact]
        public void SerilogUnboundedFileThatNeverRolls_PM2003WithoutFix()
            => Assert.Equal(LogSinkFix.None, Single(Sink(LogSinkKind.SerilogFile, values: ("fileSizeLimitBytes", LogSettingValue.Null)), "PM2003").Fix);

        [Theory]
        [InlineData(10485760L, "10 MB")]
        [InlineData(2147483648L, "2 GB")]
        [InlineData(50000000L, "50,000,000 bytes")]
        public void SerilogExplicitLimit_PM3005ShowsSize(long bytes, string expected)
            => Assert.Equal(expected, Single(Sink(LogSinkKind.SerilogFile, values: ("fileSizeLimitBytes", LogSettingValue.FromNumber(bytes))), "PM3005").Arguments[0]);

        [Fact]
        public void SerilogNoLimitOrRollOnSize_NoPM3005()
        {
            Assert.DoesNotContain("PM3005", Rules(Sink(LogSinkKind.SerilogFile, values: ("fileSizeLimitBytes", LogSettingValue.Null))));
            Assert.DoesNotContain("PM3005", Rules(Sink(LogSinkKind.SerilogFile, values: ("rollOnFileSizeLimit", T("true")))));
            Assert.DoesNotContain("PM3005", Rules(Sink(LogSinkKind.SerilogFile, values: ("fileSizeLimitBytes", LogSettingValue.Unknown))));
        }

        [Fact]
        public void SerilogAuditFile_PM1001WithoutFix_NoPM3005()
        {
            Assert.Equal(new[] { "PM1001" }, Rules(Sink(LogSinkKind.SerilogAuditFile)));
            Assert.Equal(LogSinkFix.None, Single(Sink(LogSinkKind.SerilogAuditFile), "PM1001").Fix);
        }

        [Fact]
        public void SerilogRollingFile_RetainedNull_PM2003_NoPM3005()
            => Assert.Equal(new[] { "PM1001", "PM2003" }, Rules(Sink(LogSinkKind.SerilogRollingFile, values: ("retainedFileCountLimit", LogSettingValue.Null))));

        // ------------------------------------------------------------ NLog

        [Fact]
        public void NLog5Defaults_PM1001ConcurrentWrites()
            => Assert.Equal(LogSinkFix.NLogConcurrentWrites, Single(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V5), "PM1001").Fix);

        [Theory]
        [InlineData("ConcurrentWrites", "true")]
        [InlineData("concurrentWrites", "True")]
        [InlineData("KeepFileOpen", "false")]
        public void NLog5Coordinated_NoPM1001(string name, string value)
            => Assert.Empty(Rules(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V5, values: (name, T(value)))));

        [Fact]
        public void NLog4Defaults_NoPM1001()
            => Assert.Empty(Rules(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V4)));

        [Fact]
        public void NLog6Defaults_PM1001KeepFileOpen()
            => Assert.Equal(LogSinkFix.NLogKeepFileOpenFalse, Single(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V6), "PM1001").Fix);

        [Fact]
        public void NLog6KeepFileOpenFalse_NoPM1001()
            => Assert.Empty(Rules(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V6, values: ("keepFileOpen", T("false")))));

        [Fact]
        public void NLog5ArchivingWithoutConcurrentWrites_SaysMovedFile()
        {
            var sink = Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V5, values: new[] { ("ArchiveAboveSize", LogSettingValue.FromNumber(10485760)), ("MaxArchiveFiles", LogSettingValue.FromNumber(10)) });
            Assert.Contains("moves the active file", Single(sink, "PM1001").Arguments[1]);
        }

        [Fact]
        public void NLog6ArchiveFileName_SaysMovedFile()
        {
            var sink = Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V6, values: new[] { ("ArchiveEvery", T("Day")), ("ArchiveFileName", T("logs/archive/app.{#}.log")), ("MaxArchiveFiles", T("7")) });
            Assert.Contains("moves the active file", Single(sink, "PM1001").Arguments[1]);

            // What the fix does (KeepFileOpen = false) is what the message asks, and why it is enough with ArchiveFileName kept
            // (real-world round 8: the message asked to remove ArchiveFileName too, the fix did not, and the diagnostic went away).
            Assert.StartsWith("Set KeepFileOpen = false (each write then opens the file by its name", Single(sink, "PM1001").Arguments[2]);
        }

        [Fact]
        public void NLogPerProcessPath_NoPM1001()
            => Assert.DoesNotContain("PM1001", Rules(Sink(LogSinkKind.NLogFile, "${basedir}/logs/app-${processid}.log", NLogGeneration.V5)));

        [Theory]
        [InlineData(5, null)]
        [InlineData(5, "0")]
        [InlineData(6, null)]
        [InlineData(6, "-1")]
        public void NLogArchivingWithoutLimit_PM2003(int version, string? maxArchiveFiles)
        {
            var generation = version == 6 ? NLogGeneration.V6 : NLogGeneration.V5;
            var values = maxArchiveFiles is null
                ? new[] { ("ArchiveAboveSize", T("10485760")) }
                : new[] { ("ArchiveAboveSize", T("10485760")), ("MaxArchiveFiles", T(maxArchiveFiles)) };
            Assert.Equal(LogSinkFix.NLogMaxArchiveFiles, Single(Sink(LogSinkKind.NLogFile, nlog: generation, values: values), "PM2003", reason: null).Fix);
        }

        [Theory]
        [InlineData(6, "MaxArchiveFiles", "0")]
        [InlineData(5, "MaxArchiveFiles", "10")]
        [InlineData(5, "MaxArchiveDays", "7")]
        public void NLogArchivingWithLimit_NoPM2003(int version, string name, string value)
            => Assert.Empty(Rules(Sink(LogSinkKind.NLogFile, nlog: version == 6 ? NLogGeneration.V6 : NLogGeneration.V5, values: new[] { ("ArchiveEvery", T("Day")), (name, T(value)) }), reason: null));

        [Fact]
        public void NLogDateNamedFileWithoutLimit_PM2003()
            => Assert.Single(LogSinkModel.Evaluate(Sink(LogSinkKind.NLogFile, "${basedir}/logs/${shortdate}.log", NLogGeneration.V5), null), f => f.RuleId == "PM2003");

        [Fact]
        public void NLogArchiveEveryNone_NoPM2003()
            => Assert.Empty(Rules(Sink(LogSinkKind.NLogFile, nlog: NLogGeneration.V5, values: ("ArchiveEvery", T("None"))), reason: null));

        // ------------------------------------------------------------ log4net

        [Fact]
        public void Log4NetRollingFileAppender_PM1001WithoutFix()
            => Assert.Equal(LogSinkFix.None, Single(Sink(LogSinkKind.Log4NetRollingFile), "PM1001").Fix);

        [Theory]
        [InlineData(null, true)]
        [InlineData("log4net.Appender.FileAppender+ExclusiveLock", true)]
        [InlineData("log4net.Appender.FileAppender+NoLock", true)]
        [InlineData("log4net.Appender.FileAppender+MinimalLock", false)]
        [InlineData("log4net.Appender.FileAppender.InterProcessLock", false)]
        [InlineData("log4net.Appender.FileAppender+InterProcessLock, log4net", false)]
        public void Log4NetFileAppenderLocking(string? lockingModel, bool reported)
        {
            var sink = lockingModel is null ? Sink(LogSinkKind.Log4NetFile) : Sink(LogSinkKind.Log4NetFile, values: ("lockingModel", T(lockingModel)));
            Assert.Equal(reported, Rules(sink).Contains("PM1001"));
        }

        [Theory]
        [InlineData("-1", true)]
        [InlineData("0", false)]
        [InlineData("10", false)]
        public void Log4NetMaxSizeRollBackups(string value, bool reported)
            => Assert.Equal(reported, Rules(Sink(LogSinkKind.Log4NetRollingFile, values: new[] { ("maxSizeRollBackups", T(value)), ("rollingStyle", T("Size")) }), reason: null).Contains("PM2003"));

        /// <summary>
        /// Rolling by date (Date, or Composite, the default) never deletes an earlier period's files, whatever
        /// MaxSizeRollBackups says; Size and Once keep a bounded set. A null or empty date pattern turns date rolling off.
        /// </summary>
        [Theory]
        [InlineData(null, null, true)]
        [InlineData("Composite", null, true)]
        [InlineData("date", "yyyyMMdd", true)]
        [InlineData("Size", null, false)]
        [InlineData("Once", null, false)]
        [InlineData("Date", "", false)]
        public void Log4NetRollingByDate_PM2003(string? style, string? datePattern, bool reported)
        {
            var values = new System.Collections.Generic.List<(string, LogSettingValue)> { ("maxSizeRollBackups", T("10")) };
            if (style is not null)
            {
                values.Add(("rollingStyle", T(style)));
            }

            if (datePattern is not null)
            {
                values.Add(("datePattern", T(datePattern)));
            }

            Assert.Equal(reported, Rules(Sink(LogSinkKind.Log4NetRollingFile, values: values.ToArray()), reason: null).Contains("PM2003"));
        }

        [Theory]
        [InlineData(2, true)]
        [InlineData(3, true)]
        [InlineData(1, false)]
        [InlineData(0, false)]
        public void Log4NetRollingModeFromCode_PM2003(long mode, bool reported)
            => Assert.Equal(reported, Rules(Sink(LogSinkKind.Log4NetRollingFile, values: ("RollingStyle", LogSettingValue.FromNumber(mode))), reason: null).Contains("PM2003"));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Log4NetRollingStyleOrPatternUnknown_Trusted(bool patternUnknown)
        {
            var sink = patternUnknown
                ? Sink(LogSinkKind.Log4NetRollingFile, values: ("DatePattern", LogSettingValue.Unknown))
                : Sink(LogSinkKind.Log4NetRollingFile, values: ("RollingStyle", LogSettingValue.UnknownNonNull));
            Assert.DoesNotContain("PM2003", Rules(sink, reason: null));
        }

        [Fact]
        public void Log4NetDefaultRollingStyle_MessageSaysByDateAndDefault()
            => Assert.Equal(
                "log4net RollingFileAppender rolls 'logs/app.log' by date (RollingStyle Composite, the default) and deletes no earlier period's file: MaxSizeRollBackups counts only the backups within one period",
                Assert.Single(Single(Sink(LogSinkKind.Log4NetRollingFile), "PM2003", reason: null).Arguments));

        [Fact]
        public void Log4NetProcessIdPattern_NoPM1001_PM2003Info()
        {
            var sink = Sink(LogSinkKind.Log4NetRollingFile, "logs/app-[%processid].log", values: new[] { ("rollingStyle", T("Size")), ("maxSizeRollBackups", T("10")) });
            sink.PathIsLog4NetPattern = true;
            var findings = LogSinkModel.Evaluate(sink, Reason);
            var finding = Assert.Single(findings);
            Assert.Equal("PM2003", finding.RuleId);
            Assert.True(finding.IsInfo);
        }

        // Not a PatternString: log4net writes a file of that very name, one for every process (log4net 3.6.0, checked).
        [Theory]
        [InlineData("logs/app-[%processid].log")]
        [InlineData("logs/app-%property{log4net:HostName}.log")]
        public void Log4NetPatternInALiteralPath_PM1001(string path)
        {
            var findings = LogSinkModel.Evaluate(Sink(LogSinkKind.Log4NetRollingFile, path, values: new[] { ("rollingStyle", T("Size")), ("maxSizeRollBackups", T("10")) }), Reason);
            Assert.Equal(new[] { "PM1001" }, findings.Select(f => f.RuleId));
        }

        // log4net's PatternString fills %date in when the appender is configured: a new name at each start (the session's
        // review); not a fixed name, and one finding of the rule only.
        // A path that is not a PatternString is taken literally: one fixed file (the session's second review).
        [Theory]
        [InlineData("logs/app-%date{yyyyMMdd-HHmmss}.log", "Size", true, true)]
        [InlineData("logs/app-%utcdate{yyyyMMdd}.log", "Size", true, true)]
        [InlineData("logs/app-%date{yyyyMMdd-HHmmss}.log", "Size", false, false)]
        [InlineData("logs/app.log", "Size", true, false)]
        [InlineData("logs/app-%date{yyyyMMdd}.log", "Date", true, false)]
        public void Log4NetDatePattern_PM2003Info(string path, string style, bool isPattern, bool info)
        {
            var sink = Sink(LogSinkKind.Log4NetRollingFile, path, values: new[] { ("rollingStyle", T(style)), ("maxSizeRollBackups", T("10")) });
            sink.PathIsLog4NetPattern = isPattern;
            var findings = LogSinkModel.Evaluate(sink, null);
            if (style == "Size" && !info)
            {
                Assert.Empty(findings);
                return;
            }

            var finding = Assert.Single(findings);
            Assert.Equal("PM2003", finding.RuleId);
            Assert.Equal(info, finding.IsInfo);
            Assert.Equal(info, finding.Arguments[0].Contains("%date (filled in once", System.StringComparison.Ordinal));
        }

        [Fact]
        public void FixSettings_NameTheSettingAndValue()
        {
            Assert.Equal(("shared", "true"), LogSinkFinding.FixSetting(LogSinkFix.SerilogShared));
            Assert.Equal(("KeepFileOpen", "false"), LogSinkFinding.FixSetting(LogSinkFix.NLogKeepFileOpenFalse));
            Assert.Null(LogSinkFinding.FixSetting(LogSinkFix.None));
        }
    }
}
