using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    Postmortem.Analyzers.Rules.PM3006TimerSwallowsWriteFailureAnalyzer>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3006TimerSwallowsWriteFailureTests
    {
        // The message's third argument: what makes the write fail (a delete does not fail for a full disk).
        private const string OnWrite = "a full disk, a lock or a denied access";
        private const string OnDelete = "a lock or a denied access";

        private static string InClass(string members) => $$"""
            using System;
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using System.Timers;

            public sealed partial class LogFlusher
            {
                private readonly Timer _timer = new Timer(1000);
                private readonly StringBuilder _buffer = new StringBuilder();
                private readonly string _path = "host.log";

            {{members}}
            }
            """;

        // ------------------------------------------------------------ unsafe forms

        // Real-world round 13 (repro-7): the append fails and the timer discards the exception.
        [Fact]
        public Task LambdaHandlerAppends_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => {|#1:File.AppendAllText(_path, _buffer.ToString())|};
                        _timer.Start();
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "File.AppendAllText", OnWrite).WithAdditionalLocations(1).WithMessage(
                    "This lambda handles a System.Timers.Timer's Elapsed event, and the timer swallows every exception its handler throws: " +
                    "when 'File.AppendAllText' fails (a full disk, a lock or a denied access), nothing is logged and nobody learns of it"));

        // A library call given a file name writes it as File's do (here a document saved on every tick).
        [Fact]
        public Task LambdaHandlerSavesADocument_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => {|#1:new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement("state")).Save(_path)|};
                        _timer.Start();
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "XDocument.Save", OnWrite).WithAdditionalLocations(1));

        // A folder purged with its contents on every tick: when the delete fails, its files stay and the disk fills.
        [Fact]
        public Task LambdaHandlerPurgesAFolder_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => {|#1:Directory.Delete(_path + ".d", recursive: true)|};
                        _timer.Start();
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "Directory.Delete", OnDelete).WithAdditionalLocations(1).WithMessage(
                    "This lambda handles a System.Timers.Timer's Elapsed event, and the timer swallows every exception its handler throws: " +
                    "when 'Directory.Delete' fails (a lock or a denied access), nothing is logged and nobody learns of it"));

        // A folder removed only when empty (no recursive: true) loses nothing when the delete fails.
        [Fact]
        public Task LambdaHandlerRemovesAnEmptyFolder_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += (s, e) => Directory.Delete(_path + ".d");
                        _timer.Start();
                    }
                """));

        // The Azure Functions host's FileWriter (real-world round 13): the handler restarts the timer in a finally, calls
        // Flush, which appends in a try whose catch is filtered (a missing folder) and appends again inside that catch.
        [Fact]
        public Task MethodHandlerFlushesThroughHelpers_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += OnFlushLogs;
                        _timer.Start();
                    }

                    private void OnFlushLogs(object sender, ElapsedEventArgs e)
                    {
                        try
                        {
                            Flush();
                        }
                        finally
                        {
                            _timer.Start();
                        }
                    }

                    public void Flush()
                    {
                        var content = _buffer.ToString();
                        try
                        {
                            AppendToFile(content);
                        }
                        catch (Exception ex) when (ex is DirectoryNotFoundException)
                        {
                            Directory.CreateDirectory("logs");
                            AppendToFile(content);
                        }
                    }

                    private void AppendToFile(string content)
                    {
                        using (var writer = {|#1:new StreamWriter(_path, append: true)|})
                        {
                            writer.Write(content);
                        }
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithAdditionalLocations(1).WithMessage(
                    "'OnFlushLogs' handles a System.Timers.Timer's Elapsed event, and the timer swallows every exception its handler throws: " +
                    "when 'new StreamWriter' fails (a full disk, a lock or a denied access), nothing is logged and nobody learns of it"));

        // Helpers are followed three calls deep, each read again when reached at a shallower depth: Save is reached first
        // three calls deep (Refresh, Again, Save: its own call to Append is a fourth), then directly (Save, Append).
        // Before, the first reading marked it read and the second was skipped (the order of the calls decided).
        [Fact]
        public Task HelperReachedDeepFirstThenDirectly_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => { Refresh(); Save(); };
                        {|#2:_timer.Elapsed|} += (s, e) => Persist();
                    }

                    // A partial method runs its implementation's body.
                    partial void Persist();
                    partial void Persist() => {|#3:File.WriteAllText(_path, "state")|};

                    private void Refresh() => Again();
                    private void Again() => Save();
                    private void Save() => Append(_buffer.ToString());
                    private void Append(string text) => {|#1:File.AppendAllText(_path, text)|};
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "File.AppendAllText", OnWrite).WithAdditionalLocations(1),
                VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("This lambda", "File.WriteAllText", OnWrite).WithAdditionalLocations(3));

        // A write four calls deep is past the limit; helpers calling each other end.
        [Fact]
        public Task WriteFourCallsDeepOrHelpersInACycle_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += (s, e) => One();
                        _timer.Elapsed += (s, e) => Ping(3);
                    }

                    private void One() => Two();
                    private void Two() => Three();
                    private void Three() => Four();
                    private void Four() => File.AppendAllText(_path, "x");

                    private void Ping(int n) { if (n > 0) Pong(n - 1); }
                    private void Pong(int n) { if (n > 0) Ping(n - 1); }
                """));

        [Fact]
        public Task WriteOutsideTheCatchOrCaughtByAnotherType_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start(Timer other)
                    {
                        [|_timer.Elapsed|] += new ElapsedEventHandler(OnTick);
                        [|other.Elapsed|] += delegate { try { File.Delete(_path); } catch (FormatException) { } };
                        [|other.Elapsed|] += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (IOException ex) when (ex is FileNotFoundException) { Console.Error.WriteLine(ex); }
                        };
                    }

                    private void OnTick(object sender, ElapsedEventArgs e)
                    {
                        try
                        {
                            Console.WriteLine("tick");
                        }
                        catch (Exception ex)
                        {
                            Console.Error.WriteLine(ex);
                        }

                        File.WriteAllText(_path, "done");
                    }
                """));

        // A subclass of the timer has the same event.
        [Fact]
        public Task SubclassOfTheTimer_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                public sealed class CleanupTimer : System.Timers.Timer
                {
                    public CleanupTimer()
                    {
                        [|Elapsed|] += (s, e) => File.Delete("old.log");
                    }
                }
                """);

        // Real-world round 15 (OpenSim's cache purge after the Rethrow fix): clauses are tried in order, and a narrower one that
        // throws again before the clause that logs hands its failures to the timer.
        [Fact]
        public Task NarrowCatchThrowsBeforeTheLoggingOne_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        [|_timer.Elapsed|] += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (DirectoryNotFoundException) { throw; }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                        [|_timer.Elapsed|] += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (IOException ex) { throw new InvalidOperationException("append failed", ex); }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                        [|_timer.Elapsed|] += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (UnauthorizedAccessException) { throw; }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                        [|_timer.Elapsed|] += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (Exception ex) when (ex is IOException) { throw; }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                    }
                """));

        // A clause that throws again a failure that is not an I/O one (a cancellation, or a filter that narrows it to a fatal
        // type: the review's case) lets the logging clause take the rest.
        [Fact]
        public Task NonIoCatchThrowsBeforeTheLoggingOne_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (OperationCanceledException) { throw; }
                            catch (IOException ex) { Console.Error.WriteLine(ex); }
                        };
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (Exception ex) when (ex is OutOfMemoryException) { throw; }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                    }
                """));

        // From the review: a catch that throws again hands the failure back to the timer; a comment naming
        // SynchronizingObject, or another timer's, changes nothing.
        [Fact]
        public Task RethrowingCatchOrSynchronizingObjectOnlyInAComment_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    // We do not set SynchronizingObject: the handler runs on the thread pool.
                    public void Start()
                    {
                        [|_timer.Elapsed|] += (s, e) => { try { File.Delete(_path); } catch (Exception) { throw; } };
                        [|_timer.Elapsed|] += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (IOException ex) { throw new InvalidOperationException("cleanup failed", ex); }
                        };
                    }
                """));

        // From the round's re-run (the Azure Functions host's FileTraceWriter): an override that nothing can override again
        // runs its own body.
        [Fact]
        public Task SealedOverrideCalledByTheHandler_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Timers;

                public abstract class TraceWriter
                {
                    public abstract void Flush();
                }

                public sealed class FileTraceWriter : TraceWriter
                {
                    private readonly Timer _timer = new Timer(1000);

                    public void Start() => [|_timer.Elapsed|] += (s, e) => Flush();

                    public override void Flush()
                    {
                        try { File.AppendAllText("trace.log", "x"); }
                        catch (DirectoryNotFoundException) { Directory.CreateDirectory("logs"); }
                    }
                }
                """);

        // The real FileTraceWriter is not sealed (round 14's miss): its override, and a virtual method it calls, are what run
        // for a FileTraceWriter, whatever a subclass might do. An abstract method has no body to follow.
        [Fact]
        public Task OverrideAndVirtualMethodCalledByTheHandler_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Timers;

                public abstract class TraceWriter
                {
                    public abstract void Flush();
                }

                public class FileTraceWriter : TraceWriter
                {
                    private readonly Timer _timer = new Timer(1000);

                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => Flush();
                        {|#1:_timer.Elapsed|} += OnTick;
                    }

                    public override void Flush() => AppendToFile("x");

                    protected virtual void OnTick(object sender, ElapsedEventArgs e) => {|#2:File.Delete("old.log")|};

                    protected virtual void AppendToFile(string text) => {|#3:File.AppendAllText("trace.log", text)|};
                }

                public abstract class Buffered
                {
                    private readonly Timer _timer = new Timer(1000);

                    public void Start() => _timer.Elapsed += (s, e) => Flush();

                    protected abstract void Flush();
                }
                """,
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "File.AppendAllText", OnWrite).WithAdditionalLocations(3),
                VerifyCS.Diagnostic("PM3006").WithLocation(1).WithArguments("'OnTick'", "File.Delete", OnDelete).WithAdditionalLocations(2));

        // List<T>.ForEach and Array.ForEach run their delegate during the call: a cleanup timer's deletes written so fail
        // into the timer as a loop's do (the review's miss).
        [Fact]
        public Task DelegateRunByForEach_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => Directory.GetFiles("logs").ToList().ForEach({|#1:File.Delete|});
                        {|#2:_timer.Elapsed|} += (s, e) => Array.ForEach(Directory.GetFiles("logs"), f => {|#3:File.Delete(f)|});
                        {|#4:_timer.Elapsed|} += (s, e) => Directory.GetFiles("logs").ToList().ForEach(Archive);
                    }

                    private void Archive(string file) => {|#5:File.Move(file, file + ".old")|};
                """).Replace("using System.Text;", "using System.Linq;\nusing System.Text;"),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "File.Delete", OnDelete).WithAdditionalLocations(1),
                VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("This lambda", "File.Delete", OnDelete).WithAdditionalLocations(3),
                VerifyCS.Diagnostic("PM3006").WithLocation(4).WithArguments("This lambda", "File.Move", OnWrite).WithAdditionalLocations(5));

        // ------------------------------------------------------------ safe look-alikes

        [Fact]
        public Task WriteCaughtInTheHandlerOrItsHelper_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += OnTick;
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (IOException ex) { Console.Error.WriteLine(ex); }
                        };
                        _timer.Elapsed += (s, e) => Safe();
                        // Logged before it is thrown again: the failure is seen.
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.AppendAllText(_path, "x"); }
                            catch (IOException ex) { Console.Error.WriteLine(ex); throw; }
                        };
                    }

                    private void OnTick(object sender, ElapsedEventArgs e)
                    {
                        try
                        {
                            Write();
                        }
                        catch
                        {
                            Console.Error.WriteLine("flush failed");
                        }
                    }

                    private void Write() => File.AppendAllText(_path, _buffer.ToString());

                    private void Safe()
                    {
                        try { File.AppendAllText(_path, "x"); }
                        catch (Exception ex) { Console.Error.WriteLine(ex); }
                    }
                """));

        // An async handler's exception escapes to the thread pool and ends the process: not silent. A write in a lambda
        // the handler starts runs elsewhere; memory and the console are not storage.
        [Fact]
        public Task AsyncHandlerOrWriteElsewhereOrNoStorage_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += async (s, e) => await File.AppendAllTextAsync(_path, "x");
                        _timer.Elapsed += OnTickAsync;
                        _timer.Elapsed += (s, e) => Task.Run(() => File.AppendAllText(_path, "x")).Wait();
                        _timer.Elapsed += (s, e) => Console.WriteLine(_buffer.ToString());
                        _timer.Elapsed += (s, e) => new MemoryStream().Write(new byte[1], 0, 1);
                        _timer.Elapsed -= (s, e) => File.AppendAllText(_path, "x");
                    }

                    private async void OnTickAsync(object sender, ElapsedEventArgs e) => await File.WriteAllTextAsync(_path, "x");
                """));

        // A delegate that catches its own failures, a catch around the ForEach, an async lambda (async void: its failure is not
        // the timer's), a lazy Select, and a ForEach of another type (its delegate may run later) are not reported.
        [Fact]
        public Task DelegateCaughtOrNotRunAtOnce_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += (s, e) => Directory.GetFiles("logs").ToList().ForEach(f =>
                        {
                            try { File.Delete(f); }
                            catch (IOException ex) { Console.Error.WriteLine(ex); }
                        });
                        _timer.Elapsed += (s, e) =>
                        {
                            try { Array.ForEach(Directory.GetFiles("logs"), File.Delete); }
                            catch (Exception ex) { Console.Error.WriteLine(ex); }
                        };
                        _timer.Elapsed += (s, e) => Directory.GetFiles("logs").ToList().ForEach(async f => await File.WriteAllTextAsync(f, ""));
                        _timer.Elapsed += (s, e) => _ = Directory.GetFiles("logs").Select(f => { File.Delete(f); return f; });
                        _timer.Elapsed += (s, e) => new Later().ForEach(File.Delete);
                    }

                    private sealed class Later
                    {
                        public void ForEach(Action<string> action) { }
                    }
                """).Replace("using System.Text;", "using System.Linq;\nusing System.Text;"));

        // From the review: a filter that does not narrow the catch to other exception types, or names IOException, takes
        // the failure; and a stream or writer field typed only Stream or TextWriter, set in a constructor, may be a socket or
        // the console (round 14's repro).
        [Fact]
        public Task FilterThatTakesIoFailuresOrUnseenStreamField_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly Stream _socket;
                    private readonly TextWriter _out;

                    public LogFlusher(Stream socket)
                    {
                        _socket = socket;
                        _out = Console.Out;
                    }

                    private static bool Log(Exception ex) { Console.Error.WriteLine(ex); return true; }

                    public void Start()
                    {
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (Exception ex) when (ex is not OperationCanceledException) { Console.Error.WriteLine(ex); }
                        };
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException) { Console.Error.WriteLine(ex); }
                        };
                        _timer.Elapsed += (s, e) =>
                        {
                            try { File.Delete(_path); }
                            catch (Exception ex) when (Log(ex)) { }
                        };
                        _timer.Elapsed += (s, e) => _socket.Write(new byte[] { 1 }, 0, 1);
                        _timer.Elapsed += (s, e) => _out.WriteLine("tick");
                    }
                """));

        // A form's designer file sets the SynchronizingObject (another part of the type), and a type that declares an
        // Elapsed event of its own hides the timer's.
        [Fact]
        public Task SynchronizingObjectInTheDesignerFileOrAnotherElapsedEvent_NoDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;

                public partial class Form1
                {
                    private System.Timers.Timer timer1;

                    public void Start() => timer1.Elapsed += (s, e) => File.Delete("old.log");
                }

                public sealed class Ticker : System.Timers.Timer
                {
                    public new event System.EventHandler Elapsed;

                    public Ticker() => Elapsed += (s, e) => File.Delete("old.log");
                }
                """);
            test.Sources.Add("""
                public partial class Form1 : System.ComponentModel.ISynchronizeInvoke
                {
                    private void InitializeComponent()
                    {
                        timer1 = new System.Timers.Timer();
                        timer1.SynchronizingObject = this;
                    }

                    public bool InvokeRequired => false;
                    public System.IAsyncResult BeginInvoke(System.Delegate method, object[] args) => null;
                    public object EndInvoke(System.IAsyncResult result) => null;
                    public object Invoke(System.Delegate method, object[] args) => null;
                }
                """);
            return test.RunAsync();
        }

        // With a SynchronizingObject the handler runs through BeginInvoke (a form's message loop), where its exception
        // surfaces.
        [Fact]
        public Task SynchronizingObjectSet_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start(System.ComponentModel.ISynchronizeInvoke form)
                    {
                        _timer.SynchronizingObject = form;
                        _timer.Elapsed += (s, e) => File.AppendAllText(_path, "x");
                    }
                """));

        // Real-world round 33 (MyKnowledgeBase's tray app): the handler is abstract, and each service overrides it with its
        // auto-save, declared in another file; a virtual handler that writes nothing itself is overridden the same way.
        [Fact]
        public Task OverrideOfAnAbstractOrVirtualHandler_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.Timers;

                public abstract class AutoServiceBase
                {
                    protected readonly Timer MainTimer = new Timer(1000);

                    protected AutoServiceBase() => {|#0:MainTimer.Elapsed|} += MainTimer_Elapsed;

                    protected abstract void MainTimer_Elapsed(object sender, ElapsedEventArgs e);
                }

                public class Heartbeat
                {
                    private readonly Timer _timer = new Timer(1000);

                    public void Start() => {|#2:_timer.Elapsed|} += OnTick;

                    protected virtual void OnTick(object sender, ElapsedEventArgs e) { }
                }
                """);
            test.Sources.Add("""
                using System.IO;
                using System.Timers;

                public sealed class AlertsAutoSaveService : AutoServiceBase
                {
                    protected override void MainTimer_Elapsed(object sender, ElapsedEventArgs e) => {|#1:File.WriteAllText("alerts.json", "[]")|};
                }

                public sealed class FileHeartbeat : Heartbeat
                {
                    protected override void OnTick(object sender, ElapsedEventArgs e) => {|#3:File.AppendAllText("beat.log", "x")|};
                }
                """);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("'MainTimer_Elapsed' (overridden in AlertsAutoSaveService)", "File.WriteAllText", OnWrite).WithAdditionalLocations(1));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("'OnTick' (overridden in FileHeartbeat)", "File.AppendAllText", OnWrite).WithAdditionalLocations(3));
            return test.RunAsync();
        }

        // Overrides that catch their write's failure, that are async (their exception escapes to the thread pool), or that
        // override another method of the same name.
        [Fact]
        public Task OverridesThatCatchOrAreAsyncOrUnrelated_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using System.Timers;

                public abstract class AutoServiceBase
                {
                    protected readonly Timer MainTimer = new Timer(1000);

                    protected AutoServiceBase() => MainTimer.Elapsed += MainTimer_Elapsed;

                    protected abstract void MainTimer_Elapsed(object sender, ElapsedEventArgs e);
                }

                public sealed class Careful : AutoServiceBase
                {
                    protected override void MainTimer_Elapsed(object sender, ElapsedEventArgs e)
                    {
                        try { File.WriteAllText("a.json", "[]"); }
                        catch (IOException ex) { Console.Error.WriteLine(ex); }
                    }
                }

                public sealed class Loud : AutoServiceBase
                {
                    protected override async void MainTimer_Elapsed(object sender, ElapsedEventArgs e) => await File.WriteAllTextAsync("a.json", "[]");
                }

                // The second review: a sibling's override never runs for the subscriber's instances; `base.OnTick` runs the
                // base body; an override in a class that gives the timer a SynchronizingObject runs through BeginInvoke.
                public abstract class B
                {
                    protected readonly Timer T = new Timer(1000);

                    protected abstract void OnTick(object s, ElapsedEventArgs e);
                }

                public abstract class Mid : B
                {
                    protected Mid() => T.Elapsed += OnTick;
                }

                public sealed class Safe : Mid
                {
                    protected override void OnTick(object s, ElapsedEventArgs e) { }
                }

                public sealed class Sibling : B
                {
                    protected override void OnTick(object s, ElapsedEventArgs e) => File.WriteAllText("a.json", "[]");
                }

                public class Heart
                {
                    protected readonly Timer T = new Timer(1000);

                    protected virtual void OnTick(object s, ElapsedEventArgs e) { }
                }

                public class BaseBody : Heart
                {
                    public BaseBody() => T.Elapsed += base.OnTick;

                    protected override void OnTick(object s, ElapsedEventArgs e) => File.WriteAllText("a.json", "[]");
                }

                public abstract class B2
                {
                    protected readonly Timer T = new Timer(1000);

                    protected B2() => T.Elapsed += OnTick;

                    protected abstract void OnTick(object s, ElapsedEventArgs e);
                }

                public sealed class FormService : B2
                {
                    public FormService(System.ComponentModel.ISynchronizeInvoke form) { T.SynchronizingObject = form; }

                    protected override void OnTick(object s, ElapsedEventArgs e) => File.WriteAllText("a.json", "[]");
                }

                // The third review: `((Mid2)this).OnTick` is the subscriber's own handler; a class between the subscriber and
                // the override gives the timer its SynchronizingObject.
                public abstract class Mid2 : B
                {
                    protected Mid2() => T.Elapsed += ((Mid2)this).OnTick;
                }

                public sealed class Safe2 : Mid2
                {
                    protected override void OnTick(object s, ElapsedEventArgs e) { }
                }

                public abstract class B3
                {
                    protected readonly Timer T = new Timer(1000);

                    protected B3() => T.Elapsed += OnTick;

                    protected abstract void OnTick(object s, ElapsedEventArgs e);
                }

                public abstract class FormMid : B3
                {
                    protected FormMid(System.ComponentModel.ISynchronizeInvoke f) { T.SynchronizingObject = f; }
                }

                public sealed class FormLeaf : FormMid
                {
                    public FormLeaf(System.ComponentModel.ISynchronizeInvoke f) : base(f) { }

                    protected override void OnTick(object s, ElapsedEventArgs e) => File.WriteAllText("a.json", "[]");
                }

                public abstract class OtherBase
                {
                    protected abstract void MainTimer_Elapsed(object sender, ElapsedEventArgs e);
                }

                public sealed class Unrelated : OtherBase
                {
                    protected override void MainTimer_Elapsed(object sender, ElapsedEventArgs e) => File.WriteAllText("b.json", "[]");
                }
                """);

        // The name alone in a timer's object initializer is the timer's, and so it is in a type derived from the timer.
        [Fact]
        public Task SynchronizingObjectInAnInitializerOrADerivedTimer_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.ComponentModel;
                using System.IO;
                using System.Timers;
                using TimerAlias = System.Timers.Timer;

                public sealed class Saver
                {
                    private Timer _timer;

                    public void Start(ISynchronizeInvoke form)
                    {
                        _timer = new Timer(1000) { SynchronizingObject = form };
                        _timer.Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }

                public sealed class FormTimer : Timer
                {
                    public FormTimer(ISynchronizeInvoke form)
                    {
                        SynchronizingObject = form;
                        Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }

                public sealed class ThisFormTimer : Timer
                {
                    public ThisFormTimer(ISynchronizeInvoke form)
                    {
                        this.SynchronizingObject = form;
                        Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }

                // The second review: an alias of the timer, a class derived from it.
                public sealed class Aliased
                {
                    private TimerAlias _t;

                    public void Start(ISynchronizeInvoke form)
                    {
                        _t = new TimerAlias(1000) { SynchronizingObject = form };
                        _t.Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }

                public class PlainDerived : Timer { }

                public sealed class UsesDerived
                {
                    private PlainDerived _t;

                    public void Start(ISynchronizeInvoke form)
                    {
                        _t = new PlainDerived { SynchronizingObject = form };
                        _t.Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }

                // The review of a2a2e97: a nested timer class sets it, the outer class subscribes; a target-typed creation.
                public sealed class Outer
                {
                    private sealed class FormTimer : Timer
                    {
                        public FormTimer(ISynchronizeInvoke f) { SynchronizingObject = f; }
                    }

                    private FormTimer _t;

                    public void Start(ISynchronizeInvoke f)
                    {
                        _t = new FormTimer(f);
                        _t.Elapsed += OnTick;
                    }

                    private void OnTick(object s, ElapsedEventArgs e) => File.WriteAllText("a.json", "x");
                }

                public sealed class TargetTyped
                {
                    private Timer _t;

                    public void Start(ISynchronizeInvoke form)
                    {
                        _t = new(1000) { SynchronizingObject = form };
                        _t.Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }
                """);

        // C# 14's null-conditional assignment sets the timer's SynchronizingObject too (the review of a2a2e97; a preview
        // feature for the tests' compiler, C# 14 in the .NET 10 SDK).
        [Fact]
        public Task SynchronizingObjectSetThroughNullConditionalAssignment_NoDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.ComponentModel;
                using System.IO;
                using System.Timers;

                public sealed class NullConditional
                {
                    private Timer _t;

                    public void Start(ISynchronizeInvoke form)
                    {
                        _t?.SynchronizingObject = form;
                        _t!.Elapsed += (s, e) => File.WriteAllText("a.json", "x");
                    }
                }
                """);
            test.LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview;
            return test.RunAsync();
        }

        // Real-world round 33 (a probe): a member of the type's own named SynchronizingObject (a lock object) is not a
        // timer's, assigned by name alone or after `this.`: the handler still runs on the thread pool.
        [Fact]
        public Task OwnMemberNamedSynchronizingObject_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Timers;

                public class Saver
                {
                    private readonly Timer _t = new Timer(1000);
                    public object SynchronizingObject;

                    public Saver()
                    {
                        SynchronizingObject = new object();
                        this.SynchronizingObject = new object();
                        {|#0:_t.Elapsed|} += OnTick;
                    }

                    private void OnTick(object s, ElapsedEventArgs e)
                    {
                        lock (SynchronizingObject) {|#1:File.WriteAllText("a.json", "x")|};
                    }
                }

                // The review of a2a2e97: another type's initializer (a FileSystemWatcher), and a type nested in a derived
                // timer whose own lock member is named so.
                public class Watcher
                {
                    private readonly Timer _t = new Timer(1000);
                    private FileSystemWatcher _w;

                    public void Start(System.ComponentModel.ISynchronizeInvoke form)
                    {
                        _w = new FileSystemWatcher(".") { SynchronizingObject = form };
                        {|#2:_t.Elapsed|} += (s, e) => {|#3:File.WriteAllText("a.json", "x")|};
                    }
                }

                // The third review: a type of one's own with a SynchronizingObject, in an initializer, nested or not; another
                // object's handler whose override's class sets its own timer's SynchronizingObject.
                public sealed class Worker
                {
                    public System.ComponentModel.ISynchronizeInvoke SynchronizingObject { get; set; }
                }

                public sealed class Holder
                {
                    public Worker W { get; } = new Worker();
                }

                public sealed class Saver2
                {
                    private readonly Timer _t = new Timer(1000);

                    public void Start(System.ComponentModel.ISynchronizeInvoke f)
                    {
                        var w = new Worker { SynchronizingObject = f };
                        var h = new Holder { W = { SynchronizingObject = f } };
                        {|#6:_t.Elapsed|} += (s, e) => {|#7:File.WriteAllText("a.json", "x")|};
                    }
                }

                public abstract class S
                {
                    public abstract void OnTick(object s, ElapsedEventArgs e);
                }

                public sealed class D : S
                {
                    private readonly Timer _ui = new Timer(5);

                    public D(System.ComponentModel.ISynchronizeInvoke f) { _ui.SynchronizingObject = f; }

                    public override void OnTick(object s, ElapsedEventArgs e) => {|#9:File.WriteAllText("a.json", "x")|};
                }

                public sealed class Host
                {
                    private readonly Timer _t = new Timer(1000);

                    public Host(S s) => {|#8:_t.Elapsed|} += s.OnTick;
                }

                public class SaveTimer : Timer
                {
                    public SaveTimer() => {|#4:Elapsed|} += (s, e) => {|#5:File.WriteAllText("a.json", "x")|};

                    private sealed class Gate
                    {
                        private object SynchronizingObject;

                        public Gate() { SynchronizingObject = new object(); }
                    }
                }
                """,
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("'OnTick'", "File.WriteAllText", OnWrite).WithAdditionalLocations(1),
                VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("This lambda", "File.WriteAllText", OnWrite).WithAdditionalLocations(3),
                VerifyCS.Diagnostic("PM3006").WithLocation(4).WithArguments("This lambda", "File.WriteAllText", OnWrite).WithAdditionalLocations(5),
                VerifyCS.Diagnostic("PM3006").WithLocation(6).WithArguments("This lambda", "File.WriteAllText", OnWrite).WithAdditionalLocations(7),
                VerifyCS.Diagnostic("PM3006").WithLocation(8).WithArguments("'OnTick' (overridden in D)", "File.WriteAllText", OnWrite).WithAdditionalLocations(9));

        // SynchronizingObject set to null (or default) leaves the handler on the thread pool: the timer still swallows (the
        // twenty-seventh session's review).
        [Fact]
        public Task SynchronizingObjectSetToNull_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.SynchronizingObject = null;
                        _timer.SynchronizingObject = default;
                        _timer.SynchronizingObject = null!;
                        _timer.SynchronizingObject = (default(System.ComponentModel.ISynchronizeInvoke));
                        _timer.SynchronizingObject = (System.ComponentModel.ISynchronizeInvoke)null;
                        {|PM3006:_timer.Elapsed|} += (s, e) => File.AppendAllText(_path, "x");
                    }
                """));

        // An async write whose task the handler waits for throws its failure there, and the timer swallows it; so does one
        // whose task a helper returns to a handler that waits for it.
        [Fact]
        public Task AsyncWriteWaitedForInTheHandler_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => {|#1:File.WriteAllTextAsync(_path, "x")|}.Wait();
                        {|#2:_timer.Elapsed|} += (s, e) => {|#3:File.AppendAllTextAsync(_path, "x")|}.GetAwaiter().GetResult();
                        {|#4:_timer.Elapsed|} += (s, e) =>
                        {
                            var task = {|#5:File.WriteAllTextAsync(_path, "x")|};
                            task.Wait();
                        };
                        {|#6:_timer.Elapsed|} += (s, e) => SaveAsync().Wait();
                        {|#8:_timer.Elapsed|} += (s, e) => SaveAllAsync().Wait();
                        {|#10:_timer.Elapsed|} += (s, e) =>
                        {
                            _ = SaveAsync();
                            SaveAsync().Wait();
                        };
                    }

                    private Task SaveAsync() => {|#7:File.WriteAllTextAsync(_path, "x")|};

                    private Task SaveAllAsync() => Task.WhenAll({|#9:File.WriteAllTextAsync(_path, "a")|}, File.AppendAllTextAsync(_path, "b"));
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "File.WriteAllTextAsync", OnWrite).WithAdditionalLocations(1),
                VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("This lambda", "File.AppendAllTextAsync", OnWrite).WithAdditionalLocations(3),
                VerifyCS.Diagnostic("PM3006").WithLocation(4).WithArguments("This lambda", "File.WriteAllTextAsync", OnWrite).WithAdditionalLocations(5),
                VerifyCS.Diagnostic("PM3006").WithLocation(6).WithArguments("This lambda", "File.WriteAllTextAsync", OnWrite).WithAdditionalLocations(7),
                VerifyCS.Diagnostic("PM3006").WithLocation(8).WithArguments("This lambda", "File.WriteAllTextAsync", OnWrite).WithAdditionalLocations(9),
                VerifyCS.Diagnostic("PM3006").WithLocation(10).WithArguments("This lambda", "File.WriteAllTextAsync", OnWrite).WithAdditionalLocations(7));

        // An async write the handler starts and does not wait for fails in its task, not in the handler: the timer never sees
        // it, and a catch around it catches nothing (real-world round 26: RpgTkoolMvSaveEditor; PM3002 reports the dropped
        // task). So is a task a helper returns. A partial method async in its implementation is an async handler.
        [Fact]
        public Task AsyncWriteNotWaitedForOrAsyncPartialHandler_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += (s, e) => File.WriteAllTextAsync(_path, "x");
                        _timer.Elapsed += (s, e) => { _ = File.AppendAllTextAsync(_path, "x"); };
                        _timer.Elapsed += (s, e) =>
                        {
                            try
                            {
                                File.WriteAllTextAsync(_path, "x");
                            }
                            catch (Exception ex)
                            {
                                Console.Error.WriteLine(ex);
                            }
                        };
                        _timer.Elapsed += (s, e) => SaveAsync();
                        _timer.Elapsed += (s, e) => SaveAllAsync();
                        _timer.Elapsed += (s, e) => SaveLocalAsync();
                        _timer.Elapsed += OnTick;
                    }

                    private Task SaveAsync() => File.WriteAllTextAsync(_path, _buffer.ToString());

                    // A task made of several writes, or kept in a local, returned to a handler that drops it (the third review).
                    private Task SaveAllAsync() => Task.WhenAll(File.WriteAllTextAsync(_path, "a"), File.AppendAllTextAsync(_path, "b"));

                    private Task SaveLocalAsync()
                    {
                        var task = File.WriteAllTextAsync(_path, "x");
                        return task;
                    }

                    partial void OnTick(object sender, ElapsedEventArgs e);

                    async partial void OnTick(object sender, ElapsedEventArgs e) => await File.AppendAllTextAsync(_path, "x");
                """));

        // An anonymous method is named as one (the review: the message said "This lambda").
        [Fact]
        public Task AnonymousMethodHandler_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += delegate { {|#1:File.AppendAllText(_path, "x")|}; };
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This anonymous method", "File.AppendAllText", OnWrite).WithAdditionalLocations(1));

        // A writer field typed only TextWriter or Stream whose initializer in this file opens a file is a file (the review).
        [Fact]
        public Task WriterFieldOpeningAFileInItsInitializer_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly TextWriter _log = File.AppendText("host.log");
                    private readonly Stream _data = new FileStream("data.bin", FileMode.Append);

                    public void Start()
                    {
                        {|#0:_timer.Elapsed|} += (s, e) => {|#1:_log.WriteLine(_buffer.ToString())|};
                        {|#2:_timer.Elapsed|} += (s, e) => {|#3:_data.Write(new byte[1], 0, 1)|};
                    }
                """),
                VerifyCS.Diagnostic("PM3006").WithLocation(0).WithArguments("This lambda", "TextWriter.WriteLine", OnWrite).WithAdditionalLocations(1),
                VerifyCS.Diagnostic("PM3006").WithLocation(2).WithArguments("This lambda", "Stream.Write", OnWrite).WithAdditionalLocations(3));

        // A writer field typed only TextWriter, its value unseen or not a file (the console), read through `?.` as well (the
        // review).
        [Fact]
        public Task UnseenWriterFieldThroughConditionalAccess_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly TextWriter _out;
                    private readonly TextWriter _console = Console.Out;
                    private readonly Stream _memory = new MemoryStream();

                    public LogFlusher(TextWriter output) { _out = output; }

                    public void Start()
                    {
                        _timer.Elapsed += (s, e) => _out?.WriteLine("tick");
                        _timer.Elapsed += (s, e) => _console.WriteLine("tick");
                        _timer.Elapsed += (s, e) => _memory.Write(new byte[1], 0, 1);
                    }
                """));

        // Other timers: System.Threading.Timer's callback exception ends the process; an Elapsed event of another type is
        // not the one that swallows.
        [Fact]
        public Task OtherTimersOrEvents_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                public sealed class Ticker
                {
                    public event EventHandler Elapsed;

                    private System.Threading.Timer _threading;

                    public void Start()
                    {
                        Elapsed += (s, e) => File.AppendAllText("a.log", "x");
                        _threading = new System.Threading.Timer(_ => File.AppendAllText("a.log", "x"), null, 0, 1000);
                    }
                }
                """);

        // A handler declared in another file is not read (the analyzer reads one file per callback).
        [Fact]
        public Task HandlerInAnotherFile_NoDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.Timers;

                public sealed partial class Flusher
                {
                    private readonly Timer _timer = new Timer(1000);

                    public void Start() => _timer.Elapsed += OnTick;
                }
                """);
            test.Sources.Add("""
                using System.IO;
                using System.Timers;

                public sealed partial class Flusher
                {
                    private void OnTick(object sender, ElapsedEventArgs e) => File.AppendAllText("a.log", "x");
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = VerifyCS.Test(InClass("""
                    public void Start()
                    {
                        _timer.Elapsed += ;
                        _timer.Elapsed += Missing;
                        _timer.Elapsed += (s, e) => File.AppendAllText(;
                    }
                """));
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
