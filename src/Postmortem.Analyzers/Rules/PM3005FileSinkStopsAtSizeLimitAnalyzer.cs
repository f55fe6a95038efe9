using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3005: Serilog <c>WriteTo.File</c> with a size limit (1 GB by default) and without <c>rollOnFileSizeLimit: true</c>
    /// stops writing when the file reaches the limit, and says so only to SelfLog. <c>AuditTo.File</c> has no limit.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM3005FileSinkStopsAtSizeLimitAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3005FileSinkStopsAtSizeLimit;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var code = LogSinkCode.Create(start.Compilation);
                code?.Register(start, (c, site) => LogSinkCode.Report(c, site, Rule, multiProcessReason: null), serilogOnly: true);
            });
        }
    }
}
