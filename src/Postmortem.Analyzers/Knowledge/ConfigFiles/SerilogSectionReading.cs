using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge.ConfigFiles
{
    /// <summary>
    /// Is the Serilog section of appsettings.json read? Serilog.Settings.Configuration reads it, through
    /// <c>ReadFrom.Configuration(…)</c>, and nothing else does (see <see cref="LoggingConfigFiles.ReadsSection"/> for the
    /// reference). A project that adds Serilog's sinks in code (<c>new LoggerConfiguration().WriteTo.File(…)</c>, or in
    /// <c>UseSerilog((ctx, lc) =&gt; lc.WriteTo…)</c>) and never calls <c>ReadFrom.Configuration</c> leaves the section
    /// unread: a template's leftover, which configures nothing (real-world round 10, found twice). A project that
    /// configures no sink in code is taken to read it elsewhere (a library of its own may call ReadFrom.Configuration),
    /// and its section is judged. The answer holds at the compilation's end. One instance per analyzer and compilation.
    /// </summary>
    /// <remarks>
    /// A sink added in code is a call written <c>….WriteTo.Name(…)</c> on Serilog's <c>LoggerSinkConfiguration</c>; a read is
    /// a call of Serilog.Settings.Configuration's <c>Configuration(…)</c>. Both count only in files that name
    /// <c>ReadFrom</c>, <c>WriteTo</c>, <c>LoggerSettingsConfiguration</c> or <c>ConfigurationLoggerConfigurationExtensions</c>
    /// (one of them is written wherever such a call is made), so that the two analyzers that ask see the same calls
    /// whichever way they look: the configuration-file analyzer only at the types of such files (<see cref="Register"/>),
    /// PM3004 at every call it already looks at (<see cref="Observe"/>: a name or a syntax check first, the file's text
    /// searched only for a call that passes it).
    /// </remarks>
    internal sealed class SerilogSectionReading
    {
        private static readonly string[] Words = { "ReadFrom", "WriteTo", "LoggerSettingsConfiguration", "ConfigurationLoggerConfigurationExtensions" };

        private readonly INamedTypeSymbol _settingsExtensions;
        private readonly INamedTypeSymbol? _sinkConfiguration;
        private readonly FilesNaming _files = new FilesNaming(Words);
        private int _readsConfiguration;
        private int _sinksInCode;

        private SerilogSectionReading(INamedTypeSymbol settingsExtensions, INamedTypeSymbol? sinkConfiguration)
        {
            _settingsExtensions = settingsExtensions;
            _sinkConfiguration = sinkConfiguration;
        }

        /// <summary>Null unless a Serilog section with sinks would be judged (so the question matters).</summary>
        public static SerilogSectionReading? Create(Compilation compilation, LoggingConfigFiles files, CancellationToken cancellationToken)
        {
            if (files.SerilogSettingsExtensions is not { } settingsExtensions || !files.HasSerilogSinkSection(cancellationToken))
            {
                return null;
            }

            return new SerilogSectionReading(settingsExtensions, TypeLookup.Get(compilation, "Serilog.Configuration.LoggerSinkConfiguration"));
        }

        /// <summary>Looks at the calls of the types whose files name one of the words (for an analyzer with no action on every call).</summary>
        public void Register(CompilationStartAnalysisContext start)
            => _files.RegisterOperationActionInTypesNaming(start, c => Observe((IInvocationOperation)c.Operation, c.CancellationToken), OperationKind.Invocation);

        /// <summary>At the compilation's end: sinks are added in code and nothing reads the configuration.</summary>
        public bool SectionsUnread => Volatile.Read(ref _sinksInCode) != 0 && Volatile.Read(ref _readsConfiguration) == 0;

        /// <summary>Notes a read or a sink added in code, for any call (the cheap checks first).</summary>
        public void Observe(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "Configuration")
            {
                if (SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _settingsExtensions) &&
                    _files.Names(invocation.Syntax.SyntaxTree, cancellationToken))
                {
                    Volatile.Write(ref _readsConfiguration, 1);
                }
            }
            else if (_sinkConfiguration is not null && Volatile.Read(ref _sinksInCode) == 0 &&
                     invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WriteTo" } } } &&
                     IsOnSinkConfiguration(method.ReducedFrom ?? method) &&
                     _files.Names(invocation.Syntax.SyntaxTree, cancellationToken))
            {
                Volatile.Write(ref _sinksInCode, 1);
            }
        }

        private bool IsOnSinkConfiguration(IMethodSymbol method)
            => method.IsExtensionMethod
                ? method.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _sinkConfiguration)
                : SymbolEqualityComparer.Default.Equals(method.ContainingType, _sinkConfiguration);
    }
}
