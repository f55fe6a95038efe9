using System.Text;

namespace IncidentReplay.SecondIncident;

/// <summary>
/// Incident 2, "disk filled, failures swallowed": every download request generated a new file in the
/// served folder and nothing deleted it but a rare cleanup job. Downloads got popular, the disk filled,
/// and from then on every write failed, silently, the logs included.
/// </summary>
public static class DownloadEndpoints
{
    public static IResult Export(string customer, IWebHostEnvironment env)
    {
        var fileName = $"export-{customer}-{Guid.NewGuid():N}.csv";
        var path = Path.Combine(env.WebRootPath ?? env.ContentRootPath, "exports", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, BuildCsv(customer), Encoding.UTF8);
        return Results.Redirect("/exports/" + fileName);
    }

    /// <summary>The receipts endpoint, written inline as a minimal-API delegate: one new file per request again.</summary>
    public static void MapReceipts(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/receipts/{order}", (string order, HttpContext context) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, "receipts", $"receipt-{order}-{Path.GetRandomFileName()}.txt");
            File.WriteAllText(path, "Receipt for order " + order);
            return Results.File(path, "text/plain", "receipt.txt");
        });
    }

    private static string BuildCsv(string customer) => "customer,total\n" + customer + ",42\n";
}

/// <summary>The same endpoint as an MVC controller, as it first shipped.</summary>
[Microsoft.AspNetCore.Mvc.ApiController]
[Microsoft.AspNetCore.Mvc.Route("api/invoices")]
public sealed class InvoicesController : Microsoft.AspNetCore.Mvc.ControllerBase
{
    private readonly IWebHostEnvironment _env;

    public InvoicesController(IWebHostEnvironment env) => _env = env;

    [Microsoft.AspNetCore.Mvc.HttpGet("{id}")]
    public Microsoft.AspNetCore.Mvc.IActionResult Download(int id)
    {
        var path = Path.Combine(_env.ContentRootPath, "invoices", $"invoice-{id}-{DateTime.UtcNow:yyyyMMddHHmmssfff}.pdf");
        System.IO.File.WriteAllBytes(path, new byte[] { 0x25, 0x50, 0x44, 0x46 });
        return PhysicalFile(path, "application/pdf");
    }
}
