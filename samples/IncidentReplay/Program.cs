// IncidentReplay: the two outages behind Postmortem.Analyzers, replayed in one small ASP.NET Core app.
// Build it (`dotnet build samples/IncidentReplay`) and read the warnings: each one points at a line below
// that took a production system down or made it lose data silently.
using IncidentReplay.FirstIncident;
using IncidentReplay.SecondIncident;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Incident 1: every worker process (IIS web garden / overlapped recycling / 8 Kestrel workers behind a
// balancer) configures its own size-rotating file logger on the same recommendations.log.
var recommendationsLog = RecommendationsLogging.Create(builder.Environment.ContentRootPath);
builder.Services.AddSingleton(recommendationsLog);
Log.Logger = RecommendationsLogging.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton<ClientReportJournal>();
builder.Services.AddSingleton<ReportRenderer>();
builder.Services.AddControllers();

var app = builder.Build();

app.MapControllers();

// Incident 2: downloads generated on demand into the served folder, one new file per request.
app.MapGet("/exports/{customer}", (string customer, IWebHostEnvironment env) => DownloadEndpoints.Export(customer, env));
// ...and the rare cleanup job that was to delete them, whose failures a timer swallows.
new ExportCleanup(app.Environment).Start();
DownloadEndpoints.MapReceipts(app);

app.MapPost("/reports", (ClientReport report, ClientReportJournal journal) =>
{
    journal.Record(report);
    return Results.Accepted();
});

app.Run();
