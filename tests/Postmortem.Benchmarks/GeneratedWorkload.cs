using System;
using System.Collections.Generic;
using System.Text;

namespace Postmortem.Benchmarks
{
    /// <summary>
    /// A generated web application, dense in what the rules look at (writes in try/catch, async writes, TryWrite,
    /// temp files, controllers and minimal APIs writing files, Serilog/NLog configuration, logging) with ordinary
    /// code in between. Deterministic: the same line count gives the same sources.
    /// </summary>
    public static class GeneratedWorkload
    {
        /// <summary>The generated sources; <paramref name="nlog"/> false leaves NLog out (a Serilog-only application).</summary>
        public static List<(string Path, string Text)> Create(int lines, bool nlog = true)
        {
            var files = new List<(string, string)>();
            var total = 0;
            for (var i = 0; total < lines; i++)
            {
                var text = (i % 10) switch
                {
                    0 => Writes(i),
                    1 => AsyncWrites(i),
                    2 => Queues(i),
                    3 => TempFiles(i),
                    4 => Controller(i),
                    5 => MinimalApi(i),
                    6 => LoggingSetup(i, nlog),
                    _ => Ordinary(i),
                };
                files.Add(($"/gen/File{i:D5}.cs", text));
                total += CountLines(text);
            }

            return files;
        }

        /// <summary>appsettings.json, and nlog.config unless <paramref name="nlog"/> is false.</summary>
        public static List<(string Path, string Text)> AdditionalFiles(bool nlog = true)
        {
            var files = AllAdditionalFiles();
            if (!nlog)
            {
                files.RemoveAll(f => f.Path.EndsWith("nlog.config", StringComparison.Ordinal));
            }

            return files;
        }

        private static List<(string Path, string Text)> AllAdditionalFiles() => new()
        {
            ("/gen/appsettings.json", """
                {
                  "Serilog": {
                    "WriteTo": [ { "Name": "File", "Args": { "path": "logs/app.log", "rollingInterval": "Day", "fileSizeLimitBytes": 10485760 } } ]
                  },
                  "Logging": { "LogLevel": { "Default": "Information" } }
                }
                """),
            ("/gen/nlog.config", """
                <?xml version="1.0" encoding="utf-8" ?>
                <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" throwConfigExceptions="false">
                  <targets>
                    <target name="file" type="File" fileName="logs/app.log" archiveAboveSize="10485760" maxArchiveFiles="5" />
                  </targets>
                  <rules><logger name="*" minlevel="Info" writeTo="file" /></rules>
                </nlog>
                """),
        };

        private static int CountLines(string text)
        {
            var n = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    n++;
                }
            }

