using System;
using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using static Postmortem.Analyzers.Tests.Rules.ConfigFiles.ConfigFileTest;

namespace Postmortem.Analyzers.Tests.Rules.ConfigFiles
{
    /// <summary>PM1001, PM2003, PM3005 from the Serilog section of appsettings*.json (Serilog.Settings.Configuration schema).</summary>
    public class SerilogConfigFileTests
    {
        private const string AppSettings = "/0/appsettings.json";

        // ------------------------------------------------------------ unsafe forms

        [Fact]
        public Task DailyRollingFileInArray_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "Using": [ "Serilog.Sinks.File" ],
                    "WriteTo": [
                      { "Name": "Console" },
                      { "Name": {|PM1001:{|PM3005:"File"|}|}, "Args": { "path": "logs/app-.txt", "rollingInterval": "Day" } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task WriteToAsObjectKeyedByNames_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": {
                      "ConsoleSink": "Console",
                      "FileSink": { "Name": {|PM1001:{|PM3005:"File"|}|}, "Args": { "path": "logs/app.txt" } }
                    }
                  }
                }
                """);

        // Microsoft.Extensions.Configuration reads ':' in a key as a section separator: "WriteTo:Async" is a child of
        // WriteTo, as Serilog.Settings.Configuration's own sample (sample/Sample/appsettings.json) writes its sinks.
        [Fact]
        public Task WriteToEntriesWrittenAsSectionPaths_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "Using": [ "Serilog.Sinks.Console" ],
                    "WriteTo": [ { "Name": "Console" } ],
                    "WriteTo:Async": {
                      "Name": "Async",
                      "Args": { "configure": [ { "Name": {|PM1001:{|PM3005:"File"|}|}, "Args": { "path": "logs/async.txt" } } ] }
                    },
                    "WriteTo:0": { "Name": "Console" },
                    "wRiteTo:2": { "Name": {|PM1001:"File"|}, "Args": { "path": "logs/app-.txt", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                  }
                }
                """);

        // serilog.json (real-world round 25: Skoruba's templates) is read as appsettings.json is, section paths included
        // (the third review: it was read only when its text named "Serilog" in quotes).
        [Theory]
        [InlineData(AppSettings)]
        [InlineData("/0/serilog.json")]
        [InlineData("/0/Serilog.Production.json")]
        public Task SinkWrittenAsFlatKeysAtTheRoot_ReportsDiagnostic(string path)
            => RunAsync(path, """
                {
                  "Serilog:MinimumLevel": "Information",
                  "Serilog:WriteTo:0:Name": {|PM1001:{|PM3005:"File"|}|},
                  "Serilog:WriteTo:0:Args:path": "logs/app.txt"
                }
                """);

        // The settings of one sink spread over several keys merge into one section (the first two); a key with an empty
        // segment is not a WriteTo entry.
        [Theory]
        [InlineData("\"WriteTo:0:Name\": \"File\", \"WriteTo:0:Args:path\": \"logs/app.txt\", \"WriteTo:0:Args\": { \"shared\": true, \"rollOnFileSizeLimit\": true }")]
        [InlineData("\"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": \"logs/app.txt\" } } ], \"WriteTo:0:Args:shared\": true, \"WriteTo:0:Args:rollOnFileSizeLimit\": true")]
        [InlineData("\"WriteTo::0\": { \"Name\": \"File\", \"Args\": { \"path\": \"logs/app.txt\" } }")]
        public Task SinkSettingsSplitOverSectionPaths_NoDiagnostic(string serilog)
            => RunAsync(AppSettings, "{ \"Serilog\": { " + serilog + " } }");

        [Fact]
        public Task FileInsideAsyncWrapper_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      {
                        "Name": "Async",
                        "Args": {
                          "configure": [
                            { "Name": {|PM1001:"File"|}, "Args": { "path": "logs/app-.txt", "rollingInterval": "Hour", "rollOnFileSizeLimit": true } }
                          ]
                        }
                      }
                    ]
                  }
                }
                """);

        [Fact]
        public Task FileInsideSubLogger_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "Logger", "Args": { "configureLogger": { "WriteTo": [
                        { "Name": {|PM1001:"File"|}, "Args": { "path": "logs/errors.txt", "rollOnFileSizeLimit": "true" } }
                      ] } } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task KeysInAnyCasing_CommentsAndTrailingCommas_ReportDiagnostic()
            => RunAsync("/0/AppSettings.Production.json", """
                {
                  // Production logging
                  "serilog": {
                    /* sinks */
                    "writeTo": [
                      {
                        "name": "File",
                        "ARGS": { "Path": "logs/app.txt", "Shared": {|PM1001:"false"|}, "RollOnFileSizeLimit": {|PM3005:false|}, },
                      },
                    ],
                  },
                }
                """);

        [Fact]
        public Task WindowsLineEndingsAndByteOrderMark_ExactLocation()
            => RunAsync(AppSettings, "\uFEFF" + """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app.txt", "shared": true, "rollOnFileSizeLimit": {|PM3005:"False"|} } }
                    ]
                  }
                }
                """.Replace("\n", "\r\n", System.StringComparison.Ordinal));

        [Fact]
        public Task SameSinkInTwoFiles_ReportedInEach()
            => Create(new[]
            {
                ("/0/appsettings.json", """{ "Serilog": { "WriteTo": [ { "Name": {|PM1001:"File"|}, "Args": { "path": "a.txt", "rollOnFileSizeLimit": true } } ] } }"""),
                ("/0/appsettings.Production.json", """{ "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "a.txt", "rollOnFileSizeLimit": true, "shared": {|PM1001:false|} } } ] } }"""),
            }).RunAsync();

        [Fact]
        public Task ExplicitSizeLimitWithoutRolling_ReportsDiagnosticAtTheLimit()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app.txt", "shared": true, "fileSizeLimitBytes": {|#0:10485760|} } }
                    ]
                  }
                }
                """,
                expected: Diagnostic("PM3005").WithLocation(0).WithArguments(PM3005FileSinkStopsAtSizeLimitTests.SerilogStops("10 MB", " for good")));

        // A file rolling by time stops only until the next period's file (the message says which).
        [Fact]
        public Task SizeLimitWithoutRollingOnADailyFile_ReportsDiagnosticUntilTheNextDay()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": true, "rollingInterval": "Day", "rollOnFileSizeLimit": {|#0:false|} } }
                    ]
                  }
                }
                """,
                expected: Diagnostic("PM3005").WithLocation(0).WithArguments(PM3005FileSinkStopsAtSizeLimitTests.SerilogStops("1 GB (the default limit)", " until the next day's file")));

        [Fact]
        public Task RetainedFileCountLimitNull_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": true, "rollingInterval": "Day", "rollOnFileSizeLimit": true, "retainedFileCountLimit": {|PM2003:null|} } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task RetainedFileCountLimitEmptyString_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": "true", "rollingInterval": "Day", "rollOnFileSizeLimit": "true", "retainedFileCountLimit": {|PM2003:""|} } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task FileSizeLimitNullOnFileThatNeverRolls_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app.txt", "shared": true, "fileSizeLimitBytes": {|PM2003:null|} } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task LegacyRollingFile_ReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": {|PM1001:"RollingFile"|}, "Args": { "pathFormat": "logs/app-{Date}.txt" } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task WebProjectWithoutSelfLog_ReportsInvisibleFailuresOnTheSection()
            => RunAsync(AppSettings, """
                {
                  {|PM3004:"Serilog"|}: {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": true, "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """,
                failuresVisibleInCode: false);

        // Serilog configured both in code (a file sink) and in appsettings.json, read by ReadFrom.Configuration: one
        // PM3004, at the code's sink, where its fix is (SelfLog has no switch in configuration files); one SelfLog.Enable
        // makes both visible, so the section is not reported too. Real-world round 11 (Jellyfin): at the section, the
        // project got no fix.
        [Fact]
        public Task FileSinksInCodeAndInTheSection_ReportsOnceAtTheCode()
        {
            var test = Create(
                new[]
                {
                    (AppSettings, """
                    {
                      "Serilog": {
                        "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": true, "rollingInterval": "Day", "rollOnFileSizeLimit": true } } ]
                      }
                    }
                    """),
                },
                failuresVisibleInCode: false,
                code: ReadFromConfiguration + "Serilog.Log.Logger = new Serilog.LoggerConfiguration().ReadFrom.Configuration(configuration).WriteTo.{|PM3004:File(\"logs/code.txt\", shared: true)|}.CreateLogger();");
            test.Sources[0] = "using Serilog;\n\n" + test.Sources[0];
            return test.RunAsync();
        }

        // The same with NLog: the section takes the finding over, as nlog.config's internal log is NLog's own switch.
        [Fact]
        public Task NLogTargetsInCodeAndInTheSection_ReportsOnceOnTheSection()
            => Create(
                new[]
                {
                    (AppSettings, """
                    {
                      {|PM3004:"NLog"|}: {
                        "targets": { "f": { "type": "File", "fileName": "logs/app.log", "keepFileOpen": false } },
                        "rules": [ { "logger": "*", "minLevel": "Info", "writeTo": "f" } ]
                      }
                    }
                    """),
                },
                nlog: NLogRef.V5,
                failuresVisibleInCode: false,
                code: "var target = new NLog.Targets.FileTarget(\"f\") { FileName = \"logs/code.log\", KeepFileOpen = false };").RunAsync();

        private const string ReadFromConfiguration = "Microsoft.Extensions.Configuration.IConfiguration configuration = null!; ";

        // Real-world round 10 (found twice): sinks added in code and a Serilog section that nothing reads (no
        // ReadFrom.Configuration): the section is a template's leftover and configures nothing. It is not judged, and
        // PM3004 stays with the code's sink, where its fix is offered (as it does when the section is read: real-world
        // round 11). Without a sink in code, a section that may be read elsewhere is judged, PM3004 included.
        [Theory]
        [InlineData("Serilog.Log.Logger = new Serilog.LoggerConfiguration().WriteTo.{|#0:File(\"logs/code.txt\", shared: true)|}.CreateLogger();", true)]
        [InlineData("System.Action<Serilog.LoggerConfiguration> configure = lc => lc.WriteTo.{|#0:File(\"logs/code.txt\", shared: true)|}; configure(new Serilog.LoggerConfiguration());", true)]
        [InlineData(ReadFromConfiguration + "Serilog.Log.Logger = new Serilog.LoggerConfiguration().ReadFrom.Configuration(configuration).WriteTo.{|#0:File(\"logs/code.txt\", shared: true)|}.CreateLogger();", false)]
        [InlineData(ReadFromConfiguration + "Serilog.Log.Logger = new Serilog.LoggerConfiguration().WriteTo.{|#0:File(\"logs/code.txt\", shared: true)|}.CreateLogger(); Settings.Read(new Serilog.LoggerConfiguration().ReadFrom, configuration);", false)]
        [InlineData("Serilog.Log.Logger = new Serilog.LoggerConfiguration().MinimumLevel.Debug().CreateLogger();", false)]
        public Task SinksInCodeAndASectionNothingReads_ReportsOnlyInCode(string code, bool unread)
        {
            var section = """
                {
                  "Serilog": {
                    "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app-.txt", "rollingInterval": "Day" } } ]
                  }
                }
                """;
            var sinkInCode = code.Contains("{|#0:", StringComparison.Ordinal);
            if (!unread)
            {
                section = section.Replace("\"File\"", "{|PM1001:{|PM3005:\"File\"|}|}", StringComparison.Ordinal);
                if (!sinkInCode)
                {
                    section = section.Replace("\"Serilog\"", "{|PM3004:\"Serilog\"|}", StringComparison.Ordinal);
                }
            }

            var test = Create(new[] { (AppSettings, section) }, failuresVisibleInCode: false, code: code);
            test.Sources[0] = "using Serilog;\n\n" + test.Sources[0];
            if (sinkInCode)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("PM3004").WithLocation(0).WithArguments(
                    "Serilog's file sink (WriteTo.File)", "Serilog's SelfLog, which is never enabled"));
            }

            // A helper of another file that reads the configuration through its settings parameter (no "ReadFrom" there).
            if (!code.Contains("Settings.Read(", StringComparison.Ordinal))
            {
                return test.RunAsync();
            }

            test.Sources.Add("""
                static class Settings
                {
                    public static void Read(Serilog.Configuration.LoggerSettingsConfiguration settings, Microsoft.Extensions.Configuration.IConfiguration configuration)
                        => Serilog.ConfigurationLoggerConfigurationExtensions.Configuration(settings, configuration);
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task AuditToFile_ReportsSharingButNotInvisibleFailures()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "AuditTo": [ { "Name": {|PM1001:"File"|}, "Args": { "path": "logs/audit.txt" } } ]
                  }
                }
                """,
                failuresVisibleInCode: false);

        // ------------------------------------------------------------ safe forms

        [Theory]
        [InlineData("true")]
        [InlineData("\"true\"")]
        [InlineData("\"True\"")]
        public Task SharedAndRollingOnSize_NoDiagnostic(string shared)
            => RunAsync(AppSettings, $$"""
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "shared": {{shared}}, "rollingInterval": "Day", "rollOnFileSizeLimit": true, "retainedFileCountLimit": 31 } }
                    ]
                  }
                }
                """);

        [Theory]
        [InlineData("logs/app-%WEBSITE_INSTANCE_ID%-.txt")]
        [InlineData("logs/%COMPUTERNAME%/app-.txt")]
        [InlineData("logs/app-%MY_INSTANCE%-.txt")]
        public Task PathPerInstance_NoDiagnostic(string path)
            => RunAsync(AppSettings, $$"""
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "{{path}}", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """);

        // Real-world round 11 (Jellyfin's %JELLYFIN_LOG_DIR%): a variable named as a folder is the installation's setting,
        // the same for each of its processes, not an instance id.
        [Theory]
        [InlineData("%APP_LOG_DIR%//log_.log")]
        [InlineData("%MyApp_Logs_Folder%/app-.txt")]
        [InlineData("%DATA_ROOT%/logs/app-.txt")]
        public Task FolderNamedVariable_ReportsDiagnostic(string path)
            => RunAsync(AppSettings, $$"""
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": {|PM1001:"File"|}, "Args": { "path": "{{path}}", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task SharedFolderVariableOnly_StillReportsDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": {|PM1001:"File"|}, "Args": { "path": "%TEMP%/logs/app-.txt", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """);

        [Fact]
        public Task ConsoleProject_NoSharingDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """,
                web: false);

        [Fact]
        public Task WebProjectDeclaredSingleProcess_NoSharingDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [
                      { "Name": "File", "Args": { "path": "logs/app-.txt", "rollingInterval": "Day", "rollOnFileSizeLimit": true } }
                    ]
                  }
                }
                """,
                workerProcesses: "single");

        [Fact]
        public Task StringShorthandAndOtherSinks_NoDiagnostic()
            => RunAsync(AppSettings, """
                {
                  "Serilog": {
                    "WriteTo": [ "Console", "File", { "Name": "Seq", "Args": { "serverUrl": "http://seq" } } ],
                    "Enrich": [ "FromLogContext" ]
                  },
                  "Logging": { "LogLevel": { "Default": "Information" } }
                }
                """,
                failuresVisibleInCode: false);

        [Fact]
        public Task FileWithoutPath_NoDiagnostic()
            => RunAsync(AppSettings, """
                { "Serilog": { "WriteTo": [ { "Name": "File" }, { "Name": "File", "Args": { "rollingInterval": "Day" } } ] } }
                """);

        [Fact]
        public Task SerilogSectionInOtherJsonFile_IsRead()
            => RunAsync("/0/config/logging.json", """
                { "Serilog": { "WriteTo": [ { "Name": {|PM1001:"File"|}, "Args": { "path": "app.log", "rollOnFileSizeLimit": true } } ] } }
                """);

        [Fact]
        public Task JsonFileWithoutLogging_NoDiagnostic()
            => RunAsync("/0/data.json", """{ "items": [ 1, 2, 3 }""");
    }
}
