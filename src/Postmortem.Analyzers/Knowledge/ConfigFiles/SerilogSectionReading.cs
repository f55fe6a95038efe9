using System.Threading;
using Microsoft.CodeAnalysis;
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
    /// and its section is judged. Both calls are seen in the types whose files name <c>ReadFrom</c>, <c>WriteTo</c>,
    /// <c>LoggerSettingsConfiguration</c> or <c>LoggerSinkConfiguration</c> (one of them is written wherever such a call
    /// is made); the answer holds at the compilation's end. One instance per analyzer and compilation.
    /// </summary>
    internal sealed class SerilogSectionReading
    {
        private static readonly string[] Words = { "ReadFrom", "WriteTo", "LoggerSettingsConfiguration", "LoggerSinkConfiguration" };

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
            if (!files.HasSerilogSinkSection(cancellationToken) ||
                TypeLookup.Get(compilation, "Serilog.ConfigurationLoggerConfigurationExtensions") is not { } settingsExtensions)
            {
                return null;
            }

            return new SerilogSectionReading(settingsExtensions, TypeLookup.Get(compilation, "Serilog.Configuration.LoggerSinkConfiguration"));
        }

        /// <summary>Looks at the calls of the types whose files name one of the words.</summary>
        public void Register(CompilationStartAnalysisContext start)
            => _files.RegisterOperationActionInTypesNaming(start, c => Observe((IInvocationOperation)c.Operation), OperationKind.Invocation);

        /// <summary>At the compilation's end: sinks are added in code and nothing reads the configuration.</summary>
        public bool SectionsUnread => Volatile.Read(ref _sinksInCode) != 0 && Volatile.Read(ref _readsConfiguration) == 0;

        private void Observe(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (method.Name == "Configuration" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _settingsExtensions))
            {
                Volatile.Write(ref _readsConfiguration, 1);
            }
            else if (_sinkConfiguration is not null &&
                     (method.IsExtensionMethod
                         ? method.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _sinkConfiguration)
                         : SymbolEqualityComparer.Default.Equals(method.ContainingType, _sinkConfiguration)))
            {
                Volatile.Write(ref _sinksInCode, 1);
            }
        }
    }
}
