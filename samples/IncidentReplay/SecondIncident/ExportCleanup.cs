namespace IncidentReplay.SecondIncident;

/// <summary>
/// The "rare cleanup job" of incident 2: every six hours it deletes the exports older than a day. When one delete fails
/// (a file still being downloaded is locked on Windows; a permission changed), the exception ends the tick, and
/// System.Timers.Timer swallows it: no log line, and every later tick stops at the same file while the disk fills.
/// </summary>
public sealed class ExportCleanup
{
    private readonly System.Timers.Timer _timer = new(TimeSpan.FromHours(6));
    private readonly string _exports;

    public ExportCleanup(IWebHostEnvironment env) => _exports = Path.Combine(env.WebRootPath ?? env.ContentRootPath, "exports");

    // PM3006: the timer discards the IOException of a failed delete.
    public void Start()
    {
        _timer.Elapsed += (_, _) => DeleteOldExports();
        _timer.Start();
    }

    private void DeleteOldExports()
    {
        foreach (var file in Directory.EnumerateFiles(_exports))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1))
            {
                File.Delete(file);
            }
        }
    }
}
