using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM3002DiscardedWriteTaskAnalyzer,
    Postmortem.CodeFixes.Rules.PM3002DiscardedWriteTaskCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3002DiscardedWriteTaskTests
    {
        private const string Unseen = "nobody learns of it";

        private static string Discarded(string write) => "The task of '" + write + "' is discarded";

        /// <summary>A class with a sync method <c>Run</c> and an async method <c>RunAsync</c>; the body goes into one of them.</summary>
        [Fact]
        public Task FireAndForgetMethodGroupThatWrites_ReportsDiagnostic()
            // Real-world round 9: a queue logger starts its writer loop with Task.Factory.StartNew(Writer, …) and never looks
            // at the task; the first failed write ends all later logging in silence. A method group of the same file is
            // followed as a lambda is; one whose writes are inside a try with a catch (PM3001's business) is not reported,
            // nor one declared elsewhere or virtual.
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Concurrent;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class QueueLogger
                {
                    private readonly BlockingCollection<string> _queue = new();
                    private readonly string _path = "app.log";

                    public void Start()
                    {
                        Task.Factory.{|#0:StartNew|}(Writer, TaskCreationOptions.LongRunning);
                        _ = Task.{|#1:Run|}(DrainAsync);
                        Task.{|#2:Run|}(Flush);
                        ThreadPool.{|#3:QueueUserWorkItem|}(Archive);
                        Task.Run(Guarded);
                        Task.Run(Overridable);
                        Task.Run(Compute);
                        Task.{|#4:Run|}(Save);

                        void Save() => File.WriteAllText(_path + ".state", "started");
                    }

                    private void Writer()
                    {
                        foreach (var line in _queue.GetConsumingEnumerable())
                        {
                            File.AppendAllText(_path, line);
                        }
                    }

                    private async Task DrainAsync()
                    {
                        while (_queue.TryTake(out var line))
                        {
                            await File.AppendAllTextAsync(_path, line);
                        }
                    }

                    private void Flush() => File.AppendAllText(_path, string.Empty);

                    private void Archive(object? state) => File.Copy(_path, _path + ".1", true);

                    private void Guarded()
                    {
                        try { File.AppendAllText(_path, "x"); }
                        catch (IOException) { System.Console.Error.WriteLine("write failed"); }
                    }

                    protected virtual void Overridable() => File.AppendAllText(_path, "x");

                    private int Compute() => _queue.Count;
                }
                """,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("Task.Factory.StartNew(File.AppendAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Task.Run(File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("Task.Run(File.AppendAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(
                    "'ThreadPool.QueueUserWorkItem(File.Copy)' has no task to observe",
                    "no caller can catch it and the unhandled exception ends the process"),
                VerifyCS.Diagnostic("PM3002").WithLocation(4).WithArguments(Discarded("Task.Run(File.WriteAllText)"), Unseen));

        private static string InSync(string body) => $$"""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            class Store
            {
                private readonly Stream _file = File.OpenWrite("data.bin");
                private readonly StreamWriter _log = new StreamWriter("app.log", append: true);

                void Run(string path, byte[] data, Stream output, ChannelWriter<string> writer, CancellationToken ct)
                {
            {{body}}
                }
            }
            """;

        private static string InAsync(string body) => $$"""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            class Store
            {
                private readonly Stream _file = File.OpenWrite("data.bin");
                private readonly StreamWriter _log = new StreamWriter("app.log", append: true);

                async Task RunAsync(string path, byte[] data, Stream output, ChannelWriter<string> writer, CancellationToken ct)
                {
                    await Task.Yield();
            {{body}}
                }
            }
            """;

        // ------------------------------------------------------------ unsafe forms

        [Theory]
        [InlineData("_ = File.{|#0:WriteAllTextAsync|}(path, \"x\");", "File.WriteAllTextAsync")]
        [InlineData("_ = File.{|#0:AppendAllLinesAsync|}(path, new[] { \"x\" });", "File.AppendAllLinesAsync")]
        [InlineData("_ = File.{|#0:WriteAllBytesAsync|}(path, data, ct);", "File.WriteAllBytesAsync")]
        [InlineData("_ = _file.{|#0:WriteAsync|}(data, 0, data.Length);", "Stream.WriteAsync")]
        [InlineData("_ = output.{|#0:FlushAsync|}();", "Stream.FlushAsync")]
        [InlineData("_ = output.{|#0:WriteAsync|}(data.AsMemory()).AsTask();", "Stream.WriteAsync")]
        [InlineData("_ = _log.{|#0:WriteLineAsync|}(\"line\");", "StreamWriter.WriteLineAsync")]
        [InlineData("_ = _log.{|#0:FlushAsync|}().ConfigureAwait(false);", "StreamWriter.FlushAsync")]
        [InlineData("_ = writer.{|#0:WriteAsync|}(\"item\");", "ChannelWriter.WriteAsync")]
        public Task DiscardInSyncMethod_ReportsDiagnostic(string statement, string name)
            => VerifyCS.VerifyAnalyzerAsync(InSync(statement), VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded(name), Unseen));

        [Theory]
        [InlineData("File.[|AppendAllTextAsync|](path, \"x\");")]
        [InlineData("output.[|FlushAsync|]();")]
        [InlineData("_file.[|WriteAsync|](data, 0, data.Length, ct);")]
        [InlineData("_log.[|WriteAsync|](\"x\").ConfigureAwait(false);")]
        [InlineData("File.OpenRead(path).CopyToAsync(_file);")]
        [InlineData("writer.[|WriteAsync|](\"item\");")]
        public Task StatementInSyncMethod_ReportsDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync(InSync(statement.Replace("CopyToAsync", "[|CopyToAsync|]")));

        [Fact]
        public Task DiscardInAsyncMethod_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InAsync("""
                    _ = File.[|WriteAllTextAsync|](path, "x");
                    _ = output.[|FlushAsync|](ct);
            """));

        [Fact]
        public Task StatementInSyncLambdaOrLocalFunctionOfAsyncMethod_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InAsync("""
                    Action save = () => File.[|WriteAllTextAsync|](path, "x");
                    Action<string> log = line => { _log.[|WriteLineAsync|](line); };
                    save();
                    log("x");
                    Flush();

                    void Flush()
                    {
                        output.[|FlushAsync|]();
                    }
            """));

        [Fact]
        public Task StatementInLockOfAsyncMethod_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InAsync("""
                    lock (_log)
                    {
                        _log.[|WriteLineAsync|]("inside a lock CS4014 is silent, because await is not allowed there");
                    }
            """));

        [Fact]
        public Task ConditionalCallStatementInAsyncMethod_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InAsync("""
                    Stream? maybe = output;
                    maybe?.[|FlushAsync|]();
            """));

        [Fact]
        public Task FireAndForgetWorkItemThatWrites_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    Task.{|#0:Run|}(() => File.AppendAllText(path, "x"));
                    _ = Task.{|#1:Run|}(async () => await File.AppendAllTextAsync(path, "x"));
                    Task.Factory.{|#2:StartNew|}(() => { using var w = new StreamWriter(path); w.WriteLine("x"); });
                    ThreadPool.{|#3:QueueUserWorkItem|}(_ => File.WriteAllBytes(path, data));
                    _ = Task.{|#4:Run|}(() => new System.Xml.Linq.XDocument().Save(path));
            """),
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("Task.Run(File.AppendAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Task.Run(File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("Task.Factory.StartNew(new StreamWriter)"), Unseen),
                // A work item has no task: its exception is unhandled on a pool thread and ends the process.
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(
                    "'ThreadPool.QueueUserWorkItem(File.WriteAllBytes)' has no task to observe",
                    "no caller can catch it and the unhandled exception ends the process"),
                VerifyCS.Diagnostic("PM3002").WithLocation(4).WithArguments(Discarded("Task.Run(XDocument.Save)"), Unseen));

        // Real-world round 19 (NewLife's TextFileLog): the work item calls a (protected virtual) method of the file that
        // writes to the log's StreamWriter, in a try with only a finally; its repro's full disk ended the process. Helpers
        // are followed three calls deep, virtual ones too (as PM3006 does), async ones when the work item awaits them; the
        // report names the work item's call.
        [Fact]
        public Task WorkItemCallingAHelperThatWrites_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class TextFileLog
                {
                    private readonly StreamWriter _writer = new StreamWriter(new FileStream("app.log", FileMode.Append));
                    private int _writing;

                    public void Info(string line)
                    {
                        ThreadPool.{|#0:QueueUserWorkItem|}(s => { try { WriteFile(line); } finally { _writing = 0; } });
                        _ = Task.{|#1:Run|}(() => Deeper(line));
                        _ = Task.{|#2:Run|}(async () => await SaveAsync(line).ConfigureAwait(false));
                        _ = Task.{|#3:Run|}(() => SaveAsync(line));
                        _ = Task.{|#4:Run|}(() => { Twice(line); Flush(line); });
                    }

                    // Reached three calls deep first (Twice, Again, Flush), then two deep (Flush, Append): read again there.
                    private void Twice(string line) => Again(line);
                    private void Again(string line) => Flush(line);
                    private void Flush(string line) => Append(line);
                    private static void Append(string line) => File.AppendAllText("flush.log", line);

                    protected virtual void WriteFile(string line)
                    {
                        _writer.Write(line);
                        _writer.Flush();
                    }

                    private void Deeper(string line) => Format(line);

                    private void Format(string line) => WriteFile("[info] " + line);

                    private async Task SaveAsync(string line)
                    {
                        await Task.Yield();
                        File.AppendAllText("state.log", line);
                    }
                }
                """,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(
                    "'ThreadPool.QueueUserWorkItem(WriteFile (StreamWriter.Write))' has no task to observe",
                    "no caller can catch it and the unhandled exception ends the process"),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Task.Run(Deeper (StreamWriter.Write))"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("Task.Run(SaveAsync (File.AppendAllText))"), Unseen),
                // Task.Run unwraps the task the lambda returns: SaveAsync's failure faults the dropped task.
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(Discarded("Task.Run(SaveAsync (File.AppendAllText))"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(4).WithArguments(Discarded("Task.Run(Flush (File.AppendAllText))"), Unseen));

        // A helper whose writes are in a try with a catch, a call to it inside such a try, a helper four calls deep, an async
        // helper whose task the work item drops (reported there, as a dropped write, and so is a task-returning one not named
        // …Async), and an abstract one (no body here):
        // nothing the work item's task or thread is seen to fail on.
        [Fact]
        public Task WorkItemCallingAHelperThatHandlesItsFailure_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                abstract class TextFileLog
                {
                    public void Info(string line)
                    {
                        ThreadPool.QueueUserWorkItem(s => Guarded(line));
                        ThreadPool.QueueUserWorkItem(s => { try { Unguarded(line); } catch (IOException e) { Console.Error.WriteLine(e); } });
                        _ = Task.Run(() => One(line));
                        _ = Task.Run(() => { _ = {|#0:SaveAsync|}(line); });
                        _ = Task.Run(() => Abstract(line));
                        ThreadPool.QueueUserWorkItem(s => {|#1:Save|}(line));
                        _ = Task.Run(() => { _ = {|#2:Save|}(line); });
                        var buffer = new MemoryStream();
                        _ = Task.Run(() => Copy(buffer, line));
                    }

                    // A task the work item drops fails in that task, not in the work item (PM3002 reports a known write's
                    // dropped task where it is dropped); a helper given a stream writes where its caller says.
                    private static Task Save(string line) => File.WriteAllTextAsync("state.log", line);

                    private static void Copy(Stream target, string line)
                    {
                        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
                        target.Write(bytes, 0, bytes.Length);
                    }

                    private static void Guarded(string line)
                    {
                        try { File.AppendAllText("app.log", line); }
                        catch (IOException e) { Console.Error.WriteLine(e); }
                    }

                    private static void Unguarded(string line) => File.AppendAllText("app.log", line);

                    private static void One(string line) => Two(line);
                    private static void Two(string line) => Three(line);
                    private static void Three(string line) => Four(line);
                    private static void Four(string line) => File.AppendAllText("app.log", line);

                    private static async Task SaveAsync(string line)
                    {
                        await Task.Yield();
                        File.AppendAllText("state.log", line);
                    }

                    protected abstract void Abstract(string line);
                }
                """,
                // Reported where it is dropped, as a method of this file that writes (not at the launcher), whatever its name
                // (real-world round 34).
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("SaveAsync (File.AppendAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Save (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("Save (File.WriteAllTextAsync)"), Unseen));

        // Task.WhenAll given a collection expression (C# 12) waits for its tasks as for an array (the twenty-seventh session's
        // review: a miss, the kind unknown to the Roslyn the analyzers are built against).
        [Fact]
        public Task DroppedTaskOfAMethodWaitingThroughACollectionExpression_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    private readonly string _path = "a.txt";

                    void Start() => _ = [|SaveAsync|]("x");

                    async Task SaveAsync(string s) => await Task.WhenAll([File.WriteAllTextAsync(_path, s), File.WriteAllTextAsync(_path + ".bak", s)]);
                }
                """);

        // A dropped task of a method of this file that writes loses the write's failure as the write's own task would: an
        // async method's writes outside a try with catch clauses, its own or its helpers', or a write's task a method returns.
        [Fact]
        public Task DroppedTaskOfAMethodThatWrites_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                partial class Settings
                {
                    private readonly string _path = "settings.json";

                    public void OnChanged(string json)
                    {
                        _ = {|#0:SaveAsync|}(json);
                        {|#1:AppendAsync|}(json);
                        _ = {|#2:ExportAsync|}(json).ConfigureAwait(false);
                        _ = {|#3:SaveAsync|}(json).ContinueWith(_ => Console.WriteLine("saved"));
                        _ = {|#5:PickAsync|}(json, json.Length > 10);
                        _ = {|#6:FlushAsync|}();
                        _ = {|#7:WaitAsync|}(json);
                        _ = {|#8:BothAsync|}(json);
                        _ = Task.{|#9:Run|}(async () => { var pending = File.WriteAllTextAsync("run.json", json); await pending; });
                        _ = {|#10:GenericAsync|}<int>(json);
                        _ = {|#11:RethrowingAsync|}(json);
                        _ = Task.{|#12:Run|}(() => { try { File.WriteAllText("run.json", json); } catch (FormatException) { } });
                    }

                    // A catch that throws again, or takes no I/O failure, keeps nothing from the task (real-world round 22:
                    // PM3001's Rethrow fix made such a catch, and the caller's dropped task went unreported).
                    private async Task RethrowingAsync(string json)
                    {
                        try { await File.WriteAllTextAsync("skills.json", json); }
                        catch { throw; }
                    }

                    // Waited for through a local, Task.WhenAll and WaitAsync (the second review's probes).
                    private async Task BothAsync(string json)
                    {
                        var first = File.WriteAllTextAsync("a.json", json);
                        await Task.WhenAll(first, File.WriteAllTextAsync("b.json", json)).WaitAsync(TimeSpan.FromSeconds(5));
                    }

                    private partial Task GenericAsync<T>(string json);

                    private Task PickAsync(string json, bool large) => large ? File.WriteAllTextAsync("large.json", json) : Task.CompletedTask;

                    private partial Task FlushAsync();

                    private async Task WaitAsync(string json)
                    {
                        await Task.Yield();
                        File.WriteAllTextAsync("waited.json", json).Wait();
                    }

                    public async Task OnClosedAsync(string json)
                    {
                        _ = {|#4:BackupAsync|}(json);
                        await Task.Yield();
                    }

                    private async Task SaveAsync(string json)
                    {
                        await Task.Delay(100);
                        await File.WriteAllTextAsync(_path, json);
                    }

                    private Task AppendAsync(string json) => File.AppendAllTextAsync("history.log", json);

                    private async ValueTask ExportAsync(string json) => await File.WriteAllTextAsync("export.json", json);

                    private async Task BackupAsync(string json)
                    {
                        await Task.Yield();
                        Copy(json);
                    }

                    protected virtual void Copy(string json) => File.Copy(_path, _path + ".bak", overwrite: true);
                }

                partial class Settings
                {
                    private partial async Task FlushAsync() => await File.AppendAllTextAsync("flush.log", "x");

                    private partial Task GenericAsync<T>(string json) => File.WriteAllTextAsync("generic.json", json);
                }
                """,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("SaveAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("AppendAsync (File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("ExportAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(
                    "The task of 'SaveAsync (File.WriteAllTextAsync)' is continued by a lambda that never looks at it",
                    "the continuation runs as if it had succeeded and nobody learns of it"),
                VerifyCS.Diagnostic("PM3002").WithLocation(4).WithArguments(Discarded("BackupAsync (File.Copy)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(5).WithArguments(Discarded("PickAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(6).WithArguments(Discarded("FlushAsync (File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(7).WithArguments(Discarded("WaitAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(8).WithArguments(Discarded("BothAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(9).WithArguments(Discarded("Task.Run(File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(10).WithArguments(Discarded("GenericAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(11).WithArguments(Discarded("RethrowingAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(12).WithArguments(Discarded("Task.Run(File.WriteAllText)"), Unseen));

        // Real-world round 34: a service's run is named Start, not StartAsync. A method of the project returning a task is
        // followed whatever its name; its call statement in a sync method is the compiler's CS4014 only when it is async.
        // Not: a method of the project that handles the failure, returns a task it does not fail, or returns something else;
        // a framework method not named …Async (Task.Delay, Task.WhenAll).
        [Fact]
        public Task DroppedTaskOfAMethodNotNamedAsync_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class PositionService
                {
                    public void TimerCallBack(object state)
                    {
                        _ = {|#0:Start|}();
                        {|#1:Export|}("positions.csv");
                        var pending = {|#2:Export|}("unread.csv");
                        _ = {|#3:Flush|}().AsTask().ContinueWith(_ => Console.WriteLine("flushed"));
                        _ = Guarded();
                        _ = Idle();
                        _ = Count();
                        _ = Task.Delay(100);
                        _ = Task.WhenAll(Task.CompletedTask);
                    }

                    public async Task Start()
                    {
                        await File.WriteAllTextAsync("positions.csv", "Local Time,Volume");
                    }

                    private Task Export(string path) => File.AppendAllTextAsync(path, "x");

                    private async ValueTask Flush() => await File.AppendAllTextAsync("flush.log", "x");

                    private async Task Guarded()
                    {
                        try { await File.WriteAllTextAsync("guarded.csv", "x"); }
                        catch (IOException e) { Console.Error.WriteLine(e); }
                    }

                    private Task Idle() => Task.CompletedTask;

                    private int Count() { File.WriteAllText("count.txt", "1"); return 1; }
                }
                """,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("Start (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Export (File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("Export (File.AppendAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(
                    "The task of 'Flush (File.AppendAllTextAsync)' is continued by a lambda that never looks at it",
                    "the continuation runs as if it had succeeded and nobody learns of it"));

        // Round 22's probe: the method hands its write to the thread pool and awaits or returns it (Task.Run unwraps an
        // async lambda's task, so the write's failure fails the method's task, which the caller drops); a method group too.
        // Not StartNew with a work item returning a task (an async lambda, a write's or a helper's task), unless unwrapped:
        // its task is done when the inner task is made, whose failure is lost there, not in the method's task; nor a
        // lambda that catches the failure, nor a work item awaited under a catch.
        [Fact]
        public Task DroppedTaskOfAMethodAwaitingAWorkItemThatWrites_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class Settings
                {
                    public void OnChanged(string json)
                    {
                        _ = {|#0:OffloadAsync|}(json);
                        _ = {|#1:OffloadSyncAsync|}(json);
                        _ = UnwrappedLaterAsync(json);
                        _ = GuardedAsync(json);
                        _ = CaughtOutsideAsync(json);
                        _ = StartedTaskAsync(json);
                        _ = StartedHelperAsync(json);
                        _ = {|#2:GroupAsync|}();
                        _ = {|#3:UnwrappedAsync|}(json);
                        _ = {|#4:RunReturnedAsync|}(json);
                        _ = {|#5:UnwrapReturnedAsync|}(json);
                        _ = {|#6:PickRunAsync|}(json, true);
                        _ = OwnUnwrapAsync(json);
                        _ = AsyncVoidGroupAsync();
                        _ = AsyncVoidLambdaAsync(json);
                    }

                    // A dropped async void work item's failure is not lost with its task: it ends the process, as a
                    // QueueUserWorkItem's does, and the message says so (the third review).
                    public void DropVoid(string json)
                    {
                        _ = Task.{|#7:Run|}((Action)(async () => await File.WriteAllTextAsync("state.json", json)));
                        _ = Task.{|#8:Run|}(SaveVoid);
                        ThreadPool.{|#9:QueueUserWorkItem|}(async _ => await File.WriteAllTextAsync("state.json", json));
                    }

                    // Unwrap of one's own is not TaskExtensions.Unwrap: its task says nothing of the work item's (the third review).
                    private Task OwnUnwrapAsync(string json) => Safe.Unwrap(Task.Run(() => File.WriteAllText("state.json", json)));

                    private Task PickRunAsync(string json, bool save)
                        => save ? Task.Run(() => File.WriteAllText("state.json", json)) : Task.CompletedTask;

                    private Task UnwrapReturnedAsync(string json)
                        => Task.Factory.StartNew(async () => await File.WriteAllTextAsync("state.json", json)).Unwrap();

                    // An async void work item ends the launcher's task at its first await; its failure is the thread pool's
                    // (the second review).
                    private async Task AsyncVoidGroupAsync() => await Task.Run(SaveVoid);

                    private async void SaveVoid() => await File.WriteAllTextAsync("state.json", _json);

                    private async Task AsyncVoidLambdaAsync(string json)
                    {
                        Action save = async () => await File.WriteAllTextAsync("state.json", json);
                        await Task.Run(save);
                        await Task.Run((Action)(async () => await File.WriteAllTextAsync("state.json", json)));
                    }

                    private string _json = "";

                    // StartNew's task of a work item returning a task ends when the inner task is made (the session's review).
                    private async Task StartedTaskAsync(string json)
                    {
                        await Task.Factory.StartNew(() => File.WriteAllTextAsync("state.json", json));
                    }

                    private async Task StartedHelperAsync(string json)
                    {
                        await Task.Factory.StartNew(() => SaveAsync(json));
                    }

                    private async Task SaveAsync(string json) => await File.WriteAllTextAsync("state.json", json);

                    private async Task GroupAsync()
                    {
                        await Task.Run(Save);
                    }

                    private void Save() => File.WriteAllText("state.json", _json);

                    private async Task UnwrappedAsync(string json)
                    {
                        await Task.Factory.StartNew(async () => await File.WriteAllTextAsync("state.json", json)).Unwrap();
                    }

                    private Task RunReturnedAsync(string json) => Task.Run(() => File.WriteAllText("state.json", json));

                    private async Task CaughtOutsideAsync(string json)
                    {
                        try { await Task.Run(() => File.WriteAllText("state.json", json)); }
                        catch (IOException e) { Console.Error.WriteLine(e); }
                    }

                    private async Task OffloadAsync(string json)
                    {
                        await Task.Run(async () => await File.WriteAllTextAsync("state.json", json));
                    }

                    private async Task OffloadSyncAsync(string json)
                    {
                        await Task.Factory.StartNew(() => File.WriteAllText("state.json", json)).ConfigureAwait(false);
                    }

                    private async Task UnwrappedLaterAsync(string json)
                    {
                        await Task.Factory.StartNew(async () => await File.WriteAllTextAsync("state.json", json));
                    }

                    private async Task GuardedAsync(string json)
                    {
                        await Task.Run(async () =>
                        {
                            try { await File.WriteAllTextAsync("state.json", json); }
                            catch (IOException e) { Console.Error.WriteLine(e); }
                        });
                    }
                }

                static class Safe
                {
                    public static Task Unwrap(Task task) => Task.CompletedTask;
                }
                """,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("OffloadAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("OffloadSyncAsync (File.WriteAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(2).WithArguments(Discarded("GroupAsync (File.WriteAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(3).WithArguments(Discarded("UnwrappedAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(4).WithArguments(Discarded("RunReturnedAsync (File.WriteAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(5).WithArguments(Discarded("UnwrapReturnedAsync (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(6).WithArguments(Discarded("PickRunAsync (File.WriteAllText)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(7).WithArguments(
                    "'Task.Run(File.WriteAllTextAsync)' runs an async void work item, whose failure its task does not carry", ProcessEnds),
                VerifyCS.Diagnostic("PM3002").WithLocation(8).WithArguments(
                    "'Task.Run(File.WriteAllTextAsync)' runs an async void work item, whose failure its task does not carry", ProcessEnds),
                VerifyCS.Diagnostic("PM3002").WithLocation(9).WithArguments(
                    "'ThreadPool.QueueUserWorkItem(File.WriteAllTextAsync)' has no task to observe", ProcessEnds));

        private const string ProcessEnds = "no caller can catch it and the unhandled exception ends the process";

        // Awaiting an async void work item's task observes nothing: no fix.
        [Fact]
        public Task DroppedAsyncVoidWorkItemInAsyncCode_NoFixOffered_ReportsDiagnostic()
        {
            const string Code = """
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Settings
                {
                    public async Task SaveAsync(string json)
                    {
                        _ = Task.[|Run|]((Action)(async () => await File.WriteAllTextAsync("state.json", json)));
                        await Task.Yield();
                    }
                }
                """;
            var test = VerifyCS.Test(Code, Code, PM3002DiscardedWriteTaskCodeFixProvider.AwaitKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // Not the write's failure in the dropped task: a method that catches it, one that writes synchronously before
        // returning a task (it throws at the call), one writing through its own parameter (the caller's stream), one that
        // drops a write's task itself (reported there), one that writes nothing durable, one declared in another file or
        // abstract; a task awaited or kept; an unawaited statement in an async method (the compiler's CS4014).
        [Fact]
        public Task DroppedTaskOfAMethodThatHandlesOrDoesNotWrite_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                abstract class Settings
                {
                    private readonly string _path = "settings.json";

                    public void OnChanged(string json, Stream target)
                    {
                        _ = GuardedAsync(json);
                        _ = SyncFirstAsync(json);
                        _ = CopyToAsync(target, json);
                        _ = ForwardAsync(target);
                        _ = RelayAsync(json);
                        _ = MemoryAsync(json);
                        _ = UploadAsync(json);
                        // The compiler's CS4014 already warns of a call statement of an async method, even in a sync method.
                        PlainAsync(json);
                        _ = LoggedAndRethrownAsync(json);
                        _ = ForgetAsync(json);
                        _ = LoggedAsync(json);
                        _ = KeptAsync(json);
                        _ = ContinuedAsync(json);
                        _ = ((ISaver)new Saver()).SaveAsync(json);
                        _ = Task.CompletedTask;
                        var pending = GuardedAsync(json);
                        pending.Wait();
                    }

                    public async Task OnClosedAsync(string json)
                    {
                        await GuardedAsync(json);
                    #pragma warning disable CS4014
                        RelayAsync(json);
                    #pragma warning restore CS4014
                    }

                    private async Task GuardedAsync(string json)
                    {
                        try { await File.WriteAllTextAsync(_path, json); }
                        catch (IOException e) { Console.Error.WriteLine(e); }
                    }

                    private Task SyncFirstAsync(string json)
                    {
                        File.WriteAllText(_path, json);
                        return Task.CompletedTask;
                    }

                    private static async Task CopyToAsync(Stream target, string json)
                    {
                        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
                        await target.WriteAsync(bytes, 0, bytes.Length);
                    }

                    private static Task ForwardAsync(Stream target) => target.FlushAsync();

                    private async Task PlainAsync(string json) => await File.WriteAllTextAsync(_path, json);

                    // Logged before it is thrown again: seen (real-world round 22's probe).
                    private async Task LoggedAndRethrownAsync(string json)
                    {
                        try { await File.WriteAllTextAsync(_path, json); }
                        catch (Exception ex) { Console.Error.WriteLine(ex); throw; }
                    }

                    private async Task RelayAsync(string json)
                    {
                        await Task.Yield();
                        _ = File.[|WriteAllTextAsync|](_path, json);
                    }

                    private static async Task MemoryAsync(string json)
                    {
                        using var memory = new MemoryStream();
                        await memory.WriteAsync(new byte[] { 1 }, 0, 1);
                        Console.WriteLine(json);
                    }

                    protected abstract Task UploadAsync(string json);

                    // The write's task observed elsewhere (the review's probes): handed to a helper, continued only on
                    // failure, kept in a field; and one continued blindly, reported there and not again at the caller.
                    private async Task ForgetAsync(string json)
                    {
                        await Task.Yield();
                        File.WriteAllTextAsync(_path, json).Forget();
                    }

                    private async Task LoggedAsync(string json)
                    {
                        await Task.Yield();
                        _ = File.WriteAllTextAsync(_path, json).ContinueWith(t => Console.Error.WriteLine(t.Exception), TaskContinuationOptions.OnlyOnFaulted);
                    }

                    private Task? _pending;

                    private async Task KeptAsync(string json)
                    {
                        await Task.Yield();
                        _pending = File.WriteAllTextAsync(_path, json);
                        var queued = File.WriteAllTextAsync(_path + ".2", json);
                        _queue.Add(queued);
                    }

                    private readonly System.Collections.Generic.List<Task> _queue = new();

                    private async Task ContinuedAsync(string json)
                        => await File.[|WriteAllTextAsync|](_path, json).ContinueWith(_ => Console.WriteLine("saved"));
                }

                static class TaskExtensions
                {
                    public static void Forget(this Task task) => task.ContinueWith(t => Console.Error.WriteLine(t.Exception), TaskContinuationOptions.OnlyOnFaulted);
                }

                // An interface's default body: the types implementing it usually bring their own (this one catches).
                interface ISaver
                {
                    async Task SaveAsync(string json) => await File.WriteAllTextAsync("settings.json", json);
                }

                sealed class Saver : ISaver
                {
                    public async Task SaveAsync(string json)
                    {
                        try { await File.WriteAllTextAsync("settings.json", json); }
                        catch (IOException e) { Console.Error.WriteLine(e); }
                    }
                }
                """);

        // Real-world round 6 (an app's failure recorder): in `(_, ex) => _ = …` a lone `_` is the lambda's parameter, not a
        // discard; the task assigned to it is dropped all the same. Two `_` parameters are discards (C# 9).
        [Fact]
        public Task TaskAssignedToLambdaParameterNamedUnderscore_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    EventHandler<Exception> onFailure = (_, ex) => _ = File.[|AppendAllTextAsync|](path, ex.Message);
                    onFailure += (_, _) => _ = File.[|AppendAllTextAsync|](path, "failure");
                    Action<object> log = _ => _ = File.[|AppendAllTextAsync|](path, "x");
            """));

        [Fact]
        public Task DiscardedTaskRunInAsyncMethod_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InAsync("""
                    _ = Task.[|Run|](() => File.WriteAllText(path, "x"));
            """));

        [Fact]
        public Task PipeWriter_ReportsDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3002DiscardedWriteTaskAnalyzer>.Test("""
                using System.IO.Pipelines;

                class Journal
                {
                    void Append(PipeWriter pipe, byte[] data)
                    {
                        _ = pipe.[|WriteAsync|](data);
                        pipe.[|FlushAsync|]();
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task UploadCopiedIntoAFileByADroppedTask_SynchronousFix_ReportsDiagnostic()
        {
            // Real-world round 9: a Razor Pages handler saved the upload with photo.CopyToAsync(stream) and dropped the task
            // (no CS4014 in a sync method): a full disk was never seen. IFormFile.CopyToAsync writes into its destination as
            // Stream.CopyToAsync does; into memory it is no write.
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.AspNetCore.Http;

                public class PhotoSaver
                {
                    public void Save(IFormFile photo, string path, Stream target)
                    {
                        var stream = new FileStream(path, FileMode.Create);
                        photo.{|#0:CopyToAsync|}(stream);
                        _ = photo.{|#1:CopyToAsync|}(target);
                        var buffer = new MemoryStream();
                        photo.CopyToAsync(buffer);
                    }
                }
                """, """
                using System.IO;
                using Microsoft.AspNetCore.Http;

                public class PhotoSaver
                {
                    public void Save(IFormFile photo, string path, Stream target)
                    {
                        var stream = new FileStream(path, FileMode.Create);
                        photo.CopyTo(stream);
                        photo.CopyTo(target);
                        var buffer = new MemoryStream();
                        photo.CopyToAsync(buffer);
                    }
                }
                """, PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);
            test.References.AddRange(References.AspNetCore);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("IFormFile.CopyToAsync"), Unseen));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("IFormFile.CopyToAsync"), Unseen));
            return test.RunAsync();
        }

        // ------------------------------------------------------------ safe look-alikes

        [Theory]
        [InlineData("await File.WriteAllTextAsync(path, \"x\");")]
        [InlineData("await output.FlushAsync(ct).ConfigureAwait(false);")]
        [InlineData("await writer.WriteAsync(\"item\");")]
        [InlineData("var pending = _file.WriteAsync(data, 0, data.Length); await pending;")]
        [InlineData("var a = File.WriteAllTextAsync(path, \"a\"); var b = output.FlushAsync(); await Task.WhenAll(a, b);")]
        [InlineData("await Task.Run(() => File.WriteAllText(path, \"x\"));")]
        [InlineData("await Task.Run(() => File.WriteAllTextAsync(path, \"x\"));")]
        public Task Awaited_NoDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync(InAsync(statement));

        [Fact]
        public Task ReturnedOrPassedOn_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    private readonly List<Task> _pending = new();
                    private Task? _last;

                    Task SaveAsync(string path) => File.WriteAllTextAsync(path, "x");

                    Task FlushAsync(Stream output)
                    {
                        return output.FlushAsync();
                    }

                    Task SaveInBackground(string path) => Task.Run(() => File.WriteAllText(path, "x"));

                    void Track(string path, Stream output)
                    {
                        _pending.Add(File.AppendAllTextAsync(path, "x"));
                        _last = output.FlushAsync();
                        Observe(output.FlushAsync());
                        output.FlushAsync().ContinueWith(t => Observe(t));
                        var t = Task.WhenAll(File.WriteAllTextAsync(path, "a"), File.WriteAllTextAsync(path, "b"));
                        t.Wait();
                        File.WriteAllTextAsync(path, "sync wait").GetAwaiter().GetResult();
                        Observe(_ = output.FlushAsync()); // `_ = x` is an expression whose value is x
                    }

                    static void Observe(Task task) { }
                }
                """);

        [Fact]
        public Task ContinuationThatNeverReadsTheTask_ReportsDiagnostic()
        {
            // The continuation runs whether the write failed or not and completes normally: awaiting it, keeping it or
            // dropping it, nobody sees the write's failure. No fix is offered: awaiting the continuation would not help.
            var code = InAsync("""
                    _ = File.[|WriteAllTextAsync|](path, "x").ContinueWith(_ => Console.WriteLine("saved"));
                    await output.[|FlushAsync|]().ContinueWith(flushed => { Console.WriteLine("flushed"); });
                    var pending = _log.[|WriteLineAsync|]("x").ContinueWith(delegate { Console.WriteLine("done"); });
                    await (output.[|WriteAsync|](data.AsMemory()).AsTask()).ContinueWith((_, state) => Console.WriteLine(state), "tag");
                    await Task.[|Run|](() => File.WriteAllText(path, "x")).ContinueWith(_ => { });
                    await pending;
            """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // The message says the task is continued blindly, not "discarded", which a reader seeing the ContinueWith would
        // dismiss (real-world round 6).
        [Fact]
        public Task ContinuationThatNeverReadsTheTask_ReportsDiagnosticSayingSo()
            => VerifyCS.VerifyAnalyzerAsync(
                InSync("""
                    _ = File.{|#0:WriteAllTextAsync|}(path, "x").ContinueWith(_ => Console.WriteLine("saved"));
            """),
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(
                    "The task of 'File.WriteAllTextAsync' is continued by a lambda that never looks at it",
                    "the continuation runs as if it had succeeded and nobody learns of it"));

        /// <summary>A stream of one's own with an archive's entry methods (as SharpZipLib's TarOutputStream), and a type
        /// that is not a stream with the same names.</summary>
        private const string EntryStreams = """
            sealed class TarOut : Stream
            {
                private readonly FileStream _file;
                public TarOut(string path) => _file = File.Create(path);
                public Task CloseEntryAsync(CancellationToken ct) => _file.FlushAsync(ct);
                public Task PutNextEntryAsync(string name, CancellationToken ct) => Task.CompletedTask;
                public ValueTask FinishAsync() => default;
                public Task<int> ReadEntryAsync() => Task.FromResult(0);
                public override bool CanRead => false;
                public override bool CanSeek => false;
                public override bool CanWrite => true;
                public override long Length => _file.Length;
                public override long Position { get => _file.Position; set => _file.Position = value; }
                public override void Flush() => _file.Flush();
                public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
                public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
                public override void SetLength(long value) => _file.SetLength(value);
                public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);
            }

            sealed class Catalog
            {
                public Task CloseEntryAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """;

        // Real-world round 17 (ONLYOFFICE DocSpace's backup): a continuation that never looks at a tar entry's close loses a
        // truncated entry's exception; the entry methods of a stream's own type count as writes in this form.
        [Fact]
        public Task ContinuationOfAStreamsEntryWrite_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                static class Backup
                {
                    public static async Task AddAsync(TarOut tar, Func<Task> action, CancellationToken ct)
                    {
                        await tar.{|#0:CloseEntryAsync|}(ct).ContinueWith(async _ => await action(), ct);
                        await tar.[|PutNextEntryAsync|]("b", ct).ContinueWith(_ => Console.WriteLine("next"));
                        await tar.[|FinishAsync|]().AsTask().ContinueWith(_ => Console.WriteLine("done"));
                    }
                }

                """ + EntryStreams,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(
                    "The task of 'TarOut.CloseEntryAsync' is continued by a lambda that never looks at it",
                    "the continuation runs as if it had succeeded and nobody learns of it"));

        // Awaited, continued by a lambda that reads it, discarded outright (a stream of one's own may write to memory:
        // only the blind continuation is judged), a read, and a type that is not a stream.
        [Fact]
        public Task StreamsEntryWriteObservedOrNotAStream_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                static class Backup
                {
                    public static async Task AddAsync(TarOut tar, Catalog catalog, Func<Task> action, CancellationToken ct)
                    {
                        await tar.CloseEntryAsync(ct);
                        await action();
                        await tar.CloseEntryAsync(ct).ContinueWith(t => { if (t.IsFaulted) Console.WriteLine(t.Exception); });
                        _ = tar.PutNextEntryAsync("b", ct);
                        await tar.ReadEntryAsync().ContinueWith(_ => Console.WriteLine("read"));
                        await catalog.CloseEntryAsync(ct).ContinueWith(_ => Console.WriteLine("closed"));
                        var memory = new MemoryStream();
                        await memory.FlushAsync().ContinueWith(_ => Console.WriteLine("flushed"));
                        await memory.WriteAsync(new byte[1]).AsTask().ContinueWith(_ => Console.WriteLine("written"));
                    }
                }

                """ + EntryStreams);

        [Fact]
        public Task ContinuationThatReadsTheTaskOrRunsOnlyOnFailure_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    _ = File.WriteAllTextAsync(path, "x").ContinueWith(t => Console.WriteLine(t.Exception));
                    _ = output.FlushAsync().ContinueWith(t => { if (t.IsFaulted) Console.WriteLine("flush failed"); });
                    _ = _log.WriteLineAsync("x").ContinueWith(_ => Console.WriteLine("write failed"), TaskContinuationOptions.OnlyOnFaulted);
                    _ = output.FlushAsync().ContinueWith(Report);
                    _ = output.FlushAsync().ContinueWith((t, state) => Console.WriteLine(state + ": " + t.Status), "tag");
                    _ = File.AppendAllTextAsync(path, "x").ContinueWith(t => Task.Run(() => Console.WriteLine(t.IsFaulted)));
                    _ = Task.Delay(10).ContinueWith(_ => Console.WriteLine("not a write"));
                    _ = File.ReadAllTextAsync(path).ContinueWith(_ => Console.WriteLine("a read"));

                    static void Report(Task task) => Console.WriteLine(task.Exception);
            """));

        [Fact]
        public Task UnawaitedStatementInAsyncMethod_LeftToCS4014_NoDiagnostic()
        {
            // CS4014 reports these; a second diagnostic on the same line would be noise.
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3002DiscardedWriteTaskAnalyzer>.Test(InAsync("""
                    File.WriteAllTextAsync(path, "x");
                    output.FlushAsync().ConfigureAwait(false);
                    writer.WriteAsync("item");
                    Task.Run(() => File.WriteAllText(path, "x"));
                    Func<Task> later = async () => { _log.WriteLineAsync("x"); await Task.Yield(); };
            """));
            return test.RunAsync();
        }

        /// <summary>
        /// The split with CS4014 is exact: the compiler warns on each un-awaited call statement directly in an async
        /// function and on nothing we report (discards, sync lambdas and local functions, locks, ?. calls).
        /// </summary>
        [Fact]
        public void CompilerWarnsExactlyWhereWeStaySilent_NoDiagnostic()
        {
            var code = InAsync("""
                    File.WriteAllTextAsync(path, "cs4014");
                    output.FlushAsync().ConfigureAwait(false); // cs4014
                    writer.WriteAsync("cs4014");
                    Task.Run(() => File.WriteAllText(path, "cs4014"));
                    Func<Task> later = async () => { _log.WriteLineAsync("cs4014"); await Task.Yield(); };
                    _ = File.WriteAllTextAsync(path, "ours");
                    Action save = () => File.WriteAllTextAsync(path, "ours");
                    lock (_log)
                    {
                        _log.WriteLineAsync("ours");
                    }

                    Stream? maybe = output;
                    maybe?.FlushAsync();
            """);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "cs4014",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code) },
                References.Net,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
            var diagnostics = compilation.GetDiagnostics();
            Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var warned = new System.Collections.Generic.List<string>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id == "CS4014")
                {
                    var line = diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
                    warned.Add(line.Contains("cs4014", System.StringComparison.Ordinal) ? "cs4014" : line.Trim());
                }
            }

            Assert.Equal(new[] { "cs4014", "cs4014", "cs4014", "cs4014", "cs4014" }, warned);
        }

        /// <summary>
        /// A call statement of an async method of the project, in a sync method (a timer callback starting the service's
        /// run): the compiler's CS4014 reports it, so the rule does not (real-world round 34 took it for a miss).
        /// </summary>
        [Fact]
        public async Task AsyncMethodOfTheProjectAsAStatementInASyncMethod_LeftToCS4014_NoDiagnostic()
        {
            const string code = """
                using System.IO;
                using System.Threading.Tasks;

                public class PositionService
                {
                    public void TimerCallBack(object state)
                    {
                        Start();
                        RunAsync();
                    }

                    public async Task Start()
                    {
                        await File.WriteAllTextAsync("positions.csv", "Local Time,Volume");
                    }

                    public async Task RunAsync()
                    {
                        await File.WriteAllTextAsync("positions.csv", "Local Time,Volume");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(code);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "cs4014sync",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code) },
                References.Net,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var warned = System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(compilation.GetDiagnostics(), d => d.Id == "CS4014"),
                d => d.Location.SourceTree!.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim());
            Assert.Equal(new[] { "Start();", "RunAsync();" }, warned);
        }

        /// <summary>
        /// A partial method whose implementation is async: the compiler reads the definition part, which has no async, and is
        /// silent, so the statement is ours (the session's review). A task-like type of another namespace named Task is not
        /// System's: its builder may handle the failure.
        /// </summary>
        [Fact]
        public async Task PartialAsyncImplementationAsAStatement_ReportsDiagnostic()
        {
            const string code = """
                using System.IO;
                using System.Threading.Tasks;

                partial class Positions
                {
                    private partial Task Persist(string s);

                    private partial async Task Persist(string s) { await File.WriteAllTextAsync("p.txt", s); }

                    public void OnTick()
                    {
                        {|#0:Persist|}("x");
                        _ = {|#1:Persist|}("y");
                        _ = Save();
                        _ = SaveAsync();
                    }

                    private async MyLib.Task Save() => File.WriteAllText("s.txt", "x");

                    private async MyLib.Task SaveAsync() => File.WriteAllText("s.txt", "x");
                }

                namespace MyLib
                {
                    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(LoggingBuilder))]
                    public class Task
                    {
                        public System.Runtime.CompilerServices.TaskAwaiter GetAwaiter() => System.Threading.Tasks.Task.CompletedTask.GetAwaiter();
                    }

                    public class LoggingBuilder
                    {
                        public static LoggingBuilder Create() => new LoggingBuilder();
                        public Task Task { get; } = new Task();
                        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine => stateMachine.MoveNext();
                        public void SetStateMachine(System.Runtime.CompilerServices.IAsyncStateMachine stateMachine) { }
                        public void SetResult() { }
                        public void SetException(System.Exception exception) => System.Console.Error.WriteLine(exception);
                        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                            where TAwaiter : System.Runtime.CompilerServices.INotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
                        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                            where TAwaiter : System.Runtime.CompilerServices.ICriticalNotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                code,
                VerifyCS.Diagnostic("PM3002").WithLocation(0).WithArguments(Discarded("Persist (File.WriteAllTextAsync)"), Unseen),
                VerifyCS.Diagnostic("PM3002").WithLocation(1).WithArguments(Discarded("Persist (File.WriteAllTextAsync)"), Unseen));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "cs4014partial",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty)) },
                References.Net,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Id == "CS4014" || d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        }

        [Fact]
        public Task InMemoryAndNonStorageTargets_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Text;

                class Render
                {
                    void Build(byte[] data)
                    {
                        var memory = new MemoryStream();
                        _ = memory.WriteAsync(data, 0, data.Length);
                        memory.FlushAsync();
                        var text = new StringWriter();
                        text.WriteLineAsync("x");
                        var overMemory = new StreamWriter(new MemoryStream());
                        _ = overMemory.WriteAsync("x");
                        _ = Console.Out.WriteLineAsync("status");
                        _ = File.OpenRead("in.bin").CopyToAsync(memory);
                    }
                }
                """);

        // Real-world round 6: HttpListener's response body, writers over a socket, a socket in a Stream local, a child
        // process's standard input and a pipe: their writes fail when the other end goes away, not for a full disk.
        [Fact]
        public Task SocketsPipesAndListenerResponses_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics;
                using System.IO;
                using System.IO.Pipes;
                using System.Net;
                using System.Net.Sockets;

                class Peer
                {
                    void Send(HttpListenerContext context, TcpClient client, Process process, NamedPipeServerStream pipe, byte[] data)
                    {
                        context.Response.OutputStream.WriteAsync(data, 0, data.Length).ContinueWith(t => context.Response.Close());
                        var writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                        writer.WriteLineAsync("hello");
                        Stream stream = client.GetStream();
                        _ = stream.WriteAsync(data, 0, data.Length);
                        process.StandardInput.WriteLineAsync("input").ContinueWith(_ => process.StandardInput.Close());
                        _ = pipe.WriteAsync(data, 0, data.Length);
                    }
                }
                """);

        [Fact]
        public Task WriterOverFileStreamLocal_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Peer
                {
                    void Send(byte[] data)
                    {
                        Stream stream = File.OpenWrite("out.bin");
                        _ = stream.[|WriteAsync|](data, 0, data.Length);
                        var writer = new StreamWriter(stream);
                        _ = writer.[|WriteLineAsync|]("hello");
                    }
                }
                """);

        [Fact]
        public Task ReadsAndUnrelatedAsyncCalls_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    _ = File.ReadAllTextAsync(path);
                    _ = output.ReadAsync(data, 0, data.Length);
                    _ = Task.Delay(10);
                    Task.Run(() => Console.WriteLine("no write"));
                    ThreadPool.QueueUserWorkItem(_ => Console.WriteLine("no write"));
            """));

        [Fact]
        public Task WorkItemThatHandlesItsOwnFailure_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    Task.Run(() =>
                    {
                        try
                        {
                            File.AppendAllText(path, "x");
                        }
                        catch (IOException ex)
                        {
                            Console.Error.WriteLine(ex);
                        }
                    });
                    var running = Task.Run(() => File.AppendAllText(path, "x"));
                    running.Wait();
            """));

        [Fact]
        public Task UserTypesNamedLikeTheFramework_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;

                static class File
                {
                    public static Task WriteAllTextAsync(string path, string text) => Task.CompletedTask;
                }

                class Stream
                {
                    public Task FlushAsync() => Task.CompletedTask;
                }

                class Caller
                {
                    void Run(Stream s)
                    {
                        _ = File.WriteAllTextAsync("a", "b");
                        s.FlushAsync();
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3002DiscardedWriteTaskAnalyzer>.Test("""
                using System.IO;
                using System.Threading.Tasks;

                class Broken
                {
                    void Run(Stream s)
                    {
                        _ = s.{|CS1061:WriteAsyncc|}();
                        _ = Task.Run({|CS0103:missing|});
                        _ = File.{|CS1501:WriteAllTextAsync|}();
                    }
                }
                """);
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fixes

        [Fact]
        public Task DiscardInAsyncMethod_AwaitFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InAsync("""
                    _ = File.[|WriteAllTextAsync|](path, "x");
                    _ = output.[|FlushAsync|](ct).ConfigureAwait(false);
                    _ = Task.[|Run|](() => File.WriteAllText(path, "y"));
            """), InAsync("""
                    await File.WriteAllTextAsync(path, "x");
                    await output.FlushAsync(ct).ConfigureAwait(false);
                    await Task.Run(() => File.WriteAllText(path, "y"));
            """), PM3002DiscardedWriteTaskCodeFixProvider.AwaitKey);

        [Fact]
        public Task SyncMethod_SynchronousCounterpartFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InSync("""
                    _ = File.[|WriteAllTextAsync|](path, "x", ct);
                    File.[|AppendAllTextAsync|](path, "y");
                    _file.[|WriteAsync|](data, 0, data.Length, ct);
                    _ = output.[|FlushAsync|]().ConfigureAwait(false);
                    _log.[|WriteLineAsync|]("line");
                    File.OpenRead(path).[|CopyToAsync|](_file, ct);
            """), InSync("""
                    File.WriteAllText(path, "x");
                    File.AppendAllText(path, "y");
                    _file.Write(data, 0, data.Length);
                    output.Flush();
                    _log.WriteLine("line");
                    File.OpenRead(path).CopyTo(_file);
            """), PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);

        [Fact]
        public Task SyncLambda_SynchronousCounterpartFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InSync("""
                    Action save = () => File.[|WriteAllTextAsync|](path, "x");
                    save();
            """), InSync("""
                    Action save = () => File.WriteAllText(path, "x");
                    save();
            """), PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);

        [Fact]
        public Task FileStreamInheritedOverloads_SynchronousCounterpartFix_ReportsDiagnostic()
            // FlushAsync() and WriteAsync(byte[], int, int) are Stream's, while Flush() and Write(byte[], int, int) bind
            // to FileStream's overrides: the counterpart is on the receiver's type, a type derived from the async one's.
            => VerifyCS.VerifyCodeFixAsync(InSync("""
                    var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
                    stream.[|FlushAsync|]();
                    _ = stream.[|WriteAsync|](data, 0, data.Length);
            """), InSync("""
                    var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
                    stream.Flush();
                    stream.Write(data, 0, data.Length);
            """), PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);

        [Fact]
        public Task ConditionalAccess_SynchronousCounterpartFix_ReportsDiagnostic()
            // Real-world round 8: `_log?.FlushAsync()` in sync code had no fix; `_log?.Flush()` keeps the null check.
            => VerifyCS.VerifyCodeFixAsync(InSync("""
                    _log?.[|FlushAsync|]();
                    _ = _log?.[|WriteLineAsync|]("closing");
            """), InSync("""
                    _log?.Flush();
                    _log?.WriteLine("closing");
            """), PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);

        // A write chosen by `?:` or `??` and dropped with the rest (the twenty-seventh session's review: a miss). No fix: the
        // await or the synchronous call would not fit one arm of the choice.
        [Fact]
        public Task ChosenByConditionalAndDropped_NoFixOffered_ReportsDiagnostic()
        {
            var code = InAsync("""
                    _ = data.Length > 0 ? File.[|WriteAllBytesAsync|](path, data) : Task.CompletedTask;
                    _ = (Task)null ?? _log.[|FlushAsync|]();
            """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A task stored in a local that nothing reads is dropped under a name (real-world round 27: a file logger's
        // `var t = sw.WriteLineAsync(message);`). No fix: the statement declares the local.
        [Fact]
        public Task StoredInALocalNobodyReads_NoFixOffered_ReportsDiagnostic()
        {
            var code = InSync("""
                    var pending = _log.[|WriteLineAsync|]("x");
                    var flushed = _file.[|FlushAsync|]().ConfigureAwait(false);
            """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A stored task that is read (waited for, kept, returned, read in a lambda) is someone's to observe.
        [Fact]
        public Task StoredInALocalThatIsRead_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InSync("""
                    var waited = _log.WriteLineAsync("a");
                    waited.Wait();
                    var kept = _log.FlushAsync();
                    Action later = () => kept.Wait();
                    var logged = output.WriteAsync(data, 0, data.Length);
                    Console.WriteLine(logged.Status);
            """));

        [Fact]
        public Task ConditionalAccessInAsyncCode_NoAwaitFix_ReportsDiagnostic()
        {
            // `await _log?.FlushAsync()` would throw when _log is null: no fix is offered there.
            var code = InAsync("""
                    _log?.[|FlushAsync|]();
            """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task NoSynchronousCounterpart_NoFixOffered_ReportsDiagnostic()
        {
            // ChannelWriter has no Write; Stream.WriteAsync(ReadOnlyMemory) has no Write with the same parameters
            // (Write(ReadOnlySpan) does not take a Memory), and TextWriter.Write(object) must not be picked for it either;
            // Task.Run has no synchronous counterpart. In a sync method no fix is offered at all.
            var code = InSync("""
                    _ = writer.[|WriteAsync|]("item");
                    _ = output.[|WriteAsync|](data.AsMemory(), ct);
                    _ = _log.[|WriteAsync|]("x".AsMemory(), ct);
                    Task.[|Run|](() => File.WriteAllText(path, "x"));
            """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A method of this file that writes: awaited in async code; in sync code no fix, even when a synchronous twin of
        // the same name exists (it need not do what the async one does).
        [Fact]
        public Task DroppedTaskOfAMethodThatWrites_AwaitFixOnlyInAsyncCode_ReportsDiagnostic()
        {
            var code = """
                using System.IO;
                using System.Threading.Tasks;

                class Settings
                {
                    public void OnChanged(string json) => _ = [|SaveAsync|](json);

                    public async Task OnClosedAsync(string json)
                    {
                        _ = [|SaveAsync|](json);
                        await Task.Yield();
                    }

                    private void Save(string json) => File.WriteAllText("settings.json", json);

                    private async Task SaveAsync(string json) => await File.WriteAllTextAsync("settings.json", json);
                }
                """;
            var test = VerifyCS.Test(code, code.Replace("""
                        _ = [|SaveAsync|](json);
                        await Task.Yield();
                """, """
                        await SaveAsync(json);
                        await Task.Yield();
                """));
            test.CodeActionEquivalenceKey = PM3002DiscardedWriteTaskCodeFixProvider.AwaitKey;
            return test.RunAsync();
        }

        // Real-world round 22 (a download queue starting a Task.Run per job in a while loop): awaiting the work item would run
        // the jobs one at a time. No fix for a launcher in a loop; a write in a loop is still awaited.
        [Fact]
        public Task LauncherInALoop_NoAwaitFix_ReportsDiagnostic()
        {
            var test = VerifyCS.Test(InAsync("""
                    var running = 0;
                    while (running < 3)
                    {
                        running++;
                        _ = Task.[|Run|](async () => await File.WriteAllTextAsync(path, "job"));
                        _ = File.[|AppendAllTextAsync|](path, "started");
                    }
            """), InAsync("""
                    var running = 0;
                    while (running < 3)
                    {
                        running++;
                        _ = Task.[|Run|](async () => await File.WriteAllTextAsync(path, "job"));
                        await File.AppendAllTextAsync(path, "started");
                    }
            """), PM3002DiscardedWriteTaskCodeFixProvider.AwaitKey);
            return test.RunAsync();
        }

        [Fact]
        public Task LockInAsyncMethod_SynchronousFixSinceAwaitIsNotAllowed_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InAsync("""
                    lock (_log)
                    {
                        _ = _log.[|FlushAsync|]();
                    }
            """), InAsync("""
                    lock (_log)
                    {
                        _log.Flush();
                    }
            """));

        [Fact]
        public Task AsyncLocalFunctionInSyncMethod_AwaitFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InSync("""
                    _ = SaveAsync();

                    async Task SaveAsync()
                    {
                        _ = File.[|WriteAllTextAsync|](path, "x");
                        await Task.Yield();
                    }
            """), InSync("""
                    _ = [|SaveAsync|]();

                    async Task SaveAsync()
                    {
                        await File.WriteAllTextAsync(path, "x");
                        await Task.Yield();
                    }
            """));

        [Fact]
        public Task SeveralDiscards_FixAllSynchronous_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;

                class Audit
                {
                    void Write(string path, Stream a, Stream b)
                    {
                        _ = File.[|AppendAllTextAsync|](path, "1");
                        _ = File.[|AppendAllTextAsync|](path, "2");
                        a.[|FlushAsync|]();
                        b.[|FlushAsync|]();
                    }
                }
                """, """
                using System.IO;

                class Audit
                {
                    void Write(string path, Stream a, Stream b)
                    {
                        File.AppendAllText(path, "1");
                        File.AppendAllText(path, "2");
                        a.Flush();
                        b.Flush();
                    }
                }
                """, PM3002DiscardedWriteTaskCodeFixProvider.SynchronousKey);
            return test.RunAsync();
        }
    }
}
