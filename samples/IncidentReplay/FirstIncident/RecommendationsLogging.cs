using Serilog;

namespace IncidentReplay.FirstIncident;

/// <summary>
/// Incident 1, "logs rotated per process": 8 worker processes each opened this logger on the same file.
/// Each process rotated on its own; the other 7 kept writing into files that had been renamed away,
/// and the log shipper, reading only recommendations.log, lost 87% of the client reports for weeks.
/// </summary>
public static class RecommendationsLogging
{
    public static Serilog.ILogger Create(string contentRoot)
    {
        // No `shared: true`: each process believes it owns the file.
        return new LoggerConfiguration()
            .WriteTo.File(
                Path.Combine(contentRoot, "logs", "recommendations.log"),
                fileSizeLimitBytes: 50_000_000,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: null)
            .CreateLogger();
    }

    /// <summary>The same logger as most teams write it: configured in appsettings.json's Serilog section.</summary>
    public static Serilog.ILogger FromConfiguration(IConfiguration configuration)
        => new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger();
}

/// <summary>The hand-written twin of the same mistake: each process rotates the shared file itself.</summary>
public sealed class RotatingJournal
{
    private const long MaxBytes = 10_000_000;
    private readonly string _path;

    public RotatingJournal(string path) => _path = path;

    public void Append(string line)
    {
        if (File.Exists(_path) && new FileInfo(_path).Length > MaxBytes)
        {
            File.Move(_path, _path + ".1", overwrite: true);
        }

        File.AppendAllText(_path, line + Environment.NewLine);
    }
}
