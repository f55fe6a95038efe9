using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>An expected diagnostic. Location comes from markup (<see cref="WithLocation(int)"/>) or none.</summary>
    public sealed record DiagnosticResult(string Id)
    {
        public int? MarkupKey { get; init; }
        public string? Path { get; init; }
        public TextSpan? Span { get; init; }
        public object?[]? Arguments { get; init; }
        public string? Message { get; init; }
        public DiagnosticSeverity? Severity { get; init; }
        public bool NoLocation { get; init; }

        /// <summary>Markup keys (<c>{|#1:…|}</c>) of the diagnostic's additional locations, in order; null: not checked.</summary>
        public int[]? AdditionalMarkupKeys { get; init; }

        public DiagnosticResult WithLocation(int markupKey) => this with { MarkupKey = markupKey };

        public DiagnosticResult WithSpan(string path, TextSpan span) => this with { Path = path, Span = span };

        public DiagnosticResult WithArguments(params object?[] arguments) => this with { Arguments = arguments };

        public DiagnosticResult WithMessage(string message) => this with { Message = message };

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

        public DiagnosticResult WithNoLocation() => this with { NoLocation = true };

        public DiagnosticResult WithAdditionalLocations(params int[] markupKeys) => this with { AdditionalMarkupKeys = markupKeys };

        public override string ToString()
        {
            var parts = new List<string> { Id };
            if (Path is not null)
            {
                parts.Add($"{Path}{Span}");
            }

            if (Arguments is not null)
            {
                parts.Add("args: " + string.Join(", ", Arguments));
            }

            if (Message is not null)
            {
                parts.Add("message: " + Message);
            }

            return string.Join(" ", parts);
        }

        internal static string Format(Diagnostic diagnostic)
        {
            var location = diagnostic.Location == Location.None
                ? "(no location)"
                : $"{diagnostic.Location.GetLineSpan().Path}{diagnostic.Location.SourceSpan}";
            return $"{diagnostic.Id} {location} {diagnostic.Severity}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        internal bool ArgumentsMatch(Diagnostic diagnostic)
        {
            if (Arguments is null)
            {
                return true;
            }

            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var format = diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string expected;
            try
            {
                expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Arguments);
            }
            catch (FormatException)
            {
                return false;
            }

            return string.Equals(expected, message, StringComparison.Ordinal);
        }
    }
}
