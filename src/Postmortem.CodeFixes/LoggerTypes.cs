using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes
{
    /// <summary>
    /// Loggers of one's own, for the fixes that must not make one throw: its callers log from everywhere (request handlers,
    /// click handlers, start-up), so an exception thrown in it turns a full disk or a full queue into a failure of each of
    /// them (PM3001's Rethrow, real-world round 9: a WinForms app's logger; PM3003's throw, round 17: a Serilog sink).
    /// </summary>
    internal static class LoggerTypes
    {
        /// <summary>Serilog's sinks: <c>ILogEventSink</c>, and the batched ones of Serilog 4 and of Serilog.Sinks.PeriodicBatching.</summary>
        private static readonly ImmutableHashSet<string> SerilogSinks = ImmutableHashSet.Create(
            "Serilog.Core.ILogEventSink", "Serilog.Core.IBatchedLogEventSink", "Serilog.Sinks.PeriodicBatching.IBatchedLogEventSink");

        private static readonly ImmutableHashSet<string> LoggingExtensionPoints = SerilogSinks.Union(new[]
        {
            "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.ILoggerProvider",
            "NLog.Targets.Target", "log4net.Appender.IAppender", "System.Diagnostics.TraceListener",
        });

        /// <summary>
        /// Is the node in a logger of one's own: a type (or one it is nested in) that implements or derives from a logging
        /// library's extension point (an ILogger or ILoggerProvider, a Serilog sink, an NLog target, a log4net appender, a
        /// TraceListener), or, with <paramref name="byName"/>, is named as one (<c>…Logger</c>, <c>…Log</c>, <c>…LogWriter</c>,
        /// <c>…Sink</c>, <c>…Appender</c>)? The names suit a catch around a file write (PM3001); a queue in a type named
        /// <c>EventSink</c> or <c>CommitLog</c> is as often a data pipeline's, where refusing loudly is right (PM3003).
        /// </summary>
        public static bool IsInALogger(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, bool byName = true)
            => AnyEnclosingType(node, model, cancellationToken, type =>
                (byName && IsNamedAsALogger(type.Name)) || Extends(type, LoggingExtensionPoints));

        /// <summary>
        /// Is the node in a type (or one it is nested in) named <c>…Logger</c>: a logger of one's own that implements no
        /// library's extension point, whose callers log through it (real-world round 26: TPW_'s <c>DiagnosticsLogger.Log</c>,
        /// queueing lines for a writer thread)? Only that name: a <c>…Log</c> or <c>…Sink</c> is as often a data pipeline's.
        /// </summary>
        public static bool IsInATypeNamedLogger(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
            => AnyEnclosingType(node, model, cancellationToken, type => type.Name.EndsWith("Logger", System.StringComparison.Ordinal));

        /// <summary>Is the node in a Serilog sink (a type, or one it is nested in, implementing <c>ILogEventSink</c> or a
        /// batched sink's interface), whose own failures and drops go to Serilog's <c>SelfLog</c>?</summary>
        public static bool IsInASerilogSink(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
            => AnyEnclosingType(node, model, cancellationToken, type => Extends(type, SerilogSinks));

        /// <summary>
        /// Is the node in a method that a logger of one's own calls, directly or through an interface or base method it
        /// implements: a store or queue the logger writes to (real-world round 23: XRoadFolk's <c>FileBackedHttpLogStore.Add</c>,
        /// called only by its <c>ILogger</c>'s <c>Log</c>)? Every type of the compilation that extends a logging library's
        /// extension point is read (only those; their calls named as the method first). A fix asks this once, when offered.
        /// </summary>
        public static bool IsCalledByALogger(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = EnclosingMethod(node, model, cancellationToken);
            if (method is null)
            {
                return false;
            }

            // The method, and the methods of one's own it implements or overrides, through which a call may reach it. Not a
            // framework's (TextWriter.WriteLine, an interface of the runtime): a logger calling it on another object (a
            // TraceListener writing to Console.Out) does not call this one (the session's review).
            var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            AddWithContracts(method, targets);

            var compilation = model.Compilation;
            AddCallersInOwnType(method.ContainingType, targets, model, cancellationToken);

            // Calls are matched by name first: an explicit implementation (`void IEntryStore.Add`) is called by its interface
            // method's name, a target above.
            var names = new HashSet<string>(targets.Select(target => target.Name), System.StringComparer.Ordinal);

            foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is not INamedTypeSymbol type || SymbolEqualityComparer.Default.Equals(type, method.ContainingType) ||
                    !Extends(type, LoggingExtensionPoints))
                {
                    continue;
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    SemanticModel? declarationModel = null;
                    foreach (var invocation in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (OperationFacts.CalledName(invocation) is not { } name ||
                            !names.Contains(name.Identifier.ValueText))
                        {
                            continue;
                        }

                        declarationModel ??= declaration.SyntaxTree == model.SyntaxTree ? model : compilation.GetSemanticModel(declaration.SyntaxTree);
                        // An extension method is called in its reduced form (buffer.Push(line)): its definition is the static one.
                        if (declarationModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called &&
                            targets.Contains((called.ReducedFrom ?? called).OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>A method and the methods of one's own (declared in source) it overrides or implements: a call through
        /// any of them may reach it.</summary>
        private static void AddWithContracts(IMethodSymbol method, HashSet<IMethodSymbol> targets)
        {
            targets.Add(method.OriginalDefinition);
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                AddIfInSource(overridden);
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                AddIfInSource(implemented);
            }

            if (method.ContainingType is { } owner)
            {
                foreach (var contract in owner.AllInterfaces)
                {
                    foreach (var member in contract.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol candidate &&
                            SymbolEqualityComparer.Default.Equals(owner.FindImplementationForInterfaceMember(candidate), method))
                        {
                            AddIfInSource(candidate);
                        }
                    }
                }
            }

            void AddIfInSource(IMethodSymbol candidate)
            {
                if (candidate.Locations.Any(location => location.IsInSource))
                {
                    targets.Add(candidate.OriginalDefinition);
                }
            }
        }

        /// <summary>
        /// The methods of the same type that call one of the targets, a few calls up: a writer's private helpers
        /// (<c>EnsureWriter</c>, <c>RollOver</c>) are reached from the logger through the writer's own <c>WriteLine</c>
        /// (real-world round 31: a rolling file logger's writer, whose failures a rethrow would have sent into every caller
        /// that logs). Calls matched by name first.
        /// </summary>
        private static void AddCallersInOwnType(INamedTypeSymbol? type, HashSet<IMethodSymbol> targets, SemanticModel model, CancellationToken cancellationToken)
        {
            if (type is null)
            {
                return;
            }

            for (var depth = 0; depth < 3; depth++)
            {
                var names = new HashSet<string>(targets.Select(target => target.Name), System.StringComparer.Ordinal);
                var added = false;
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    var declarationModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
                    foreach (var caller in declaration.DescendantNodes().OfType<MethodDeclarationSyntax>())
                    {
                        if (declarationModel.GetDeclaredSymbol(caller, cancellationToken) is not IMethodSymbol callerSymbol ||
                            !SymbolEqualityComparer.Default.Equals(callerSymbol.ContainingType, type) ||
                            targets.Contains(callerSymbol.OriginalDefinition))
                        {
                            continue;
                        }

                        foreach (var invocation in caller.DescendantNodes().OfType<InvocationExpressionSyntax>())
                        {
                            if (OperationFacts.CalledName(invocation) is { } name && names.Contains(name.Identifier.ValueText) &&
                                declarationModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called &&
                                targets.Contains(called.OriginalDefinition))
                            {
                                // A writer behind an interface is called through the interface's method (the review).
                                AddWithContracts(callerSymbol, targets);
                                added = true;
                                break;
                            }
                        }
                    }
                }

                if (!added)
                {
                    return;
                }
            }
        }

        /// <summary>The method (not a lambda or local function) the node is in.</summary>
        private static IMethodSymbol? EnclosingMethod(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method)
                {
                    return method;
                }

                if (symbol is not IMethodSymbol)
                {
                    return null;
                }
            }

            return null;
        }

        private static bool IsNamedAsALogger(string name)
            => name.EndsWith("Logger", System.StringComparison.Ordinal) || name.EndsWith("Log", System.StringComparison.Ordinal) ||
               name.EndsWith("LogWriter", System.StringComparison.Ordinal) || name.EndsWith("Sink", System.StringComparison.Ordinal) ||
               name.EndsWith("Appender", System.StringComparison.Ordinal);

        /// <summary>The simple names of <see cref="LoggingExtensionPoints"/>: compared first, so that the full name is made only
        /// for a type named like one (every type of a compilation is asked, by <see cref="IsCalledByALogger"/>).</summary>
        private static readonly ImmutableHashSet<string> ExtensionPointNames =
            LoggingExtensionPoints.Select(name => name.Substring(name.LastIndexOf('.') + 1)).ToImmutableHashSet();

        /// <summary>Does the type implement one of the interfaces, or derive from one of the classes?</summary>
        private static bool Extends(INamedTypeSymbol type, ImmutableHashSet<string> names)
        {
            if (type.AllInterfaces.Any(i => ExtensionPointNames.Contains(i.Name) && names.Contains(i.OriginalDefinition.ToDisplayString())))
            {
                return true;
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (ExtensionPointNames.Contains(baseType.Name) && names.Contains(baseType.OriginalDefinition.ToDisplayString()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The node's type and the types it is nested in.</summary>
        private static bool AnyEnclosingType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, System.Func<INamedTypeSymbol, bool> predicate)
        {
            for (var type = DeclaredType(node, model, cancellationToken); type is not null; type = type.ContainingType)
            {
                if (predicate(type))
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
