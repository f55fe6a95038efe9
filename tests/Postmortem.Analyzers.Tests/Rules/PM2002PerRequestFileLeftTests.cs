using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer,
    Postmortem.CodeFixes.Rules.PM2002PerRequestFileLeftCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM2002PerRequestFileLeftTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.AspNetCore.SignalR;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.Test(Usings + source);
            test.References.AddRange(References.AspNetCore);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task VerifyFix(string source, string fixedSource)
        {
            var test = VerifyCS.Test(Usings + source, Usings + fixedSource, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        private static string InAction(string body) => $$"""
            [ApiController]
            [Route("api/exports")]
            public class ExportsController : ControllerBase
            {
                private readonly IWebHostEnvironment _env;

                public ExportsController(IWebHostEnvironment env) => _env = env;

                [HttpGet("{id}")]
                public IActionResult Download(int id, byte[] data)
                {
            {{body}}
                }
            }
            """;

        // ------------------------------------------------------------ unsafe forms

        [Fact]
        public Task ControllerActionGuidFileInWebRoot_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                    {|#0:System.IO.File.WriteAllText(path, "a,b")|};
                    return PhysicalFile(path, "text/csv");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllText", "file"));

        // Real-world round 6 (an archive builder): a FileStream wrapped by .NET's ZipArchive (or GZipStream, CryptoStream,
        // XmlTextWriter) is written through, not handed over; ZipFile.Open in Create or Update mode creates the archive.
        [Theory]
        [InlineData("using (var stream = {|#0:new FileStream(zipPath, FileMode.Create)|}) using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create)) { }", "new FileStream")]
        [InlineData("using (var stream = {|#0:new FileStream(zipPath, FileMode.Create)|}) using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest)) { }", "new FileStream")]
        [InlineData("using (var stream = {|#0:new FileStream(zipPath, FileMode.Create)|}) using (var xml = new System.Xml.XmlTextWriter(stream, null)) { }", "new FileStream")]
        [InlineData("using (var stream = {|#0:new FileStream(zipPath, FileMode.Create)|}) using (var aes = System.Security.Cryptography.Aes.Create()) using (var crypto = new System.Security.Cryptography.CryptoStream(stream, aes.CreateEncryptor(), System.Security.Cryptography.CryptoStreamMode.Write)) { }", "new FileStream")]
        [InlineData("using (var zip = {|#0:System.IO.Compression.ZipFile.Open(zipPath, System.IO.Compression.ZipArchiveMode.Create)|}) { }", "ZipFile.Open")]
        [InlineData("using (var zip = {|#0:System.IO.Compression.ZipFile.Open(zipPath, System.IO.Compression.ZipArchiveMode.Update)|}) { }", "ZipFile.Open")]
        public Task ArchiveWrittenThroughAFrameworkWrapper_ReportsDiagnostic(string write, string name)
            => Verify(
                InAction($$"""
                    var zipPath = Path.Combine("App_Data", $"{Guid.NewGuid():N}.zip");
                    {{write}}
                    return PhysicalFile(zipPath, "application/zip");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments(name, "file"));

        // Opening an archive to read creates nothing; a stream given to a type of your own is handed over.
        [Theory]
        [InlineData("using (var zip = System.IO.Compression.ZipFile.Open(zipPath, System.IO.Compression.ZipArchiveMode.Read)) { }")]
        [InlineData("var stream = new FileStream(zipPath, FileMode.Create); _ = new ArchiveJob(stream);")]
        public Task ArchiveReadOrHandedOver_NoDiagnostic(string write)
            => Verify(
                InAction($$"""
                    var zipPath = Path.Combine("App_Data", $"{Guid.NewGuid():N}.zip");
                    {{write}}
                    return PhysicalFile(zipPath, "application/zip");
            """) + """

            public sealed class ArchiveJob
            {
                public ArchiveJob(Stream stream) { }
            }
            """);

        // Real-world round 7 (an upload API): the name goes back to the client inside the app's own response envelope, which
        // ASP.NET Core serializes as it does new { fileName }: a response body, not storage.
        [Theory]
        [InlineData("return Ok(new ApiResponse(true, \"saved\", new { fileName = name }));")]
        [InlineData("return Ok(new ApiResponse(true, name));")]
        [InlineData("return new OkObjectResult(new ApiResponse(true, \"saved\", name));")]
        [InlineData("return Created(\"/uploads/\" + name, new ApiResponse(true, \"saved\", new { name }));")]
        public Task NameReturnedInAResponseEnvelopeOfYourOwn_ReportsDiagnostic(string returned)
            => Verify(
                InAction($$"""
                    var name = $"{Guid.NewGuid()}.bin";
                    {|#0:System.IO.File.WriteAllBytes(Path.Combine(_env.WebRootPath, "uploads", name), data)|};
                    {{returned}}
            """) + """

            public sealed record ApiResponse(bool Success, string Message, object? Data = null);
            """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllBytes", "file"));

        // A path given to an object of one's own in its initializer is stored there, as an assignment stores it; an object
        // of one's own registered for disposal, or kept, is a hand-over.
        [Theory]
        [InlineData("var report = new ReportDto { ReportPath = Path.Combine(\"reports\", Guid.NewGuid() + \".xlsx\") }; using (var file = new FileStream(report.ReportPath, FileMode.Create)) { } Reports.Add(report);")]
        [InlineData("var name = Path.Combine(_env.WebRootPath, Guid.NewGuid() + \".bin\"); System.IO.File.WriteAllBytes(name, data); HttpContext.Response.RegisterForDispose(new DeleteOnDispose(name));")]
        [InlineData("var name = Path.Combine(_env.WebRootPath, Guid.NewGuid() + \".bin\"); System.IO.File.WriteAllBytes(name, data); HttpContext.Features.Set(new PendingUpload(name));")]
        // The name stored on a record of one's own and also sent back in an envelope: the record keeps it.
        [InlineData("var name = Path.Combine(_env.WebRootPath, Guid.NewGuid() + \".bin\"); System.IO.File.WriteAllBytes(name, data); Uploads.Add(new PendingUpload(name)); _ = Ok(new ApiResponse(true, \"saved\", name));")]
        public Task PathHeldByAnObjectOfYourOwn_NoDiagnostic(string body)
            => Verify(
                InAction(body + "\n        return Ok();") + """

            public static class Reports
            {
                public static void Add(ReportDto report) { }
            }

            public static class Uploads
            {
                public static void Add(PendingUpload upload) { }
            }

            public sealed record ApiResponse(bool Success, string Message, object? Data = null);

            public sealed class ReportDto
            {
                public string ReportPath { get; set; } = "";
            }

            public sealed record PendingUpload(string Path);

            public sealed class DeleteOnDispose(string path) : IDisposable
            {
                public void Dispose() => System.IO.File.Delete(path);
            }
            """);

        // .NET's own library calls that write a file at a path they are given (FileLifetime.TryGetLibraryWrite).
        // The handler's own return value is the response (the second incident's downloads: a URL sent to the client, which
        // fetches the file later from the served folder). Returned as it is, the path or name is no more a hand-over than
        // in Ok(name) (real-world round 21's probe: an editor upload returning its GUID name). A value returned by a lambda
        // inside the handler is handed to the handler's code, a hand-over as before (what the handler then does with it is
        // not followed), in a controller action as in a minimal-API lambda.
        [Fact]
        public Task PathOrNameReturnedByTheHandlerItself_ReportsDiagnostic()
            => Verify("""
                public class UploadController : ControllerBase
                {
                    public string Post(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".jpg";
                        {|#0:System.IO.File.WriteAllBytes("/srv/uploads/" + name, data)|};
                        return name;
                    }

                    public async Task<string> Export(string csv)
                    {
                        var path = Path.Combine("wwwroot", "exports", $"{Guid.NewGuid():N}.csv");
                        await {|#1:System.IO.File.WriteAllTextAsync(path, csv)|};
                        return path;
                    }

                    public async Task<string> Render(string csv)
                    {
                        var path = await Task.Run(() =>
                        {
                            var made = Path.Combine("wwwroot", "exports", $"{Guid.NewGuid():N}.csv");
                            {|#2:System.IO.File.WriteAllText(made, csv)|};
                            return made;
                        });
                        return path;
                    }
                }

                // A public controller method another action calls is a helper there: its return hands the path to that
                // action, which deletes it (the second review's probe).
                public class ReportsController : Controller
                {
                    public string BuildReport(string csv)
                    {
                        var path = Path.Combine("wwwroot", "reports", $"{Guid.NewGuid():N}.csv");
                        System.IO.File.WriteAllText(path, csv);
                        return path;
                    }

                    public IActionResult Download(string csv)
                    {
                        var path = BuildReport(csv);
                        var bytes = System.IO.File.ReadAllBytes(path);
                        System.IO.File.Delete(path);
                        return File(bytes, "text/csv");
                    }

                    // Routed by its attribute, it is an endpoint still, though another action calls it too (real-world round
                    // 22, ECommAzista's UploadImage).
                    [HttpPost]
                    public string UploadImage(byte[] data)
                    {
                        var path = Path.Combine("wwwroot", "images", $"{Guid.NewGuid():N}.png");
                        {|#5:System.IO.File.WriteAllBytes(path, data)|};
                        return path;
                    }

                    public IActionResult Post(byte[] data, List<string> images)
                    {
                        images.Add(UploadImage(data));
                        return Ok();
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                        => app.MapPost("/upload", (byte[] data) =>
                        {
                            var name = $"{Guid.NewGuid():N}.bin";
                            {|#3:File.WriteAllBytes(Path.Combine("wwwroot", name), data)|};
                            return name;
                        });

                    public static void MapRender(WebApplication app)
                        => app.MapPost("/render", async (string csv) =>
                        {
                            var path = await Task.Run(() =>
                            {
                                var made = Path.Combine("wwwroot", "exports", $"{Guid.NewGuid():N}.csv");
                                {|#4:File.WriteAllText(made, csv)|};
                                return made;
                            });
                            return Results.Ok(path.Length);
                        });
                }
                """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllBytes", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(1).WithArguments("File.WriteAllTextAsync", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(3).WithArguments("File.WriteAllBytes", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(5).WithArguments("File.WriteAllBytes", "file"));

        // ASP.NET on .NET Framework (System.Web, declared here as its public surface): HttpPostedFile(Base).SaveAs stores an
        // upload at the path it is given, as IFormFile.CopyTo does (real-world round 21's probe, after BlogEngine.NET).
        [Fact]
        public Task LegacyUploadSavedUnderAUniqueName_ReportsDiagnostic()
            => CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                namespace System.Web
                {
                    public sealed class HttpPostedFile { public void SaveAs(string filename) { } public string FileName => ""; }
                    public abstract class HttpPostedFileBase { public virtual void SaveAs(string filename) { } public virtual string FileName => ""; }
                    public class HttpPostedFileWrapper : HttpPostedFileBase { public HttpPostedFileWrapper(HttpPostedFile file) { } public override void SaveAs(string filename) { } }
                }

                namespace System.Web.Mvc
                {
                    public abstract class Controller { }
                }

                public class HomeController : System.Web.Mvc.Controller
                {
                    public string Upload(System.Web.HttpPostedFileBase file)
                    {
                        var name = DateTime.Now.ToString("yyyyMMddHHmmssfff") + ".jpg";
                        {|#0:file.SaveAs("/srv/uploads/" + name)|};
                        return "/uploads/" + name;
                    }

                    public string Wrapped(System.Web.HttpPostedFile posted)
                    {
                        var name = Guid.NewGuid() + Path.GetExtension(posted.FileName);
                        {|#1:new System.Web.HttpPostedFileWrapper(posted).SaveAs(Path.Combine("/srv/uploads", name))|};
                        posted.SaveAs(Path.Combine("/srv/uploads", "latest.jpg"));
                        return name;
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("HttpPostedFileBase.SaveAs", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(1).WithArguments("HttpPostedFileWrapper.SaveAs", "file"));

        [Fact]
        public Task ControllerActionSavesXmlUnderAGuidName_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}-{Guid.NewGuid():N}.xml");
                    {|#0:new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement("export", id)).Save(path)|};
                    return PhysicalFile(path, "application/xml");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("XDocument.Save", "file"));

        [Fact]
        public Task ControllerActionDownloadsUnderAGuidName_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var path = Path.Combine(_env.WebRootPath, "mirror", Guid.NewGuid().ToString("N"));
                    using var client = new System.Net.WebClient();
                    {|#0:client.DownloadFile("http://localhost/source", path)|};
                    return PhysicalFile(path, "application/octet-stream");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("WebClient.DownloadFile", "file"));

        // The unique name made by a helper of the same file (docs/precision.md, first round).
        [Fact]
        public Task UniquePathFromHelperOfTheSameFile_ReportsDiagnostic()
            => Verify("""
                public class UploadsController : ControllerBase
                {
                    private readonly IWebHostEnvironment _env;

                    public UploadsController(IWebHostEnvironment env) => _env = env;

                    private string NewUploadPath(string extension) => Path.Combine(_env.WebRootPath, "uploads", Guid.NewGuid().ToString("N") + extension);

                    private string ReportPath(int id) => Path.Combine(_env.WebRootPath, "reports", $"report-{id}.pdf");

                    public IActionResult Upload(byte[] data)
                    {
                        var path = NewUploadPath(".bin");
                        {|#0:System.IO.File.WriteAllBytes(path, data)|};
                        return Ok();
                    }

                    public IActionResult Report(int id, byte[] data)
                    {
                        System.IO.File.WriteAllBytes(ReportPath(id), data);
                        return Ok();
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllBytes", "file"));

        // A helper of the same file that creates the file at a unique path and returns it hands it to the handler: the
        // handler's call is where the file is left (the second incident's downloads, written by a helper of the controller).
        [Fact]
        public Task UniqueFileReturnedByHelperOfTheSameFile_ReportsDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    private readonly IWebHostEnvironment _env;

                    public ExportsController(IWebHostEnvironment env) => _env = env;

                    private async Task<string> WriteExportAsync(int id)
                    {
                        var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                        await System.IO.File.WriteAllTextAsync(path, "a,b");
                        return path;
                    }

                    private DirectoryInfo Unpack(byte[] data)
                    {
                        var dir = Directory.CreateDirectory(Path.Combine(_env.ContentRootPath, "unpacked", Guid.NewGuid().ToString("N")));
                        System.IO.File.WriteAllBytes(Path.Combine(dir.FullName, "data.bin"), data);
                        return dir;
                    }

                    public async Task<IActionResult> Export(int id)
                    {
                        var path = await {|#0:WriteExportAsync(id)|};
                        return PhysicalFile(path, "text/csv");
                    }

                    public IActionResult Import(byte[] data)
                    {
                        var dir = {|#1:Unpack(data)|};
                        return Ok(dir.GetFiles().Length);
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("WriteExportAsync", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(1).WithArguments("Unpack", "folder"));

        // The handler deletes or stores what the helper returns; or the helper keeps or deletes the file itself, names a
        // fixed file, writes under the temp folder (PM2001's), or is called outside a handler.
        [Fact]
        public Task UniqueFileReturnedByHelper_ReleasedOrNotHandedOverOrNotInAHandler_NoDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    private readonly IWebHostEnvironment _env;
                    private readonly List<string> _written = new();

                    public ExportsController(IWebHostEnvironment env) => _env = env;

                    public string LastExport { get; private set; } = "";

                    private string WriteExport(int id)
                    {
                        var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        return path;
                    }

                    private string WriteAndRemember(int id)
                    {
                        var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        _written.Add(path);
                        return path;
                    }

                    private string WriteFixed(int id)
                    {
                        var path = Path.Combine(_env.WebRootPath, "exports", $"export-{id}.csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        return path;
                    }

                    private string WriteScratch()
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        return path;
                    }

                    public IActionResult Deleted(int id)
                    {
                        var path = WriteExport(id);
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return PhysicalFile(path, "text/csv");
                    }

                    public IActionResult Stored(int id)
                    {
                        LastExport = WriteExport(id);
                        return Ok();
                    }

                    public IActionResult NotHandedOver(int id)
                    {
                        var kept = WriteAndRemember(id);
                        var fixedName = WriteFixed(id);
                        var scratch = WriteScratch();
                        return Ok(kept + fixedName + scratch);
                    }

                    private void Warm(int id) => Console.WriteLine(WriteExport(id));
                }
                """);

        // The handler picks the unique name and a helper of the same file creates the file from it (Microsoft's minimal-API
        // upload sample, docs/precision.md, first round: FN2); the call is where the file is left.
        [Fact]
        public Task UniqueNamePassedToHelperCreatingTheFile_ReportsDiagnostic()
            => Verify("""
                public static class Uploads
                {
                    public static void Map(WebApplication app)
                    {
                        string GetOrCreateFilePath(string fileName)
                        {
                            var directoryPath = Path.Combine(app.Environment.ContentRootPath, "uploadFiles");
                            Directory.CreateDirectory(directoryPath);
                            return Path.Combine(directoryPath, fileName);
                        }

                        async Task UploadFileWithName(IFormFile file, string fileSaveName)
                        {
                            var filePath = GetOrCreateFilePath(fileSaveName);
                            await using var fileStream = new FileStream(filePath, FileMode.Create);
                            await file.CopyToAsync(fileStream);
                        }

                        app.MapPost("/upload", async (IFormFile file) =>
                        {
                            var fileSaveName = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName);
                            await {|#0:UploadFileWithName(file, fileSaveName)|};
                            return Results.Ok("File uploaded successfully!");
                        });
                    }
                }

                public class UploadsController : ControllerBase
                {
                    private readonly IWebHostEnvironment _env;

                    public UploadsController(IWebHostEnvironment env) => _env = env;

                    private void Save(byte[] data, string name) => System.IO.File.WriteAllBytes(Path.Combine(_env.WebRootPath, "uploads", name), data);

                    private string SaveAndLocate(byte[] data, string name)
                    {
                        var path = Path.Combine(_env.WebRootPath, "uploads", name);
                        System.IO.File.WriteAllBytes(path, data);
                        return path;
                    }

                    public IActionResult Upload(byte[] data)
                    {
                        var name = $"{Guid.NewGuid():N}.bin";
                        {|#1:Save(data, name)|};
                        return Ok();
                    }

                    public IActionResult UploadAndDropThePath(byte[] data)
                    {
                        var path = {|#2:SaveAndLocate(data, Path.GetRandomFileName())|};
                        return Ok(path.Length);
                    }

                    // The folder made for the file is its fixed parent: the file is what is left.
                    private void SaveInFolder(byte[] data, string name)
                    {
                        var path = Path.Combine(_env.WebRootPath, "uploads", name);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        System.IO.File.WriteAllBytes(path, data);
                    }

                    public IActionResult UploadInFolder(byte[] data)
                    {
                        {|#3:SaveInFolder(data, Guid.NewGuid() + ".bin")|};
                        return Ok();
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("UploadFileWithName", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(1).WithArguments("Save", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(2).WithArguments("SaveAndLocate", "file"),
                VerifyCS.Diagnostic("PM2002").WithLocation(3).WithArguments("SaveInFolder", "file"));

        // The handler stores the name or the returned path, the name is fixed, the helper deletes or keeps the file itself,
        // writes under the temp folder, writes somewhere the argument does not name, or is called outside a handler.
        [Fact]
        public Task UniqueNamePassedToHelper_StoredFixedReleasedOrNotTheFile_NoDiagnostic()
            => Verify("""
                public class UploadsController : ControllerBase
                {
                    private readonly List<string> _written = new();

                    public string LastUpload { get; private set; } = "";

                    private static void Save(byte[] data, string name) => System.IO.File.WriteAllBytes(Path.Combine("uploads", name), data);

                    private static string SaveAndLocate(byte[] data, string name)
                    {
                        var path = Path.Combine("uploads", name);
                        System.IO.File.WriteAllBytes(path, data);
                        return path;
                    }

                    private static void SaveAndProcess(byte[] data, string name)
                    {
                        var path = Path.Combine("uploads", name);
                        try
                        {
                            System.IO.File.WriteAllBytes(path, data);
                        }
                        finally
                        {
                            System.IO.File.Delete(path);
                        }
                    }

                    private void SaveAndRemember(byte[] data, string name)
                    {
                        var path = Path.Combine("uploads", name);
                        System.IO.File.WriteAllBytes(path, data);
                        _written.Add(path);
                    }

                    private static void SaveTemp(byte[] data, string name) => System.IO.File.WriteAllBytes(Path.Combine(Path.GetTempPath(), name), data);

                    private static void SaveInFolderAndProcess(byte[] data, string name)
                    {
                        var path = Path.Combine("uploads", name);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        System.IO.File.WriteAllBytes(path, data);
                        System.IO.File.Delete(path);
                    }

                    private static void Log(string message) => System.IO.File.AppendAllText("logs/app.log", message);

                    public IActionResult Stored(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".bin";
                        Save(data, name);
                        LastUpload = name;
                        return Ok();
                    }

                    public IActionResult PathStored(byte[] data)
                    {
                        LastUpload = SaveAndLocate(data, Guid.NewGuid() + ".bin");
                        return Ok();
                    }

                    public IActionResult Fixed(int id, byte[] data)
                    {
                        Save(data, $"upload-{id}.bin");
                        return Ok();
                    }

                    public IActionResult ReleasedByTheHelper(byte[] data)
                    {
                        SaveAndProcess(data, Guid.NewGuid() + ".bin");
                        SaveAndRemember(data, Guid.NewGuid() + ".bin");
                        SaveTemp(data, Guid.NewGuid() + ".bin");
                        SaveInFolderAndProcess(data, Guid.NewGuid() + ".bin");
                        Log($"request {Guid.NewGuid()}");
                        return Ok();
                    }

                    private void Warm(byte[] data) => Save(data, Guid.NewGuid() + ".bin");
                }
                """);

        // The rule runs only in types whose files name a unique value (FileLifetime.FilesThatMayNameUniquePaths): each
        // unique value alone in its file, with no other word of the list, is still seen; the Random field is declared in
        // a base class in another file, so this file names it only by its method.
        [Theory]
        [InlineData("Guid.NewGuid()")]
        [InlineData("Path.GetRandomFileName()")]
        [InlineData("System.Diagnostics.Stopwatch.GetTimestamp()")]
        [InlineData("System.Threading.Interlocked.Increment(ref _count)")]
        [InlineData("DateTime.UtcNow.ToString(\"O\")")]
        [InlineData("Environment.TickCount64")]
        [InlineData("HttpContext.TraceIdentifier")]
        [InlineData("System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000)")]
        [InlineData("_rng.NextInt64()")]
        [InlineData("_rng.GetHexString(12)")]
        [InlineData("_rng.GetString(\"abcdef\", 12)")]
        public Task EachUniqueValueAloneInItsFile_ReportsDiagnostic(string unique)
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.Test(Usings + $$"""
                public class ExportsController : ExportsControllerBase
                {
                    private static int _count;

                    public IActionResult Export(string csv)
                    {
                        {|#0:System.IO.File.WriteAllText(Path.Combine("exports", {{unique}} + ".csv"), csv)|};
                        return Ok();
                    }
                }
                """);
            test.Sources.Add(Usings + """
                public class ExportsControllerBase : ControllerBase
                {
                    protected readonly Random _rng = new();
                }
                """);
            test.References.AddRange(References.AspNetCore);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllText", "file"));
            return test.RunAsync();
        }

        [Fact]
        public Task UniqueFolderPerRequest_MessageSaysFolder_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var dir = Path.Combine(_env.ContentRootPath, "unpacked", Guid.NewGuid().ToString("N"));
                    {|#0:Directory.CreateDirectory(dir)|};
                    System.IO.File.WriteAllBytes(Path.Combine(dir, "data.bin"), data);
                    return Ok();
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("Directory.CreateDirectory", "folder"));

        // Real-world round 8: an archive named beside the unique folder (`dir + ".zip"`) is not inside it: deleting the
        // folder leaves it behind, so it is reported on its own. Files inside the folder (Path.Combine, "/", interpolation)
        // are the folder's, reported once on it.
        [Fact]
        public Task FileBesideTheUniqueFolder_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var dir = Path.Combine("bundles", Guid.NewGuid().ToString());
                    {|#0:Directory.CreateDirectory(dir)|};
                    System.IO.File.WriteAllText(Path.Combine(dir, "a.txt"), "a");
                    System.IO.File.WriteAllText(dir + "/b.txt", "b");
                    System.IO.File.WriteAllText($"{dir}{Path.DirectorySeparatorChar}c.txt", "c");
                    var zip = dir + ".zip";
                    {|#1:System.IO.Compression.ZipFile.CreateFromDirectory(dir, zip)|};
                    return PhysicalFile(Path.GetFullPath(zip), "application/zip");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("Directory.CreateDirectory", "folder"),
                VerifyCS.Diagnostic("PM2002").WithLocation(1).WithArguments("ZipFile.CreateFromDirectory", "file"));

        // A file written into the folder through its DirectoryInfo (a path the beside/inside reading cannot place) stays
        // the folder's: one diagnostic, on the folder.
        [Fact]
        public Task FileInsideTheFolderThroughItsDirectoryInfo_ReportedOnceOnTheFolder_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var dir = Path.Combine("bundles", Guid.NewGuid().ToString());
                    var info = {|#0:Directory.CreateDirectory(dir)|};
                    System.IO.File.WriteAllText(Path.Combine(info.FullName, "a.txt"), "a");
                    return Ok();
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("Directory.CreateDirectory", "folder"));

        // The re-run of real-world round 8: once the folder was deleted after the response (its fix), the archive beside it
        // went silent, as if deleting `dir` deleted `dir + ".zip"`.
        [Fact]
        public Task FolderDeletedButNotTheFileBesideIt_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var dir = Path.Combine("bundles", Guid.NewGuid().ToString());
                    Directory.CreateDirectory(dir);
                    Response.OnCompleted(() =>
                    {
                        Directory.Delete(dir, recursive: true);
                        return Task.CompletedTask;
                    });
                    System.IO.File.WriteAllText(Path.Combine(dir, "a.txt"), "a");
                    var zip = $"{dir}.zip";
                    {|#0:System.IO.Compression.ZipFile.CreateFromDirectory(dir, zip)|};
                    return PhysicalFile(Path.GetFullPath(zip), "application/zip");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("ZipFile.CreateFromDirectory", "file"));

        [Theory]
        [InlineData("Path.Combine(_env.ContentRootPath, $\"invoice-{id}-{DateTime.UtcNow:yyyyMMddHHmmssfff}.pdf\")")]
        [InlineData("Path.Combine(_env.ContentRootPath, \"invoice-\" + DateTime.Now.Ticks + \".pdf\")")]
        [InlineData("Path.Combine(_env.ContentRootPath, $\"invoice-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.pdf\")")]
        [InlineData("Path.Combine(_env.ContentRootPath, \"invoice-\" + DateTime.Now.ToString(\"HHmmss\") + \".pdf\")")]
        [InlineData("Path.Combine(_env.ContentRootPath, Path.GetRandomFileName())")]
        [InlineData("Path.Combine(\"exports\", Random.Shared.Next() + \".pdf\")")]
        [InlineData("$\"exports/{HttpContext.TraceIdentifier}.pdf\"")]
        [InlineData("Guid.NewGuid() + \".pdf\"")]
        public Task UniquePathForms_ReportsDiagnostic(string path)
            => Verify(InAction($$"""
                    var path = {{path}};
                    [|System.IO.File.WriteAllBytes(path, data)|];
                    return Ok();
            """));

        [Theory]
        [InlineData("using (var s = [|System.IO.File.Create(path)|]) { s.Write(data); }")]
        [InlineData("using var s = [|new FileStream(path, FileMode.CreateNew)|];")]
        [InlineData("using var w = [|new StreamWriter(path)|];")]
        [InlineData("[|System.IO.File.Copy(\"template.pdf\", path)|];")]
        [InlineData("[|System.IO.File.AppendAllText(path, \"x\")|];")]
        [InlineData("using var s = [|new FileInfo(path).Create()|];")]
        public Task CreatingCalls_ReportsDiagnostic(string write)
            => Verify(InAction($$"""
                    var path = Path.Combine(_env.WebRootPath, Guid.NewGuid() + ".pdf");
                    {{write}}
                    return PhysicalFile(path, "application/pdf");
            """));

        [Fact]
        public Task HandlerKinds_ReportsDiagnostic()
            => Verify("""
                public class ReportsController : Controller
                {
                    public async Task<IActionResult> Export(byte[] data)
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".xlsx");
                        await [|System.IO.File.WriteAllBytesAsync(path, data)|];
                        return View();
                    }
                }

                public class LegacyReportController
                {
                    public string Export() { [|System.IO.File.WriteAllText($"out/{Guid.NewGuid()}.txt", "x")|]; return "ok"; }
                }

                public class ExportModel : PageModel
                {
                    public IActionResult OnPost(byte[] data)
                    {
                        [|System.IO.File.WriteAllBytes(Path.Combine("wwwroot", Path.GetRandomFileName()), data)|];
                        return Page();
                    }
                }

                public class UploadHub : Hub
                {
                    public Task Upload(byte[] chunk)
                    {
                        [|File.WriteAllBytes(Path.Combine("uploads", Guid.NewGuid().ToString()), chunk)|];
                        return Task.CompletedTask;
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/export", (HttpContext context) =>
                        {
                            var path = Path.Combine("wwwroot", Guid.NewGuid() + ".csv");
                            [|File.WriteAllText(path, "a,b")|];
                            return Results.File(Path.GetFullPath(path));
                        });
                        var group = app.MapGroup("/api");
                        group.MapPost("/upload", async (IFormFile file) =>
                        {
                            using var stream = [|File.Create(Path.Combine("uploads", $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}"))|];
                            await file.CopyToAsync(stream);
                            return Results.Ok();
                        });
                    }

                    public static void MapLocal(WebApplication app)
                    {
                        app.MapGet("/local", Handler);

                        IResult Handler()
                        {
                            [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                            return Results.Ok();
                        }
                    }

                    public static IResult Export(string customer)
                    {
                        var fileName = $"export-{customer}-{Guid.NewGuid():N}.csv";
                        [|File.WriteAllText(Path.Combine("wwwroot", fileName), customer)|];
                        return Results.Redirect("/" + fileName);
                    }
                }
                """);

        [Fact]
        public Task TopLevelStatementsEndpoint_ReportsDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.Test(Usings + """
                var app = WebApplication.Create(args);
                app.MapGet("/export/{id}", (int id) =>
                {
                    var path = Path.Combine("wwwroot", $"export-{id}-{Guid.NewGuid()}.csv");
                    [|File.WriteAllText(path, "a,b")|];
                    return Results.File(Path.GetFullPath(path));
                });
                File.WriteAllText(Path.Combine("startup", Guid.NewGuid() + ".txt"), "not in a handler");
                app.Run();
                """);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task HandlersInsideOtherFunctions_ReportsDiagnostic()
            => Verify("""
                public static class Endpoints
                {
                    // A handler held in a field: its lambda returns IResult.
                    public static readonly Func<IResult> Ping = () =>
                    {
                        [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                        return Results.Ok();
                    };

                    public static void Map(WebApplication app, List<Action> later)
                    {
                        // A handler mapped from inside a lambda that is not one.
                        later.Add(() => app.MapGet("/late", () =>
                        {
                            [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                            return Results.Ok();
                        }));

                        app.MapPost("/outer", () =>
                        {
                            // A lambda inside the handler runs for the request too: reported once, for the outer handler.
                            Task.Run(() => [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|]);

                            // A handler inside a handler: each creation reported once.
                            app.MapGet("/inner", () =>
                            {
                                [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "y")|];
                                return Results.Ok();
                            });
                            return Results.Ok();
                        });

                        // Neither a handler nor in one.
                        later.Add(() => File.WriteAllText(Path.Combine("jobs", Guid.NewGuid() + ".txt"), "z"));
                    }
                }

                public class Mixed
                {
                    public IResult Export()
                    {
                        [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                        return Results.Ok();
                    }

                    public void Job() => File.WriteAllText(Path.Combine("jobs", Guid.NewGuid() + ".txt"), "z");

                    // The same wrappers around IResult and around something else.
                    public async Task<IResult> ExportAsync()
                    {
                        await [|File.WriteAllTextAsync(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                        return Results.Ok();
                    }

                    public async ValueTask<IResult?> ExportLaterAsync()
                    {
                        await [|File.WriteAllTextAsync(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                        return null;
                    }

                    public async Task<string> JobAsync()
                    {
                        await File.WriteAllTextAsync(Path.Combine("jobs", Guid.NewGuid() + ".txt"), "z");
                        return "done";
                    }

                    public async ValueTask<string?> JobLaterAsync()
                    {
                        await File.WriteAllTextAsync(Path.Combine("jobs", Guid.NewGuid() + ".txt"), "z");
                        return null;
                    }

                    public class NestedController : ControllerBase
                    {
                        public IActionResult Get()
                        {
                            [|System.IO.File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                            return Ok();
                        }
                    }
                }

                public class OuterJob
                {
                    public void Run() => File.WriteAllText(Path.Combine("jobs", Guid.NewGuid() + ".txt"), "z");

                    public class Nested
                    {
                        public IResult Export()
                        {
                            [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                            return Results.Ok();
                        }
                    }
                }
                """);

        [Fact]
        public Task UploadSavedUnderGuidNameReturnedInAnonymousObject_ReportsDiagnostic()
            => Verify("""
                public class UploadsController : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Upload(IFormFile file)
                    {
                        var fileName = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                        var filePath = Path.Combine(Directory.GetCurrentDirectory(), "uploads", fileName);
                        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
                        using (var stream = [|new FileStream(filePath, FileMode.Create)|])
                        {
                            await file.CopyToAsync(stream);
                        }

                        return Ok(new { fileName });
                    }

                    [HttpPost("unpack")]
                    public IActionResult Unpack(IFormFile file)
                    {
                        var dir = Path.Combine("unpacked", Guid.NewGuid().ToString("N"));
                        [|Directory.CreateDirectory(dir)|];
                        System.IO.File.WriteAllText(Path.Combine(dir, "readme.txt"), "x");
                        return Ok();
                    }
                }
                """);

        [Fact]
        public Task StaleFileGuardBeforeTheCreation_ReportsDiagnostic()
            => Verify(InAction("""
                    // The guard runs before the file exists: on a fresh Guid name it never deletes anything.
                    var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                    if (System.IO.File.Exists(path))
                    {
                        System.IO.File.Delete(path);
                    }

                    [|System.IO.File.WriteAllBytes(path, data)|];
                    return PhysicalFile(Path.GetFullPath(path), "text/csv");
            """));

        [Fact]
        public Task DeletionBeforeTheCreationThatRunsAfterIt_NoDiagnostic()
            => Verify(InAction("""
                    var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });
                    System.IO.File.WriteAllBytes(path, data);
                    for (var part = 0; part < 3; part++)
                    {
                        var piece = Path.Combine("exports", $"part-{Guid.NewGuid():N}.bin");
                        for (var attempt = 0; attempt < 2; attempt++)
                        {
                            // The next pass deletes what this one wrote.
                            System.IO.File.Delete(piece);
                            System.IO.File.WriteAllBytes(piece, data);
                        }
                    }

                    return PhysicalFile(Path.GetFullPath(path), "text/csv");
            """));

        // ------------------------------------------------------------ safe forms

        [Theory]
        [InlineData("System.IO.File.Delete(path);")]
        [InlineData("Response.OnCompleted(() => { System.IO.File.Delete(path); return Task.CompletedTask; });")]
        [InlineData("HttpContext.Response.RegisterForDispose(new Deleter(path));")]
        [InlineData("_cleanup.Add(path);")]
        [InlineData("return File(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 4096, FileOptions.DeleteOnClose), \"text/csv\");")]
        [InlineData("try { return PhysicalFile(path, \"text/csv\"); } finally { System.IO.File.Delete(path); }")]
        [InlineData("Janitor.DeleteLater(path);")]
        [InlineData("Janitor.Finish(path);")]
        [InlineData("Janitor.Finish(Path.GetFullPath(path));")]
        public Task DeletedOrHandedOver_NoDiagnostic(string statement)
            => Verify($$"""
                public sealed class Deleter : IDisposable
                {
                    private readonly string _path;
                    public Deleter(string path) => _path = path;
                    public void Dispose() => System.IO.File.Delete(_path);
                }

                public static class Janitor
                {
                    private static readonly List<string> Pending = new();
                    public static void DeleteLater(string path) { lock (Pending) { Pending.Add(path); } }
                    public static void Finish(string file)
                    {
                        if (System.IO.File.Exists(file))
                        {
                            System.IO.File.Delete(file);
                        }
                    }
                }

                public class ExportsController : ControllerBase
                {
                    private readonly List<string> _cleanup = new();

                    public IActionResult Download(int id)
                    {
                        var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        {{statement}}
                        return PhysicalFile(path, "text/csv");
                    }
                }
                """);

        // Real-world round 18 (repro-3): a helper's file added straight to a collection that a cleanup drains, or through ?:.
        [Fact]
        public Task HelpersFileAddedStraightToACollection_NoDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    private static readonly List<string> Pending = new();

                    [HttpPost]
                    public IActionResult Export(string text, bool keep)
                    {
                        Pending.Add(Write(text));
                        Pending.Add(keep ? null! : Write(text));
                        return Ok();
                    }

                    private static string Write(string text)
                    {
                        var path = Path.Combine("exports", Guid.NewGuid().ToString("N") + ".txt");
                        System.IO.File.WriteAllText(path, text);
                        return path;
                    }

                    public static void Sweep()
                    {
                        foreach (var path in Pending)
                        {
                            System.IO.File.Delete(path);
                        }
                    }
                }
                """);

        [Fact]
        public Task FixedNameOrDailyNameOrUploadName_NoDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    public IActionResult Fixed(int id, byte[] data, IFormFile file)
                    {
                        System.IO.File.WriteAllBytes(Path.Combine("exports", $"invoice-{id}.pdf"), data);
                        System.IO.File.WriteAllText(Path.Combine("exports", "latest.csv"), "a");
                        System.IO.File.WriteAllText(Path.Combine("exports", $"daily-{DateTime.Now:yyyyMMdd}.csv"), "a");
                        System.IO.File.WriteAllText(Path.Combine("exports", "daily-" + DateTime.UtcNow.ToString("yyyy-MM-dd") + ".csv"), "a");
                        System.IO.File.WriteAllText(Path.Combine("exports", DateTime.Today.Ticks + ".csv"), "a");
                        using var s = System.IO.File.Create(Path.Combine("uploads", Path.GetFileName(file.FileName)));
                        var text = System.IO.File.ReadAllText(Path.Combine("exports", Guid.NewGuid() + ".csv"));
                        using var read = new FileStream(Path.Combine("exports", Guid.NewGuid() + ".csv"), FileMode.Open);
                        return Ok();
                    }
                }
                """);

        [Fact]
        public Task PathPassedToFrameworkResultOrTextType_ReportsDiagnostic()
            => Verify(
                InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{Guid.NewGuid():N}.csv");
                    {|#0:System.IO.File.WriteAllText(path, "a,b")|};
                    var note = new System.Text.StringBuilder(path);
                    var link = new PathString(path);
                    return PhysicalFile(path, "text/csv");
            """),
                VerifyCS.Diagnostic("PM2002").WithLocation(0).WithArguments("File.WriteAllText", "file"));

        [Fact]
        public Task PathPassedToUserType_NoDiagnostic()
            => Verify("""
                public sealed record Attachment(string Path);

                public class ExportsController : ControllerBase
                {
                    private readonly List<Attachment> _outbox = new();

                    public IActionResult Download(byte[] data)
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".pdf");
                        System.IO.File.WriteAllBytes(path, data);
                        var attachment = new Attachment(path);
                        return Ok(attachment);
                    }
                }
                """);

        [Fact]
        public Task ServedByFrameworkResultObject_ReportsDiagnostic()
            => Verify(InAction("""
                    var path = Path.Combine(_env.WebRootPath, "exports", Guid.NewGuid() + ".csv");
                    [|System.IO.File.WriteAllText(path, "a,b")|];
                    return new PhysicalFileResult(Path.GetFullPath(path), "text/csv") { FileDownloadName = "export.csv" };
            """));

        [Fact]
        public Task AttributeNamedForDeletingSomethingElse_ReportsDiagnostic()
            => Verify("""
                public class DeleteCacheEntryAttribute : Attribute { }

                public class ArchiveController : ControllerBase
                {
                    [HttpDelete("{id}")]
                    public IActionResult Remove(int id, byte[] data)
                    {
                        var path = Path.Combine("tombstones", Guid.NewGuid() + ".json");
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        return NoContent();
                    }

                    [DeleteCacheEntry]
                    public IActionResult Evict(byte[] data)
                    {
                        var path = Path.Combine("evicted", Guid.NewGuid() + ".json");
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        return NoContent();
                    }
                }
                """);

        [Fact]
        public Task ResultTypeOfYourOwnOrDeletingFilter_NoDiagnostic()
            => Verify("""
                public class DeleteAfterServingResult : PhysicalFileResult
                {
                    public DeleteAfterServingResult(string path, string contentType) : base(path, contentType) { }
                }

                public class DeleteFileResultFilterAttribute : Attribute { }

                public class ExportsController : ControllerBase
                {
                    public IActionResult Own(byte[] data)
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".pdf"));
                        System.IO.File.WriteAllBytes(path, data);
                        return new DeleteAfterServingResult(path, "application/pdf");
                    }

                    [DeleteFileResultFilter]
                    public IActionResult Filtered(byte[] data)
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".pdf"));
                        System.IO.File.WriteAllBytes(path, data);
                        return new PhysicalFileResult(path, "application/pdf");
                    }
                }
                """);

        [Fact]
        public Task UniqueFileUnderTempInHandler_ReportedOnceByPM2001_ReportsDiagnostic()
        {
            // PM2001 reports a file under the temp folder; PM2002 leaves it to PM2001, so a handler gets one diagnostic.
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.Test(Usings + """
                public class PemController : ControllerBase
                {
                    public IActionResult Get(string pem)
                    {
                        var tempFile = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pem");
                        {|PM2001:System.IO.File.WriteAllText(tempFile, pem)|};
                        return PhysicalFile(tempFile, "application/x-pem-file");
                    }
                }
                """);
            test.Analyzers.Add(new Postmortem.Analyzers.Rules.PM2001TempFileNeverDeletedAnalyzer());
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task TempFileNameOrStaticGuid_NoDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    private static readonly string InstanceId = Guid.NewGuid().ToString("N");

                    public IActionResult Download(byte[] data)
                    {
                        // Path.GetTempFileName is reported by PM2001 on its own call.
                        System.IO.File.WriteAllBytes(Path.ChangeExtension(Path.GetTempFileName(), ".pdf"), data);
                        System.IO.File.WriteAllBytes(Path.Combine("locks", InstanceId + ".lock"), data);
                        return Ok();
                    }
                }
                """);

        [Fact]
        public Task NotARequestHandler_NoDiagnostic()
            => Verify("""
                public class ExportsController : ControllerBase
                {
                    [NonAction]
                    public void Helper() => System.IO.File.WriteAllText(Guid.NewGuid() + ".csv", "a");

                    private void PrivateHelper() => System.IO.File.WriteAllText(Guid.NewGuid() + ".csv", "a");

                    public static void StaticHelper() => System.IO.File.WriteAllText(Guid.NewGuid() + ".csv", "a");
                }

                public class ReportJob
                {
                    public void Run() => File.WriteAllText(Guid.NewGuid() + ".csv", "a");
                }

                public class Worker
                {
                    public void Start(Action<string> register) => register(Guid.NewGuid().ToString());

                    public void Go(List<Func<string>> work)
                    {
                        work.Add(() => { File.WriteAllText(Guid.NewGuid() + ".csv", "a"); return "x"; });
                    }
                }
                """);

        [Fact]
        public Task UserTypesNamedFileAndPath_NoDiagnostic()
            => Verify("""
                namespace MyApp
                {
                    static class File
                    {
                        public static void WriteAllText(string path, string text) { }
                    }

                    static class Path
                    {
                        public static string Combine(string a, string b) => a + b;
                    }

                    public class ExportsController : ControllerBase
                    {
                        public IActionResult Download()
                        {
                            MyApp.File.WriteAllText(Path.Combine("exports", Guid.NewGuid() + ".csv"), "a");
                            return Ok();
                        }
                    }
                }
                """);

        [Fact]
        public Task NoAspNetCore_NoDiagnostic()
            => CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                public class ExportsController
                {
                    public void Download() => File.WriteAllText(Guid.NewGuid() + ".csv", "a");
                }
                """);

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM2002PerRequestFileLeftAnalyzer>.Test(Usings + """
                public class ExportsController : ControllerBase
                {
                    public IActionResult Download(int id)
                    {
                        var path = Path.Combine(_missing.Root, Guid.NewGuid() + );
                        System.IO.File.WriteAllText(path, );
                        using var s = new FileStream(Path.Combine("x", Guid.NewGuid().ToString()), FileMode.);
                        Cleanup(path);
                        return Ok(
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fixes

        [Fact]
        public Task FixAll_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix("""
                public class ExportsController : ControllerBase
                {
                    public IActionResult Csv()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        [|System.IO.File.WriteAllText(path, "a,b")|];
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }

                    public IActionResult Pdf(byte[] data)
                    {
                        var path = Path.Combine("exports", DateTime.UtcNow.Ticks + ".pdf");
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        return PhysicalFile(Path.GetFullPath(path), "application/pdf");
                    }
                }
                """, """
                public class ExportsController : ControllerBase
                {
                    public IActionResult Csv()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }

                    public IActionResult Pdf(byte[] data)
                    {
                        var path = Path.Combine("exports", DateTime.UtcNow.Ticks + ".pdf");
                        System.IO.File.WriteAllBytes(path, data);
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return PhysicalFile(Path.GetFullPath(path), "application/pdf");
                    }
                }
                """);

        // dotnet format fixes a rule with the equivalence key of the first fix of whichever diagnostic comes first, and the
        // order changes from run to run: when the first had no fix (a redirect) the key was null and nothing was fixed, so
        // the incident sample's two fixable endpoints were fixed in some runs only. Fix All with no key now applies each
        // diagnostic's first fix (the verifier runs it from the redirect, as dotnet format does).
        [Fact]
        public Task UnfixableDiagnosticFirst_DotnetFormatStillFixesTheOthers_ReportsDiagnostic()
        {
            var test = VerifyCS.Test(Usings + """
                public class ExportsController : ControllerBase
                {
                    public IActionResult Redirected(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        [|System.IO.File.WriteAllText(Path.Combine("wwwroot", name), csv)|];
                        return Redirect("/" + name);
                    }

                    public IActionResult Csv()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        [|System.IO.File.WriteAllText(path, "a,b")|];
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }
                }
                """, Usings + """
                public class ExportsController : ControllerBase
                {
                    public IActionResult Redirected(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        [|System.IO.File.WriteAllText(Path.Combine("wwwroot", name), csv)|];
                        return Redirect("/" + name);
                    }

                    public IActionResult Csv()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        System.IO.File.WriteAllText(path, "a,b");
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task ControllerAction_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    [|System.IO.File.WriteAllBytes(path, data)|];
                    return PhysicalFile(path, "text/csv");
            """), InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    System.IO.File.WriteAllBytes(path, data);
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });
                    return PhysicalFile(path, "text/csv");
            """));

        [Fact]
        public Task UniqueFileReturnedByHelper_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix("""
                public class ExportsController : ControllerBase
                {
                    private static async Task<string> WriteExportAsync(int id)
                    {
                        var path = Path.Combine("exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                        await System.IO.File.WriteAllTextAsync(path, "a,b");
                        return path;
                    }

                    public async Task<IActionResult> Export(int id)
                    {
                        var path = await [|WriteExportAsync(id)|];
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }
                }
                """, """
                public class ExportsController : ControllerBase
                {
                    private static async Task<string> WriteExportAsync(int id)
                    {
                        var path = Path.Combine("exports", $"export-{id}-{Guid.NewGuid():N}.csv");
                        await System.IO.File.WriteAllTextAsync(path, "a,b");
                        return path;
                    }

                    public async Task<IActionResult> Export(int id)
                    {
                        var path = await WriteExportAsync(id);
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }
                }
                """);

        // The argument is a name the helper combines with its folder: deleting the name would delete another file, so no
        // fix is offered for a file created through a helper's parameter.
        [Fact]
        public Task UniqueNamePassedToHelper_NoFixOffered()
        {
            var source = Usings + """
                public class UploadsController : ControllerBase
                {
                    private static void Save(byte[] data, string name) => System.IO.File.WriteAllBytes(Path.Combine("uploads", name), data);

                    public IActionResult Upload(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".bin";
                        [|Save(data, name)|];
                        return Ok();
                    }
                }
                """;
            var test = VerifyCS.Test(source, source, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 8: the response sends the client back for the file (a redirect, a URL in the body): deleted
        // after that response, the follow-up download is a 404. And a local that names another file later
        // (ChangeExtension) would make the callback delete only that one. No fix offered there.
        [Fact]
        public Task ClientSentBackForTheFileOrPathReassigned_NoFixOffered_ReportsDiagnostic()
        {
            var source = Usings + """
                public class ExportsController : ControllerBase
                {
                    private readonly IWebHostEnvironment _env;

                    public ExportsController(IWebHostEnvironment env) => _env = env;

                    public IActionResult Redirected(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine(_env.WebRootPath, "exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        return Redirect("/exports/" + name);
                    }

                    public IActionResult Linked(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine(_env.WebRootPath, "exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        return Ok(new { url = $"/exports/{name}" });
                    }

                    public IActionResult Linked2(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine(_env.WebRootPath, "exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        return Ok(new { url = BuildFileUrl(name) });
                    }

                    private static string BuildFileUrl(string name) => "/exports/" + name;

                    public string Returned(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine(_env.WebRootPath, "exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        return name;
                    }

                    public IActionResult Compressed(string csv)
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        [|System.IO.File.WriteAllText(path, csv)|];
                        path = Path.ChangeExtension(path, ".gz");
                        [|System.IO.File.WriteAllText(path, csv)|];
                        return PhysicalFile(Path.GetFullPath(path), "application/gzip");
                    }
                }
                """;
            var test = VerifyCS.Test(source, source, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 22 (ClothBazaar, ASP.NET MVC 5): the URL goes to the client in a JsonResult built and then filled
        // (`result.Data = new { ImageUrl = … }`), as `Json(new { url })` sends it: a response body, not storage. Reported,
        // and no fix: the client fetches the file later. ASP.NET Core's JsonResult.Value and an initializer alike.
        [Fact]
        public Task UrlSetOnAFrameworkResult_NoFixOffered_ReportsDiagnostic()
        {
            var source = Usings + """
                public class ImagesController : ControllerBase
                {
                    public IActionResult Assigned(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".png";
                        var path = Path.Combine("wwwroot", "images", name);
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        var result = new JsonResult(null);
                        result.Value = new { ImageUrl = "/images/" + name };
                        return result;
                    }

                    public IActionResult Initialized(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".png";
                        var path = Path.Combine("wwwroot", "images", name);
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        var result = new ObjectResult(null) { Value = new { ImageUrl = "/images/" + name }, StatusCode = 201 };
                        return result;
                    }

                    // A JsonResult of one's own: its inherited Value is serialized all the same (the third review's note).
                    public IActionResult Enveloped(byte[] data)
                    {
                        var name = Guid.NewGuid() + ".png";
                        var path = Path.Combine("wwwroot", "images", name);
                        [|System.IO.File.WriteAllBytes(path, data)|];
                        var result = new EnvelopeResult();
                        result.Value = new { ImageUrl = "/images/" + name };
                        return result;
                    }
                }

                public sealed class EnvelopeResult : JsonResult
                {
                    public EnvelopeResult() : base(null) { }
                }

                namespace System.Web.Mvc
                {
                    public abstract class ActionResult { }
                    public class JsonResult : ActionResult { public object? Data { get; set; } public JsonRequestBehavior JsonRequestBehavior { get; set; } }
                    public enum JsonRequestBehavior { AllowGet, DenyGet }
                    public abstract class Controller { }
                }

                public class LegacyImagesController : System.Web.Mvc.Controller
                {
                    public System.Web.Mvc.ActionResult Upload(string data)
                    {
                        var name = DateTime.Now.Ticks + ".png";
                        [|System.IO.File.WriteAllText(Path.Combine("/srv/images", name), data)|];
                        var result = new System.Web.Mvc.JsonResult();
                        result.Data = new { ImageUrl = "/images/" + name };
                        result.JsonRequestBehavior = System.Web.Mvc.JsonRequestBehavior.AllowGet;
                        return result;
                    }
                }
                """;
            var test = VerifyCS.Test(source, source, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // The session's review: a file result's own properties (its download name, PhysicalFileResult.FileName) go out
        // with the file now: the fix is offered there. A result type of one's own, even deriving from PhysicalFileResult,
        // is a hand-over (judged by the object's type, not the property's declaring one).
        [Fact]
        public Task PropertySetOnAFileResult_DeleteAfterResponseFix()
            => VerifyFix("""
                public class ExportsController : ControllerBase
                {
                    public IActionResult Named()
                    {
                        var name = Guid.NewGuid() + ".csv";
                        var path = Path.Combine("exports", name);
                        [|System.IO.File.WriteAllText(path, "a,b")|];
                        var result = PhysicalFile(Path.GetFullPath(path), "text/csv");
                        result.FileDownloadName = name;
                        return result;
                    }

                    public IActionResult Pathed()
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".csv"));
                        [|System.IO.File.WriteAllText(path, "a,b")|];
                        var result = new PhysicalFileResult(string.Empty, "text/csv");
                        result.FileName = path;
                        return result;
                    }

                    public IActionResult Initialized()
                    {
                        var name = Guid.NewGuid() + ".csv";
                        var path = Path.Combine("exports", name);
                        [|System.IO.File.WriteAllText(path, "a,b")|];
                        return new PhysicalFileResult(Path.GetFullPath(path), "text/csv") { FileDownloadName = name };
                    }
                }
                """, """
                public class ExportsController : ControllerBase
                {
                    public IActionResult Named()
                    {
                        var name = Guid.NewGuid() + ".csv";
                        var path = Path.Combine("exports", name);
                        System.IO.File.WriteAllText(path, "a,b");
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        var result = PhysicalFile(Path.GetFullPath(path), "text/csv");
                        result.FileDownloadName = name;
                        return result;
                    }

                    public IActionResult Pathed()
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".csv"));
                        System.IO.File.WriteAllText(path, "a,b");
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        var result = new PhysicalFileResult(string.Empty, "text/csv");
                        result.FileName = path;
                        return result;
                    }

                    public IActionResult Initialized()
                    {
                        var name = Guid.NewGuid() + ".csv";
                        var path = Path.Combine("exports", name);
                        System.IO.File.WriteAllText(path, "a,b");
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                        return new PhysicalFileResult(Path.GetFullPath(path), "text/csv") { FileDownloadName = name };
                    }
                }
                """);

        [Fact]
        public Task PathGivenToAResultOfYourOwnThroughAnInheritedProperty_NoDiagnostic()
            => Verify("""
                public class DeleteAfterServingResult : PhysicalFileResult
                {
                    public DeleteAfterServingResult(string contentType) : base(string.Empty, contentType) { }
                }

                public class ExportsController : ControllerBase
                {
                    public IActionResult Initialized(byte[] data)
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".pdf"));
                        System.IO.File.WriteAllBytes(path, data);
                        return new DeleteAfterServingResult("application/pdf") { FileName = path };
                    }

                    public IActionResult Assigned(byte[] data)
                    {
                        var path = Path.GetFullPath(Path.Combine("exports", Guid.NewGuid() + ".pdf"));
                        System.IO.File.WriteAllBytes(path, data);
                        var result = new DeleteAfterServingResult("application/pdf");
                        result.FileName = path;
                        return result;
                    }
                }
                """);

        // Real-world round 15 (VirtoCommerce's platform export): the download URL is stored in a notification the handler was
        // given and sends to the client, which downloads the file later; deleting it after the response breaks that. So do
        // TempData and a field. A member of a local object (a view model built here) does not outlive the handler: fixed.
        // (The plain name stored in a member is a hand-over to the analyzer, which then reports nothing: a URL made from it is not.)
        [Fact]
        public Task NameStoredWhereTheClientReadsItLater_NoFixOffered_ReportsDiagnostic()
        {
            const string Notified = """
                public class Notification
                {
                    public string? DownloadUrl { get; set; }
                }

                public class ExportController : Controller
                {
                    private string? _lastExport;

                    public IActionResult Notified(Notification notification, string csv)
                    {
                        var fileName = $"export-{DateTime.UtcNow:yyyyMMddHHmmss}.csv";
                        var path = Path.Combine("exports", fileName);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        notification.DownloadUrl = $"api/export/download/{fileName}";
                        return Ok();
                    }

                    public IActionResult Redirected(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine("exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        TempData["download"] = $"/exports/{name}";
                        return RedirectToAction("Done");
                    }

                    public IActionResult Remembered(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine("exports", name);
                        [|System.IO.File.WriteAllText(path, csv)|];
                        _lastExport = $"/exports/{name}";
                        return Ok();
                    }

                """;
            const string Local = """
                    public IActionResult Shown(string csv)
                    {
                        var name = $"export-{Guid.NewGuid():N}.csv";
                        var path = Path.Combine("exports", name);
                        ##System.IO.File.WriteAllText(path, csv)##;
                        var model = new Notification();
                        model.DownloadUrl = $"/exports/{name}";
                        var links = new Dictionary<string, string>();
                        links["csv"] = $"/exports/{name}";
                        var shown = new Notification { DownloadUrl = $"/exports/{name}" };
                        return PhysicalFile(Path.GetFullPath(path), "text/csv");
                    }
                }
                """;
            var fixedLocal = Local.Replace("##System.IO.File.WriteAllText(path, csv)##;", """
                System.IO.File.WriteAllText(path, csv);
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                """);
            var test = VerifyCS.Test(
                Usings + Notified + Local.Replace("##System.IO.File.WriteAllText(path, csv)##", "[|System.IO.File.WriteAllText(path, csv)|]"),
                Usings + Notified + fixedLocal,
                PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 15 (VirtoCommerce's export): a public method of a controller that Hangfire runs as a job, scheduled
        // by an expression tree or taking Hangfire's job parameters, has no response: Response.OnCompleted would throw there.
        // A method called from an ordinary lambda (a delegate, not an expression tree) is still fixed. Hangfire by stand-ins.
        [Fact]
        public Task ControllerMethodRunAsABackgroundJob_NoFixOffered_ReportsDiagnostic()
        {
            const string Hangfire = """
                namespace Hangfire
                {
                    public interface IJobCancellationToken { }

                    public static class BackgroundJob
                    {
                        public static string Enqueue(System.Linq.Expressions.Expression<Func<Task>> job) => "";
                    }
                }

                namespace Hangfire.Server
                {
                    public class PerformContext { }
                }

                public class ExportController : ControllerBase
                {
                    public IActionResult Export()
                    {
                        Hangfire.BackgroundJob.Enqueue(() => ExportJob("csv"));
                        _ = Task.Run(() => Other("csv"));
                        return Accepted();
                    }

                    public async Task ExportJob(string csv)
                    {
                        var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                        await [|System.IO.File.WriteAllTextAsync(path, csv)|];
                    }

                    public async Task ExportWithContext(string csv, Hangfire.Server.PerformContext context)
                    {
                        var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                        await [|System.IO.File.WriteAllTextAsync(path, csv)|];
                    }

                    public async Task ExportWithToken(string csv, Hangfire.IJobCancellationToken token)
                    {
                        var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                        await [|System.IO.File.WriteAllTextAsync(path, csv)|];
                    }

                """;
            const string Other = """
                    public async Task Other(string csv)
                    {
                        var path = Path.Combine("exports", $"export-{Guid.NewGuid():N}.csv");
                        await ##System.IO.File.WriteAllTextAsync(path, csv)##;
                    }
                }
                """;
            var test = VerifyCS.Test(
                Usings + Hangfire + Other.Replace("##", "[|").Replace("[|;", "|];"),
                Usings + Hangfire + Other.Replace("await ##System.IO.File.WriteAllTextAsync(path, csv)##;", """
                await System.IO.File.WriteAllTextAsync(path, csv);
                        Response.OnCompleted(() =>
                        {
                            System.IO.File.Delete(path);
                            return Task.CompletedTask;
                        });
                """),
                PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task UploadStoredForLaterRequests_NoFixOffered_ReportsDiagnostic()
        {
            // Real-world round 9: a gallery upload saved under a unique name, which another page lists; deleting it after the
            // response lost every picture right after its POST. A handler that copies the request's upload (IFormFile,
            // the request body) keeps the file for later: it needs a lifetime or a quota, not "delete after the response".
            var source = Usings + """
                public class UploadImageModel : PageModel
                {
                    [BindProperty] public IFormFile FileUpload { get; set; } = null!;

                    public async Task OnPostAsync()
                    {
                        var fullName = Path.Combine("wwwroot/images/gallery", Guid.NewGuid() + "." + FileUpload.FileName);
                        using var fileStream = [|new FileStream(fullName, FileMode.Create)|];
                        await FileUpload.CopyToAsync(fileStream);
                    }
                }

                public class RawUploadController : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Post()
                    {
                        var path = Path.Combine("uploads", Guid.NewGuid().ToString("N"));
                        using var target = [|System.IO.File.Create(path)|];
                        await Request.Body.CopyToAsync(target);
                        return NoContent();
                    }
                }
                """;
            var test = VerifyCS.Test(source, source, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 8: with the next statement on the same line, the registration was inserted mid-line.
        [Fact]
        public Task StatementsSharingALine_DeleteAfterResponseOnItsOwnLine_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    var w = [|new StreamWriter(path)|]; w.Write(data); w.Dispose();
                    return PhysicalFile(path, "text/csv");
            """), InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    var w = new StreamWriter(path);
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });
                    w.Write(data); w.Dispose();
                    return PhysicalFile(path, "text/csv");
            """));

        // Real-world round 9: the pre-C# 8 style, the file created as the resource of a using statement, got no fix. The
        // registration goes after the using statement.
        [Fact]
        public Task CreatedAsTheResourceOfAUsingStatement_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    using (var writer = [|new StreamWriter(path)|])
                    {
                        writer.Write(data);
                    }

                    return PhysicalFile(path, "text/csv");
            """), InAction("""
                    var path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    using (var writer = new StreamWriter(path))
                    {
                        writer.Write(data);
                    }
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });

                    return PhysicalFile(path, "text/csv");
            """));

        // The registration is written with the file's own line endings (LF here, CRLF was written before).
        [Fact]
        public Task LineFeedOnlyFile_DeleteAfterResponseWritesLineFeeds_ReportsDiagnostic()
        {
            var source = "using System;\nusing System.IO;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Mvc;\n\npublic class ExportsController : ControllerBase\n{\n    public IActionResult Download(byte[] data)\n    {\n        var path = Path.Combine(\"exports\", Guid.NewGuid() + \".csv\");\n        [|System.IO.File.WriteAllBytes(path, data)|];\n        return PhysicalFile(path, \"text/csv\");\n    }\n}\n";
            var fixedSource = "using System;\nusing System.IO;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Mvc;\n\npublic class ExportsController : ControllerBase\n{\n    public IActionResult Download(byte[] data)\n    {\n        var path = Path.Combine(\"exports\", Guid.NewGuid() + \".csv\");\n        System.IO.File.WriteAllBytes(path, data);\n        Response.OnCompleted(() =>\n        {\n            System.IO.File.Delete(path);\n            return Task.CompletedTask;\n        });\n        return PhysicalFile(path, \"text/csv\");\n    }\n}\n";
            var test = VerifyCS.Test(source, fixedSource, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.ExactLineEndings = true;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Declared empty and given its one value later, or made absolute (the same file): the fix applies.
        [Fact]
        public Task PathDeclaredEmptyThenSet_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var path = string.Empty;
                    path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    path = Path.GetFullPath(path);
                    [|System.IO.File.WriteAllBytes(path, data)|];
                    return PhysicalFile(path, "text/csv");
            """), InAction("""
                    var path = string.Empty;
                    path = Path.Combine(_env.WebRootPath, $"export-{id}-{Guid.NewGuid():N}.csv");
                    path = Path.GetFullPath(path);
                    System.IO.File.WriteAllBytes(path, data);
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });
                    return PhysicalFile(path, "text/csv");
            """));

        // Sent now, the name only as the download's name: the fix applies.
        [Fact]
        public Task FileSentWithItsName_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var name = $"export-{id}-{Guid.NewGuid():N}.csv";
                    var path = Path.Combine(_env.WebRootPath, name);
                    [|System.IO.File.WriteAllBytes(path, data)|];
                    return File(System.IO.File.ReadAllBytes(path), "text/csv", name);
            """), InAction("""
                    var name = $"export-{id}-{Guid.NewGuid():N}.csv";
                    var path = Path.Combine(_env.WebRootPath, name);
                    System.IO.File.WriteAllBytes(path, data);
                    Response.OnCompleted(() =>
                    {
                        System.IO.File.Delete(path);
                        return Task.CompletedTask;
                    });
                    return File(System.IO.File.ReadAllBytes(path), "text/csv", name);
            """));

        // A folder is deleted with what it holds (File.Delete on a folder throws, inside a callback nobody watches).
        [Fact]
        public Task UniqueFolder_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix(InAction("""
                    var dir = Path.Combine(_env.ContentRootPath, "unpacked", Guid.NewGuid().ToString("N"));
                    [|Directory.CreateDirectory(dir)|];
                    System.IO.File.WriteAllBytes(Path.Combine(dir, "data.bin"), data);
                    return Ok();
            """), InAction("""
                    var dir = Path.Combine(_env.ContentRootPath, "unpacked", Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(dir);
                    Response.OnCompleted(() =>
                    {
                        Directory.Delete(dir, recursive: true);
                        return Task.CompletedTask;
                    });
                    System.IO.File.WriteAllBytes(Path.Combine(dir, "data.bin"), data);
                    return Ok();
            """));

        [Fact]
        public Task MinimalApiWithHttpContext_DeleteAfterResponse_ReportsDiagnostic()
            => VerifyFix("""
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/export", (HttpContext context) =>
                        {
                            var path = Path.Combine("wwwroot", Guid.NewGuid() + ".csv");
                            [|File.WriteAllText(path, "a,b")|];
                            return Results.File(Path.GetFullPath(path));
                        });
                    }
                }
                """, """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/export", (HttpContext context) =>
                        {
                            var path = Path.Combine("wwwroot", Guid.NewGuid() + ".csv");
                            File.WriteAllText(path, "a,b");
                            context.Response.OnCompleted(() =>
                            {
                                File.Delete(path);
                                return Task.CompletedTask;
                            });
                            return Results.File(Path.GetFullPath(path));
                        });
                    }
                }
                """);

        [Fact]
        public Task NoResponseInReach_NoFixOffered()
        {
            var source = Usings + """
                public static class Endpoints
                {
                    public static void MapLocal(WebApplication app)
                    {
                        app.MapGet("/local", Handler);

                        IResult Handler()
                        {
                            [|File.WriteAllText(Path.Combine("wwwroot", Guid.NewGuid() + ".txt"), "x")|];
                            return Results.Ok();
                        }
                    }

                    public static IResult Export(string customer)
                    {
                        var path = Path.Combine("wwwroot", Guid.NewGuid() + ".csv");
                        [|File.WriteAllText(path, customer)|];
                        return Results.Ok();
                    }
                }
                """;
            var test = VerifyCS.Test(source, source, PM2002PerRequestFileLeftCodeFixProvider.DeleteAfterResponseKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }
    }
}
