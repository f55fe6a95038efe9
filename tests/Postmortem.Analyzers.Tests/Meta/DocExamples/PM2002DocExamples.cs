using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Tests.Meta.DocExamples
{
    /// <summary>docs/rules/PM2002.md: where its examples run.</summary>
    public sealed class PM2002DocExamples : DocExampleContexts
    {
        public override string Rule => "PM2002";

        /// <summary>An MVC controller with the members the page's examples use, and the given members.</summary>
        private static string Controller(string members = DocContext.Placeholder) => $$"""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc;

            public class InvoicesController : Controller
            {
                private readonly IWebHostEnvironment _env;

                public InvoicesController(IWebHostEnvironment env) => _env = env;

                private static byte[] RenderInvoice(int id) => new byte[] { (byte)id };

                {{members}}
            }
            """;

        /// <summary>The same controller, the given statements in an action that made a unique path.</summary>
        private static string Action(string statements = DocContext.Placeholder) => Controller($$"""
            [HttpGet("{id}")]
                public IActionResult Download(int id)
                {
                    var path = Path.Combine(_env.WebRootPath, "invoices", $"invoice-{id}-{Guid.NewGuid():N}.pdf");
                    {{statements}}
                }
            """);

        public override IEnumerable<DocContext> Contexts => new[]
        {
            Example(0, "[HttpGet(\"{id}\")]").Code(Controller()).FixedBy("PM2002.DeleteAfterResponse", shows: 3),
            Example(1, "public IActionResult Download(int id)").Code(Controller()),
            Example(2, "app.MapGet(\"/exports/{customer}\"").Code("""
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                var app = WebApplication.Create(args);
                /*EXAMPLE*/
                app.Run();

                static Task WriteCsvAsync(string customer, Stream body) => Task.CompletedTask;
                """).Program(),
            Example(3, "System.IO.File.WriteAllBytes(path, RenderInvoice(id));").Code(Action()),

            // The file written first, as in the ❌ example: handed to File(...) in a stream that deletes it.
            Example(4, "var stream = new FileStream(").Code(Action("""
                System.IO.File.WriteAllBytes(path, RenderInvoice(id));
                        /*EXAMPLE*/
                """)),

            // The suppression the page shows, in front of the ❌ example: it is silenced.
            Example(5, "#pragma warning disable PM2002").Code(Controller("""
                /*EXAMPLE*/
                    [HttpGet("{id}")]
                    public IActionResult Download(int id)
                    {
                        var path = Path.Combine(_env.WebRootPath, "invoices", $"invoice-{id}-{Guid.NewGuid():N}.pdf");
                        System.IO.File.WriteAllBytes(path, RenderInvoice(id));
                        return PhysicalFile(path, "application/pdf");
                    }
                """)).Expect(Claim.NotReported),
        };
    }
}
