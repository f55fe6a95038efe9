using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM2003: a file log sink that never deletes its files (Serilog retainedFileCountLimit: null, an unbounded file that
    /// never rolls; NLog archives or date-named files without a limit; log4net negative MaxSizeRollBackups), and, as Info,
    /// a process id in a file name (each process's files outlive it). The facts live in <see cref="LogSinkModel"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM2003LogFilesNeverDeletedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM2003LogFilesNeverDeleted;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var code = LogSinkCode.Create(start.Compilation);
                code?.Register(start, (c, site) => LogSinkCode.Report(c, site, Rule, multiProcessReason: null));
            });
        }
    }
}