            return n;
        }

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            """;

        private static string Writes(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Writes{i}\n{{\n");
            b.Append($"    public sealed class ReportStore{i}\n    {{\n        private readonly ILogger<ReportStore{i}> _logger;\n        private readonly string _root;\n        private string _status = \"\";\n\n");
            b.Append($"        public ReportStore{i}(ILogger<ReportStore{i}> logger, string root) {{ _logger = logger; _root = root; }}\n\n");
            for (var m = 0; m < 12; m++)
            {
                b.Append($$"""
                        public void Save{{m}}(string name, string content, byte[] data)
                        {
                            var path = Path.Combine(_root, name + ".{{m}}.txt");
                            try
                            {
                                File.WriteAllText(path, content);
                                File.AppendAllText(path + ".log", DateTime.UtcNow.ToString("O") + Environment.NewLine);
                            }
                            catch (IOException)
                            {
                            }

                            try
                            {
                                using var stream = new FileStream(path + ".bin", FileMode.Create);
                                stream.Write(data, 0, data.Length);
                            }
                            catch (Exception ex)
                            {
                                _logger.LogError(ex, "Saving {Name} failed", name);
                            }

                            try
                            {
                                File.Copy(path, path + ".bak", overwrite: true);
                            }
                            catch (UnauthorizedAccessException)
                            {
                                _status = "read-only";
                            }

                            try
                            {
                                var parsed = int.Parse(content.Length > 0 ? "1" : "0");
                                _status = parsed.ToString();
                            }
                            catch (FormatException)
                            {
                            }
                        }


                """);
            }

            b.Append("        public string Status => _status;\n    }\n}\n");
            return b.ToString();
        }

        private static string AsyncWrites(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Async{i}\n{{\n");
            b.Append($"    public sealed class Exporter{i}\n    {{\n        private readonly Stream _output = Stream.Null;\n\n");
            for (var m = 0; m < 10; m++)
            {
                b.Append($$"""
                        public async Task Export{{m}}Async(string path, string text, CancellationToken token)
                        {
                            _ = File.WriteAllTextAsync(path, text, token);
                            await File.AppendAllTextAsync(path + ".{{m}}", text, token);
                            var bytes = Encoding.UTF8.GetBytes(text);
                            _output.WriteAsync(bytes, 0, bytes.Length);
                            await _output.WriteAsync(bytes, token);
                            await _output.FlushAsync(token);
                            Task.Run(() => File.WriteAllBytes(path + ".copy", bytes));
                            await Task.Delay(1, token);
                        }

                        public Task Forward{{m}}Async(string path, string text) => File.WriteAllTextAsync(path, text);


                """);
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string Queues(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Queues{i}\n{{\n");
            b.Append($"    public sealed class Pipeline{i}\n    {{\n        private readonly Channel<string> _channel = Channel.CreateBounded<string>(100);\n        private readonly System.Collections.Concurrent.BlockingCollection<string> _queue = new(100);\n        private readonly ILogger _logger;\n\n        public Pipeline{i}(ILogger logger) => _logger = logger;\n\n");
            for (var m = 0; m < 12; m++)
            {
                b.Append($$"""
                        public void Enqueue{{m}}(string item)
                        {
                            _channel.Writer.TryWrite(item);
                            if (!_channel.Writer.TryWrite(item + "{{m}}"))
                            {
                                _logger.LogWarning("Dropped {Item}", item);
                            }

                            _queue.TryAdd(item);
                            var ok = _queue.TryAdd(item, 10);
                            if (!ok) { _logger.LogWarning("Queue full"); }
                        }


                """);
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string TempFiles(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Temp{i}\n{{\n");
            b.Append($"    public static class Scratch{i}\n    {{\n");
            for (var m = 0; m < 10; m++)
            {
                b.Append($$"""
                        public static string Render{{m}}(string content)
                        {
                            var temp = Path.GetTempFileName();
                            File.WriteAllText(temp, content);
                            return temp;
                        }

                        public static string RenderAndClean{{m}}(string content)
                        {
                            var temp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".tmp");
                            try
                            {
                                File.WriteAllText(temp, content);
                                return File.ReadAllText(temp);
                            }
                            finally
                            {
                                File.Delete(temp);
                            }
                        }

                        public static DirectoryInfo Workspace{{m}}() => Directory.CreateTempSubdirectory("gen{{m}}");


                """);
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string Controller(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Controllers{i}\n{{\n");
            b.Append($"    [ApiController]\n    [Route(\"api/[controller]\")]\n    public sealed class Downloads{i}Controller : ControllerBase\n    {{\n        private readonly ILogger<Downloads{i}Controller> _logger;\n\n        public Downloads{i}Controller(ILogger<Downloads{i}Controller> logger) => _logger = logger;\n\n");
            for (var m = 0; m < 10; m++)
            {
                b.Append($$"""
                        [HttpGet("report{{m}}/{id}")]
                        public IActionResult Report{{m}}(int id)
                        {
                            var path = Path.Combine("wwwroot", "downloads", $"report-{id}-{Guid.NewGuid()}.csv");
                            System.IO.File.WriteAllText(path, "id," + id);
                            _logger.LogInformation("Report {Id} written to {Path}", id, path);
                            return PhysicalFile(Path.GetFullPath(path), "text/csv");
                        }

                        [HttpPost("upload{{m}}")]
                        public async Task<IActionResult> Upload{{m}}(IFormFile file)
                        {
                            var target = Path.Combine("uploads", Path.GetRandomFileName());
                            await using var stream = System.IO.File.Create(target);
                            await file.CopyToAsync(stream);
                            return Ok(target);
                        }


                """);
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string MinimalApi(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Endpoints{i}\n{{\n");
            b.Append($"    public static class Endpoints{i}\n    {{\n        public static void Map(WebApplication app)\n        {{\n");
            for (var m = 0; m < 12; m++)
            {
                b.Append($$"""
                            app.MapGet("/e{{i}}/export{{m}}/{id}", (int id) =>
                            {
                                var file = Path.Combine(app.Environment.WebRootPath, $"export-{id}-{DateTime.UtcNow.Ticks}.json");
                                File.WriteAllText(file, "{ }");
                                return Results.File(file, "application/json");
                            });
                            app.MapPost("/e{{i}}/log{{m}}", async (HttpContext context) =>
                            {
                                using var reader = new StreamReader(context.Request.Body);
                                var body = await reader.ReadToEndAsync();
                                try { await File.AppendAllTextAsync("audit.log", body); } catch { }
                                return Results.Ok();
                            });

                """);
            }

            b.Append("        }\n    }\n}\n");
            return b.ToString();
        }

        private static string LoggingSetup(int i, bool nlog)
        {
            var b = new StringBuilder(Usings).Append(nlog ? "using Serilog;\nusing NLog.Config;\nusing NLog.Targets;\n" : "using Serilog;\n").Append($"namespace Gen.Logging{i}\n{{\n");
            b.Append($"    public static class LogSetup{i}\n    {{\n");

            // appsettings.json's Serilog section, read (Serilog.Settings.Configuration): it is judged as a real app's is.
            b.Append("        public static Serilog.ILogger FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration)\n");
            b.Append("            => new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger();\n\n");
            for (var m = 0; m < 6; m++)
            {
                b.Append($$"""
                        public static Serilog.ILogger Serilog{{m}}(string name)
                        {
                            return new LoggerConfiguration()
                                .MinimumLevel.Information()
                                .WriteTo.File("logs/" + name + ".log", rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 10_000_000)
                                .WriteTo.File("logs/shared{{m}}.log", shared: true, rollOnFileSizeLimit: true, retainedFileCountLimit: 7)
                                .CreateLogger();
                        }

                        public static void SerilogStatic{{m}}()
                        {
                            Log.Logger = new LoggerConfiguration().WriteTo.File("logs/static{{m}}.log").CreateLogger();
                            Serilog.Debugging.SelfLog.Enable(Console.Error);
                            Log.Information("Started {Index}", {{m}});
                        }


                """);
                if (nlog)
                {
                    b.Append($$"""
                            public static void NLog{{m}}()
                            {
                                var config = new LoggingConfiguration();
                                var target = new FileTarget("file{{m}}") { FileName = "logs/nlog{{m}}.log", ArchiveAboveSize = 10_000_000, MaxArchiveFiles = 5 };
                                config.AddRule(NLog.LogLevel.Info, NLog.LogLevel.Fatal, target);
                                NLog.LogManager.Configuration = config;
                                NLog.LogManager.GetCurrentClassLogger().Info("configured");
                            }


                    """);
                }
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string Ordinary(int i)
        {
            var b = new StringBuilder(Usings).Append($"namespace Gen.Domain{i}\n{{\n");
            b.Append($"    public sealed record Order{i}(int Id, string Customer, decimal Amount, DateTime Created);\n\n");
            b.Append($"    public enum Status{i} {{ New, Paid, Shipped, Cancelled }}\n\n");
            b.Append($"    public sealed class OrderService{i}\n    {{\n        private readonly List<Order{i}> _orders = new();\n        private readonly Dictionary<string, decimal> _totals = new(StringComparer.Ordinal);\n        private readonly ILogger _logger;\n\n        public OrderService{i}(ILogger logger) => _logger = logger;\n\n");
            for (var m = 0; m < 10; m++)
            {
                b.Append($$"""
                        public decimal Total{{m}}(string customer)
                        {
                            var total = _orders.Where(o => o.Customer == customer && o.Amount > {{m}}).Sum(o => o.Amount);
                            _totals[customer] = total;
                            _logger.LogDebug("Total for {Customer}: {Total}", customer, total);
                            return total;
                        }

                        public Status{{i}} Classify{{m}}(Order{{i}} order) => order.Amount switch
                        {
                            < 0 => Status{{i}}.Cancelled,
                            0 => Status{{i}}.New,
                            > 1000 => Status{{i}}.Shipped,
                            _ => Status{{i}}.Paid,
                        };

                        public string Describe{{m}}(IEnumerable<Order{{i}}> orders)
                        {
                            var builder = new StringBuilder();
                            foreach (var order in orders.OrderBy(o => o.Created).Take({{m + 5}}))
                            {
                                builder.Append(order.Id).Append(": ").Append(order.Customer).Append(' ').AppendLine(order.Amount.ToString("F2"));
                            }

                            try
                            {
                                return builder.ToString().Trim();
                            }
                            catch (ArgumentOutOfRangeException ex)
                            {
                                _logger.LogWarning(ex, "Describe failed");
                                return string.Empty;
                            }
                        }

                        public async Task<int> Count{{m}}Async(CancellationToken token)
                        {
                            await Task.Yield();
                            var count = 0;
                            for (var k = 0; k < _orders.Count; k++)
                            {
                                token.ThrowIfCancellationRequested();
                                if (_orders[k].Id % {{m + 2}} == 0)
                                {
                                    count++;
                                }
                            }

                            return count;
                        }


                """);
            }

            b.Append("    }\n}\n");
            return b.ToString();
        }
    }
}
