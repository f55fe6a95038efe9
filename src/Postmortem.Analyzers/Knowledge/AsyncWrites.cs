using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Asynchronous writes whose task carries the write's failure (PM3002), the ways such a task is dropped,
    /// and the fire-and-forget launchers (Task.Run, TaskFactory.StartNew, ThreadPool.QueueUserWorkItem).
    /// Types are resolved once per compilation by metadata name.
    /// </summary>
    internal sealed class AsyncWrites
    {
        /// <summary>Async members of File, Stream and TextWriter whose task is a durable write.</summary>
        private static readonly ImmutableHashSet<string> IoAsyncWriteMembers = ImmutableHashSet.Create(
            "WriteAllTextAsync", "WriteAllBytesAsync", "WriteAllLinesAsync",
            "AppendAllTextAsync", "AppendAllLinesAsync", "AppendAllBytesAsync",
            "WriteAsync", "WriteLineAsync", "FlushAsync", "CopyToAsync");

        private AsyncWrites(Compilation compilation, IoTypes io)
        {
            Io = io;
            ChannelWriter = TypeLookup.Get(compilation, "System.Threading.Channels.ChannelWriter`1");
            PipeWriter = TypeLookup.Get(compilation, "System.IO.Pipelines.PipeWriter");
            Task = TypeLookup.Get(compilation, "System.Threading.Tasks.Task");
            TaskFactory = TypeLookup.Get(compilation, "System.Threading.Tasks.TaskFactory");
            TaskFactoryOfT = TypeLookup.Get(compilation, "System.Threading.Tasks.TaskFactory`1");
            ThreadPool = TypeLookup.Get(compilation, "System.Threading.ThreadPool");
            HttpResponse = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
        }

        public IoTypes Io { get; }

        public INamedTypeSymbol? ChannelWriter { get; }

        public INamedTypeSymbol? PipeWriter { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskFactory { get; }

        public INamedTypeSymbol? TaskFactoryOfT { get; }

        public INamedTypeSymbol? ThreadPool { get; }

        public INamedTypeSymbol? HttpResponse { get; }

        public static AsyncWrites? Create(Compilation compilation)
        {
            var io = IoTypes.Create(compilation);
            return io is null ? null : new AsyncWrites(compilation, io);
        }

        /// <summary>Cheap name test before any symbol work: could this method be an async write or a launcher?</summary>
        public static bool IsCandidateName(string name)
            => name.EndsWith("Async", System.StringComparison.Ordinal) || IsLauncherName(name);

        /// <summary>
        /// A call of a method of the project that returns a task, whatever its name (<c>_ = Start();</c>, real-world round 34:
        /// a service whose run is not named …Async): it may drop a task its body fails, as a call of a <c>…Async</c> helper
        /// may. The call's type first (bound already; most calls return something else), then the method's assembly: this
        /// compilation's source, no metadata method.
        /// </summary>
        public static bool CallsOwnTaskMethod(IInvocationOperation invocation)
            => IsSystemTask(invocation.Type) && invocation.TargetMethod.ContainingAssembly is ISourceAssemblySymbol;

        /// <summary><c>System.Threading.Tasks.Task</c>, <c>ValueTask</c> or a generic one: not a task-like type of another namespace,
        /// whose method builder may handle the failure itself (the session's review).</summary>
        public static bool IsSystemTask(ITypeSymbol? type)
            => type is INamedTypeSymbol
            {
                Name: "Task" or "ValueTask",
                ContainingType: null,
                ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
            };

        /// <summary>Diagnostic property values (see PM3002DiscardedWriteTaskAnalyzer.KindProperty).</summary>
        public const string WriteKind = "Write";

        public const string LauncherKind = "Launcher";

        /// <summary>A task-returning method of the same file that writes (<see cref="GetHelperWrite"/>): no synchronous counterpart.</summary>
        public const string HelperKind = "Helper";

        public const string QueueUserWorkItem = "ThreadPool.QueueUserWorkItem";

        private static bool IsLauncherName(string name) => name is "Run" or "StartNew" or "QueueUserWorkItem";

        /// <summary>
        /// If the invocation starts an asynchronous durable write, a short name for it ("File.WriteAllTextAsync",
        /// "Stream.WriteAsync", "ChannelWriter.WriteAsync"); otherwise null. In-memory streams, StringWriter, the console,
        /// sockets and HTTP response bodies are not durable (see IoTypes).
        /// </summary>
        public string? GetAsyncWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (!name.EndsWith("Async", System.StringComparison.Ordinal) || method.ReturnsVoid)
            {
                return null;
            }

            if (IoAsyncWriteMembers.Contains(name) && Io.GetDurableWrite(invocation) is { } write)
            {
                return write;
            }

            if (method.IsStatic || invocation.Instance is not { } instance)
            {
                return null;
            }

            var receiverType = instance.Type ?? method.ContainingType;
            if (name == "WriteAsync" && TypeSymbols.InheritsFromOrEquals(receiverType, ChannelWriter))
            {
                return "ChannelWriter.WriteAsync";
            }

            if ((name == "WriteAsync" || name == "FlushAsync") && TypeSymbols.InheritsFromOrEquals(receiverType, PipeWriter) &&
                !IsResponseBodyWriter(instance))
            {
                return "PipeWriter." + name;
            }

            return null;
        }

        /// <summary>
        /// If the invocation calls a task-returning method of this file whose task fails when a durable write does, the
        /// method's name with the write's (<c>SaveAsync (File.AppendAllTextAsync)</c>); otherwise null. An <c>async</c>
        /// method's writes that no catch takes (<see cref="IoCatches.IsCaught"/>) count, its own and those of the methods of this file it calls, as
        /// a work item's are followed (an asynchronous write only when the method waits for it: not one whose task it drops,
        /// reported where it is dropped, nor one it continues, stores or hands on; nor a write through its own parameter, the
        /// caller's argument's). A partial method is read from its implementation. A method that is not <c>async</c> fails its task only
        /// through a task it returns: a write's (<c>Task SaveAsync(string s) => File.WriteAllTextAsync(path, s)</c>); its
        /// synchronous writes throw at the call, where the caller sees them.
        /// </summary>
        public string? GetHelperWrite(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (!IsSystemTask(method.ReturnType) || invocation.SemanticModel is not { } model ||
                OperationFacts.SameFileHelperBody(method, model, cancellationToken, overridable: true) is not { } body)
            {
                return null;
            }

            string? write = null;
            if (OperationFacts.Implementation(method).IsAsync)
            {
                Dictionary<IMethodSymbol, int>? readAt = null;
                _ = HelperDepths.ShouldRead(ref readAt, method, 1);
                write = FindWrite(body, body, 1, ref readAt, cancellationToken);
            }
            else
            {
                Dictionary<IMethodSymbol, int>? readAt = null;
                _ = HelperDepths.ShouldRead(ref readAt, method, 1);
                foreach (var operation in OperationFacts.ExecutedDescendants(body))
                {
                    if (operation is not IReturnOperation { ReturnedValue: { } value })
                    {
                        continue;
                    }

                    // A write's task, or a work item's (Task SaveAsync(string s) => Task.Run(() => File.WriteAllText(path, s))).
                    write = ReturnedWrite(value) ?? ReturnedWorkItemWrite(value, ref readAt, cancellationToken);
                    if (write is not null)
                    {
                        break;
                    }
                }
            }

            return write is null ? null : method.Name + " (" + write + ")";
        }

        /// <summary>The write whose task a method returns: the returned call, or either branch of <c>?:</c> or <c>??</c>; not a
        /// write through the method's own parameter (the caller's stream).</summary>
        private string? ReturnedWrite(IOperation value)
        {
            switch (OperationFacts.UnwrapConversions(value))
            {
                case IInvocationOperation returned:
                    return returned.Instance is { } instance && OperationFacts.UnwrapConversions(instance) is IParameterReferenceOperation
                        ? null
                        : GetAsyncWrite(returned);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return ReturnedWrite(conditional.WhenTrue) ?? ReturnedWrite(whenFalse);
                case ICoalesceOperation coalesce:
                    return ReturnedWrite(coalesce.Value) ?? ReturnedWrite(coalesce.WhenNull);
                default:
                    return null;
            }
        }

        /// <summary>
        /// An asynchronous method of a stream's own type, beyond <c>Stream</c>'s: an instance method of a class derived from
        /// <c>System.IO.Stream</c>, declared there (not <c>Stream</c>'s own members, which <see cref="GetAsyncWrite"/> judges),
        /// returning a task, named <c>Write…Async</c>, <c>Flush…Async</c>, <c>Close…Async</c>, <c>Finish…Async</c> or
        /// <c>PutNext…Async</c>: SharpZipLib's <c>TarOutputStream.CloseEntryAsync</c>, <c>ZipOutputStream.PutNextEntryAsync</c>
        /// and <c>FinishAsync</c> write an archive's entries and end. Only for a continuation that never looks at the task
        /// (real-world round 17, ONLYOFFICE DocSpace's backup: a truncated tar entry's exception was lost): a stream type of
        /// one's own can write anywhere, in memory too, so nothing else is judged by this. "TarOutputStream.CloseEntryAsync", or null.
        /// </summary>
        public string? GetStreamEntryWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (method.IsStatic || method.ReturnsVoid || Io.Stream is null || !name.EndsWith("Async", System.StringComparison.Ordinal) ||
                !(name.StartsWith("Write", System.StringComparison.Ordinal) || name.StartsWith("Flush", System.StringComparison.Ordinal) ||
                  name.StartsWith("Close", System.StringComparison.Ordinal) || name.StartsWith("Finish", System.StringComparison.Ordinal) ||
                  name.StartsWith("PutNext", System.StringComparison.Ordinal)))
            {
                return null;
            }

            var declaring = method.ContainingType;
            if (declaring is null || SymbolEqualityComparer.Default.Equals(declaring, Io.Stream) || !TypeSymbols.InheritsFromOrEquals(declaring, Io.Stream) ||
                method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" })
            {
                return null;
            }

            // A method that overrides Stream's own (WriteAsync, FlushAsync) is Stream's write, judged by GetAsyncWrite.
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.ContainingType, Io.Stream))
                {
                    return null;
                }
            }

            return declaring.Name + "." + name;
        }

        /// <summary>Task.Run, Task.Factory.StartNew (TaskFactory and TaskFactory&lt;T&gt;) and ThreadPool.QueueUserWorkItem.</summary>
        public string? GetLauncher(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return null;
            }

            switch (method.Name)
            {
                case "Run" when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, Task):
                    return "Task.Run";
                case "StartNew" when SymbolEqualityComparer.Default.Equals(type, TaskFactory) ||
                                     SymbolEqualityComparer.Default.Equals(type, TaskFactoryOfT):
                    return "Task.Factory.StartNew";
                case "QueueUserWorkItem" when SymbolEqualityComparer.Default.Equals(type, ThreadPool):
                    return QueueUserWorkItem;
                default:
                    return null;
            }
        }

        /// <summary>The lambda or anonymous method passed as the launcher's work item, if it is written inline.</summary>
        public static IAnonymousFunctionOperation? GetWorkItemLambda(IInvocationOperation launcher)
        {
            foreach (var argument in launcher.Arguments)
            {
                if (DelegateTarget(argument) is IAnonymousFunctionOperation lambda)
                {
                    return lambda;
                }
            }

            return null;
        }

        /// <summary>What an argument makes a delegate of: a lambda, or a method group's <see cref="IMethodReferenceOperation"/>.</summary>
        private static IOperation DelegateTarget(IArgumentOperation argument)
        {
            var value = OperationFacts.UnwrapConversions(argument.Value);
            return value is IDelegateCreationOperation creation ? OperationFacts.UnwrapConversions(creation.Target) : value;
        }

        /// <summary>
        /// The body of a work item passed as a method group (<c>Task.Factory.StartNew(Writer, …)</c>, <c>Task.Run(DrainAsync)</c>):
        /// the method's own body, when it is an ordinary method or local function with a body in the same file (real-world
        /// round 9: a queue logger's writer loop, whose first failed write ended all later logging in silence). Virtual,
        /// abstract, interface and extern methods, and methods of other files, are not followed.
        /// </summary>
        public static IOperation? GetWorkItemMethodBody(IInvocationOperation launcher, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var argument in launcher.Arguments)
            {
                if (DelegateTarget(argument) is not IMethodReferenceOperation { Method: { } method } ||
                    method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern ||
                    method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) ||
                    method.DeclaringSyntaxReferences.Length != 1 || launcher.SemanticModel is not { } model)
                {
                    continue;
                }

                var reference = method.DeclaringSyntaxReferences[0];
                if (reference.SyntaxTree != launcher.Syntax.SyntaxTree)
                {
                    continue;
                }

                // A block or an expression body, both as a block operation (an expression body's is implicit).
                return model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) switch
                {
                    IMethodBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                    ILocalFunctionOperation local => local.Body,
                    _ => null,
                };
            }

            return null;
        }

        /// <summary>
        /// The first durable write the work item performs whose failure would fault the launched task (or escape it):
        /// sync writes, and async writes it awaits or returns, its own or those of a method of this file it calls (named
        /// then: <c>WriteFile (StreamWriter.Write)</c>). Writes under a catch that takes their I/O failure and does not
        /// only throw it again (<see cref="IoCatches.IsCaught"/>) are the lambda's own business (PM3001 judges those
        /// catches), and async writes the lambda itself drops are reported on their own.
        /// </summary>
        public string? FindWriteInWorkItem(IAnonymousFunctionOperation lambda, System.Threading.CancellationToken cancellationToken)
            => FindWriteInWorkItem(lambda.Body, lambda, cancellationToken);

        /// <summary>The same, in a work item's body (a lambda's, or a method's passed as a method group) up to <paramref name="boundary"/>.</summary>
        public string? FindWriteInWorkItem(IOperation body, IOperation boundary, System.Threading.CancellationToken cancellationToken)
        {
            Dictionary<IMethodSymbol, int>? readAt = null;
            return FindWrite(body, boundary, 0, ref readAt, cancellationToken);
        }

        /// <summary>
        /// The work item's writes, then those of the methods of this file it calls, that no catch takes
        /// (ones that return no task, and those whose task it awaits or returns), up to <see cref="HelperDepths.Max"/> calls deep,
        /// each method read once at the shallowest depth it is reached at (so that the order of the calls does not decide).
        /// In a helper, a write through one of its parameters is the caller's argument's (a <c>MemoryStream</c>…) and does not count.
        /// A virtual method counts (not an abstract one): its body is what runs for an instance of its type, as PM3006 reads
        /// a timer handler's. Real-world round 19: NewLife's file log queues <c>QueueUserWorkItem(s => { try { WriteFile(); }
        /// finally { … } })</c>, and its <c>protected virtual WriteFile</c> writes to the log's <c>StreamWriter</c>; its
        /// repro's full disk ended the process.
        /// </summary>
        private string? FindWrite(IOperation body, IOperation boundary, int depth, ref Dictionary<IMethodSymbol, int>? readAt, System.Threading.CancellationToken cancellationToken)
        {
            List<IInvocationOperation>? helperCalls = null;
            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                string? write = null;
                if (operation is IInvocationOperation invocation)
                {
                    write = GetAsyncWrite(invocation);
                    if (write is not null)
                    {
                        // Only a write task this code waits for fails it: one dropped is reported where it is dropped, and
                        // one continued, stored or handed to a helper (.Forget()) is someone else's to observe.
                        if (!IsWaitedFor(invocation))
                        {
                            continue;
                        }
                    }
                    else
                    {
                        write = Io.GetDurableWrite(invocation);
                        if (write is null && GetAwaitedWorkItem(invocation, cancellationToken) is { } workItem)
                        {
                            // await Task.Run(async () => await File.WriteAllTextAsync(…)): the work item's failure is this
                            // code's, as a helper's it awaits is (round 22's probe).
                            if (!IoCatches.IsCaught(invocation, boundary, Io) &&
                                WorkItemWrite(workItem, depth, ref readAt, cancellationToken) is { } inner)
                            {
                                return inner;
                            }

                            continue;
                        }

                        if (write is null && depth < HelperDepths.Max && MayFollow(invocation))
                        {
                            (helperCalls ??= new List<IInvocationOperation>()).Add(invocation);
                            continue;
                        }
                    }

                    if (depth > 0 && invocation.Instance is { } instance && OperationFacts.UnwrapConversions(instance) is IParameterReferenceOperation)
                    {
                        continue;
                    }
                }
                else if (operation is IObjectCreationOperation creation)
                {
                    write = Io.GetDurableCreation(creation);
                }

                if (write is not null && !IoCatches.IsCaught(operation, boundary, Io))
                {
                    return write;
                }
            }

            if (helperCalls is null)
            {
                return null;
            }

            foreach (var call in helperCalls)
            {
                if (IoCatches.IsCaught(call, boundary, Io) || call.SemanticModel is not { } model ||
                    !HelperDepths.ShouldRead(ref readAt, call.TargetMethod, depth + 1) ||
                    OperationFacts.SameFileHelperBody(call.TargetMethod, model, cancellationToken, overridable: true) is not { } helper)
                {
                    continue;
                }

                if (FindWrite(helper, helper, depth + 1, ref readAt, cancellationToken) is { } inner)
                {
                    // Named by the work item's own call (deeper helpers return the write's own name).
                    return depth == 0 ? call.TargetMethod.Name + " (" + inner + ")" : inner;
                }
            }

            return null;

            // A method whose task the work item awaits or returns (Task.Run unwraps a returned task): its failures fault the
            // work item's. Otherwise one that returns no task: a task dropped there fails alone, where the work item does not see it.
            static bool MayFollow(IInvocationOperation call)
                => IsAwaitedOrReturned(call) ||
                   (!OperationFacts.Implementation(call.TargetMethod).IsAsync &&
                    call.TargetMethod.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" });
        }

        /// <summary>
        /// The work item of a launcher whose task this code waits for (<c>await Task.Run(async () => …)</c>, <c>await
        /// Task.Run(Save)</c>, <c>Task.Factory.StartNew(() => …).Wait()</c>): its failure fails the launcher's task. A work
        /// item given to <c>StartNew</c> that returns a task (an <c>async</c> lambda, <c>() => File.WriteAllTextAsync(…)</c>)
        /// counts only through <c>.Unwrap()</c>: <c>StartNew</c>'s own task ends when the inner one is made, whose failure
        /// nobody holds (the session's review). Not <c>QueueUserWorkItem</c>, nor an <c>async void</c> work item.
        /// </summary>
        /// <param name="returned">The launcher's task (or its <c>.Unwrap()</c>) is what a method returns, through <c>?:</c> or <c>??</c> too.</param>
        private WorkItem? GetAwaitedWorkItem(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken, bool returned = false)
        {
            var name = invocation.TargetMethod.Name;
            if ((name != "Run" && name != "StartNew") || GetLauncher(invocation) is not { } launcher)
            {
                return null;
            }

            if (IsAsyncVoidWorkItem(invocation))
            {
                return null;
            }

            WorkItem item;
            bool returnsTask;
            if (GetWorkItemLambda(invocation) is { } lambda)
            {
                item = new WorkItem(lambda.Body, lambda, null);
                returnsTask = lambda.Symbol.IsAsync || IsTaskType(lambda.Symbol.ReturnType);
            }
            else if (WorkItemMethod(invocation) is { } method && GetWorkItemMethodBody(invocation, cancellationToken) is { } body)
            {
                item = new WorkItem(body, body, method);
                returnsTask = IsTaskType(method.ReturnType);
            }
            else
            {
                return null;
            }

            IOperation waited = invocation;
            if (launcher != "Task.Run" && returnsTask)
            {
                // Task.Factory.StartNew(async () => …).Unwrap(): the extension's argument.
                var parent = invocation.Parent;
                while (parent is IConversionOperation or IArgumentOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is not IInvocationOperation unwrap || !IsTaskUnwrap(unwrap.TargetMethod))
                {
                    return null;
                }

                waited = unwrap;
            }

            return returned || IsWaitedFor(waited) ? item : null;

            static bool IsTaskType(ITypeSymbol? type) => type is INamedTypeSymbol { Name: "Task" or "ValueTask" };
        }

        /// <summary>The write of a work item whose task a method returns (<c>Task.Run(…)</c>, <c>StartNew(…).Unwrap()</c>), or
        /// either branch of <c>?:</c> or <c>??</c> (<c>large ? Task.Run(…) : Task.CompletedTask</c>), as <see cref="ReturnedWrite"/>.</summary>
        private string? ReturnedWorkItemWrite(IOperation value, ref Dictionary<IMethodSymbol, int>? readAt, System.Threading.CancellationToken cancellationToken)
        {
            switch (OperationFacts.UnwrapConversions(value))
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return ReturnedWorkItemWrite(conditional.WhenTrue, ref readAt, cancellationToken) ?? ReturnedWorkItemWrite(whenFalse, ref readAt, cancellationToken);
                case ICoalesceOperation coalesce:
                    return ReturnedWorkItemWrite(coalesce.Value, ref readAt, cancellationToken) ?? ReturnedWorkItemWrite(coalesce.WhenNull, ref readAt, cancellationToken);
            }

            return ReturnedLauncher(value) is { } launcher && GetAwaitedWorkItem(launcher, cancellationToken, returned: true) is { } workItem
                ? WorkItemWrite(workItem, 1, ref readAt, cancellationToken)
                : null;
        }

        /// <summary>The launcher whose task a method returns: the returned call, or the one <c>.Unwrap()</c> is called on
        /// (<c>Task.Factory.StartNew(async () => …).Unwrap()</c>; the second review).</summary>
        private static IInvocationOperation? ReturnedLauncher(IOperation value)
        {
            if (OperationFacts.UnwrapConversions(value) is not IInvocationOperation returned)
            {
                return null;
            }

            if (IsTaskUnwrap(returned.TargetMethod) &&
                (returned.Instance ?? (returned.Arguments.Length > 0 ? returned.Arguments[0].Value : null)) is { } unwrapped &&
                OperationFacts.UnwrapConversions(unwrapped) is IInvocationOperation launcher)
            {
                return launcher;
            }

            return returned;
        }

        /// <summary>
        /// Is the launcher's work item <c>async void</c> (an <c>async</c> lambda made an <c>Action</c> or <c>WaitCallback</c>,
        /// <c>Task.Run(SaveVoid)</c>)? The launcher's task ends at its first await, and a later failure is raised on the thread
        /// pool, unhandled: it ends the process rather than vanishing, whether the launcher's task is awaited or dropped (the
        /// session's second and third reviews).
        /// </summary>
        public static bool IsAsyncVoidWorkItem(IInvocationOperation launcher)
        {
            if (GetWorkItemLambda(launcher) is { } lambda)
            {
                return lambda.Symbol.IsAsync && lambda.Symbol.ReturnsVoid;
            }

            return WorkItemMethod(launcher) is { ReturnsVoid: true } method && OperationFacts.Implementation(method).IsAsync;
        }

        /// <summary><c>System.Threading.Tasks.TaskExtensions.Unwrap</c>, not a method of one's own by that name (the third review).</summary>
        private static bool IsTaskUnwrap(IMethodSymbol method)
            => method.Name == "Unwrap" &&
               method.ContainingType is { Name: "TaskExtensions", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

        /// <summary>The method a launcher is given as a method group (<c>Task.Run(Save)</c>), if any.</summary>
        private static IMethodSymbol? WorkItemMethod(IInvocationOperation launcher)
        {
            foreach (var argument in launcher.Arguments)
            {
                if (DelegateTarget(argument) is IMethodReferenceOperation reference)
                {
                    return reference.Method;
                }
            }

            return null;
        }

        /// <summary>The write of a work item this code waits for: a lambda's, read as part of this code; a method's, read as a
        /// helper's one call deeper (named by the method at the top: <c>Save (File.WriteAllText)</c>).</summary>
        private string? WorkItemWrite(WorkItem item, int depth, ref Dictionary<IMethodSymbol, int>? readAt, System.Threading.CancellationToken cancellationToken)
        {
            if (item.Method is null)
            {
                return FindWrite(item.Body, item.Boundary, depth, ref readAt, cancellationToken);
            }

            if (depth >= HelperDepths.Max || !HelperDepths.ShouldRead(ref readAt, item.Method, depth + 1) ||
                FindWrite(item.Body, item.Boundary, depth + 1, ref readAt, cancellationToken) is not { } inner)
            {
                return null;
            }

            return depth == 0 ? item.Method.Name + " (" + inner + ")" : inner;
        }

        /// <summary>A work item's body, the operation its catches are read up to, and its method when given as a method group.</summary>
        private sealed class WorkItem
        {
            public WorkItem(IOperation body, IOperation boundary, IMethodSymbol? method)
            {
                Body = body;
                Boundary = boundary;
                Method = method;
            }

            public IOperation Body { get; }
            public IOperation Boundary { get; }
            public IMethodSymbol? Method { get; }
        }

        /// <summary>
        /// Does a failure of the call reach the code that makes it? Yes for a call that returns no task; for one that returns a
        /// <c>Task</c> or <c>ValueTask</c>, only when the code awaits it or waits for it synchronously (<c>.Wait()</c>,
        /// <c>.GetAwaiter().GetResult()</c>, <c>.Result</c>, through a local or <c>Task.WaitAll</c>): an async write's I/O failure
        /// is in its task, so a catch around a dropped <c>File.WriteAllTextAsync(…)</c> or the timer running it never sees it
        /// (real-world round 26). A task returned is its caller's: <paramref name="returnedTaskWaited"/> says whether the caller
        /// waits for it.
        /// </summary>
        public static bool FailsWhereCalled(IInvocationOperation call, bool returnedTaskWaited = false)
        {
            if (!IsFrameworkTask(call.Type))
            {
                return true;
            }

            // A return, also of a local or a Task.WhenAll holding the task, counts as the caller waits (the review of the
            // twenty-seventh session: `Task SaveAllAsync() => Task.WhenAll(File.WriteAllTextAsync(…), …)` dropped by a handler).
            return IsWaitedFor(call, returnIsWaited: returnedTaskWaited);
        }

        /// <summary><c>System.Threading.Tasks.Task</c> or <c>ValueTask</c> (generic or not).</summary>
        public static bool IsFrameworkTask(ITypeSymbol? type)
            => type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

        /// <summary>
        /// <c>var t = sw.WriteLineAsync(s);</c> with <c>t</c> never read in the code around it (lambdas and local functions
        /// included): the task is dropped under a name (real-world round 27, a file logger's `Log`).
        /// </summary>
        public static bool IsStoredInALocalNobodyReads(IInvocationOperation call)
        {
            if (TaskUse(call).Use is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
            {
                return false;
            }

            foreach (var _ in OperationFacts.ReferencesTo(local, call))
            {
                return false;
            }

            return true;
        }

        /// <summary>Is the call's task awaited or returned (through <c>ConfigureAwait</c>, <c>AsTask</c> and conversions)?</summary>
        private static bool IsAwaitedOrReturned(IInvocationOperation call)
            => TaskUse(call).Use is IAwaitOperation or IReturnOperation;

        /// <summary>
        /// Does the code wait for the call's task, so that its failure is the code's: awaited, returned, or waited for
        /// synchronously (<c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>.Result</c>), also through <c>WaitAsync</c>,
        /// <c>Task.WhenAll</c>/<c>WhenAny</c> waited for in turn, <c>Task.WaitAll</c>/<c>WaitAny</c>, or a local waited for
        /// later (<c>var t = …; await t;</c>)? Not a task continued, stored in a field or handed to another method
        /// (<c>.Forget()</c>): someone else observes it.
        /// </summary>
        /// <param name="returnIsWaited">Does a return count as waiting (the caller's code is checked for the rest)? Not when the
        /// question is whether a failure reaches the code itself (<see cref="FailsWhereCalled"/>).</param>
        private static bool IsWaitedFor(IOperation task, int depth = 0, bool returnIsWaited = true)
        {
            var (use, value) = TaskUse(task);
            switch (use)
            {
                case IAwaitOperation:
                    return true;
                case IReturnOperation:
                    return returnIsWaited;
                case IInvocationOperation { TargetMethod.Name: "Wait" } wait when wait.Instance == value:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter", Parent: IInvocationOperation { TargetMethod.Name: "GetResult" } } awaiter when awaiter.Instance == value:
                    return true;
                case IPropertyReferenceOperation { Property.Name: "Result" } result when result.Instance == value:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return depth < MaxWaitDepth && IsLocalWaitedFor(declarator.Symbol, task, depth, returnIsWaited);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == value:
                    return depth < MaxWaitDepth && IsLocalWaitedFor(local.Local, task, depth, returnIsWaited);
                case { } other when depth < MaxWaitDepth && Combinator(other) is { } combinator:
                    return combinator.TargetMethod.Name is "WaitAll" or "WaitAny" || IsWaitedFor(combinator, depth + 1, returnIsWaited);
                default:
                    return false;
            }

            // Task.WhenAll(a, b), Task.WhenAll(new[] { a, b }), Task.WaitAll(…): Task's own combinators. Their params
            // argument is an array, or (.NET 9's ReadOnlySpan overloads) a collection the compiler makes: implicit.
            static IInvocationOperation? Combinator(IOperation use)
            {
                var current = use;
                for (var step = 0; step < 3 && current is not IArgumentOperation &&
                                   (current is IArrayInitializerOperation or IArrayCreationOperation || current.IsImplicit || OperationFacts.IsCollectionExpression(current)) &&
                                   current.Parent is { } up; step++)
                {
                    current = up;
                }

                return current is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" or "WhenAny" or "WaitAll" or "WaitAny" } method } invocation } &&
                       method.ContainingType is { Name: "Task", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } }
                    ? invocation
                    : null;
            }
        }

        /// <summary>How many hand-overs (a local, a combinator) <see cref="IsWaitedFor"/> follows.</summary>
        private const int MaxWaitDepth = 3;

        /// <summary>Is the local holding the task waited for anywhere in the code around it?</summary>
        private static bool IsLocalWaitedFor(ILocalSymbol local, IOperation origin, int depth, bool returnIsWaited)
        {
            foreach (var reference in OperationFacts.ReferencesTo(local, origin))
            {
                if (IsWaitedFor(reference, depth + 1, returnIsWaited))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the task is given to, past <c>ConfigureAwait</c>, <c>AsTask</c>, <c>WaitAsync</c>, parentheses and
        /// conversions, with the outermost of those (the value the user is given to).</summary>
        private static (IOperation? Use, IOperation Value) TaskUse(IOperation task)
        {
            var current = task;
            var parent = task.Parent;
            while (true)
            {
                if (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }
                else if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" or "WaitAsync" } wrapper && wrapper.Instance == current)
                {
                    current = parent;
                    parent = parent.Parent;
                }
                else
                {
                    return (parent, current);
                }
            }
        }

        /// <summary>
        /// The operation that drops the invocation's result, if any: an expression statement (explicit or the implicit
        /// one of a void-returning expression-bodied lambda or member) or a <c>_ =</c> discard assignment statement.
        /// <c>ConfigureAwait</c>/<c>AsTask</c> on the result, <c>?.</c>, and the arms of <c>?:</c> and <c>??</c> are looked through. <paramref name="isDiscard"/>
        /// tells which form it is.
        /// </summary>
        public static IOperation? GetDroppingOperation(IInvocationOperation invocation, out bool isDiscard)
        {
            isDiscard = false;
            IOperation current = invocation;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IInvocationOperation outer when outer.Instance == current &&
                                                         outer.TargetMethod.Name is "ConfigureAwait" or "AsTask":
                        current = outer;
                        continue;
                    case IConversionOperation or IParenthesizedOperation:
                        current = parent;
                        continue;
                    case IConditionalAccessOperation conditional when conditional.WhenNotNull == current:
                        current = conditional;
                        continue;
                    case IConditionalOperation choice when choice.WhenTrue == current || choice.WhenFalse == current:
                        // `_ = flag ? File.WriteAllTextAsync(…) : Task.CompletedTask;` (the twenty-seventh session's review).
                        current = choice;
                        continue;
                    case ICoalesceOperation coalesce when coalesce.Value == current || coalesce.WhenNull == current:
                        current = coalesce;
                        continue;
                    case IExpressionStatementOperation statement:
                        return statement;
                    case ISimpleAssignmentOperation { Parent: IExpressionStatementOperation } assignment when assignment.Value == current && IsDiscardTarget(assignment.Target):
                        // Only a discard that is itself a statement: `_ = x` is an expression whose value is x.
                        isDiscard = true;
                        return assignment;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// <c>_</c> as a discard, or as a by-value parameter named <c>_</c>: in <c>(_, ex) =&gt; _ = File.AppendAllTextAsync(…)</c>
        /// a lone <c>_</c> is the lambda's parameter, not a discard, and the task assigned to it is dropped all the same.
        /// </summary>
        private static bool IsDiscardTarget(IOperation target)
            => target is IDiscardOperation ||
               target is IParameterReferenceOperation { Parameter: { Name: "_", RefKind: RefKind.None } };

        /// <summary>
        /// A <c>ContinueWith</c> on the invocation's task (through parentheses, conversions and <c>AsTask</c>) whose
        /// continuation is a lambda or anonymous method that never reads the task it is given, without
        /// <c>TaskContinuationOptions</c>: <c>WriteAllTextAsync(…).ContinueWith(_ => Done())</c>. The continuation runs
        /// whether the write failed or not and completes normally, so awaiting or keeping it observes nothing of the write.
        /// A continuation given as a method group, or one restricted by options (<c>OnlyOnFaulted</c>…), is taken to look.
        /// </summary>
        public static IInvocationOperation? GetBlindContinuation(IInvocationOperation invocation)
        {
            IOperation current = invocation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation ||
                   current.Parent is IInvocationOperation { TargetMethod.Name: "AsTask" } asTask && asTask.Instance == current)
            {
                current = current.Parent;
            }

            if (current.Parent is not IInvocationOperation { TargetMethod.Name: "ContinueWith" } continuation || continuation.Instance != current)
            {
                return null;
            }

            IAnonymousFunctionOperation? function = null;
            foreach (var argument in continuation.Arguments)
            {
                if (argument.Parameter?.Type is { Name: "TaskContinuationOptions" })
                {
                    return null;
                }

                if (function is null && OperationFacts.UnwrapConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    function = lambda;
                }
            }

            if (function is null || function.Symbol.Parameters.IsEmpty)
            {
                return null;
            }

            var antecedent = function.Symbol.Parameters[0];
            foreach (var operation in OperationFacts.Descendants(function.Body))
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, antecedent))
                {
                    return null;
                }
            }

            return continuation;
        }

        /// <summary>
        /// The call whose result an expression statement drops, seen from the statement (the other direction of
        /// <see cref="GetDroppingOperation"/>, for a rule that needs only dropped results and so can listen to statements
        /// rather than to every call): the statement's own call, or the value of its <c>_ =</c> discard, through
        /// conversions, parentheses, <c>?.</c> and <c>ConfigureAwait</c>/<c>AsTask</c>. <paramref name="isDiscard"/> tells
        /// which form it is.
        /// </summary>
        public static IInvocationOperation? GetDroppedInvocation(IExpressionStatementOperation statement, out bool isDiscard)
        {
            isDiscard = false;
            var current = statement.Operation;
            if (current is ISimpleAssignmentOperation assignment && IsDiscardTarget(assignment.Target))
            {
                isDiscard = true;
                current = assignment.Value;
            }

            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        continue;
                    case IConditionalAccessOperation conditional:
                        current = conditional.WhenNotNull;
                        continue;
                    case IInvocationOperation { Instance: { } receiver } outer when outer.TargetMethod.Name is "ConfigureAwait" or "AsTask":
                        // Whatever the receiver is (a call, a conversion of one, a `?.`), as GetDroppingOperation climbs.
                        current = receiver;
                        continue;
                    case IInvocationOperation invocation:
                        return invocation;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// Would the compiler's CS4014 already report this dropped statement? It does for an un-awaited awaitable call
        /// statement directly in an async method, lambda or local function, unless await is not allowed there (a lock), and
        /// not for a <c>?.</c> conditional call, which is not a call expression; and anywhere for a call statement of an
        /// <c>async</c> method of the compilation (checked with the .NET 10 SDK: <c>void P() { PersistAsync(); }</c>).
        /// </summary>
        public static bool IsReportedByCompiler(IOperation dropping, bool isDiscard, ISymbol? containingMember)
            => !isDiscard &&
               dropping is IExpressionStatementOperation { Operation: IInvocationOperation call } &&
               ((OperationFacts.IsInAsyncContext(dropping, containingMember) && CanAwaitHere(dropping)) ||
                // The called symbol's own modifier, as the compiler reads it: a partial method's definition part has none even
                // when its implementation is async, and the compiler is silent there (the session's review).
                call.TargetMethod.IsAsync);

        /// <summary>The nearest enclosing lambda, local function or member is async.</summary>
        public static bool IsInAsyncContext(IOperation operation) => OperationFacts.IsInAsyncContext(operation);

        /// <summary>Await is allowed at the operation (not inside a lock statement of the enclosing function).</summary>
        public static bool CanAwaitHere(IOperation operation) => !OperationFacts.IsInsideInItsFunction<ILockOperation>(operation);

        /// <summary>
        /// The smallest span naming the call: the method name (<c>WriteAsync</c> in <c>stream.WriteAsync(…)</c>),
        /// without receiver, type arguments or arguments; the whole invocation when the syntax is unusual.
        /// </summary>
        public static Location GetNameLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax syntax && OperationFacts.CalledName(syntax) is { } name)
            {
                return name.Identifier.GetLocation();
            }

            return invocation.Syntax.GetLocation();
        }

        private bool IsResponseBodyWriter(IOperation instance)
            => OperationFacts.UnwrapConversions(instance) is IPropertyReferenceOperation { Property.Name: "BodyWriter" } property &&
               TypeSymbols.InheritsFromOrEquals(property.Property.ContainingType, HttpResponse);
    }
}
