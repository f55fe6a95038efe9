using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Does anyone see what the application writes to its console? Not in a Windows GUI application (WinExe: WPF,
    /// WinForms), known when the compilation starts; and not in a Windows service, known only from a call in the code:
    /// <c>UseWindowsService()</c> / <c>AddWindowsService()</c> (Microsoft.Extensions.Hosting.WindowsServices),
    /// <c>ServiceBase.Run(…)</c> (System.ServiceProcess) or Topshelf's <c>HostFactory.Run(…)</c>/<c>New(…)</c>. A process started by the service control manager has no console,
    /// and .NET then gives it a null Console.Out and Console.Error (as for a WinExe), so a channel that writes only there
    /// shows nothing. A host that also calls <c>UseSystemd()</c> / <c>AddSystemd()</c> is meant to run on Linux too, where
    /// systemd's journal keeps the console's output: its console counts as seen. One instance per compilation; the
    /// service calls are observed during the compilation, so <see cref="IsUnseen"/> holds only at its end.
    /// </summary>
    internal sealed class ConsoleVisibility
    {
        private readonly bool _windowsApplication;
        private readonly INamedTypeSymbol? _windowsServiceExtensions;
        private readonly INamedTypeSymbol? _serviceBase;
        private readonly INamedTypeSymbol? _topshelfHostFactory;
        private readonly INamedTypeSymbol? _systemdExtensions;
        private int _windowsService;
        private int _systemd;

        private ConsoleVisibility(Compilation compilation)
        {
            _windowsApplication = compilation.Options.OutputKind == OutputKind.WindowsApplication;
            if (!_windowsApplication)
            {
                _windowsServiceExtensions = TypeLookup.Get(compilation, "Microsoft.Extensions.Hosting.WindowsServiceLifetimeHostBuilderExtensions");
                _serviceBase = TypeLookup.Get(compilation, "System.ServiceProcess.ServiceBase");
                _topshelfHostFactory = TypeLookup.Get(compilation, "Topshelf.HostFactory");
                if (_windowsServiceExtensions is not null || _serviceBase is not null || _topshelfHostFactory is not null)
                {
                    _systemdExtensions = TypeLookup.Get(compilation, "Microsoft.Extensions.Hosting.SystemdHostBuilderExtensions");
                }
            }
        }

        public static ConsoleVisibility Create(Compilation compilation) => new ConsoleVisibility(compilation);

        /// <summary>Can the console turn out unseen? False when neither a WinExe nor any Windows service host is referenced.</summary>
        public bool MayBeUnseen => _windowsApplication || _windowsServiceExtensions is not null || _serviceBase is not null || _topshelfHostFactory is not null;

        /// <summary>Known at the compilation's start: a Windows GUI application.</summary>
        public bool IsWindowsApplication => _windowsApplication;

        /// <summary>At the compilation's end: nobody sees the console (a WinExe, or a Windows service not also hosted by systemd).</summary>
        public bool IsUnseen => _windowsApplication || (Volatile.Read(ref _windowsService) != 0 && Volatile.Read(ref _systemd) == 0);

        /// <summary>
        /// A class library that references a desktop GUI framework, WPF (<c>PresentationFramework</c>), Windows Forms, WinUI 3
        /// (<c>Microsoft.WinUI</c>), Avalonia (<c>Avalonia.Base</c>) or .NET MAUI (<c>Microsoft.Maui</c>): its hosts are GUI
        /// applications, whose console nobody sees, though the library cannot know it for sure (real-world rounds 19 and
        /// 21: PowerToys' launcher library, whose only host is a WPF app; round 23: Whim's WinUI library). Read from the references when asked (a fix's
        /// choice), not at the compilation's start.
        /// </summary>
        public static bool IsLibraryOfWindowsApps(Compilation compilation)
        {
            if (compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary)
            {
                return false;
            }

            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name is "PresentationFramework" or "System.Windows.Forms" or "Microsoft.WinUI" or "Avalonia.Base" or "Microsoft.Maui")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For messages: what has no console ("a Windows application", "a Windows service").</summary>
        public string Host => _windowsApplication ? "a Windows application" : "a Windows service";

        /// <summary>Notes a call that hosts the application as a Windows service or under systemd.</summary>
        public void Observe(IInvocationOperation invocation)
        {
            if (_windowsServiceExtensions is null && _serviceBase is null && _topshelfHostFactory is null)
            {
                return;
            }

            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "UseWindowsService" or "AddWindowsService":
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _windowsServiceExtensions))
                    {
                        Volatile.Write(ref _windowsService, 1);
                    }

                    break;
                case "Run" or "New":
                    // ServiceBase.Run(…); Topshelf's HostFactory.Run(…)/New(…), a Windows service host (round 25's SimpleDeploy).
                    if (method.IsStatic &&
                        ((method.Name == "Run" && _serviceBase is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _serviceBase)) ||
                         (_topshelfHostFactory is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _topshelfHostFactory))))
                    {
                        Volatile.Write(ref _windowsService, 1);
                    }

                    break;
                case "UseSystemd" or "AddSystemd":
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _systemdExtensions))
                    {
                        Volatile.Write(ref _systemd, 1);
                    }

                    break;
            }
        }
    }
}
