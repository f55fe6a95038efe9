using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>
    /// The logging configuration files of one compilation (its additional files: appsettings*.json, nlog.config,
    /// log4net.config, web.config/app.config), each parsed at most once, with what they decide for every other file:
    /// web.config's host signal and log4net's internal debugging switched on in web.config/app.config. Made at
    /// compilation start by each analyzer that reads them (the configuration-file analyzer and PM3004); per compilation,
    /// never static.
    /// </summary>
    internal sealed class LoggingConfigFiles
    {
        private readonly ConcurrentDictionary<string, ConfigFileModel?> _models = new ConcurrentDictionary<string, ConfigFileModel?>(StringComparer.Ordinal);
        private readonly bool _log4NetDebugInConfig;
        private readonly LibraryPresence _libraries;
        private readonly bool _serilogSettingsReader;
        private readonly bool _nlogSettingsReader;

        private LoggingConfigFiles(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Files = options.AdditionalFiles;
            NLog = ConfigSinkRules.DetectNLog(compilation);
            _libraries = LibraryPresence.Of(compilation);

            // A Serilog section is read by Serilog.Settings.Configuration (ReadFrom.Configuration) and by nothing else.
            SerilogSettingsExtensions = LibraryPresence.Lookup(compilation, _libraries.Serilog, "Serilog.ConfigurationLoggerConfigurationExtensions");
            _serilogSettingsReader = SerilogSettingsExtensions is not null;

            // An NLog section of appsettings.json is read by NLog.Extensions.Logging (NLogLoggingConfiguration; NLog.Web.AspNetCore
            // brings it); NLog itself reads nlog.config only.
            _nlogSettingsReader = NLog != NLogGeneration.Unknown && TypeLookup.Get(compilation, "NLog.Extensions.Logging.NLogLoggingConfiguration") is not null;

            // web.config and app.config are small and decide things for every other file: read them first.
            var signal = HostSignals.None;
            foreach (var file in options.AdditionalFiles)
            {
                var kind = LoggingConfigReader.Classify(file.Path);
                if (kind is ConfigFileKind.WebConfig or ConfigFileKind.AppConfig && GetModel(file, cancellationToken) is { } model)
                {
                    signal = HostModel.Combine(signal, model);
                    _log4NetDebugInConfig |= model.Log4NetInternalDebug;
                }
            }

            HostSignals = signal.WithAspNetCoreLibrary(HostModel.IsAspNetCoreLibrary(compilation));

            // The files are small: read them all now (each once), so the analyzers register only what they need.
            foreach (var file in options.AdditionalFiles)
            {
                if (GetModel(file, cancellationToken) is not { } model)
                {
                    continue;
                }

                HasConfigFiles = true;
                foreach (var section in model.Sections)
                {
                    // Whether the console is seen is known at the compilation's end (a Windows service is found by a call):
                    // here the answer that reports more.
                    if (NeedsInvisibleFailuresCheck(section, consoleUnseen: true, serilogSectionsUnread: false))
                    {
                        MayReportInvisibleFailures = true;
                    }
                }
            }
        }

        /// <summary>Serilog.Settings.Configuration's <c>ReadFrom.Configuration</c> extensions, the Serilog section's only reader, or null.</summary>
        public INamedTypeSymbol? SerilogSettingsExtensions { get; }

        /// <summary>The generation of NLog referenced (its facts differ), or Unknown.</summary>
        public NLogGeneration NLog { get; }

        /// <summary>The section's internal log goes only to a console nobody sees (<see cref="ConsoleVisibility"/>): for the message.</summary>
        public static bool WritesOnlyToAMissingConsole(ConfigSection section, bool consoleUnseen) => consoleUnseen && section.NLogOutputOnlyToConsole;

        /// <summary>
        /// Does the project reference the library whose section this is? Nothing else reads a Serilog, NLog or log4net
        /// section, so one in a project without the library (left from a template, or another app's) configures nothing
        /// and is not judged. A Serilog section (appsettings.json) is read by Serilog.Settings.Configuration only: Serilog
        /// configured in code alone leaves it unread (real-world round 10), and so does a project that adds its sinks in
        /// code and never calls ReadFrom.Configuration (<paramref name="serilogSectionsUnread"/>, known at the
        /// compilation's end: <see cref="SerilogSectionReading"/>). NLog also needs its generation known (its facts differ
        /// between versions), and an NLog section of appsettings.json its reader, NLog.Extensions.Logging.
        /// </summary>
        public bool ReadsSection(ConfigSection section, bool serilogSectionsUnread) => section.Library switch
        {
            LogLibrary.Serilog => _serilogSettingsReader && !serilogSectionsUnread,
            LogLibrary.NLog => section.InAppSettings ? _nlogSettingsReader : NLog != NLogGeneration.Unknown,
            _ => _libraries.Log4Net,
        };

        /// <summary>What web.config/app.config say about the host (processes per application, IIS), and whether the project is an ASP.NET Core class library.</summary>
        public HostSignals HostSignals { get; }

        /// <summary>At least one additional file is a logging configuration file (or could not be read as one).</summary>
        public bool HasConfigFiles { get; }

        /// <summary>Some section configures a sink whose failures go to its library's internal log, and the files do not switch that log on.</summary>
        public bool MayReportInvisibleFailures { get; }

        /// <summary>
        /// The configuration files of the compilation, or null when no additional file can hold logging configuration
        /// (judged by its name alone: projects without such files pay one pass over the names).
        /// </summary>
        public static LoggingConfigFiles? Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                var kind = LoggingConfigReader.Classify(file.Path);
                if (kind != ConfigFileKind.Other ||
                    file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                    file.Path.EndsWith(".config", StringComparison.OrdinalIgnoreCase) ||
                    file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    return new LoggingConfigFiles(compilation, options, cancellationToken);
                }
            }

            return null;
        }

        /// <summary>
        /// A Serilog section with sinks that would be judged if read (Serilog.Settings.Configuration is referenced): then
        /// whether the code reads it matters (<see cref="SerilogSectionReading"/>).
        /// </summary>
        public bool HasSerilogSinkSection(CancellationToken cancellationToken)
        {
            if (!_serilogSettingsReader)
            {
                return false;
            }

            foreach (var file in Files)
            {
                if (GetModel(file, cancellationToken) is not { } model)
                {
                    continue;
                }

                foreach (var section in model.Sections)
                {
                    if (section.Library == LogLibrary.Serilog && section.Sinks.Count > 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The additional files (logging configuration files or not), for <see cref="GetModel"/>.</summary>
        public ImmutableArray<AdditionalText> Files { get; }

        /// <summary>The file's model (parsed once), or null when the file is not a logging configuration file.</summary>
        public ConfigFileModel? GetModel(AdditionalText file, CancellationToken cancellationToken)
        {
            if (_models.TryGetValue(file.Path, out var cached))
            {
                return cached;
            }

            ConfigFileModel? model = null;
            var kind = LoggingConfigReader.Classify(file.Path);
            SourceText? text = null;
            if (LoggingConfigReader.IsCandidate(file.Path, kind, () => text ??= file.GetText(cancellationToken)))
            {
                text ??= file.GetText(cancellationToken);
                if (text is not null)
                {
                    model = LoggingConfigReader.Read(file.Path, kind, text, cancellationToken);
                }
            }

            return _models.GetOrAdd(file.Path, model);
        }

        /// <summary>
        /// PM3004 applies to the section: it has a sink whose failures go to the library's internal log (AuditTo sinks
        /// throw instead), nothing in the configuration files switches that log on, and the library's facts are known
        /// (the library is referenced: <see cref="ReadsSection"/>). An internal log written only to the console does not
        /// switch it on when nobody sees the console (<paramref name="consoleUnseen"/>, see <see cref="ConsoleVisibility"/>).
        /// </summary>
        public bool NeedsInvisibleFailuresCheck(ConfigSection section, bool consoleUnseen, bool serilogSectionsUnread)
            => HasSilentSink(section) && !FailuresVisible(section, consoleUnseen) &&
               ReadsSection(section, serilogSectionsUnread) &&
               !(section.Library == LogLibrary.Log4Net && _log4NetDebugInConfig);

        /// <summary>
        /// What the read NLog sections set on the InternalLogger, as code's switches: <c>internalLogLevel</c> (a level, or
        /// Off), and an output (<c>internalLogFile</c>, <c>internalLogToTrace</c> before NLog 6, the console). The code's
        /// outputs and subscribers write at the file's level, and the file's outputs at a level the code sets (the
        /// twenty-eighth session's reviews). <paramref name="outputToConsole"/>: the outputs are only the console.
        /// </summary>
        public List<SwitchEffect> NLogInternalLogSwitches(CancellationToken cancellationToken, out bool outputToConsole)
        {
            var effects = new List<SwitchEffect>();
            outputToConsole = true;
            foreach (var file in Files)
            {
                if (GetModel(file, cancellationToken) is not { } model)
                {
                    continue;
                }

                foreach (var section in model.Sections)
                {
                    if (section.Library != LogLibrary.NLog || !ReadsSection(section, serilogSectionsUnread: false))
                    {
                        continue;
                    }

                    if (section.NLogLevelOn)
                    {
                        effects.Add(SwitchEffect.NLogLevel);
                    }
                    else if (section.NLogLevelOff)
                    {
                        effects.Add(SwitchEffect.NLogLevelOff);
                    }

                    if (section.NLogOutput && !(section.NLogOutputOnlyToTrace && NLog == NLogGeneration.V6))
                    {
                        effects.Add(SwitchEffect.NLogOutput);
                        outputToConsole &= section.NLogOutputOnlyToConsole;
                    }
                }
            }

            return effects;
        }

        /// <summary>
        /// Does a configuration file take over this library's PM3004 in code? True when a file switches the internal
        /// channel on (nlog.config / appsettings.json: <c>internalLogFile</c>, <c>internalLogToConsole="true"</c>,
        /// <c>throwExceptions="true"</c>…; web.config/app.config: <c>&lt;add key="log4net.Internal.Debug" value="true"/&gt;</c>;
        /// log4net.config: <c>&lt;log4net debug="true"&gt;</c>), and when a file configures NLog's or log4net's sinks, because
        /// PM3004 is then reported at that section (one finding, where the sinks and the switch are). Never for Serilog:
        /// SelfLog has no configuration-file switch, so its finding stays with the code's sink, where the fix is (real-world
        /// round 11: reported at the section, a project configured both ways got no fix), and the sections are then left
        /// alone (see PM3004's ReportInConfigurationFiles).
        /// </summary>
        public bool TakesOverInCode(LoggingLibrary library, bool consoleUnseen, CancellationToken cancellationToken)
        {
            if (library is LoggingLibrary.Serilog or LoggingLibrary.ZLogger)
            {
                // Serilog's one switch is in code; ZLogger has no configuration-file section.
                return false;
            }

            var configLibrary = library == LoggingLibrary.NLog ? LogLibrary.NLog : LogLibrary.Log4Net;

            foreach (var file in Files)
            {
                if (GetModel(file, cancellationToken) is not { } model)
                {
                    continue;
                }

                if (library == LoggingLibrary.Log4Net && model.Log4NetInternalDebug)
                {
                    return true;
                }

                foreach (var section in model.Sections)
                {
                    if (section.Library == configLibrary && ReadsSection(section, serilogSectionsUnread: false) &&
                        (section.Sinks.Count > 0 || FailuresVisible(section, consoleUnseen)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The section switches the library's failure channel on. An NLog internal output without a level writes under
        /// NLog 4 and 6 (Info), not under NLog 5 (Off): checked with NLog 5.0.4 and 6.2.0.
        /// </summary>
        private bool FailuresVisible(ConfigSection section, bool consoleUnseen)
            => !WritesOnlyToAMissingConsole(section, consoleUnseen) &&
               !(section.NLogOutputOnlyToTrace && NLog == NLogGeneration.V6) &&
               (section.FailuresVisible ||
                (section.NLogOutputWithoutLevel && NLog is NLogGeneration.V4 or NLogGeneration.V6));

        private static bool HasSilentSink(ConfigSection section)
        {
            foreach (var sink in section.Sinks)
            {
                if (!sink.Audit)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A location in a configuration file, the span clamped to its text.</summary>
        public static Location CreateLocation(string path, SourceText text, TextSpan span)
        {
            var bounded = TextSpan.FromBounds(Math.Min(span.Start, text.Length), Math.Min(span.End, text.Length));
            return Location.Create(path, bounded, text.Lines.GetLinePositionSpan(bounded));
        }
    }
}
