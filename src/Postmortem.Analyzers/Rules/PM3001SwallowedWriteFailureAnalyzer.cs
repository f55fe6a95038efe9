using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM3001: a catch whose try block writes to durable storage lets the failure vanish
    /// (the second incident: the disk filled and every write, logs included, failed silently).
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class PM3001SwallowedWriteFailureAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property on the diagnostic: the name of the catch's exception variable, if any.</summary>
        public const string ExceptionVariableProperty = "ExceptionVariable";

        /// <summary>Property on the diagnostic: the write that can fail, e.g. "File.WriteAllText".</summary>
        public const string WriteProperty = "Write";

        /// <summary>Property on the diagnostic, present when the catch is in a retry loop that gives up silently: rethrowing
        /// there would end the retries at the first failure, so the fix does not offer it.</summary>
        public const string RetryLoopProperty = "RetryLoop";

        /// <summary>Property on the diagnostic, present when the try block only tidies up around the method's own work: it only
        /// deletes, or only copies, moves or deletes while the method writes elsewhere (a stale backup, the old file moved
        /// aside). A failure there loses no data, and rethrowing it would fail the work it serves, so the fix does not offer it.</summary>
        public const string HousekeepingProperty = "Housekeeping";

        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM3001SwallowedWriteFailure;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var io = IoTypes.Create(start.Compilation);
                if (io?.IOException is null)
                {
                    return;
                }

                var logging = LoggingTypes.Create(start.Compilation);

                // A Windows service has no console either, but only a call says the project is one (ConsoleVisibility):
                // where one is referenced, a catch that reports only to the console is held until the compilation's end.
                var console = ConsoleVisibility.Create(start.Compilation);
                if (!console.MayBeUnseen || console.IsWindowsApplication)
                {
                    start.RegisterOperationAction(c => AnalyzeTry(c, io, logging, service: null), OperationKind.Try);
                    return;
                }

                var service = new ServiceConsole(console, logging.WithUnseenConsole(console.Host));
                start.RegisterOperationAction(c => AnalyzeTry(c, io, logging, service), OperationKind.Try);
                start.RegisterOperationAction(c => console.Observe((IInvocationOperation)c.Operation), OperationKind.Invocation);
                // The descriptor keeps no CompilationEnd tag: the rule's other diagnostics show as one types; these held
                // ones come from a build or full-solution analysis only (the rule page says so).
                start.RegisterCompilationEndAction(service.ReportHeld);
            });
        }

        private static void AnalyzeTry(OperationAnalysisContext context, IoTypes io, LoggingTypes logging, ServiceConsole? service)
        {
            var tryOperation = (ITryOperation)context.Operation;
            if (tryOperation.Catches.IsEmpty)
            {
                return;
            }

            string? write = null;
            foreach (var catchClause in tryOperation.Catches)
            {
                if (!io.CanCatchIoFailure(catchClause.ExceptionType) || FilterRulesOutIo(catchClause, io))
                {
                    continue;
                }

                if (Judge(catchClause, tryOperation, io, logging, ref write, context.CancellationToken) is { } diagnostic)
                {
                    context.ReportUnlessGenerated(diagnostic);
                }
                else if (service is not null && write is not { Length: 0 } &&
                         Judge(catchClause, tryOperation, io, service.Logging, ref write, context.CancellationToken) is { } unseen &&
                         !GeneratedCode.IsGenerated(unseen.Location, context.ContainingSymbol, context.Options, context.CancellationToken))
                {
                    // Swallowed only if nobody sees the console (Console.WriteLine(ex) in a Windows service): decided at the end.
                    service.Hold(unseen);
                }

                if (write is { Length: 0 })
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The diagnostic for a catch that lets the try block's write failure vanish, or null. <paramref name="write"/> is the
        /// try block's write, found once when needed (empty when it has none).
        /// </summary>
        private static Diagnostic? Judge(ICatchClauseOperation catchClause, ITryOperation tryOperation, IoTypes io, LoggingTypes logging, ref string? write, System.Threading.CancellationToken cancellationToken)
        {
            // The catch first (usually shorter than the try body, and most catches log, rethrow or record): the body
            // is searched for a write only when some catch swallows.
            if (HandlesFailure(catchClause, tryOperation, io, logging, ref write))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            write ??= FindDurableWrite(tryOperation.Body, io) ?? string.Empty;
            if (write.Length == 0 || catchClause.Syntax is not CatchClauseSyntax syntax || IsToldAfterTheTry(tryOperation, syntax, logging) ||
                IsBestEffortCleanup(write, tryOperation, io) || CatchesOnlyAlreadyGone(catchClause, write, tryOperation, io))
            {
                return null;
            }

            var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
            var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
            var properties = ImmutableDictionary<string, string?>.Empty.Add(WriteProperty, write);
            if (catchClause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator)
            {
                properties = properties.Add(ExceptionVariableProperty, declarator.Symbol.Name);
            }

            if (RetryLoop(tryOperation) is not null)
            {
                properties = properties.Add(RetryLoopProperty, "true");
            }

            if (IsHousekeeping(tryOperation, io))
            {
                properties = properties.Add(HousekeepingProperty, "true");
            }

            return Diagnostic.Create(Rule, location, properties, write, IoTypes.WhatFailsIt(write), logging.UnseenWriteNote(catchClause.Handler));
        }

        /// <summary>
        /// In a project that references a Windows service host: the catches that report only to the console, reported at
        /// the compilation's end if it is hosted as a service (and not also under systemd).
        /// </summary>
        private sealed class ServiceConsole
        {
            private readonly ConsoleVisibility _console;
            private readonly System.Collections.Concurrent.ConcurrentQueue<Diagnostic> _held = new System.Collections.Concurrent.ConcurrentQueue<Diagnostic>();

            public ServiceConsole(ConsoleVisibility console, LoggingTypes logging)
            {
                _console = console;
                Logging = logging;
            }

            /// <summary>Judges as if nobody saw the console.</summary>
            public LoggingTypes Logging { get; }

            public void Hold(Diagnostic diagnostic) => _held.Enqueue(diagnostic);

            public void ReportHeld(CompilationAnalysisContext context)
            {
                if (!_console.IsUnseen)
                {
                    return;
                }

                foreach (var diagnostic in _held)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>
        /// The catch ends by falling through, and the statement after the try tells what happened (<see cref="TellsAfter"/>):
        /// the Try-pattern <c>try { Write(); return true; } catch (IOException) { } return false;</c>, or a success flag the
        /// try block sets, returned or tested after it. Asked only of a catch about to be reported.
        /// </summary>
        private static bool IsToldAfterTheTry(ITryOperation tryOperation, CatchClauseSyntax catchSyntax, LoggingTypes logging)
        {
            if (tryOperation.Syntax is not TryStatementSyntax tryStatement || tryOperation.SemanticModel is not { } model ||
                TellsAfter(tryOperation, EndsInJump(tryStatement.Block), tryOperation.Body, logging) != true)
            {
                return false;
            }

            // Last, the compiler's flow analysis: the catch must reach the statement after the try.
            var catchFlow = model.AnalyzeControlFlow(catchSyntax.Block);
            return catchFlow is { Succeeded: true, EndPointIsReachable: true };
        }

        /// <summary>
        /// Does the statement right after <paramref name="statement"/> (a try whose catch falls through, or a spent retry
        /// loop) in its block tell what happened? A <c>throw</c>; when only a failure gets there
        /// (<paramref name="onlyFailureGetsThere"/>), a <c>return</c> with a value (not the constant every success in
        /// <paramref name="flagsSetIn"/> returns too: <c>return true;</c> after <c>try { …; return true; }</c>) or a logging call; a <c>return</c> or an
        /// <c>if</c> reading a local declared outside the statement that <paramref name="flagsSetIn"/> assigns; an <c>if</c>
        /// that throws (a check of the outcome, such as <c>if (!File.Exists(path)) throw …</c>). Null when
        /// the statement is the last of its block (or not in one): what follows is not here to read.
        /// </summary>
        private static bool? TellsAfter(IOperation statement, bool onlyFailureGetsThere, IOperation flagsSetIn, LoggingTypes logging)
        {
            if (statement.Parent is not IBlockOperation block)
            {
                return null;
            }

            var index = block.Operations.IndexOf(statement);
            if (index < 0 || index + 1 >= block.Operations.Length)
            {
                return null;
            }

            switch (block.Operations[index + 1])
            {
                case IThrowOperation:
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    return true;
                case IExpressionStatementOperation { Operation: IInvocationOperation invocation } when onlyFailureGetsThere:
                    return logging.IsReportingCall(invocation);
                case IReturnOperation { ReturnedValue: { } value } returned when returned.Kind == OperationKind.Return:
                    // `return true;` after a loop whose every success also returns true tells the caller nothing.
                    return (onlyFailureGetsThere && !ReturnsTheSameConstant(value, flagsSetIn)) || ReadsLocalSetIn(value, statement, flagsSetIn);
                case IConditionalOperation conditional:
                    // A flag the statement set, or a test that throws (`if (!File.Exists(path)) throw …`): the outcome is checked.
                    return ReadsLocalSetIn(conditional.Condition, statement, flagsSetIn) ||
                           Throws(conditional.WhenTrue) || (conditional.WhenFalse is { } whenFalse && Throws(whenFalse));
                default:
                    return false;
            }
        }

        /// <summary>Is the value a constant that every <c>return</c> inside <paramref name="scope"/> (one at least) returns too?</summary>
        private static bool ReturnsTheSameConstant(IOperation value, IOperation scope)
        {
            if (!value.ConstantValue.HasValue)
            {
                return false;
            }

            var found = false;
            foreach (var operation in OperationFacts.ExecutedDescendants(scope))
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } inner && inner.Kind == OperationKind.Return)
                {
                    if (!returned.ConstantValue.HasValue || !Equals(returned.ConstantValue.Value, value.ConstantValue.Value))
                    {
                        return false;
                    }

                    found = true;
                }
            }

            return found;
        }

        /// <summary>
        /// The block's last statement leaves it (so its end point cannot be reached: only a catch gets past the try). With
        /// <paramref name="leavingTheMemberOnly"/>, only a <c>return</c> or <c>throw</c> counts: a <c>break</c> or
        /// <c>continue</c> leaves the try but not the loop around it.
        /// </summary>
        private static bool EndsInJump(BlockSyntax block, bool leavingTheMemberOnly = false)
            => block.Statements.LastOrDefault() switch
            {
                ReturnStatementSyntax or ThrowStatementSyntax => true,
                BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax => !leavingTheMemberOnly,
                YieldStatementSyntax yield => yield.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.YieldBreakStatement),
                _ => false,
            };

        /// <summary>Does the expression read a local declared outside <paramref name="statement"/> (a try or a loop) that
        /// <paramref name="assignedIn"/> (its try block, or the loop) assigns?</summary>
        private static bool ReadsLocalSetIn(IOperation expression, IOperation statement, IOperation assignedIn)
        {
            var span = statement.Syntax.Span;
            foreach (var read in OperationFacts.DescendantsAndSelf(expression))
            {
                if (read is not ILocalReferenceOperation { Local: var local } ||
                    local.DeclaringSyntaxReferences.Length != 1 || span.Contains(local.DeclaringSyntaxReferences[0].Span))
                {
                    continue;
                }

                foreach (var operation in OperationFacts.ExecutedDescendants(assignedIn))
                {
                    var target = operation switch
                    {
                        IAssignmentOperation assignment => assignment.Target,
                        IIncrementOrDecrementOperation increment => increment.Target,
                        _ => null,
                    };
                    if (target is ILocalReferenceOperation assigned && SymbolEqualityComparer.Default.Equals(assigned.Local, local))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A try that only deletes, in a <c>Dispose</c>, <c>DisposeAsync</c> or a finalizer: best-effort cleanup in code that must
        /// not throw and has no caller to tell (a temp-file wrapper's <c>Dispose(bool)</c>). A failed delete there leaves a file
        /// behind (PM2001's subject is the file never deleted at all) and loses no data (real-world round 11: Duplicati's
        /// temp files, catches with no fix to offer). A <c>finally</c> block is not exempt: a service deleting its temp files
        /// there usually has a logger, and its silent failures are how its disk fills (real-world round 9 judged those true,
        /// and the fix logs them).
        /// </summary>
        private static bool IsBestEffortCleanup(string write, ITryOperation tryOperation, IoTypes io)
        {
            if (!IsDelete(write) || !InDisposeOrFinalizer(tryOperation))
            {
                return false;
            }

            foreach (var (operation, other) in DirectWrites(tryOperation.Body, io))
            {
                if (operation is IInvocationOperation && !IsDelete(other))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDelete(string write) => write is "File.Delete" or "FileInfo.Delete" or "Directory.Delete" or "DirectoryInfo.Delete";

        /// <summary>The durable writes a body runs itself (calls and creations, not in lambdas or local functions), with their
        /// names as <see cref="IoTypes.GetDurableWrite(IInvocationOperation)"/> and <see cref="IoTypes.GetDurableCreation"/> give them.</summary>
        private static IEnumerable<(IOperation Operation, string Write)> DirectWrites(IOperation body, IoTypes io)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                var write = operation switch
                {
                    IInvocationOperation invocation => io.GetDurableWrite(invocation),
                    IObjectCreationOperation creation => io.GetDurableCreation(creation),
                    _ => null,
                };
                if (write is not null)
                {
                    yield return (operation, write);
                }
            }
        }

        /// <summary>
        /// Does the try block only tidy up: its writes all deletes, or all copies, moves, replaces and deletes while the same
        /// function writes outside this try (real-world round 16: LibreHardwareMonitor deletes a stale <c>.backup</c> and
        /// moves the settings file aside before it writes it, GitExtensions copies a backup before it saves, each in
        /// <c>catch { }</c>; "Rethrow" there made a save fail, or the app not start, over a backup)? A same-file helper's
        /// writes count as the try's own (<see cref="HelperWrites"/>): one that only deletes tidies up, one that writes more
        /// may hold the real save.
        /// </summary>
        private static bool IsHousekeeping(ITryOperation tryOperation, IoTypes io)
        {
            var onlyDeletes = true;
            var any = false;
            var named = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var (operation, write) in DirectWrites(tryOperation.Body, io))
            {
                any = true;
                CollectNames(operation, named);
                if (IsDelete(write))
                {
                    continue;
                }

                if (write is not ("File.Copy" or "File.Move" or "File.Replace" or "FileInfo.CopyTo" or "FileInfo.MoveTo" or "FileInfo.Replace"))
                {
                    return false;
                }

                onlyDeletes = false;
            }

            // A helper of the file that writes may hold the real save (File.Delete(tmp); WriteSettings(path)): not housekeeping.
            // One whose every write is a delete tidies up as a delete written here does (real-world round 18: Serenity's
            // TryDelete calls its Delete helper, which deletes the file and its ".delete" marker).
            foreach (var write in HelperWrites(tryOperation.Body, io))
            {
                if (!IsDelete(write))
                {
                    return false;
                }

                any = true;
            }

            if (!any)
            {
                return false;
            }

            if (onlyDeletes)
            {
                return true;
            }

            // The function's own write, outside this try: what the copy or move prepares or follows.
            IOperation function = tryOperation;
            while (function.Parent is { } parent && function is not (IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation or IConstructorBodyOperation))
            {
                function = parent;
            }

            // The function's own write of a file the copy or move names (moved aside, then written; backed up, then replaced):
            // an audit line appended elsewhere is not what the copy serves.
            foreach (var (operation, _) in DirectWrites(function, io))
            {
                if (!IsWithin(operation, tryOperation) && Names(operation, named))
                {
                    return true;
                }
            }

            return false;

            // The locals, parameters, fields and properties an operation's arguments (and receiver) read.
            static void CollectNames(IOperation operation, HashSet<ISymbol> names)
            {
                foreach (var part in Parts(operation))
                {
                    foreach (var read in part.DescendantsAndSelf())
                    {
                        if (Read(read) is { } symbol)
                        {
                            names.Add(symbol);
                        }
                    }
                }
            }

            static bool Names(IOperation operation, HashSet<ISymbol> names)
            {
                foreach (var part in Parts(operation))
                {
                    foreach (var read in part.DescendantsAndSelf())
                    {
                        if (Read(read) is { } symbol && names.Contains(symbol))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            static IEnumerable<IOperation> Parts(IOperation operation)
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (invocation.Instance is { } instance)
                        {
                            yield return instance;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                    case IObjectCreationOperation creation:
                        foreach (var argument in creation.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                }
            }

            // A named value: a local, a parameter, or a field or property of this object or a static one (not a member of
            // another value, such as an array's Length).
            static ISymbol? Read(IOperation operation) => operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
                _ => null,
            };

            static bool IsWithin(IOperation operation, IOperation ancestor)
            {
                for (var current = operation; current is not null; current = current.Parent)
                {
                    if (current == ancestor)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// A catch of <c>DirectoryNotFoundException</c> or <c>FileNotFoundException</c> (without a filter) around deletes only.
        /// <c>File.Delete</c> and <c>FileInfo.Delete</c> do not throw for a missing file, and throw
        /// <c>DirectoryNotFoundException</c> only when its folder is gone: such a catch sees only "already deleted", the
        /// delete's goal. A lock or a denied access is not of its type and goes on to the next clause (real-world round 15:
        /// OpenSim's cache purge, where another node had removed the folder, and whose next clause logs).
        /// </summary>
        private static bool CatchesOnlyAlreadyGone(ICatchClauseOperation catchClause, string write, ITryOperation tryOperation, IoTypes io)
        {
            // A helper of the file that writes (Save(b) after File.Delete(a)) loses its data to a missing folder: not exempt.
            if (catchClause.Filter is not null || !IsDelete(write) || !IsNotFound(catchClause.ExceptionType) ||
                FindHelperWrite(tryOperation.Body, io) is not null)
            {
                return false;
            }

            foreach (var (_, other) in DirectWrites(tryOperation.Body, io))
            {
                if (!IsDelete(other))
                {
                    return false;
                }
            }

            return true;

            static bool IsNotFound(ITypeSymbol? type)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (current.Name is "DirectoryNotFoundException" or "FileNotFoundException" &&
                        current.ContainingNamespace?.ToDisplayString() == "System.IO")
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private static bool InDisposeOrFinalizer(ITryOperation tryOperation)
        {
            for (var current = tryOperation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return tryOperation.SemanticModel?.GetEnclosingSymbol(tryOperation.Syntax.SpanStart) is IMethodSymbol method &&
                   (method.MethodKind == MethodKind.Destructor || OperationFacts.IsDisposeMethod(method) || IsTestTearDown(method));
        }

        /// <summary>
        /// A test framework's clean-up method (NUnit's <c>[TearDown]</c>/<c>[OneTimeTearDown]</c>, MSTest's
        /// <c>[TestCleanup]</c>/<c>[ClassCleanup]</c>/<c>[AssemblyCleanup]</c>, BenchmarkDotNet's <c>[GlobalCleanup]</c>;
        /// xUnit's is <c>Dispose</c>): the test's scratch files and folders deleted best-effort, as in <c>Dispose</c>
        /// (the session's review: a recursive temp-folder delete in a <c>[TearDown]</c> is a common, harmless look-alike).
        /// Known by the attribute's name, as the frameworks' versions differ.
        /// </summary>
        private static bool IsTestTearDown(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "TearDownAttribute" or "OneTimeTearDownAttribute" or "TestCleanupAttribute" or
                    "ClassCleanupAttribute" or "AssemblyCleanupAttribute" or "GlobalCleanupAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The first durable write the body runs whose failure reaches a catch around it; else, the first call of a
        /// helper declared in the same file whose own body runs such a write (<see cref="FindHelperWrite"/>), shown as
        /// "Save (File.WriteAllText)". Null when neither.
        /// </summary>
        private static string? FindDurableWrite(IOperation body, IoTypes io)
            => FindDirectWrite(body, io) ?? FindHelperWrite(body, io);

        /// <summary>
        /// A call in the body of a method or local function declared in the same file (not virtual, abstract, an
        /// override, partial without a body, or an iterator, whose body runs later), awaited or run to completion there
        /// (not a dropped task, not inside a nested catch that takes it), whose body runs a write naming its file that no
        /// catch inside it takes: its failure reaches the catch around the call. One level deep; asked only when some catch
        /// swallows and the body writes nothing itself.
        /// </summary>
        private static string? FindHelperWrite(IOperation body, IoTypes io)
        {
            foreach (var (invocation, helperOperation) in HelperCalls(body, io))
            {
                if (FindDirectWrite(helperOperation, io, namedFilesOnly: true) is { } write)
                {
                    return invocation.TargetMethod.Name + " (" + write + ")";
                }
            }

            return null;
        }

        /// <summary>
        /// Every write the same-file helpers a body calls run themselves (<see cref="HelperCalls"/>), each named as
        /// <see cref="DirectWrites"/> names it; a helper that calls another helper of the file that writes gives "a helper",
        /// which is no delete.
        /// </summary>
        private static IEnumerable<string> HelperWrites(IOperation body, IoTypes io)
        {
            foreach (var (_, helperOperation) in HelperCalls(body, io))
            {
                foreach (var (_, write) in DirectWrites(helperOperation, io))
                {
                    yield return write;
                }

                if (FindHelperWrite(helperOperation, io) is not null)
                {
                    yield return "a helper";
                }
            }
        }

        /// <summary>The calls in a body of methods or local functions of the same file whose body is what runs, awaited or run to
        /// completion there (not a dropped task, not inside a nested catch that takes it), with that body.</summary>
        private static IEnumerable<(IInvocationOperation Call, IOperation Body)> HelperCalls(IOperation body, IoTypes io)
        {
            var model = body.SemanticModel;
            if (model is null)
            {
                yield break;
            }

            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                if (operation is IInvocationOperation invocation &&
                    OperationFacts.IsSameFileHelper(invocation.TargetMethod, model.SyntaxTree) &&
                    !IsDroppedTask(invocation) && !IsCaughtInside(invocation, body, io) &&
                    OperationFacts.SameFileHelperBody(invocation, model, System.Threading.CancellationToken.None) is { } helperOperation)
                {
                    yield return (invocation, helperOperation);
                }
            }
        }

        /// <summary>The first write in source order; closing a writer (<c>Dispose</c>/<c>Close</c>, or a using that disposes
        /// one) counts when nothing else writes.</summary>
        /// <param name="namedFilesOnly">In a helper: only writes that name their file themselves (<c>File.*</c>,
        /// <c>FileInfo.*</c>, <c>XDocument.Save(path)</c>, <c>new FileStream(path, …)</c>, <c>new StreamWriter(path)</c>). A stream or writer the helper
        /// is given may be a <c>MemoryStream</c> the caller made, which only the caller's code shows.</param>
        private static string? FindDirectWrite(IOperation body, IoTypes io, bool namedFilesOnly = false)
        {
            string? disposeWrite = null;
            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (io.GetDurableWrite(invocation) is { } write && !IsDroppedTask(invocation) && !IsCaughtInside(invocation, body, io) &&
                            (!namedFilesOnly || IoTypes.NamesItsFile(write)))
                        {
                            if (IsClosing(invocation))
                            {
                                // Closing the previous writer before the real write: named only when nothing else writes.
                                disposeWrite ??= write;
                                break;
                            }

                            return write;
                        }

                        break;
                    case IObjectCreationOperation creation:
                        if (io.GetDurableCreation(creation) is { } created && !IsCaughtInside(creation, body, io))
                        {
                            return created;
                        }

                        break;
                    case IUsingOperation usingOperation when !namedFilesOnly:
                        disposeWrite ??= UsingDisposesDurableWriter(usingOperation.Resources, io);
                        break;
                    case IUsingDeclarationOperation usingDeclaration when !namedFilesOnly:
                        disposeWrite ??= UsingDisposesDurableWriter(usingDeclaration.DeclarationGroup, io);
                        break;
                }
            }

            return disposeWrite;
        }

        /// <summary>
        /// Is the write inside a try (within <paramref name="body"/>) whose own catch takes every <c>IOException</c>
        /// (bare, <c>Exception</c>, <c>SystemException</c> or <c>IOException</c>, no filter) and never throws? Then its
        /// failure never reaches a catch around <paramref name="body"/>: that inner catch is judged on its own.
        /// </summary>
        private static bool IsCaughtInside(IOperation write, IOperation body, IoTypes io)
        {
            for (var current = write.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is ITryOperation inner && OperationFacts.IsExecutedWithin(write, inner.Body))
                {
                    foreach (var catchClause in inner.Catches)
                    {
                        if (catchClause.Filter is null &&
                            (catchClause.ExceptionType is null or { SpecialType: SpecialType.System_Object } ||
                             TypeSymbols.InheritsFromOrEquals(io.IOException, catchClause.ExceptionType)) &&
                            !Throws(catchClause.Handler))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool Throws(IOperation handler)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(handler))
            {
                if (operation is IThrowOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>_ = File.WriteAllTextAsync(…)</c>, the bare statement, or a local nothing reads (<c>var t = sw.WriteLineAsync(s);</c>):
        /// the write fails in its task, which nobody awaits, so no catch around the call ever sees the failure (PM3002
        /// reports the dropped task).
        /// </summary>
        private static bool IsDroppedTask(IInvocationOperation invocation)
            => AsyncWrites.IsFrameworkTask(invocation.Type) &&
               (AsyncWrites.GetDroppingOperation(invocation, out _) is not null || AsyncWrites.IsStoredInALocalNobodyReads(invocation));

        private static string? UsingDisposesDurableWriter(IOperation resources, IoTypes io)
        {
            if (resources is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                        if (initializer is not null && io.IsDurableDisposable(initializer))
                        {
                            return declarator.Symbol.Type.Name + ".Dispose";
                        }
                    }
                }

                return null;
            }

            return io.IsDurableDisposable(resources) ? resources.Type!.Name + ".Dispose" : null;
        }

        /// <summary>
        /// A filter rules out I/O when it examines the exception in any way other than a positive test for an I/O
        /// exception type (e.g. <c>when (ex is not IOException)</c>, <c>when (ex.HResult == X)</c>, <c>when (Log(ex))</c>).
        /// A filter that ignores the exception (<c>when (retries &lt; 3)</c>) does not.
        /// </summary>
        private static bool FilterRulesOutIo(ICatchClauseOperation catchClause, IoTypes io)
        {
            if (catchClause.Filter is not { } filter)
            {
                return false;
            }

            var local = (catchClause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            if (local is null)
            {
                return false;
            }

            if (TypeTestRulesOutIo(filter, local, io) is { } typeTest)
            {
                return typeTest;
            }

            foreach (var operation in OperationFacts.DescendantsAndSelf(filter))
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For a filter that only tests the exception's type (<c>ex is IOException</c>, <c>ex is IOException or
        /// UnauthorizedAccessException</c>, <c>ex is IOException || ex is UnauthorizedAccessException</c>): does it let no I/O
        /// failure through? Null for any other filter.
        /// </summary>
        private static bool? TypeTestRulesOutIo(IOperation filter, ILocalSymbol local, IoTypes io)
        {
            switch (OperationFacts.UnwrapConversions(filter))
            {
                case IIsTypeOperation isType when IsLocal(isType.ValueOperand, local):
                    return !io.IsIoExceptionType(isType.TypeOperand);
                case IIsPatternOperation isPattern when IsLocal(isPattern.Value, local):
                    return PatternRulesOutIo(isPattern.Pattern, io);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                    return TypeTestRulesOutIo(either.LeftOperand, local, io) is { } left && TypeTestRulesOutIo(either.RightOperand, local, io) is { } right
                        ? left && right
                        : null;
                default:
                    return null;
            }
        }

        private static bool PatternRulesOutIo(IPatternOperation pattern, IoTypes io) => pattern switch
        {
            ITypePatternOperation typePattern => !io.IsIoExceptionType(typePattern.MatchedType),
            IDeclarationPatternOperation declarationPattern when declarationPattern.MatchedType is { } matched => !io.IsIoExceptionType(matched),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => PatternRulesOutIo(either.LeftPattern, io) && PatternRulesOutIo(either.RightPattern, io),
            _ => true,
        };

        private static bool IsLocal(IOperation operation, ILocalSymbol local)
            => OperationFacts.UnwrapConversions(operation) is ILocalReferenceOperation reference &&
               SymbolEqualityComparer.Default.Equals(reference.Local, local);

        /// <summary>Does the catch body make the failure known: throw, use the exception, log, return, record or retry
        /// (in a loop, or by running the try block's write again: a second failure is not caught here, and one that a catch
        /// inside swallows is that catch's)? <paramref name="write"/> is the try block's write, found once when needed.</summary>
        private static bool HandlesFailure(ICatchClauseOperation catchClause, ITryOperation tryOperation, IoTypes io, LoggingTypes logging, ref string? write)
        {
            var exceptionLocal = (catchClause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            var handler = catchClause.Handler;
            var retryLoop = RetryLoop(tryOperation);
            if (retryLoop is not null && catchClause.Filter is { } filter && ReadsWhatTheLoopCounts(filter, retryLoop))
            {
                // `catch (IOException) when (attempt < MaxAttempts - 1)`: the last attempt's failure is not caught and leaves
                // the loop (the twenty-eighth session's review: a common retry idiom).
                return true;
            }

            foreach (var operation in OperationFacts.ExecutedDescendants(handler))
            {
                switch (operation)
                {
                    case IThrowOperation:
                        return true;
                    case IReturnOperation { ReturnedValue: not null } returned when returned.Kind == OperationKind.Return:
                        return true;
                    case IReturnOperation { Kind: OperationKind.YieldReturn }:
                        return true;
                    case IInvocationOperation invocation when logging.IsReportingCall(invocation):
                        return true;
                    case ILocalReferenceOperation reference when exceptionLocal is not null &&
                                                                 SymbolEqualityComparer.Default.Equals(reference.Local, exceptionLocal) &&
                                                                 !IsDiscarded(reference) && !logging.IsInUnseenWrite(reference, handler):
                        return true;
                    case IAssignmentOperation assignment when RecordsOutcome(assignment.Target, handler) && !ResetsWriter(assignment, io):
                        return true;
                    case IIncrementOrDecrementOperation increment when RecordsOutcome(increment.Target, handler):
                        return true;
                    case IInvocationOperation invocation when CountsOrCompletes(invocation, handler):
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Continue } when retryLoop is not null && !GivesUpSilently(retryLoop, tryOperation, logging):
                        return true;
                    case IInvocationOperation or IObjectCreationOperation when RunsWriteAgain(operation, tryOperation, io, ref write):
                        return true;
                }
            }

            // The exception, or a report, inside a lambda the handler makes (`_ui.Post(_ => Show("…" + ex.Message), null)`):
            // handed on to run later, as a call would pass it now.
            if (TellsInALambda(handler, exceptionLocal, logging))
            {
                return true;
            }

            // A catch inside a loop that runs the write again (while/do/for) is a retry, whatever the body says, unless the
            // loop gives up after its last attempt without a word.
            return retryLoop is not null && !GivesUpSilently(retryLoop, tryOperation, logging);
        }

        /// <summary>
        /// <c>Interlocked.Increment(ref _failedWrites)</c> (or <c>Add</c>, <c>Exchange</c>… not to null) on what
        /// <see cref="RecordsOutcome"/> accepts, as <c>_failedWrites++</c> is; <c>done.SetResult(false)</c> (or <c>TrySetResult</c>, <c>SetCanceled</c>) on a
        /// <c>TaskCompletionSource</c> from outside the catch: the waiting caller gets the outcome.
        /// </summary>
        private static bool CountsOrCompletes(IInvocationOperation invocation, IOperation handler)
        {
            var method = invocation.TargetMethod;
            if (method.ContainingType is { Name: "Interlocked", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } })
            {
                // A counter, flag or status; not a reference swapped for null (`Interlocked.Exchange(ref _writer, null)?.Dispose()`:
                // cleanup, as `_writer = null` is).
                return invocation.Arguments.Length > 0 && invocation.Arguments[0].Parameter?.RefKind == RefKind.Ref &&
                       !(invocation.Arguments.Length > 1 && OperationFacts.UnwrapConversions(invocation.Arguments[1].Value).ConstantValue is { HasValue: true, Value: null }) &&
                       RecordsOutcome(invocation.Arguments[0].Value, handler);
            }

            return method.Name is "SetResult" or "TrySetResult" or "SetCanceled" or "TrySetCanceled" &&
                   method.ContainingType is { Name: "TaskCompletionSource", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } } &&
                   invocation.Instance is { } source && RecordsOutcome(source, handler);
        }

        /// <summary>
        /// Does the catch's filter let the retry loop's last failure leave the loop uncaught? It must read a local the loop's
        /// condition reads (its counter). Where both can be read — a loop counted up by its condition (<c>attempt &lt; max</c>
        /// or <c>&lt;=</c>, the counter changed nowhere else but the loop's step and the filter) and a filter comparing the
        /// counter (<c>attempt</c>, <c>++attempt</c>, <c>attempt + 1</c>) with that bound give or take a constant, also
        /// joined by <c>&amp;&amp;</c>/<c>||</c> — the filter is put the counter's last value: true there, it swallows that failure
        /// (<c>when (attempt &lt; MaxAttempts)</c>); false, it lets it go (<c>when (attempt &lt; MaxAttempts - 1)</c>). Other
        /// shapes (a loop counting down, a counter stepped in the body or in the loop's condition) are taken to let it go, as
        /// the idiom does (the session's reviews).
        /// </summary>
        private static bool ReadsWhatTheLoopCounts(IOperation filter, ILoopOperation loop)
        {
            var condition = loop switch
            {
                IForLoopOperation forLoop => forLoop.Condition,
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                _ => null,
            };
            if (condition is null || !ReadsALocalOf(filter, condition))
            {
                return false;
            }

            // Read exactly where the shapes are known; otherwise the counter read is taken for the idiom.
            if (OperationFacts.UnwrapConversions(condition) is not IBinaryOperation loopTest ||
                !Counted(loopTest, out var counter, out var bound, out var last) ||
                IsSteppedInTheBody(loop, counter, filter))
            {
                return true;
            }

            return Evaluate(filter, counter, bound, last) != true;

            static bool ReadsALocalOf(IOperation filter, IOperation condition)
            {
                foreach (var read in filter.DescendantsAndSelf())
                {
                    if (read is ILocalReferenceOperation local)
                    {
                        foreach (var counted in condition.DescendantsAndSelf())
                        {
                            if (counted is ILocalReferenceOperation other && SymbolEqualityComparer.Default.Equals(local.Local, other.Local))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            // The filter's value with the counter at its last value: true, false, or null where it cannot be read.
            static bool? Evaluate(IOperation test, ILocalSymbol counter, IOperation bound, long last)
            {
                switch (OperationFacts.UnwrapConversions(test))
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                        var (l, r) = (Evaluate(both.LeftOperand, counter, bound, last), Evaluate(both.RightOperand, counter, bound, last));
                        return l == false || r == false ? false : l == true && r == true ? true : null;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                        var (x, y) = (Evaluate(either.LeftOperand, counter, bound, last), Evaluate(either.RightOperand, counter, bound, last));
                        return x == true || y == true ? true : x == false && y == false ? false : null;
                    case IBinaryOperation comparison when Term(comparison.LeftOperand, counter, bound) is { } left &&
                                                          Term(comparison.RightOperand, counter, bound) is { } right &&
                                                          left.IsCounter != right.IsCounter:
                        // Each side is the counter or the bound, plus a constant; the counter's last value is the bound plus `last`.
                        var leftValue = left.Offset + (left.IsCounter ? last : 0);
                        var rightValue = right.Offset + (right.IsCounter ? last : 0);
                        return comparison.OperatorKind switch
                        {
                            BinaryOperatorKind.LessThan => leftValue < rightValue,
                            BinaryOperatorKind.LessThanOrEqual => leftValue <= rightValue,
                            BinaryOperatorKind.GreaterThan => leftValue > rightValue,
                            BinaryOperatorKind.GreaterThanOrEqual => leftValue >= rightValue,
                            BinaryOperatorKind.NotEquals => leftValue != rightValue,
                            BinaryOperatorKind.Equals => leftValue == rightValue,
                            _ => null,
                        };
                    default:
                        return null;
                }
            }

            // The counter stepped or set in the loop's body outside the filter (not the for loop's own step).
            static bool IsSteppedInTheBody(ILoopOperation loop, ILocalSymbol counter, IOperation filter)
            {
                foreach (var operation in loop.Body.Descendants())
                {
                    var target = operation switch
                    {
                        IIncrementOrDecrementOperation step => step.Target,
                        IAssignmentOperation assignment => assignment.Target,
                        _ => null,
                    };
                    if (target is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, counter) &&
                        !filter.Syntax.Span.Contains(operation.Syntax.Span))
                    {
                        return true;
                    }
                }

                return false;
            }

            // `counter < bound` (last value: bound - 1) or `counter <= bound` (last: bound), either way round.
            static bool Counted(IBinaryOperation test, out ILocalSymbol counter, out IOperation bound, out long last)
            {
                counter = null!;
                bound = null!;
                last = 0;
                var (kind, local, other) = OperationFacts.UnwrapConversions(test.LeftOperand) is ILocalReferenceOperation l
                    ? (test.OperatorKind, l, test.RightOperand)
                    : OperationFacts.UnwrapConversions(test.RightOperand) is ILocalReferenceOperation r
                        ? (Mirror(test.OperatorKind), r, test.LeftOperand)
                        : (BinaryOperatorKind.None, null, test.RightOperand);
                if (local is null || kind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual))
                {
                    return false;
                }

                counter = local.Local;
                bound = OperationFacts.UnwrapConversions(other);
                last = kind == BinaryOperatorKind.LessThan ? -1 : 0;
                return true;
            }

            static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
            {
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => BinaryOperatorKind.None,
            };
        }

        /// <summary>
        /// The filter side as the counter (<c>attempt</c>, <c>++attempt</c>, <c>attempt + 1</c>) or the bound
        /// (<c>MaxAttempts</c>, <c>MaxAttempts - 1</c>, or a constant when the bound is one) plus a constant; null otherwise.
        /// </summary>
        private static (bool IsCounter, long Offset)? Term(IOperation side, ILocalSymbol counter, IOperation bound)
        {
            var value = OperationFacts.UnwrapConversions(side);
            switch (value)
            {
                case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, counter):
                    return (true, 0L);
                case IIncrementOrDecrementOperation { IsPostfix: false, Target: ILocalReferenceOperation target } step
                    when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                    return (true, step.Kind == OperationKind.Increment ? 1L : -1L);
                case IIncrementOrDecrementOperation { IsPostfix: true, Target: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                    return (true, 0L);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                    when Integer(sum.RightOperand) is { } k && Term(sum.LeftOperand, counter, bound) is { } inner:
                    return (inner.IsCounter, inner.Offset + (sum.OperatorKind == BinaryOperatorKind.Add ? k : -k));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum
                    when Integer(sum.LeftOperand) is { } k && Term(sum.RightOperand, counter, bound) is { } inner:
                    return (inner.IsCounter, inner.Offset + k);
            }

            if (SameValue(value, bound))
            {
                return (false, 0L);
            }

            // A constant, against a constant bound: its distance from the bound.
            return Integer(value) is { } constant && Integer(bound) is { } limit
                ? (false, constant - limit)
                : null;

            // An integral constant (int, long, uint… within long's range).
            static long? Integer(IOperation operation)
                => OperationFacts.UnwrapConversions(operation).ConstantValue is { HasValue: true, Value: { } number } &&
                   number is int or long or uint or short or ushort or byte or sbyte
                    ? System.Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture)
                    : null;

            static bool SameValue(IOperation a, IOperation b)
            {
                var first = OperationFacts.UnwrapConversions(a);
                var second = OperationFacts.UnwrapConversions(b);
                return (first, second) switch
                {
                    (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
                    (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
                    (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
                    (IPropertyReferenceOperation x, IPropertyReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Property, y.Property),
                    _ => false,
                };
            }
        }

        /// <summary>
        /// A lambda or anonymous method the handler hands on (an argument: <c>Task.Run(…)</c>, <c>_ui.Post(…)</c>; or stored in
        /// a field, property or event) that reads the exception, not only in a write nobody sees (<c>Debug.WriteLine(ex)</c>,
        /// the console of a Windows application), or makes a reporting call. A lambda kept in a local counts when the local is
        /// invoked or handed on.
        /// </summary>
        private static bool IsHandedOn(IAnonymousFunctionOperation lambda)
        {
            IOperation value = lambda;
            while (value.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            if (value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
            {
                // `Action report = () => …; report();`: run there, or handed on from the local.
                foreach (var reference in OperationFacts.ReferencesTo(local, lambda))
                {
                    if (reference.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } call && call.Instance == reference ||
                        reference.Parent is IArgumentOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            return value.Parent is IArgumentOperation ||
                   (value.Parent is IAssignmentOperation assignment && assignment.Value == value && RecordsOutcome(assignment.Target, lambda) &&
                    OperationFacts.UnwrapConversions(assignment.Target) is not ILocalReferenceOperation) ||
                   value.Parent is IEventAssignmentOperation;
        }

        private static bool TellsInALambda(IBlockOperation handler, ILocalSymbol? exceptionLocal, LoggingTypes logging)
        {
            foreach (var operation in handler.Descendants())
            {
                if (operation is not IAnonymousFunctionOperation lambda)
                {
                    continue;
                }

                if (!IsHandedOn(lambda))
                {
                    continue;
                }

                foreach (var inner in lambda.Body.Descendants())
                {
                    if ((inner is ILocalReferenceOperation reference && exceptionLocal is not null &&
                         SymbolEqualityComparer.Default.Equals(reference.Local, exceptionLocal) && !IsDiscarded(reference) &&
                         !logging.IsInUnseenWrite(reference, lambda)) ||
                        (inner is IInvocationOperation call && logging.IsReportingCall(call)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A retry loop bounded by a count (<c>for (…; attempt &lt; 3; …)</c>, <c>while (tries++ &lt; 3)</c>; not <c>while (true)</c>,
        /// nor a loop that runs until the try block sets a flag) or by its candidates (a <c>foreach</c>) that, once the attempts are spent, carries on as if the
        /// write had succeeded: the loop ends its member, or the statement after it does not tell (a <c>throw</c>, a
        /// logging call, a <c>return</c> with a value that only the spent loop reaches or that reads what the loop set, or
        /// an <c>if</c> testing that). Then the last failure vanishes like any swallowed one.
        /// </summary>
        private static bool GivesUpSilently(ILoopOperation loop, ITryOperation tryOperation, LoggingTypes logging)
        {
            var condition = loop switch
            {
                IForLoopOperation forLoop => forLoop.Condition,
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                _ => null,
            };

            // A foreach is bounded by its candidates: once they are spent it carries on, as a spent count does, unless
            // they end in an exception (an iterator of the file that throws after its last name).
            if (loop is IForEachLoopOperation forEach && OperationFacts.ThrowsWhenSpent(forEach.Collection, System.Threading.CancellationToken.None))
            {
                return false;
            }

            var bounded = loop is IForEachLoopOperation ||
                          (condition is not null && !condition.ConstantValue.HasValue && !ReadsLocalSetIn(condition, tryOperation, tryOperation.Body));
            if (!bounded || loop.Parent is not IBlockOperation block || tryOperation.Syntax is not TryStatementSyntax tryStatement)
            {
                return false;
            }

            // Only the spent loop gets past it when every successful attempt leaves the member (a break would get there too).
            return TellsAfter(loop, EndsInJump(tryStatement.Block, leavingTheMemberOnly: true), loop, logging) switch
            {
                true => false,
                false => true,
                // The loop ends its member: nothing after it can tell. (Last in a nested block: what follows is not known.)
                null => block.Parent is null or IMethodBodyOperation or IConstructorBodyOperation or IAnonymousFunctionOperation or ILocalFunctionOperation,
            };
        }

        /// <summary>A success leaves the loop: the try block ends in a jump out of it, or the statement after the try is one, or
        /// the loop's condition reads a local the try block assigns (<c>while (!written)</c>).</summary>
        private static bool SuccessLeaves(ILoopOperation loop, ITryOperation tryOperation)
        {
            if (tryOperation.Syntax is not TryStatementSyntax tryStatement)
            {
                return false;
            }

            if (LeavesLoop(tryStatement.Block.Statements.LastOrDefault(), BreakLeavesLoop(tryStatement, loop.Syntax)))
            {
                return true;
            }

            // The statement after the try, or after a statement around it inside the loop (`lock (gate) { try … } break;`).
            for (SyntaxNode node = tryStatement; node.Parent is { } parent && parent != loop.Syntax; node = parent)
            {
                if (parent is BlockSyntax block && node is StatementSyntax statement &&
                    block.Statements.IndexOf(statement) is var index && index >= 0 && index + 1 < block.Statements.Count &&
                    LeavesLoop(block.Statements[index + 1], BreakLeavesLoop(block, loop.Syntax)))
                {
                    return true;
                }
            }

            var condition = loop switch
            {
                IForLoopOperation forLoop => forLoop.Condition,
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                _ => null,
            };
            return condition is not null && ReadsLocalSetIn(condition, tryOperation, tryOperation.Body);

            // Through the statements that only wrap another: `using (var fs = new FileStream(…)) return;` (WaitForFile's shape).
            // A break inside a switch of the loop leaves only the switch.
            static bool LeavesLoop(StatementSyntax? statement, bool breakLeaves)
                => statement switch
                {
                    BreakStatementSyntax => breakLeaves,
                    ReturnStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax => true,
                    YieldStatementSyntax yield => yield.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.YieldBreakStatement),
                    BlockSyntax block => LeavesLoop(block.Statements.LastOrDefault(), breakLeaves),
                    UsingStatementSyntax @using => LeavesLoop(@using.Statement, breakLeaves),
                    LockStatementSyntax @lock => LeavesLoop(@lock.Statement, breakLeaves),
                    FixedStatementSyntax @fixed => LeavesLoop(@fixed.Statement, breakLeaves),
                    CheckedStatementSyntax @checked => LeavesLoop(@checked.Block, breakLeaves),
                    UnsafeStatementSyntax @unsafe => LeavesLoop(@unsafe.Block, breakLeaves),
                    _ => false,
                };

            // No switch section between the statement and the loop (the review of the twentieth session: `foreach (…) switch
            // (…) { case 1: try { …; break; } catch { } break; }` goes on to the next item).
            static bool BreakLeavesLoop(SyntaxNode from, SyntaxNode loopSyntax)
            {
                for (var node = from; node is not null && node != loopSyntax; node = node.Parent)
                {
                    if (node is SwitchSectionSyntax)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// Does the catch run the try block's first write again (<c>File.AppendAllText</c>, or <c>new FileStream(path,
        /// FileMode.CreateNew, …)</c> with its writer)? That is a retry; another durable call (closing the writer, deleting a
        /// partial file) is cleanup. <paramref name="write"/> is the try block's write, found once when needed.
        /// </summary>
        private static bool RunsWriteAgain(IOperation operation, ITryOperation tryOperation, IoTypes io, ref string? write)
        {
            // A failed delete's file or folder moved aside instead, when deleting is all the try block does: a write beside
            // the delete (an append, then the delete) fails for a full disk, which no move aside makes up for (the session's
            // review). A folder's move is no write of its own (Directory.Move), so this comes first.
            if (operation is IInvocationOperation move && MovesTheDeletedAside(move, tryOperation.Body, io) && OnlyDeletes(tryOperation.Body, io))
            {
                return true;
            }

            if (operation is IInvocationOperation call && HelperCallWrite(call, io) is { } helperWrite)
            {
                write ??= FindDurableWrite(tryOperation.Body, io) ?? string.Empty;
                return helperWrite == write && CalledAlikeIn(tryOperation.Body, call);
            }

            var again = operation switch
            {
                // Closing a writer is cleanup even when the try block's first write is closing the previous one.
                IInvocationOperation invocation when IsClosing(invocation) => null,
                IInvocationOperation other => io.GetDurableWrite(other) is { } called && !IsDroppedTask(other) ? called : null,
                IObjectCreationOperation creation => io.GetDurableCreation(creation),
                _ => null,
            };
            if (again is null)
            {
                return false;
            }

            write ??= FindDurableWrite(tryOperation.Body, io) ?? string.Empty;
            if (again == write)
            {
                return operation is not IInvocationOperation { TargetMethod.Name: "Delete" } delete || DeletesTheSameAgain(delete, tryOperation.Body);
            }

            // Another way to the same file: `catch (UnauthorizedAccessException) { File.Move(src, bak); }` after
            // `File.Copy(src, bak, true)` failed makes the backup or throws. Not a delete (cleanup after a failed write).
            return operation is IInvocationOperation { TargetMethod: { IsStatic: true, Name: not "Delete" } } fallback &&
                   Destination(fallback) is { } target &&
                   WritesTheSameFile(target, tryOperation.Body, io);
        }

        /// <summary>
        /// A call of a helper of the file that writes, named as <see cref="FindHelperWrite"/> names the try block's write
        /// ("DeleteDirectoryRecursive (Directory.Delete)"); null for any other call. Called again in a catch with the same
        /// arguments as the try block's write, it is a retry whose failure escapes (nopCommerce's
        /// <c>catch (IOException) { DeleteDirectoryRecursive(path); }</c>, found by the session's re-run); a cleanup helper the
        /// try block also called after its real write is not (the session's second review).
        /// </summary>
        private static string? HelperCallWrite(IInvocationOperation call, IoTypes io)
            => call.SemanticModel is { } model && OperationFacts.IsSameFileHelper(call.TargetMethod, model.SyntaxTree) && !IsDroppedTask(call) &&
               OperationFacts.SameFileHelperBody(call, model, System.Threading.CancellationToken.None) is { } body &&
               FindDirectWrite(body, io, namedFilesOnly: true) is { } write
                ? call.TargetMethod.Name + " (" + write + ")"
                : null;

        /// <summary>Does the try block call the same method with the same arguments (paired by parameter, so named ones in
        /// another order match)?</summary>
        private static bool CalledAlikeIn(IOperation tryBody, IInvocationOperation again)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(tryBody))
            {
                if (operation is IInvocationOperation earlier && SymbolEqualityComparer.Default.Equals(earlier.TargetMethod, again.TargetMethod) &&
                    SameArguments(earlier, again))
                {
                    return true;
                }
            }

            return false;

            static bool SameArguments(IInvocationOperation first, IInvocationOperation second)
            {
                if (first.Arguments.Length != second.Arguments.Length)
                {
                    return false;
                }

                foreach (var argument in first.Arguments)
                {
                    var match = false;
                    foreach (var other in second.Arguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Parameter, other.Parameter))
                        {
                            match = argument.Value.Syntax.IsEquivalentTo(other.Value.Syntax, topLevel: false);
                            break;
                        }
                    }

                    if (!match)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Does the try block write (with a static File call) to the file this expression names, written alike?</summary>
        private static bool WritesTheSameFile(IOperation target, IOperation tryBody, IoTypes io)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(tryBody))
            {
                if (operation is IInvocationOperation { TargetMethod.IsStatic: true } earlier && io.GetDurableWrite(earlier) is not null &&
                    Destination(earlier) is { } earlierTarget &&
                    earlierTarget.Syntax.IsEquivalentTo(target.Syntax, topLevel: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The file a static File write makes: its destination for Copy/Move/Replace, else its path.</summary>
        private static IOperation? Destination(IInvocationOperation call)
        {
            IOperation? path = null;
            foreach (var argument in call.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "destFileName" or "destinationFileName":
                        return argument.Value;
                    case "path":
                        path = argument.Value;
                        break;
                }
            }

            return path;
        }

        /// <summary>
        /// A delete in the catch is a retry only when the try block deleted the same thing (the same argument or receiver,
        /// written alike): <c>catch { File.Delete(_logPath); }</c> after <c>File.Delete(_oldLogPath)</c> failed is a
        /// fallback, cleanup, not that write run again.
        /// </summary>
        private static bool DeletesTheSameAgain(IInvocationOperation delete, IOperation tryBody)
            => Deleted(delete) is { } target &&
               TryDeletes(tryBody, target, earlier => SymbolEqualityComparer.Default.Equals(earlier.TargetMethod, delete.TargetMethod));

        /// <summary>
        /// A failed delete's fallback: the file the try block deleted moved aside (<c>catch { item.MoveTo(item.FullName +
        /// ".del"); }</c>, <c>catch { File.Move(path, path + ".old"); }</c>) is out of the way, or the move throws. Real-world
        /// round 19: NewLife's log purge renames a locked old log for a later purge; a failed rename escapes (its repro).
        /// </summary>
        private static bool MovesTheDeletedAside(IInvocationOperation move, IOperation tryBody, IoTypes io)
        {
            var method = move.TargetMethod;
            IOperation? source = method switch
            {
                { Name: "MoveTo", IsStatic: false } when TypeSymbols.InheritsFromOrEquals(move.Instance?.Type, io.FileInfo) ||
                                                         TypeSymbols.InheritsFromOrEquals(move.Instance?.Type, io.DirectoryInfo) => move.Instance,
                { Name: "Move", IsStatic: true } when SymbolEqualityComparer.Default.Equals(method.ContainingType, io.File) =>
                    OperationFacts.ArgumentFor(move.Arguments, "sourceFileName"),
                { Name: "Move", IsStatic: true } when SymbolEqualityComparer.Default.Equals(method.ContainingType, io.Directory) =>
                    OperationFacts.ArgumentFor(move.Arguments, "sourceDirName"),
                _ => null,
            };
            return source is not null && TryDeletes(tryBody, source, earlier => io.GetDurableWrite(earlier) is { } write && IsDelete(write));
        }

        /// <summary>Are all the writes the body runs itself deletes (and one at least)?</summary>
        private static bool OnlyDeletes(IOperation body, IoTypes io)
        {
            var any = false;
            foreach (var (_, write) in DirectWrites(body, io))
            {
                if (!IsDelete(write))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>Does the try block delete this (the same argument or receiver, written alike) with a call
        /// <paramref name="isDelete"/> accepts?</summary>
        private static bool TryDeletes(IOperation tryBody, IOperation target, System.Func<IInvocationOperation, bool> isDelete)
        {
            foreach (var operation in OperationFacts.ExecutedDescendants(tryBody))
            {
                if (operation is IInvocationOperation earlier &&
                    isDelete(earlier) &&
                    Deleted(earlier) is { } earlierTarget &&
                    earlierTarget.Syntax.IsEquivalentTo(target.Syntax, topLevel: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>info.Delete(), File.Delete(path): what is deleted.</summary>
        private static IOperation? Deleted(IInvocationOperation call)
            => call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

        /// <summary>Dispose, DisposeAsync or Close: closing a writer or stream (which flushes it), not writing to it.</summary>
        private static bool IsClosing(IInvocationOperation invocation)
            => invocation.TargetMethod.Name is "Dispose" or "DisposeAsync" or "Close";

        private static bool IsDiscarded(ILocalReferenceOperation reference)
        {
            var parent = OperationFacts.OutermostValue(reference).Parent;

            return parent is ISimpleAssignmentOperation { Target: IDiscardOperation } ||
                   parent is IExpressionStatementOperation;
        }

        /// <summary>
        /// An assignment the code after the catch (or the caller) can see: a field, property, out/ref parameter,
        /// array element, or a local declared outside the catch.
        /// </summary>
        private static bool RecordsOutcome(IOperation target, IOperation handler)
        {
            switch (OperationFacts.UnwrapConversions(target))
            {
                case IFieldReferenceOperation:
                case IPropertyReferenceOperation:
                case IArrayElementReferenceOperation:
                case IEventReferenceOperation:
                    return true;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.RefKind != RefKind.None;
                case ILocalReferenceOperation local:
                    var declared = local.Local.DeclaringSyntaxReferences;
                    return declared.Length > 0 && !handler.Syntax.Span.Contains(declared[0].Span);
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>writer = null</c> for a writer or stream (after <c>writer?.Dispose()</c>, so that the next write reopens the
        /// file): cleanup, as closing it is. Nothing after the catch can tell a failure from a writer never opened.
        /// </summary>
        private static bool ResetsWriter(IAssignmentOperation assignment, IoTypes io)
            => assignment is ISimpleAssignmentOperation { Value: { } value } &&
               OperationFacts.UnwrapConversions(value).ConstantValue is { HasValue: true, Value: null } &&
               assignment.Target.Type is { } type &&
               (TypeSymbols.InheritsFromOrEquals(type, io.Stream) || TypeSymbols.InheritsFromOrEquals(type, io.TextWriter) ||
                TypeSymbols.InheritsFromOrEquals(type, io.BinaryWriter));

        /// <summary>
        /// The while/do/for loop around the try that runs the write again after a failure: one that a success leaves (the
        /// try block ends in a <c>break</c>, <c>return</c> or <c>throw</c>, or the statement after the try does; or the loop's
        /// condition reads a flag the try block sets). A loop that goes on to the next item after a success
        /// (<c>for (i…) try { File.WriteAllText(files[i], …) } catch { }</c>, <c>while (queue.TryDequeue(out m)) try { File.AppendAllText(…, m) } …</c>,
        /// <c>foreach (var file in files) …</c>) writes another item each time: a swallowed failure loses that item
        /// (real-world round 11: ShareX's logger, NuGet's migration markers). A <c>foreach</c> that a success leaves tries
        /// candidates until one works (<c>foreach (var name in names) try { return File.CreateText(name); } catch (IOException) { }</c>,
        /// OpenRA's log files, real-world round 12): a retry over the candidates, bounded by them as a counted loop is.
        /// </summary>
        private static ILoopOperation? RetryLoop(ITryOperation tryOperation)
        {
            for (var current = tryOperation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IWhileLoopOperation:
                    case IForLoopOperation:
                    case IForEachLoopOperation:
                        var loop = (ILoopOperation)current;
                        return SuccessLeaves(loop, tryOperation) ? loop : null;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }
    }
}
