using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Knowledge
{
    internal static class TypeSymbols
    {
        public static bool InheritsFromOrEquals(ITypeSymbol? type, ITypeSymbol? baseType)
        {
            if (type is null || baseType is null)
            {
                return false;
            }

            var target = baseType.OriginalDefinition;
            if (target.IsSealed || target.IsValueType)
            {
                // Nothing derives from it (FileInfo, string, a struct): no walk up the bases.
                return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool ImplementsOrEquals(ITypeSymbol? type, ITypeSymbol? interfaceType)
        {
            if (type is null || interfaceType is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType.OriginalDefinition))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Is the type, or one of its bases or interfaces, any of the given types?</summary>
        public static bool IsAny(ITypeSymbol? type, params INamedTypeSymbol?[] candidates)
        {
            foreach (var candidate in candidates)
            {
                if (candidate is null)
                {
                    continue;
                }

                if (candidate.TypeKind == TypeKind.Interface ? ImplementsOrEquals(type, candidate) : InheritsFromOrEquals(type, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        public static string ShortName(ITypeSymbol type) => type.Name;
    }
}
