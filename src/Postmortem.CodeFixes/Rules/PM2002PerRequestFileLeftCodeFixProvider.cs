using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Rules;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// PM2002 fix, where the handler can reach the response: "Delete after the response" registers
    /// <c>Response.OnCompleted(() => { File.Delete(path); return Task.CompletedTask; })</c> right after the file is created.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM2002PerRequestFileLeftCodeFixProvider)), Shared]
    public sealed class PM2002PerRequestFileLeftCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string DeleteAfterResponseKey = "PM2002.DeleteAfterResponse";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.PerRequestFileLeft);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (Analyze(diagnostic, root, model, cancellationToken) is not null)
            {
                yield return new FixOption("Delete the file after the response", DeleteAfterResponseKey);
            }
        }

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            var target = Analyze(diagnostic, context.Root, context.Model, context.CancellationToken);
            if (target is null || target.Value.Statement.Parent is not BlockSyntax block)
            {
                return;
            }

            var (statement, local, response, isFolder) = target.Value;
            var position = statement.SpanStart;

            // A folder goes with what it holds: File.Delete on a folder throws (inside a callback nobody watches).
            var delete = isFolder
                ? PM2001TempFileNeverDeletedCodeFixProvider.TypeName(context.Model, position, "System.IO", "Directory") + ".Delete(" + local.Name + ", recursive: true);"
                : PM2001TempFileNeverDeletedCodeFixProvider.TypeName(context.Model, position, "System.IO", "File") + ".Delete(" + local.Name + ");";
            var task = PM2001TempFileNeverDeletedCodeFixProvider.TypeName(context.Model, position, "System.Threading.Tasks", "Task");
            var registration = SyntaxFactory.ParseStatement(
                    $"{response}.OnCompleted(() =>\n{{\n{delete}\nreturn {task}.CompletedTask;\n}});")
                .WithAdditionalAnnotations(Formatter.Annotation);
            context.Editor.InsertAfter(statement, registration.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
        }

        private static (StatementSyntax Statement, ILocalSymbol Local, string Response, bool IsFolder)? Analyze(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(PM2002PerRequestFileLeftAnalyzer.ResponseProperty, out var response) || string.IsNullOrEmpty(response))
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var files = FileLifetime.Create(model.Compilation);
            if (files is null || model.GetOperation(node, cancellationToken) is not { } operation)
            {
                return null;
            }

            // A System.IO creation, or the call of a helper returning the file it creates (as the analyzer).
            if (!files.TryGetCreationOrReturningHelper(operation, temporary: false, model.Compilation, cancellationToken, out var creation))
            {
                return null;
            }

            var local = FileLifetime.PathLocal(creation);
            var statement = node.FirstAncestorOrSelf<StatementSyntax>();
            if (local is null || local.Type.SpecialType != SpecialType.System_String ||
                statement?.Parent is not BlockSyntax ||
                statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax))
            {
                return null;
            }

            return (statement, local, response!, creation.IsFolder);
        }
    }
}
