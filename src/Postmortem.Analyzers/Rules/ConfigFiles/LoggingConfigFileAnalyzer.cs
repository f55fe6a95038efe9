using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Knowledge.ConfigFiles;

namespace Postmortem.Analyzers.Rules.ConfigFiles
{
    /// <summary>
    /// PM1001, PM2003, PM3004 and PM3005 where teams configure logging: appsettings*.json (Serilog and NLog sections),
    /// nlog.config, log4net.config and web.config/app.config, reported at the offending entry's line and column.
    /// PM0001 when such a file cannot be read. The package adds these files as AdditionalFiles.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LoggingConfigFileAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>PM3004's property naming the library, as the code rule sets it.</summary>
        public const string LibraryProperty = PM3004LoggingFailuresInvisibleAnalyzer.LibraryProperty;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.PM0001ConfigFileUnreadable,
            Descriptors.PM1001SharedLogFileSink,
            Descriptors.PM2003LogFilesNeverDeleted,
            Descriptors.PM3004LoggingFailuresInvisible,
            Descriptors.PM3005FileSinkStopsAtSizeLimit);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            // Cheap first: any additional file that may hold logging configuration, judged by its name.
            var any = false;
            foreach (var file in start.Options.AdditionalFiles)
            {
                var kind = LoggingConfigReader.Classify(file.Path);
                if (kind != ConfigFileKind.Other ||
                    file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                    file.Path.EndsWith(".config", StringComparison.OrdinalIgnoreCase) ||
                    file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return;
            }

            var state = new CompilationState(start.Compilation, start.Options, start.CancellationToken);
            if (!state.HasConfigFiles)
            {
                return;
            }

            start.RegisterAdditionalFileAction(state.AnalyzeFile);
            if (!state.MayReportInvisibleFailures)
            {
                return;
            }

            // PM3004 needs the whole compilation: does code enable SelfLog, NLog's InternalLogger or log4net's internal debug?
            // Only looked for when a configuration section would otherwise be reported and the library is referenced.
            if (state.Libraries.HasAny || state.Libraries.SerilogSelfLog is not null)
            {
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
                if (state.Libraries.Log4NetLogLog is not null)
                {
                    // Only log4net's LogReceivedAdapter switches an internal log on by being created.
                    start.RegisterOperationAction(state.AnalyzeCreation, OperationKind.ObjectCreation);
                }

                if (state.Libraries.HasAssignmentSwitches)
                {
                    // Serilog's SelfLog is switched on by a call; NLog's and log4net's internal logs also by assignments and events.
                    start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
                    start.RegisterOperationAction(state.AnalyzeEventAssignment, OperationKind.EventAssignment);
                }
            }

            start.RegisterCompilationEndAction(state.ReportInvisibleFailures);
        }

        /// <summary>Per-compilation state: parsed files (each read once), the host model's web.config signal, code signals.</summary>
        private sealed class CompilationState
        {
            private readonly Compilation _compilation;
            private readonly AnalyzerOptions _options;
            private readonly ConcurrentDictionary<string, ConfigFileModel?> _models = new ConcurrentDictionary<string, ConfigFileModel?>(StringComparer.Ordinal);
            private readonly NLogGeneration _nlog;
            private readonly LoggingLibraries _libraries;
            private readonly WebConfigSignal _webConfig;
            private readonly bool _log4NetDebugInConfig;
            private int _selfLogEnabled;
            private int _nlogInternalLogEnabled;
            private int _log4NetDebugEnabled;

            public CompilationState(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _options = options;
                _libraries = LoggingLibraries.Create(compilation);

                _nlog = ConfigSinkRules.DetectNLog(compilation);

                // web.config and app.config are small and decide things for every other file: read them now.
                var signal = WebConfigSignal.None;
                foreach (var file in options.AdditionalFiles)
                {
                    var kind = LoggingConfigReader.Classify(file.Path);
                    if (kind is ConfigFileKind.WebConfig or ConfigFileKind.AppConfig)
                    {
                        var model = GetModel(file, cancellationToken);
                        if (model is not null)
                        {
                            signal = HostModel.Combine(signal, model);
                            _log4NetDebugInConfig |= model.Log4NetInternalDebug;
                        }
                    }
                }

                _webConfig = signal;

                // The files are small: read them all now (each once), to register only what they need.
                foreach (var file in options.AdditionalFiles)
                {
                    var model = GetModel(file, cancellationToken);
                    if (model is null)
                    {
                        continue;
                    }

                    HasConfigFiles = true;
                    foreach (var section in model.Sections)
                    {
                        if (NeedsInvisibleFailuresCheck(section))
                        {
                            MayReportInvisibleFailures = true;
                        }
                    }
                }
            }

            /// <summary>At least one additional file is a logging configuration file (or could not be read as one).</summary>
            public bool HasConfigFiles { get; }

            /// <summary>Some section configures a file sink and does not switch its library's internal log on itself.</summary>
            public bool MayReportInvisibleFailures { get; }

            private bool NeedsInvisibleFailuresCheck(ConfigSection section)
                => HasSilentSink(section) && !section.FailuresVisible &&
                   !(section.Library == LogLibrary.NLog && _nlog == NLogGeneration.Unknown) &&
                   !(section.Library == LogLibrary.Log4Net && _log4NetDebugInConfig);

            /// <summary>A sink whose failures go to the internal channel (AuditTo sinks throw instead).</summary>
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

            public LoggingLibraries Libraries => _libraries;

            private ConfigFileModel? GetModel(AdditionalText file, CancellationToken cancellationToken)
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

            public void AnalyzeFile(AdditionalFileAnalysisContext context)
            {
                var file = context.AdditionalFile;
                var model = GetModel(file, context.CancellationToken);
                if (model is null)
                {
                    return;
                }

                var text = file.GetText(context.CancellationToken);
                if (text is null)
                {
                    return;
                }

                if (model.Error is not null)
                {
                    var position = Math.Max(0, Math.Min(model.ErrorPosition, text.Length));
                    var span = position < text.Length ? new TextSpan(position, 1) : new TextSpan(position, 0);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.PM0001ConfigFileUnreadable,
                        CreateLocation(file.Path, text, span),
                        LoggingConfigReader.FileName(file.Path),
                        model.Format,
                        model.Error.TrimEnd('.')));
                    return;
                }

                if (model.Sections.Count == 0)
                {
                    return;
                }

                var host = HostModel.ResolveForAdditionalFile(_options, file, _compilation, _webConfig);
                var findings = new List<ConfigFinding>();
                foreach (var section in model.Sections)
                {
                    foreach (var sink in section.Sinks)
                    {
                        ConfigSinkRules.Evaluate(sink, host, _nlog, findings);
                    }
                }

                foreach (var finding in findings)
                {
                    var location = CreateLocation(file.Path, text, finding.Span);
                    context.ReportDiagnostic(finding.Severity is { } severity
                        ? Diagnostic.Create(finding.Descriptor, location, severity, additionalLocations: null, properties: null, finding.Arguments)
                        : Diagnostic.Create(finding.Descriptor, location, finding.Arguments));
                }
            }

            // The same switches the code rule PM3004 honors (LoggingLibraries), so code and configuration agree.
            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                if (_libraries.TryGetEnablingCall((IInvocationOperation)context.Operation, out var library))
                {
                    Enable(library);
                }
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                if (_libraries.IsEnablingCreation((IObjectCreationOperation)context.Operation))
                {
                    Enable(LoggingLibrary.Log4Net);
                }
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                if (_libraries.TryGetEnablingAssignment((IAssignmentOperation)context.Operation, out var library))
                {
                    Enable(library);
                }
            }

            public void AnalyzeEventAssignment(OperationAnalysisContext context)
            {
                if (_libraries.TryGetEnablingEvent((IEventAssignmentOperation)context.Operation, out var library))
                {
                    Enable(library);
                }
            }

            private void Enable(LoggingLibrary library)
            {
                switch (library)
                {
                    case LoggingLibrary.Serilog:
                        Interlocked.Exchange(ref _selfLogEnabled, 1);
                        break;
                    case LoggingLibrary.NLog:
                        Interlocked.Exchange(ref _nlogInternalLogEnabled, 1);
                        break;
                    default:
                        Interlocked.Exchange(ref _log4NetDebugEnabled, 1);
                        break;
                }
            }

            /// <summary>PM3004, once per configuration section that has a file sink, when nothing makes its failures visible.</summary>
            public void ReportInvisibleFailures(CompilationAnalysisContext context)
            {
                foreach (var file in _options.AdditionalFiles)
                {
                    var model = GetModel(file, context.CancellationToken);
                    if (model is null || model.Error is not null || model.Sections.Count == 0)
                    {
                        continue;
                    }

                    SourceText? text = null;
                    foreach (var section in model.Sections)
                    {
                        // NLog's findings need the referenced NLog (its generation decides the facts), as in code.
                        if (!NeedsInvisibleFailuresCheck(section) || IsVisibleFromCode(section.Library))
                        {
                            continue;
                        }

                        text ??= file.GetText(context.CancellationToken);
                        if (text is null)
                        {
                            break;
                        }

                        var library = section.Library switch
                        {
                            LogLibrary.Serilog => LoggingLibrary.Serilog,
                            LogLibrary.NLog => LoggingLibrary.NLog,
                            _ => LoggingLibrary.Log4Net,
                        };
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, library.ToString());
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.PM3004LoggingFailuresInvisible,
                            CreateLocation(file.Path, text, section.Anchor),
                            properties,
                            LoggingLibraries.Describe(library, LoggingConfigReader.FileName(file.Path)),
                            LoggingLibraries.ChannelName(library)));
                    }
                }
            }

            private bool IsVisibleFromCode(LogLibrary library) => library switch
            {
                LogLibrary.Serilog => Volatile.Read(ref _selfLogEnabled) != 0,
                LogLibrary.NLog => Volatile.Read(ref _nlogInternalLogEnabled) != 0,
                _ => Volatile.Read(ref _log4NetDebugEnabled) != 0,
            };

            private static Location CreateLocation(string path, SourceText text, TextSpan span)
            {
                var bounded = TextSpan.FromBounds(Math.Min(span.Start, text.Length), Math.Min(span.End, text.Length));
                return Location.Create(path, bounded, text.Lines.GetLinePositionSpan(bounded));
            }
        }
    }
}
