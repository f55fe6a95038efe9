namespace Postmortem.Analyzers.Tests.Rules
{
    /// <summary>
    /// The rules' log4net tests compile against these declarations, which mirror the public surface of log4net that the
    /// rules look at (same namespaces, type names, members), written when log4net was not served here. It is now, and
    /// Meta/Log4NetStubsTests holds every type and member below to the real 2.0.12 and 3.5.0.
    /// Add the source as a second file: <c>test.Sources.Add(Log4NetStubs.Source)</c>.
    /// </summary>
    internal static class Log4NetStubs
    {
        public const string Source = """
            namespace log4net
            {
                public interface ILog { void Info(object message); void Error(object message, System.Exception exception); }
                public static class LogManager { public static ILog GetLogger(System.Type type) => null!; }
            }

            namespace log4net.Core
            {
                public interface IErrorHandler { void Error(string message); }
            }

            namespace log4net.Layout
            {
                public interface ILayout { }
                public class PatternLayout : ILayout { public PatternLayout() { } public PatternLayout(string pattern) { } public void ActivateOptions() { } }
            }

            namespace log4net.Appender
            {
                public interface IAppender { string Name { get; set; } void Close(); }
                public abstract class AppenderSkeleton : IAppender
                {
                    public string Name { get; set; } = "";
                    public log4net.Layout.ILayout? Layout { get; set; }
                    public log4net.Core.IErrorHandler? ErrorHandler { get; set; }
                    public virtual void ActivateOptions() { }
                    public void Close() { }
                }
                public class TextWriterAppender : AppenderSkeleton { }
                public class ConsoleAppender : AppenderSkeleton { }
                public class FileAppender : TextWriterAppender
                {
                    public string? File { get; set; }
                    public bool AppendToFile { get; set; } = true;
                    public LockingModelBase? LockingModel { get; set; }
                    public abstract class LockingModelBase { }
                    public class ExclusiveLock : LockingModelBase { }
                    public class MinimalLock : LockingModelBase { }
                    public class InterProcessLock : LockingModelBase { }
                }
                public class RollingFileAppender : FileAppender
                {
                    public enum RollingMode { Once = 0, Size = 1, Date = 2, Composite = 3 }
                    public RollingMode RollingStyle { get; set; } = RollingMode.Composite;
                    public string? DatePattern { get; set; } = ".yyyy-MM-dd";
                    public string MaximumFileSize { get; set; } = "10MB";
                    public long MaxFileSize { get; set; } = 10 * 1024 * 1024;
                    public int CountDirection { get; set; } = -1;
                    public int MaxSizeRollBackups { get; set; }
                    public bool StaticLogFileName { get; set; } = true;
                }
            }

            namespace log4net.Config
            {
                public static class BasicConfigurator
                {
                    public static System.Collections.ICollection Configure() => null!;
                    public static System.Collections.ICollection Configure(params log4net.Appender.IAppender[] appenders) => null!;
                }
                public static class XmlConfigurator
                {
                    public static System.Collections.ICollection Configure() => null!;
                    public static System.Collections.ICollection Configure(System.IO.FileInfo configFile) => null!;
                    public static System.Collections.ICollection ConfigureAndWatch(System.IO.FileInfo configFile) => null!;
                }
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public class ConfiguratorAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class XmlConfiguratorAttribute : ConfiguratorAttribute
                {
                    public string? ConfigFile { get; set; }
                    public bool Watch { get; set; }
                }
            }

            namespace log4net.Util
            {
                public class LogReceivedEventArgs : System.EventArgs
                {
                    public LogReceivedEventArgs(LogLog loglog) => LogLog = loglog;
                    public LogLog LogLog { get; }
                }
                public delegate void LogReceivedEventHandler(object source, LogReceivedEventArgs e);
                public sealed class LogLog
                {
                    public static bool InternalDebugging { get; set; }
                    public static bool QuietMode { get; set; }
                    public static event LogReceivedEventHandler? LogReceived;
                    public static void Error(System.Type source, string message) => LogReceived?.Invoke(source, null!);
                    public class LogReceivedAdapter : System.IDisposable
                    {
                        public LogReceivedAdapter(System.Collections.Generic.List<LogLog> items) { }
                        public void Dispose() { }
                    }
                }
            }
            """;
    }
}
