using Postmortem.Analyzers.Tests.Verifiers;

namespace Postmortem.Analyzers.Tests.Rules
{
    /// <summary>
    /// Declarations that mirror the public surface the log sink rules read, for libraries the package mirror does not serve:
    /// log4net (FileAppender, RollingFileAppender, the locking models) and the legacy Serilog.Sinks.RollingFile. Namespaces,
    /// type names, nesting and parameter names/defaults are those of the real assemblies; the bodies are not.
    /// Plus helpers that set up the project kind and the served packages (Serilog 3.1.1 + Sinks.File 5.0.0, NLog 5.0.4 / 6.2.0).
    /// </summary>
    internal static class LogSinkStubs
    {
        /// <summary>A second file for tests of a Serilog sink configured on a lambda's parameter: the helper that takes the
        /// lambda, its delegate type (and so LoggerSinkConfiguration) written here, not in the file of the call.</summary>
        public const string SerilogSinkHelperInAnotherFile = """
            using System;
            using Serilog;
            using Serilog.Configuration;

            static class Sinks
            {
                public static LoggerConfiguration Add(LoggerConfiguration configuration, Func<LoggerSinkConfiguration, LoggerConfiguration> sinks)
                    => sinks(configuration.WriteTo);
            }
            """;

        /// <summary>log4net's file appenders as log4net 3 declares them (<c>FileAppender.NoLock</c> is new in 3.0; the rest is
        /// also log4net 2's). The rules match them by metadata name and member.</summary>
        public const string Log4Net = """
            namespace log4net.Appender
            {
                public abstract class AppenderSkeleton
                {
                    public string Name { get; set; } = "";
                    public virtual void ActivateOptions() { }
                }

                public class TextWriterAppender : AppenderSkeleton
                {
                }

                public class FileAppender : TextWriterAppender
                {
                    public virtual string File { get; set; } = "";
                    public bool AppendToFile { get; set; } = true;
                    public LockingModelBase LockingModel { get; set; } = new ExclusiveLock();

                    public abstract class LockingModelBase { }
                    public class ExclusiveLock : LockingModelBase { }
                    public class MinimalLock : LockingModelBase { }
                    public class InterProcessLock : LockingModelBase { }
                    public class NoLock : LockingModelBase { }
                }

                public class RollingFileAppender : FileAppender
                {
                    public enum RollingMode { Once = 0, Size = 1, Date = 2, Composite = 3 }
                    public int MaxSizeRollBackups { get; set; }
                    public string MaximumFileSize { get; set; } = "10MB";
                    public long MaxFileSize { get; set; } = 10 * 1024 * 1024;
                    public int CountDirection { get; set; } = -1;
                    public RollingMode RollingStyle { get; set; } = RollingMode.Composite;
                    public string? DatePattern { get; set; } = ".yyyy-MM-dd";
                    public bool StaticLogFileName { get; set; } = true;
                }
            }
            """;

        public const string SerilogRollingFile = """
            namespace Serilog
            {
                public static class RollingFileLoggerConfigurationExtensions
                {
                    public static LoggerConfiguration RollingFile(
                        this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration,
                        string pathFormat,
                        Serilog.Events.LogEventLevel restrictedToMinimumLevel = Serilog.Events.LogEventLevel.Verbose,
                        string outputTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message}{NewLine}{Exception}",
                        System.IFormatProvider? formatProvider = null,
                        long? fileSizeLimitBytes = 1073741824,
                        int? retainedFileCountLimit = 31,
                        Serilog.Core.LoggingLevelSwitch? levelSwitch = null,
                        bool buffered = false,
                        bool shared = false,
                        System.TimeSpan? flushToDiskInterval = null)
                        => throw new System.NotImplementedException();
                }
            }
            """;

        /// <summary>An ASP.NET Core project (Web SDK): multi-process under postmortem.worker_processes = auto.</summary>
        public static AnalyzerTest Web(this AnalyzerTest test)
        {
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            return test;
        }

