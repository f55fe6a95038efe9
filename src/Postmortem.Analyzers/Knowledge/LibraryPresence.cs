using System;
using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Which logging libraries a compilation can see, from assembly identities and the source assembly's namespace names
    /// only. The rules ask this first and skip the lookups of absent libraries (with <c>GetTypeByMetadataName</c> each
    /// such lookup searched every reference; <see cref="TypeLookup"/> stops at the missing namespace, so this now saves
    /// little, and is kept as the cheaper answer). Source declarations count (a project may declare a library's namespace
    /// itself, as our tests' stubs of log4net do).
    /// </summary>
    internal readonly struct LibraryPresence
    {
        private LibraryPresence(bool serilog, bool nlog, bool log4Net, bool zlogger)
        {
            Serilog = serilog;
            NLog = nlog;
            Log4Net = log4Net;
            ZLogger = zlogger;
        }

        public bool Serilog { get; }

        public bool NLog { get; }

        public bool Log4Net { get; }

        /// <summary>Cysharp's ZLogger (v2: the <c>ZLogger</c> assembly and namespace).</summary>
        public bool ZLogger { get; }

        public static LibraryPresence Of(Compilation compilation)
        {
            bool serilog = false, nlog = false, log4Net = false, zlogger = false;
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                var name = identity.Name;
                serilog |= name.StartsWith("Serilog", StringComparison.OrdinalIgnoreCase);
                nlog |= name.StartsWith("NLog", StringComparison.OrdinalIgnoreCase);
                log4Net |= name.StartsWith("log4net", StringComparison.OrdinalIgnoreCase);
                zlogger |= name.StartsWith("ZLogger", StringComparison.OrdinalIgnoreCase);
            }

            if (!(serilog && nlog && log4Net && zlogger))
            {
                foreach (var ns in compilation.Assembly.NamespaceNames)
                {
                    serilog |= IsRoot(ns, "Serilog");
                    nlog |= IsRoot(ns, "NLog");
                    log4Net |= IsRoot(ns, "log4net");
                    zlogger |= IsRoot(ns, "ZLogger");
                }
            }

            return new LibraryPresence(serilog, nlog, log4Net, zlogger);
        }

        /// <summary>The type, when its library can be present; else null without a lookup.</summary>
        public static INamedTypeSymbol? Lookup(Compilation compilation, bool present, string metadataName)
            => present ? TypeLookup.Get(compilation, metadataName) : null;

        private static bool IsRoot(string ns, string root)
            => ns.StartsWith(root, StringComparison.Ordinal) && (ns.Length == root.Length || ns[root.Length] == '.');
    }
}
