using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers
{
    /// <summary>The one factory every rule's descriptor comes from: category, help link, tags.</summary>
    internal static class Descriptors
    {
        /// <summary>All our rules share one category so users can set them at once:
        /// <c>dotnet_analyzer_diagnostic.category-Postmortem.severity = error</c>.</summary>
        public const string Category = "Postmortem";

        public const string HelpLinkBase = "https://github.com/postmortem-analyzers/Postmortem.Analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity defaultSeverity = DiagnosticSeverity.Warning,
            bool isEnabledByDefault = true,
            bool compilationEnd = false)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                defaultSeverity,
                isEnabledByDefault,
                description,
                HelpLink(id),
                compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
        }
    }
}
