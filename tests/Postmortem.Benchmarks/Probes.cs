// Probes that exist only to be measured next to our analyzers: the rules for shipping analyzers do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Benchmarks
{
    /// <summary>
    /// Analyzers that do no analysis, run in our driver with <c>--probes</c> to split a rule's time into what the driver
    /// charges any rule of its shape and what the rule's own work costs. They are not ours: they are left out of our
    /// totals and printed apart.
    /// </summary>
    internal static class Probes
    {
        public const string DispatchId = "PROBE1";
        public const string ReportId = "PROBE2";

        public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(
            new CallbackProbe(DispatchId, "Probe: the driver's callbacks", reports: false),
            new CallbackProbe(ReportId, "Probe: the driver's handling of reported diagnostics", reports: true));

        /// <summary>
        /// An action on every invocation and object creation (what PM2001 and PM2002 listen to, and PM1001, PM2003, PM3005
        /// among others). Without <c>reports</c> it returns at once: the driver's cost per callback, the floor of any rule
        /// of that shape. With it, it reports on about one callback in 8 (chosen by a hash of the position, no symbol
        /// read): beyond the first probe's time, what the driver charges per reported diagnostic (its checks, the
        /// #pragma and severity filter, the queue), which a rule pays for each finding on top of its analysis.
        /// </summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class CallbackProbe : DiagnosticAnalyzer
        {
            private readonly DiagnosticDescriptor _rule;
            private readonly bool _reports;

            public CallbackProbe(string id, string title, bool reports)
            {
                _rule = new DiagnosticDescriptor(id, title, title, "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);
                _reports = reports;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
                if (!_reports)
                {
                    context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
                    return;
                }

                context.RegisterOperationAction(
                    c =>
                    {
                        var syntax = c.Operation.Syntax;
                        if (unchecked((uint)syntax.SpanStart * 2654435761u) >> 29 == 0)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(_rule, syntax.GetLocation()));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
            }
        }
    }
}
