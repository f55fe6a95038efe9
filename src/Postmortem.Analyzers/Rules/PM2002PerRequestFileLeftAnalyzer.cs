using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM2002: a request handler creates a file at a path unique to the request (a GUID, the clock, a random name) and
    /// nothing in the handler deletes or hands it over. The second incident: downloads generated per request into the
    /// served folder until the disk filled.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM2002PerRequestFileLeftAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property on the diagnostic: the C# expression of the HttpResponse in the handler, when it has one.</summary>
        public const string ResponseProperty = "Response";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM2002PerRequestFileLeft;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var files = FileLifetime.Create(start.Compilation);
                var handlers = RequestHandlers.Create(start.Compilation);
                if (files is null || handlers is null)
                {
                    return;
                }

                // Only a path unique per call is reported, and its unique value is written in the path's file (see
                // FileLifetime.FilesThatMayNameUniquePaths): types declared elsewhere get no action, so the driver does not
                // call this rule for every call and creation of files that never name a GUID, the clock or a random value.
                files.FilesThatMayNameUniquePaths.RegisterOperationActionInTypesNaming(start, c => Analyze(c, files, handlers), OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, FileLifetime files, RequestHandlers handlers)
        {
            // Cheap first: a System.IO creating call with a path argument (symbol comparisons only), or else a call of a
            // helper of this file that may create a file (asked inside handlers only: see below).
            var created = files.TryGetCreation(context.Operation, context.CancellationToken, out var creation);
            if (created && (creation.MakesOwnName || creation.Path is null))
            {
                return;
            }

            var helperCall = created ? null : context.Operation as IInvocationOperation;
            if (!created && (helperCall is null || !files.MayCallCreatingHelper(helperCall)))
            {
                return;
            }

            // Symbols only: is this inside a request handler? Before the path is examined (that may follow locals).
            var handler = handlers.Find(context.Operation, context.ContainingSymbol);
            if (handler.Kind == HandlerKind.None)
            {
                return;
            }

            // A helper returning the file it creates made the unique name itself; one creating the file at a path made from
            // an argument is given it: that argument is the path to examine.
            if (helperCall is not null)
            {
                if (!files.TryGetHelperCreation(helperCall, temporary: false, context.Compilation, context.CancellationToken, out creation) &&
                    !files.TryGetCreationThroughHelper(helperCall, temporary: false, context.Compilation, context.CancellationToken, out creation))
                {
                    return;
                }
            }
            else if (!files.IsUniquePerCall(creation.Path!, context.CancellationToken))
            {
                return;
            }

            var root = FileLifetime.ReleaseScope(creation, context.CancellationToken);
            if (files.IsReleased(creation, root, context.ContainingSymbol, context.Compilation, context.CancellationToken, handler: handler))
            {
                return;
            }

            // Under the temp folder it is PM2001's: one leak, one diagnostic (as Path.GetTempFileName() in a handler).
            // Asked last, of a file about to be reported only (a helper's file was asked already).
            if (creation.Path is { } path && files.IsUnderTemp(path, context.CancellationToken))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (handler.Response is { } response)
            {
                properties = properties.Add(ResponseProperty, response);
            }

            context.ReportUnlessGenerated(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties, creation.Name, creation.IsFolder ? "folder" : "file"));
        }
    }
}
