using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Postmortem.CodeFixes
{
    /// <summary>
    /// Loggers of one's own, for the fixes that must not make one throw: its callers log from everywhere (request handlers,
    /// click handlers, start-up), so an exception thrown in it turns a full disk or a full queue into a failure of each of
    /// them (PM3001's Rethrow, real-world round 9: a WinForms app's logger; PM3003's throw, round 17: a Serilog sink).
    /// </summary>
    internal static class LoggerTypes
    {
        private const string SerilogSink = "Serilog.Core.ILogEventSink";

        private static readonly ImmutableHashSet<string> LoggingExtensionPoints = ImmutableHashSet.Create(
            "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.ILoggerProvider", SerilogSink,
            "NLog.Targets.Target", "log4net.Appender.IAppender", "System.Diagnostics.TraceListener");

        /// <summary>
        /// Is the node in a logger of one's own: a type (or one it is nested in) that implements or derives from a logging
        /// library's extension point (an ILogger or ILoggerProvider, a Serilog sink, an NLog target, a log4net appender, a
        /// TraceListener), or is named as one (<c>…Logger</c>, <c>…Log</c>, <c>…LogWriter</c>, <c>…Sink</c>, <c>…Appender</c>)?
        /// </summary>
        public static bool IsInALogger(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var type = DeclaredType(node, model, cancellationToken); type is not null; type = type.ContainingType)
            {
                if (type.Name.EndsWith("Logger", System.StringComparison.Ordinal) || type.Name.EndsWith("Log", System.StringComparison.Ordinal) ||
                    type.Name.EndsWith("LogWriter", System.StringComparison.Ordinal) || type.Name.EndsWith("Sink", System.StringComparison.Ordinal) ||
                    type.Name.EndsWith("Appender", System.StringComparison.Ordinal))
                {
                    return true;
                }

                if (type.AllInterfaces.Any(i => LoggingExtensionPoints.Contains(i.OriginalDefinition.ToDisplayString())))
                {
                    return true;
                }

                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (LoggingExtensionPoints.Contains(baseType.OriginalDefinition.ToDisplayString()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Is the node in a Serilog sink (a type, or one it is nested in, implementing <c>ILogEventSink</c>), whose
        /// own failures and drops go to Serilog's <c>SelfLog</c>?</summary>
        public static bool IsInASerilogSink(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var type = DeclaredType(node, model, cancellationToken); type is not null; type = type.ContainingType)
            {
                if (type.AllInterfaces.Any(i => i.ToDisplayString() == SerilogSink))
                {
                    return true;
                }
            }

            return false;
        }

        private static INamedTypeSymbol? DeclaredType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
            => node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } declaration
                ? model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol
                : null;
    }
}
