using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Knowledge.ConfigFiles;

namespace Postmortem.Analyzers.Rules.ConfigFiles
{
    /// <summary>
    /// PM1001, PM2003 and PM3005 where teams configure logging: appsettings*.json (Serilog and NLog sections),
    /// nlog.config, log4net.config and web.config/app.config, reported at the offending entry's line and column.
    /// PM0001 when such a file cannot be read. The package adds these files as AdditionalFiles. PM3004 in these files
    /// is reported by <see cref="PM3004LoggingFailuresInvisibleAnalyzer"/>, which already reads the whole compilation
    /// for the switches that make a library's failures visible.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LoggingConfigFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            LogSinkModel.Rules.Insert(0, Descriptors.PM0001ConfigFileUnreadable);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            // Cheap first: any additional file that may hold logging configuration, judged by its name.
            var files = LoggingConfigFiles.Read(start.Compilation, start.Options, start.CancellationToken);
            if (files is null || !files.HasConfigFiles)
            {
                return;
            }

            var compilation = start.Compilation;
            var options = start.Options;

            // A Serilog section with sinks is judged only if read: when the project adds sinks in code, it must also call
            // ReadFrom.Configuration, which is known at the compilation's end (SerilogSectionReading). Its sections are
            // reported then; every other section as its file is analyzed.
            var serilog = SerilogSectionReading.Create(compilation, files, start.CancellationToken);
            start.RegisterAdditionalFileAction(context => AnalyzeFile(
                context.AdditionalFile, files, compilation, options, context.ReportDiagnostic, serilogSections: serilog is null, otherSections: true, context.CancellationToken));
            if (serilog is not null)
            {
                serilog.Register(start);
                start.RegisterCompilationEndAction(end =>
                {
                    if (serilog.SectionsUnread)
                    {
                        return;
                    }

                    foreach (var file in files.Files)
                    {
                        AnalyzeFile(file, files, compilation, options, end.ReportDiagnostic, serilogSections: true, otherSections: false, end.CancellationToken);
                    }
                });
            }
        }

        private static void AnalyzeFile(
            AdditionalText file,
            LoggingConfigFiles files,
            Compilation compilation,
            AnalyzerOptions options,
            Action<Diagnostic> report,
            bool serilogSections,
            bool otherSections,
            System.Threading.CancellationToken cancellationToken)
        {
            var model = files.GetModel(file, cancellationToken);
            if (model is null)
            {
                return;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return;
            }

            if (model.Error is not null)
            {
                if (!otherSections)
                {
                    return;
                }

                var position = Math.Max(0, Math.Min(model.ErrorPosition, text.Length));
                var span = position < text.Length ? new TextSpan(position, 1) : new TextSpan(position, 0);
                report(Diagnostic.Create(
                    Descriptors.PM0001ConfigFileUnreadable,
                    LoggingConfigFiles.CreateLocation(file.Path, text, span),
                    LoggingConfigReader.FileName(file.Path),
                    model.Format,
                    model.Error.TrimEnd('.')));
                return;
            }

            if (model.Sections.Count == 0)
            {
                return;
            }

            var host = HostModel.ResolveForAdditionalFile(options, file, compilation, files.HostSignals);
            var findings = new List<ConfigFinding>();
            foreach (var section in model.Sections)
            {
                if (!(section.Library == LogLibrary.Serilog ? serilogSections : otherSections) ||
                    !files.ReadsSection(section, serilogSectionsUnread: false))
                {
                    continue;
                }

                foreach (var sink in section.Sinks)
                {
                    ConfigSinkRules.Evaluate(sink, host, files.NLog, findings);
                }
            }

            foreach (var finding in findings)
            {
                var location = LoggingConfigFiles.CreateLocation(file.Path, text, finding.Span);
                report(finding.Severity is { } severity
                    ? Diagnostic.Create(finding.Descriptor, location, severity, additionalLocations: null, properties: null, finding.Arguments)
                    : Diagnostic.Create(finding.Descriptor, location, finding.Arguments));
            }
        }
    }
}
