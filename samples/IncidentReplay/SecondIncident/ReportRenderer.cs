namespace IncidentReplay.SecondIncident;

/// <summary>Renders reports through a temporary file that nobody deletes, and hides every write failure.</summary>
public sealed class ReportRenderer
{
    private readonly ILogger<ReportRenderer> _logger;
    private readonly string _auditPath;

    public ReportRenderer(ILogger<ReportRenderer> logger, IHostEnvironment env)
    {
        _logger = logger;
        _auditPath = Path.Combine(env.ContentRootPath, "audit.log");
    }

    public byte[] Render(string title)
    {
        var scratch = Path.GetTempFileName();
        File.WriteAllText(scratch, "<h1>" + title + "</h1>");
        return File.ReadAllBytes(scratch);
    }

    /// <summary>Buffers a large upload on disk before parsing it: the buffer file stays in the temp folder forever.</summary>
    public long BufferUpload(Stream upload)
    {
        var buffer = Path.Combine(Path.GetTempPath(), "upload-" + Guid.NewGuid().ToString("N") + ".bin");
        using var file = new FileStream(buffer, FileMode.CreateNew);
        upload.CopyTo(file);
        return file.Length;
    }

    public void Audit(string line)
    {
        try
        {
            File.AppendAllText(_auditPath, line + Environment.NewLine);
        }
        catch (IOException)
        {
            // the disk is probably full, nothing we can do
        }
    }

    public void AuditInBackground(string line)
    {
        // Fire and forget: when the disk is full this task faults and nobody ever looks at it.
        _ = File.AppendAllTextAsync(_auditPath, line + Environment.NewLine);
    }

    public void SaveSnapshot(Stream snapshot, string path)
    {
        try
        {
            using var file = File.Create(path);
            snapshot.CopyTo(file);
        }
        catch
        {
        }
    }
}
