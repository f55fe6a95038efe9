using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Postmortem.Analyzers.Rules;
using Postmortem.Analyzers.Tests.Rules;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes;
using Postmortem.CodeFixes.Rules;
using Xunit;

namespace Postmortem.Analyzers.Tests.Fixes
{
    /// <summary>
    /// Real-world round 12 (ArchiSteamFarm): in a file indented with tabs and no .editorconfig, the fixes wrote their lines
    /// with spaces and re-indented the line after them, or the whole method they wrapped in a try, with spaces, as
    /// <c>dotnet format</c>'s default options say. They now indent as the file does, unless an .editorconfig sets
    /// <c>indent_style</c>.
    /// </summary>
    public class FileIndentationTests
    {
        /// <summary>The code with each group of four leading spaces made a tab (the tests are written with spaces).</summary>
        private static string Tabs(string code)
            => Regex.Replace(code, "^(?: {4})+", m => new string('\t', m.Length / 4), RegexOptions.Multiline);

        [Fact]
        public Task TabIndentedFile_PM3004FixInsertsTabsAndLeavesTheNextLine_ReportsDiagnostic()
        {
            var test = CSharpCodeFixVerifier<PM3004LoggingFailuresInvisibleAnalyzer, PM3004LoggingFailuresInvisibleCodeFixProvider>.Test(Tabs("""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool toFile)
                    {
                        var path = "app.log";
                        if (toFile)
                            Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                        Log.Information("started");
                    }
                }
                """), Tabs("""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure(bool toFile)
                    {
                        var path = "app.log";
                        if (toFile)
                        {
                            Serilog.Debugging.SelfLog.Enable(Console.Error);
                            Log.Logger = new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                        }
                        Log.Information("started");
                    }
                }
                """), PM3004LoggingFailuresInvisibleCodeFixProvider.EnableKey);
            test.References.AddRange(References.Serilog);
            return test.RunAsync();
        }

        [Fact]
        public Task TabIndentedFileWithIndentStyleSpace_PM3004FixFollowsTheEditorConfig_ReportsDiagnostic()
        {
            // What the user configured wins, even in a file that does not follow it.
            var test = CSharpCodeFixVerifier<PM3004LoggingFailuresInvisibleAnalyzer, PM3004LoggingFailuresInvisibleCodeFixProvider>.Test(Tabs("""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        var path = "app.log";
                        Log.Logger = new LoggerConfiguration().WriteTo.[|File(path)|].CreateLogger();
                    }
                }
                """), Tabs("""
                using System;
                using Serilog;

                public static class LoggingSetup
                {
                    public static void Configure()
                    {
                        var path = "app.log";
                """) + "\n" + """
                        Serilog.Debugging.SelfLog.Enable(Console.Error);
                        Log.Logger = new LoggerConfiguration().WriteTo.File(path).CreateLogger();
                """ + "\n" + Tabs("""
                    }
                }
                """), PM3004LoggingFailuresInvisibleCodeFixProvider.EnableKey);
            test.References.AddRange(References.Serilog);
            test.WorkspaceEditorConfig = "root = true\n[*.cs]\nindent_style = space\nindent_size = 4\n";
            return test.RunAsync();
        }

        /// <summary>A renderer with a temp file PM2001's "Delete in finally" wraps, before and after the fix, and a member after it.</summary>
        private const string Renderer = """
            using System.IO;

            public class Renderer
            {
                public byte[] Render(string title)
                {
                    var scratch = [|Path.GetTempFileName()|];
                    File.WriteAllText(scratch, title);
                    return File.ReadAllBytes(scratch);
                }

                /// <summary>Next.</summary>
                public int Next() => 1;
            }
            """;

        private const string RendererFixed = """
            using System.IO;

            public class Renderer
            {
                public byte[] Render(string title)
                {
                    var scratch = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllText(scratch, title);
                        return File.ReadAllBytes(scratch);
                    }
                    finally
                    {
                        File.Delete(scratch);
                    }
                }

                /// <summary>Next.</summary>
                public int Next() => 1;
            }
            """;

