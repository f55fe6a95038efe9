using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM2001: a temporary file or folder (Path.GetTempFileName, Directory.CreateTempSubdirectory, or a file created under
    /// Path.GetTempPath()) that the creating member neither deletes nor hands over. Every call leaves one behind; on Windows
    /// Path.GetTempFileName fails outright once 65,535 of its files exist.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM2001TempFileNeverDeletedAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property on the diagnostic: "file" or "folder".</summary>
        public const string KindProperty = "Kind";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM2001TempFileNeverDeleted;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var files = FileLifetime.Create(start.Compilation);
                if (files is null)
                {
                    return;
                }

                // A temporary file is made in a file that names the temp folder or a call making one (see
                // FileLifetime.FilesThatMayMakeTempFiles): types declared elsewhere get no action, so the driver does not call
                // this rule for every call and creation of a project, most of whose files never touch the temp folder.
                files.FilesThatMayMakeTempFiles.RegisterOperationActionInTypesNaming(start, c => Analyze(c, files), OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        // The two property sets a diagnostic can carry, built once (immutable).
        private static readonly ImmutableDictionary<string, string?> FileProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "file");
        private static readonly ImmutableDictionary<string, string?> FolderProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "folder");

        private static void Analyze(OperationAnalysisContext context, FileLifetime files)
        {
            // Cheap first: a System.IO creating call (symbol comparisons only), or a call of a helper of this file that
            // returns a temporary file it creates (the caller then holds it), or that creates one at a temporary path the
            // caller gives it.
            var cancellationToken = context.CancellationToken;
            if (files.TryGetCreation(context.Operation, cancellationToken, out var creation))
            {
                // A write is a temporary file only when its path is under the temp folder, and one file per call only when
                // its name is not fixed (every part a constant: one file, overwritten on every call).
                if (!files.IsTemporary(creation, cancellationToken))
                {
                    return;
                }
            }
            else if (context.Operation is not IInvocationOperation call || !files.MayCallCreatingHelper(call) ||
                     (!files.TryGetHelperCreation(call, temporary: true, context.Compilation, cancellationToken, out creation) &&
                      !files.TryGetCreationThroughHelper(call, temporary: true, context.Compilation, cancellationToken, out creation)))
            {
                return;
            }

            var root = FileLifetime.ReleaseScope(creation, context.CancellationToken);
            if (files.IsReleased(creation, root, context.ContainingSymbol, context.Compilation, context.CancellationToken))
            {
                return;
            }

            var kind = creation.IsFolder ? "folder" : "file";
            var properties = creation.IsFolder ? FolderProperties : FileProperties;
            // The empty file GetTempFileName made, when the code goes on with a name made from it: said, or the user who
            // deletes that other file reads the diagnostic as wrong.
            var leftBehind = files.NameMadeFromTempFileName(creation) is { } made
                ? $" (the code goes on with another file, '{Shorten(made.Syntax.ToString())}': this one stays)"
                : string.Empty;
            context.ReportUnlessGenerated(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties, kind, creation.Name, leftBehind));
        }

        /// <summary>The expression's text on one line (runs of white space as one space), cut to 60 characters.</summary>
        private static string Shorten(string text)
        {
            var line = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    line.Append(c);
                }
                else if (line.Length > 0 && line[line.Length - 1] != ' ')
                {
                    line.Append(' ');
                }
            }

            return line.Length <= 60 ? line.ToString() : line.ToString(0, 57) + "...";
        }
    }
}
