using System.Collections.Generic;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM3003.md: where its examples run.</summary>
    public sealed class PM3003DocExamples : DocExampleContexts
    {
        public override string Rule => "PM3003";

        /// <summary>An audit queue on a bounded channel (the default Wait mode), with the given members.</summary>
        private static string AuditQueue(string members = DocContext.Placeholder) => $$"""
            using System;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record AuditRecord(string Text);

            public class AuditQueue
            {
                private readonly Channel<AuditRecord> _channel = Channel.CreateBounded<AuditRecord>(1000);

                {{members}}
            }
            """;

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "public void Publish(AuditRecord record)").Code(AuditQueue()).FixedBy("PM3003.ThrowIfRefused", shows: 2),
            Example(1, "public async Task PublishAsync(").Code(AuditQueue()),
            Example(2, "if (!_channel.Writer.TryWrite(record))").Code(AuditQueue("""
                public void Publish(AuditRecord record)
                    {
                        /*EXAMPLE*/
                    }
                """)),

            // In a Serilog sink the fix reports the drop to SelfLog.
            Example(3, "if (!_queue.Writer.TryWrite(logEvent))").Code("""
                using System.Threading.Channels;
                using Serilog.Core;
                using Serilog.Debugging;
                using Serilog.Events;

                public sealed class BatchingSink : ILogEventSink
                {
                    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(1000);

                    public void Emit(LogEvent logEvent)
                    {
                        /*EXAMPLE*/
                    }
                }
                """),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(4, "#pragma warning disable PM3003").Code(AuditQueue("""
                /*EXAMPLE*/
                    public void Publish(AuditRecord record)
                    {
                        _channel.Writer.TryWrite(record);
                    }
                """)).Expect(Claim.NotReported),
        };
    }
}
