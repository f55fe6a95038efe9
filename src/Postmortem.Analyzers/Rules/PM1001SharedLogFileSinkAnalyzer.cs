using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM1001: a file log sink (Serilog WriteTo.File/RollingFile/AuditTo.File, NLog FileTarget/WriteToFile, log4net
    /// FileAppender/RollingFileAppender) that several worker processes write without coordination (the first incident).
    /// Only in projects that run as several processes (<see cref="HostModel"/>); the facts live in <see cref="LogSinkModel"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM1001SharedLogFileSinkAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM1001SharedLogFileSink;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

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
                // In a project where no file runs in several processes no sink is looked for.
                if (!HostModel.AnyMultiProcess(start.Compilation, start.Options, start.CancellationToken, out var webConfig))
                {
                    return;
                }

                code.Register(start, (c, site) =>
                {
                    var host = HostModel.Resolve(c.Options, c.Operation.Syntax.SyntaxTree, webConfig);
                    if (host.IsMultiProcess)
                    {
                        LogSinkCode.Report(c, site, Rule, host.Reason);
                    }
                });
            });
        }
    }
}
