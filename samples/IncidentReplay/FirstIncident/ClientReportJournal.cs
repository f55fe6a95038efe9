namespace IncidentReplay.FirstIncident;

public sealed record ClientReport(string Client, string Recommendation, int Score);

/// <summary>Writes the client reports the shipper was supposed to collect.</summary>
public sealed class ClientReportJournal
{
    private readonly Serilog.ILogger _log;

    public ClientReportJournal(Serilog.ILogger log) => _log = log;

    public void Record(ClientReport report)
        => _log.Information("Client report {Client} {Recommendation} {Score}", report.Client, report.Recommendation, report.Score);
}
