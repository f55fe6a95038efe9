using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
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
                ? FixSyntax.TypeName(context.Model, position, "System.IO", "Directory") + ".Delete(" + local.Name + ", recursive: true);"
                : FixSyntax.TypeName(context.Model, position, "System.IO", "File") + ".Delete(" + local.Name + ");";
            var task = FixSyntax.TypeName(context.Model, position, "System.Threading.Tasks", "Task");
            var newLine = context.EndOfLine.ToString();
            var registration = SyntaxFactory.ParseStatement(
                    $"{response}.OnCompleted(() =>{newLine}{{{newLine}{delete}{newLine}return {task}.CompletedTask;{newLine}}});")
                .WithAdditionalAnnotations(Formatter.Annotation);
            // On a line of its own, also when the creating statement shares its line with the next one.
            if (!statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                registration = registration.WithLeadingTrivia(context.EndOfLine);
            }

            context.Editor.InsertAfter(statement, registration.WithTrailingTrivia(SyntaxFactory.EndOfLine(context.EndOfLine.ToString())));
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
                !(statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax || FixSyntax.IsUsingResource(statement, node)))
            {
                return null;
            }

            // path = Path.ChangeExtension(path, ".gz"): the local names two files, the callback would delete only the last
            // one, and the analyzer would take the other for deleted too. (Declared empty and given its one value later is fine.)
            var function = statement.Ancestors().FirstOrDefault(FixSyntax.IsFunction);
            if (function is null || ValuesGiven(function, local, model, cancellationToken) > 1 || SendsTheClientBack(function, local, model, cancellationToken) ||
                StoresAnUpload(function, model, cancellationToken) || RunAsABackgroundJob(function, model, cancellationToken))
            {
                return null;
            }

            return (statement, local, response!, creation.IsFolder);
        }

        /// <summary>
        /// Does the handler copy the request's upload somewhere (<c>IFormFile.CopyTo/CopyToAsync/OpenReadStream</c>, the
        /// request body)? Then the new file is most likely the upload itself, kept for later requests (a gallery, a document
        /// store), and deleting it after the response loses it (real-world round 9: every gallery picture gone right after
        /// its POST). Such a file needs a lifetime or a quota, not this fix.
        /// </summary>
        private static bool StoresAnUpload(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var access in function.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                var name = access.Name.Identifier.ValueText;
                if (name is not ("CopyTo" or "CopyToAsync" or "OpenReadStream" or "Body" or "BodyReader"))
                {
                    continue;
                }

                var receiver = model.GetTypeInfo(access.Expression, cancellationToken).Type;
                if (name is "Body" or "BodyReader"
                        ? receiver is { Name: "HttpRequest", ContainingNamespace: { Name: "Http", ContainingNamespace.Name: "AspNetCore" } }
                        : receiver is not null && (IsFormFile(receiver) || receiver.AllInterfaces.Any(IsFormFile)))
                {
                    return true;
                }
            }

            return false;

            static bool IsFormFile(ITypeSymbol type)
                => type is { Name: "IFormFile", ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace.Name: "Microsoft" } } };
        }

        /// <summary>How many values the local is given in the function (a meaningful initializer, then every assignment, but
        /// <c>path = Path.GetFullPath(path)</c>, the same file): more than one, and it names two files.</summary>
        private static int ValuesGiven(SyntaxNode function, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var declared = local.DeclaringSyntaxReferences.Length == 1 &&
                           local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value } &&
                           model.GetConstantValue(value, cancellationToken) is not { HasValue: true, Value: null or "" } &&
                           !value.IsKind(SyntaxKind.DefaultLiteralExpression) &&
                           value is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" };
            // path = Path.GetFullPath(path) names the same file.
            var sameFile = function.DescendantNodes().OfType<AssignmentExpressionSyntax>().Count(assignment =>
                assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                assignment.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == local.Name &&
                assignment.Right is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetFullPath" },
                    ArgumentList.Arguments: { Count: 1 } arguments,
                } &&
                arguments[0].Expression is IdentifierNameSyntax { Identifier.ValueText: var argument } && argument == local.Name &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, local));
            return (declared ? 1 : 0) + FixSyntax.CountWrites(new[] { function }, local, model, cancellationToken) - sameFile;
        }

        /// <summary>
        /// Is the method (a public method of a controller, so an action by MVC's convention) also run as a background job,
        /// where there is no response to register on (real-world round 15: VirtoCommerce's export, run by Hangfire from
        /// <c>BackgroundJob.Enqueue(() => PlatformExportBackgroundAsync(…))</c>; the fix's <c>Response.OnCompleted</c> threw a
        /// NullReferenceException there)? It takes Hangfire's <c>PerformContext</c> or <c>IJobCancellationToken</c>, or a
        /// lambda of the same file that is an expression tree, as job schedulers take, calls it.
        /// </summary>
        private static bool RunAsABackgroundJob(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
        {
            if (function is not MethodDeclarationSyntax declaration || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.ToDisplayString() is "Hangfire.Server.PerformContext" or "Hangfire.IJobCancellationToken")
                {
                    return true;
                }
            }

            foreach (var call in declaration.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if ((call.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText != method.Name &&
                    (call.Expression as IdentifierNameSyntax)?.Identifier.ValueText != method.Name)
                {
                    continue;
                }

                var lambda = call.FirstAncestorOrSelf<LambdaExpressionSyntax>();
                if (lambda is not null &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(call, cancellationToken).Symbol?.OriginalDefinition, method) &&
                    model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol { Name: "Expression", Arity: 1 } tree &&
                    tree.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Does the handler send the client back for the file later (<c>Redirect("/exports/" + name)</c>, a URL or the name in
        /// the body, a <c>Created</c> location) instead of sending it now? Then deleting it after the response makes the
        /// follow-up download a 404. Sending it now: the path or its name reaches the returned result only through a call or
        /// creation whose name says file or stream (<c>PhysicalFile(path, …)</c>, <c>File(bytes, type, name)</c>,
        /// <c>Results.File</c>, <c>File.OpenRead</c>).
        /// </summary>
        private static bool SendsTheClientBack(SyntaxNode function, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            // The path, and the locals it is made from (the unique name).
            var names = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { local };
            var pending = new Stack<ILocalSymbol>();
            pending.Push(local);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current.DeclaringSyntaxReferences.Length != 1 ||
                    current.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    continue;
                }

                foreach (var identifier in initializer.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol made && names.Add(made))
                    {
                        pending.Push(made);
                    }
                }
            }

            foreach (var returned in function.DescendantNodes().OfType<ReturnStatementSyntax>())
            {
                if (returned.Expression is null || returned.Ancestors().FirstOrDefault(FixSyntax.IsFunction) != function)
                {
                    continue;
                }

                if (Names(returned.Expression))
                {
                    return true;
                }
            }

            // Or stored where someone reads it after the handler: a member of a parameter, of this object or a static one
            // (real-world round 15, VirtoCommerce's export: `pushNotification.DownloadUrl = $"api/…/download/{fileName}"`, a
            // notification sent to the client, which downloads the file later); or set on the framework's result, which
            // gives the client the URL to come back with (round 22, ClothBazaar: `result.Data = new { ImageUrl = … }`).
            foreach (var assignment in function.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                    assignment.Ancestors().FirstOrDefault(FixSyntax.IsFunction) == function &&
                    (OutlivesTheHandler(assignment.Left, model, cancellationToken) || SetsAFrameworkResult(assignment.Left, model, cancellationToken)) &&
                    Names(assignment.Right))
                {
                    return true;
                }
            }

            return false;

            // Does the expression carry the path or a name it is made from, other than as a file sent now?
            bool Names(ExpressionSyntax expression)
            {
                foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (!SentAsAFile(identifier, expression, model, cancellationToken) &&
                        model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && names.Contains(symbol))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>A value that goes into the response (<see cref="FileLifetime.SetsResponseValue"/>: <c>JsonResult.Data</c>,
        /// <c>ObjectResult.Value</c>, a <c>JsonResult</c> subclass's <c>Value</c>); not one of a file result
        /// (<c>FileDownloadName</c>, <c>PhysicalFileResult.FileName</c>), which sends the file now (the session's reviews).</summary>
        private static bool SetsAFrameworkResult(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
            => model.GetOperation(target, cancellationToken) is IPropertyReferenceOperation property &&
               FileLifetime.SetsResponseValue(property) && !IsFileResult(property.Instance?.Type ?? property.Property.ContainingType);

        /// <summary>Is the assigned member one the handler's caller or a later request can read: a field, property or indexer of
        /// a parameter, of this object (or a static one), or of such a member (<c>notification.DownloadUrl</c>,
        /// <c>_state.LastExport</c>, <c>TempData["file"]</c>)? Not one of a local object.</summary>
        private static bool OutlivesTheHandler(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(target, cancellationToken).Symbol is not (IFieldSymbol or IPropertySymbol))
            {
                return false;
            }

            // In an object initializer the member is the new object's: a local's (`var model = new Model { Url = … }`) does
            // not outlive the handler by itself, as `model.Url = …` does not (from the review); any other object may.
            // Nor a file result's (new PhysicalFileResult(path, type) { FileDownloadName = name }): it goes out with the file now.
            if (target.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } })
            {
                return creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax } &&
                       !(model.GetTypeInfo(creation, cancellationToken).Type is { } created && IsFileResult(created));
            }

            for (var receiver = Receiver(target); receiver is not null; receiver = Receiver(receiver))
            {
                switch (receiver)
                {
                    case ThisExpressionSyntax or BaseExpressionSyntax:
                        return true;
                    case MemberAccessExpressionSyntax or ElementAccessExpressionSyntax:
                        continue;
                }

                return model.GetSymbolInfo(receiver, cancellationToken).Symbol is IParameterSymbol or IFieldSymbol or IPropertySymbol or INamedTypeSymbol;
            }

            return true;

            // `a.b` → a, `a[i]` → a (TempData["file"]: a property of this); a bare name has none.
            static ExpressionSyntax? Receiver(ExpressionSyntax expression) => expression switch
            {
                MemberAccessExpressionSyntax member => member.Expression,
                ElementAccessExpressionSyntax element => element.Expression,
                _ => null,
            };
        }

        /// <summary>
        /// Does the name or path reach the returned result only as what is sent now: an argument of a System.IO call that
        /// reads or opens the file (<c>File.ReadAllBytes(path)</c>, <c>File.OpenRead(path)</c>, <c>new FileStream(…)</c>), or of
        /// an ASP.NET Core file result (<c>PhysicalFile(path, …)</c>, <c>File(bytes, type, name)</c>, <c>Results.File</c>,
        /// <c>new PhysicalFileResult(…)</c>, or its property in the creation's initializer)? By the called member's type, not its
        /// name: <c>BuildFileUrl(name)</c> makes a URL to come back for.
        /// </summary>
        private static bool SentAsAFile(IdentifierNameSyntax identifier, ExpressionSyntax returned, SemanticModel model, CancellationToken cancellationToken)
        {
            for (SyntaxNode? node = identifier; node is not null && node != returned; node = node.Parent)
            {
                // A file result's property in its initializer (new PhysicalFileResult(path, type) { FileDownloadName = name }).
                if (node is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } &&
                    model.GetTypeInfo(creation, cancellationToken).Type is { } created && IsFileResult(created))
                {
                    return true;
                }

                if (node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax owner } } &&
                    model.GetSymbolInfo(owner, cancellationToken).Symbol is IMethodSymbol method &&
                    (method.ContainingNamespace?.ToDisplayString() == "System.IO" ||
                     IsFileResult(method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType) ||
                     method is { Name: "File" or "PhysicalFile" or "VirtualFile" or "Stream" or "Bytes", ContainingType: { Name: "Results", ContainingNamespace: var ns } } &&
                     ns.ToDisplayString() == "Microsoft.AspNetCore.Http"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An ASP.NET Core result type that sends a file: MVC's <c>FileResult</c> and its subclasses, and the minimal-API
        /// <c>FileContentHttpResult</c>, <c>FileStreamHttpResult</c>, <c>PhysicalFileHttpResult</c>, <c>VirtualFileHttpResult</c>
        /// (<c>TypedResults</c>). <c>Results.File</c> returns an <c>IResult</c>: the caller checks those methods by name.</summary>
        private static bool IsFileResult(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name is "FileResult" or "FileContentHttpResult" or "FileStreamHttpResult" or "PhysicalFileHttpResult" or "VirtualFileHttpResult" &&
                    current.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Mvc" or "Microsoft.AspNetCore.Http.HttpResults")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
