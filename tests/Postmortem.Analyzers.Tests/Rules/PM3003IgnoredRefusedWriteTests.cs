using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM3003IgnoredRefusedWriteAnalyzer,
    Postmortem.CodeFixes.Rules.PM3003IgnoredRefusedWriteCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3003IgnoredRefusedWriteTests
    {
        private static string Queue(string members) => $$"""
            using System;
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            class Events
            {
            {{members}}
            }
            """;

        /// <summary>The message arguments of a dropped result.</summary>
        private static object[] Ignored(string write)
            => new object[] { "The result of '" + write + "' is ignored", "when the queue is full an item is dropped silently" };

        // ------------------------------------------------------------ unsafe forms

        [Fact]
        public Task BoundedChannelTryWriteStatement_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public void Publish(string e)
                    {
                        _channel.Writer.{|#0:TryWrite|}(e);
                    }
                """),
                VerifyCS.Diagnostic("PM3003").WithLocation(0).WithArguments(Ignored("ChannelWriter.TryWrite")));

        [Fact]
        public Task DiscardedTryWriteAndTryAdd_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(boundedCapacity: 10);

                    public void Publish(ChannelWriter<string> writer, string e)
                    {
                        _ = writer.{|#0:TryWrite|}(e);
                        _ = _queue.{|#1:TryAdd|}(e);
                        _queue.{|#2:TryAdd|}(e, TimeSpan.FromSeconds(1));
                    }
                """),
                VerifyCS.Diagnostic("PM3003").WithLocation(0).WithArguments(Ignored("ChannelWriter.TryWrite")),
                VerifyCS.Diagnostic("PM3003").WithLocation(1).WithArguments(Ignored("BlockingCollection.TryAdd")),
                VerifyCS.Diagnostic("PM3003").WithLocation(2).WithArguments(Ignored("BlockingCollection.TryAdd")));

        [Fact]
        public Task TopLevelStatementsAndNestedType_ReportsDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3003IgnoredRefusedWriteAnalyzer>.Test("""
                using System.Threading.Channels;

                var channel = Channel.CreateBounded<string>(10);
                channel.Writer.{|#0:TryWrite|}("started");
                Outer.Inner.Publish(channel.Writer, "ready");

                static class Outer
                {
                    public static class Inner
                    {
                        public static void Publish(ChannelWriter<string> writer, string e) => writer.{|#1:TryWrite|}(e);
                    }
                }
                """);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3003").WithLocation(0).WithArguments(Ignored("ChannelWriter.TryWrite")));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3003").WithLocation(1).WithArguments(Ignored("ChannelWriter.TryWrite")));
            return test.RunAsync();
        }

        [Fact]
        public Task NameWrittenWithEscapeOrFormattingCharacter_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.Threading.Channels;

                class Publisher
                {
                    void Publish(ChannelWriter<string> writer, string e)
                    {
                        writer.{|#0:\u0054ryWrite|}(e);
                        writer.{|#1:TryZWSPWrite|}(e);
                    }
                }
                """.Replace("ZWSP", "\u200B"),
                VerifyCS.Diagnostic("PM3003").WithLocation(0).WithArguments(Ignored("ChannelWriter.TryWrite")),
                VerifyCS.Diagnostic("PM3003").WithLocation(1).WithArguments(Ignored("ChannelWriter.TryWrite")));

        [Fact]
        public Task UnknownOrBoundedOrigin_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<int> _assignedInConstructor;
                    private readonly Channel<int> _dropping = Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite });
                    private ChannelWriter<int>? _writer;

                    public Events(int capacity)
                    {
                        _assignedInConstructor = Channel.CreateBounded<int>(capacity);
                    }

                    public void Publish(int e)
                    {
                        _assignedInConstructor.Writer.[|TryWrite|](e);
                        _dropping.Writer.[|TryWrite|](e);
                        _writer?.[|TryWrite|](e);
                        _dropping?.Writer.[|TryWrite|](e);
                        _assignedInConstructor?.Writer?.[|TryWrite|](e);
                        var local = Channel.CreateBounded<int>(1);
                        local.Writer.[|TryWrite|](e);
                        Action<int> publish = x => _dropping.Writer.[|TryWrite|](x);
                        publish(e);
                    }
                """));

        // Created in methods, not in a constructor: one member that makes it bounded, or gives it a value the analyzer
        // cannot see, is enough; so is a part of a partial type the analyzer does not read.
        [Fact]
        public Task CreatedInMethodsNotAllUnbounded_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private Channel<string> _resized;
                    private Channel<string> _given;
                    private ChannelWriter<string> _writer;

                    private void Start()
                    {
                        _resized = Channel.CreateUnbounded<string>();
                        _given = Channel.CreateUnbounded<string>();
                        _writer = _resized.Writer;
                    }

                    public void Resize(int capacity) => _resized = Channel.CreateBounded<string>(capacity);

                    public void Use(Channel<string> channel) => _given = channel;

                    public void Publish(string e)
                    {
                        _resized.Writer.[|TryWrite|](e);
                        _given.Writer.[|TryWrite|](e);
                        _writer.[|TryWrite|](e);
                    }
                """) + """

                partial class PartialEvents
                {
                    private Channel<string> _channel;

                    private void Start() => _channel = Channel.CreateUnbounded<string>();

                    public void Publish(string e) => _channel.Writer.[|TryWrite|](e);
                }

                partial class PartialEvents
                {
                }
                """);

        // Given a bounded value where only a name other than `_c` or `this._c` shows it (another instance, the type's
        // name, a nested type, a ref), or assignable from outside the type (not private): the review of the twenty-third
        // session found each silent.
        [Fact]
        public Task CreatedInMethodsAndAssignedElsewhere_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Threading.Channels;

                class Events
                {
                    private Channel<string> _other;
                    private static Channel<string> s_static;
                    private Channel<string> _nested;
                    private Channel<string> _byRef;
                    public Channel<string> Public;
                    protected Channel<string> Protected;
                    public Channel<string> Property { get; set; }

                    private void Start()
                    {
                        _other = Channel.CreateUnbounded<string>();
                        s_static = Channel.CreateUnbounded<string>();
                        _nested = Channel.CreateUnbounded<string>();
                        _byRef = Channel.CreateUnbounded<string>();
                        Public = Channel.CreateUnbounded<string>();
                        Protected = Channel.CreateUnbounded<string>();
                        Property = Channel.CreateUnbounded<string>();
                    }

                    public static Events Create()
                    {
                        var events = new Events();
                        events._other = Channel.CreateBounded<string>(1);
                        Events.s_static = Channel.CreateBounded<string>(1);
                        return events;
                    }

                    public void Swap()
                    {
                        ref var queue = ref _byRef;
                        queue = Channel.CreateBounded<string>(1);
                    }

                    private sealed class Holder
                    {
                        public void Set(Events owner) => owner._nested = Channel.CreateBounded<string>(1);
                    }

                    public void Publish(string e)
                    {
                        _other.Writer.[|TryWrite|](e);
                        s_static.Writer.[|TryWrite|](e);
                        _nested.Writer.[|TryWrite|](e);
                        _byRef.Writer.[|TryWrite|](e);
                        Public.Writer.[|TryWrite|](e);
                        Protected.Writer.[|TryWrite|](e);
                        Property.Writer.[|TryWrite|](e);
                    }
                }

                class Outside
                {
                    public void Use(Events events) => events.Public = Channel.CreateBounded<string>(1);
                }
                """);

        [Fact]
        public Task DropCallbackThatCannotSeeEveryLoss_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    // Wait mode (the default): TryWrite returns false and itemDropped is never called.
                    private readonly Channel<int> _waiting = Channel.CreateBounded<int>(new BoundedChannelOptions(10), _ => { });
                    private readonly Channel<int> _explicitWait = Channel.CreateBounded<int>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait }, _ => { });
                    // No callback after all.
                    private readonly Channel<int> _nullCallback = Channel.CreateBounded<int>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite }, null);

                    public void Publish(int e, BoundedChannelOptions options)
                    {
                        _waiting.Writer.[|TryWrite|](e);
                        _explicitWait.Writer.[|TryWrite|](e);
                        _nullCallback.Writer.[|TryWrite|](e);
                        // A mode the analyzer cannot see.
                        var unknown = Channel.CreateBounded<int>(options, _ => { });
                        unknown.Writer.[|TryWrite|](e);
                    }
                """));

        // ------------------------------------------------------------ safe look-alikes

        [Fact]
        public Task ConfigureAwaitOnAConvertedResult_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public void Publish(string e)
                    {
                        // The statement drops the result through a conversion and a ConfigureAwait.
                        ((Flag)_channel.Writer.[|TryWrite|](e)).ConfigureAwait(false);
                    }

                    public readonly struct Flag
                    {
                        public static implicit operator Flag(bool value) => default;

                        public Flag ConfigureAwait(bool continueOnCapturedContext) => this;
                    }
                """));

        [Fact]
        public Task ResultUsed_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);
                    public int Dropped;

                    public bool TryPublish(string e) => _channel.Writer.TryWrite(e);

                    public void Publish(string e)
                    {
                        if (!_channel.Writer.TryWrite(e))
                        {
                            Dropped++;
                        }

                        var added = _queue.TryAdd(e);
                        Console.WriteLine(added);
                        while (!_queue.TryAdd(e, 100))
                        {
                        }

                        Func<bool> attempt = () => _channel.Writer.TryWrite(e);
                        attempt();
                    }
                """));

        // Real-world round 13 (Ryujinx's log target): with an infinite timeout TryAdd waits for room and never returns false.
        // A finite timeout, or one the analyzer cannot read, can still refuse.
        [Fact]
        public Task TryAddWithAnInfiniteTimeout_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private const int Forever = -1;
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e, CancellationToken token)
                    {
                        _queue.TryAdd(e, -1);
                        _queue.TryAdd(e, Timeout.Infinite);
                        _queue.TryAdd(e, Forever, token);
                        _queue.TryAdd(e, Timeout.InfiniteTimeSpan);
                        _queue.TryAdd(e, millisecondsTimeout: -1);
                        _queue.TryAdd(e, TimeSpan.FromMilliseconds(-1));
                        _queue.TryAdd(e, TimeSpan.FromMilliseconds(-1.0));
                        _queue.TryAdd(e, TimeSpan.FromMilliseconds(Forever));
                    }
                """));

        [Fact]
        public Task TryAddWithAFiniteOrUnknownTimeout_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);
                    private int _timeout = -1;

                    public void Publish(string e, CancellationToken token)
                    {
                        _queue.[|TryAdd|](e, 0);
                        _queue.[|TryAdd|](e, 100, token);
                        _queue.[|TryAdd|](e, _timeout);
                        _queue.[|TryAdd|](e, TimeSpan.FromSeconds(1));
                        _queue.[|TryAdd|](e, TimeSpan.FromSeconds(-1));
                        _queue.[|TryAdd|](e, TimeSpan.FromMilliseconds(-1, 5));
                        _queue.[|TryAdd|](e, TimeSpan.FromMilliseconds(_timeout));
                    }
                """));

        [Fact]
        public Task DiscardAssignmentWhoseValueIsUsed_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);
                    public int Dropped;

                    public void Publish(string e)
                    {
                        // `_ = x` is an expression whose value is x: here the if reads the result.
                        if (!(_ = _channel.Writer.TryWrite(e)))
                        {
                            Dropped++;
                        }
                    }
                """));

        [Fact]
        public Task ProvablyUnbounded_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
                    private readonly Channel<string> _options = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
                    private readonly ChannelWriter<string> _writer = Channel.CreateUnbounded<string>().Writer;
                    private readonly Channel<string> _fromConstructor;
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>();
                    private Channel<string> Property { get; } = Channel.CreateUnbounded<string>();

                    public Events()
                    {
                        _fromConstructor = Channel.CreateUnbounded<string>();
                    }

                    public void Publish(string e)
                    {
                        _channel.Writer.TryWrite(e);
                        _ = _options.Writer.TryWrite(e);
                        _writer.TryWrite(e);
                        _fromConstructor.Writer.TryWrite(e);
                        _queue.TryAdd(e);
                        Property.Writer.TryWrite(e);
                        var local = Channel.CreateUnbounded<string>();
                        local.Writer.TryWrite(e);
                        var writer = local.Writer;
                        writer.TryWrite(e);

                        // Through ?. (real-world round 7: an app log's queue): the queue the ?. stands for.
                        _fromConstructor?.Writer.TryWrite(e);
                        _writer?.TryWrite(e);
                        _queue?.TryAdd(e);
                        Property?.Writer?.TryWrite(e);
                    }
                """));

        // Real-world round 17 (Technitium's LogManager): the log queue is created when logging starts, in a method, and
        // that is its only assignment; TryWrite fails only after StopLogging completed it.
        [Fact]
        public Task CreatedUnboundedInAMethod_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private Channel<string> _channel;
                    private ChannelWriter<string> _channelWriter;

                    private void StartLogging()
                    {
                        var options = new UnboundedChannelOptions();
                        options.SingleReader = true;

                        _channel = Channel.CreateUnbounded<string>(options);
                        _channelWriter = _channel.Writer;
                    }

                    private void StopLogging()
                    {
                        _channelWriter?.TryComplete();
                        _channelWriter = null;
                        _channel = default;
                    }

                    public void Write(string message)
                    {
                        _channelWriter?.TryWrite(message);
                        _channel.Writer.TryWrite(message);
                        _settings.Queue.Writer.TryWrite(message);
                        Queue.Writer.TryWrite(message);
                        _pipeline.Writer.TryWrite(message);
                    }

                    // Assigned elsewhere by its own name, another type's member of the same name; a property with a
                    // private setter, given its value in a method.
                    private readonly Settings _settings = new Settings();
                    private Channel<string> Queue;
                    private Channel<string> _pipeline { get; set; }

                    private void Configure()
                    {
                        Queue = Channel.CreateUnbounded<string>();
                        _settings.Queue = Channel.CreateUnbounded<string>();
                        _pipeline = Channel.CreateUnbounded<string>();
                    }

                    private sealed class Settings
                    {
                        public Channel<string> Queue = Channel.CreateUnbounded<string>();
                    }
                """));

        // C# 12: `BlockingCollection<T> q = [];` makes the collection with its parameterless constructor, unbounded as
        // `new()` is (items in the brackets are added with Add).
        [Fact]
        public Task CollectionExpressionUnboundedBlockingCollection_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly BlockingCollection<string> _queue = [];
                    private readonly BlockingCollection<string> _started = ["started"];

                    public void Publish(string e)
                    {
                        _queue.TryAdd(e);
                        _started.TryAdd(e);
                        BlockingCollection<string> local = [];
                        local.TryAdd(e);
                    }
                """));

        // A property whose getter forwards an unbounded channel's writer (a common wrapper): its origin is as visible as
        // the field's.
        [Fact]
        public Task UnboundedBehindExpressionBodiedWriterProperty_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();

                    private ChannelWriter<string> Writer => _channel.Writer;

                    private ChannelWriter<string> Getter
                    {
                        get { return _channel.Writer; }
                    }

                    private Channel<string> Inner { get => _channel; }

                    public void Publish(string e)
                    {
                        Writer.TryWrite(e);
                        Getter.TryWrite(e);
                        Inner.Writer.TryWrite(e);
                    }
                """));

        // The control of the collection expression: a type derived from BlockingCollection<T> whose parameterless
        // constructor bounds it, made by `[]`.
        [Fact]
        public Task BoundedDerivedCollectionMadeByACollectionExpression_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly SmallQueue _small = [];

                    public void Publish(string e)
                    {
                        _small.[|TryAdd|](e);
                    }

                    private sealed class SmallQueue : BlockingCollection<string>
                    {
                        public SmallQueue() : base(10) { }
                    }
                """));

        // The control of the writer property: a getter forwarding a bounded channel, one a derived type can override, one
        // that does more than return.
        [Fact]
        public Task BoundedOrOverridableBehindAWriterProperty_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
                    private readonly Channel<string> _bounded = Channel.CreateBounded<string>(10);

                    private ChannelWriter<string> Bounded => _bounded.Writer;

                    protected virtual ChannelWriter<string> Overridable => _channel.Writer;

                    private bool _useBounded;

                    private ChannelWriter<string> Chosen
                    {
                        get
                        {
                            if (_useBounded) return _bounded.Writer;
                            return _channel.Writer;
                        }
                    }

                    public void Publish(string e)
                    {
                        Bounded.[|TryWrite|](e);
                        Overridable.[|TryWrite|](e);
                        Chosen.[|TryWrite|](e);
                    }
                """));

        [Fact]
        public Task DropChannelWhoseDropsGoToACallback_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private static long s_dropped;
                    private readonly Channel<int> _field = Channel.CreateBounded<int>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest },
                        _ => Interlocked.Increment(ref s_dropped));
                    private readonly Channel<string> _fromConstructor;

                    public Events()
                    {
                        _fromConstructor = Channel.CreateBounded<string>(
                            new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
                            OnDropped);
                    }

                    public void Publish(int e)
                    {
                        _field.Writer.TryWrite(e);
                        _fromConstructor.Writer.TryWrite(e.ToString());
                        var options = new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropNewest };
                        var local = Channel.CreateBounded<int>(options, itemDropped: OnDropped);
                        local.Writer.TryWrite(e);
                    }

                    private static void OnDropped<T>(T item) => Interlocked.Increment(ref s_dropped);
                """));

        [Fact]
        public Task ExplicitDiscardsWhenOptedOut_NoDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3003IgnoredRefusedWriteAnalyzer>.Test(Queue("""
                    public void Publish(ChannelWriter<string> writer, string e)
                    {
                        _ = writer.TryWrite(e);
                        writer.[|TryWrite|](e);
                    }
                """));
            test.EditorConfig = """
                root = true

                [*.cs]
                postmortem.PM3003.report_discards = false
                """;
            return test.RunAsync();
        }

        [Fact]
        public Task UserTypesNamedLikeTheFramework_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                class ChannelWriter<T>
                {
                    public bool TryWrite(T item) => true;
                }

                class BlockingCollection<T>
                {
                    public bool TryAdd(T item) => true;
                }

                class Caller
                {
                    void Run(ChannelWriter<int> w, BlockingCollection<int> q, System.Collections.Generic.HashSet<int> set)
                    {
                        w.TryWrite(1);
                        q.TryAdd(1);
                        set.Add(1);
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3003IgnoredRefusedWriteAnalyzer>.Test("""
                using System.Threading.Channels;

                class Broken
                {
                    private readonly Channel<int> _channel = {|CS0103:missing|};

                    void Run(ChannelWriter<int> w)
                    {
                        w.{|CS7036:TryWrite|}();
                        _channel.Writer.[|TryWrite|](1);
                    }
                }
                """);
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fixes

        [Fact]
        public Task AsyncMethod_AwaitWriteAsyncFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public async Task PublishAsync(string e)
                    {
                        await Task.Yield();
                        _channel.Writer.[|TryWrite|](e);
                        _ = _channel.Writer.[|TryWrite|](e + "!");
                    }
                """), Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public async Task PublishAsync(string e)
                    {
                        await Task.Yield();
                        await _channel.Writer.WriteAsync(e);
                        await _channel.Writer.WriteAsync(e + "!");
                    }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.AwaitWriteAsyncKey);

        [Fact]
        public Task CancellationTokenInScope_AwaitWriteAsyncPassesIt_ReportsDiagnostic()
            // The call now waits for room: the method's token lets a shutdown stop the wait.
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public async Task PublishAsync(string e, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        _channel.Writer.[|TryWrite|](e);
                    }
                """), Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public async Task PublishAsync(string e, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        await _channel.Writer.WriteAsync(e, cancellationToken);
                    }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.AwaitWriteAsyncKey);

        // A static local function or lambda cannot use the enclosing method's token (CS8421): only its own.
        [Fact]
        public Task StaticLocalFunctionOrLambda_AwaitWriteAsyncPassesNoOuterToken_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private static readonly Channel<string> Channel1 = Channel.CreateBounded<string>(100);

                    public async Task RunAsync(CancellationToken cancellationToken)
                    {
                        await PublishAsync("x");
                        await SendAsync("y", cancellationToken);

                        static async Task PublishAsync(string e)
                        {
                            await Task.Yield();
                            Channel1.Writer.[|TryWrite|](e);
                        }

                        static async Task SendAsync(string e, CancellationToken token)
                        {
                            await Task.Yield();
                            Channel1.Writer.[|TryWrite|](e);
                        }
                    }

                    public Func<string, Task> Handler(CancellationToken cancellationToken)
                        => static async e =>
                        {
                            await Task.Yield();
                            Channel1.Writer.[|TryWrite|](e);
                        };
                """), Queue("""
                    private static readonly Channel<string> Channel1 = Channel.CreateBounded<string>(100);

                    public async Task RunAsync(CancellationToken cancellationToken)
                    {
                        await PublishAsync("x");
                        await SendAsync("y", cancellationToken);

                        static async Task PublishAsync(string e)
                        {
                            await Task.Yield();
                            await Channel1.Writer.WriteAsync(e);
                        }

                        static async Task SendAsync(string e, CancellationToken token)
                        {
                            await Task.Yield();
                            await Channel1.Writer.WriteAsync(e, token);
                        }
                    }

                    public Func<string, Task> Handler(CancellationToken cancellationToken)
                        => static async e =>
                        {
                            await Task.Yield();
                            await Channel1.Writer.WriteAsync(e);
                        };
                """), PM3003IgnoredRefusedWriteCodeFixProvider.AwaitWriteAsyncKey);

        // The control: a local function or lambda that is not static captures the enclosing method's token.
        [Fact]
        public Task NestedLocalFunctionOrLambda_AwaitWriteAsyncPassesOuterToken_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private static readonly Channel<string> Channel1 = Channel.CreateBounded<string>(100);

                    public async Task RunAsync(CancellationToken cancellationToken)
                    {
                        await PublishAsync("x");

                        async Task PublishAsync(string e)
                        {
                            await Task.Yield();
                            Channel1.Writer.[|TryWrite|](e);
                        }
                    }

                    public Func<string, Task> Handler(CancellationToken cancellationToken)
                        => async e =>
                        {
                            await Task.Yield();
                            Channel1.Writer.[|TryWrite|](e);
                        };
                """), Queue("""
                    private static readonly Channel<string> Channel1 = Channel.CreateBounded<string>(100);

                    public async Task RunAsync(CancellationToken cancellationToken)
                    {
                        await PublishAsync("x");

                        async Task PublishAsync(string e)
                        {
                            await Task.Yield();
                            await Channel1.Writer.WriteAsync(e, cancellationToken);
                        }
                    }

                    public Func<string, Task> Handler(CancellationToken cancellationToken)
                        => async e =>
                        {
                            await Task.Yield();
                            await Channel1.Writer.WriteAsync(e, cancellationToken);
                        };
                """), PM3003IgnoredRefusedWriteCodeFixProvider.AwaitWriteAsyncKey);

        [Fact]
        public Task ConditionalAccess_NoFixOffered_ReportsDiagnostic()
        {
            // `if (!_writer?.TryWrite(e))` does not compile and `await _writer?.WriteAsync(e)` throws when _writer is null.
            var code = Queue("""
                    private ChannelWriter<string>? _writer;

                    public void Publish(string e)
                    {
                        _writer?.[|TryWrite|](e);
                    }

                    public async Task PublishAsync(string e)
                    {
                        await Task.Yield();
                        _writer?.[|TryWrite|](e);
                    }
                """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task DropModeChannel_NoFixOffered_ReportsDiagnostic()
        {
            // Real-world round 8: a Drop* channel never refuses (TryWrite returns true) and never waits (WriteAsync drops
            // just the same): a check or an await only hid the warning. The page says what helps (Wait mode, itemDropped).
            var code = Queue("""
                    private readonly Channel<string> _dropping = Channel.CreateBounded<string>(
                        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

                    public void Sample(string e)
                    {
                        _dropping.Writer.[|TryWrite|](e);
                    }

                    public async Task SampleAsync(string e)
                    {
                        await Task.Yield();
                        var writer = _dropping.Writer;
                        writer.[|TryWrite|](e);
                    }
                """);
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // Real-world round 19 (Karambolo's file logger, its repro: 990 of 1,000 entries lost and no drop event): on a channel
        // created in a Drop* mode without an itemDropped callback, TryWrite returns true when it drops an item to make room,
        // so a check of its result never sees a drop (it runs only once the channel is completed). Reported where it is checked, returned or passed on; no fix (the creation is what to change).
        [Fact]
        public Task ResultCheckedOnAChannelThatDropsUnseen_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                Queue(ChannelsThatDropUnseen("{|#0:TryWrite|}", "{|#1:TryWrite|}", "{|#2:TryWrite|}")),
                VerifyCS.Diagnostic("PM3003").WithLocation(0).WithMessage(
                    "'ChannelWriter.TryWrite' returns true even when this channel drops an item to make room (a Drop mode without an itemDropped callback): " +
                    "checking its result never sees a drop, and items are dropped silently when the queue is full"),
                VerifyCS.Diagnostic("PM3003").WithLocation(1),
                VerifyCS.Diagnostic("PM3003").WithLocation(2));

        [Fact]
        public Task ResultCheckedOnAChannelThatDropsUnseen_NoFixOffered_ReportsDiagnostic()
        {
            var code = Queue(ChannelsThatDropUnseen("[|TryWrite|]", "[|TryWrite|]", "[|TryWrite|]"));
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        private static string ChannelsThatDropUnseen(string first, string second, string third) => $$"""
                    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite });
                    private readonly Channel<string> _assigned;
                    public int Dropped;

                    public Events()
                    {
                        _assigned = Channel.CreateBounded<string>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropNewest });
                    }

                    public bool Offer(string e) => _assigned.Writer.{{third}}(e);

                    public void Enqueue(string e)
                    {
                        if (!_queue.Writer.{{first}}(e))
                        {
                            Dropped++;
                        }
                    }

                    public bool TryEnqueue(string e)
                    {
                        var options = new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest };
                        var local = Channel.CreateBounded<string>(options, itemDropped: null);
                        return local.Writer.{{second}}(e);
                    }
            """;

        // A checked result is right in Wait mode (TryWrite returns false when full), with a callback that sees every drop, on
        // a channel whose creation is not seen, and for BlockingCollection.TryAdd (it refuses when full).
        [Fact]
        public Task ResultCheckedWhereARefusalIsSeen_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Queue("""
                    private readonly Channel<string> _waiting = Channel.CreateBounded<string>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait });
                    private readonly Channel<string> _counted = Channel.CreateBounded<string>(
                        new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite }, OnDropped);
                    private readonly BlockingCollection<string> _collection = new BlockingCollection<string>(10);
                    public static int Dropped;

                    public void Enqueue(string e, ChannelWriter<string> unknown)
                    {
                        if (!_waiting.Writer.TryWrite(e)) Dropped++;
                        if (!_counted.Writer.TryWrite(e)) Dropped++;
                        if (!unknown.TryWrite(e)) Dropped++;
                        if (!_collection.TryAdd(e)) Dropped++;
                    }

                    private static void OnDropped(string item) => Dropped++;
                """));

        // Real-world round 13 (Ryujinx): the comment at the end of the call's line stayed after the new block's closing brace.
        [Fact]
        public Task TrailingComment_ThrowIfRefusedFixKeepsItOnTheCallsLine_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e)
                    {
                        _queue.[|TryAdd|](e, 100); // the console target discards when full
                        Console.WriteLine(e);
                    }
                """), Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e)
                    {
                        if (!_queue.TryAdd(e, 100)) // the console target discards when full
                        {
                            throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                        }
                        Console.WriteLine(e);
                    }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // From the review: in the body of an if without braces the comment was written twice (after the condition and
        // after the new block).
        [Fact]
        public Task TrailingCommentInAnEmbeddedStatement_ThrowIfRefusedFixWritesItOnce_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e, bool now)
                    {
                        if (now)
                            _queue.[|TryAdd|](e); // why
                        Console.WriteLine(e);
                    }
                """), Queue("""
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e, bool now)
                    {
                        if (now)
                        {
                            if (!_queue.TryAdd(e)) // why
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                        Console.WriteLine(e);
                    }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        [Fact]
        public Task SyncMethod_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e, bool twice)
                    {
                        // publish
                        _channel.Writer.[|TryWrite|](e);
                        if (twice)
                            _queue.[|TryAdd|](e);
                        else
                            Console.WriteLine(e);
                    }
                """), Queue("""
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(10);

                    public void Publish(string e, bool twice)
                    {
                        // publish
                        if (!_channel.Writer.TryWrite(e))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                        if (twice)
                        {
                            if (!_queue.TryAdd(e))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                        else
                            Console.WriteLine(e);
                    }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // Real-world round 17 (Serilog's BatchingSink): in a logger of one's own the throw would fail every caller that
        // logs, once per dropped item, while the process is overloaded. A Serilog sink reports the drop to SelfLog instead.
        [Fact]
        public Task InASerilogSink_ReportToSelfLogFix_ReportsDiagnostic()
            => VerifyCS.Test("""
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Events;

                sealed class QueueSink : ILogEventSink
                {
                    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(10);

                    public void Emit(LogEvent logEvent)
                    {
                        _queue.Writer.[|TryWrite|](logEvent);
                    }
                }
                """, """
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Debugging;
                using Serilog.Events;

                sealed class QueueSink : ILogEventSink
                {
                    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(10);

                    public void Emit(LogEvent logEvent)
                    {
                        if (!_queue.Writer.TryWrite(logEvent))
                        {
                            SelfLog.WriteLine("QueueSink: the queue is full or completed, an item was dropped");
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ReportToSelfLogKey).WithSerilog().RunAsync();

        [Fact]
        public Task InALoggerOfYourOwn_NoThrowOffered_ReportsDiagnostic()
        {
            var code = """
                using System.Collections.Concurrent;
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Events;

                sealed class QueueSink : ILogEventSink
                {
                    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(10);

                    public void Emit(LogEvent logEvent) => Enqueue(logEvent);

                    private void Enqueue(LogEvent logEvent)
                    {
                        _queue.Writer.[|TryWrite|](logEvent);
                    }
                }

                sealed class QueueListener : System.Diagnostics.TraceListener
                {
                    private readonly BlockingCollection<string> _lines = new BlockingCollection<string>(1000);

                    public override void Write(string? message) => WriteLine(message);

                    public override void WriteLine(string? message)
                    {
                        _lines.[|TryAdd|](message ?? string.Empty);
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey).WithSerilog();
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // Real-world round 23 (XRoadFolk's FileBackedHttpLogStore, fed only by its ILogger's Log): a store a logger of your
        // own writes to, in any file, directly or through an interface, is the logger's queue: a throw there fails every
        // caller that logs. A store no logger calls keeps the throwing fix (the second file's Journal).
        [Fact]
        public Task InAStoreALoggerWritesTo_NoThrowOffered_ReportsDiagnostic()
        {
            const string Store = """
                using System.Collections.Concurrent;
                using System.Threading.Channels;

                public interface IEntryStore { void Add(string entry); }

                public sealed class ChannelStore : IEntryStore
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public void Add(string entry) { _ = _channel.Writer.[|TryWrite|](entry); }
                }

                public sealed class LineBuffer
                {
                    private readonly BlockingCollection<string> _lines = new BlockingCollection<string>(1000);

                    public void Push(string line)
                    {
                        _lines.[|TryAdd|](line);
                    }
                }
                """;
            const string Loggers = """
                using Serilog.Core;
                using Serilog.Events;

                sealed class StoreSink : ILogEventSink
                {
                    private readonly IEntryStore _store;

                    public StoreSink(IEntryStore store) => _store = store;

                    public void Emit(LogEvent logEvent) => _store.Add(logEvent.RenderMessage());
                }

                sealed class BufferListener : System.Diagnostics.TraceListener
                {
                    private readonly LineBuffer _buffer = new LineBuffer();

                    public override void Write(string? message) => _buffer.Push(message ?? string.Empty);

                    public override void WriteLine(string? message) => Write(message);
                }
                """;
            const string Journal = """
                using System.Threading.Channels;

                public sealed class Journal
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public void Add(string entry)
                    {
                        _ = _channel.Writer.[|TryWrite|](entry);
                    }
                }
                """;
            const string FixedJournal = """
                using System;
                using System.Threading.Channels;

                public sealed class Journal
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public void Add(string entry)
                    {
                        if (!_channel.Writer.TryWrite(entry))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(Store, Store, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey).WithSerilog();
            test.Sources.Add(Loggers);
            test.FixedSources.Add(Loggers);
            test.Sources.Add(Journal);
            test.FixedSources.Add(FixedJournal);
            return test.RunAsync();
        }

        // The session's review: a store reached through an explicit interface implementation or an extension method is
        // still called by the logger; an override of a framework method (TextWriter.WriteLine) is not called by a logger
        // that calls that method on another object (Console.Out): the throwing fix stays there.
        [Fact]
        public Task InAStoreALoggerReachesExplicitlyOrByExtension_NoThrowOffered_ReportsDiagnostic()
        {
            const string Store = """
                using System.Collections.Concurrent;
                using System.Threading.Channels;

                public interface IEntryStore { void Add(string entry); }

                public sealed class ChannelStore : IEntryStore
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    void IEntryStore.Add(string entry) { _ = _channel.Writer.[|TryWrite|](entry); }
                }

                public sealed class LineBuffer
                {
                    public readonly BlockingCollection<string> Lines = new BlockingCollection<string>(1000);
                }

                public static class LineBufferExtensions
                {
                    public static void Push(this LineBuffer buffer, string line)
                    {
                        buffer.Lines.[|TryAdd|](line);
                    }
                }
                """;
            const string Logger = """
                using Serilog.Core;
                using Serilog.Events;

                sealed class StoreSink : ILogEventSink
                {
                    private readonly IEntryStore _store;
                    private readonly LineBuffer _buffer = new LineBuffer();

                    public StoreSink(IEntryStore store) => _store = store;

                    public void Emit(LogEvent logEvent)
                    {
                        _store.Add(logEvent.RenderMessage());
                        _buffer.Push(logEvent.RenderMessage());
                    }
                }
                """;
            var test = VerifyCS.Test(Store, Store, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey).WithSerilog();
            test.NumberOfIncrementalIterations = 0;
            test.Sources.Add(Logger);
            test.FixedSources.Add(Logger);
            return test.RunAsync();
        }

        [Fact]
        public Task OverrideOfAFrameworkMethodALoggerCallsOnAnotherObject_ThrowIfRefusedFix_ReportsDiagnostic()
        {
            const string Export = """
                using System.IO;
                using System.Text;
                using System.Threading.Channels;

                public sealed class CsvExportWriter : TextWriter
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public override Encoding Encoding => Encoding.UTF8;

                    public override void WriteLine(string? value)
                    {
                        _ = _channel.Writer.[|TryWrite|](value ?? string.Empty);
                    }
                }
                """;
            const string FixedExport = """
                using System;
                using System.IO;
                using System.Text;
                using System.Threading.Channels;

                public sealed class CsvExportWriter : TextWriter
                {
                    private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);

                    public override Encoding Encoding => Encoding.UTF8;

                    public override void WriteLine(string? value)
                    {
                        if (!_channel.Writer.TryWrite(value ?? string.Empty))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                    }
                }
                """;
            const string Listener = """
                using System;

                sealed class ConsoleListener : System.Diagnostics.TraceListener
                {
                    public override void Write(string? message) => Console.Out.Write(message);

                    public override void WriteLine(string? message) => Console.Out.WriteLine(message);
                }
                """;
            var test = VerifyCS.Test(Export, FixedExport, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);
            test.Sources.Add(Listener);
            test.FixedSources.Add(Listener);
            return test.RunAsync();
        }

        // A logger is known by what it implements: a queue in a type merely named like one (a data pipeline's EventSink, a
        // write-ahead CommitLog) keeps the throwing fix (the review of the twenty-third session).
        [Fact]
        public Task NamedLikeALoggerOnly_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System;
                using System.Threading.Channels;

                sealed class CommitLog
                {
                    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(10);

                    public void Append(byte[] record)
                    {
                        _queue.Writer.[|TryWrite|](record);
                    }
                }
                """, """
                using System;
                using System.Threading.Channels;

                sealed class CommitLog
                {
                    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(10);

                    public void Append(byte[] record)
                    {
                        if (!_queue.Writer.TryWrite(record))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // Real-world round 26 (TPW_'s DiagnosticsLogger): a throw that a catch around the call takes and drops (an empty
        // catch, or one that only leaves) would hide the warning and still lose the item; a logger known by its name only
        // (…Logger) would throw at every caller that logs while the queue is full.
        [Fact]
        public Task ThrowSwallowedAroundOrInATypeNamedLogger_NoThrowOffered_ReportsDiagnostic()
        {
            var code = """
                using System;
                using System.Collections.Concurrent;

                sealed class EventRecorder
                {
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(1000);

                    public void Record(string data)
                    {
                        try
                        {
                            _queue.[|TryAdd|](data);
                        }
                        catch { }
                    }

                    public void RecordAll(string[] items)
                    {
                        foreach (var item in items)
                        {
                            try
                            {
                                if (item.Length > 0)
                                {
                                    _queue.[|TryAdd|](item);
                                }
                            }
                            catch (ArgumentException)
                            {
                                throw;
                            }
                            catch (Exception)
                            {
                                continue;
                            }
                        }
                    }
                }

                sealed class DiagnosticsLogger
                {
                    private readonly BlockingCollection<string> _lines = new BlockingCollection<string>(1000);

                    public void Log(string line)
                    {
                        _lines.[|TryAdd|](line);
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A catch that does not take the exception (another type, a filter), one that does something with it, or one outside
        // the lambda holding the call lets the refusal be seen: the throwing fix stays.
        [Fact]
        public Task CatchAroundThatLetsTheThrowBeSeen_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System;
                using System.Collections.Concurrent;
                using System.IO;

                sealed class EventRecorder
                {
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(1000);

                    public void A(string data)
                    {
                        try
                        {
                            _queue.[|TryAdd|](data);
                        }
                        catch (IOException) { }
                    }

                    public void B(string data)
                    {
                        try
                        {
                            _queue.[|TryAdd|](data);
                        }
                        catch (Exception ex) { Console.Error.WriteLine(ex); }
                    }

                    public void C(string data)
                    {
                        try
                        {
                            _queue.[|TryAdd|](data);
                        }
                        catch (Exception ex) when (ex is not InvalidOperationException) { }
                    }

                    public Action D(string data)
                    {
                        try
                        {
                            return () =>
                            {
                                _queue.[|TryAdd|](data);
                            };
                        }
                        catch
                        {
                        }

                        return null;
                    }
                }
                """, """
                using System;
                using System.Collections.Concurrent;
                using System.IO;

                sealed class EventRecorder
                {
                    private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(1000);

                    public void A(string data)
                    {
                        try
                        {
                            if (!_queue.TryAdd(data))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                        catch (IOException) { }
                    }

                    public void B(string data)
                    {
                        try
                        {
                            if (!_queue.TryAdd(data))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                        catch (Exception ex) { Console.Error.WriteLine(ex); }
                    }

                    public void C(string data)
                    {
                        try
                        {
                            if (!_queue.TryAdd(data))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                        catch (Exception ex) when (ex is not InvalidOperationException) { }
                    }

                    public Action D(string data)
                    {
                        try
                        {
                            return () =>
                            {
                                if (!_queue.TryAdd(data))
                                {
                                    throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                                }
                            };
                        }
                        catch
                        {
                        }

                        return null;
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // A SelfLog of the user's in scope (a type or a member): the fix names Serilog's in full, or it would call theirs.
        [Fact]
        public Task SelfLogOfTheUsersInScope_ReportToSelfLogFix_ReportsDiagnostic()
            => VerifyCS.Test("""
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Events;

                namespace App
                {
                    static class SelfLog
                    {
                        public static void Report(string message) { }
                    }

                    sealed class QueueSink : ILogEventSink
                    {
                        private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(10);

                        public bool SelfLogEnabled { get; set; }

                        public void Emit(LogEvent logEvent)
                        {
                            _queue.Writer.[|TryWrite|](logEvent);
                        }
                    }
                }
                """, """
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Events;

                namespace App
                {
                    static class SelfLog
                    {
                        public static void Report(string message) { }
                    }

                    sealed class QueueSink : ILogEventSink
                    {
                        private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(10);

                        public bool SelfLogEnabled { get; set; }

                        public void Emit(LogEvent logEvent)
                        {
                            if (!_queue.Writer.TryWrite(logEvent))
                            {
                                Serilog.Debugging.SelfLog.WriteLine("QueueSink: the queue is full or completed, an item was dropped");
                            }
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ReportToSelfLogKey).WithSerilog().RunAsync();

        [Fact]
        public Task LockInAsyncMethod_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    public async Task PublishAsync(ChannelWriter<int> writer)
                    {
                        await Task.Yield();
                        lock (writer)
                        {
                            writer.[|TryWrite|](1);
                        }
                    }
                """), Queue("""
                    public async Task PublishAsync(ChannelWriter<int> writer)
                    {
                        await Task.Yield();
                        lock (writer)
                        {
                            if (!writer.TryWrite(1))
                            {
                                throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                            }
                        }
                    }
                """));

        [Fact]
        public Task AddsUsingSystem_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System.Threading.Channels;

                class Events
                {
                    void Publish(ChannelWriter<int> a, ChannelWriter<int> b)
                    {
                        _ = a.[|TryWrite|](1);
                        b.[|TryWrite|](2);
                    }
                }
                """, """
                using System;
                using System.Threading.Channels;

                class Events
                {
                    void Publish(ChannelWriter<int> a, ChannelWriter<int> b)
                    {
                        if (!a.TryWrite(1))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                        if (!b.TryWrite(2))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // `using System;` inside the namespace (or an enclosing one) already imports it: none is added at the top.
        [Fact]
        public Task UsingsInsideNamespace_ThrowIfRefusedFixAddsNoSecondUsing_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                namespace App
                {
                    using System;
                    using System.Collections.Concurrent;

                    class Events
                    {
                        private readonly BlockingCollection<string> _queue = new(boundedCapacity: 10);

                        public void Publish(string e)
                        {
                            _queue.[|TryAdd|](e);
                        }
                    }

                    namespace Inner
                    {
                        class Audit
                        {
                            public void Publish(BlockingCollection<string> queue, string e)
                            {
                                queue.[|TryAdd|](e);
                            }
                        }
                    }
                }
                """, """
                namespace App
                {
                    using System;
                    using System.Collections.Concurrent;

                    class Events
                    {
                        private readonly BlockingCollection<string> _queue = new(boundedCapacity: 10);

                        public void Publish(string e)
                        {
                            if (!_queue.TryAdd(e))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                    }

                    namespace Inner
                    {
                        class Audit
                        {
                            public void Publish(BlockingCollection<string> queue, string e)
                            {
                                if (!queue.TryAdd(e))
                                {
                                    throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                                }
                            }
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        [Fact]
        public Task UsingsInFileScopedNamespace_ThrowIfRefusedFixAddsNoSecondUsing_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                namespace App;

                using System;
                using System.Collections.Concurrent;

                class Events
                {
                    private readonly BlockingCollection<string> _queue = new(boundedCapacity: 10);

                    public void Publish(string e)
                    {
                        _queue.[|TryAdd|](e);
                    }
                }
                """, """
                namespace App;

                using System;
                using System.Collections.Concurrent;

                class Events
                {
                    private readonly BlockingCollection<string> _queue = new(boundedCapacity: 10);

                    public void Publish(string e)
                    {
                        if (!_queue.TryAdd(e))
                        {
                            throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        // The control: a namespace that imports System does not import it into another namespace of the file, where the
        // fix still adds it at the top.
        [Fact]
        public Task UsingInAnotherNamespaceOfTheFile_ThrowIfRefusedFixAddsUsing_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System.Collections.Concurrent;

                namespace App
                {
                    using System;

                    class Clock
                    {
                        public DateTime Now => DateTime.Now;
                    }
                }

                namespace Other
                {
                    class Events
                    {
                        public void Publish(BlockingCollection<string> queue, string e)
                        {
                            queue.[|TryAdd|](e);
                        }
                    }
                }
                """, """
                using System;
                using System.Collections.Concurrent;

                namespace App
                {
                    using System;

                    class Clock
                    {
                        public DateTime Now => DateTime.Now;
                    }
                }

                namespace Other
                {
                    class Events
                    {
                        public void Publish(BlockingCollection<string> queue, string e)
                        {
                            if (!queue.TryAdd(e))
                            {
                                throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                            }
                        }
                    }
                }
                """, PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        [Fact]
        public Task BlockingCollectionInAsyncMethod_ThrowIfRefusedFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(Queue("""
                    public async Task PublishAsync(BlockingCollection<int> queue)
                    {
                        await Task.Yield();
                        queue.[|TryAdd|](1);
                    }
                """), Queue("""
                    public async Task PublishAsync(BlockingCollection<int> queue)
                    {
                        await Task.Yield();
                        if (!queue.TryAdd(1))
                        {
                            throw new InvalidOperationException("The collection is full or completed: the item was not added.");
                        }
                    }
                """));
    }
}
