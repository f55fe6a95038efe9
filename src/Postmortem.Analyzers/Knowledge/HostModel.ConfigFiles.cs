using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge.ConfigFiles;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// What the project itself says about its worker processes, read once per compilation: its web.config
    /// (<c>&lt;aspNetCore processesPerApplication="N"&gt;</c> with N &gt; 1, the ASP.NET Core Module starting N processes,
    /// or an IIS-hosted app, &lt;system.webServer&gt; / &lt;system.web&gt;, where overlapped recycling alone runs two workers
    /// at once), and whether it is a class library of ASP.NET Core apps (<see cref="HostModel.IsAspNetCoreLibrary"/>).
    /// </summary>
    internal readonly struct HostSignals
    {
        public static readonly HostSignals None = default;

        public HostSignals(int processesPerApplication, bool iisHosted, string? path, bool aspNetCoreLibrary = false)
        {
            ProcessesPerApplication = processesPerApplication;
            IisHosted = iisHosted;
            Path = path;
            AspNetCoreLibrary = aspNetCoreLibrary;
        }

        public int ProcessesPerApplication { get; }

        public bool IisHosted { get; }

        public string? Path { get; }

        /// <summary>A class library that references ASP.NET Core's host (<see cref="HostModel.IsAspNetCoreLibrary"/>).</summary>
        public bool AspNetCoreLibrary { get; }

        public bool MakesMultiProcess => ProcessesPerApplication > 1 || IisHosted;

        public HostSignals WithAspNetCoreLibrary(bool aspNetCoreLibrary)
            => new HostSignals(ProcessesPerApplication, IisHosted, Path, aspNetCoreLibrary);

        /// <summary>Why web.config makes the project multi-process (when <see cref="MakesMultiProcess"/>).</summary>
        public string Reason
        {
            get
            {
                var file = Path is null ? "web.config" : LoggingConfigReader.FileName(Path);
                if (ProcessesPerApplication > 1)
                {
                    return $"The project's {file} sets <aspNetCore processesPerApplication=\"{ProcessesPerApplication}\">, so the ASP.NET Core Module runs " +
                           $"{ProcessesPerApplication} worker processes at once; if it never does, set postmortem.worker_processes = single in .editorconfig";
                }

                return $"The project's {file} configures IIS (<system.webServer> or <system.web>), and IIS overlapped recycling runs an old and a new worker process at once; " +
                       "if the app is never hosted by IIS, set postmortem.worker_processes = single in .editorconfig";
            }
        }
    }

    internal readonly partial struct HostModel
    {
        /// <summary>
        /// Reads the project's web.config files among the additional files (the package adds them), and whether the
        /// compilation is an ASP.NET Core class library. Call once per compilation (e.g. in a compilation start action)
        /// and pass the result to <see cref="Resolve(AnalyzerOptions, SyntaxTree?, HostSignals)"/>.
        /// </summary>
        public static HostSignals ReadHostSignals(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            => ReadWebConfigs(options, cancellationToken).WithAspNetCoreLibrary(IsAspNetCoreLibrary(compilation));

        /// <summary>
        /// A class library (not an app: a console app, worker service or test project counts as one process under
        /// <c>auto</c>) that references the assembly holding ASP.NET Core's host (<c>Microsoft.AspNetCore</c>:
        /// <c>WebApplication</c>, <c>WebHost</c>), as a <c>FrameworkReference</c> to <c>Microsoft.AspNetCore.App</c>
        /// gives it. Its code runs inside the web apps that reference it: a logging setup in such a library (an
        /// "Infrastructure" or "Components" project) runs in every worker process of the app.
        /// </summary>
        public static bool IsAspNetCoreLibrary(Compilation compilation)
        {
            if (compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary)
            {
                return false;
            }

            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                if (name.Name == "Microsoft.AspNetCore")
                {
                    return true;
                }
            }

            return false;
        }

        private static HostSignals ReadWebConfigs(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var signal = HostSignals.None;
            foreach (var file in options.AdditionalFiles)
            {
                if (LoggingConfigReader.Classify(file.Path) != ConfigFileKind.WebConfig)
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                var model = LoggingConfigReader.Read(file.Path, ConfigFileKind.WebConfig, text, cancellationToken);
                signal = Combine(signal, model);
            }

            return signal;
        }

        internal static HostSignals Combine(HostSignals signal, ConfigFileModel model)
        {
            if (model.Kind != ConfigFileKind.WebConfig)
            {
                return signal;
            }

            if (model.ProcessesPerApplication > 1 && model.ProcessesPerApplication > signal.ProcessesPerApplication)
            {
                return new HostSignals(model.ProcessesPerApplication, signal.IisHosted || model.IisHosted, model.Path, signal.AspNetCoreLibrary);
            }

            if (model.IisHosted && !signal.MakesMultiProcess)
            {
                return new HostSignals(signal.ProcessesPerApplication, true, model.Path, signal.AspNetCoreLibrary);
            }

            return signal;
        }

        /// <summary>
        /// The host model for a configuration file. <c>postmortem.worker_processes</c> is looked up in the options that
        /// apply to the file itself (.editorconfig <c>[*]</c>, .globalconfig), then in those of the project's C# files
        /// (users usually write it under <c>[*.cs]</c>), then the MSBuild property; then <c>auto</c> as in code.
        /// </summary>
        public static HostModel ResolveForAdditionalFile(AnalyzerOptions options, AdditionalText file, Compilation compilation, HostSignals signals)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (!provider.GetOptions(file).TryGetValue(OptionKey, out var value))
            {
                value = null;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (provider.GetOptions(tree).TryGetValue(OptionKey, out var fromTree))
                    {
                        value = fromTree;
                        break;
                    }
                }
            }

            return Resolve(provider.GlobalOptions, value, signals);
        }
    }
}