        public static AnalyzerTest WithSerilog(this AnalyzerTest test)
        {
            test.References.AddRange(References.Serilog);
            return test;
        }

        public static AnalyzerTest WithNLog5(this AnalyzerTest test)
        {
            test.References.AddRange(References.NLog5);
            return test;
        }

        public static AnalyzerTest WithNLog6(this AnalyzerTest test)
        {
            test.References.AddRange(References.NLog6);
            return test;
        }

        /// <summary>Adds a stub as a further source (and to the fixed sources when the test has them: call after FixedCode).</summary>
        public static AnalyzerTest WithStub(this AnalyzerTest test, string stub)
        {
            test.Sources.Add(stub);
            if (test.FixedSources.Count > 0)
            {
                test.FixedSources.Add(stub);
            }

            return test;
        }

        public static AnalyzerTest WithLog4Net(this AnalyzerTest test) => test.WithStub(Log4Net);

        /// <summary>
        /// Serilog.Extensions.Logging.File (not served here): an assembly of that name with <c>AddFile</c>'s shape, which the
        /// rules recognise by the assembly's name. The real package writes through Serilog.Sinks.RollingFile.
        /// </summary>
        public static Microsoft.CodeAnalysis.MetadataReference SerilogExtensionsLoggingFile(string assemblyName = "Serilog.Extensions.Logging.File")
            => Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                    assemblyName,
                    new[]
                    {
                        Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                            namespace Microsoft.Extensions.Logging
                            {
                                public static class FileLoggerExtensions
                                {
                                    public static ILoggingBuilder AddFile(this ILoggingBuilder builder, string pathFormat, LogLevel minimumLevel = LogLevel.Information, bool isJson = false, long? fileSizeLimitBytes = 1073741824, int? retainedFileCountLimit = 31) => builder;
                                }
                            }
                            """),
                    },
                    System.Linq.Enumerable.Concat(References.Net, References.AspNetCore),
                    new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
                .ToMetadataReference();

        /// <summary>Serilog.Extensions.Logging.File's AddFile, with what the package brings (Serilog, the RollingFile sink) and ASP.NET Core's logging.</summary>
        public static AnalyzerTest WithSerilogExtensionsLoggingFile(this AnalyzerTest test)
        {
            test.WithSerilogRollingFile();
            test.References.AddRange(References.AspNetCore);
            test.References.Add(SerilogExtensionsLoggingFile());
            return test;
        }

        public static AnalyzerTest WithSerilogRollingFile(this AnalyzerTest test) => test.WithSerilog().WithStub(SerilogRollingFile);

        /// <summary>ZLogger 2.6.1 (the real package) with ASP.NET Core's logging.</summary>
        public static AnalyzerTest WithZLogger(this AnalyzerTest test)
        {
            test.References.AddRange(References.ZLogger);
            return test;
        }
    }

    /// <summary>The C# around a log sink that the PM1001 and PM2003 tests fill in (one template each, shared).</summary>
    internal static class LogSinkSources
    {
        public static string Serilog(string sink, string usings = "") => $$"""
            using System;
            using System.Diagnostics;
            using System.IO;
            using Serilog;
            {{usings}}

            static class Logging
            {
                public static Serilog.ILogger Create(string root)
                {
                    return new LoggerConfiguration()
                        {{sink}}
                        .CreateLogger();
                }
            }
            """;

        public static string NLog(string body) => $$"""
            using System;
            using NLog;
            using NLog.Config;
            using NLog.Targets;

            static class Logging
            {
                public static void Configure()
                {
                    var config = new LoggingConfiguration();
            {{body}}
                    LogManager.Configuration = config;
                }
            }
            """;

        public static string Log4Net(string body) => $$"""
            using System;
            using log4net.Appender;

            static class Logging
            {
                public static AppenderSkeleton Create()
                {
            {{body}}
                }
            }
            """;
    }
}
