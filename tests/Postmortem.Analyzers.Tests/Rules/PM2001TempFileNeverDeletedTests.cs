using System.Threading.Tasks;
using Postmortem.Analyzers.Rules;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM2001TempFileNeverDeletedAnalyzer,
    Postmortem.CodeFixes.Rules.PM2001TempFileNeverDeletedCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM2001TempFileNeverDeletedTests
    {
        private static string InClass(string members) => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Renderer
            {
            {{members}}
            }
            """;

        private static string InMethod(string body) => InClass($$"""
                byte[] Render(string title, byte[] data)
                {
            {{body}}
                }
            """);

        // ------------------------------------------------------------ unsafe forms

        [Fact]
        public Task GetTempFileNameNeverDeleted_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod("""
                    var scratch = {|#0:Path.GetTempFileName()|};
                    File.WriteAllText(scratch, title);
                    return File.ReadAllBytes(scratch);
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""));

        [Fact]
        public Task CreateTempSubdirectoryNeverDeleted_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod("""
                    var dir = {|#0:Directory.CreateTempSubdirectory("render")|};
                    File.WriteAllText(Path.Combine(dir.FullName, "page.html"), title);
                    return File.ReadAllBytes(Path.Combine(dir.FullName, "page.html"));
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("folder", "Directory.CreateTempSubdirectory", ""));

        [Theory]
        [InlineData("[|File.WriteAllText(path, title)|];")]
        [InlineData("[|File.WriteAllBytes(path, data)|];")]
        [InlineData("[|File.WriteAllLines(path, new[] { title })|];")]
        [InlineData("[|File.AppendAllText(path, title)|];")]
        [InlineData("using (var s = [|File.Create(path)|]) { s.Write(data, 0, data.Length); }")]
        [InlineData("using var w = [|File.CreateText(path)|]; w.Write(title);")]
        [InlineData("using var s = [|File.OpenWrite(path)|];")]
        [InlineData("using var s = [|File.Open(path, FileMode.OpenOrCreate)|];")]
        [InlineData("[|File.Copy(\"template.html\", path)|];")]
        [InlineData("using var s = [|new FileStream(path, FileMode.Create)|];")]
        [InlineData("using var s = [|new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous)|];")]
        [InlineData("using var w = [|new StreamWriter(path)|]; w.Write(title);")]
        [InlineData("using var s = [|new FileInfo(path).Create()|];")]
        [InlineData("[|new FileInfo(\"template.html\").CopyTo(path)|];")]
        public Task WritesUnderTempPath_ReportsDiagnostic(string write)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".html");
                    {{write}}
                    return File.ReadAllBytes(path);
            """));

        // .NET's own library calls that write a file at a path they are given, as File.WriteAllText does.
        [Theory]
        [InlineData("[|new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement(\"page\", title)).Save(path)|];")]
        [InlineData("[|new System.Xml.Linq.XElement(\"page\", title).Save(path, System.Xml.Linq.SaveOptions.None)|];")]
        [InlineData("var doc = new System.Xml.XmlDocument(); doc.LoadXml(\"<page/>\"); [|doc.Save(path)|];")]
        [InlineData("using (var w = [|System.Xml.XmlWriter.Create(path)|]) { w.WriteElementString(\"page\", title); }")]
        [InlineData("using var client = new System.Net.WebClient(); [|client.DownloadFile(\"http://localhost/page\", path)|];")]
        [InlineData("using var client = new System.Net.WebClient(); [|client.DownloadFileTaskAsync(new Uri(\"http://localhost/page\"), path)|].Wait();")]
        [InlineData("using var image = System.Drawing.Image.FromFile(\"logo.png\"); [|image.Save(path)|];")]
        [InlineData("using var bitmap = new System.Drawing.Bitmap(); [|bitmap.Save(path)|];")]
        public Task LibraryWritesUnderTempPath_ReportsDiagnostic(string write)
        {
            var test = VerifyCS.AnalysisTest(InMethod($$"""
                    var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xml");
                    {{write}}
                    return File.ReadAllBytes(path);
            """));
            test.Sources.Add(DrawingImageStub);
            return test.RunAsync();
        }

        // The same calls writing to a stream or a writer, a type of one's own with a Save(fileName), and a library write
        // deleted in finally.
        [Theory]
        [InlineData("using var s = new MemoryStream(); new System.Xml.Linq.XDocument().Save(s); File.WriteAllBytes(path + \".keep\", s.ToArray()); File.Delete(path + \".keep\");")]
        [InlineData("using var image = System.Drawing.Image.FromFile(\"logo.png\"); using var s = new MemoryStream(); image.Save(s, null);")]
        [InlineData("using var s = new MemoryStream(); using (var w = System.Xml.XmlWriter.Create(s)) { w.WriteElementString(\"page\", path); }")]
        [InlineData("new Report().Save(path);")]
        [InlineData("try { new System.Xml.Linq.XDocument().Save(path); } finally { File.Delete(path); }")]
        [InlineData("using var client = new System.Net.WebClient(); try { client.DownloadFile(\"http://localhost/page\", path); } finally { File.Delete(path); }")]
        public Task LibraryWritesToAStreamOrDeleted_NoDiagnostic(string statement)
        {
            var test = VerifyCS.AnalysisTest(InClass($$"""
                    byte[] Render(string title, byte[] data)
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xml");
                        {{statement}}
                        return data;
                    }

                    sealed class Report
                    {
                        public void Save(string fileName) { }
                    }
            """));
            test.Sources.Add(DrawingImageStub);
            return test.RunAsync();
        }

        /// <summary>System.Drawing.Image's surface used here (System.Drawing.Common is a package of its own).</summary>
        private const string DrawingImageStub = """
            namespace System.Drawing
            {
                public class Image : System.IDisposable
                {
                    public static Image FromFile(string filename) => new Bitmap();
                    public void Save(string filename) { }
                    public void Save(System.IO.Stream stream, object? format) { }
                    public void Dispose() { }
                }

                public sealed class Bitmap : Image { }
            }
            """;

        [Theory]
        [InlineData("Path.Combine(Path.GetTempPath(), title + \".html\")")]
        [InlineData("Path.GetTempPath() + title")]
        [InlineData("$\"{Path.GetTempPath()}/render-{Guid.NewGuid()}.html\"")]
        [InlineData("Path.Join(Path.GetTempPath(), \"render\", title + \".html\")")]
        [InlineData("Path.Combine(Environment.GetEnvironmentVariable(\"TEMP\")!, \"render\", DateTime.Now.Ticks + \".html\")")]
        [InlineData("Path.Combine(Path.GetTempPath(), \"a\", \"b\", \"c\", title)")]
        public Task TempPathForms_ReportsDiagnostic(string path)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    [|File.WriteAllText({{path}}, title)|];
                    return data;
            """));

        // Real-world round 6 (xUnit fixtures, a video app's work folder): the path is a field of the object, each test or
        // call writes it, and a member of the same type (Dispose) deletes it: the object that holds the path owns the file.
        [Theory]
        [InlineData("private readonly string _temp = Path.Combine(Path.GetTempPath(), $\"cfg-{Guid.NewGuid():N}.toml\");", "File.WriteAllText(_temp, \"a = 1\");", "if (File.Exists(_temp)) File.Delete(_temp);")]
        [InlineData("private readonly string _temp; public Fixture() { _temp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + \".txt\"); }", "File.WriteAllText(_temp, \"x\");", "File.Delete(_temp);")]
        [InlineData("private readonly string _temp = Path.Combine(Path.GetTempPath(), \"work\", Guid.NewGuid().ToString(\"N\"));", "Directory.CreateDirectory(_temp);", "Directory.Delete(_temp, recursive: true);")]
        [InlineData("private readonly string _temp = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString(\"N\"));", "File.WriteAllText(Path.Combine(_temp, \"a.txt\"), \"x\");", "Directory.Delete(this._temp, true);")]
        [InlineData("private FileInfo _temp = new FileInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + \".txt\"));", "_temp.Create().Dispose();", "_temp?.Delete();")]
        public Task FieldPathDeletedByAMemberOfItsType_NoDiagnostic(string field, string write, string delete)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.IO;

                public sealed class Fixture : IDisposable
                {
                    {{field}}

                    public void Test() { {{write}} }

                    public void Dispose() { {{delete}} }
                }
                """);

        // A temp archive written through .NET's ZipArchive (not a hand-over), or created by ZipFile.Open, and never deleted.
        [Theory]
        [InlineData("using (var stream = {|#0:new FileStream(tmp, FileMode.Create)|}) using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create)) { }", "new FileStream")]
        [InlineData("using (var zip = {|#0:System.IO.Compression.ZipFile.Open(tmp, System.IO.Compression.ZipArchiveMode.Create)|}) { }", "ZipFile.Open")]
        public Task TempArchiveNeverDeleted_ReportsDiagnostic(string write, string name)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    var tmp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip");
                    {{write}}
                    return File.ReadAllBytes(tmp);
                """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", name, ""));

        // Real-world round 31 (LibreOfficeLibrary): two temp copies under the temp folder trimmed of its separator; the first
        // is moved to the target, the second never deleted. The trimmed (or normalized) temp folder is the temp root, not a
        // folder of the copies' own whose cleanup the first copy's move would be.
        [Theory]
        [InlineData("Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar)", "File.Move(first, \"out.pdf\");")]
        [InlineData("Path.GetTempPath().ToUpperInvariant()", "File.Delete(first);")]
        [InlineData("Path.GetFullPath(Path.GetTempPath())", "File.Move(first, \"out.pdf\");")]
        [InlineData("Path.TrimEndingDirectorySeparator(Path.GetTempPath())", "File.Delete(first);")]
        public Task SiblingReleasedUnderANormalizedTempFolder_ReportsDiagnostic(string folder, string release)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    var temp = {{folder}};
                    var first = Path.Combine(temp, Path.GetRandomFileName());
                    var second = Path.Combine(temp, Path.GetRandomFileName());
                    File.WriteAllBytes(first, data);
                    {|#0:File.WriteAllBytes(second, data)|};
                    {{release}}
                    return data;
                """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllBytes", ""));

        // A sweep of this code's own temp files (the listing's pattern begins the created name), after the write or before
        // it (the next call's sweep deletes it), deletes the file (the review of the twenty-ninth session: reported before,
        // with the temp folder in a local, trimmed or not).
        [Theory]
        [InlineData("Path.GetTempPath()", "\"myapp-\" + Path.GetRandomFileName()", "", "foreach (var old in Directory.GetFiles(temp, \"myapp-*\")) File.Delete(old);")]
        [InlineData("Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar)", "\"myapp-\" + Path.GetRandomFileName()", "", "foreach (var old in Directory.GetFiles(temp, \"MyApp-*.tmp\")) File.Delete(old);")]
        [InlineData("Path.GetTempPath()", "$\"myapp-{Guid.NewGuid()}.pdf\"", "foreach (var old in Directory.EnumerateFiles(temp, \"myapp-*\")) File.Delete(old);", "")]
        public Task SweptByItsNamePattern_NoDiagnostic(string folder, string name, string before, string after)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    var temp = {{folder}};
                    {{before}}
                    var file = Path.Combine(temp, {{name}});
                    File.WriteAllBytes(file, data);
                    {{after}}
                    return data;
                """));

        // Not a sweep of this file: another name's pattern, every file ("*"), another folder.
        [Theory]
        [InlineData("Directory.GetFiles(temp, \"other-*\")")]
        [InlineData("Directory.GetFiles(temp, \"*\")")]
        [InlineData("Directory.GetFiles(\"logs\", \"myapp-*\")")]
        public Task SweepOfOtherFiles_ReportsDiagnostic(string listing)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    var temp = Path.GetTempPath();
                    var file = Path.Combine(temp, "myapp-" + Path.GetRandomFileName());
                    {|#0:File.WriteAllBytes(file, data)|};
                    foreach (var old in {{listing}}) File.Delete(old);
                    return data;
                """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllBytes", ""));

        // A FileInfo deleted through ?. (the call's instance is then a placeholder for the receiver).
        [Fact]
        public Task FileInfoDeletedThroughConditionalAccess_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    var scratch = new FileInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"));
                    try
                    {
                        File.WriteAllBytes(scratch.FullName, data);
                        return File.ReadAllBytes(scratch.FullName);
                    }
                    finally
                    {
                        scratch?.Delete();
                    }
                """));

        // Real-world round 18 (MSBuild's TempWorkingDirectory): the created value reaches its owner through ?:, ??, or a
        // switch expression, or is added to a collection field directly: handed over as the plain forms are.
        [Fact]
        public Task HandedOverThroughAnOperatorOrStraightIntoACollection_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;

                public sealed class Work : IDisposable
                {
                    public string Dir { get; }

                    public Work(string? name = null) => Dir = name == null ? NewDir() : Path.Combine(Path.GetTempPath(), name);

                    public void Dispose() => Directory.Delete(Dir, true);

                    private static string NewDir()
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        Directory.CreateDirectory(dir);
                        return dir;
                    }
                }

                public sealed class Scratch : IDisposable
                {
                    private readonly string _file;
                    private readonly string _other;

                    public Scratch(string? given = null, int kind = 0)
                    {
                        _file = given ?? Path.GetTempFileName();
                        _other = kind switch { 0 => Path.GetTempFileName(), _ => "fixed.txt" };
                    }

                    public void Dispose()
                    {
                        File.Delete(_file);
                        File.Delete(_other);
                    }
                }

                public static class Fixture
                {
                    private static readonly List<string> ToDelete = new();

                    public static void Make() => ToDelete.Add(Path.GetTempFileName());

                    public static string? Maybe(bool b) => b ? Path.GetTempFileName() : null;

                    public static void Cleanup()
                    {
                        foreach (var file in ToDelete)
                        {
                            File.Delete(file);
                        }
                    }
                }
                """);

        // The ?: result goes nowhere, or the created name is only looked up: still reported.
        [Fact]
        public Task ThroughAnOperatorButKept_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.IO;

                public static class Leaky
                {
                    public static void Use(bool b)
                    {
                        var p = b ? {|#0:Path.GetTempFileName()|} : "fallback.txt";
                        File.WriteAllText(p, "x");
                    }

                    public static bool Check(List<string> seen) => seen.Contains({|#1:Path.GetTempFileName()|});

                    public static void Condition() => System.Console.WriteLine(File.Exists({|#2:Path.GetTempFileName()|}) ? "yes" : "no");
                }
                """,
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "Path.GetTempFileName", ""));

        // The same field that nothing deletes, a Dispose that deletes another field, or a local of the same name.
        [Theory]
        [InlineData("")]
        [InlineData("File.Delete(_other);")]
        [InlineData("var _temp = _other; File.Delete(_temp);")]
        public Task FieldPathNotDeletedByItsType_ReportsDiagnostic(string delete)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.IO;

                public sealed class Fixture : IDisposable
                {
                    private readonly string _temp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
                    private readonly string _other = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".log");

                    public void Test() { {|#0:File.WriteAllText(_temp, "x")|}; }

                    public void Dispose() { {{delete}} }
                }
                """,
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllText", ""));

        [Fact]
        public Task FixedNameUnderTemp_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private const string Name = "render.html";
                    private static readonly string LastExport = Path.Combine(Path.GetTempPath(), "myapp", "last-export.zip");

                    void Overwritten(string title, string source)
                    {
                        // One file each, overwritten on every call: not one more per call.
                        File.WriteAllText(Path.Combine(Path.GetTempPath(), "render.html"), title);
                        File.WriteAllText(Path.GetTempPath() + "render.html", title);
                        File.WriteAllText($"{Path.GetTempPath()}/{Name}", title);
                        File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("TEMP")!, "render.html"), title);
                        File.WriteAllText(Path.Combine(Path.GetTempPath(), "a", "b", "c", "d.txt"), title);
                        var manifest = Path.Combine(Path.GetTempPath(), "myapp", "_manifest.json");
                        File.WriteAllText(manifest, title);
                        System.IO.Compression.ZipFile.CreateFromDirectory(source, LastExport);
                    }
            """));

        // The message's note for the empty .tmp left behind a name made from GetTempFileName's (real-world round 27).
        private static string ChangedTo(string name) => $" (the code goes on with another file, '{name}': this one stays)";

        // The note names the other file's expression on one line, cut at 60 characters; a path inside the name
        // (Path.Combine) or the name itself written is no other file beside it, and gets no note.
        [Fact]
        public Task TempFileNameOnlyMadeIntoOtherNames_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Long(byte[] data, string customerName, string reportKind)
                    {
                        var tmp = {|#0:Path.GetTempFileName()|};
                        var target = tmp
                            + "." + customerName + "." + reportKind + ".quarterly.pdf";
                        File.WriteAllBytes(target, data);
                        File.Delete(target);
                    }

                    void Inside(string text)
                    {
                        var tmp = {|#1:Path.GetTempFileName()|};
                        File.WriteAllText(Path.Combine(tmp, "a.txt"), text);
                    }

                    void Itself(string text)
                    {
                        var tmp = {|#2:Path.GetTempFileName()|};
                        File.WriteAllText(tmp, text);
                        var size = new FileInfo(tmp).Length;
                    }

                    // A name made from it only for a message is no path (the session's last review).
                    void Told(string text)
                    {
                        var tmp = {|#3:Path.GetTempFileName()|};
                        File.WriteAllText(tmp, text);
                        Console.WriteLine($"{tmp} written");
                        Console.WriteLine(tmp + " written");
                        Console.WriteLine({|#6:Path.GetTempFileName()|} + " made");
                    }

                    // Kept in a field and written, or returned to the caller: a path (the session's last review).
                    private string _output = "";

                    void Kept(string text)
                    {
                        var tmp = {|#7:Path.GetTempFileName()|};
                        _output = tmp + ".pdf";
                    }

                    string NewPdfPath()
                    {
                        var tmp = {|#8:Path.GetTempFileName()|};
                        return Path.ChangeExtension(tmp, ".pdf");
                    }

                    // A copy beside it is another file: said, and the copy reported.
                    void Copied(string text)
                    {
                        var tmp = {|#4:Path.GetTempFileName()|};
                        File.WriteAllText(tmp, text);
                        {|#5:File.Copy(tmp, tmp + ".bak")|};
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ChangedTo("tmp + \".\" + customerName + \".\" + reportKind + \".quarterly...")),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(4).WithArguments("file", "Path.GetTempFileName", ChangedTo("tmp + \".bak\"")),
                VerifyCS.Diagnostic("PM2001").WithLocation(5).WithArguments("file", "File.Copy", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(6).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(7).WithArguments("file", "Path.GetTempFileName", ChangedTo("tmp + \".pdf\"")),
                VerifyCS.Diagnostic("PM2001").WithLocation(8).WithArguments("file", "Path.GetTempFileName", ChangedTo("Path.ChangeExtension(tmp, \".pdf\")")));

        [Fact]
        public Task ExtensionChangedAfterCreation_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    // GetTempFileName creates tmpXXXX.tmp; the .wav/.db names are other files, and only those are deleted.
                    private readonly string _db = Path.ChangeExtension({|#0:Path.GetTempFileName()|}, ".db");

                    void Convert(byte[] data)
                    {
                        var wav = Path.ChangeExtension({|#1:Path.GetTempFileName()|}, ".wav");
                        File.WriteAllBytes(wav, data);
                        File.Delete(wav);
                    }

                    void TwoSteps(byte[] data)
                    {
                        var tmp = {|#2:Path.GetTempFileName()|};
                        var pdf = Path.ChangeExtension(tmp, ".pdf");
                        File.WriteAllBytes(pdf, data);
                        File.Delete(pdf);
                    }

                    void Store() => File.Delete(_db);
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ChangedTo("Path.ChangeExtension(Path.GetTempFileName(), \".db\")")),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Path.GetTempFileName", ChangedTo("Path.ChangeExtension(Path.GetTempFileName(), \".wav\")")),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "Path.GetTempFileName", ChangedTo("Path.ChangeExtension(tmp, \".pdf\")")));

        // The local itself given another name after the creation (docs/precision.md, second round): what is returned or
        // deleted from then on is that other file, and GetTempFileName's .tmp stays.
        [Fact]
        public Task LocalRenamedAfterCreation_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string Concatenated(byte[] data)
                    {
                        var t = {|#0:Path.GetTempFileName()|};
                        t = t + ".pdf";
                        File.WriteAllBytes(t, data);
                        return t;
                    }

                    string Appended(byte[] data)
                    {
                        var t = {|#1:Path.GetTempFileName()|};
                        t += ".pdf";
                        File.WriteAllBytes(t, data);
                        return t;
                    }

                    void Changed(byte[] data)
                    {
                        var t = {|#2:Path.GetTempFileName()|};
                        t = Path.ChangeExtension(t, ".wav");
                        File.WriteAllBytes(t, data);
                        File.Delete(t);
                    }

                    string Interpolated(byte[] data)
                    {
                        var t = {|#3:Path.GetTempFileName()|};
                        t = $"{t}.pdf";
                        File.WriteAllBytes(t, data);
                        return t;
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ChangedTo("t + \".pdf\"")),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Path.GetTempFileName", ChangedTo("t += \".pdf\"")),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "Path.GetTempFileName", ChangedTo("Path.ChangeExtension(t, \".wav\")")),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("file", "Path.GetTempFileName", ChangedTo("$\"{t}.pdf\"")));

        // A temp path made by a helper of the same file (docs/precision.md, first round: a path from a helper was not
        // followed): what the helper returns is the path, a method's or a local function's, with a block or an arrow.
        [Fact]
        public Task TempPathFromHelperOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static string NewTempPath() => Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");

                    static string TempFolder()
                    {
                        var root = Path.GetTempPath();
                        return Path.Combine(root, "renderer");
                    }

                    string TempPathFor(string name) => Path.Combine(Path.GetTempPath(), name);

                    void FromMethod(byte[] data)
                    {
                        var path = NewTempPath();
                        {|#0:File.WriteAllBytes(path, data)|};
                    }

                    void FromBlockBodiedMethod(byte[] data)
                        => {|#1:File.WriteAllBytes(Path.Combine(TempFolder(), Guid.NewGuid() + ".bin"), data)|};

                    void FromLocalFunction(byte[] data)
                    {
                        string Scratch() => Path.Combine(Path.GetTempPath(), $"scratch-{Guid.NewGuid():N}.bin");
                        {|#2:File.WriteAllBytes(Scratch(), data)|};
                    }

                    void NamedByTheCaller(string upload, byte[] data)
                        => {|#3:File.WriteAllBytes(TempPathFor(upload), data)|};
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("file", "File.WriteAllBytes", ""));

        // A local declared empty and given its temp path later, often inside a try (Lawiz/criptography's CreateTmpFile, in
        // a helper: docs/precision.md, first round).
        [Fact]
        public Task LocalGivenItsTempPathAfterItsDeclaration_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static string CreateTmpFile()
                    {
                        string fileName = string.Empty;
                        try
                        {
                            fileName = Path.GetTempPath() + Guid.NewGuid().ToString() + ".pem";
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex.Message);
                        }

                        return fileName;
                    }

                    void Export(string pem)
                    {
                        var tempFile = CreateTmpFile();
                        {|#0:File.WriteAllText(tempFile, pem)|};
                    }

                    void Declared(byte[] data)
                    {
                        string path;
                        path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                        {|#1:File.WriteAllBytes(path, data)|};
                    }

                    void NullFirst(byte[] data)
                    {
                        string path = null;
                        try
                        {
                            path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                            {|#2:File.WriteAllBytes(path, data)|};
                        }
                        catch (IOException)
                        {
                            throw;
                        }
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllText", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "File.WriteAllBytes", ""));

        // Given a fixed temp name later is still one file; deleted in finally is released; passed by ref, it is unknown.
        [Fact]
        public Task LocalGivenItsTempPathAfterItsDeclaration_FixedOrDeletedOrUnknown_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static void Fill(ref string path) => path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");

                    void Fixed(string json)
                    {
                        string path = "";
                        path = Path.Combine(Path.GetTempPath(), "renderer", "manifest.json");
                        File.WriteAllText(path, json);
                    }

                    void Deleted(byte[] data)
                    {
                        string path = null;
                        try
                        {
                            path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                            File.WriteAllBytes(path, data);
                        }
                        finally
                        {
                            if (path != null) File.Delete(path);
                        }
                    }

                    void ByRef(byte[] data)
                    {
                        string path = null;
                        path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                        Fill(ref path);
                        File.WriteAllBytes(path, data);
                    }
            """));

        // A helper that gives its parameter another value (n ??= a GUID) no longer returns the call's argument; an array of
        // parts made elsewhere (a params parameter, a local array) is not seen, so it is not a fixed name; a local declared
        // with null! is declared empty.
        [Fact]
        public Task HelperParameterReassignedOrPartsArrayOrNullSuppressed_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static string TempPath(string n = null)
                    {
                        n ??= Guid.NewGuid().ToString("N");
                        return Path.Combine(Path.GetTempPath(), n);
                    }

                    static string Joined(params string[] parts) => Path.Combine(parts);

                    void Reassigned(string json) => {|#0:File.WriteAllText(TempPath(), json)|};

                    void PartsOfAHelper(string json) => {|#1:File.WriteAllText(Joined(Path.GetTempPath(), Guid.NewGuid() + ".tmp"), json)|};

                    void PartsOfALocal(string json)
                    {
                        var parts = new[] { Path.GetTempPath(), Guid.NewGuid() + ".tmp" };
                        {|#2:File.WriteAllText(Path.Combine(parts), json)|};
                    }

                    void NullSuppressed(byte[] data)
                    {
                        string path = null!;
                        path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                        {|#3:File.WriteAllBytes(path, data)|};
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllText", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "File.WriteAllText", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "File.WriteAllText", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("file", "File.WriteAllBytes", ""));

        // A helper's fixed name under the temp folder is one file (its parameter read as the call's constant argument); a
        // helper's file deleted by the caller is released; a virtual helper may be overridden to return anything; a helper
        // returning a path outside the temp folder is not a temp file.
        [Fact]
        public Task TempPathFromHelper_FixedDeletedOrUnknown_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static string NewTempPath() => Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");

                    static string TempPathFor(string name, string extension = ".json") => Path.Combine(Path.GetTempPath(), name + extension);

                    static string ManifestPath() { return Path.Combine(Path.GetTempPath(), "renderer", "manifest.json"); }

                    protected virtual string Root() => Path.GetTempPath();

                    static string OutputPath() => Path.Combine(AppContext.BaseDirectory, "out", Guid.NewGuid() + ".pdf");

                    void Fixed(string json)
                    {
                        File.WriteAllText(TempPathFor("manifest"), json);
                        File.WriteAllText(ManifestPath(), json);
                    }

                    void Deleted(byte[] data)
                    {
                        var path = NewTempPath();
                        try
                        {
                            File.WriteAllBytes(path, data);
                        }
                        finally
                        {
                            File.Delete(path);
                        }
                    }

                    string Returned(byte[] data)
                    {
                        var path = NewTempPath();
                        File.WriteAllBytes(path, data);
                        return path;
                    }

                    void Overridable(byte[] data) => File.WriteAllBytes(Path.Combine(Root(), Guid.NewGuid() + ".bin"), data);

                    void NotTemp(byte[] data) => File.WriteAllBytes(OutputPath(), data);
            """));

        // The same file by another spelling, a rename before the creation (the new name is the created file), or a
        // release before the rename: nothing is left.
        [Fact]
        public Task LocalRenamedToTheSameFileOrBeforeTheCreation_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string FullPath(byte[] data)
                    {
                        var t = Path.GetTempFileName();
                        t = Path.GetFullPath(t);
                        File.WriteAllBytes(t, data);
                        return t;
                    }

                    string RenamedFirst(byte[] data)
                    {
                        var t = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        t += ".pdf";
                        File.WriteAllBytes(t, data);
                        return t;
                    }

                    string MovedThenRenamed(byte[] data)
                    {
                        var t = Path.GetTempFileName();
                        File.Move(t, t + ".pdf");
                        t += ".pdf";
                        File.WriteAllBytes(t, data);
                        return t;
                    }

                    void DeletedThenRenamed(byte[] data)
                    {
                        var t = Path.GetTempFileName();
                        File.WriteAllBytes(t, data);
                        File.Delete(t);
                        t = t + ".bak";
                        File.Delete(t);
                    }

                    // A path inside the created folder is handed over as `return Path.Combine(dir, "out")` is.
                    string CombinedIntoTheFolder()
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        Directory.CreateDirectory(dir);
                        dir = Path.Combine(dir, "out");
                        return dir;
                    }

                    string JoinedIntoTheFolder()
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        Directory.CreateDirectory(dir);
                        dir = Path.Join(dir, "out");
                        return dir;
                    }
            """));

        [Fact]
        public Task ExtensionChangedByAMove_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Convert(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        var pdf = Path.ChangeExtension(tmp, ".pdf");
                        File.Move(tmp, pdf);
                        File.WriteAllBytes(pdf, data);
                        File.Delete(pdf);
                    }

                    void BothDeleted(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        var wav = Path.ChangeExtension(tmp, ".wav");
                        File.WriteAllBytes(wav, data);
                        File.Delete(wav);
                        File.Delete(tmp);
                    }
            """));

        [Fact]
        public Task StaleFileGuardBeforeTheCreation_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Export(string folder)
                    {
                        var zipPath = Path.Combine(Path.GetTempPath(), $"export_{Guid.NewGuid():N}.zip");
                        if (File.Exists(zipPath)) File.Delete(zipPath);
                        [|System.IO.Compression.ZipFile.CreateFromDirectory(folder, zipPath)|];
                    }
            """));

        [Fact]
        public Task FixedNameThenGivenAnotherName_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Reassigned(string title, bool fresh)
                    {
                        var path = Path.Combine(Path.GetTempPath(), "render.html");
                        if (fresh)
                        {
                            path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".html");
                        }

                        [|File.WriteAllText(path, title)|];
                    }

                    void Appended(string title)
                    {
                        var path = Path.Combine(Path.GetTempPath(), "render-");
                        path += title;
                        [|File.WriteAllText(path, title)|];
                    }

                    void ByOut(string title)
                    {
                        var path = Path.Combine(Path.GetTempPath(), "render.html");
                        Pick(out path);
                        [|File.WriteAllText(path, title)|];
                    }

                    void Deconstructed(string title)
                    {
                        var path = Path.Combine(Path.GetTempPath(), "render.html");
                        (path, title) = (Path.Combine(Path.GetTempPath(), title), "x");
                        [|File.WriteAllText(path, title)|];
                    }

                    static void Pick(out string path) => path = Path.GetTempPath() + Guid.NewGuid();
            """));

        [Fact]
        public Task FixedNameThenGivenAnotherFixedName_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Reassigned(string title, bool html)
                    {
                        var path = Path.Combine(Path.GetTempPath(), "render.txt");
                        if (html)
                        {
                            path = Path.Combine(Path.GetTempPath(), "render.html");
                        }

                        path ??= Path.GetTempPath() + "render.bak";
                        File.WriteAllText(path, title);
                    }
            """));

        [Fact]
        public Task TempFolderInLocalsAndField_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "renderer");

                    void ViaLocals(string title)
                    {
                        var tmp = Path.GetTempPath();
                        var dir = Path.Combine(tmp, "renderer");
                        var file = Path.Combine(dir, title + ".html");
                        [|File.WriteAllText(file, title)|];
                    }

                    void ViaField(string title)
                    {
                        [|File.WriteAllText(Path.Combine(Scratch, title), title)|];
                    }
            """));

        // A readonly temp-root field given its value in the constructor rather than by an initializer
        // (Emmo65/PDFHelper.Api, docs/precision.md): the files under it are temp files too.
        [Fact]
        public Task TempFolderFieldAssignedInConstructor_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly string _scratch;
                    private static readonly string Shared;

                    static Renderer() => Shared = Path.Combine(Path.GetTempPath(), "shared");

                    public Renderer()
                    {
                        _scratch = Path.Combine(Path.GetTempPath(), "renderer");
                        Directory.CreateDirectory(_scratch);
                    }

                    public Renderer(int _) : this()
                    {
                    }

                    string Render(string title)
                    {
                        var file = Path.Combine(_scratch, Guid.NewGuid() + ".html");
                        [|File.WriteAllText(file, title)|];
                        [|File.WriteAllText(Path.Combine(Shared, Guid.NewGuid() + ".html"), title)|];
                        return title;
                    }
            """));

        [Fact]
        public Task FixedNameUnderTempFolderFieldAssignedInConstructor_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly string _scratch;
                    private readonly string _last;

                    public Renderer()
                    {
                        _scratch = Path.Combine(Path.GetTempPath(), "renderer");
                        this._last = Path.Combine(_scratch, "last.html");
                    }

                    void Overwritten(string title)
                    {
                        // One file each, overwritten on every call.
                        File.WriteAllText(Path.Combine(_scratch, "render.html"), title);
                        File.WriteAllText(_last, title);
                    }
            """));

        // Not every constructor gives a temp root, the field is not readonly, or a constructor gives it a value through a
        // ref or a deconstruction: the folder is not known to be the temp folder.
        [Fact]
        public Task FieldNotAlwaysTheTempFolder_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly string _mixed;
                    private string _writable;
                    private readonly string _byRef;
                    private readonly string _deconstructed;

                    public Renderer()
                    {
                        _mixed = Path.Combine(Path.GetTempPath(), "renderer");
                        _writable = Path.Combine(Path.GetTempPath(), "renderer");
                        _byRef = Path.GetTempPath();
                        Init(ref _byRef);
                        _deconstructed = Path.GetTempPath();
                    }

                    public Renderer(string folder)
                    {
                        _mixed = folder;
                        _writable = Path.Combine(Path.GetTempPath(), "renderer");
                        _byRef = Path.GetTempPath();
                        (_deconstructed, var n) = (folder, 1);
                    }

                    static void Init(ref string folder) => folder = "/srv/renders";

                    // Not readonly: any method can point it elsewhere.
                    void Configure(string folder) => _writable = folder;

                    void Render(string title)
                    {
                        File.WriteAllText(Path.Combine(_mixed, Guid.NewGuid() + ".html"), title);
                        File.WriteAllText(Path.Combine(_writable, Guid.NewGuid() + ".html"), title);
                        File.WriteAllText(Path.Combine(_byRef, Guid.NewGuid() + ".html"), title);
                        File.WriteAllText(Path.Combine(_deconstructed, Guid.NewGuid() + ".html"), title);
                    }
            """));

        [Fact]
        public Task UniqueTempFolders_ReportedOnceOnTheFolder_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string[] Extract(Stream zip)
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                        [|Directory.CreateDirectory(dir)|];
                        using var archive = new System.IO.Compression.ZipArchive(zip);
                        System.IO.Compression.ZipFileExtensions.ExtractToDirectory(archive, dir);
                        File.WriteAllText(Path.Combine(dir, "manifest.txt"), "x");
                        return Directory.GetFiles(dir);
                    }

                    void ExtractOnly(string zipPath)
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        [|System.IO.Compression.ZipFile.ExtractToDirectory(zipPath, dir)|];
                    }

                    void Zip(string source)
                    {
                        [|System.IO.Compression.ZipFile.CreateFromDirectory(source, Path.Combine(Path.GetTempPath(), "export-" + Guid.NewGuid() + ".zip"))|];
                    }
            """));

        [Fact]
        public Task LinesOfTheFileKeptInAList_ReportsDiagnostic()
            // The lines File.ReadLines reads are the file's content, not its location: keeping them hands nothing over.
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    List<string> Lines(string text)
                    {
                        var tmp = [|Path.GetTempFileName()|];
                        File.WriteAllText(tmp, text);
                        var lines = new List<string>();
                        foreach (var line in File.ReadLines(tmp))
                        {
                            lines.Add(line);
                        }

                        return lines;
                    }
            """));

        [Fact]
        public Task TopLevelStatements_ReportsDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<PM2001TempFileNeverDeletedAnalyzer>.Test("""
                using System.IO;

                var scratch = {|#0:Path.GetTempFileName()|};
                File.WriteAllText(scratch, "report");
                System.Console.WriteLine(File.ReadAllText(scratch));
                """);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""));
            return test.RunAsync();
        }

        [Fact]
        public Task LambdaInFieldInitializer_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System;
                using System.IO;

                public static class Renderer
                {
                    public static readonly Func<string, int> Render = title =>
                    {
                        var scratch = {|#0:Path.GetTempFileName()|};
                        File.WriteAllText(scratch, title);
                        return File.ReadAllBytes(scratch).Length;
                    };
                }
                """,
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""));

        [Fact]
        public Task NameWrittenWithEscape_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.IO;

                class Renderer
                {
                    string Render(string title)
                    {
                        var scratch = {|#0:Path.\u0047etTempFileName()|};
                        File.WriteAllText(scratch, title);
                        return File.ReadAllText(scratch);
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""));

        [Fact]
        public Task NestedTypes_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.IO;

                public static class Outer
                {
                    public static string Render(string title)
                    {
                        var scratch = {|#0:Path.GetTempFileName()|};
                        File.WriteAllText(scratch, title);
                        return File.ReadAllText(scratch);
                    }

                    public static class Inner
                    {
                        public static string Render(string title)
                        {
                            var scratch = {|#1:Path.GetTempFileName()|};
                            File.WriteAllText(scratch, title);
                            return File.ReadAllText(scratch);
                        }
                    }
                }
                """,
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Path.GetTempFileName", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Path.GetTempFileName", ""));

        // Real-world round 13 (PowerShell's New-TemporaryFile): a cmdlet's WriteObject hands its result to the pipeline, as
        // a return does; the user who asked for a temp file deletes it. A WriteObject of another type is an ordinary call.
        private const string PowerShellStubs = """

            namespace System.Management.Automation
            {
                public interface ICommandRuntime { void WriteObject(object sendToPipeline); }
                public abstract class Cmdlet
                {
                    public void WriteObject(object sendToPipeline) { }
                    public void WriteObject(object sendToPipeline, bool enumerateCollection) { }
                }
                public abstract class PSCmdlet : Cmdlet { }
            }
            """;

        [Fact]
        public Task TempFileWrittenToThePowerShellPipeline_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Management.Automation;

                public sealed class NewTemporaryFileCommand : PSCmdlet
                {
                    public ICommandRuntime Runtime { get; set; }

                    protected void EndProcessing()
                    {
                        var path = Path.GetTempFileName();
                        WriteObject(new FileInfo(path));
                    }

                    protected void AsPath()
                    {
                        var path = Path.GetTempFileName();
                        WriteObject(path, false);
                    }

                    protected void ThroughTheRuntime()
                    {
                        var path = Path.GetTempFileName();
                        Runtime.WriteObject(new FileInfo(path));
                    }
                }
                """ + PowerShellStubs);

        [Fact]
        public Task TempFileGivenToAnotherWriteObject_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                public sealed class Exporter
                {
                    public void WriteObject(object value) { }

                    public void Export()
                    {
                        var path = [|Path.GetTempFileName()|];
                        WriteObject(new FileInfo(path));
                    }
                }
                """ + PowerShellStubs);

        [Fact]
        public Task FixedTempFolder_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Cache()
                    {
                        var dir = Path.Combine(Path.GetTempPath(), "myapp-cache");
                        Directory.CreateDirectory(dir);
                    }
            """));

        [Fact]
        public Task PassedToOrdinaryMethodOrReadResult_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    byte[] Render(string title)
                    {
                        var scratch = [|Path.GetTempFileName()|];
                        Fill(scratch, title);
                        Console.WriteLine(scratch);
                        return File.ReadAllBytes(scratch);
                    }

                    void Fill(string path, string title) => File.WriteAllText(path, title);

                    async Task<string> RenderAsync(string title)
                    {
                        var scratch = [|Path.GetTempFileName()|];
                        await File.WriteAllTextAsync(scratch, title);
                        return await File.ReadAllTextAsync(scratch);
                    }

                    void InLambda()
                    {
                        Action a = () => File.WriteAllText([|Path.GetTempFileName()|], "x");
                        a();
                    }
            """));

        [Fact]
        public Task DeleteOfAnotherFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    var scratch = [|Path.GetTempFileName()|];
                    var other = Path.Combine("out", title);
                    File.WriteAllText(scratch, title);
                    File.Delete(other);
                    return data;
            """));

        // ------------------------------------------------------------ safe forms

        [Theory]
        [InlineData("File.Delete(scratch);")]
        [InlineData("new FileInfo(scratch).Delete();")]
        [InlineData("if (data.Length > 0) { File.Delete(scratch); }")]
        [InlineData("try { File.WriteAllText(scratch, title); } finally { File.Delete(scratch); }")]
        [InlineData("File.Move(scratch, Path.Combine(\"archive\", title));")]
        [InlineData("_files.Add(scratch);")]
        [InlineData("_last = scratch;")]
        [InlineData("Last = scratch;")]
        [InlineData("_queue.Enqueue(new Job(scratch));")]
        [InlineData("var job = new Job(scratch);")]
        [InlineData("_cleanup = () => File.Delete(scratch);")]
        [InlineData("using (var s = new FileStream(scratch, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose)) { }")]
        [InlineData("using (var s = File.Create(scratch, 4096, FileOptions.DeleteOnClose)) { }")]
        [InlineData("var copy = scratch; File.Delete(copy);")]
        [InlineData("var info = new FileInfo(scratch); info.Delete();")]
        [InlineData("if (new FileInfo(scratch) is { Exists: true } info) { info.Delete(); }")]
        [InlineData("if (new FileInfo(scratch) is FileInfo info) { info.Delete(); }")]
        // Named arguments in another order (the twenty-seventh session's review: the first written was taken for the source).
        [InlineData("File.Move(destFileName: Path.Combine(\"archive\", title), sourceFileName: scratch);")]
        [InlineData("File.Replace(destinationBackupFileName: null, destinationFileName: title, sourceFileName: scratch);")]
        [InlineData("using (var s = new FileStream(options: FileOptions.DeleteOnClose, bufferSize: 4096, share: FileShare.None, access: FileAccess.ReadWrite, mode: FileMode.Open, path: scratch)) { }")]
        public Task DeletedOrHandedOver_NoDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync(InClass($$"""
                    private readonly List<string> _files = new();
                    private readonly Queue<Job> _queue = new();
                    private string? _last;
                    private Action? _cleanup;

                    public string? Last { get; set; }

                    byte[] Render(string title, byte[] data)
                    {
                        var scratch = Path.GetTempFileName();
                        File.WriteAllText(scratch, title);
                        {{statement}}
                        return data;
                    }

                    sealed record Job(string Path);
            """));

        // A collection expression (C# 12) holds what is placed in it, as an array initializer does (the twenty-seventh
        // session's review: three false positives, the kind unknown to the Roslyn the analyzers are built against).
        [Fact]
        public Task HandedOverInACollectionExpression_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private string[] _all = [];

                    string[] Files() => [Path.GetTempFileName()];

                    List<string> Listed()
                    {
                        var t = Path.GetTempFileName();
                        return [t];
                    }

                    void Store() => _all = [.. _all, Path.GetTempFileName()];
            """));

        [Fact]
        public Task ReturnedOrOutOrCapturedByReturnedLambda_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string CreateScratch() => Path.GetTempFileName();

                    string CreateScratch2()
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".tmp");
                        File.WriteAllText(path, "");
                        return path;
                    }

                    FileStream OpenScratch()
                    {
                        var path = Path.Combine(Path.GetTempPath(), "x.tmp");
                        return new FileStream(path, FileMode.Create);
                    }

                    FileStream OpenScratch2() => File.Create(Path.Combine(Path.GetTempPath(), "y.tmp"));

                    DirectoryInfo Workspace() => Directory.CreateTempSubdirectory();

                    void TryCreate(out string path)
                    {
                        path = Path.GetTempFileName();
                    }

                    (string Path, long Size) CreateWithSize()
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, "abc");
                        return (path, new FileInfo(path).Length);
                    }

                    Action CreateWithCleanup()
                    {
                        var path = Path.GetTempFileName();
                        return () => File.Delete(path);
                    }

                    IEnumerable<string> Many()
                    {
                        yield return Path.GetTempFileName();
                    }

                    private readonly string _scratch = Path.GetTempFileName();
            """));

        // A helper of the same file that creates a temporary file and returns it hands it to its caller: the call is where
        // the file must be deleted (an S3 upload helper seen in the code search: docs/precision.md, twelfth session).
        [Fact]
        public Task TempFileReturnedByHelperOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string CreateScratch() => Path.GetTempFileName();

                    static string Render(string text)
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
                        File.WriteAllText(path, text);
                        return path;
                    }

                    async Task<string> DownloadAsync(byte[] data)
                    {
                        var path = Path.GetTempFileName();
                        await File.WriteAllBytesAsync(path, data);
                        return path;
                    }

                    static DirectoryInfo Workspace() => Directory.CreateTempSubdirectory("render");

                    string Leaks(string text)
                    {
                        var path = {|#5:Path.GetTempFileName()|};
                        File.WriteAllText(path, text);
                        return text;
                    }

                    byte[] Read(string title)
                    {
                        var path = {|#0:CreateScratch()|};
                        File.WriteAllText(path, title);
                        return File.ReadAllBytes(path);
                    }

                    void Print(string text) => Console.WriteLine(File.ReadAllText({|#1:Render(text)|}));

                    async Task<long> SizeAsync(byte[] data)
                    {
                        var path = await {|#2:DownloadAsync(data)|};
                        return new FileInfo(path).Length;
                    }

                    void Build()
                    {
                        var dir = {|#3:Workspace()|};
                        File.WriteAllText(Path.Combine(dir.FullName, "page.html"), "<html/>");
                    }

                    void FromLocalFunction(string title)
                    {
                        string Scratch() => Path.GetTempFileName();
                        File.WriteAllText({|#4:Scratch()|}, title);
                        Console.WriteLine(Leaks(title));
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "CreateScratch", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "Render", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "DownloadAsync", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("folder", "Workspace", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(4).WithArguments("file", "Scratch", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(5).WithArguments("file", "Path.GetTempFileName", ""));

        // Real-world round 27 (Masuda.QQNT's image download): a name made from GetTempFileName's (`+ ".png"`, interpolated,
        // Path.ChangeExtension) is another file in the temp folder, left behind when nothing deletes it, also after the empty
        // .tmp was deleted; a helper returning it hands it to its caller (besides leaking its own .tmp).
        [Fact]
        public Task NameMadeFromTempFileName_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    long Leak(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        File.Delete(tmp);
                        var png = tmp + ".png";
                        {|#0:File.WriteAllBytes(png, data)|};
                        return new FileInfo(png).Length;
                    }

                    void Interpolated(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        try
                        {
                            {|#1:File.WriteAllBytes($"{tmp}.png", data)|};
                            using var wav = {|#2:File.Create(Path.ChangeExtension(tmp, ".wav"))|};
                        }
                        finally
                        {
                            File.Delete(tmp);
                        }
                    }

                    // Through two locals (the twenty-seventh session's last review).
                    void Copied(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        File.Delete(tmp);
                        var made = tmp + ".png";
                        var png = made;
                        {|#7:File.WriteAllBytes(png, data)|};
                    }

                    // Through `!` and a cast in the local's initializer (the last review).
                    void Suppressed(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        File.Delete(tmp);
                        var png = Path.ChangeExtension(tmp, ".png")!;
                        var gif = (string)(tmp + ".gif");
                        {|#5:File.WriteAllBytes(png, data)|};
                        {|#6:File.WriteAllBytes(gif, data)|};
                    }

                    static string Download(byte[] data)
                    {
                        var name = $"{{|#3:Path.GetTempFileName()|}}.png";
                        File.WriteAllBytes(name, data);
                        return name;
                    }

                    long Use(byte[] data) => new FileInfo({|#4:Download(data)|}).Length;
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(2).WithArguments("file", "File.Create", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(3).WithArguments("file", "Path.GetTempFileName", ChangedTo("$\"{Path.GetTempFileName()}.png\"")),
                VerifyCS.Diagnostic("PM2001").WithLocation(4).WithArguments("file", "Download", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(5).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(6).WithArguments("file", "File.WriteAllBytes", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(7).WithArguments("file", "File.WriteAllBytes", ""));

        // The name GetTempFileName returned is its own file (reported at the call, not again where it is written); a name
        // made from it that is deleted, or a path inside it (a folder made where the file was), is no new file left.
        [Fact]
        public Task NameMadeFromTempFileNameDeletedOrTheSameFile_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    long Png(byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        var png = tmp + ".png";
                        try
                        {
                            File.WriteAllBytes(png, data);
                            File.WriteAllBytes(tmp, data);
                            return new FileInfo(png).Length;
                        }
                        finally
                        {
                            File.Delete(png);
                            File.Delete(tmp);
                        }
                    }

                    void Folder(string text)
                    {
                        var dir = Path.GetTempFileName();
                        File.Delete(dir);
                        Directory.CreateDirectory(dir);
                        try
                        {
                            File.WriteAllText(Path.Combine(dir, "page.html"), text);
                        }
                        finally
                        {
                            Directory.Delete(dir, true);
                        }
                    }

                    void Elsewhere(string outDir, byte[] data)
                    {
                        var tmp = Path.GetTempFileName();
                        File.Delete(tmp);
                        File.WriteAllBytes(Path.Combine(outDir, Path.GetFileName(tmp) + ".png"), data);
                        File.WriteAllBytes(outDir + tmp.Length, data);
                    }

                    // The local is given a name in another folder before the derived name is made (the third review).
                    void Moved(string outDir, byte[] data)
                    {
                        var name = Path.GetTempFileName();
                        File.Delete(name);
                        name = Path.Combine(outDir, Path.GetFileName(name));
                        File.WriteAllBytes(name + ".png", data);
                    }
            """));

        // The caller deletes, returns, stores or hands over what the helper returns; or the helper deletes or keeps the file
        // itself, names one fixed file, writes outside the temp folder, or can be overridden.
        [Fact]
        public Task TempFileReturnedByHelper_ReleasedByTheCallerOrNotHandedOver_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private string _last = "";
                    private string? _cache;

                    sealed class TempFile : IDisposable
                    {
                        public TempFile(string path) => Path = path;
                        public string Path { get; }
                        public void Dispose() => File.Delete(Path);
                    }

                    string CreateScratch() => Path.GetTempFileName();

                    string ReadThrough(string text)
                    {
                        var path = Path.GetTempFileName();
                        try
                        {
                            File.WriteAllText(path, text);
                            return File.ReadAllText(path);
                        }
                        finally
                        {
                            File.Delete(path);
                        }
                    }

                    string Cached() => _cache ??= Path.GetTempFileName();

                    static string Fixed()
                    {
                        var path = Path.Combine(Path.GetTempPath(), "app.lock");
                        File.WriteAllText(path, "");
                        return path;
                    }

                    static string Export()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        File.WriteAllText(path, "");
                        return path;
                    }

                    protected virtual string Overridable() => Path.GetTempFileName();

                    FileStream OpenScratch() => File.Create(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".tmp"));

                    byte[] Deleted(string title)
                    {
                        var path = CreateScratch();
                        try
                        {
                            File.WriteAllText(path, title);
                            return File.ReadAllBytes(path);
                        }
                        finally
                        {
                            File.Delete(path);
                        }
                    }

                    string Returned() => CreateScratch();

                    void Stored() => _last = CreateScratch();

                    void HandedOver(string title)
                    {
                        using var temp = new TempFile(CreateScratch());
                        File.WriteAllText(temp.Path, title);
                    }

                    void NotHandedOver(string title)
                    {
                        Console.WriteLine(ReadThrough(title));
                        File.WriteAllText(Cached(), title);
                        File.WriteAllText(Fixed(), title);
                        File.WriteAllText(Export(), title);
                        File.WriteAllText(Overridable(), title);
                        using var stream = OpenScratch();
                        stream.WriteByte(1);
                    }
            """));

        // Real-world round 11 (Jackett's updater): a path inside the temp folder made by a helper of the same file
        // (GetUpdaterPath(tempDir) returning Path.Combine(tempDirectory, …)) carries the folder as an inline Path.Combine
        // does, so handing it to a process that runs from the folder is a hand-over; "Delete in finally" there deleted the
        // updater's folder while it started. Also: a process started on the file or in the folder takes it over.
        [Fact]
        public Task TempFolderPathFromAHelperOrGivenToAProcess_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    string GetUpdaterPath(string tempDirectory) => Path.Combine(tempDirectory, "App", "Updater");

                    static string Inside(string folder)
                    {
                        return folder.Length > 0 ? Path.Combine(folder, "run.exe") : folder;
                    }

                    void StartUpdate(string updaterExePath)
                        => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo { FileName = updaterExePath, UseShellExecute = false });

                    void Update(byte[] package)
                    {
                        var tempDir = Path.Combine(Path.GetTempPath(), "AppUpdate-" + DateTime.Now.Ticks);
                        Directory.CreateDirectory(tempDir);
                        File.WriteAllBytes(Path.Combine(tempDir, "Update.zip"), package);
                        var updaterPath = GetUpdaterPath(tempDir);
                        StartUpdate(updaterPath);
                    }

                    void Run(byte[] package)
                    {
                        var folder = Path.Combine(Path.GetTempPath(), "run-" + Guid.NewGuid());
                        Directory.CreateDirectory(folder);
                        System.Diagnostics.Process.Start(Inside(folder));
                    }

                    void Open(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        System.Diagnostics.Process.Start("notepad", path);
                    }

                    // Held in a local and not waited for (another process's wait does not count): still the process's.
                    void OpenHeld(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        using var p = System.Diagnostics.Process.Start("notepad", path);
                        using var other = System.Diagnostics.Process.Start("indexer");
                        other.WaitForExit();
                        Console.WriteLine(p.Id);
                    }

                    // The review's look-alikes: a wait with a timeout (the process may still hold the file when it returns),
                    // a wait in a lambda or a local function (it may never run, or not here), a wait before the start, a
                    // local assigned another process before its wait: still the process's.
                    void OpenWithTimeout(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        using var p = System.Diagnostics.Process.Start("notepad", path);
                        if (!p.WaitForExit(1000)) Console.WriteLine("still open");
                    }

                    void OpenChainedWithTimeout(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        System.Diagnostics.Process.Start("notepad", path).WaitForExit(1000);
                    }

                    void OpenWaitedElsewhere(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        _ = Task.Run(() => p.WaitForExit());
                        void Wait() => p.WaitForExit();
                    }

                    void OpenWaitedBefore(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("indexer");
                        p.WaitForExit();
                        p = System.Diagnostics.Process.Start("notepad", path);
                    }

                    void OpenReassigned(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        p = System.Diagnostics.Process.Start("indexer");
                        p.WaitForExit();
                    }

                    // The second review: written again through ??=, a deconstruction or an out argument.
                    void OpenReassignedOtherwise(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        p ??= System.Diagnostics.Process.Start("indexer");
                        p.WaitForExit();
                    }

                    void OpenDeconstructed(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        int x;
                        (p, x) = (System.Diagnostics.Process.Start("indexer"), 0);
                        p.WaitForExit();
                    }

                    void OpenDeconstructedNested(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        int x, y;
                        ((p, x), y) = ((System.Diagnostics.Process.Start("indexer"), 0), 1);
                        p.WaitForExit();
                    }

                    static void Other(out System.Diagnostics.Process process) => process = System.Diagnostics.Process.Start("indexer");

                    void OpenSwapped(string text)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        var p = System.Diagnostics.Process.Start("notepad", path);
                        Other(out p);
                        p.WaitForExit();
                    }

                    // Jackett's StartUpdate: Path.Combine of one part, and of five, bind to the params overload.
                    void StartInfo(string updaterExePath)
                    {
                        var startInfo = new System.Diagnostics.ProcessStartInfo();
                        startInfo.FileName = Path.Combine(updaterExePath);
                        System.Diagnostics.Process.Start(startInfo);
                    }

                    void Deep(byte[] package)
                    {
                        var tempDir = Path.Combine(Path.GetTempPath(), "AppUpdate-" + Guid.NewGuid());
                        Directory.CreateDirectory(tempDir);
                        StartInfo(GetUpdaterPath(tempDir));
                        var other = Path.Combine(Path.GetTempPath(), "AppRun-" + Guid.NewGuid());
                        Directory.CreateDirectory(other);
                        System.Diagnostics.Process.Start(Path.Combine(other, "a", "b", "c", "run.exe"));
                    }
            """));

        // A helper whose value is another path (beside the folder, or unrelated to its parameter) carries nothing.
        [Fact]
        public Task TempFolderGivenToAHelperReturningAnotherPath_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static string Beside(string folder) => folder + ".zip";

                    static string Log(string folder) => Path.Combine("logs", "update.log");

                    void StartUpdate(string exe)
                        => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo { FileName = exe });

                    void Update(byte[] package)
                    {
                        var tempDir = Path.Combine(Path.GetTempPath(), "AppUpdate-" + DateTime.Now.Ticks);
                        [|Directory.CreateDirectory(tempDir)|];
                        File.WriteAllBytes(Path.Combine(tempDir, "Update.zip"), package);
                        StartUpdate(Beside(tempDir));
                        StartUpdate(Log(tempDir));
                    }

                    // The review of round 11's change: a process waited for right there hands nothing over.
                    void Convert(string text)
                    {
                        var path = [|Path.GetTempFileName()|];
                        File.WriteAllText(path, text);
                        System.Diagnostics.Process.Start("converter", path).WaitForExit();
                    }

                    // Real-world round 33 (GitHubConsole's editor, its delete removed): waited for through the local that
                    // holds it, a using declaration or statement included.
                    string Edit(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        using (var p = System.Diagnostics.Process.Start("editor", tmp)) p.WaitForExit();
                        return File.ReadAllText(tmp);
                    }

                    string EditAgain(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        var p = System.Diagnostics.Process.Start("editor", tmp);
                        p.WaitForExit();
                        return File.ReadAllText(tmp);
                    }

                    async Task<string> EditAsync(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        using var p = System.Diagnostics.Process.Start("editor", tmp);
                        await p.WaitForExitAsync();
                        return File.ReadAllText(tmp);
                    }

                    // The review's forms: `?.` (Process.Start returns Process?), `?? throw`, a local assigned later.
                    string EditNullable(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        using var p = System.Diagnostics.Process.Start("editor", tmp);
                        p?.WaitForExit();
                        return File.ReadAllText(tmp);
                    }

                    string EditOrThrow(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        using var p = System.Diagnostics.Process.Start("editor", tmp) ?? throw new InvalidOperationException();
                        p.WaitForExit();
                        return File.ReadAllText(tmp);
                    }

                    // Chained through ?. (Process.Start returns Process?): waited for right there.
                    string EditChainedNullable(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        System.Diagnostics.Process.Start("editor", tmp)?.WaitForExit();
                        return File.ReadAllText(tmp);
                    }

                    // The third review: a write of the local after the wait changes nothing.
                    string EditThenForget(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        var p = System.Diagnostics.Process.Start("editor", tmp);
                        p.WaitForExit();
                        p = null;
                        return File.ReadAllText(tmp);
                    }

                    // -1 (Timeout.Infinite) waits for the end.
                    string EditInfinite(string text)
                    {
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        using var p = System.Diagnostics.Process.Start("editor", tmp);
                        p.WaitForExit(System.Threading.Timeout.Infinite);
                        return File.ReadAllText(tmp);
                    }

                    string EditAssigned(string text)
                    {
                        System.Diagnostics.Process p;
                        var tmp = Path.GetTempPath() + Guid.NewGuid() + ".txt";
                        [|File.WriteAllText(tmp, text)|];
                        p = System.Diagnostics.Process.Start("editor", tmp);
                        p.WaitForExit();
                        return File.ReadAllText(tmp);
                    }
            """));

        // The caller names the temp file and a helper of the same file creates it from its parameter: the call is where the
        // file is made, and the caller never deletes it.
        [Fact]
        public Task TempPathPassedToHelperCreatingTheFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    static void Render(string html, string target) => File.WriteAllText(target, html);

                    static async Task DownloadAsync(byte[] data, string folder, string name)
                    {
                        Directory.CreateDirectory(folder);
                        await File.WriteAllBytesAsync(Path.Combine(folder, name), data);
                    }

                    byte[] Pdf(string html)
                    {
                        var tmp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
                        {|#0:Render(html, tmp)|};
                        return File.ReadAllBytes(tmp);
                    }

                    async Task<long> SizeAsync(byte[] data)
                    {
                        var work = Path.Combine(Path.GetTempPath(), "downloads", Guid.NewGuid().ToString("N"));
                        await {|#1:DownloadAsync(data, work, "data.bin")|};
                        return new DirectoryInfo(work).GetFiles().Length;
                    }
            """),
                VerifyCS.Diagnostic("PM2001").WithLocation(0).WithArguments("file", "Render", ""),
                VerifyCS.Diagnostic("PM2001").WithLocation(1).WithArguments("folder", "DownloadAsync", ""));

        // The caller deletes or hands over the file; the temp name is fixed; the helper deletes the file itself; the path is
        // not under the temp folder; or the argument is not what the helper writes to.
        [Fact]
        public Task TempPathPassedToHelper_DeletedFixedOrNotTheFile_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly List<string> _pending = new();

                    static void Render(string html, string target) => File.WriteAllText(target, html);

                    static void RenderAndCheck(string html, string target)
                    {
                        File.WriteAllText(target, html);
                        File.Delete(target);
                    }

                    static void Log(string message) => File.AppendAllText("logs/render.log", message);

                    static string ReadBack(string path) => File.ReadAllText(path);

                    static async Task DownloadAsync(byte[] data, string folder, string name)
                    {
                        Directory.CreateDirectory(folder);
                        await File.WriteAllBytesAsync(Path.Combine(folder, name), data);
                    }

                    // One cache folder per user, reused: a folder accumulates only when its name is unique per call.
                    async Task CacheAsync(byte[] data, string user)
                    {
                        await DownloadAsync(data, Path.Combine(Path.GetTempPath(), "cache", user), "data.bin");
                    }

                    byte[] Deleted(string html)
                    {
                        var tmp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
                        try
                        {
                            Render(html, tmp);
                            return File.ReadAllBytes(tmp);
                        }
                        finally
                        {
                            File.Delete(tmp);
                        }
                    }

                    void HandedOver(string html)
                    {
                        var tmp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
                        Render(html, tmp);
                        _pending.Add(tmp);
                    }

                    void NotLeft(string html)
                    {
                        Render(html, Path.Combine(Path.GetTempPath(), "last-render.pdf"));
                        RenderAndCheck(html, Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf"));
                        Render(html, Path.Combine("exports", Guid.NewGuid() + ".pdf"));
                        Log(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf"));
                        Console.WriteLine(ReadBack(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf")));
                    }
            """));

        [Fact]
        public Task DeleteOnCloseThroughBaseConstructorOptionsOrLocal_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public class TempFileStream : FileStream
                    {
                        public TempFileStream()
                            : base(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.DeleteOnClose)
                        {
                        }

                        public TempFileStream(int bufferSize)
                            : this(Path.GetTempFileName(), bufferSize)
                        {
                        }

                        private TempFileStream(string path, int bufferSize)
                            : base(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize, FileOptions.DeleteOnClose)
                        {
                        }
                    }

                    void WithOptions(byte[] data)
                    {
                        var path = Path.GetTempFileName();
                        using var s = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose });
                        s.Write(data);
                    }

                    void OpenWithOptions(byte[] data)
                    {
                        var path = Path.GetTempFileName();
                        var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose };
                        using var s = File.Open(path, options);
                        s.Write(data);
                    }

                    void WithLocal(byte[] data)
                    {
                        var path = Path.GetTempFileName();
                        var options = FileOptions.DeleteOnClose;
                        using var s = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096, options);
                        s.Write(data);
                    }

                    void CreatedWithLocal(byte[] data)
                    {
                        var options = FileOptions.DeleteOnClose | FileOptions.Asynchronous;
                        using var s = new FileStream(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, options);
                        s.Write(data);
                    }
            """));

        [Fact]
        public Task OptionsWithoutDeleteOnClose_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void WithOptions(byte[] data)
                    {
                        var path = [|Path.GetTempFileName()|];
                        using var s = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous });
                        s.Write(data);
                    }

                    void WithLocal(byte[] data)
                    {
                        var options = FileOptions.Asynchronous;
                        using var s = [|new FileStream(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, options)|];
                        s.Write(data);
                    }
            """));

        [Fact]
        public Task TempPathInParameterStoredOrDeleted_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    public sealed class LocalFile : IDisposable
                    {
                        public LocalFile(string? path = null)
                        {
                            path ??= Path.GetTempFileName();
                            FilePath = path;
                        }

                        public LocalFile(string? path, bool create)
                        {
                            if (path == null)
                            {
                                path = Path.GetTempFileName();
                            }

                            FilePath = path;
                        }

                        public string FilePath { get; }

                        public void Dispose() => File.Delete(FilePath);
                    }

                    void Scratch(string? path, string title)
                    {
                        path ??= Path.GetTempFileName();
                        try
                        {
                            File.WriteAllText(path, title);
                        }
                        finally
                        {
                            File.Delete(path);
                        }
                    }
            """));

        [Fact]
        public Task TempPathInParameterOnlyUsed_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    byte[] Render(string? path, string title)
                    {
                        path ??= [|Path.GetTempFileName()|];
                        File.WriteAllText(path, title);
                        return File.ReadAllBytes(path);
                    }
            """));

        [Fact]
        public Task ServedByFrameworkResultObject_ReportsDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<PM2001TempFileNeverDeletedAnalyzer>.Test("""
                using System;
                using System.IO;
                using Microsoft.AspNetCore.Mvc;

                public static class Pem
                {
                    public static IActionResult Download(string pem)
                    {
                        var tempFile = Path.GetTempPath() + Guid.NewGuid().ToString() + ".pem";
                        [|File.WriteAllText(tempFile, pem)|];
                        return new PhysicalFileResult(tempFile, "application/x-pem-file");
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task DeleteOnCloseOrCleanupService_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    private readonly ITempFiles _temp = null!;

                    void Buffer(Stream input)
                    {
                        using var s = new FileStream(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                        input.CopyTo(s);
                    }

                    void Buffer2(Stream input)
                    {
                        using var s = File.Create(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"), 4096, FileOptions.DeleteOnClose);
                        input.CopyTo(s);
                    }

                    void ViaService(string title)
                    {
                        var scratch = Path.GetTempFileName();
                        File.WriteAllText(scratch, title);
                        _temp.ScheduleDeletion(scratch);
                    }

                    public interface ITempFiles
                    {
                        void ScheduleDeletion(string path);
                    }
            """));

        [Fact]
        public Task FolderDeletedWithFilesInside_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Folder(string title)
                    {
                        var dir = Directory.CreateTempSubdirectory();
                        try
                        {
                            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), title);
                        }
                        finally
                        {
                            dir.Delete(recursive: true);
                        }
                    }

                    void Folder2(string title)
                    {
                        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        Directory.CreateDirectory(dir);
                        File.WriteAllText(Path.Combine(dir, "a.txt"), title);
                        Directory.Delete(dir, true);
                    }

                    void Sweep(string title)
                    {
                        var dir = Path.Combine(Path.GetTempPath(), "renderer");
                        File.WriteAllText(Path.Combine(dir, Guid.NewGuid() + ".txt"), title);
                        foreach (var old in Directory.GetFiles(dir))
                        {
                            File.Delete(old);
                        }
                    }

                    void SameExpression(string title)
                    {
                        File.WriteAllText(Path.Combine(Path.GetTempPath(), "x.txt"), title);
                        File.Delete(Path.Combine(Path.GetTempPath(), "x.txt"));
                    }
            """));

        [Fact]
        public Task DeletedThroughHelperInSource_NoDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<PM2001TempFileNeverDeletedAnalyzer>.Test(InClass("""
                    private readonly List<string> _pending = new();

                    void Render(string title)
                    {
                        var scratch = Path.GetTempFileName();
                        File.WriteAllText(scratch, title);
                        Cleanup.DeleteQuietly(scratch);
                    }

                    void Render2(string title)
                    {
                        var scratch = Path.GetTempFileName();
                        File.WriteAllText(scratch, title);
                        Remember(scratch);
                    }

                    void Remember(string path) => _pending.Add(path);
            """));
            test.Sources.Add("""
                using System.IO;

                static class Cleanup
                {
                    public static void DeleteQuietly(string path)
                    {
                        try { TryDelete(path); } catch (IOException) { }
                    }

                    private static void TryDelete(string file) => File.Delete(file);
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task NotUnderTempOrNotCreating_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InClass("""
                    void Writes(string dir, string title)
                    {
                        File.WriteAllText(Path.Combine(dir, "report.html"), title);
                        File.WriteAllText("report.html", title);
                        var tmp = Path.GetTempPath();
                        var text = File.ReadAllText(Path.Combine(tmp, "input.txt"));
                        using var read = new FileStream(Path.Combine(tmp, "input.txt"), FileMode.Open);
                        using var reader = new StreamReader(Path.Combine(tmp, "input.txt"));
                        var exists = File.Exists(Path.Combine(tmp, "x"));
                        Directory.CreateDirectory(Path.Combine(tmp, "cache"));
                    }
            """));

        [Fact]
        public Task UserTypesNamedFileAndPath_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                namespace MyApp
                {
                    static class Path
                    {
                        public static string GetTempFileName() => "x";
                        public static string GetTempPath() => "/scratch/";
                        public static string Combine(string a, string b) => a + b;
                    }

                    static class File
                    {
                        public static void WriteAllText(string path, string text) { }
                    }

                    static class Directory
                    {
                        public static string CreateTempSubdirectory() => "d";
                    }

                    class Renderer
                    {
                        void Render()
                        {
                            var p = Path.GetTempFileName();
                            File.WriteAllText(Path.Combine(Path.GetTempPath(), "a"), "x");
                            System.IO.File.WriteAllText(Path.Combine(Path.GetTempPath(), "b"), "x");
                            var d = Directory.CreateTempSubdirectory();
                        }
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = CSharpAnalyzerVerifier<PM2001TempFileNeverDeletedAnalyzer>.Test(InMethod("""
                    var scratch = [|Path.GetTempFileName(|];
                    [|File.WriteAllText(Path.Combine(Path.GetTempPath(), ), title)|];
                    using var s = new FileStream(, FileMode.Create);
                    return data;
            """));
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fixes

        [Fact]
        public Task GetTempFileName_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var scratch = [|Path.GetTempFileName()|];
                    File.WriteAllText(scratch, title);
                    return File.ReadAllBytes(scratch);
            """), InMethod("""
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
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task WriteUnderTemp_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var path = Path.Combine(Path.GetTempPath(), title + ".html");
                    // render first
                    [|File.WriteAllText(path, title)|];
                    return File.ReadAllBytes(path);
            """), InMethod("""
                    var path = Path.Combine(Path.GetTempPath(), title + ".html");
                    // render first
                    try
                    {
                        File.WriteAllText(path, title);
                        return File.ReadAllBytes(path);
                    }
                    finally
                    {
                        File.Delete(path);
                    }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task TempFolder_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var dir = [|Directory.CreateTempSubdirectory()|];
                    File.WriteAllText(Path.Combine(dir.FullName, "a.html"), title);
                    return data;
            """), InMethod("""
                    var dir = Directory.CreateTempSubdirectory();
                    try
                    {
                        File.WriteAllText(Path.Combine(dir.FullName, "a.html"), title);
                        return data;
                    }
                    finally
                    {
                        dir.Delete(recursive: true);
                    }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task CreateDirectory_DeleteInFinallyStartsAfterIt_ReportsDiagnostic()
            // Real-world round 8: with the creation inside the try, a failed CreateDirectory made Directory.Delete throw
            // DirectoryNotFoundException in the finally, hiding why it failed.
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    [|Directory.CreateDirectory(dir)|];
                    File.WriteAllText(Path.Combine(dir, "a.html"), title);
                    return data;
            """), InMethod("""
                    var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(dir);
                    try
                    {
                        File.WriteAllText(Path.Combine(dir, "a.html"), title);
                        return data;
                    }
                    finally
                    {
                        Directory.Delete(dir, recursive: true);
                    }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task OnlyThroughOneFileStream_DeleteOnClose_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                void Buffer(Stream input)
                {
                    var scratch = [|Path.GetTempFileName()|];
                    using var s = new FileStream(scratch, FileMode.Open);
                    input.CopyTo(s);
                }

                void Buffer2(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = [|new FileStream(scratch, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous)|];
                    input.CopyTo(s);
                }

                void Buffer3(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = [|File.Create(scratch)|];
                    input.CopyTo(s);
                }
            """), InClass("""
                void Buffer(Stream input)
                {
                    var scratch = Path.GetTempFileName();
                    using var s = new FileStream(scratch, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.DeleteOnClose);
                    input.CopyTo(s);
                }

                void Buffer2(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = new FileStream(scratch, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
                    input.CopyTo(s);
                }

                void Buffer3(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = File.Create(scratch, 4096, FileOptions.DeleteOnClose);
                    input.CopyTo(s);
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteOnCloseKey);

        [Fact]
        public Task NamedArguments_DeleteOnCloseNamesWhatItAdds_ReportsDiagnostic()
            // Real-world round 8: a FileStream call with named arguments got no fix. Named in place, they stay, and the
            // arguments added after them are named too (useAsync: becomes options:, another overload's parameter).
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                void Buffer(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = [|new FileStream(scratch, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, useAsync: true)|];
                    input.CopyTo(s);
                }

                void Buffer2(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = [|new FileStream(scratch, FileMode.Create, access: FileAccess.ReadWrite)|];
                    input.CopyTo(s);
                }
            """), InClass("""
                void Buffer(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = new FileStream(scratch, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, options: FileOptions.Asynchronous | FileOptions.DeleteOnClose);
                    input.CopyTo(s);
                }

                void Buffer2(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = new FileStream(scratch, FileMode.Create, access: FileAccess.ReadWrite, share: FileShare.Read, bufferSize: 4096, options: FileOptions.DeleteOnClose);
                    input.CopyTo(s);
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteOnCloseKey);

        [Fact]
        public Task NamedArgumentsOutOfPlace_NoDeleteOnCloseFix()
        {
            // `access:` before `mode:`: an argument added by position would not follow them; no "Delete when closed".
            var source = InClass("""
                void Buffer(Stream input)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
                    using var s = [|new FileStream(scratch, access: FileAccess.ReadWrite, mode: FileMode.Create)|];
                    input.CopyTo(s);
                }
            """);
            var test = VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteOnCloseKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task InController_DeleteInFinallyQualifiesFile_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.AspNetCore.Mvc;

                public class ReportsController : ControllerBase
                {
                    private byte[] Render(string title)
                    {
                        var scratch = [|Path.GetTempFileName()|];
                        System.IO.File.WriteAllText(scratch, title);
                        return System.IO.File.ReadAllBytes(scratch);
                    }
                }
                """, """
                using System.IO;
                using Microsoft.AspNetCore.Mvc;

                public class ReportsController : ControllerBase
                {
                    private byte[] Render(string title)
                    {
                        var scratch = Path.GetTempFileName();
                        try
                        {
                            System.IO.File.WriteAllText(scratch, title);
                            return System.IO.File.ReadAllBytes(scratch);
                        }
                        finally
                        {
                            System.IO.File.Delete(scratch);
                        }
                    }
                }
                """, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task LocalFunctionCalledBeforeTheCreation_DeleteInFinallyLeavesItOutside_ReportsDiagnostic()
            // The try takes the statements after the creation; a local function among them that code before the try calls
            // stays after it (inside, the call above would not compile: CS0103). One that uses what the try takes stays in.
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var safe = Clean(title);
                    var scratch = [|Path.GetTempFileName()|];
                    var header = "<h1>";
                    Write();
                    return File.ReadAllBytes(scratch);

                    void Write() => File.WriteAllText(scratch, header + safe);
                    static string Clean(string s) => s.Trim();
            """), InMethod("""
                    var safe = Clean(title);
                    var scratch = Path.GetTempFileName();
                    try
                    {
                        var header = "<h1>";
                        Write();
                        return File.ReadAllBytes(scratch);

                        void Write() => File.WriteAllText(scratch, header + safe);
                    }
                    finally
                    {
                        File.Delete(scratch);
                    }

                    static string Clean(string s) => s.Trim();
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task IteratorYieldingTheFilesLines_DeleteInFinally_ReportsDiagnostic()
            // An iterator yielding the file's lines leaves the file behind; the finally runs when the enumeration ends
            // or is disposed (yield return is allowed in a try with a finally).
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                IEnumerable<string> Lines(string text)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    File.WriteAllText(tmp, text);
                    foreach (var line in File.ReadLines(tmp))
                    {
                        yield return line;
                    }
                }
            """), InClass("""
                IEnumerable<string> Lines(string text)
                {
                    var tmp = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllText(tmp, text);
                        foreach (var line in File.ReadLines(tmp))
                        {
                            yield return line;
                        }
                    }
                    finally
                    {
                        File.Delete(tmp);
                    }
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task CreatedAsTheResourceOfAUsingStatement_DeleteInFinally_ReportsDiagnostic()
            // The using statement moves into the try whole: the file is closed before the finally deletes it.
            => VerifyCS.VerifyCodeFixAsync(InMethod("""
                    var scratch = Path.Combine(Path.GetTempPath(), "render-" + Guid.NewGuid() + ".html");
                    using (var writer = [|new StreamWriter(scratch)|])
                    {
                        writer.Write(title);
                    }

                    return File.ReadAllBytes(scratch);
            """), InMethod("""
                    var scratch = Path.Combine(Path.GetTempPath(), "render-" + Guid.NewGuid() + ".html");
                    try
                    {
                        using (var writer = new StreamWriter(scratch))
                        {
                            writer.Write(title);
                        }

                        return File.ReadAllBytes(scratch);
                    }
                    finally
                    {
                        File.Delete(scratch);
                    }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task TopLevelStatements_DeleteInFinally_ReportsDiagnostic()
        {
            // A console program's top-level statements: the try takes the statements after the creation; a local function
            // that uses none of them, and the types declared after the statements, stay where they are.
            var test = VerifyCS.Test("""
                using System.IO;

                var title = Clean(args[0]);
                var scratch = [|Path.GetTempFileName()|];
                File.WriteAllText(scratch, "<h1>" + title + "</h1>");
                Report.Print(File.ReadAllText(scratch));

                static string Clean(string s) => s.Trim();

                static class Report
                {
                    public static void Print(string text) => System.Console.WriteLine(text);
                }
                """, """
                using System.IO;

                var title = Clean(args[0]);
                var scratch = Path.GetTempFileName();
                try
                {
                    File.WriteAllText(scratch, "<h1>" + title + "</h1>");
                    Report.Print(File.ReadAllText(scratch));
                }
                finally
                {
                    File.Delete(scratch);
                }

                static string Clean(string s) => s.Trim();

                static class Report
                {
                    public static void Print(string text) => System.Console.WriteLine(text);
                }
                """, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task TopLevelStatementsAwaitingTheFile_DeleteInFinally_ReportsDiagnostic()
        {
            // await and a return code among the top-level statements move into the try as they are.
            var test = VerifyCS.Test("""
                using System.IO;

                var scratch = [|Path.GetTempFileName()|];
                await File.WriteAllTextAsync(scratch, "report");
                if (new FileInfo(scratch).Length == 0)
                {
                    return 1;
                }

                System.Console.WriteLine(await File.ReadAllTextAsync(scratch));
                return 0;
                """, """
                using System.IO;

                var scratch = Path.GetTempFileName();
                try
                {
                    await File.WriteAllTextAsync(scratch, "report");
                    if (new FileInfo(scratch).Length == 0)
                    {
                        return 1;
                    }

                    System.Console.WriteLine(await File.ReadAllTextAsync(scratch));
                    return 0;
                }
                finally
                {
                    File.Delete(scratch);
                }
                """, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task ComputedFromTheFileBeforeReturning_DeleteInFinally_ReportsDiagnostic()
            // What is returned was computed from the file before the method returns (an awaited hash, a list of names):
            // the finally may delete it.
            => VerifyCS.VerifyCodeFixAsync("""
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;

                class Hasher
                {
                    async Task<byte[]> Hash(byte[] data, CancellationToken ct)
                    {
                        var tmp = [|Path.GetTempFileName()|];
                        File.WriteAllBytes(tmp, data);
                        using var fs = File.OpenRead(tmp);
                        return await System.Security.Cryptography.SHA256.HashDataAsync(fs, ct);
                    }

                    List<string> Listing(byte[] data)
                    {
                        var work = [|Directory.CreateTempSubdirectory()|];
                        File.WriteAllBytes(Path.Combine(work.FullName, "a.bin"), data);
                        return work.EnumerateFiles().Select(f => f.Name).ToList();
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;

                class Hasher
                {
                    async Task<byte[]> Hash(byte[] data, CancellationToken ct)
                    {
                        var tmp = Path.GetTempFileName();
                        try
                        {
                            File.WriteAllBytes(tmp, data);
                            using var fs = File.OpenRead(tmp);
                            return await System.Security.Cryptography.SHA256.HashDataAsync(fs, ct);
                        }
                        finally
                        {
                            File.Delete(tmp);
                        }
                    }

                    List<string> Listing(byte[] data)
                    {
                        var work = Directory.CreateTempSubdirectory();
                        try
                        {
                            File.WriteAllBytes(Path.Combine(work.FullName, "a.bin"), data);
                            return work.EnumerateFiles().Select(f => f.Name).ToList();
                        }
                        finally
                        {
                            work.Delete(recursive: true);
                        }
                    }
                }
                """, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task FileOutlivesTheMethod_NoDeleteInFinallyFix()
        {
            // The result is executed after the method returns (PhysicalFile, a stream handed back), or a task reads the file
            // later: a finally would delete it first. Read in full before returning (ReadAllBytes) is fine (tests above).
            var source = """
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                public class ReportsController : ControllerBase
                {
                    public IActionResult Download(string title)
                    {
                        var scratch = [|Path.GetTempFileName()|];
                        System.IO.File.WriteAllText(scratch, title);
                        return PhysicalFile(scratch, "text/plain");
                    }

                    public IActionResult Stream(string title)
                    {
                        var scratch = [|Path.GetTempFileName()|];
                        System.IO.File.WriteAllText(scratch, title);
                        var stream = System.IO.File.OpenRead(scratch);
                        return File(stream, "text/plain");
                    }

                    public void Spool(byte[] document)
                    {
                        var spool = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                        [|System.IO.File.WriteAllBytes(spool, document)|];
                        _ = Task.Run(() => Send(spool));
                    }

                    private static void Send(string path) => System.IO.File.ReadAllBytes(path);
                }
                """;
            var test = VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // A task still reading or using the file when the method returns: a read's task returned unawaited, a call's task
        // dropped (the twenty-seventh session's review: the finally deleted the file under them).
        [Fact]
        public Task FileUsedByATaskStillRunning_NoDeleteInFinallyFix()
        {
            var source = InClass("""
                Task<string> RenderAsync(string html)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    File.WriteAllText(tmp, html);
                    return File.ReadAllTextAsync(tmp);
                }

                void Send(string html)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    File.WriteAllText(tmp, html);
                    _ = UploadAsync(tmp);
                }

                void SendAndForget(string html)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    File.WriteAllText(tmp, html);
                    UploadAsync(tmp);
                }

                static async Task UploadAsync(string path) => Console.WriteLine(await File.ReadAllTextAsync(path));
            """);
            var test = VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A read awaited before returning is done with the file: the finally may delete it.
        [Fact]
        public Task ReadAwaitedBeforeReturning_DeleteInFinallyFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                async Task<string> RenderAsync(string html)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    await File.WriteAllTextAsync(tmp, html);
                    return await (File.ReadAllTextAsync(tmp));
                }
            """), InClass("""
                async Task<string> RenderAsync(string html)
                {
                    var tmp = Path.GetTempFileName();
                    try
                    {
                        await File.WriteAllTextAsync(tmp, html);
                        return await (File.ReadAllTextAsync(tmp));
                    }
                    finally
                    {
                        File.Delete(tmp);
                    }
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        // Two temporary files declared in one statement: Fix All nests the tries as fixing one by one does, the first file's
        // innermost (the twenty-seventh session's review: Fix All gave the other nesting).
        [Fact]
        public Task TwoInOneDeclaration_DeleteInFinallyFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                void Save(string text)
                {
                    string a = [|Path.GetTempFileName()|], b = [|Path.GetTempFileName()|];
                    File.WriteAllText(a, text);
                    File.WriteAllText(b, text);
                }
            """), InClass("""
                void Save(string text)
                {
                    string a = Path.GetTempFileName(), b = Path.GetTempFileName();
                    try
                    {
                        try
                        {
                            File.WriteAllText(a, text);
                            File.WriteAllText(b, text);
                        }
                        finally
                        {
                            File.Delete(a);
                        }
                    }
                    finally
                    {
                        File.Delete(b);
                    }
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        // A stream opened on every pass of a loop the path was declared outside: DeleteOnClose would delete the file when the
        // first one closes (the review).
        [Fact]
        public Task StreamOpenedInALoop_NoDeleteOnCloseFix()
        {
            var source = InClass("""
                void Fill(byte[] data)
                {
                    var tmp = [|Path.GetTempFileName()|];
                    for (var i = 0; i < 3; i++)
                    {
                        using var fs = new FileStream(tmp, FileMode.Open);
                        fs.Write(data, 0, data.Length);
                    }
                }
            """);
            var test = VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteOnCloseKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // A finally deleting t would delete the renamed file (here the one returned), not the created .tmp.
        [Fact]
        public Task LocalRenamedAfterCreation_NoDeleteInFinallyFix()
        {
            var source = InClass("""
                string Concatenated(byte[] data)
                {
                    var t = [|Path.GetTempFileName()|];
                    t = t + ".pdf";
                    File.WriteAllBytes(t, data);
                    return t;
                }
            """);
            return VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey).RunAsync();
        }

        // Real-world round 13 (PowerShell's New-TemporaryFile): the path, declared before an inner try, is used after it. The
        // try the fix adds would end with the inner block, and its finally would delete the file before that use.
        [Fact]
        public Task LocalUsedAfterTheBlockOfItsCreation_NoDeleteInFinallyFix()
        {
            var source = InClass("""
                long Size(byte[] data)
                {
                    string p = null;
                    try
                    {
                        p = [|Path.GetTempFileName()|];
                    }
                    catch (IOException)
                    {
                        return 0;
                    }
                    File.WriteAllBytes(p, data);
                    return new FileInfo(p).Length;
                }
            """);
            return VerifyCS.Test(source, source, PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey).RunAsync();
        }

        // Declared before the block but used only inside it: the try still covers every use.
        [Fact]
        public Task LocalDeclaredBeforeTheBlockAndUsedOnlyInIt_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                long Size(byte[] data, bool write)
                {
                    string p;
                    if (write)
                    {
                        p = [|Path.GetTempFileName()|];
                        File.WriteAllBytes(p, data);
                        return new FileInfo(p).Length;
                    }

                    return 0;
                }
            """), InClass("""
                long Size(byte[] data, bool write)
                {
                    string p;
                    if (write)
                    {
                        p = Path.GetTempFileName();
                        try
                        {
                            File.WriteAllBytes(p, data);
                            return new FileInfo(p).Length;
                        }
                        finally
                        {
                            File.Delete(p);
                        }
                    }

                    return 0;
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task TempFileReturnedByHelper_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                string CreateScratch() => Path.GetTempFileName();

                async Task<FileInfo> DownloadAsync(byte[] data)
                {
                    var file = new FileInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"));
                    await File.WriteAllBytesAsync(file.FullName, data);
                    return file;
                }

                byte[] Read(string title)
                {
                    var scratch = [|CreateScratch()|];
                    File.WriteAllText(scratch, title);
                    return File.ReadAllBytes(scratch);
                }

                async Task<long> SizeAsync(byte[] data)
                {
                    var file = await [|DownloadAsync(data)|];
                    return file.Length;
                }
            """), InClass("""
                string CreateScratch() => Path.GetTempFileName();

                async Task<FileInfo> DownloadAsync(byte[] data)
                {
                    var file = new FileInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin"));
                    await File.WriteAllBytesAsync(file.FullName, data);
                    return file;
                }

                byte[] Read(string title)
                {
                    var scratch = CreateScratch();
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

                async Task<long> SizeAsync(byte[] data)
                {
                    var file = await DownloadAsync(data);
                    try
                    {
                        return file.Length;
                    }
                    finally
                    {
                        file.Delete();
                    }
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);

        [Fact]
        public Task FixAll_DeleteInFinally_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync(InClass("""
                byte[] A(string title)
                {
                    var scratch = [|Path.GetTempFileName()|];
                    File.WriteAllText(scratch, title);
                    return File.ReadAllBytes(scratch);
                }

                void B(string title)
                {
                    var scratch = [|Path.GetTempFileName()|];
                    File.WriteAllText(scratch, title);
                }
            """), InClass("""
                byte[] A(string title)
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

                void B(string title)
                {
                    var scratch = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllText(scratch, title);
                    }
                    finally
                    {
                        File.Delete(scratch);
                    }
                }
            """), PM2001TempFileNeverDeletedCodeFixProvider.DeleteInFinallyKey);
    }
}
