using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    internal enum LogLibrary
    {
        Serilog,
        NLog,
        Log4Net,
    }

    internal enum ConfigFileKind
    {
        /// <summary>Not one of ours: read only if it mentions a logging library.</summary>
        Other,

        /// <summary>appsettings.json, appsettings.*.json (Serilog and NLog sections).</summary>
        AppSettings,

        /// <summary>nlog.config, nlog.*.config.</summary>
        NLogConfig,

        /// <summary>log4net.config, log4net.*.config.</summary>
        Log4NetConfig,

        /// <summary>web.config (log4net/NLog sections, appSettings, the ASP.NET Core Module).</summary>
        WebConfig,

        /// <summary>app.config (log4net/NLog sections, appSettings).</summary>
        AppConfig,
    }

    /// <summary>One named setting of a sink: a Serilog argument, an NLog attribute, a log4net property.</summary>
    internal sealed class ConfigSetting
    {
        public ConfigSetting(string name, string? value, TextSpan span, string? typeName = null)
        {
            Name = name;
            Value = value;
            Span = span;
            TypeName = typeName;
        }

        public string Name { get; }

        /// <summary>The value as the library reads it; null for a JSON null.</summary>
        public string? Value { get; }

        /// <summary>Where the setting is written: a JSON value token, an XML attribute or element.</summary>
        public TextSpan Span { get; }

        /// <summary>log4net: the element's <c>type</c> attribute (lockingModel, PatternString file names).</summary>
        public string? TypeName { get; }

        /// <summary>null, or the empty string Serilog.Settings.Configuration reads as null for nullable parameters.</summary>
        public bool IsNullOrEmpty => string.IsNullOrEmpty(Value);

        /// <summary>true/false as the libraries convert strings ("true", "True", JSON true); null when it is neither.</summary>
        public bool? AsBool
        {
            get
            {
                var text = Value?.Trim();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            }
        }
    }

    /// <summary>A file sink found in a configuration file, with its settings keyed case-insensitively.</summary>
    internal sealed class ConfigSink
    {
        public ConfigSink(LogLibrary library, string kind, TextSpan anchor)
        {
            Library = library;
            Kind = kind;
            Anchor = anchor;
        }

        public LogLibrary Library { get; }

        /// <summary>Serilog: File, RollingFile. NLog: File, AtomFile. log4net: RollingFileAppender, FileAppender.</summary>
        public string Kind { get; }

        /// <summary>Where to report what the sink lacks: its "Name"/"type" value, or its type attribute.</summary>
        public TextSpan Anchor { get; }

        public Dictionary<string, ConfigSetting> Settings { get; } = new Dictionary<string, ConfigSetting>(StringComparer.OrdinalIgnoreCase);

        /// <summary>NLog: inside an AsyncWrapper or &lt;targets async="true"&gt;; Serilog: inside Async's configure.</summary>
        public bool Async { get; set; }

        /// <summary>NLog: the name of the top-level target (a wrapper's, for a wrapped target); log4net: the appender's name.
        /// Only sinks a rule or logger refers to are kept. Null for Serilog, where every WriteTo entry writes.</summary>
        public string? Root { get; set; }

        /// <summary>Serilog: configured under AuditTo (failures throw instead of going to SelfLog).</summary>
        public bool Audit { get; set; }

        public ConfigSetting? Get(string name) => Settings.TryGetValue(name, out var setting) ? setting : null;
    }

    /// <summary>One library's configuration in a file: the Serilog/NLog section, an nlog.config, a &lt;log4net&gt; element.</summary>
    internal sealed class ConfigSection
    {
        public ConfigSection(LogLibrary library, TextSpan anchor)
        {
            Library = library;
            Anchor = anchor;
        }

        public LogLibrary Library { get; }

        /// <summary>The section's key or root element name: where PM3004 is reported.</summary>
        public TextSpan Anchor { get; }

        public List<ConfigSink> Sinks { get; } = new List<ConfigSink>();

        /// <summary>A section of appsettings*.json (read by Serilog.Settings.Configuration or NLog.Extensions.Logging), not
        /// of nlog.config, log4net.config or web.config/app.config (read by the library itself).</summary>
        public bool InAppSettings { get; set; }

        /// <summary>The section itself makes the library's failures visible (NLog internal log or throwExceptions, log4net debug="true").</summary>
        public bool FailuresVisible { get; set; }

        /// <summary>
        /// NLog: an internal log output (<c>internalLogFile</c>, <c>internalLogToConsole</c>…) without <c>internalLogLevel</c>.
        /// Whether that writes anything depends on the NLog generation (see <c>LoggingConfigFiles.FailuresVisible</c>).
        /// </summary>
        public bool NLogOutputWithoutLevel { get; set; }

        /// <summary>NLog: the internal log's only outputs are the console (<c>internalLogToConsole</c>, <c>…ToConsoleError</c>),
        /// which a Windows GUI application does not have.</summary>
        public bool NLogOutputOnlyToConsole { get; set; }

        /// <summary>NLog: the internal log's only output is <c>internalLogToTrace</c>, which NLog 6 no longer has (neither
        /// <c>InternalLogger.LogToTrace</c> nor the attribute: checked in 6.2.0's assembly).</summary>
        public bool NLogOutputOnlyToTrace { get; set; }

        /// <summary>NLog: <c>internalLogLevel</c> set to a level other than <c>Off</c>, with or without an output here: a
        /// subscriber or output the code adds writes at it.</summary>
        public bool NLogLevelOn { get; set; }

        /// <summary>NLog: <c>internalLogLevel="Off"</c>.</summary>
        public bool NLogLevelOff { get; set; }

        /// <summary>NLog: an internal log output (<c>internalLogFile</c>, <c>internalLogToTrace</c>, the console), with or
        /// without a level.</summary>
        public bool NLogOutput { get; set; }
    }

    /// <summary>What one configuration file says about logging and hosting.</summary>
    internal sealed class ConfigFileModel
    {
        public ConfigFileModel(string path, ConfigFileKind kind)
        {
            Path = path;
            Kind = kind;
        }

        public string Path { get; }

        public ConfigFileKind Kind { get; }

        public List<ConfigSection> Sections { get; } = new List<ConfigSection>();

        /// <summary>web.config: <c>&lt;aspNetCore processesPerApplication="N"&gt;</c>.</summary>
        public int ProcessesPerApplication { get; set; }

        /// <summary>web.config: &lt;system.webServer&gt; or &lt;system.web&gt;, i.e. hosted by IIS.</summary>
        public bool IisHosted { get; set; }

        /// <summary>appSettings: log4net.Internal.Debug = true.</summary>
        public bool Log4NetInternalDebug { get; set; }

        /// <summary>The first syntax error, if the file could not be read.</summary>
        public string? Error { get; set; }

        public int ErrorPosition { get; set; }

        public string Format => Kind is ConfigFileKind.AppSettings || Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "XML";
    }
}
