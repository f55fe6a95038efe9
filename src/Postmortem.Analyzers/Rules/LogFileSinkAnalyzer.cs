using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// The file log sinks in code (Serilog WriteTo.File/RollingFile/AuditTo.File, NLog FileTarget/WriteToFile, log4net
    /// FileAppender/RollingFileAppender), judged by <see cref="LogSinkModel"/> for three rules at once, as the
    /// configuration-file analyzer judges the sinks of appsettings.json, nlog.config and log4net.config:
    /// <list type="bullet">
    /// <item>PM1001: a sink that several worker processes write without coordination (the first incident); only in
    /// projects that run as several processes (<see cref="HostModel"/>);</item>
    /// <item>PM2003: a sink that never deletes its files (Serilog retainedFileCountLimit: null, an unbounded file that never
    /// rolls; NLog archives or date-named files without a limit; log4net negative MaxSizeRollBackups or rolling by date;
    /// ZLogger's AddZLoggerRollingFile, which deletes nothing), and, as Info, a
    /// process id in a file name;</item>
    /// <item>PM3005: a sink that loses records at its size limit: Serilog WriteTo.File with a size limit (1 GB by default)
    /// and without rollOnFileSizeLimit: true, which stops writing; a log4net RollingFileAppender rolling by size with
    /// MaxSizeRollBackups left at 0, which truncates its file; an NLog 6 FileTarget archiving by size with MaxArchiveFiles
    /// = 0, which keeps no archive.</item>
    /// </list>
    /// One analyzer reads each sink once and costs the driver one callback per call and creation instead of three
    /// (docs/performance-history.md, thirteenth session); `dotnet format analyzers` still applies each rule's fixes (PostmortemCodeFixProvider answers
    /// the other rules' diagnostics it is handed).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LogFileSinkAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => LogSinkModel.Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var code = LogSinkCode.Create(start.Compilation);
                if (code is null)
                {
                    return;
                }

                // A web.config with processesPerApplication > 1 (or IIS hosting) makes `auto` multi-process: read it once.
                // In a project where no file runs in several processes PM1001 is not looked for.
                var anyMultiProcess = HostModel.AnyMultiProcess(start.Compilation, start.Options, start.CancellationToken, out var signals);
                code.Register(start, (c, site) =>
                {
                    string? reason = null;
                    if (anyMultiProcess)
                    {
                        var host = HostModel.Resolve(c.Options, c.Operation.Syntax.SyntaxTree, signals);
                        reason = host.IsMultiProcess ? host.Reason : null;
                    }

                    LogSinkCode.Report(c, site, reason);
                });
            });
        }
    }
}
