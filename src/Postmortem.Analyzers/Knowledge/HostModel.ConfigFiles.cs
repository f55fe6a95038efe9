using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Postmortem.Analyzers.Knowledge.ConfigFiles;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// What a project's web.config says about its worker processes: <c>&lt;aspNetCore processesPerApplication="N"&gt;</c>
    /// with N &gt; 1 (the ASP.NET Core Module starts N processes), or an IIS-hosted app (&lt;system.webServer&gt; /
    /// &lt;system.web&gt;), where overlapped recycling alone runs two workers at once.
    /// </summary>
    internal readonly struct WebConfigSignal
    {
        public static readonly WebConfigSignal None = default;

        public WebConfigSignal(int processesPerApplication, bool iisHosted, string? path)
        {
            ProcessesPerApplication = processesPerApplication;
            IisHosted = iisHosted;
            Path = path;
        }

        public int ProcessesPerApplication { get; }

        public bool IisHosted { get; }

        public string? Path { get; }

        public bool MakesMultiProcess => ProcessesPerApplication > 1 || IisHosted;

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
        /// Reads the project's web.config files among the additional files (the package adds them). Call once per
        /// compilation (e.g. in a compilation start action) and pass the result to
        /// <see cref="Resolve(AnalyzerOptions, SyntaxTree?, WebConfigSignal)"/>.
        /// </summary>
        public static WebConfigSignal ReadWebConfigSignal(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var signal = WebConfigSignal.None;
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

        internal static WebConfigSignal Combine(WebConfigSignal signal, ConfigFileModel model)
        {
            if (model.Kind != ConfigFileKind.WebConfig)
            {
                return signal;
            }

            if (model.ProcessesPerApplication > 1 && model.ProcessesPerApplication > signal.ProcessesPerApplication)
            {
                return new WebConfigSignal(model.ProcessesPerApplication, signal.IisHosted || model.IisHosted, model.Path);
            }

            if (model.IisHosted && !signal.MakesMultiProcess)
            {
                return new WebConfigSignal(signal.ProcessesPerApplication, true, model.Path);
            }

            return signal;
        }

        /// <summary>
        /// The host model for a configuration file. <c>postmortem.worker_processes</c> is looked up in the options that
        /// apply to the file itself (.editorconfig <c>[*]</c>, .globalconfig), then in those of the project's C# files
        /// (users usually write it under <c>[*.cs]</c>), then the MSBuild property; then <c>auto</c> as in code.
        /// </summary>
        public static HostModel ResolveForAdditionalFile(AnalyzerOptions options, AdditionalText file, Compilation compilation, WebConfigSignal webConfig)
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

            return Resolve(provider.GlobalOptions, value, webConfig);
        }
    }
}
