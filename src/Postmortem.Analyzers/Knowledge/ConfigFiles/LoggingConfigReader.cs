using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>
    /// Reads the logging configuration out of appsettings*.json (Serilog.Settings.Configuration and
    /// NLog.Extensions.Logging schemas), nlog.config, log4net.config and web.config/app.config.
    /// Pure: text in, model out; never throws on malformed input.
    /// </summary>
    internal static class LoggingConfigReader
    {
        /// <summary>Which of our files is this, by name (any casing)? Paths may use either separator.</summary>
        public static ConfigFileKind Classify(string path)
        {
            var name = FileName(path).ToLowerInvariant();
            // serilog.json: Serilog's section kept in a file of its own and added with AddJsonFile (real-world round 25).
            if (name == "appsettings.json" || (name.StartsWith("appsettings.", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)) ||
                name == "serilog.json" || (name.StartsWith("serilog.", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)))
            {
                return ConfigFileKind.AppSettings;
            }

            if (name == "nlog.config" || (name.StartsWith("nlog.", StringComparison.Ordinal) && name.EndsWith(".config", StringComparison.Ordinal)))
            {
                return ConfigFileKind.NLogConfig;
            }

            if (name == "log4net.config" || (name.StartsWith("log4net.", StringComparison.Ordinal) && name.EndsWith(".config", StringComparison.Ordinal)))
            {
                return ConfigFileKind.Log4NetConfig;
            }

            if (name == "web.config")
            {
                return ConfigFileKind.WebConfig;
            }

            if (name == "app.config")
            {
                return ConfigFileKind.AppConfig;
            }

            return ConfigFileKind.Other;
        }

        public static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        /// <summary>
        /// Is this additional file worth reading? Ours by name; any other .json/.config/.xml only when its text
        /// names a logging library (users may add such files themselves).
        /// </summary>
        public static bool IsCandidate(string path, ConfigFileKind kind, Func<SourceText?> text)
        {
            if (kind != ConfigFileKind.Other)
            {
                return true;
            }

            var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var isXml = path.EndsWith(".config", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
            if (!isJson && !isXml)
            {
                return false;
            }

            var content = text()?.ToString();
            if (content is null)
            {
                return false;
            }

            return isJson
                ? content.IndexOf("\"Serilog\"", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("\"NLog\"", StringComparison.OrdinalIgnoreCase) >= 0
                : content.IndexOf("<nlog", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("<log4net", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        public static ConfigFileModel Read(string path, ConfigFileKind kind, SourceText text, CancellationToken cancellationToken)
        {
            try
            {
                return ReadCore(path, kind, text, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The readers report syntax errors themselves; anything else in a file we do not understand is the same
                // to the user (PM0001), never an analyzer crash.
                return new ConfigFileModel(path, kind) { Error = ex.GetType().Name + ": " + ex.Message, ErrorPosition = 0 };
            }
        }

        private static ConfigFileModel ReadCore(string path, ConfigFileKind kind, SourceText text, CancellationToken cancellationToken)
        {
            var model = new ConfigFileModel(path, kind);
            cancellationToken.ThrowIfCancellationRequested();
            if (model.Format == "JSON")
            {
                if (!ConfigJson.TryParse(text.ToString(), out var root, out var position, out var error))
                {
                    model.Error = error;
                    model.ErrorPosition = position;
                    return model;
                }

                if (root is null)
                {
                    return model;
                }

                if (root.Kind != JsonKind.Object)
                {
                    // Microsoft.Extensions.Configuration rejects a top-level value that is not an object.
                    model.Error = "the top-level value is not an object";
                    model.ErrorPosition = root.Span.Start;
                    return model;
                }

                ReadSerilogJson(root, model);
                ReadNLogJson(root, model);
                return model;
            }

            if (!ConfigXml.TryParse(text, out var xmlRoot, out var xmlPosition, out var xmlError))
            {
                model.Error = xmlError;
                model.ErrorPosition = xmlPosition;
                return model;
            }

            if (xmlRoot is not null)
            {
                ReadXml(xmlRoot, model);
            }

            return model;
        }

        // ------------------------------------------------------------------ Serilog (appsettings.json)

        private static void ReadSerilogJson(JsonNode root, ConfigFileModel model)
        {
            var serilog = root.Get("Serilog");
            if (serilog is null || serilog.Value.Kind != JsonKind.Object)
            {
                return;
            }

            var section = new ConfigSection(LogLibrary.Serilog, serilog.NameSpan);
            var writeTo = serilog.Value.Get("WriteTo");
            if (writeTo is not null)
            {
                ReadSerilogSinks(writeTo.Value, section, async: false, depth: 0);
            }

            // AuditTo.File: no sharing, failures throw (so not PM3004's concern), same path facts.
            var auditTo = serilog.Value.Get("AuditTo");
            if (auditTo is not null)
            {
                var audit = new ConfigSection(LogLibrary.Serilog, serilog.NameSpan);
                ReadSerilogSinks(auditTo.Value, audit, async: false, depth: 0);
                foreach (var sink in audit.Sinks)
                {
                    if (sink.Kind == "File")
                    {
                        sink.Audit = true;
                        section.Sinks.Add(sink);
                    }
                }
            }

            model.Sections.Add(section);
        }

        /// <summary>WriteTo as an array or as an object keyed by arbitrary names; entries as objects or string shorthands.</summary>
        private static void ReadSerilogSinks(JsonNode writeTo, ConfigSection section, bool async, int depth)
        {
            if (depth > 8)
            {
                return;
            }

            foreach (var entry in writeTo.Children())
            {
                // A string shorthand ("WriteTo": ["Console"]) calls the method without arguments;
                // File and RollingFile need a path, so Serilog cannot configure them that way.
                if (entry.Kind != JsonKind.Object)
                {
                    continue;
                }

                var name = entry.Get("Name");
                var args = entry.Get("Args")?.Value;
                if (name is null || name.Value.Kind != JsonKind.String || name.Value.Text is null)
                {
                    continue;
                }

                var method = name.Value.Text.Trim();
                if (method is "File" or "RollingFile")
                {
                    var sink = new ConfigSink(LogLibrary.Serilog, method, name.Value.Span) { Async = async };
                    if (args is not null && args.Kind == JsonKind.Object)
                    {
                        foreach (var argument in args.Properties)
                        {
                            if (argument.Value.IsScalar)
                            {
                                sink.Settings[argument.Name] = new ConfigSetting(argument.Name, argument.Value.Text, argument.Value.Span);
                            }
                            else
                            {
                                // Objects (hooks, formatter) are present but not scalar: record their presence.
                                sink.Settings[argument.Name] = new ConfigSetting(argument.Name, "{}", argument.Value.Span);
                            }
                        }
                    }

                    // A sink without its path argument is not configured by Serilog.
                    if (sink.Get(method == "File" ? "path" : "pathFormat") is { Value: { Length: > 0 } })
                    {
                        section.Sinks.Add(sink);
                    }

                    continue;
                }

                if (args is null || args.Kind != JsonKind.Object)
                {
                    continue;
                }

                // Wrappers: Async (configure), Conditional (configureSink), Map, Logger sub-loggers (configureLogger: { WriteTo }).
                foreach (var argument in args.Properties)
                {
                    if (!argument.Name.StartsWith("configure", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var inner = argument.Value;
                    var nestedWriteTo = inner.Kind == JsonKind.Object ? inner.Get("WriteTo") : null;
                    var innerAsync = async || method == "Async";
                    if (nestedWriteTo is not null)
                    {
                        ReadSerilogSinks(nestedWriteTo.Value, section, innerAsync, depth + 1);
                    }
                    else if (inner.Kind == JsonKind.Array || inner.Kind == JsonKind.Object)
                    {
                        ReadSerilogSinks(inner, section, innerAsync, depth + 1);
                    }
                }
            }
        }

        // ------------------------------------------------------------------ NLog (appsettings.json)

        private static void ReadNLogJson(JsonNode root, ConfigFileModel model)
        {
            var nlog = root.Get("NLog");
            if (nlog is null || nlog.Value.Kind != JsonKind.Object)
            {
                return;
            }

            var section = new ConfigSection(LogLibrary.NLog, nlog.NameSpan) { InAppSettings = true };
            ReadNLogFailureSwitches(section, name => Scalar(nlog.Value.Get(name)));
            var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var variableSection = nlog.Value.Get("variables")?.Value;
            if (variableSection is not null && variableSection.Kind == JsonKind.Object)
            {
                foreach (var variable in variableSection.Properties)
                {
                    if (variable.Value.IsScalar && variable.Value.Text is { } value)
                    {
                        variables[variable.Name] = value;
                    }
                }
            }

            var targets = nlog.Value.Get("targets")?.Value;
            if (targets is not null && targets.Kind == JsonKind.Object)
            {
                var async = IsTrue(Scalar(targets.Get("async")));
                foreach (var property in targets.Properties)
                {
                    if (property.Name.StartsWith("default-", StringComparison.OrdinalIgnoreCase) || property.Value.Kind != JsonKind.Object)
                    {
                        continue;
                    }

                    var before = section.Sinks.Count;
                    ReadNLogJsonTarget(property.Value, section, async, variables, 0);
                    var name = Scalar(property.Value.Get("name")) ?? property.Name;
                    for (var i = before; i < section.Sinks.Count; i++)
                    {
                        section.Sinks[i].Root = name;
                    }
                }
            }

            // Only targets a rule writes to ever open a file.
            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var rules = nlog.Value.Get("rules")?.Value;
            if (rules is not null)
            {
                foreach (var rule in rules.Children())
                {
                    if (rule.Kind == JsonKind.Object)
                    {
                        AddNames(referenced, Scalar(rule.Get("writeTo")));
                    }
                }
            }

            KeepReferenced(section, referenced);
            model.Sections.Add(section);
        }

        private static void ReadNLogJsonTarget(JsonNode target, ConfigSection section, bool async, Dictionary<string, string> variables, int depth)
        {
            if (depth > 8)
            {
                return;
            }

            var type = target.Get("type");
            var typeName = Scalar(type);
            if (type is null || typeName is null)
            {
                // A container keyed by target names: { "inner": { "type": "File" } }.
                foreach (var property in target.Properties)
                {
                    if (property.Value.Kind == JsonKind.Object)
                    {
                        ReadNLogJsonTarget(property.Value, section, async, variables, depth + 1);
                    }
                }

                return;
            }

            if (NLogFileKind(typeName) is { } kind)
            {
                var sink = new ConfigSink(LogLibrary.NLog, kind, type.Value.Span) { Async = async };
                foreach (var property in target.Properties)
                {
                    if (property.Value.IsScalar)
                    {
                        var text = property.Value.Text is { } raw ? Expand(raw, variables) : null;
                        sink.Settings[property.Name] = new ConfigSetting(property.Name, text, property.Value.Span);
                    }
                }

                section.Sinks.Add(sink);
                return;
            }

            var wrapperAsync = async || typeName.Trim().Equals("AsyncWrapper", StringComparison.OrdinalIgnoreCase);
            foreach (var property in target.Properties)
            {
                if (property.Value.Kind == JsonKind.Object)
                {
                    ReadNLogJsonTarget(property.Value, section, wrapperAsync, variables, depth + 1);
                }
                else if (property.Value.Kind == JsonKind.Array)
                {
                    foreach (var item in property.Value.Items)
                    {
                        if (item.Kind == JsonKind.Object)
                        {
                            ReadNLogJsonTarget(item, section, wrapperAsync, variables, depth + 1);
                        }
                    }
                }
            }
        }

        // ------------------------------------------------------------------ XML files

        private static void ReadXml(XmlElementNode root, ConfigFileModel model)
        {
            if (root.Is("nlog"))
            {
                ReadNLogXml(root, model);
                return;
            }

            if (root.Is("log4net"))
            {
                ReadLog4NetXml(root, model);
                return;
            }

            if (!root.Is("configuration"))
            {
                return;
            }

            foreach (var child in root.Children)
            {
                if (child.Is("nlog"))
                {
                    ReadNLogXml(child, model);
                }
                else if (child.Is("log4net"))
                {
                    ReadLog4NetXml(child, model);
                }
                else if (child.Is("appSettings"))
                {
                    foreach (var add in child.Elements("add"))
                    {
                        if (string.Equals(add.AttributeValue("key")?.Trim(), "log4net.Internal.Debug", StringComparison.OrdinalIgnoreCase) &&
                            IsTrue(add.AttributeValue("value")))
                        {
                            model.Log4NetInternalDebug = true;
                        }
                    }
                }
            }

            if (model.Kind == ConfigFileKind.WebConfig)
            {
                ReadWebServer(root, model, 0);
            }
        }

        /// <summary>&lt;system.webServer&gt;/&lt;system.web&gt; (IIS) and &lt;aspNetCore processesPerApplication&gt;, also inside &lt;location&gt;.</summary>
        private static void ReadWebServer(XmlElementNode element, ConfigFileModel model, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            foreach (var child in element.Children)
            {
                if (child.Is("system.webServer") || child.Is("system.web"))
                {
                    model.IisHosted = true;
                }

                if (child.Is("aspNetCore"))
                {
                    var value = child.AttributeValue("processesPerApplication");
                    if (value is not null && int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > model.ProcessesPerApplication)
                    {
                        model.ProcessesPerApplication = count;
                    }
                }

                if (child.Is("location") || child.Is("system.webServer"))
                {
                    ReadWebServer(child, model, depth + 1);
                }
            }
        }

        // ------------------------------------------------------------------ NLog (XML)

        private static void ReadNLogXml(XmlElementNode nlog, ConfigFileModel model)
        {
            var section = new ConfigSection(LogLibrary.NLog, nlog.NameSpan);
            ReadNLogFailureSwitches(section, nlog.AttributeValue);

            var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var variable in nlog.Elements("variable"))
            {
                var name = variable.AttributeValue("name");
                if (name is not null)
                {
                    variables[name] = variable.AttributeValue("value") ?? string.Empty;
                }
            }

            foreach (var targets in nlog.Elements("targets"))
            {
                var async = IsTrue(targets.AttributeValue("async"));

                // <default-target-parameters xsi:type="File" keepFileOpen="false"/> applies to later targets of that type.
                var defaults = new Dictionary<string, List<XmlAttributeNode>>(StringComparer.OrdinalIgnoreCase);
                foreach (var child in targets.Children)
                {
                    if (child.Is("default-target-parameters"))
                    {
                        var type = child.AttributeValue("type");
                        if (type is not null && NLogFileKind(type) is { } defaultKind)
                        {
                            if (!defaults.TryGetValue(defaultKind, out var list))
                            {
                                defaults[defaultKind] = list = new List<XmlAttributeNode>();
                            }

                            list.AddRange(child.Attributes);
                        }

                        continue;
                    }

                    if (child.Is("default-wrapper"))
                    {
                        if (string.Equals(child.AttributeValue("type")?.Trim(), "AsyncWrapper", StringComparison.OrdinalIgnoreCase))
                        {
                            async = true;
                        }

                        continue;
                    }

                    var before = section.Sinks.Count;
                    ReadNLogXmlTarget(child, section, async, defaults, variables, 0);
                    for (var i = before; i < section.Sinks.Count; i++)
                    {
                        section.Sinks[i].Root = child.AttributeValue("name") ?? string.Empty;
                    }
                }
            }

            // Only targets a rule writes to ever open a file: <rules><logger writeTo="a,b"/></rules>.
            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rules in nlog.Elements("rules"))
            {
                foreach (var logger in rules.Elements("logger"))
                {
                    AddNames(referenced, logger.AttributeValue("writeTo"));
                    AddNames(referenced, logger.AttributeValue("appendTo"));
                }
            }

            KeepReferenced(section, referenced);
            model.Sections.Add(section);
        }

        private static void ReadNLogXmlTarget(
            XmlElementNode element,
            ConfigSection section,
            bool async,
            Dictionary<string, List<XmlAttributeNode>> defaults,
            Dictionary<string, string> variables,
            int depth)
        {
            if (depth > 8 || !(element.Is("target") || element.Is("wrapper-target") || element.Is("compound-target") || element.Is("wrapper")))
            {
                return;
            }

            var typeAttribute = element.Attribute("type");
            var typeName = typeAttribute?.Value;
            if (typeName is not null && NLogFileKind(typeName) is { } kind)
            {
                var sink = new ConfigSink(LogLibrary.NLog, kind, typeAttribute!.Span) { Async = async };
                if (defaults.TryGetValue(kind, out var defaultAttributes))
                {
                    foreach (var attribute in defaultAttributes)
                    {
                        sink.Settings[attribute.LocalName] = new ConfigSetting(attribute.LocalName, Expand(attribute.Value, variables), attribute.Span);
                    }
                }

                foreach (var attribute in element.Attributes)
                {
                    sink.Settings[attribute.LocalName] = new ConfigSetting(attribute.LocalName, Expand(attribute.Value, variables), attribute.Span);
                }

                // Settings may also be child elements: <fileName>…</fileName> is rare; <target> attributes are the norm.
                section.Sinks.Add(sink);
                return;
            }

            var wrapperAsync = async || string.Equals(typeName?.Trim(), "AsyncWrapper", StringComparison.OrdinalIgnoreCase);
            foreach (var child in element.Children)
            {
                ReadNLogXmlTarget(child, section, wrapperAsync, defaults, variables, depth + 1);
            }
        }

        /// <summary>${var:name} and ${name} references to &lt;variable&gt;s, expanded once (enough to see ${processid} in a variable).</summary>
        private static string Expand(string value, Dictionary<string, string> variables)
        {
            if (variables.Count == 0 || value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                return value;
            }

            foreach (var pair in variables)
            {
                value = ReplaceIgnoreCase(value, "${" + pair.Key + "}", pair.Value);
                value = ReplaceIgnoreCase(value, "${var:" + pair.Key + "}", pair.Value);
            }

            return value;
        }

        private static string ReplaceIgnoreCase(string text, string find, string replacement)
        {
            var index = text.IndexOf(find, StringComparison.OrdinalIgnoreCase);
            return index < 0 ? text : text.Substring(0, index) + replacement + text.Substring(index + find.Length);
        }

        /// <summary>File and AtomFile/AtomicFile targets; everything else (wrappers aside) writes elsewhere.</summary>
        private static string? NLogFileKind(string typeName)
        {
            var type = typeName.Trim();
            var comma = type.IndexOf(',');
            if (comma >= 0)
            {
                type = type.Substring(0, comma).Trim();
            }

            if (type.Equals("File", StringComparison.OrdinalIgnoreCase))
            {
                return "File";
            }

            if (type.Equals("AtomFile", StringComparison.OrdinalIgnoreCase) || type.Equals("AtomicFile", StringComparison.OrdinalIgnoreCase))
            {
                return "AtomFile";
            }

            return null;
        }

        /// <summary>
        /// NLog's own switches that make its failures visible: <c>throwExceptions</c>, or an internal log output
        /// (<c>internalLogFile</c>, <c>internalLogToConsole</c>…) with a level other than <c>Off</c>, as in code. A level
        /// without an output writes nothing (NLog 5.0.4 checked, real-world round 9: <c>internalLogLevel="Info"</c> alone,
        /// a failing file target, nothing anywhere). An explicit <c>internalLogLevel="Off"</c> silences every internal output
        /// (NLog 5.0.4 and 6.2.0 checked: nothing written). An output without a level is recorded apart: NLog 5 leaves the
        /// level Off then (NLog/NLog#2935), NLog 4 and 6 log at Info (NLog/NLog#6070).
        /// </summary>
        private static void ReadNLogFailureSwitches(ConfigSection section, Func<string, string?> attribute)
        {
            if (IsTrue(attribute("throwExceptions")))
            {
                section.FailuresVisible = true;
                return;
            }

            var toFile = attribute("internalLogFile") is { Length: > 0 };
            var toTrace = IsTrue(attribute("internalLogToTrace"));
            var toConsole = IsTrue(attribute("internalLogToConsole")) || IsTrue(attribute("internalLogToConsoleError"));
            var output = toFile || toTrace || toConsole;
            section.NLogOutputOnlyToConsole = toConsole && !toFile && !toTrace;
            section.NLogOutputOnlyToTrace = toTrace && !toFile && !toConsole;
            section.NLogOutput = output;
            var level = attribute("internalLogLevel")?.Trim();
            if (level is { Length: > 0 })
            {
                section.NLogLevelOn = !level.Equals("Off", StringComparison.OrdinalIgnoreCase);
                section.NLogLevelOff = !section.NLogLevelOn;
                section.FailuresVisible = output && section.NLogLevelOn;
                return;
            }

            section.NLogOutputWithoutLevel = output;
        }

        // ------------------------------------------------------------------ log4net (XML)

        private static void ReadLog4NetXml(XmlElementNode log4net, ConfigFileModel model)
        {
            var section = new ConfigSection(LogLibrary.Log4Net, log4net.NameSpan);
            section.FailuresVisible = IsTrue(log4net.AttributeValue("debug"));
            foreach (var appender in log4net.Elements("appender"))
            {
                var typeAttribute = appender.Attribute("type");
                var type = typeAttribute?.Value.Trim();
                if (type is null)
                {
                    continue;
                }

                var comma = type.IndexOf(',');
                if (comma >= 0)
                {
                    type = type.Substring(0, comma).Trim();
                }

                string kind;
                if (type == "log4net.Appender.RollingFileAppender")
                {
                    kind = "RollingFileAppender";
                }
                else if (type == "log4net.Appender.FileAppender")
                {
                    kind = "FileAppender";
                }
                else
                {
                    continue;
                }

                var sink = new ConfigSink(LogLibrary.Log4Net, kind, typeAttribute!.Span) { Root = appender.AttributeValue("name") ?? string.Empty };
                foreach (var property in appender.Children)
                {
                    // <file value="…"/>, <lockingModel type="…"/>, or the old <param name="File" value="…"/>.
                    var name = property.Is("param") ? property.AttributeValue("name") : property.LocalName;
                    if (name is null)
                    {
                        continue;
                    }

                    var valueAttribute = property.Attribute("value");
                    var typeOf = property.AttributeValue("type");
                    var span = valueAttribute?.Span ?? property.Attribute("type")?.Span ?? property.NameSpan;
                    sink.Settings[name] = new ConfigSetting(name, valueAttribute?.Value, span, typeOf);
                }

                section.Sinks.Add(sink);
            }

            // log4net creates only the appenders a logger, the root or another appender refers to (<appender-ref ref="R"/>).
            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            CollectAppenderRefs(log4net, referenced, 0);
            KeepReferenced(section, referenced);
            model.Sections.Add(section);
        }

        // ------------------------------------------------------------------ helpers

        private static void CollectAppenderRefs(XmlElementNode element, HashSet<string> names, int depth)
        {
            if (depth > 6)
            {
                return;
            }

            foreach (var child in element.Children)
            {
                if (child.Is("appender-ref"))
                {
                    AddNames(names, child.AttributeValue("ref"));
                }
                else
                {
                    CollectAppenderRefs(child, names, depth + 1);
                }
            }
        }

        private static void AddNames(HashSet<string> names, string? list)
        {
            if (list is null)
            {
                return;
            }

            foreach (var name in list.Split(','))
            {
                var trimmed = name.Trim();
                if (trimmed.Length > 0)
                {
                    names.Add(trimmed);
                }
            }
        }

        /// <summary>Drops the sinks no rule or logger writes to: they never open their file.</summary>
        private static void KeepReferenced(ConfigSection section, HashSet<string> referenced)
            => section.Sinks.RemoveAll(sink => sink.Root is { } root && !referenced.Contains(root));

        private static string? Scalar(JsonProperty? property)
            => property is not null && property.Value.IsScalar ? property.Value.Text : null;

        public static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
