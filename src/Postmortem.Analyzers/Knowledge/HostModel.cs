using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Does the project run as several worker processes? From <c>postmortem.worker_processes</c>
    /// (.editorconfig/.globalconfig), else the MSBuild property <c>PostmortemWorkerProcesses</c>,
    /// else <c>auto</c>: multiple for ASP.NET Core (Web SDK) projects, class libraries of ASP.NET Core apps and projects
    /// whose web.config runs several processes, single otherwise.
    /// </summary>
    internal readonly partial struct HostModel
    {
        public const string OptionKey = "postmortem.worker_processes";
        public const string MsBuildProperty = "build_property.PostmortemWorkerProcesses";
        public const string WebSdkProperty = "build_property.UsingMicrosoftNETSdkWeb";

        private HostModel(bool isMultiProcess, string reason)
        {
            IsMultiProcess = isMultiProcess;
            Reason = reason;
        }

        public bool IsMultiProcess { get; }

        /// <summary>Why the project counts as multi-process, and how to declare otherwise (for messages).</summary>
        public string Reason { get; }

        public static HostModel Resolve(AnalyzerOptions options, SyntaxTree? tree)
            => Resolve(options, tree, HostSignals.None);

        /// <summary>
        /// As <see cref="Resolve(AnalyzerOptions, SyntaxTree?)"/>, and under <c>auto</c> a web.config that runs several
        /// processes, or a class library of ASP.NET Core apps (<see cref="HostSignals"/>, read once per compilation with
        /// <see cref="ReadHostSignals"/>), makes the project multi-process even outside the Web SDK.
        /// </summary>
        public static HostModel Resolve(AnalyzerOptions options, SyntaxTree? tree, HostSignals signals)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            string? perFile = null;
            if (tree is not null)
            {
                provider.GetOptions(tree).TryGetValue(OptionKey, out perFile);
            }

            return Resolve(provider.GlobalOptions, perFile, signals);
        }

        /// <summary>
        /// Does any source file of the compilation run in several worker processes (<see cref="Resolve(AnalyzerOptions, SyntaxTree?, HostSignals)"/>
        /// file by file: an .editorconfig section may declare some files <c>multiple</c>)? When none does, a rule that
        /// reports only there registers nothing: a console app or a library pays for this loop over its files' options only.
        /// </summary>
        /// <param name="signals">The project's signals read once for the compilation (<see cref="ReadHostSignals"/>),
        /// for the rule to resolve each site's file with.</param>
        public static bool AnyMultiProcess(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken, out HostSignals signals)
        {
            signals = ReadHostSignals(compilation, options, cancellationToken);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Resolve(options, tree, signals).IsMultiProcess)
                {
                    return true;
                }
            }

            return false;
        }

        private static HostModel Resolve(AnalyzerConfigOptions global, string? perFile, HostSignals signals)
        {
            string? value = null;
            if (perFile is not null)
            {
                value = perFile;
            }
            else if (global.TryGetValue(OptionKey, out var globalValue))
            {
                value = globalValue;
            }
            else if (global.TryGetValue(MsBuildProperty, out var property))
            {
                value = property;
            }

            switch (value?.Trim().ToLowerInvariant())
            {
                case "multiple":
                    return new HostModel(true, "The project declares several worker processes (postmortem.worker_processes = multiple)");
                case "single":
                    return new HostModel(false, "The project declares a single process (postmortem.worker_processes = single)");
            }

            if (signals.ProcessesPerApplication > 1)
            {
                return new HostModel(true, signals.Reason);
            }

            if (global.TryGetValue(WebSdkProperty, out var web) && string.Equals(web?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return new HostModel(
                    true,
                    "This ASP.NET Core project can run as several worker processes (IIS overlapped recycling, web gardens, scale-out on shared storage); " +
                    "if it never does, set postmortem.worker_processes = single in .editorconfig");
            }

            if (signals.IisHosted)
            {
                return new HostModel(true, signals.Reason);
            }

            if (signals.AspNetCoreLibrary)
            {
                return new HostModel(
                    true,
                    "This class library references ASP.NET Core, so its code runs in web apps, which can run as several worker processes " +
                    "(IIS overlapped recycling, web gardens, scale-out on shared storage); if they never do, set postmortem.worker_processes = single in .editorconfig");
            }

            return new HostModel(false, "The project is not a web project, so it counts as a single process (postmortem.worker_processes = auto)");
        }
    }
}