        [Fact]
        public Task TabIndentedFile_PM2001FixWrapsWithTabsAndLeavesTheNextMember_ReportsDiagnostic()
            => CSharpCodeFixVerifier<PM2001TempFileNeverDeletedAnalyzer, PM2001TempFileNeverDeletedCodeFixProvider>.VerifyCodeFixAsync(
                Tabs(Renderer), Tabs(RendererFixed), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        // From the review: an .editorconfig that sets indent_size (or tab_width) but not indent_style mixed tabs and spaces.
        [Theory]
        [InlineData("indent_size = 2")]
        [InlineData("tab_width = 8")]
        public Task TabIndentedFileWithAnIndentSize_PM2001FixOneTabPerLevel_ReportsDiagnostic(string setting)
        {
            var test = CSharpCodeFixVerifier<PM2001TempFileNeverDeletedAnalyzer, PM2001TempFileNeverDeletedCodeFixProvider>.Test(
                Tabs(Renderer), Tabs(RendererFixed), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.WorkspaceEditorConfig = "root = true\n[*.cs]\n" + setting + "\n";
            return test.RunAsync();
        }

        [Fact]
        public Task TabIndentedFile_PM3003FixBracesWithTabs_ReportsDiagnostic()
            => CSharpCodeFixVerifier<PM3003IgnoredRefusedWriteAnalyzer, PM3003IgnoredRefusedWriteCodeFixProvider>.VerifyCodeFixAsync(Tabs("""
                using System;
                using System.Threading.Channels;

                class Events
                {
                    private readonly Channel<string> _queue = Channel.CreateBounded<string>(100);

                    public void Audit(string record)
                    {
                        _queue.Writer.[|TryWrite|](record);
                    }
                }
                """), Tabs("""
                using System;
                using System.Threading.Channels;

                class Events
                {
                    private readonly Channel<string> _queue = Channel.CreateBounded<string>(100);

                    public void Audit(string record)
                    {
                        if (!_queue.Writer.TryWrite(record))
                        {
                            throw new InvalidOperationException("The channel is full or completed: the item was not written.");
                        }
                    }
                }
                """), PM3003IgnoredRefusedWriteCodeFixProvider.ThrowIfRefusedKey);

        [Fact]
        public Task TabIndentedFile_PM1001FixAddsTheArgumentOnATabbedLine_ReportsDiagnostic()
            => CSharpCodeFixVerifier<LogFileSinkAnalyzer, PM1001SharedLogFileSinkCodeFixProvider>.Test(Tabs("""
                using Serilog;

                public static class Logging
                {
                    public static ILogger Create()
                        => new LoggerConfiguration()
                            .WriteTo.[|File(
                                "logs/app.log",
                                retainedFileCountLimit: 31)|]
                            .CreateLogger();
                }
                """), Tabs("""
                using Serilog;

                public static class Logging
                {
                    public static ILogger Create()
                        => new LoggerConfiguration()
                            .WriteTo.File(
                                "logs/app.log",
                                retainedFileCountLimit: 31,
                                shared: true)
                            .CreateLogger();
                }
                """), PM1001SharedLogFileSinkCodeFixProvider.SerilogSharedKey).Web().WithSerilog().RunAsync();

        [Fact]
        public Task TabIndentedFile_PM3001FixAfterTheCatchComment_ReportsDiagnostic()
        {
            // The comment that ends the catch stays before the new line, and the closing brace goes back on its own line.
            var test = CSharpCodeFixVerifier<PM3001SwallowedWriteFailureAnalyzer, PM3001SwallowedWriteFailureCodeFixProvider>.Test(Tabs("""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store
                {
                    private readonly ILogger<Store> _logger;

                    public Store(ILogger<Store> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|]
                        {
                            // the disk is probably full
                        }
                    }
                }
                """), Tabs("""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store
                {
                    private readonly ILogger<Store> _logger;

                    public Store(ILogger<Store> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException ex)
                        {
                            // the disk is probably full
                            _logger.LogError(ex, "File.WriteAllText failed");
                        }
                    }
                }
                """), PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Theory]
        [InlineData("class C\n{\n\tvoid M()\n\t{\n\t}\n}\n", true)]
        [InlineData("class C\n{\n    void M()\n    {\n    }\n}\n", false)]
        // A doc comment's " *" lines and a one-space alignment are not indentation.
        [InlineData("/**\n * a\n * b\n * c\n */\nclass C\n{\n\tint x;\n}\n", true)]
        [InlineData("class C\n{\n\tint x;\n    int y;\n}\n", false)]
        [InlineData("", false)]
        public void IsIndentedWithTabs(string text, bool expected)
            => Assert.Equal(expected, FileIndentation.IsIndentedWithTabs(SourceText.From(text)));
    }
}
