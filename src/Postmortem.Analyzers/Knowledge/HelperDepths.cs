using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// How far the walks that follow a callback into the methods of its file go (PM3002's work items, PM3006's timer
    /// handlers), and which of those methods a walk has read, at what depth. A method is read again when reached at a
    /// shallower depth than before, so that the order of the calls does not decide what is found (a method first reached
    /// at the limit, where its own calls are not followed, and then called directly); it is read at most
    /// <see cref="Max"/> times, and helpers calling each other end.
    /// </summary>
    internal static class HelperDepths
    {
        /// <summary>How many calls deep the methods of the file a callback calls are followed.</summary>
        public const int Max = 3;

        /// <summary>
        /// True when <paramref name="method"/>, reached <paramref name="depth"/> calls deep (1 for a method the callback
        /// calls itself), is within the limit and was not read at that depth or a shallower one; it is then recorded.
        /// The record is made on the first call that needs it.
        /// </summary>
        public static bool ShouldRead(ref Dictionary<IMethodSymbol, int>? readAt, IMethodSymbol method, int depth)
        {
            if (depth > Max)
            {
                return false;
            }

            method = method.OriginalDefinition;
            readAt ??= new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            if (readAt.TryGetValue(method, out var readDepth) && readDepth <= depth)
            {
                return false;
            }

            readAt[method] = depth;
            return true;
        }
    }
}
