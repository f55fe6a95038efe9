using System.Threading.Channels;

namespace IncidentReplay.Writes;

/// <summary>
/// The second incident's other blind spot: writes whose failure or refusal goes nowhere.
/// PM3002 reports the dropped write tasks, PM3003 the ignored refusals; the safe forms beside them are not reported.
/// </summary>
public sealed class DiscardedWrites
{
    private readonly string _journalPath;
    private readonly Channel<string> _auditQueue = Channel.CreateBounded<string>(1_000);
    private readonly Channel<string> _metrics = Channel.CreateUnbounded<string>();

    public DiscardedWrites(IHostEnvironment env)
    {
        _journalPath = Path.Combine(env.ContentRootPath, "journal.log");
    }

    // PM3002: the task carries the IOException of a full disk, and nobody looks at it.
    public void Journal(string line)
    {
        _ = File.AppendAllTextAsync(_journalPath, line + Environment.NewLine);
    }

    // PM3002: a statement in a sync method drops the task just the same (CS4014 only covers async methods).
    public void Checkpoint(Stream state)
    {
        state.FlushAsync();
    }

    // PM3002: fire and forget; when the write throws, the task faults unobserved.
    public void SnapshotInBackground(string path, byte[] snapshot)
    {
        Task.Run(() => File.WriteAllBytes(path, snapshot));
    }

    // PM3003: a bounded queue refuses the record when the consumer (a slow, full disk) falls behind.
    public void Audit(string record)
    {
        _auditQueue.Writer.TryWrite(record);
    }

    // Safe: awaited, and an unbounded channel that cannot refuse.
    public async Task JournalAsync(string line)
    {
        await File.AppendAllTextAsync(_journalPath, line + Environment.NewLine);
        _metrics.Writer.TryWrite("journal.lines+1");
    }

    // Safe: the refusal is visible to the caller.
    public bool TryAudit(string record) => _auditQueue.Writer.TryWrite(record);
}
