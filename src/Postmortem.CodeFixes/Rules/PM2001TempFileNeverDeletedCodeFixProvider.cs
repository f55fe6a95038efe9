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

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// PM2001 fixes: "Delete when closed" (FileOptions.DeleteOnClose on the one FileStream the file is used through) and
    /// "Delete in finally" (the statements after the creation in try, the deletion in finally).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM2001TempFileNeverDeletedCodeFixProvider)), Shared]
    public sealed class PM2001TempFileNeverDeletedCodeFixProvider : PostmortemCodeFixProvider
    {
        public const string DeleteOnCloseKey = "PM2001.DeleteOnClose";
        public const string DeleteInFinallyKey = "PM2001.DeleteInFinally";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.TempFileNeverDeleted);

        internal override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var target = Analyze(diagnostic, root, model, cancellationToken);
            if (target is null)
            {
                yield break;
            }

            if (target.Stream is not null)
            {
                yield return new FixOption("Delete when closed (FileOptions.DeleteOnClose)", DeleteOnCloseKey);
            }

            if (target.Statement is not null)
            {
                yield return new FixOption("Delete in finally", DeleteInFinallyKey);
            }
        }

        /// <summary>The statement holding the creation: two temporary files declared in one statement
        /// (<c>string a = Path.GetTempFileName(), b = …;</c>) both wrap what follows it, the first innermost, as fixing one by one
        /// does (the twenty-seventh session's review: Fix All nested them the other way).</summary>
        internal override int FixPlace(Diagnostic diagnostic, SyntaxNode root)
            => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>()?.SpanStart
               ?? diagnostic.Location.SourceSpan.Start;

        internal override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
        {
            var target = Analyze(diagnostic, context.Root, context.Model, context.CancellationToken);
            if (target is null)
            {
                return;
            }

            if (equivalenceKey == DeleteOnCloseKey && target.Stream is { } stream)
            {
                var arguments = DeleteOnCloseArguments(stream, context.Model);
                if (arguments is not null)
                {
                    context.Editor.ReplaceNode(stream.ArgumentList, arguments.WithAdditionalAnnotations(Formatter.Annotation));
                }

                return;
            }

            if (equivalenceKey == DeleteInFinallyKey && target.Statement is { } statement && StatementsAround(statement) is { } statements)
            {
                var position = statement.SpanStart;
                var delete = DeleteStatement(target.Local, target.IsFolder, context.Model, position);
                var index = statements.IndexOf(statement) + (target.StartAfter ? 1 : 0);
                var outside = target.LocalFunctionsOutside;
                if (statement.Parent is BlockSyntax block)
                {
                    context.Editor.ReplaceNode(block, (current, _) =>
                    {
                        var wrapped = (BlockSyntax)current;
                        return wrapped.WithStatements(SyntaxFactory.List(WrapInTryFinally(wrapped.Statements, index, delete, outside))).WithAdditionalAnnotations(Formatter.Annotation);
                    });
                }
                else if (statement.Parent is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit })
                {
                    context.Editor.ReplaceNode(unit, (current, _) => WrapTopLevelStatements((CompilationUnitSyntax)current, index, delete, outside));
                }
            }
        }

        /// <summary>
        /// The statements the creating statement is one of, in order: a block's, or the top-level statements of a program
        /// (each in its <c>GlobalStatementSyntax</c>); null elsewhere (a switch section, an embedded statement).
        /// </summary>
        private static List<StatementSyntax>? StatementsAround(StatementSyntax statement) => statement.Parent switch
        {
            BlockSyntax block => block.Statements.ToList(),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
            _ => null,
        };

        private sealed class FixTarget
        {
            public FixTarget(ILocalSymbol local, bool isFolder)
            {
                Local = local;
                IsFolder = isFolder;
            }

            public ILocalSymbol Local { get; }

            public bool IsFolder { get; }

            /// <summary>The statement the try starts at (or after, see StartAfter); null when the fix does not apply.</summary>
            public StatementSyntax? Statement { get; set; }

            public bool StartAfter { get; set; }

            /// <summary>Local functions among the statements the try would take, left after it: code before the try may call them.</summary>
            public ImmutableHashSet<string> LocalFunctionsOutside { get; set; } = ImmutableHashSet<string>.Empty;

            /// <summary>The one FileStream-creating call the file is used through; null when the fix does not apply.</summary>
            public BaseArgumentListOwner? Stream { get; set; }
        }

        /// <summary>An argument list to extend: of <c>new FileStream(…)</c> or <c>File.Create(…)</c>.</summary>
        private sealed class BaseArgumentListOwner
        {
            public BaseArgumentListOwner(ArgumentListSyntax argumentList, IMethodSymbol method, bool isFileCreate)
            {
                ArgumentList = argumentList;
                Method = method;
                IsFileCreate = isFileCreate;
            }

            public ArgumentListSyntax ArgumentList { get; }

            public IMethodSymbol Method { get; }

            public bool IsFileCreate { get; }
        }

        private static FixTarget? Analyze(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
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
            if (!files.TryGetCreationOrReturningHelper(operation, temporary: true, model.Compilation, cancellationToken, out var creation))
            {
                return null;
            }

            var local = FileLifetime.PathLocal(creation);
            if (local is null || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var target = new FixTarget(local, creation.IsFolder);

            // Delete in finally: the creating statement (or the using statement whose resource it creates) sits directly in a
            // block, or among the top-level statements.
            var statement = node.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is not null &&
                (statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax || FixSyntax.IsUsingResource(statement, node)) &&
                StatementsAround(statement) is { } statements)
            {
                target.Statement = statement;
                // A folder's creation stays before the try: if it failed, Directory.Delete in the finally would throw
                // DirectoryNotFoundException and hide why. (File.Delete of a file never created throws nothing.)
                target.StartAfter = AssignsLocal(statement, local, model, cancellationToken) || creation.IsFolder;
                if (target.StartAfter && statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 })
                {
                    // using var x = …: x is disposed at the end of the block, after a finally inside it.
                    target.Statement = null;
                }
                else if (FixSyntax.IsWritten(statements.SkipWhile(s => s != statement).Skip(1), local, model, cancellationToken))
                {
                    // t = t + ".pdf" later: a finally deleting t would delete that other file (perhaps the one returned),
                    // not the created one.
                    target.Statement = null;
                }
                else if (UsedAfterTheBlock(statement, local, model, cancellationToken))
                {
                    // string p; try { p = Path.GetTempFileName(); } catch (IOException) { … } Use(p);: the try would end with
                    // the inner block, and its finally would delete the file before the code after the block uses it
                    // (real-world round 13, PowerShell's New-TemporaryFile).
                    target.Statement = null;
                }
                else
                {
                    var index = statements.IndexOf(statement) + (target.StartAfter ? 1 : 0);
                    if (UsedAfterTheMethod(statements, index, local, model, cancellationToken))
                    {
                        target.Statement = null;
                    }
                    else
                    {
                        target.LocalFunctionsOutside = LocalFunctionsOutside(statements, index, model, cancellationToken);
                    }
                }
            }

            if (!creation.IsFolder && local.Type.SpecialType == SpecialType.System_String)
            {
                target.Stream = FindOnlyStream(files, local, model, cancellationToken);
            }

            return target.Statement is null && target.Stream is null ? null : target;
        }

        /// <summary>Is the local, declared outside the block holding the statement, read or written after that block?</summary>
        private static bool UsedAfterTheBlock(StatementSyntax statement, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var block = statement.Parent;
            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (block is null or GlobalStatementSyntax || block.Contains(declaration) ||
                declaration.Ancestors().FirstOrDefault(a => a is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax) is not { } scope)
            {
                return false;
            }

            return scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
                identifier.SpanStart >= block.Span.End && identifier.Identifier.ValueText == local.Name &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local));
        }

        private static bool AssignsLocal(StatementSyntax statement, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax declaration:
                    foreach (var variable in declaration.Declaration.Variables)
                    {
                        if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(variable, cancellationToken), local))
                        {
                            return true;
                        }
                    }

                    return false;
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                    return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, local);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The file is used only through one FileStream the method creates: every reference to the path local but its
        /// declaration is the path argument of one <c>new FileStream(…)</c> or <c>File.Create(…)</c>.
        /// </summary>
        private static BaseArgumentListOwner? FindOnlyStream(FileLifetime files, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var scope = declaration.FirstAncestorOrSelf<BlockSyntax>();
            if (scope is null)
            {
                return null;
            }

            BaseArgumentListOwner? found = null;
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name ||
                    !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (found is not null ||
                    identifier.Parent is not ArgumentSyntax { NameColon: null } argument ||
                    argument.Parent is not ArgumentListSyntax list ||
                    list.Arguments.IndexOf(argument) != 0)
                {
                    return null;
                }

                switch (model.GetOperation(list.Parent!, cancellationToken))
                {
                    case IObjectCreationOperation creation when creation.Constructor is { } constructor &&
                                                                SymbolEqualityComparer.Default.Equals(constructor.ContainingType, files.FileStream) &&
                                                                NamedInPlace(list, constructor) &&
                                                                !files.HasDeleteOnClose(creation.Arguments, cancellationToken) &&
                                                                constructor.Parameters.Length >= 2 &&
                                                                constructor.Parameters[1].Type.Name == "FileMode":
                        found = new BaseArgumentListOwner(list, constructor, isFileCreate: false);
                        break;
                    case IInvocationOperation invocation when invocation.TargetMethod.Name == "Create" &&
                                                              SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, files.File) &&
                                                              NamedInPlace(list, invocation.TargetMethod) &&
                                                              !files.HasDeleteOnClose(invocation.Arguments, cancellationToken):
                        found = new BaseArgumentListOwner(list, invocation.TargetMethod, isFileCreate: true);
                        break;
                    default:
                        return null;
                }

                // Opened in a loop (or a lambda) the path's declaration is not in: DeleteOnClose would delete the file when the
                // first stream closes, and the next pass would not find it (the twenty-seventh session's review).
                for (var node = list.Parent; node is not null && node != scope; node = node.Parent)
                {
                    if (node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or
                        AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return null;
                    }
                }
            }

            return found;
        }

        /// <summary>Every named argument stands at its parameter's position (<c>bufferSize: 4096</c> fifth): arguments can be
        /// added after them, and replaced, by position.</summary>
        private static bool NamedInPlace(ArgumentListSyntax list, IMethodSymbol method)
        {
            for (var i = 0; i < list.Arguments.Count; i++)
            {
                if (list.Arguments[i].NameColon is { } name && (i >= method.Parameters.Length || name.Name.Identifier.ValueText != method.Parameters[i].Name))
                {
                    return false;
                }
            }

            return true;
        }

        private static ArgumentListSyntax? DeleteOnCloseArguments(BaseArgumentListOwner owner, SemanticModel model)
        {
            var list = owner.ArgumentList;
            var position = list.SpanStart;
            var options = FixSyntax.TypeName(model, position, "System.IO", "FileOptions");
            var deleteOnClose = options + ".DeleteOnClose";
            var arguments = list.Arguments;
            var parameters = owner.Method.Parameters;
            if (arguments.Count != parameters.Length)
            {
                return null;
            }

            // In a call that names its arguments (`bufferSize: 4096, useAsync: true`), the added ones are named too.
            var named = arguments.Any(a => a.NameColon is not null);
            ArgumentSyntax Argument(string parameter, string expression) => named
                ? SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter), default, SyntaxFactory.ParseExpression(expression))
                : SyntaxFactory.Argument(SyntaxFactory.ParseExpression(expression));
            ArgumentSyntax Replace(ArgumentSyntax argument, string expression) => argument.WithExpression(SyntaxFactory.ParseExpression(expression));

            if (owner.IsFileCreate)
            {
                // File.Create(path[, bufferSize[, options]])
                return arguments.Count switch
                {
                    1 => list.AddArguments(Argument("bufferSize", "4096"), Argument("options", deleteOnClose)),
                    2 => list.AddArguments(Argument("options", deleteOnClose)),
                    3 => list.WithArguments(arguments.Replace(arguments[2], Replace(arguments[2], Combine(arguments[2].Expression, deleteOnClose)))),
                    _ => null,
                };
            }

            var access = FixSyntax.TypeName(model, position, "System.IO", "FileAccess");
            var share = FixSyntax.TypeName(model, position, "System.IO", "FileShare");
            switch (arguments.Count)
            {
                case 2:
                    var isAppend = model.GetConstantValue(arguments[1].Expression) is { HasValue: true, Value: 6 };
                    return list.AddArguments(Argument("access", access + (isAppend ? ".Write" : ".ReadWrite")), Argument("share", share + ".Read"), Argument("bufferSize", "4096"), Argument("options", deleteOnClose));
                case 3 when parameters[2].Type.Name == "FileAccess":
                    return list.AddArguments(Argument("share", share + ".Read"), Argument("bufferSize", "4096"), Argument("options", deleteOnClose));
                case 4 when parameters[3].Type.Name == "FileShare":
                    return list.AddArguments(Argument("bufferSize", "4096"), Argument("options", deleteOnClose));
                case 5 when parameters[4].Type.SpecialType == SpecialType.System_Int32:
                    return list.AddArguments(Argument("options", deleteOnClose));
                case 6 when parameters[5].Type.SpecialType == SpecialType.System_Boolean:
                    var useAsync = arguments[5].Expression;
                    var replacement = useAsync.IsKind(SyntaxKind.TrueLiteralExpression)
                        ? options + ".Asynchronous | " + deleteOnClose
                        : useAsync.IsKind(SyntaxKind.FalseLiteralExpression)
                            ? deleteOnClose
                            : "(" + useAsync + " ? " + options + ".Asynchronous : " + options + ".None) | " + deleteOnClose;
                    // useAsync: true → options: FileOptions.Asynchronous | FileOptions.DeleteOnClose (another overload, another name).
                    return list.WithArguments(arguments.Replace(arguments[5], Argument("options", replacement).WithTriviaFrom(arguments[5])));
                case 6 when parameters[5].Type.Name == "FileOptions":
                    return list.WithArguments(arguments.Replace(arguments[5], Replace(arguments[5], Combine(arguments[5].Expression, deleteOnClose))));
                default:
                    return null;
            }
        }

        private static string Combine(ExpressionSyntax existing, string flag)
        {
            var text = existing.ToString();
            return existing is MemberAccessExpressionSyntax or IdentifierNameSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression }
                ? text + " | " + flag
                : "(" + text + ") | " + flag;
        }

        private static StatementSyntax DeleteStatement(ILocalSymbol local, bool isFolder, SemanticModel model, int position)
        {
            var name = local.Name;
            string text;
            if (local.Type.Name is "DirectoryInfo" or "FileInfo")
            {
                text = local.Type.Name == "DirectoryInfo" ? name + ".Delete(recursive: true);" : name + ".Delete();";
            }
            else if (isFolder)
            {
                text = FixSyntax.TypeName(model, position, "System.IO", "Directory") + ".Delete(" + name + ", recursive: true);";
            }
            else
            {
                text = FixSyntax.TypeName(model, position, "System.IO", "File") + ".Delete(" + name + ");";
            }

            return SyntaxFactory.ParseStatement(text);
        }

        /// <summary>
        /// Does the file outlive the method, so a finally would delete it before it is used? The path, or a value that still
        /// holds the file (a stream, a URL, a FileInfo, a result that serves it, a task not awaited), returned by the moved
        /// statements (<c>return PhysicalFile(tmp, …)</c>, <c>return File(File.OpenRead(tmp), …)</c>: the result runs after the
        /// method has returned), or captured by a lambda (<c>_ = Task.Run(() =&gt; Send(tmp))</c>: it may run later). What is
        /// computed from the file before returning holds nothing (<c>File.ReadAllBytes(tmp)</c>, <c>fs.Length</c>,
        /// <c>await SHA256.HashDataAsync(fs)</c>, <c>….ToList()</c>, a process's output).
        /// </summary>
        private static bool UsedAfterTheMethod(IReadOnlyList<StatementSyntax> statements, int index, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var carriers = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { local };

            // Does a carrier reach the value of this expression through values that can hold the file?
            bool Carries(SyntaxNode root) => root.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier =>
                !IsReadInFull(identifier, model, cancellationToken) &&
                model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && carriers.Contains(symbol) &&
                HeldUpTo(identifier, root));

            bool HeldUpTo(SyntaxNode node, SyntaxNode root)
            {
                for (var current = node; current is not null; current = current.Parent)
                {
                    if (current is ExpressionSyntax expression && model.GetTypeInfo(expression, cancellationToken).Type is { } type && !CanHoldTheFile(type))
                    {
                        return false;
                    }

                    if (current == root)
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                foreach (var declarator in statement.DescendantNodesAndSelf().OfType<VariableDeclaratorSyntax>())
                {
                    if (declarator.Initializer is { } initializer && Carries(initializer.Value) &&
                        model.GetDeclaredSymbol(declarator, cancellationToken) is { } made)
                    {
                        carriers.Add(made);
                    }
                }

                if (i < index)
                {
                    continue;
                }

                foreach (var node in statement.DescendantNodesAndSelf())
                {
                    var escapes = node switch
                    {
                        ReturnStatementSyntax { Expression: { } returned } => Carries(returned),
                        YieldStatementSyntax { Expression: { } yielded } => Carries(yielded),
                        // `_ = UploadAsync(tmp);`, `UploadAsync(tmp);`: a task left running with the file (the twenty-seventh
                        // session's review: the finally deleted it under the upload).
                        InvocationExpressionSyntax call when IsDroppedTask(call, model, cancellationToken) => Carries(call.ArgumentList),
                        AnonymousFunctionExpressionSyntax lambda => lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                            .Any(identifier => model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && carriers.Contains(symbol)),
                        _ => false,
                    };
                    if (escapes)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A call whose task is dropped: the statement itself, or assigned to a discard (<c>_ = …</c>).</summary>
        private static bool IsDroppedTask(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode node = call;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            var dropped = node.Parent is ExpressionStatementSyntax ||
                          node.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax } assignment && assignment.Right == node;
            return dropped && AsyncWrites.IsFrameworkTask(model.GetTypeInfo(call, cancellationToken).Type);
        }

        /// <summary>
        /// A value that can hold the file past the method: a string (the path, a URL), a stream, reader or writer, a
        /// FileInfo/DirectoryInfo, a lazy sequence, a task not awaited, or an ASP.NET Core result that serves it. Numbers,
        /// arrays, lists and other objects computed from it do not.
        /// </summary>
        private static bool CanHoldTheFile(ITypeSymbol type)
        {
            if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object ||
                type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T || type.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ContainingNamespace?.ToDisplayString() is "System.IO" && current.Name is "Stream" or "TextReader" or "TextWriter" or "FileSystemInfo" ||
                    current.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" && current.Name is "Task" or "ValueTask")
                {
                    return true;
                }
            }

            return type.Name is "IActionResult" or "IResult" or "IAsyncEnumerable" ||
                   type.AllInterfaces.Any(i => i.Name is "IActionResult" or "IResult" or "IAsyncEnumerable");
        }

        /// <summary>The path given to a <c>File</c> method that reads the whole file into memory or asks about it (<c>ReadAllBytes</c>,
        /// <c>Exists</c>): done with it when the call returns; for <c>ReadAll…Async</c>, when its task is awaited there (a task
        /// returned is still reading when a finally deletes the file: the twenty-seventh session's review).</summary>
        private static bool IsReadInFull(IdentifierNameSyntax identifier, SemanticModel model, CancellationToken cancellationToken)
            => identifier.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } &&
               model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "File", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } method &&
               (method.Name is "ReadAllBytes" or "ReadAllText" or "ReadAllLines" or "Exists" ||
                method.Name is "ReadAllBytesAsync" or "ReadAllTextAsync" or "ReadAllLinesAsync" && IsAwaited(call));

        /// <summary><c>await call</c>, also through parentheses. (Through <c>.ConfigureAwait(…)</c> the awaitable holds no file
        /// for <see cref="CanHoldTheFile"/>, so the read needs no answer here.)</summary>
        private static bool IsAwaited(ExpressionSyntax call)
        {
            SyntaxNode node = call;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node.Parent is AwaitExpressionSyntax;
        }

        /// <summary>
        /// The local functions among the statements from <paramref name="index"/> on that can stay after the try: those that use
        /// no local the try takes, nor a local function left in it. Code before the try may call them (inside it, the call would
        /// not compile); one that uses what the try takes cannot be called before it in code that compiles (CS0165).
        /// </summary>
        private static ImmutableHashSet<string> LocalFunctionsOutside(IReadOnlyList<StatementSyntax> statements, int index, SemanticModel model, CancellationToken cancellationToken)
        {
            var functions = statements.Skip(index).OfType<LocalFunctionStatementSyntax>().ToList();
            if (functions.Count == 0)
            {
                return ImmutableHashSet<string>.Empty;
            }

            // What the try takes: the locals declared in the moved statements, and the local functions that must stay with them.
            var inside = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var statement in statements.Skip(index).Where(s => s is not LocalFunctionStatementSyntax))
            {
                foreach (var node in statement.DescendantNodesAndSelf())
                {
                    if (node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax && model.GetDeclaredSymbol(node, cancellationToken) is ILocalSymbol declared)
                    {
                        inside.Add(declared);
                    }
                }
            }

            bool Uses(SyntaxNode node) => node.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Any(identifier => model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && inside.Contains(symbol));

            var staying = new List<LocalFunctionStatementSyntax>();
            bool changed;
            do
            {
                changed = false;
                foreach (var function in functions)
                {
                    if (!staying.Contains(function) && Uses(function) && model.GetDeclaredSymbol(function, cancellationToken) is { } symbol)
                    {
                        staying.Add(function);
                        inside.Add(symbol);
                        changed = true;
                    }
                }
            }
            while (changed);

            return functions.Where(f => !staying.Contains(f)).Select(f => f.Identifier.ValueText).ToImmutableHashSet();
        }

        /// <summary>The statements with those from <paramref name="index"/> on in a try whose finally deletes the file.</summary>
        private static List<StatementSyntax> WrapInTryFinally(IReadOnlyList<StatementSyntax> statements, int index, StatementSyntax delete, ImmutableHashSet<string> localFunctionsOutside)
        {
            var moved = new List<StatementSyntax>();
            var after = new List<StatementSyntax>();
            for (var i = index; i < statements.Count; i++)
            {
                if (statements[i] is LocalFunctionStatementSyntax function && localFunctionsOutside.Contains(function.Identifier.ValueText))
                {
                    after.Add(statements[i]);
                }
                else
                {
                    moved.Add(statements[i]);
                }
            }

            var leading = index < statements.Count ? statements[index].GetLeadingTrivia() : SyntaxFactory.TriviaList();
            if (moved.Count > 0)
            {
                moved[0] = moved[0].WithLeadingTrivia(SyntaxFactory.ElasticMarker);
            }

            var tryStatement = SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(moved),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(delete)))
                .WithLeadingTrivia(leading)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var kept = statements.Take(index).ToList();
            kept.Add(tryStatement);
            kept.AddRange(after);
            return kept;
        }

        /// <summary>
        /// A program's top-level statements wrapped as a block's are; its other members (the types declared after them)
        /// stay where they are.
        /// </summary>
        private static CompilationUnitSyntax WrapTopLevelStatements(CompilationUnitSyntax unit, int index, StatementSyntax delete, ImmutableHashSet<string> localFunctionsOutside)
        {
            var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
            var wrapped = WrapInTryFinally(globals.Select(g => g.Statement).ToList(), index, delete, localFunctionsOutside);
            var members = new List<MemberDeclarationSyntax>();
            var placed = false;
            foreach (var member in unit.Members)
            {
                if (member is not GlobalStatementSyntax)
                {
                    members.Add(member);
                }
                else if (!placed)
                {
                    members.AddRange(wrapped.Select(SyntaxFactory.GlobalStatement));
                    placed = true;
                }
            }

            return unit.WithMembers(SyntaxFactory.List(members));
        }
    }
}
