using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Types by metadata name, for the lookups every rule makes when a compilation starts.
    /// </summary>
    /// <remarks>
    /// <see cref="Compilation.GetTypeByMetadataName"/> asks every referenced assembly (about 200 in a web project) for the
    /// name, each time: measured on a 2,000-line web project, the lookups of one rule (PM2002: 15 ASP.NET Core and 22
    /// System types) took 6 ms of its 7. Here the name is found through the compilation's merged namespaces
    /// (<c>Microsoft</c> → <c>AspNetCore</c> → <c>Mvc</c>), which the compilation builds once, caches, and which binding the
    /// code's own <c>using</c> directives builds anyway. One type found is the answer; none is null (the namespace or
    /// the type is in no assembly the code can see: the lookup would also be null); several (a type declared twice, in
    /// source and a reference or in two references) and nested names go to <see cref="Compilation.GetTypeByMetadataName"/>,
    /// whose rules for that case stay the answer. Assemblies referenced under an extern alias are outside the global
    /// namespace here, and outside that lookup too.
    /// </remarks>
    internal static class TypeLookup
    {
        public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
        {
            var lastDot = metadataName.LastIndexOf('.');
            if (lastDot <= 0 || metadataName.IndexOf('+') >= 0)
            {
                return compilation.GetTypeByMetadataName(metadataName);
            }

            INamespaceSymbol? ns = compilation.GlobalNamespace;
            var start = 0;
            while (ns is not null && start < lastDot)
            {
                var end = metadataName.IndexOf('.', start);
                ns = ChildNamespace(ns, metadataName.Substring(start, end - start));
                start = end + 1;
            }

            if (ns is null)
            {
                return null;
            }

            var name = metadataName.Substring(lastDot + 1);
            var arity = 0;
            var tick = name.IndexOf('`');
            if (tick >= 0)
            {
                if (!int.TryParse(name.Substring(tick + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out arity))
                {
                    return compilation.GetTypeByMetadataName(metadataName);
                }

                name = name.Substring(0, tick);
            }

            INamedTypeSymbol? found = null;
            foreach (var type in ns.GetTypeMembers(name, arity))
            {
                if (found is not null)
                {
                    return compilation.GetTypeByMetadataName(metadataName);
                }

                found = type;
            }

            return found;
        }

        private static INamespaceSymbol? ChildNamespace(INamespaceSymbol parent, string name)
        {
            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol child)
                {
                    return child;
                }
            }

            return null;
        }
    }
}
