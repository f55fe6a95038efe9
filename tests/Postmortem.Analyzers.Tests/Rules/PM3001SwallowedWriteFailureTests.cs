using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Postmortem.CodeFixes.Rules;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer,
    Postmortem.CodeFixes.Rules.PM3001SwallowedWriteFailureCodeFixProvider>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM3001SwallowedWriteFailureTests
    {
        private const string OnWrite = "a full disk, a lock or a denied access";
        private const string OnDelete = "a lock or a denied access";

        private static string InMethod(string body, string usings = "") => $$"""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            {{usings}}

            class Store
            {
                private string _status = "";

                async Task Run(string path, byte[] data, Stream input)
                {
                    await Task.Yield();
            {{body}}
                }
            }
            """;

        // ------------------------------------------------------------ unsafe forms

        // Real-world round 6 (a log sink's write loop): the catch disposes the broken writer and sets it back to null so
        // that the next line reopens the file. That is cleanup: every lost line (a full disk) goes unreported.
        [Theory]
        [InlineData("StreamWriter? writer = null;", "writer", "null")]
        [InlineData("StreamWriter? writer = null;", "writer", "default")]
        [InlineData("", "_writer", "null")]
        [InlineData("TextWriter? writer = null;", "writer", "null!")]
        public Task WriterResetToNullInCatch_ReportsDiagnostic(string declaration, string writer, string reset)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.Collections.Generic;
                using System.IO;

                class Sink
                {
                    private StreamWriter? _writer;

                    void WriteLoop(IEnumerable<string> lines, string path)
                    {
                        {{declaration}}
                        foreach (var line in lines)
                        {
                            try
                            {
                                {{writer}} ??= new StreamWriter(path, append: true);
                                {{writer}}.Write(line);
                            }
                            [|catch|]
                            {
                                {{writer}}?.Dispose();
                                {{writer}} = {{reset}};
                            }
                        }
                    }
                }
                """);

        // The real loop: the try block first closes the previous writer when it rolls to a new file, so its first write is
        // a Dispose; the catch's Dispose is still cleanup, not that write run again.
        [Fact]
        public Task WriterClosedInTryAndCatch_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.IO;

                class Sink
                {
                    void WriteLoop(IEnumerable<string> lines, string path)
                    {
                        StreamWriter? writer = null;
                        foreach (var line in lines)
                        {
                            try
                            {
                                if (writer is null || writer.BaseStream.Length > 1_000_000)
                                {
                                    writer?.Dispose();
                                    writer = new StreamWriter(path, append: true);
                                }

                                writer.WriteLine(line);
                            }
                            {|#0:catch|}
                            {
                                writer?.Dispose();
                                writer = null;
                            }
                        }
                    }
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("new StreamWriter", OnWrite, ""));

        [Fact]
        public Task UploadCopiedIntoAFile_ReportsDiagnostic()
        {
            // IFormFile.CopyTo writes the upload into its destination (real-world round 9): a failure swallowed there loses
            // the upload in silence. Copied into memory, nothing is written.
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.AspNetCore.Http;

                public class PhotoSaver
                {
                    public void Save(IFormFile photo, FileStream target)
                    {
                        try
                        {
                            photo.CopyTo(target);
                        }
                        {|#0:catch (IOException)|}
                        {
                        }

                        try
                        {
                            photo.CopyTo(new MemoryStream());
                        }
                        catch (IOException)
                        {
                        }
                    }
                }
                """, null!);
            test.FixedSources.Clear();
            test.References.AddRange(References.AspNetCore);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("IFormFile.CopyTo", OnWrite, ""));
            return test.RunAsync();
        }

        // Real-world round 7 (a log provider's rotation): when deleting the old file fails, the catch deletes the live log
        // instead; a delete of another file is a fallback (cleanup), not the failed delete run again, so the failure of the
        // rotation is swallowed. Deleting the same file again is a retry.
        [Fact]
        public Task CatchDeletingAnotherFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Rotation
                {
                    void Rotate(string log, string old)
                    {
                        try
                        {
                            if (File.Exists(old))
                                File.Delete(old);
                            File.Move(log, old);
                        }
                        [|catch|]
                        {
                            File.Delete(log);
                        }
                    }
                }
                """);

        // Real-world round 15 (OpenSim's asset-cache purge): File.Delete and FileInfo.Delete do not throw for a missing file,
        // and throw DirectoryNotFoundException only when its folder is gone (another node removed it). A catch of that type,
        // or of FileNotFoundException, around deletes only sees "already deleted"; a lock or a denied access is not its type.
        [Theory]
        [InlineData("File.Delete(path);", "catch (DirectoryNotFoundException)")]
        [InlineData("new FileInfo(path).Delete();", "catch (FileNotFoundException)")]
        [InlineData("File.Delete(path); File.Delete(path + \".meta\");", "catch (DirectoryNotFoundException e)")]
        [InlineData("Directory.Delete(path, true);", "catch (DirectoryNotFoundException)")]
        public Task NotFoundCatchAroundDeletesOnly_NoDiagnostic(string deletes, string header)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    try
                    {
                        {{deletes}}
                    }
                    {{header}}
                    {
                        // another node already removed it
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e);
                    }
            """));

        // A not-found catch around a write that is not a delete (a missing folder fails the write: the data is lost), a filtered
        // one, and one around a delete and a write are still reported; so is a catch of IOException around deletes.
        [Theory]
        [InlineData("File.WriteAllText(path, \"x\");", "catch (DirectoryNotFoundException)", "", "File.WriteAllText", OnWrite)]
        [InlineData("File.Delete(path); File.Move(path + \".tmp\", path);", "catch (DirectoryNotFoundException)", "", "File.Delete", OnDelete)]
        [InlineData("File.Delete(path);", "catch (DirectoryNotFoundException e)", " when (e is DirectoryNotFoundException)", "File.Delete", OnDelete)]
        [InlineData("File.Delete(path);", "catch (IOException)", "", "File.Delete", OnDelete)]
        public Task NotFoundCatchAroundOtherWrites_ReportsDiagnostic(string writes, string header, string filter, string write, string consequence)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    try
                    {
                        {{writes}}
                    }
                    {|#0:{{header}}|}{{filter}}
                    {
                    }
            """),
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments(write, consequence, ""));

        [Fact]
        public Task CatchDeletingTheSameFileAgain_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading;

                class Cleanup
                {
                    void Remove(string path)
                    {
                        try
                        {
                            File.Delete(path);
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                            File.Delete(path);
                        }
                    }
                }
                """);

        // Real-world round 19 (NewLife's log purge): a file that cannot be deleted is moved aside for a later purge. The move
        // throws when it fails too (its repro: the UnauthorizedAccessException escapes), so nothing is swallowed.
        [Fact]
        public Task DeletedFileMovedAsideInTheCatch_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Purge
                {
                    void Remove(FileInfo item, string path)
                    {
                        try { item.Delete(); }
                        catch { item.MoveTo(item.FullName + ".del"); }

                        try { File.Delete(path); }
                        catch (IOException) { File.Move(path, path + ".old"); }

                        // A folder deleted with its contents, moved aside instead.
                        try { Directory.Delete(path, true); }
                        catch (IOException) { Directory.Move(path, path + ".del"); }
                        var folder = new DirectoryInfo(path);
                        try { folder.Delete(true); }
                        catch (IOException) { folder.MoveTo(folder.FullName + ".del"); }
                    }
                }
                """);

        // Moving aside another file than the one deleted is not that fallback, nor moving aside what a method of one's own
        // named Delete was given; a move that swallows its own failure is that catch's to answer for.
        [Fact]
        public Task OtherFileMovedAsideOrMoveSwallowed_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Purge
                {
                    static void Delete(string path) => File.WriteAllText(path, "");

                    void Remove(FileInfo item, FileInfo other, string path, string log)
                    {
                        try { Delete(path); File.Delete(log); }
                        [|catch (IOException)|] { File.Move(path, path + ".old"); }

                        try { item.Delete(); }
                        [|catch|] { other.MoveTo(other.FullName + ".del"); }

                        try { File.Delete(path); }
                        [|catch (IOException)|] { File.Move(log, path + ".old"); }

                        try { item.Delete(); }
                        catch { try { item.MoveTo(item.FullName + ".del"); } [|catch|] { } }

                        // The move makes up for the delete only: a write beside it fails for a full disk, swallowed.
                        try { File.AppendAllText(log, "archived"); File.Delete(path); }
                        [|catch (IOException)|] { File.Move(path, path + ".old"); }
                        try { File.Delete(path); File.WriteAllText(path, "new"); }
                        [|catch (IOException)|] { File.Move(path, path + ".bad"); }
                    }
                }
                """);

        // The same catch that records the failure, or hands the next line to another writer, is not silent.
        [Theory]
        [InlineData("_failed = true;")]
        [InlineData("writer = new StreamWriter(fallback, append: true);")]
        [InlineData("writer = _fallback;")]
        public Task WriterResetButFailureRecorded_NoDiagnostic(string record)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.Collections.Generic;
                using System.IO;

                class Sink
                {
                    private bool _failed;
                    private StreamWriter _fallback = StreamWriter.Null;

                    void WriteLoop(IEnumerable<string> lines, string path, string fallback)
                    {
                        StreamWriter? writer = null;
                        foreach (var line in lines)
                        {
                            try
                            {
                                writer ??= new StreamWriter(path, append: true);
                                writer.WriteLine(line);
                            }
                            catch
                            {
                                writer?.Dispose();
                                writer = null;
                                {{record}}
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task CommentOnlyCatch_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        File.WriteAllText(path, "report");
                    }
                    [|catch (IOException)|]
                    {
                        // the disk is probably full, nothing we can do
                    }
            """));

        [Theory]
        [InlineData("catch")]
        [InlineData("catch (Exception)")]
        [InlineData("catch (Exception ex)")]
        [InlineData("catch (SystemException)")]
        [InlineData("catch (IOException)")]
        [InlineData("catch (DirectoryNotFoundException)")]
        [InlineData("catch (UnauthorizedAccessException)")]
        public Task EveryCatchThatCanCatchIo_ReportsDiagnostic(string header)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    try
                    {
                        File.AppendAllText(path, "line");
                    }
                    [|{{header}}|]
                    {
                    }
            """));

        [Theory]
        [InlineData("File.WriteAllBytes(path, data);", "File.WriteAllBytes")]
        [InlineData("await File.WriteAllTextAsync(path, \"x\");", "File.WriteAllTextAsync")]
        [InlineData("File.Copy(path, path + \".bak\");", "File.Copy")]
        [InlineData("File.Move(path, path + \".old\");", "File.Move")]
        [InlineData("File.Delete(path);", "File.Delete")]
        [InlineData("new FileInfo(path).Delete();", "FileInfo.Delete")]
        [InlineData("Directory.Delete(path, true);", "Directory.Delete")]
        [InlineData("Directory.Delete(path, recursive: true);", "Directory.Delete")]
        [InlineData("new DirectoryInfo(path).Delete(true);", "DirectoryInfo.Delete")]
        [InlineData("using var s = File.OpenWrite(path);", "File.OpenWrite")]
        [InlineData("using var s = new FileStream(path, FileMode.Append); s.Write(data, 0, data.Length);", "new FileStream")]
        [InlineData("using var w = new StreamWriter(path); w.WriteLine(\"x\");", "new StreamWriter")]
        [InlineData("input.Write(data, 0, data.Length);", "Stream.Write")]
        [InlineData("await input.FlushAsync();", "Stream.FlushAsync")]
        [InlineData("using var f = File.OpenRead(path); f.CopyTo(input);", "Stream.CopyTo")]
        public Task DurableWrites_ReportsDiagnostic(string write, string name)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    try
                    {
                        {{write}}
                    }
                    {|#0:catch (Exception)|}
                    {
                    }
            """),
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments(name, name.EndsWith(".Delete") ? OnDelete : OnWrite, ""));

        // .NET library calls given a file name write it as File.WriteAllText does: XML documents saved, an XmlWriter made
        // on a path, an image saved (System.Drawing's Image, by metadata name: here a stand-in of its surface).
        [Theory]
        [InlineData("new XDocument(new XElement(\"settings\")).Save(path);", "XDocument.Save")]
        [InlineData("new XElement(\"settings\").Save(path);", "XElement.Save")]
        [InlineData("var doc = new XmlDocument(); doc.LoadXml(\"<a/>\"); doc.Save(path);", "XmlDocument.Save")]
        [InlineData("using var xml = XmlWriter.Create(path); xml.WriteElementString(\"a\", \"b\");", "XmlWriter.Create")]
        [InlineData("new System.Drawing.Bitmap().Save(path);", "Image.Save")]
        public Task LibraryWritesNamingTheirFile_ReportsDiagnostic(string write, string name)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    try
                    {
                        {{write}}
                    }
                    {|#0:catch (Exception)|}
                    {
                    }
            """, DrawingAndXml),
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments(name, OnWrite, ""));

        // The same calls writing to a stream or writer, into memory or not seen (a stream the method is given), and a
        // download (WebClient.DownloadFile: its failures are mostly the network's, which such a catch is usually for).
        [Theory]
        [InlineData("new XDocument().Save(new MemoryStream());")]
        [InlineData("new XElement(\"a\").Save(input);")]
        [InlineData("new XmlDocument().Save(new StringWriter());")]
        [InlineData("using var xml = XmlWriter.Create(new System.Text.StringBuilder()); xml.WriteElementString(\"a\", \"b\");")]
        [InlineData("new System.Drawing.Bitmap().Save(input);")]
        [InlineData("new System.Net.WebClient().DownloadFile(\"https://example.invalid/a\", path);")]
        public Task LibraryWritesNotNamingAFile_NoDiagnostic(string write)
            => VerifyCS.VerifyAnalyzerAsync(
                InMethod($$"""
                    try
                    {
                        #pragma warning disable SYSLIB0014
                        {{write}}
                        #pragma warning restore SYSLIB0014
                    }
                    catch (Exception)
                    {
                    }
            """, DrawingAndXml));

        // A helper of the same file that saves a document at a path names its file, as a File call does.
        [Fact]
        public Task LibraryWriteInAHelperOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.Xml.Linq;

                class Settings
                {
                    public void Save(string path)
                    {
                        try
                        {
                            Write(path);
                        }
                        {|#0:catch|}
                        {
                        }
                    }

                    private static void Write(string path) => new XDocument(new XElement("settings")).Save(path);
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("Write (XDocument.Save)", OnWrite, ""));

        private const string DrawingAndXml = """
            using System.Xml;
            using System.Xml.Linq;

            namespace System.Drawing
            {
                public class Image
                {
                    public void Save(string filename) { }
                    public void Save(System.IO.Stream stream) { }
                }

                public sealed class Bitmap : Image { }
            }
            """;

        // Real-world round 6: a catch that writes only with Debug.WriteLine "does log it" in the author's eyes; the message
        // says why that is not seen (Release builds leave the call out). A helper's delete names no full disk.
        [Fact]
        public Task CatchWritingOnlyToDebug_ReportsDiagnosticWithTheReason()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.IO;

                class Store
                {
                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        {|#0:catch (IOException ex)|}
                        {
                            System.Diagnostics.Debug.WriteLine(ex.Message);
                        }

                        try
                        {
                            Remove(path);
                        }
                        {|#1:catch (IOException)|}
                        {
                        }
                    }

                    static void Remove(string path) => File.Delete(path);
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("File.WriteAllText", OnWrite, " (Debug.WriteLine is left out of Release builds)"),
                VerifyCS.Diagnostic("PM3001").WithLocation(1).WithArguments("Remove (File.Delete)", OnDelete, ""));

        [Fact]
        public Task WriterFieldWriteAndDispose_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Journal : IDisposable
                {
                    private readonly StreamWriter _writer = new StreamWriter("journal.log", append: true);
                    private readonly BinaryWriter _binary = new BinaryWriter(File.OpenWrite("journal.bin"));

                    public void Append(string line)
                    {
                        try
                        {
                            _writer.WriteLine(line);
                            _writer.Flush();
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }

                    public void AppendBinary(int value)
                    {
                        try
                        {
                            _binary.Write(value);
                        }
                        [|catch|]
                        {
                        }
                    }

                    public void Dispose()
                    {
                        try
                        {
                            _writer.Dispose();
                        }
                        [|catch (ObjectDisposedException)|]
                        {
                        }
                        catch (Exception)
                        {
                            throw;
                        }
                    }
                }
                """.Replace("[|catch (ObjectDisposedException)|]", "catch (ObjectDisposedException)"));

        [Fact]
        public Task DiscardedExceptionVariable_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        File.WriteAllText(path, "x");
                    }
                    [|catch (IOException ex)|]
                    {
                        _ = ex;
                    }
            """));

        [Fact]
        public Task ForeachBestEffortDelete_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    foreach (var file in Directory.GetFiles(path))
                    {
                        try
                        {
                            File.Delete(file);
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }
            """));

        [Fact]
        public Task FilterThatKeepsIo_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        File.WriteAllText(path, "x");
                    }
                    [|catch (Exception ex)|] when (ex is IOException)
                    {
                    }
            """));

        // Real-world round 8: a filter naming I/O among other types still lets a full disk through.
        [Theory]
        [InlineData("when (e is IOException or UnauthorizedAccessException)")]
        [InlineData("when (e is UnauthorizedAccessException or (IOException and not FileNotFoundException))")]
        [InlineData("when (e is UnauthorizedAccessException || e is IOException)")]
        public Task FilterNamingIoAmongOthers_ReportsDiagnostic(string filter)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    try
                    {
                        File.AppendAllText(path, "x");
                    }
                    [|catch (Exception e)|] {{filter}}
                    {
                        return;
                    }
            """));

        [Fact]
        public Task CatchInLambda_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    Action save = () =>
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch|]
                        {
                        }
                    };
                    save();
            """));

        // A write behind a helper of the same file (Px2uRo/WebGen, docs/precision.md): its failure reaches the catch
        // around the call just as well, when the helper runs it to completion and catches nothing itself.
        [Fact]
        public Task WriteInAHelperOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Site
                {
                    private readonly string _root = "out";

                    public async Task Generate(string page, string html)
                    {
                        try
                        {
                            var name = page.Trim();
                            SavePage(name, html);
                        }
                        {|#0:catch (Exception)|}
                        {
                        }

                        try
                        {
                            await SaveIndexAsync(html);
                        }
                        {|#1:catch|}
                        {
                        }

                        try
                        {
                            Copy(page);
                        }
                        {|#2:catch (IOException)|}
                        {
                        }

                        void Copy(string from) => File.Copy(from, Path.Combine(_root, from), overwrite: true);
                    }

                    private void SavePage(string name, string html)
                    {
                        Directory.CreateDirectory(_root);
                        File.WriteAllText(Path.Combine(_root, name + ".html"), html);
                    }

                    private static async Task SaveIndexAsync(string html)
                    {
                        await using var stream = new FileStream("index.html", FileMode.Create);
                        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(html));
                    }
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("SavePage (File.WriteAllText)", OnWrite, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(1).WithArguments("SaveIndexAsync (new FileStream)", OnWrite, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(2).WithArguments("Copy (File.Copy)", OnWrite, ""));

        // System.Web's HttpPostedFileBase.SaveAs stores an upload at its path (declared here as its public surface): a write,
        // in the try itself or in a helper of the file.
        [Fact]
        public Task LegacyUploadSaveSwallowed_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                namespace System.Web
                {
                    public abstract class HttpPostedFileBase { public virtual void SaveAs(string filename) { } }
                    public sealed class HttpPostedFile { public void SaveAs(string filename) { } }
                }

                class UploadHandler
                {
                    public void Store(System.Web.HttpPostedFileBase file, string path, System.Web.HttpPostedFile posted)
                    {
                        try { file.SaveAs(path); }
                        {|#0:catch (Exception)|} { }

                        try { posted.SaveAs(path); }
                        {|#2:catch|} { }

                        try { Keep(file, path + ".bak"); }
                        {|#1:catch (IOException)|} { }
                    }

                    private static void Keep(System.Web.HttpPostedFileBase file, string path) => file.SaveAs(path);
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("HttpPostedFileBase.SaveAs", OnWrite, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(1).WithArguments("Keep (HttpPostedFileBase.SaveAs)", OnWrite, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(2).WithArguments("HttpPostedFile.SaveAs", OnWrite, ""));

        // Real-world round 21 (grandnode2's plugin upload, run: a stale plugin DLL left beside the new ones, or a misleading
        // "already exists"): a recursive folder delete in a helper of the file, retried once in the helper's catch, so its
        // second failure escapes into the caller's empty catch. A non-recursive delete (remove it if empty) is no write.
        [Fact]
        public Task RecursiveFolderDeleteInAHelperOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class PluginController
                {
                    public void Upload(string pathToUpload, string oldFolder)
                    {
                        try
                        {
                            if (Directory.Exists(pathToUpload))
                                DeleteDirectory(pathToUpload);
                        }
                        {|#0:catch|} { }

                        try { Remove(new DirectoryInfo(oldFolder)); }
                        {|#1:catch (IOException)|} { }

                        try { RemoveIfEmpty(oldFolder); }
                        catch (IOException) { }
                    }

                    protected void DeleteDirectory(string path)
                    {
                        foreach (var directory in Directory.GetDirectories(path))
                        {
                            DeleteDirectory(directory);
                        }

                        try
                        {
                            Directory.Delete(path, true);
                        }
                        catch (IOException)
                        {
                            Directory.Delete(path, true);
                        }
                    }

                    private static void Remove(DirectoryInfo folder) => folder.Delete(recursive: true);

                    private static void RemoveIfEmpty(string path) => Directory.Delete(path);

                    // nopCommerce's NopFileProvider (the session's re-run): the catches call the helper again, a retry
                    // whose failure escapes. Not reported; another helper or other arguments in the catch are no retry.
                    public void DeleteFolder(string path)
                    {
                        try
                        {
                            DeleteDirectoryRecursive(path);
                        }
                        catch (IOException)
                        {
                            DeleteDirectoryRecursive(path);
                        }
                        catch (UnauthorizedAccessException)
                        {
                            DeleteDirectoryRecursive(path);
                        }

                        try { DeleteDirectoryRecursive(path); }
                        {|#2:catch (IOException)|} { DeleteDirectoryRecursive(path + ".old"); }

                        // Named arguments, in another order or not, are the same call.
                        try { Remove(path: path, keepRoot: false); }
                        catch (IOException) { Remove(keepRoot: false, path: path); }

                        try { Remove(path, false); }
                        catch (IOException) { Remove(path, keepRoot: false); }

                        // The catch repeats a cleanup helper the try block ran after its real write (the second review's
                        // probes): the save's failure is swallowed.
                        try
                        {
                            File.WriteAllText(path + ".json", "{}");
                            DeleteTemp(path + ".tmp");
                        }
                        {|#3:catch (IOException)|}
                        {
                            DeleteTemp(path + ".tmp");
                        }

                        try
                        {
                            Save(path + ".json");
                            DeleteTemp(path + ".tmp");
                        }
                        {|#4:catch|}
                        {
                            DeleteTemp(path + ".tmp");
                        }
                    }

                    private static void DeleteDirectoryRecursive(string path) => Directory.Delete(path, true);

                    private static void Remove(string path, bool keepRoot) => Directory.Delete(path, recursive: true);

                    private static void DeleteTemp(string path) => File.Delete(path);

                    private static void Save(string path) => File.WriteAllText(path, "{}");
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("DeleteDirectory (Directory.Delete)", OnDelete, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(1).WithArguments("Remove (DirectoryInfo.Delete)", OnDelete, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(2).WithArguments("DeleteDirectoryRecursive (Directory.Delete)", OnDelete, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(3).WithArguments("File.WriteAllText", OnWrite, ""),
                VerifyCS.Diagnostic("PM3001").WithLocation(4).WithArguments("Save (File.WriteAllText)", OnWrite, ""));

        // The helper takes its own failures, an inner catch around the call takes them, its task is dropped (PM3002's),
        // it may be overridden or lives behind an interface, its write runs later (an iterator, a lambda), the write is
        // two calls down, or it writes to a stream it is given (here a MemoryStream): not followed.
        [Fact]
        public Task HelperThatCannotFailIntoTheCatch_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                interface IStore { void Save(string text); }

                class Site
                {
                    private readonly IStore _store = null!;

                    public void Generate(string html)
                    {
                        try { SaveOrLog(html); } catch { }
                        try { _ = SaveAsync(html); } catch { }
                        try { SaveVirtual(html); } catch { }
                        try { _store.Save(html); } catch { }
                        try { foreach (var line in Lines(html)) { } } catch { }
                        try { Later(html)(); } catch { }
                        try { Outer(html); } catch { }
                        try { Serialize(new MemoryStream(), html); } catch { }
                        try
                        {
                            try { Inner(html); } catch (IOException e) { Console.Error.WriteLine(e); }
                        }
                        catch
                        {
                        }
                    }

                    private static void SaveOrLog(string html)
                    {
                        try
                        {
                            File.WriteAllText("page.html", html);
                        }
                        catch (IOException e)
                        {
                            Console.Error.WriteLine(e);
                        }
                    }

                    private static async Task SaveAsync(string html) => await File.WriteAllTextAsync("page.html", html);

                    protected virtual void SaveVirtual(string html) => File.WriteAllText("page.html", html);

                    private static IEnumerable<string> Lines(string html)
                    {
                        File.AppendAllText("lines.txt", html);
                        yield return html;
                    }

                    private static Action Later(string html) => () => File.WriteAllText("later.html", html);

                    private static void Outer(string html) => Inner(html);

                    private static void Inner(string html) => File.WriteAllText("inner.html", html);

                    private static void Serialize(Stream stream, string html)
                    {
                        using var writer = new StreamWriter(stream);
                        writer.Write(html);
                        stream.Flush();
                    }
                }
                """);

        // Only helpers of the same file are followed (a semantic model answers for its own tree): a partial class's
        // helper in another file is not, and asking must not throw.
        [Fact]
        public Task WriteInAHelperOfAnotherFile_NoDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer>.Test("""
                partial class Site
                {
                    public void Generate(string html)
                    {
                        try { SavePage(html); } catch { }
                    }
                }
                """);
            test.Sources.Add("""
                partial class Site
                {
                    private static void SavePage(string html) => System.IO.File.WriteAllText("page.html", html);
                }
                """);
            return test.RunAsync();
        }

        // Writes nobody sees in production. A Windows GUI application (WinExe: WPF, WinForms) has no console: .NET discards
        // what it writes to Console.Out and Console.Error. System.Diagnostics.Debug is [Conditional("DEBUG")]: a Release
        // build leaves the call out (so is a method of one's own marked so). A catch that only writes there swallows.
        // The message says why the write is not seen.
        [Theory]
        [InlineData("{|#0:catch (IOException ex)|} { Console.Error.WriteLine(ex.Message); }", true, " (Console.Error.WriteLine goes nowhere: a Windows application has no console)")]
        [InlineData("{|#0:catch (IOException)|} { Console.WriteLine(\"save failed\"); }", true, " (Console.WriteLine goes nowhere: a Windows application has no console)")]
        [InlineData("{|#0:catch (IOException ex)|} { Console.Out.WriteLine(ex); }", true, " (Console.Out.WriteLine goes nowhere: a Windows application has no console)")]
        [InlineData("{|#0:catch (IOException ex)|} { System.Diagnostics.Debug.WriteLine(ex); }", false, " (Debug.WriteLine is left out of Release builds)")]
        [InlineData("{|#0:catch (IOException ex)|} { System.Diagnostics.Debug.Fail(\"save failed: \" + ex.Message); }", false, " (Debug.Fail is left out of Release builds)")]
        [InlineData("{|#0:catch (IOException)|} { DebugLog(\"save failed\"); }", false, " (Program.DebugLog is left out of Release builds)")]
        public Task ConsoleWriteInAGuiApplicationOrDebugOnlyWrite_ReportsDiagnostic(string catchClause, bool gui, string note)
        {
            var test = VerifyCS.AnalysisTest(GuiStore(catchClause));
            test.OutputKind = gui ? Microsoft.CodeAnalysis.OutputKind.WindowsApplication : Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("File.WriteAllText", OnWrite, note));
            return test.RunAsync();
        }

        // The same catch in a console application, and a GUI application's catch that reports through a trace or a logger.
        [Theory]
        [InlineData("catch (IOException ex) { Console.Error.WriteLine(ex.Message); }", false)]
        [InlineData("catch (IOException) { System.Diagnostics.Trace.TraceError(\"save failed\"); }", true)]
        [InlineData("catch (IOException ex) { ReportFailure(ex); }", true)]
        [InlineData("catch (IOException ex) { System.Diagnostics.Trace.WriteLine(ex); }", false)]
        public Task ConsoleWriteInAConsoleApplicationOrTraceInAGuiApplication_NoDiagnostic(string catchClause, bool gui)
            => GuiOrConsoleApplication(catchClause, gui);

        private static Task GuiOrConsoleApplication(string catchClause, bool gui)
        {
            var test = VerifyCS.AnalysisTest(GuiStore(catchClause));
            test.OutputKind = gui ? Microsoft.CodeAnalysis.OutputKind.WindowsApplication : Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        // A Windows service has no console either; only a call says the project is one (here in another file), so the
        // catch is held until the compilation's end. A host also run under systemd keeps its console (the journal).
        [Theory]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", "{|#0:catch (IOException ex)|} { Console.Error.WriteLine(ex.Message); }", " (Console.Error.WriteLine goes nowhere: a Windows service has no console)")]
        [InlineData("var builder = Host.CreateApplicationBuilder(args); builder.Services.AddWindowsService(); builder.Build().Run();", "{|#0:catch (IOException)|} { Console.WriteLine(\"save failed\"); }", " (Console.WriteLine goes nowhere: a Windows service has no console)")]
        [InlineData("System.ServiceProcess.ServiceBase.Run(new Worker());", "{|#0:catch (IOException ex)|} { Console.Out.WriteLine(ex); }", " (Console.Out.WriteLine goes nowhere: a Windows service has no console)")]
        // Topshelf (real-world round 25, SimpleDeploy), by a stand-in for its public surface.
        [InlineData("Topshelf.HostFactory.Run(x => { });", "{|#0:catch (IOException ex)|} { Console.WriteLine(ex); }", " (Console.WriteLine goes nowhere: a Windows service has no console)")]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", "{|#0:catch (IOException)|} { }", "")]
        public Task ConsoleWriteInAWindowsService_ReportsDiagnostic(string host, string catchClause, string note)
        {
            var test = ServiceStore(host, catchClause);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("File.WriteAllText", OnWrite, note));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().UseSystemd().Build().Run();", "catch (IOException ex) { Console.Error.WriteLine(ex.Message); }")]
        [InlineData("Host.CreateDefaultBuilder(args).Build().Run();", "catch (IOException ex) { Console.Error.WriteLine(ex.Message); }")]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", "catch (IOException ex) { System.Diagnostics.Trace.TraceError(ex.Message); }")]
        [InlineData("Host.CreateDefaultBuilder(args).UseWindowsService().Build().Run();", "catch (IOException ex) { Console.Error.WriteLine(ex.Message); throw; }")]
        public Task ConsoleWriteInAServiceThatHasOne_NoDiagnostic(string host, string catchClause)
            => ServiceStore(host, catchClause).RunAsync();

        private static AnalyzerTest ServiceStore(string host, string catchClause)
        {
            var test = VerifyCS.AnalysisTest($$"""
                using System;
                using System.IO;

                static class Store
                {
                    public static void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "{}");
                        }
                        {{catchClause}}
                    }
                }
                """);
            test.Sources.Add(ServiceHostSources.Program(host));
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.References.AddRange(References.AspNetCore);
            test.References.AddRange(References.WindowsServices);
            test.References.AddRange(References.Systemd);
            test.References.Add(References.Named("Topshelf", """
                namespace Topshelf
                {
                    public interface HostConfigurator { }
                    public enum TopshelfExitCode { Ok }
                    public static class HostFactory
                    {
                        public static TopshelfExitCode Run(System.Action<HostConfigurator> configureCallback) => TopshelfExitCode.Ok;
                    }
                }
                """));
            return test;
        }

        private static string GuiStore(string catchClause) => $$"""
            using System;
            using System.IO;

            static class Program
            {
                static void Main() => Save("settings.json");

                static void Save(string path)
                {
                    try
                    {
                        File.WriteAllText(path, "{}");
                    }
                    {{catchClause}}
                }

                static void ReportFailure(Exception ex) { }

                [System.Diagnostics.Conditional("DEBUG")]
                static void DebugLog(string message) { }
            }
            """;

        // ------------------------------------------------------------ safe look-alikes

        [Theory]
        [InlineData("catch (FormatException) { }")]
        [InlineData("catch (OperationCanceledException) { }")]
        [InlineData("catch (TaskCanceledException) { }")]
        [InlineData("catch (Exception ex) when (ex is not IOException) { }")]
        [InlineData("catch (Exception ex) when (ex is OperationCanceledException) { }")]
        [InlineData("catch (Exception ex) when (ex is OperationCanceledException or FormatException) { }")]
        [InlineData("catch (Exception ex) when (ex is OperationCanceledException || ex is FormatException) { }")]
        [InlineData("catch (IOException ex) when (ex.HResult == unchecked((int)0x80070070)) { }")]
        [InlineData("catch (IOException) { throw; }")]
        [InlineData("catch (IOException ex) { throw new InvalidOperationException(\"save failed\", ex); }")]
        [InlineData("catch (IOException ex) { Console.Error.WriteLine(ex.Message); }")]
        [InlineData("catch (IOException) { Console.Error.WriteLine(\"save failed\"); }")]
        [InlineData("catch (IOException) { System.Diagnostics.Trace.TraceError(\"save failed\"); }")]
        [InlineData("catch (IOException ex) { Remember(ex); }")]
        [InlineData("catch (IOException) { _status = \"failed\"; }")]
        [InlineData("catch (IOException) { ReportFailure(); }")]
        [InlineData("catch (IOException) { Environment.FailFast(\"disk\"); }")]
        public Task HandledOrUnrelatedCatch_NoDiagnostic(string catchClause)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    private string _status = "";
                    private Exception? _last;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        {{catchClause}}
                    }

                    void Remember(Exception ex) => _last = ex;

                    void ReportFailure() => _status = "failed";
                }
                """);

        [Fact]
        public Task ReturnsOrSignalsCaller_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                class Store
                {
                    bool TrySave(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                            return true;
                        }
                        catch (IOException)
                        {
                            return false;
                        }
                    }

                    void Save(string path, out bool saved)
                    {
                        saved = true;
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException)
                        {
                            saved = false;
                        }
                    }

                    bool SaveWithFlag(string path)
                    {
                        var ok = true;
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException)
                        {
                            ok = false;
                        }

                        return ok;
                    }
                }
                """);

        [Fact]
        public Task FallsThroughToAStatementThatTells_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Store
                {
                    // The Try-pattern: only a catch reaches `return false`.
                    static bool TryDelete(string path)
                    {
                        try
                        {
                            File.Delete(path);
                            return true;
                        }
                        catch (ArgumentException) { }
                        catch (IOException) { }
                        catch (UnauthorizedAccessException) { }
                        return false;
                    }

                    // A success flag set in the try block and returned or tested after it.
                    static bool SaveWithFlag(string path)
                    {
                        var saved = false;
                        try
                        {
                            File.WriteAllText(path, "x");
                            saved = true;
                        }
                        catch (IOException) { }
                        return saved;
                    }

                    static void SaveOrThrow(string path)
                    {
                        var attempts = 0;
                        try
                        {
                            File.WriteAllText(path, "x");
                            attempts++;
                        }
                        catch (IOException) { }
                        if (attempts == 0)
                        {
                            throw new InvalidOperationException("not saved");
                        }
                    }

                    static void SaveOrFail(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                            return;
                        }
                        catch { }
                        throw new InvalidOperationException("not saved");
                    }

                    // The outcome checked right after: a test that throws.
                    static void CopyOrFail(string source, string target)
                    {
                        try
                        {
                            File.Copy(source, target, overwrite: true);
                        }
                        catch (IOException) { }
                        if (!File.Exists(target))
                        {
                            throw new InvalidOperationException("not copied: " + target);
                        }
                    }

                    // Only a catch gets past the try: the log after it is the catch's.
                    static void SaveOrLog(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                            return;
                        }
                        catch (IOException) { }
                        Console.Error.WriteLine("not saved: " + path);
                    }
                }
                """);

        [Fact]
        public Task FallsThroughToAStatementThatDoesNotTell_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Store
                {
                    // The try block falls through too: `return true` says the same either way.
                    static bool Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|] { }
                        return true;
                    }

                    // The flag is set before the try, not by it (the try sets another local).
                    static bool SaveWithStaleFlag(string path, bool force)
                    {
                        var saved = force;
                        var writes = 0;
                        try
                        {
                            File.WriteAllText(path, "x");
                            writes++;
                        }
                        [|catch (IOException)|] { }
                        return saved;
                    }

                    // The catch leaves the loop: the flag test after the try is not where it goes.
                    static void SaveAll(string[] paths)
                    {
                        foreach (var path in paths)
                        {
                            var saved = 0;
                            try
                            {
                                File.WriteAllText(path, "x");
                                saved++;
                            }
                            [|catch (IOException)|]
                            {
                                break;
                            }

                            if (saved > 0)
                            {
                                Console.WriteLine(path);
                            }
                        }
                    }

                    // A test after the try that only logs does not tell: it runs the same either way.
                    static void SaveThenMaybeLog(string path, bool verbose)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|] { }
                        if (verbose)
                        {
                            Console.WriteLine("wrote " + path);
                        }
                    }

                    // The try falls through too: the log says the same whether the write failed or not.
                    static void SaveThenLogEitherWay(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|] { }
                        Console.WriteLine("saved " + path);
                    }

                    // The statement after the try is not the next one the catch reaches.
                    static bool SaveThenLog(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                            return true;
                        }
                        [|catch (IOException)|] { }
                        Touch(path);
                        return false;
                    }

                    static void Touch(string path) { }
                }
                """);

        [Fact]
        public Task WriteCaughtByAnInnerCatch_ReportsOnlyTheInnerCatch_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Store
                {
                    static void Cleanup(string dir)
                    {
                        try
                        {
                            foreach (var file in Directory.EnumerateFiles(dir))
                            {
                                try { File.Delete(file); }
                                [|catch|] { }
                            }
                        }
                        catch { }
                    }

                    static void Typed(string path)
                    {
                        try
                        {
                            try { File.WriteAllText(path, "x"); }
                            [|catch (IOException)|] { }
                        }
                        catch (IOException) { }
                    }

                    // The inner catch rethrows, lets some I/O failures through, or filters: the outer catch sees the write.
                    static void Rethrown(string path)
                    {
                        try
                        {
                            try { File.WriteAllText(path, "x"); }
                            catch (IOException) { Console.WriteLine("retrying"); throw; }
                        }
                        [|catch (IOException)|] { }
                    }

                    static void Narrower(string path)
                    {
                        try
                        {
                            try { File.WriteAllText(path, "x"); }
                            catch (FileNotFoundException) { Console.WriteLine("missing"); }
                        }
                        [|catch (IOException)|] { }
                    }

                    static void Filtered(string path, bool quiet)
                    {
                        try
                        {
                            try { File.WriteAllText(path, "x"); }
                            catch (IOException) when (quiet) { Console.WriteLine("quiet"); }
                        }
                        [|catch (IOException)|] { }
                    }

                    // A second write outside the inner try is still the outer catch's.
                    static void SecondWrite(string path)
                    {
                        try
                        {
                            try { File.WriteAllText(path, "x"); }
                            catch (Exception e) { Console.WriteLine(e); }
                            File.AppendAllText(path, "y");
                        }
                        [|catch (IOException)|] { }
                    }
                }
                """);

        [Fact]
        public Task CatchWritesAgain_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        File.AppendAllText(path, "line");
                    }
                    catch (IOException)
                    {
                        await Task.Delay(10);
                        File.AppendAllText(path, "line");
                    }

                    try
                    {
                        File.WriteAllBytes(path, data);
                    }
                    catch
                    {
                        File.WriteAllBytes(path + ".retry", data);
                    }

                    try
                    {
                        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                        using var writer = new StreamWriter(stream);
                        writer.Write("x");
                    }
                    catch
                    {
                        await Task.Delay(10);
                        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                        using var writer = new StreamWriter(stream);
                        writer.Write("x");
                    }
            """));

        [Fact]
        public Task CatchThatOnlyCleansUp_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    var writer = new StreamWriter(path);
                    try
                    {
                        writer.Write("x");
                    }
                    [|catch (IOException)|]
                    {
                        writer.Dispose();
                    }

                    try
                    {
                        File.WriteAllBytes(path + ".tmp", data);
                        File.Move(path + ".tmp", path);
                    }
                    [|catch|]
                    {
                        File.Delete(path + ".tmp");
                    }
            """));

        [Fact]
        public Task CatchWritesAgainInsideSwallowingCatch_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        File.WriteAllText(path, "x");
                    }
                    catch
                    {
                        try
                        {
                            await Task.Delay(10);
                            File.WriteAllText(path, "x");
                        }
                        [|catch|]
                        {
                            // give up
                        }
                    }
            """));

        [Fact]
        public Task DroppedAsyncWriteTask_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    // The write fails in its task, which nobody awaits: no catch here sees it (PM3002 reports the dropped task).
                    try
                    {
                        _ = File.WriteAllTextAsync(path, "x");
                    }
                    catch (IOException)
                    {
                    }

                    try
                    {
                        input.CopyToAsync(Stream.Null);
                    }
                    catch (IOException)
                    {
                    }

                    // A task stored in a local nothing reads is dropped too.
                    try
                    {
                        var unread = File.AppendAllTextAsync(path, "x");
                    }
                    catch (IOException)
                    {
                    }

                    // A catch that retries with a dropped task is no retry.
                    try
                    {
                        File.WriteAllText(path, "y");
                    }
                    [|catch (IOException)|]
                    {
                        _ = File.WriteAllTextAsync(path, "y");
                    }
            """));

        [Fact]
        public Task AwaitedAsyncWriteTask_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(InMethod("""
                    try
                    {
                        await File.WriteAllTextAsync(path, "x").ConfigureAwait(false);
                    }
                    [|catch (IOException)|]
                    {
                    }

                    try
                    {
                        var pending = File.WriteAllTextAsync(path, "x");
                        await pending;
                    }
                    [|catch (IOException)|]
                    {
                    }
            """));

        [Fact]
        public Task RetryLoop_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading;

                class Store
                {
                    // Retries until it succeeds.
                    void Forever(string path)
                    {
                        while (true)
                        {
                            try
                            {
                                File.AppendAllText(path, "y");
                                break;
                            }
                            catch (IOException)
                            {
                            }
                        }
                    }

                    void UntilSaved(string path)
                    {
                        var saved = false;
                        do
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                saved = true;
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                            }
                        }
                        while (!saved);
                    }

                    // Bounded, and the spent loop tells.
                    void ThenThrow(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return;
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                            }
                        }

                        throw new IOException("could not save " + path);
                    }

                    bool ThenReturnFalse(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return true;
                            }
                            catch (IOException)
                            {
                                continue;
                            }
                        }

                        return false;
                    }

                    void ThenTestTheCount(string path)
                    {
                        var attempts = 0;
                        while (attempts < 3)
                        {
                            attempts++;
                            try
                            {
                                File.WriteAllText(path, "x");
                                break;
                            }
                            catch (IOException)
                            {
                            }
                        }

                        if (attempts == 3)
                        {
                            Console.Error.WriteLine("not saved: " + path);
                        }
                    }

                    void ThenLog(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return;
                            }
                            catch (IOException)
                            {
                            }
                        }

                        Console.Error.WriteLine("not saved: " + path);
                    }

                    void ThenCheckTheFile(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.Copy(path, path + ".bak", overwrite: true);
                                break;
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                            }
                        }

                        if (!File.Exists(path + ".bak"))
                        {
                            throw new IOException("no backup of " + path);
                        }
                    }

                    // Last in a nested block: what follows the if is not known.
                    void Nested(string path, bool retry)
                    {
                        if (retry)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                try
                                {
                                    File.WriteAllText(path, "x");
                                    return;
                                }
                                catch (IOException)
                                {
                                }
                            }
                        }

                        throw new IOException("could not save " + path);
                    }
                }
                """);

        // Real-world round 11 (ShareX's logger in a WinExe, NuGet's migration markers): a while/for loop that goes on to the
        // next item after a success writes another item each time, so a swallowed failure loses that item, as in a
        // foreach. Such a loop last in an if or lock block was taken for a retry loop whose end is not known.
        [Fact]
        public Task ItemLoopLastInANestedBlock_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Concurrent;
                using System.Diagnostics;
                using System.IO;
                using System.Text;

                class Store
                {
                    private readonly object _gate = new object();
                    private readonly ConcurrentQueue<string> _queue = new ConcurrentQueue<string>();

                    void Touch(string[] files, bool ok)
                    {
                        if (ok)
                        {
                            for (int i = 0; i < files.Length; i++)
                            {
                                try { File.WriteAllText(files[i], ""); }
                                [|catch|] { }
                            }
                        }
                    }

                    void Drain()
                    {
                        lock (_gate)
                        {
                            while (_queue.TryDequeue(out string? message))
                            {
                                try { File.AppendAllText("app.log", message, Encoding.UTF8); }
                                [|catch (Exception e)|] { Debug.WriteLine(e); }
                            }
                        }
                    }

                    void Migrate(string dir, Action[] migrations)
                    {
                        for (int i = 0; i < migrations.Length; i++)
                        {
                            try
                            {
                                migrations[i]();
                                File.WriteAllText(Path.Combine(dir, (i + 1).ToString()), string.Empty);
                            }
                            [|catch|] { }
                        }
                    }
                }
                """);

        // A retry loop (a success leaves it) last in a nested block: what follows is not known, so it is not reported.
        [Fact]
        public Task RetryLoopLastInANestedBlock_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading;

                class Store
                {
                    private readonly object _gate = new object();

                    void Save(string path, bool ok)
                    {
                        if (ok)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                try
                                {
                                    File.WriteAllText(path, "x");
                                    break;
                                }
                                catch (IOException)
                                {
                                    Thread.Sleep(100);
                                }
                            }
                        }
                    }

                    // Real-world round 9's PLC worker: waits until the file can be opened; the using's body leaves the loop.
                    void WaitForFile(string file)
                    {
                        if (file.Length > 0)
                        {
                            while (true)
                            {
                                try
                                {
                                    using (var fs = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) return;
                                }
                                catch { Thread.Sleep(200); }
                            }
                        }
                    }

                    // The review of round 11's change: the break after the lock that holds the try.
                    void AppendLocked(string path, string line)
                    {
                        for (int i = 0; ; i++)
                        {
                            lock (_gate)
                            {
                                try { File.AppendAllText(path, line); }
                                catch (IOException) when (i < 5) { Thread.Sleep(100); continue; }
                            }

                            break;
                        }
                    }

                    void SaveLocked(string path)
                    {
                        lock (_gate)
                        {
                            var attempt = 0;
                            while (attempt++ < 3)
                            {
                                try
                                {
                                    File.WriteAllText(path, "x");
                                }
                                catch (IOException)
                                {
                                    Thread.Sleep(100);
                                    continue;
                                }

                                break;
                            }
                        }
                    }
                }
                """);

        // A folder deleted without its contents (Directory.Delete(dir), DirectoryInfo.Delete()) is removed only when empty:
        // `catch (IOException) { }` around it is the idiom for "remove it if it is empty", and its failure leaves no file on
        // the disk. Nor is a delete whose recursion is not the constant true (not known to delete any file).
        [Theory]
        [InlineData("Directory.Delete(path);")]
        [InlineData("Directory.Delete(path, false);")]
        [InlineData("new DirectoryInfo(path).Delete();")]
        [InlineData("Directory.Delete(path, path.Length > 3);")]
        public Task FolderDeletedOnlyWhenEmpty_NoDiagnostic(string delete)
            => VerifyCS.VerifyAnalyzerAsync(InMethod($$"""
                    try
                    {
                        {{delete}}
                    }
                    catch (IOException)
                    {
                        // not empty: other files are still in use
                    }
            """));

        // A gap real-world round 18 noted: a folder deleted with its contents, swallowed, is reported as a
        // swallowed File.Delete is, and is exempt where File.Delete is: best-effort cleanup in Dispose.
        [Fact]
        public Task FolderDeletedWithItsContents_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                sealed class Workspace : IDisposable
                {
                    private readonly string _root = Path.Combine(Path.GetTempPath(), "ws-" + Guid.NewGuid());

                    public void Purge(string uploads)
                    {
                        foreach (var folder in Directory.GetDirectories(uploads))
                        {
                            try { Directory.Delete(folder, true); }
                            [|catch|] { }
                        }
                    }

                    public void Dispose()
                    {
                        try { new DirectoryInfo(_root).Delete(recursive: true); }
                        catch (IOException) { }
                    }
                }
                """);

        // Real-world round 11 (Duplicati's TempFile): a try that only deletes, in Dispose, DisposeAsync or a finalizer, is
        // best-effort cleanup: a failure leaves a file behind, loses no data, and nothing there could tell a caller.
        [Fact]
        public Task DeleteInCleanupCode_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                sealed class TempFile : IDisposable, IAsyncDisposable
                {
                    private string? _path = Path.Combine(Path.GetTempPath(), "dup-" + Guid.NewGuid());

                    ~TempFile() => Dispose(false);

                    public void Dispose() => Dispose(true);

                    private void Dispose(bool disposing)
                    {
                        try
                        {
                            if (_path != null && File.Exists(_path))
                                File.Delete(_path);
                            _path = null;
                        }
                        catch
                        {
                        }
                    }

                    public ValueTask DisposeAsync()
                    {
                        try { new FileInfo(_path!).Delete(); }
                        catch (IOException) { }
                        return default;
                    }
                }
                """);

        // A test framework's clean-up method deletes the test's scratch files and folders best-effort, as Dispose does
        // (NUnit's TearDown and OneTimeTearDown, MSTest's TestCleanup, BenchmarkDotNet's GlobalCleanup; stand-ins here).
        [Fact]
        public Task DeleteInTestTearDown_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using NUnit.Framework;

                public class ExportTests
                {
                    private string _dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());

                    [TearDown]
                    public void Cleanup()
                    {
                        try { Directory.Delete(_dir, true); }
                        catch { }
                    }

                    [OneTimeTearDown]
                    public void RemoveAll()
                    {
                        try { File.Delete(_dir + ".zip"); }
                        catch (IOException) { }
                    }

                    // Not a clean-up method: a test whose own delete fails silently is reported.
                    [Test]
                    public void Purges()
                    {
                        try { Directory.Delete(_dir, true); }
                        [|catch|] { }
                    }
                }

                namespace NUnit.Framework
                {
                    public sealed class TearDownAttribute : Attribute { }
                    public sealed class OneTimeTearDownAttribute : Attribute { }
                    public sealed class TestAttribute : Attribute { }
                }
                """);

        // Elsewhere a swallowed delete is reported (a user's file that stays; a service's temp file deleted in a finally,
        // real-world round 9), and in Dispose a try that also writes, or a lambda that runs later.
        [Fact]
        public Task DeleteOutsideCleanupOrWriteInDispose_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                sealed class Store : IDisposable
                {
                    private readonly string _path = "state.json";

                    public void Forget(string userFile)
                    {
                        try { File.Delete(userFile); }
                        [|catch|] { }
                    }

                    public static void Download(string partial, Action download)
                    {
                        try
                        {
                            download();
                        }
                        finally
                        {
                            try { File.Delete(partial); }
                            [|catch|] { }
                        }
                    }

                    public void Sweep()
                    {
                        foreach (var file in Directory.GetFiles(Path.GetTempPath(), "dup-*"))
                        {
                            try { File.Delete(file); }
                            [|catch|] { }
                        }
                    }

                    public void Dispose()
                    {
                        try
                        {
                            File.WriteAllText(_path, "{}");
                            File.Delete(_path + ".bak");
                        }
                        [|catch|] { }

                        Action later = () =>
                        {
                            try { File.Delete(_path); }
                            [|catch|] { }
                        };
                        later();
                    }
                }
                """);

        // After a try whose success returns true, `return true;` where the catch falls through tells the caller nothing;
        // `return false;` does (a negative look-alike).
        [Fact]
        public Task ReturnAfterTheTryOfTheSuccessValue_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;

                static class Store
                {
                    public static bool TrySave(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                            return true;
                        }
                        [|catch (IOException)|]
                        {
                        }

                        return true;
                    }

                    public static bool TrySaveOrSayNo(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                            return true;
                        }
                        catch (IOException)
                        {
                        }

                        return false;
                    }
                }
                """);

        // Real-world round 12 (OpenRA's Log.AddChannel): a foreach that a success leaves tries candidates until one works,
        // and says so once they are spent. A retry, as the counted loop is.
        [Fact]
        public Task ForEachThroughCandidatesThatTellsWhenSpent_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;

                static class Log
                {
                    static IEnumerable<string> Candidates(string baseName)
                    {
                        for (var i = 0; i < 128; i++)
                            yield return i > 0 ? baseName + "." + i : baseName;
                    }

                    static IEnumerable<string> NamesOrThrow(string baseName)
                    {
                        for (var i = 0; i < 128; i++)
                            yield return i > 0 ? baseName + "." + i : baseName;

                        throw new ApplicationException("Error creating log file " + baseName);
                    }

                    // OpenRA's AddChannel: the names run out inside the iterator, which throws; nothing after the loop.
                    public static void AddChannel(string baseName, Dictionary<string, TextWriter> channels)
                    {
                        foreach (var name in NamesOrThrow(baseName))
                        {
                            try
                            {
                                channels[baseName] = File.CreateText(name);
                                return;
                            }
                            catch (IOException) { }
                        }
                    }

                    public static TextWriter Open(string baseName)
                    {
                        foreach (var name in Candidates(baseName))
                        {
                            try
                            {
                                return File.CreateText(name);
                            }
                            catch (IOException)
                            {
                            }
                        }

                        throw new IOException("No free log file name for " + baseName);
                    }

                    public static string? FirstWritable(string[] folders)
                    {
                        foreach (var folder in folders)
                        {
                            try
                            {
                                File.WriteAllText(Path.Combine(folder, "probe"), "");
                                return folder;
                            }
                            catch (UnauthorizedAccessException)
                            {
                            }
                        }

                        return null;
                    }
                }
                """);

        // ...and one that, once its candidates are spent, ends the method as if the write had been made: the last failure
        // vanishes (an iterator that ends without a throw says nothing either). An item loop (a success goes on to the
        // next item) stays reported, as before.
        [Fact]
        public Task ForEachThroughCandidatesThatGivesUpSilently_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.IO;

                static class Store
                {
                    static IEnumerable<string> Folders()
                    {
                        yield return "a";
                        yield return "b";
                    }

                    public static void SaveToFirstFolder(string text)
                    {
                        foreach (var folder in Folders())
                        {
                            try
                            {
                                File.WriteAllText(Path.Combine(folder, "out.txt"), text);
                                return;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }
                    }

                    static IEnumerable<string> FoldersOrThrow(bool quiet)
                    {
                        yield return "a";
                        if (quiet)
                            yield break;

                        throw new IOException("no folder left");
                    }

                    // The iterator can also run out quietly (yield break): the loop can give up without a word.
                    public static void SaveToFirstOrQuit(string text, bool quiet)
                    {
                        foreach (var folder in FoldersOrThrow(quiet))
                        {
                            try
                            {
                                File.WriteAllText(Path.Combine(folder, "out.txt"), text);
                                return;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }
                    }

                    // `return true` after the loop is what every success returns too: the caller learns nothing.
                    public static bool TrySaveToFirst(string[] folders, string text)
                    {
                        foreach (var folder in folders)
                        {
                            try
                            {
                                File.WriteAllText(Path.Combine(folder, "out.txt"), text);
                                return true;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }

                        return true;
                    }

                    public static bool TrySaveWithRetries(string path, string text)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return true;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }

                        return true;
                    }

                    // A break inside a switch of the loop leaves the switch, not the loop: an item loop.
                    public static int SaveByKind(Dictionary<string, int> files, string text)
                    {
                        var written = 0;
                        foreach (var file in files)
                        {
                            switch (file.Value)
                            {
                                case 1:
                                    try
                                    {
                                        File.WriteAllText(file.Key, text);
                                        written++;
                                        break;
                                    }
                                    [|catch (IOException)|]
                                    {
                                    }

                                    break;
                            }
                        }

                        return written;
                    }

                    public static void SaveToFirst(string[] folders, string text)
                    {
                        foreach (var folder in folders)
                        {
                            try
                            {
                                File.WriteAllText(Path.Combine(folder, "out.txt"), text);
                                break;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }
                    }

                    public static void SaveEach(string[] files, string text)
                    {
                        foreach (var file in files)
                        {
                            try
                            {
                                File.WriteAllText(file, text);
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task RetryLoopThatGivesUpSilently_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    // SlidyDev/ScarchivesBot's shape: after the last attempt the method just ends.
                    static async Task WritePatiently(string path, string contents, int maxAttempts = 10)
                    {
                        for (var tries = 0; tries < maxAttempts; tries++)
                        {
                            try
                            {
                                await File.WriteAllTextAsync(path, contents);
                                return;
                            }
                            [|catch (IOException)|]
                            {
                                await Task.Delay(100);
                            }
                        }
                    }

                    static bool SaveThenClaimSuccess(string path)
                    {
                        var attempt = 0;
                        while (attempt++ < 3)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                break;
                            }
                            [|catch (IOException)|]
                            {
                                continue;
                            }
                        }

                        return true;
                    }

                    static void SaveThenGoOn(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                break;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }

                        Publish(path);
                    }

                    // A successful attempt gets past the loop too (break): the log after it says the same either way.
                    static void SaveThenLogEitherWay(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                break;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }

                        Console.WriteLine("saved " + path);
                    }

                    static void Publish(string path) { }
                }
                """);

        [Fact]
        public Task LoggedWithLoggingLibraries_NoDiagnostic()
        {
            var test = VerifyCS.Test("""
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
                        catch (IOException)
                        {
                            _logger.LogWarning("Could not save {Path}", path);
                        }
                    }
                }
                """, fixedSource: "");
            test.FixedSources.Clear();
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 8: making a logger reports nothing; only a call on it does (the safe look-alike is above).
        [Fact]
        public Task LoggerMadeButNeverUsed_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store
                {
                    private readonly ILoggerFactory _factory;

                    public Store(ILoggerFactory factory) => _factory = factory;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|]
                        {
                            var logger = _factory.CreateLogger("Store");
                        }
                    }

                    void SaveAll(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "y");
                        }
                        [|catch (IOException)|]
                        {
                            using var factory = LoggerFactory.Create(_ => { });
                        }
                    }

                    void SaveLogged(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "z");
                        }
                        catch (IOException ex)
                        {
                            _factory.CreateLogger("Store").LogError(ex, "save failed");
                        }
                    }
                }
                """, fixedSource: "");
            test.FixedSources.Clear();
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 8: a catch that makes the same file another way (the backup by a move when the copy is refused)
        // either succeeds or throws: the failure is handled, as a retry is. Deleting that file instead is cleanup, and the
        // failure is swallowed (the test below).
        [Fact]
        public Task FallbackToTheSameFile_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Backup
                {
                    void Keep(string src)
                    {
                        try { File.Copy(src, src + ".bak", overwrite: true); }
                        catch (UnauthorizedAccessException) { File.Move(src, src + ".bak"); }
                    }
                }
                """);

        [Fact]
        public Task CleanupOfTheSameFile_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Backup
                {
                    void Keep(string src)
                    {
                        try { File.Copy(src, src + ".bak", overwrite: true); }
                        [|catch (UnauthorizedAccessException)|] { File.Delete(src + ".bak"); }
                    }

                    void Cleanup(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        [|catch (IOException)|] { File.Delete(path); }
                    }
                }
                """);

        [Fact]
        public Task InMemoryAndReadOnlyWork_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Text;

                class Render
                {
                    string Build(byte[] data, string path)
                    {
                        try
                        {
                            using var memory = new MemoryStream();
                            memory.Write(data, 0, data.Length);
                            memory.Flush();
                            using var text = new StringWriter();
                            text.Write("x");
                            using var overMemory = new StreamWriter(memory, Encoding.UTF8);
                            overMemory.Write("y");
                            overMemory.Flush();
                            Console.Out.Write("progress");
                            var content = File.ReadAllText(path);
                            using var read = File.OpenRead(path);
                            read.CopyTo(memory);
                        }
                        catch (Exception)
                        {
                        }

                        return "";
                    }
                }
                """);

        [Fact]
        public Task NetworkAndResponseStreams_NoDiagnostic()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer>.Test("""
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;

                class Push
                {
                    async Task Send(HttpContext context, NetworkStream socket, byte[] data)
                    {
                        try
                        {
                            await context.Response.Body.WriteAsync(data, 0, data.Length);
                            await context.Response.Body.FlushAsync();
                            socket.Write(data, 0, data.Length);
                        }
                        catch (Exception)
                        {
                            // the client went away
                        }
                    }
                }
                """);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 6: HttpListener's response body, a writer over a socket, a socket held in a Stream local, a
        // child process's standard input and a named pipe fail when the other end goes away, never for a full disk.
        [Theory]
        [InlineData("context.Response.OutputStream.Write(data, 0, data.Length); context.Response.OutputStream.Close();")]
        [InlineData("var writer = new StreamWriter(client.GetStream()); writer.AutoFlush = true; writer.WriteLine(\"hello\");")]
        [InlineData("var socket = client.GetStream(); using var writer = new StreamWriter(socket); writer.WriteLine(\"hello\");")]
        [InlineData("Stream stream = client.GetStream(); stream.Write(data, 0, data.Length);")]
        [InlineData("process.StandardInput.WriteLine(\"input\"); process.StandardInput.Close();")]
        [InlineData("var input = process.StandardInput; input.WriteLine(\"input\");")]
        [InlineData("pipe.Write(data, 0, data.Length);")]
        public Task SocketsPipesAndListenerResponses_NoDiagnostic(string writes)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.Diagnostics;
                using System.IO;
                using System.IO.Pipes;
                using System.Net;
                using System.Net.Sockets;

                class Peer
                {
                    void Send(HttpListenerContext context, TcpClient client, Process process, NamedPipeClientStream pipe, byte[] data)
                    {
                        try
                        {
                            {{writes}}
                        }
                        catch (IOException)
                        {
                            // the other end went away
                        }
                    }
                }
                """);

        // A Stream local that holds a file, and a writer over a file stream, are still storage.
        [Theory]
        [InlineData("Stream stream = file; stream.Write(data, 0, data.Length);")]
        [InlineData("var writer = new StreamWriter(file); writer.WriteLine(\"hello\");")]
        public Task FileBehindStreamLocalOrWriter_ReportsDiagnostic(string writes)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.IO;

                class Peer
                {
                    void Send(FileStream file, byte[] data)
                    {
                        try
                        {
                            {{writes}}
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }
                }
                """);

        [Fact]
        public Task WriteOnlyInsideDeferredLambda_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Scheduler
                {
                    Action? _pending;

                    void Schedule(string path)
                    {
                        try
                        {
                            _pending = () => File.WriteAllText(path, "x");
                        }
                        catch (Exception)
                        {
                        }
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoException()
        {
            var test = CSharpAnalyzerVerifier<Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer>.Test("""
                using System.IO;

                class Broken
                {
                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, Missing.Value);
                        }
                        catch (IOException
                        {
                    }
                }
                """);
            test.AllowCompilerErrors = true;
            test.SkipSuppressionCheck = true;
            test.SkipGeneratedCodeCheck = true;
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fixes

        [Fact]
        public Task CommentOnlyCatch_RethrowFix_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.AppendAllText(path, text);
                        }
                        [|catch (IOException)|]
                        {
                            // the disk is probably full, nothing we can do
                        }
                    }
                }
                """, """
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.AppendAllText(path, text);
                        }
                        catch (IOException)
                        {
                            // the disk is probably full, nothing we can do
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);

        [Fact]
        public Task TrailingReturn_RethrowFixReplacesIt_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        [|catch|]
                        {
                            return;
                        }
                    }
                }
                """, """
                using System.IO;

                class Report
                {
                    void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        catch
                        {
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);

        [Fact]
        public Task RetryLoopThatGivesUp_NoRethrowOffered_ReportsDiagnostic()
        {
            // `throw;` would end the retries at the first failure; without a logger in scope nothing is offered.
            var code = """
                using System.IO;
                using System.Threading;

                class Store
                {
                    void Save(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return;
                            }
                            [|catch (IOException)|]
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task RetryLoopThatGivesUp_LogFix_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store
                {
                    private readonly ILogger<Store> _logger;

                    public Store(ILogger<Store> logger) => _logger = logger;

                    void Save(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return;
                            }
                            [|catch (IOException)|]
                            {
                            }
                        }
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store
                {
                    private readonly ILogger<Store> _logger;

                    public Store(ILogger<Store> logger) => _logger = logger;

                    void Save(string path)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, "x");
                                return;
                            }
                            catch (IOException ex)
                            {
                                _logger.LogError(ex, "File.WriteAllText failed");
                            }
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // Real-world round 10: with implicit usings (a global using System; in a generated file) the fix's catch
        // (Exception ex) needs no using directive of its own; it had added a redundant one.
        [Fact]
        public Task GlobalUsingSystem_LogFix_AddsNoUsing()
        {
            var test = VerifyCS.Test("""
                using Microsoft.Extensions.Logging;

                sealed class Job(ILogger<Job> logger)
                {
                    public void Run(string localFile)
                    {
                        try
                        {
                            logger.LogInformation("processing {File}", localFile);
                        }
                        finally
                        {
                            try { File.Delete(localFile); } [|catch|] { }
                        }
                    }
                }
                """, """
                using Microsoft.Extensions.Logging;

                sealed class Job(ILogger<Job> logger)
                {
                    public void Run(string localFile)
                    {
                        try
                        {
                            logger.LogInformation("processing {File}", localFile);
                        }
                        finally
                        {
                            try { File.Delete(localFile); } catch (Exception ex) { logger.LogError(ex, "File.Delete failed"); }
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            const string globalUsings = "// <auto-generated/>\nglobal using global::System;\nglobal using global::System.IO;\n";
            test.Sources.Add(globalUsings);
            test.FixedSources.Add(globalUsings);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // With a logger in scope both fixes are offered, logging first: `dotnet format analyzers` applies the first, and
        // logging keeps what the method does (round 9's and 10's projects got "Rethrow" wherever it was offered).
        [Fact]
        public async Task LoggerInScope_LogFixOfferedFirst_ReportsDiagnostic()
        {
            var entry = new Robustness.CorpusEntry(
                "LoggerInScope",
                System.Collections.Immutable.ImmutableArray.Create(new Robustness.CorpusDocument("/0/Store.cs", """
                    using System.IO;
                    using Microsoft.Extensions.Logging;

                    class Store(ILogger<Store> logger)
                    {
                        public void Save(string path)
                        {
                            try { File.WriteAllText(path, "x"); } catch (IOException) { }
                        }
                    }
                    """)),
                System.Collections.Immutable.ImmutableArray<Robustness.CorpusDocument>.Empty,
                Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Postmortem.Analyzers.Rules.PM3001SwallowedWriteFailureAnalyzer());
            var solution = Robustness.Harness.CreateSolution(entry, analyzers, References.Net.AddRange(References.AspNetCore));
            var result = await Robustness.Harness.AnalyzeAsync(System.Linq.Enumerable.Single(solution.Projects), analyzers);
            var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "PM3001");
            var fixes = await Robustness.Harness.GetFixesAsync(solution, diagnostic, new[] { new PM3001SwallowedWriteFailureCodeFixProvider() });
            Assert.Equal(
                new[] { PM3001SwallowedWriteFailureCodeFixProvider.LogKey, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey },
                System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(fixes, f => f.Action.EquivalenceKey)));
        }

        [Fact]
        public Task LoggerFieldInScope_LogFix_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System;
                using System.IO;

                class Exporter
                {
                    private readonly Microsoft.Extensions.Logging.ILogger<Exporter> _logger;

                    public Exporter(Microsoft.Extensions.Logging.ILogger<Exporter> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }

                    void SaveAll(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "y");
                        }
                        [|catch|]
                        {
                            // ignore
                        }
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Exporter
                {
                    private readonly Microsoft.Extensions.Logging.ILogger<Exporter> _logger;

                    public Exporter(Microsoft.Extensions.Logging.ILogger<Exporter> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException ex)
                        {
                            _logger.LogError(ex, "File.WriteAllText failed");
                        }
                    }

                    void SaveAll(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "y");
                        }
                        catch (Exception ex)
                        {
                            // ignore
                            _logger.LogError(ex, "File.AppendAllText failed");
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task WhereNothingMayEscape_NoRethrowOffered_ReportsDiagnostic()
        {
            // Real-world round 8: `throw;` in a timer's, thread's or event's callback, or in async void, ends the process;
            // in a finalizer too; in Dispose it skips the cleanup after it. Without a logger in scope nothing is offered.
            var code = """
                using System;
                using System.IO;
                using System.Threading;

                sealed class Heartbeat : IDisposable
                {
                    private readonly Timer _timer;
                    private readonly FileSystemWatcher _watcher = new FileSystemWatcher("in");
                    private readonly StreamWriter _journal = new StreamWriter("journal.log");

                    public Heartbeat()
                    {
                        _timer = new Timer(OnTick, null, TimeSpan.Zero, TimeSpan.FromSeconds(30));
                        _watcher.Created += (s, e) =>
                        {
                            try { File.Copy(e.FullPath, "archive/" + e.Name); }
                            [|catch (IOException)|] { }
                        };
                        _watcher.Changed += OnChanged;
                        new Thread(() =>
                        {
                            try { File.AppendAllText("thread.log", "started"); }
                            [|catch (IOException)|] { }
                        }).Start();
                    }

                    private void OnTick(object? state)
                    {
                        try { File.WriteAllText("heartbeat.txt", DateTimeOffset.UtcNow.ToString("O")); }
                        [|catch (Exception)|]
                        {
                            // never let the timer thread die
                        }
                    }

                    private void OnChanged(object sender, FileSystemEventArgs e)
                    {
                        try { File.Copy(e.FullPath, "copy/" + e.Name, true); }
                        [|catch (IOException)|] { }
                    }

                    public async void Flush()
                    {
                        try { await File.AppendAllTextAsync("flush.log", "x"); }
                        [|catch (IOException)|] { }
                    }

                    public void Dispose()
                    {
                        try { _journal.Dispose(); }
                        [|catch (IOException)|] { }
                        _timer.Dispose();
                        _watcher.Dispose();
                    }

                    ~Heartbeat()
                    {
                        try { File.AppendAllText("heartbeat.txt", "stopped"); }
                        [|catch (IOException)|] { }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // From the review: a helper of the same file that writes, after the delete, loses its data to a missing folder.
        [Fact]
        public Task NotFoundCatchAroundADeleteAndAHelperWrite_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(
                """
                using System.IO;

                class Store
                {
                    public void Replace(string old, string path)
                    {
                        try
                        {
                            File.Delete(old);
                            Save(path);
                        }
                        {|#0:catch (DirectoryNotFoundException)|}
                        {
                        }
                    }

                    private static void Save(string path) => File.WriteAllText(path, "x");
                }
                """,
                VerifyCS.Diagnostic("PM3001").WithLocation(0).WithArguments("File.Delete", OnDelete, ""));

        // Real-world round 16 (LibreHardwareMonitor's settings, GitExtensions' backup): a try that only deletes, or only copies
        // or moves beside a write the method makes elsewhere, tidies up; `throw;` there failed the save (or the start-up) over a
        // stale backup. Logging is still offered where a logger is in scope. A copy that is the method's only write is fixed.
        [Fact]
        public Task Housekeeping_NoRethrowOffered_ReportsDiagnostic()
        {
            const string Tidying = """
                using System.IO;

                sealed class Settings
                {
                    public void Load(string fileName)
                    {
                        try { File.ReadAllText(fileName); }
                        catch
                        {
                            try { File.Delete(fileName); }
                            [|catch|] { }
                        }
                    }

                    public void Save(string fileName, byte[] data)
                    {
                        var backup = fileName + ".backup";
                        try { File.Delete(backup); }
                        [|catch|] { }
                        try { File.Move(fileName, backup); }
                        [|catch|] { }
                        using (var stream = new FileStream(fileName, FileMode.Create, FileAccess.Write))
                        {
                            stream.Write(data, 0, data.Length);
                        }

                        try { new FileInfo(backup).Delete(); }
                        [|catch|] { }
                    }

                    public void SaveWithCopy(string fileName, string temp)
                    {
                        try { File.Copy(fileName, fileName + ".bak", true); }
                        [|catch|] { }
                        File.Copy(temp, fileName, true);
                    }

                    // Real-world round 18 (Serenity's TemporaryFileHelper): the deletes are a helper's of the same file.
                    public void Purge(string filePath)
                    {
                        try
                        {
                            DeleteWithMarker(filePath);
                        }
                        [|catch|] { }
                    }

                    private static void DeleteWithMarker(string filePath)
                    {
                        File.Delete(filePath);
                        File.Delete(filePath + ".delete");
                    }

                    // A folder deleted with its contents tidies up as its files' deletes do.
                    public void ClearTempFolder(string folder)
                    {
                        try { Directory.Delete(folder, true); }
                        [|catch|] { }
                    }

                    // A Try… method promises not to throw; its callers check what happened (File.Exists after the call).
                    public void TryDeleteOrMark(string filePath)
                    {
                        try
                        {
                            File.Delete(filePath);
                        }
                        [|catch|]
                        {
                            try { File.WriteAllText(filePath + ".delete", ""); }
                            [|catch|] { }
                        }
                    }

                """;
            const string Archive = """
                    public void Archive(string fileName)
                    {
                        try { File.Copy(fileName, fileName + ".bak", true); }
                        [|catch|] { }##
                    }

                    public void Report(string fileName)
                    {
                        try { File.WriteAllText(fileName, "report"); }
                        [|catch|] { }##
                        File.AppendAllText("audit.log", fileName);
                    }

                    public void Backup(string source, string target)
                    {
                        try { File.Copy(source, target, true); }
                        [|catch|] { }##
                        File.AppendAllText("audit.log", "backed up");
                    }

                    public void BackupInfo(FileInfo file, FileInfo audit)
                    {
                        try { File.Copy(file.FullName, file.FullName + ".bak", true); }
                        [|catch|] { }##
                        File.AppendAllText(audit.FullName, "backed up");
                    }

                    public void SaveThroughAHelper(string path, string text)
                    {
                        try
                        {
                            File.Delete(path + ".tmp");
                            WriteSettings(path, text);
                        }
                        [|catch|] { }##
                    }

                    private static void WriteSettings(string path, string text) => File.WriteAllText(path, text);

                    public void SaveQuietly(string path, string text)
                    {
                        try
                        {
                            DeleteWithMarker(path);
                            WriteSettings(path, text);
                        }
                        [|catch|] { }##
                    }
                }
                """;
            var test = VerifyCS.Test(
                Tidying + Archive.Replace("##", ""),
                Tidying + Archive.Replace("[|catch|] { }##", "catch\n        {\n            throw;\n        }"),
                PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            return test.RunAsync();
        }

        // Real-world round 15 (OpenSim's FlotsamAssetCache): the purge runs under a System.Timers.Timer whose Elapsed handler
        // re-arms it at its end; `throw;` in a method the handler calls (here two calls down, and through a lambda handler)
        // goes to the timer, which swallows it, and the purge stops for good. The same method run by nothing else is fixed.
        [Fact]
        public Task RunByATimersTimerHandler_NoRethrowOffered_ReportsDiagnostic()
        {
            const string Shared = """
                sealed class Manual
                {
                    public void Clean(string path)
                    {
                        try { File.AppendAllText(path, "cleaned"); }
                        [|catch (IOException)|] { }##
                    }
                }
                """;
            var code = """
                using System.IO;
                using System.Timers;

                sealed class Cache
                {
                    private readonly Timer _cleanTimer = new Timer(60_000) { AutoReset = false };
                    private readonly Timer _flushTimer = new Timer(1_000);

                    public Cache()
                    {
                        _cleanTimer.Elapsed += CleanupExpiredFiles;
                        _flushTimer.Elapsed += (s, e) => Flush();
                    }

                    private void CleanupExpiredFiles(object? sender, ElapsedEventArgs e)
                    {
                        CleanTier("cache");
                        _cleanTimer.Start();
                    }

                    private void CleanTier(string dir)
                    {
                        foreach (var file in Directory.GetFiles(dir))
                        {
                            CleanFile(file);
                        }
                    }

                    private static void CleanFile(string file)
                    {
                        try { File.AppendAllText(file + ".seen", "expired"); }
                        [|catch (IOException)|] { }
                    }

                    private static void Flush()
                    {
                        try { File.AppendAllText("cache.log", "flushed"); }
                        [|catch (IOException)|] { }
                    }
                }

                """;
            var test = VerifyCS.Test(
                code + Shared.Replace("##", ""),
                code + Shared.Replace("[|catch (IOException)|] { }##", "catch (IOException)\n        {\n            throw;\n        }"),
                PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            return test.RunAsync();
        }

        [Fact]
        public Task InALoop_NoRethrowOffered_ReportsDiagnostic()
        {
            // Real-world round 11 (NuGet's migration runner): `throw;` in a loop ends it at the first failure, skipping the
            // items after it (here the later migrations and their marker files). Without a logger in scope nothing is offered.
            var code = """
                using System;
                using System.IO;

                static class Migrations
                {
                    public static void Run(string dir, Action[] migrations, bool needed)
                    {
                        if (needed)
                        {
                            for (int i = 0; i < migrations.Length; i++)
                            {
                                try
                                {
                                    migrations[i]();
                                    File.WriteAllText(Path.Combine(dir, (i + 1).ToString()), string.Empty);
                                }
                                [|catch|] { }
                            }
                        }
                    }

                    public static void Touch(string[] files)
                    {
                        foreach (var file in files)
                        {
                            try { File.WriteAllText(file, ""); }
                            [|catch (IOException)|] { }
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task InAFinallyBlock_NoRethrowOffered_ReportsDiagnostic()
        {
            // Real-world round 9: temp files deleted in a finally, each in its own try/catch. `throw;` there would skip the
            // deletions after it and replace the exception already on its way out.
            var code = """
                using System;
                using System.IO;

                static class Conversion
                {
                    public static void Run(string input, string scratch, string output)
                    {
                        try
                        {
                            File.Copy(input, scratch, true);
                            File.Move(scratch, output, true);
                        }
                        finally
                        {
                            try { File.Delete(scratch); } [|catch (IOException)|] { /* ignore */ }
                            try
                            {
                                try { File.Delete(input + ".lock"); } [|catch (IOException)|] { }
                            }
                            finally
                            {
                            }
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        // Real-world round 31: an ILogger writes through a writer of its own, whose private helpers (reached through its
        // WriteLine) swallow the failures of opening and rolling the file; `throw;` there would send a full disk into every
        // caller that logs. The same writer used by something else than a logger keeps the fix.
        [Theory]
        [InlineData(true, "RollingWriter")]
        [InlineData(true, "ILineWriter")]
        [InlineData(false, "RollingWriter")]
        public Task InAWriterALoggerCallsThroughItsOwnMethods_NoRethrowOffered_ReportsDiagnostic(bool calledByALogger, string writerType)
        {
            // Also through an interface the writer implements (the review of the session's changes).
            var caller = calledByALogger
                ? $$"""
                sealed class FileLogger : ILogger
                {
                    private readonly {{writerType}} _writer = new RollingWriter();

                    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

                    public bool IsEnabled(LogLevel logLevel) => true;

                    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                        => _writer.WriteLine(formatter(state, exception));
                }
                """
                : """
                sealed class ReportExporter
                {
                    private readonly RollingWriter _writer = new RollingWriter();

                    public void Export(string line) => _writer.WriteLine(line);
                }
                """;
            var code = $$"""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                {{caller}}

                interface ILineWriter
                {
                    void WriteLine(string line);
                }

                sealed class RollingWriter : ILineWriter
                {
                    private StreamWriter? _current;

                    public void WriteLine(string line)
                    {
                        Roll();
                        _current?.WriteLine(line);
                    }

                    private void Roll()
                    {
                        if (_current is { BaseStream.Length: > 10_000_000 })
                        {
                            _current.Dispose();
                            _current = default;
                        }

                        EnsureWriter();
                    }

                    private void EnsureWriter()
                    {
                        if (_current is not null)
                        {
                            return;
                        }

                        try
                        {
                            _current = new StreamWriter("logs/app.log", append: true);
                        }
                        [|catch|]
                        {
                            _current = null;
                        }
                    }
                }
                """;
            var fixedCode = calledByALogger ? code : code.Replace("""
                            _current = null;
                        }
                """, """
                            _current = null;
                            throw;
                        }
                """, System.StringComparison.Ordinal).Replace("[|catch|]", "catch", System.StringComparison.Ordinal);
            var test = VerifyCS.Test(code, fixedCode, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.References.AddRange(References.AspNetCore);
            if (calledByALogger)
            {
                test.NumberOfIncrementalIterations = 0;
            }

            return test.RunAsync();
        }

        [Fact]
        public Task InALoggerOfYourOwn_NoRethrowOffered_ReportsDiagnostic()
        {
            // Real-world round 9: a WinForms app's hand-written logger swallowed its write failures; `throw;` there would
            // make every caller that logs (click handlers, start-up) fail when the disk fills. A logger is a type named as
            // one or extending a logging library's extension point (here a TraceListener).
            var code = """
                using System;
                using System.Diagnostics;
                using System.IO;

                sealed class FileLog
                {
                    private readonly string _file;

                    public FileLog(string file) => _file = file;

                    public void Info(string message) => Write("INFO", message);

                    private void Write(string level, string message)
                    {
                        try { File.AppendAllText(_file, $"[{level}] {message}{Environment.NewLine}"); }
                        [|catch|] { /* ignore */ }
                    }
                }

                sealed class DiskListener : TraceListener
                {
                    public override void Write(string? message)
                    {
                        try { File.AppendAllText("trace.log", message); }
                        [|catch (IOException)|] { }
                    }

                    public override void WriteLine(string? message) => Write(message + Environment.NewLine);
                }

                // A batched Serilog sink (Serilog.Sinks.PeriodicBatching's interface, mirrored here), not named as a logger.
                sealed class ArchiveShipper : Serilog.Sinks.PeriodicBatching.IBatchedLogEventSink
                {
                    public void Ship(string line)
                    {
                        try { File.AppendAllText("archive.log", line); }
                        [|catch (IOException)|] { }
                    }
                }

                namespace Serilog.Sinks.PeriodicBatching
                {
                    public interface IBatchedLogEventSink { }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }

        [Fact]
        public Task TaskRunLambdaAndOrdinaryCallback_Rethrow_ReportsDiagnostic()
            // A task keeps the exception for whoever awaits it; a lambda kept as a plain Action is called by the caller.
            => VerifyCS.VerifyCodeFixAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    Task Save(string path) => Task.Run(() =>
                    {
                        try { File.WriteAllText(path, "x"); }
                        [|catch (IOException)|] { }
                    });

                    Action Saver(string path) => () =>
                    {
                        try { File.WriteAllText(path, "y"); }
                        [|catch (IOException)|] { }
                    };
                }
                """, """
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class Store
                {
                    Task Save(string path) => Task.Run(() =>
                    {
                        try { File.WriteAllText(path, "x"); }
                        catch (IOException)
                        {
                            throw;
                        }
                    });

                    Action Saver(string path) => () =>
                    {
                        try { File.WriteAllText(path, "y"); }
                        catch (IOException)
                        {
                            throw;
                        }
                    };
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);

        [Fact]
        public Task LineFeedOnlyFile_LogFixWritesLineFeeds_ReportsDiagnostic()
        {
            // The re-run of real-world round 8: the added using (and other new lines) ended in CRLF in a file of LF lines.
            var test = VerifyCS.Test("using System.IO;\nusing Microsoft.Extensions.Logging;\n\nclass Store\n{\n    private readonly ILogger<Store> _logger;\n\n    public Store(ILogger<Store> logger) => _logger = logger;\n\n    void Save(string path)\n    {\n        try\n        {\n            File.WriteAllText(path, \"x\");\n        }\n        [|catch|]\n        {\n            return;\n        }\n    }\n}\n",
                "using System;\nusing System.IO;\nusing Microsoft.Extensions.Logging;\n\nclass Store\n{\n    private readonly ILogger<Store> _logger;\n\n    public Store(ILogger<Store> logger) => _logger = logger;\n\n    void Save(string path)\n    {\n        try\n        {\n            File.WriteAllText(path, \"x\");\n        }\n        catch (Exception ex)\n        {\n            _logger.LogError(ex, \"File.WriteAllText failed\");\n            return;\n        }\n    }\n}\n",
                PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.ExactLineEndings = true;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task CarriageReturnLineFeedFile_RethrowFixWritesThem_ReportsDiagnostic()
        {
            // Real-world round 18 (Serenity, a CRLF file): dotnet format on Linux wrote the Rethrow fix's new lines with "\n"
            // alone, as its default says, where no .editorconfig sets end_of_line; they now end as the file's lines do.
            var test = VerifyCS.Test(
                "using System.IO;\r\n\r\nclass Store\r\n{\r\n    void Save(string path)\r\n    {\r\n        try { File.WriteAllText(path, \"x\"); }\r\n        [|catch|] { }\r\n    }\r\n}\r\n",
                "using System.IO;\r\n\r\nclass Store\r\n{\r\n    void Save(string path)\r\n    {\r\n        try { File.WriteAllText(path, \"x\"); }\r\n        catch\r\n        {\r\n            throw;\r\n        }\r\n    }\r\n}\r\n",
                PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.ExactLineEndings = true;
            return test.RunAsync();
        }

        // What the user configured wins: end_of_line = lf in a CRLF file gives the fix's lines "\n".
        [Fact]
        public Task CarriageReturnLineFeedFileWithEndOfLineLf_RethrowFixFollowsTheEditorConfig_ReportsDiagnostic()
        {
            var test = VerifyCS.Test(
                "using System.IO;\r\n\r\nclass Store\r\n{\r\n    void Save(string path)\r\n    {\r\n        try { File.WriteAllText(path, \"x\"); }\r\n        [|catch|] { }\r\n    }\r\n}\r\n",
                "using System.IO;\r\n\r\nclass Store\r\n{\r\n    void Save(string path)\r\n    {\r\n        try { File.WriteAllText(path, \"x\"); }\r\n        catch\n        {\n            throw;\n        }\r\n    }\r\n}\r\n",
                PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.ExactLineEndings = true;
            test.WorkspaceEditorConfig = "root = true\n[*.cs]\nend_of_line = lf\n";
            return test.RunAsync();
        }

        [Fact]
        public Task CatchEndingInReturn_LogFixGoesBeforeIt_ReportsDiagnostic()
        {
            // The re-run of real-world round 8: the log call went after `return;`, where it never runs (CS0162).
            var test = VerifyCS.Test("""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Touch
                {
                    private readonly ILogger<Touch> _logger;

                    public Touch(ILogger<Touch> logger) => _logger = logger;

                    void Stamp(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "x");
                        }
                        [|catch (Exception e)|] when (e is IOException or UnauthorizedAccessException)
                        {
                            return;
                        }

                        Console.WriteLine("stamped");
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Touch
                {
                    private readonly ILogger<Touch> _logger;

                    public Touch(ILogger<Touch> logger) => _logger = logger;

                    void Stamp(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "x");
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            _logger.LogError(e, "File.AppendAllText failed");
                            return;
                        }

                        Console.WriteLine("stamped");
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task HeaderAndCatchLineComments_LogFixKeepsThem_ReportsDiagnostic()
        {
            // Real-world round 8: `using System;` went above the copyright header, and the comment on the catch line was lost.
            var test = VerifyCS.Test("""
                // Copyright (c) Acme Corp. All rights reserved.
                // Licensed under the MIT license.

                using System.IO;
                using Microsoft.Extensions.Logging;

                class Backup
                {
                    private readonly ILogger<Backup> _logger;

                    public Backup(ILogger<Backup> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch|] // best effort, the backup is optional
                        {
                        }
                    }
                }
                """, """
                // Copyright (c) Acme Corp. All rights reserved.
                // Licensed under the MIT license.

                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Backup
                {
                    private readonly ILogger<Backup> _logger;

                    public Backup(ILogger<Backup> logger) => _logger = logger;

                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (Exception ex) // best effort, the backup is optional
                        {
                            _logger.LogError(ex, "File.WriteAllText failed");
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task CommentInAOneLineCatch_RethrowKeepsItFirst_ReportsDiagnostic()
            // `{ /* disk full */` stayed on the brace's line with `throw;` under it.
            => VerifyCS.VerifyCodeFixAsync("""
                using System.IO;

                class Store
                {
                    void Save(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        [|catch (IOException)|] { /* disk full */ }
                    }
                }
                """, """
                using System.IO;

                class Store
                {
                    void Save(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        catch (IOException)
                        {
                            /* disk full */
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);

        [Fact]
        public Task DebugOnlyLinesInTheCatch_RethrowGoesAfterThem_ReportsDiagnostic()
            // `throw;` before the #if region made the Debug line unreachable (CS0162) in Debug builds.
            => VerifyCS.VerifyCodeFixAsync("""
                using System;
                using System.IO;

                class Store
                {
                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException)|]
                        {
                #if TRACE_STORE
                            Console.WriteLine("store failed");
                #endif
                        }
                    }
                }
                """, """
                using System;
                using System.IO;

                class Store
                {
                    void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException)
                        {
                #if TRACE_STORE
                            Console.WriteLine("store failed");
                #endif
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);

        [Fact]
        public Task StaticLambdaOrLocalFunction_NoOuterLoggerOffered_ReportsDiagnostic()
        {
            // A static lambda or local function cannot use the instance's _logger, nor the enclosing method's `log`:
            // LogError with either would not compile (CS8821, CS8422, CS8820), so it is not offered.
            var code = """
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                class Exporter
                {
                    private readonly ILogger<Exporter> _logger;

                    public Exporter(ILogger<Exporter> logger) => _logger = logger;

                    Task Run(ILogger log) => Task.Run(static () =>
                    {
                        try { File.WriteAllText("stamp.txt", "y"); }
                        [|catch (IOException)|] { }
                    });

                    void Stamp(string dir, ILogger log)
                    {
                        WriteStamp(dir);

                        static void WriteStamp(string folder)
                        {
                            try { File.WriteAllText(folder, "y"); }
                            [|catch (IOException)|] { }
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task StaticLocalFunctionWithLoggerParameter_LogFix_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Exporter
                {
                    private readonly ILogger<Exporter> _logger;

                    public Exporter(ILogger<Exporter> logger) => _logger = logger;

                    void Stamp(string dir)
                    {
                        WriteStamp(dir, _logger);

                        static void WriteStamp(string folder, ILogger logger)
                        {
                            try { File.WriteAllText(folder, "y"); }
                            [|catch (IOException)|] { }
                        }
                    }
                }
                """, """
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Exporter
                {
                    private readonly ILogger<Exporter> _logger;

                    public Exporter(ILogger<Exporter> logger) => _logger = logger;

                    void Stamp(string dir)
                    {
                        WriteStamp(dir, _logger);

                        static void WriteStamp(string folder, ILogger logger)
                        {
                            try { File.WriteAllText(folder, "y"); }
                            catch (IOException ex) { logger.LogError(ex, "File.WriteAllText failed"); }
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task PrimaryConstructorParameterInStaticMethod_NoLogFixOffered_ReportsDiagnostic()
        {
            // The primary constructor's `logger` belongs to the instance: a static method cannot use it (CS9105).
            var code = """
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Exporter(ILogger<Exporter> logger)
                {
                    public void Log() => logger.LogInformation("ready");

                    static void Save(string path)
                    {
                        try { File.WriteAllText(path, "y"); }
                        [|catch (IOException)|] { }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task LoggerParameterAndExistingVariable_LogFix_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.Extensions.Logging;

                static class Exporter
                {
                    public static void Save(string path, ILogger logger)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        [|catch (IOException error)|]
                        {
                        }
                    }
                }
                """, """
                using System.IO;
                using Microsoft.Extensions.Logging;

                static class Exporter
                {
                    public static void Save(string path, ILogger logger)
                    {
                        try
                        {
                            File.WriteAllText(path, "x");
                        }
                        catch (IOException error)
                        {
                            logger.LogError(error, "File.WriteAllText failed");
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task SeveralCatches_FixAllRethrow_ReportsDiagnostic()
            => VerifyCS.VerifyCodeFixAsync("""
                using System;
                using System.IO;

                class Store
                {
                    void A(string path)
                    {
                        try { File.WriteAllText(path, "a"); }
                        [|catch (IOException)|] { }
                    }

                    void B(string path)
                    {
                        try
                        {
                            try { File.AppendAllText(path, "b"); }
                            [|catch (UnauthorizedAccessException)|] { }
                        }
                        [|catch (Exception)|]
                        {
                        }
                    }
                }
                """, """
                using System;
                using System.IO;

                class Store
                {
                    void A(string path)
                    {
                        try { File.WriteAllText(path, "a"); }
                        catch (IOException)
                        {
                            throw;
                        }
                    }

                    void B(string path)
                    {
                        try
                        {
                            try { File.AppendAllText(path, "b"); }
                            catch (UnauthorizedAccessException)
                            {
                                throw;
                            }
                        }
                        catch (Exception)
                        {
                            throw;
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            // ------------------------------------------------------------ the twenty-eighth session's review

        // A retry whose filter reads the loop's counter: on the last attempt the filter is false and the failure leaves the
        // loop uncaught; nothing is swallowed. Without the filter (or with one that reads something else) it gives up silently.
        [Fact]
        public Task RetryFilterLetsLastAttemptEscape_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading;

                class Store
                {
                    private const int MaxAttempts = 3;

                    public void Save(string path, string text)
                    {
                        for (var attempt = 0; attempt < MaxAttempts; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            catch (IOException) when (attempt < MaxAttempts - 1)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }

                    public void SaveWhile(string path, string text)
                    {
                        var tries = 0;
                        while (tries < MaxAttempts)
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                break;
                            }
                            catch (IOException) when (++tries < MaxAttempts)
                            {
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task RetryFilterNotOnTheCounter_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Threading;

                class Store
                {
                    private const int MaxAttempts = 3;
                    private bool _enabled = true;

                    public void Save(string path, string text)
                    {
                        for (var attempt = 0; attempt < MaxAttempts; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            [|catch (IOException)|] when (_enabled)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """);

        // Outcomes other code sees: an explicit IDisposable.Dispose's best-effort delete (named System.IDisposable.Dispose),
        // an event raised with ?., Interlocked on a failure counter, a metrics counter, a method named for the failure, the
        // exception used in a lambda marshalled to the UI, a TaskCompletionSource completed for the waiting caller, the
        // failed path kept in a list named for it.
        [Fact]
        public Task OutcomeSeenElsewhere_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics.Metrics;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                sealed class Store : IDisposable
                {
                    private static readonly Meter Meter = new("Store");
                    private static readonly Counter<long> Dropped = Meter.CreateCounter<long>("store.dropped_writes");
                    private readonly SynchronizationContext _ui = SynchronizationContext.Current!;
                    private readonly List<string> _failed = new();
                    private int _failedWrites;

                    public event EventHandler? SaveError;
                    public string Scratch { get; } = Path.GetTempFileName();
                    public IReadOnlyList<string> Failed => _failed;
                    public int FailedWrites => Volatile.Read(ref _failedWrites);

                    void IDisposable.Dispose()
                    {
                        try { File.Delete(Scratch); }
                        catch (IOException) { }
                    }

                    public void Raised(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        catch (IOException) { SaveError?.Invoke(this, EventArgs.Empty); }
                    }

                    public void Counted(string path, string text)
                    {
                        try { File.AppendAllText(path, text); }
                        catch (IOException) { Interlocked.Increment(ref _failedWrites); }
                    }

                    public void Metered(string path, string text)
                    {
                        try { File.AppendAllText(path, text); }
                        catch (IOException) { Dropped.Add(1); }
                    }

                    public void Named(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        catch (IOException) { OnSaveFailed(); }
                    }

                    public void Marshalled(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        catch (IOException ex) { _ui.Post(_ => Show("Could not save: " + ex.Message), null); }
                    }

                    public Task<bool> Completed(string path, string text)
                    {
                        var done = new TaskCompletionSource<bool>();
                        try
                        {
                            File.WriteAllText(path, text);
                            done.SetResult(true);
                        }
                        catch (IOException)
                        {
                            done.SetResult(false);
                        }

                        return done.Task;
                    }

                    public void Listed(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        catch (IOException) { _failed.Add(path); }
                    }

                    private void OnSaveFailed() { }
                    private void Show(string text) { }
                }
                """);

        // Look-alikes that still swallow: an unrelated Interlocked on a local of the catch, a TaskCompletionSource made in
        // the catch, a lambda that uses neither the exception nor a reporting call, a list not named for the failure.
        [Fact]
        public Task OutcomeNotSeenElsewhere_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                sealed class Store
                {
                    private readonly SynchronizationContext _ui = SynchronizationContext.Current!;
                    private readonly List<string> _pending = new();

                    public void Counted(string path, string text)
                    {
                        try { File.AppendAllText(path, text); }
                        [|catch (IOException)|] { var n = 0; Interlocked.Increment(ref n); }
                    }

                    public void Completed(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        [|catch (IOException)|] { var done = new TaskCompletionSource<bool>(); done.SetResult(false); }
                    }

                    public void Marshalled(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        [|catch (IOException)|] { _ui.Post(_ => Refresh(), null); }
                    }

                    public void Listed(string path, string text)
                    {
                        try { File.WriteAllText(path, text); }
                        [|catch (IOException)|] { _pending.Remove(path); }
                    }

                    private void Refresh() { }
                }
                """);

        // .NET 6's FileStreamOptions with a writing mode or access, inline or in a local, opens the file for writing as a
        // FileMode does; reading options do not.
        [Fact]
        public Task FileStreamOptionsForWriting_ReportsDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Text.Json;

                class Store
                {
                    public void Save(string path, object settings)
                    {
                        try
                        {
                            using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write });
                            JsonSerializer.Serialize(stream, settings);
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }

                    public void Open(string path, object settings)
                    {
                        var options = new FileStreamOptions { Access = FileAccess.ReadWrite };
                        try
                        {
                            using var stream = File.Open(path, options);
                            JsonSerializer.Serialize(stream, settings);
                        }
                        [|catch (IOException)|]
                        {
                        }
                    }

                    public object? Read(string path)
                    {
                        try
                        {
                            using var stream = File.Open(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read });
                            return JsonSerializer.Deserialize<object>(stream);
                        }
                        catch (IOException)
                        {
                            return null;
                        }
                    }
                }
                """);
            // "Log" uses no logger of an outer type in a nested type (its instance field or primary-constructor parameter is
        // in scope by name there, but not usable: CS0038, CS9105); "Rethrow" is still offered.
        [Theory]
        [InlineData("class Outer(ILogger<Outer> logger)\n{\n    public void Start() => logger.LogInformation(\"start\");\n")]
        [InlineData("class Outer\n{\n    private readonly ILogger<Outer> _logger;\n    public Outer(ILogger<Outer> logger) => _logger = logger;\n")]
        public Task OuterTypesLoggerInNestedType_LogNotOffered_ReportsDiagnostic(string outer)
        {
            var code = $$"""
                using System.IO;
                using Microsoft.Extensions.Logging;

                {{outer}}
                    class Inner
                    {
                        public void Save(string path)
                        {
                            try { File.WriteAllText(path, "x"); }
                            [|catch (IOException)|] { }
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.NumberOfIncrementalIterations = 0;
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // A nested catch fixed with the outer one: fixed one by one or all at once, its exception is named apart from the
        // outer's (Fix All named both `ex`, CS0136); a name already declared inside the catch is not taken either.
        [Fact]
        public Task NestedCatchesLogged_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store(ILogger<Store> logger)
                {
                    public void Save(string path, string tmp)
                    {
                        try
                        {
                            File.WriteAllText(tmp, "x");
                            File.Move(tmp, path, true);
                        }
                        [|catch (IOException)|]
                        {
                            try { File.Delete(tmp); }
                            [|catch (IOException)|] { }
                        }
                    }

                    public void Declared(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        [|catch|]
                        {
                            try { File.Delete(path + ".partial"); }
                            catch (IOException ex) when (ex.HResult == 32) { }
                        }
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store(ILogger<Store> logger)
                {
                    public void Save(string path, string tmp)
                    {
                        try
                        {
                            File.WriteAllText(tmp, "x");
                            File.Move(tmp, path, true);
                        }
                        catch (IOException ex)
                        {
                            try { File.Delete(tmp); }
                            catch (IOException exception) { logger.LogError(exception, "File.Delete failed"); }
                            logger.LogError(ex, "File.WriteAllText failed");
                        }
                    }

                    public void Declared(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        catch (Exception exception)
                        {
                            try { File.Delete(path + ".partial"); }
                            catch (IOException ex) when (ex.HResult == 32) { }
                            logger.LogError(exception, "File.WriteAllText failed");
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // "Log" on a bare catch keeps a one-line block on its line, and a block on the next line there.
        [Fact]
        public Task BareCatchLogged_KeepsItsLayout_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store(ILogger<Store> logger)
                {
                    public void Save(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        [|catch|] { }
                    }

                    public void Append(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "x");
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                class Store(ILogger<Store> logger)
                {
                    public void Save(string path)
                    {
                        try { File.WriteAllText(path, "x"); }
                        catch (Exception ex) { logger.LogError(ex, "File.WriteAllText failed"); }
                    }

                    public void Append(string path)
                    {
                        try
                        {
                            File.AppendAllText(path, "x");
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "File.AppendAllText failed");
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        // No "Rethrow" in an explicit IAsyncDisposable.DisposeAsync, nor in a method a System.Threading.Timer's lambda runs
        // (a rethrow there ends the process, as in the callback itself).
        [Fact]
        public Task ExplicitDisposeAsyncAndTimerLambdaCallee_RethrowNotOffered_ReportsDiagnostic()
        {
            var code = """
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                sealed class Journal : IAsyncDisposable
                {
                    private readonly StreamWriter _writer = new StreamWriter("journal.log", append: true);
                    private readonly Timer _timer;

                    public Journal() => _timer = new Timer(_ => Flush(), null, 1000, 1000);

                    private void Flush()
                    {
                        try { File.AppendAllText("buffer.log", "tick"); }
                        [|catch (IOException)|] { }
                    }

                    async ValueTask IAsyncDisposable.DisposeAsync()
                    {
                        try { await _writer.FlushAsync(); }
                        [|catch (IOException)|] { }
                        await _writer.DisposeAsync();
                        await _timer.DisposeAsync();
                    }
                }
                """;
            var test = VerifyCS.Test(code, code, PM3001SwallowedWriteFailureCodeFixProvider.RethrowKey);
            test.NumberOfIncrementalIterations = 0;
            return test.RunAsync();
        }
            // Usings inside the namespace: "Log" on a bare catch (which writes `Exception`) adds no second `using System;` at
        // the top of the file (the session's first review; the shared using helper asks what is in scope at the catch).
        [Fact]
        public Task UsingsInsideNamespaceBareCatchLogged_NoSecondUsing_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                namespace App
                {
                    using System;
                    using System.IO;
                    using Microsoft.Extensions.Logging;

                    class Store(ILogger<Store> logger)
                    {
                        public void Save(string path)
                        {
                            try { File.WriteAllText(path, "x"); }
                            [|catch|] { }
                        }
                    }
                }
                """, """
                namespace App
                {
                    using System;
                    using System.IO;
                    using Microsoft.Extensions.Logging;

                    class Store(ILogger<Store> logger)
                    {
                        public void Save(string path)
                        {
                            try { File.WriteAllText(path, "x"); }
                            catch (Exception ex) { logger.LogError(ex, "File.WriteAllText failed"); }
                        }
                    }
                }
                """, PM3001SwallowedWriteFailureCodeFixProvider.LogKey);
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }
            // A filter that reads the counter but is true on the last attempt too swallows that failure (the session's second
        // review); with a bound that is not a constant, the filter is read against the same bound.
        [Theory]
        [InlineData("attempt < MaxAttempts")]
        [InlineData("attempt >= 0")]
        [InlineData("attempt <= MaxAttempts - 1")]
        [InlineData("attempt != MaxAttempts")]
        [InlineData("attempt == MaxAttempts - 1 || attempt < 1")]
        [InlineData("attempt < MaxAttempts && attempt >= 0")]
        [InlineData("1 + attempt <= MaxAttempts")]
        public Task RetryFilterTrueOnLastAttempt_ReportsDiagnostic(string filter)
            => RetryFilterTrueOnLastAttemptOfALoop_ReportsDiagnostic("for (var attempt = 0; attempt < MaxAttempts; attempt++)", filter);

        [Theory]
        [InlineData("for (uint attempt = 0; attempt < 3u; attempt++)", "attempt < 3u")]
        [InlineData("for (long attempt = 0; attempt < 3L; attempt++)", "attempt <= 2")]
        public Task RetryFilterTrueOnLastAttemptOfALoop_ReportsDiagnostic(string loop, string filter)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.IO;
                using System.Threading;

                class Store
                {
                    private const int MaxAttempts = 3;
                    private bool _enabled = true;

                    public void Save(string path, string text)
                    {
                        {{loop}}
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            [|catch (IOException)|] when ({{filter}})
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("attempt + 1 < maxAttempts")]
        [InlineData("attempt < maxAttempts - 1")]
        [InlineData("maxAttempts - 1 > attempt")]
        public Task RetryFilterFalseOnLastAttemptAgainstAParameter_NoDiagnostic(string filter)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.IO;

                class Store
                {
                    public void Save(string path, string text, int maxAttempts)
                    {
                        for (var attempt = 0; maxAttempts > attempt; attempt++)
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            catch (IOException) when ({{filter}})
                            {
                            }
                        }
                    }
                }
                """);

        // The exception read in a lambda only by a write nobody sees (Debug.WriteLine, left out of Release builds; the
        // console of a Windows application), or in a lambda kept in a local (not known to run), tells nobody (the session's
        // second review); a number swapped by Interlocked is a record, a writer swapped out is cleanup; a receiver named for
        // failures only read is no record.
        [Theory]
        [InlineData("_ = Task.Run(() => Debug.WriteLine(ex));")]
        [InlineData("Task.Run(() => { Debug.WriteLine(ex.Message); });")]
        [InlineData("Func<string> describe = () => ex.Message;")]
        [InlineData("Interlocked.Exchange(ref _writer, null)?.Dispose();")]
        [InlineData("if (_failedPaths.Contains(path)) Thread.Sleep(10);")]
        public Task TellsNobodyInALambdaOrARead_ReportsDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class Store
                {
                    private readonly HashSet<string> _failedPaths = new();
                    private StreamWriter? _writer;

                    public void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        [|catch (IOException ex)|]
                        {
                            {{statement}}
                        }
                    }
                }
                """);

        [Fact]
        public Task ConsoleWriteInALambdaOfAWindowsApplication_ReportsDiagnostic()
        {
            var test = VerifyCS.AnalysisTest("""
                using System;
                using System.IO;
                using System.Threading.Tasks;

                static class Program
                {
                    static void Main() => Save("settings.json");

                    static void Save(string path)
                    {
                        try
                        {
                            File.WriteAllText(path, "{}");
                        }
                        [|catch (IOException ex)|]
                        {
                            Task.Run(() => Console.WriteLine(ex));
                        }
                    }
                }
                """);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.WindowsApplication;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("Interlocked.Exchange(ref _failed, 1);")]
        [InlineData("_onFailure = () => Console.Error.WriteLine(ex);")]
        public Task RecordedByInterlockedOrAStoredLambda_NoDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.IO;
                using System.Threading;

                class Store
                {
                    private int _failed;
                    private Action? _onFailure;

                    public void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        catch (IOException ex)
                        {
                            {{statement}}
                        }
                    }
                }
                """);
            // Retry loops whose filter reads the counter in shapes the filter is not evaluated for (counting down, the step in
        // the condition or the body, do … while) are taken to let the last failure go, as the idiom does; and the filter
        // is evaluated with the constant on either side, any integral type, and joined by && (the session's last review).
        [Theory]
        [InlineData("for (var left = MaxAttempts; left > 0; left--)", "left > 1", "")]
        [InlineData("var attempt = 0; while (attempt++ < MaxAttempts)", "attempt < MaxAttempts", "")]
        [InlineData("var attempt = 0; while (attempt < MaxAttempts)", "attempt < MaxAttempts", "attempt++;")]
        [InlineData("for (var attempt = 0; attempt < MaxAttempts; attempt++)", "1 + attempt < MaxAttempts", "")]
        [InlineData("for (uint attempt = 0; attempt < 3u; attempt++)", "attempt < 2u", "")]
        [InlineData("for (long attempt = 0; attempt < 3L; attempt++)", "attempt < 2", "")]
        [InlineData("for (var attempt = 0; attempt < MaxAttempts; attempt++)", "attempt < MaxAttempts - 1 && _enabled", "")]
        public Task RetryFilterLettingTheLastFailureGoInOtherShapes_NoDiagnostic(string loop, string filter, string step)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System.IO;
                using System.Threading;

                class Store
                {
                    private const int MaxAttempts = 3;
                    private bool _enabled = true;

                    public void Save(string path, string text)
                    {
                        {{loop}}
                        {
                            {{step}}
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            catch (IOException) when ({{filter}})
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }

                    public void SaveDo(string path, string text)
                    {
                        var attempt = 0;
                        do
                        {
                            try
                            {
                                File.WriteAllText(path, text);
                                return;
                            }
                            catch (IOException) when (++attempt < MaxAttempts)
                            {
                            }
                        }
                        while (attempt < MaxAttempts);
                    }
                }
                """);

        // A status swapped in by Interlocked is a record (not a reference swapped for null), and a lambda kept in a local
        // that the catch invokes runs there.
        [Theory]
        [InlineData("Interlocked.Exchange(ref _status, \"save failed\");")]
        [InlineData("Action a = () => Console.Error.WriteLine(ex); a();")]
        public Task StatusSwappedOrLambdaInvoked_NoDiagnostic(string statement)
            => VerifyCS.VerifyAnalyzerAsync($$"""
                using System;
                using System.IO;
                using System.Threading;

                class Store
                {
                    private string _status = "";

                    public string Status => _status;

                    public void Save(string path, string text)
                    {
                        try
                        {
                            File.WriteAllText(path, text);
                        }
                        catch (IOException ex)
                        {
                            {{statement}}
                        }
                    }
                }
                """);
    }
}
