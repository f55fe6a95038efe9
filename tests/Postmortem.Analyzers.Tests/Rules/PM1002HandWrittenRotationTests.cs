using System.Threading.Tasks;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = Postmortem.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    Postmortem.Analyzers.Rules.PM1002HandWrittenRotationAnalyzer>;

namespace Postmortem.Analyzers.Tests.Rules
{
    public class PM1002HandWrittenRotationTests
    {
        private const string WebReason =
            "This ASP.NET Core project can run as several worker processes (IIS overlapped recycling, web gardens, scale-out on shared storage); " +
            "if it never does, set postmortem.worker_processes = single in .editorconfig";

        /// <summary>A web project (auto: multi-process), optionally with an .editorconfig.</summary>
        private static Task VerifyWeb(string source, string? editorConfig = null, params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test(source);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.EditorConfig = editorConfig;
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static string Journal(string rotate, string write = "File.AppendAllText(_path, line + Environment.NewLine);") => $$"""
            using System;
            using System.IO;

            public sealed class RotatingJournal
            {
                private const long MaxBytes = 10_000_000;
                private readonly string _path;

                public RotatingJournal(string path) => _path = path;

                public void Append(string line)
                {
                    if (File.Exists(_path) && new FileInfo(_path).Length > MaxBytes)
                    {
                        {{rotate}}
                    }

                    {{write}}
                }
            }
            """;

        // ------------------------------------------------------------ unsafe forms

        [Fact]
        public Task IncidentJournal_FileMove_ReportsDiagnostic()
            => VerifyWeb(
                Journal("{|#0:File.Move(_path, _path + \".1\", overwrite: true)|};"),
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));

        [Theory]
        [InlineData("File.Replace(_path + \".new\", _path, _path + \".1\")", "File.Replace")]
        [InlineData("File.Delete(_path)", "File.Delete")]
        [InlineData("new FileInfo(_path).MoveTo(_path + \".1\")", "FileInfo.MoveTo")]
        [InlineData("new FileInfo(_path).Delete()", "FileInfo.Delete")]
        public Task OtherRotatingCalls_ReportsDiagnostic(string rotate, string display)
            => VerifyWeb(
                Journal("{|#0:" + rotate + "|};"),
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments(display, "File.AppendAllText", WebReason));

        // Real-world round 23 (XRoadFolk's rotating log): the numbered shift moves the active file in its last step, its
        // source chosen by `?:` (directly or through a local): either arm can be the file the type appends to.
        [Theory]
        [InlineData("for (var i = 3; i >= 1; i--) { var from = i == 1 ? _path : _path + \".\" + (i - 1); {|#0:File.Move(from, _path + \".\" + i, true)|}; }")]
        [InlineData("for (var i = 3; i >= 1; i--) { {|#0:File.Move(i > 1 ? _path + \".\" + (i - 1) : _path, _path + \".\" + i, true)|}; }")]
        public Task SourceChosenByAConditional_ReportsDiagnostic(string rotate)
            => VerifyWeb(
                Journal(rotate),
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));

        // Real-world round 17 (WalletWasabi's logger): the size read into a local first, from a FileInfo or a stream.
        [Theory]
        [InlineData("var sizeInBytes = new FileInfo(_path).Length;")]
        [InlineData("using var stream = File.OpenRead(_path); var sizeInBytes = stream.Length;")]
        // The contents read whole: their length is the file's size or line count (the review of the twenty-third session).
        [InlineData("var sizeInBytes = File.ReadAllBytes(_path).Length;")]
        [InlineData("var bytes = File.ReadAllBytes(_path); var sizeInBytes = bytes.Length;")]
        [InlineData("var sizeInBytes = File.ReadAllText(_path).Length;")]
        [InlineData("var sizeInBytes = File.ReadAllLines(_path).Length * 100;")]
        public Task SizeCheckedThroughALocal_ReportsDiagnostic(string size)
            => VerifyWeb($$"""
                using System;
                using System.IO;

                public sealed class Journal
                {
                    private readonly string _path;

                    public Journal(string path) => _path = path;

                    public void Append(string line)
                    {
                        if (File.Exists(_path))
                        {
                            {{size}}
                            if (sizeInBytes > 1000 * 1024)
                            {
                                {|#0:File.Delete(_path)|};
                            }
                        }

                        File.AppendAllText(_path, line);
                    }
                }
                """,
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Delete", "File.AppendAllText", WebReason));

        [Theory]
        [InlineData("using var w = new StreamWriter(_path, append: true); w.WriteLine(line);", "new StreamWriter")]
        [InlineData("using var w = new StreamWriter(_path, true); w.WriteLine(line);", "new StreamWriter")]
        [InlineData("using var s = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);", "new FileStream")]
        [InlineData("using var s = File.Open(_path, FileMode.OpenOrCreate);", "File.Open")]
        [InlineData("using var w = File.AppendText(_path); w.WriteLine(line);", "File.AppendText")]
        [InlineData("using var w = new FileInfo(_path).AppendText(); w.WriteLine(line);", "FileInfo.AppendText")]
        [InlineData("File.AppendAllLines(_path, new[] { line });", "File.AppendAllLines")]
        // A mode or flag that may append (real-world round 7: a log sink opened with `append ? FileMode.Append : FileMode.Create`).
        [InlineData("using var s = new FileStream(_path, line.Length > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write);", "new FileStream")]
        [InlineData("using var w = new StreamWriter(_path, append: line.Length > 0); w.WriteLine(line);", "new StreamWriter")]
        public Task EveryAppendingWrite_ReportsDiagnostic(string write, string display)
            => VerifyWeb(
                Journal("{|#0:File.Move(_path, _path + \".1\")|};", write),
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", display, WebReason));

        [Fact]
        public Task KeptOpenWriterRotatedInAnotherMethod_ReportsDiagnostic()
            => VerifyWeb("""
                using System;
                using System.IO;

                public sealed class AuditLog : IDisposable
                {
                    private static readonly string LogPath = Path.Combine(AppContext.BaseDirectory, "audit.log");
                    private StreamWriter _writer = new StreamWriter(LogPath, append: true);

                    public void Write(string line) => _writer.WriteLine(line);

                    public void RotateDaily()
                    {
                        _writer.Dispose();
                        [|File.Move(LogPath, LogPath + "." + DateTime.UtcNow.ToString("yyyyMMdd"))|];
                        _writer = new StreamWriter(LogPath, append: true);
                    }

                    public void Dispose() => _writer.Dispose();
                }
                """);

        [Fact]
        public Task ConstantPathAndSameMemberOnlyExpression_ReportsDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Recorder
                {
                    private const string Log = "logs/recorder.log";
                    private readonly string _dir = "data";

                    public void Record(string line)
                    {
                        File.AppendAllText(Log, line);
                        File.AppendAllText(Path.Combine(_dir, "events.log"), line);
                    }

                    public void Roll()
                    {
                        [|File.Move(Log, Log + ".1")|];
                        [|File.Move(Path.Combine(_dir, "events.log"), Path.Combine(_dir, "events.1.log"))|];
                    }
                }
                """);

        // Real-world round 23 (XRoadFolk's FileBackedLogWriter): the rotation is done by a helper of the type, given the
        // path the caller appends to (a parameter of the caller, or a field); the argument names the rotated file.
        [Fact]
        public Task RotatedByAHelperGivenThePath_ReportsDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class LogWriter
                {
                    private readonly string _path = "app.log";

                    public void Append(string path, string line)
                    {
                        if (new FileInfo(path).Length > 1_000_000)
                        {
                            Roll(path, 3);
                        }

                        File.AppendAllText(path, line);
                    }

                    public void AppendDefault(string line)
                    {
                        RollIfLarge(_path);
                        File.AppendAllText(_path, line);
                    }

                    private static void Roll(string file, int keep)
                    {
                        for (var i = keep - 1; i >= 1; i--)
                        {
                            File.Move(file + "." + i, file + "." + (i + 1), true);
                        }

                        [|File.Move(file, file + ".1", true)|];
                    }

                    private static void RollIfLarge(string file)
                    {
                        if (new FileInfo(file).Length > 1_000_000)
                        {
                            [|File.Move(file, file + ".1", true)|];
                        }
                    }
                }
                """);

        // The helper's other callers: a path given only by code that never appends to it is no rotation of a log.
        [Fact]
        public Task HelperGivenAnotherPath_NoDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Archive
                {
                    private readonly string _log = "app.log";
                    private readonly string _export = "export.csv";

                    public void Append(string line) => File.AppendAllText(_log, line);

                    public void Export(string csv)
                    {
                        Backup(_export);
                        File.WriteAllText(_export, csv);
                    }

                    private static void Backup(string file)
                    {
                        if (File.Exists(file))
                        {
                            File.Move(file, file + ".bak", true);
                        }
                    }
                }
                """);

        [Fact]
        public Task LocalCopyOfTheField_ReportsDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Journal
                {
                    private readonly string _path = "journal.log";

                    public void Append(string line)
                    {
                        var path = _path;
                        var info = new FileInfo(path);
                        if (info.Exists && info.Length > 1_000_000)
                        {
                            [|info.MoveTo(path + ".old")|];
                        }

                        File.AppendAllText(_path, line);
                    }
                }
                """);

        [Fact]
        public Task FileInfoField_ReportsDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Journal
                {
                    private readonly FileInfo _file = new FileInfo("journal.log");

                    public void Append(string line)
                    {
                        using (var writer = _file.AppendText())
                        {
                            writer.WriteLine(line);
                        }
                    }

                    public void Archive() => {|#0:_file.Replace("journal.new", "journal.old")|};
                }
                """,
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("FileInfo.Replace", "FileInfo.AppendText", WebReason));

        [Fact]
        public Task InProcessLock_ReportsDiagnostic()
            => VerifyWeb(Journal("lock (typeof(RotatingJournal)) { [|File.Move(_path, _path + \".1\", true)|]; }"));

        [Fact]
        public Task DeclaredMultipleInConsoleProject_ReportsDiagnostic()
        {
            var test = VerifyCS.Test(Journal("{|#0:File.Move(_path, _path + \".1\", true)|};"));
            test.EditorConfig = "[*.cs]\npostmortem.worker_processes = multiple";
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments(
                "File.Move", "File.AppendAllText", "The project declares several worker processes (postmortem.worker_processes = multiple)"));
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithOneFileDeclaredMultiple_ReportsDiagnostic()
        {
            // Only Test1.cs runs in several processes (an .editorconfig section naming it): its journal is reported.
            var test = VerifyCS.Test("""
                public static class Tool
                {
                    public static int Run() => 0;
                }
                """);
            test.Sources.Add(Journal("[|File.Move(_path, _path + \".1\", true)|];"));
            test.EditorConfig = "[Test1.cs]\npostmortem.worker_processes = multiple";
            return test.RunAsync();
        }

        // ------------------------------------------------------------ safe look-alikes

        [Fact]
        public Task ConsoleProjectWithAnotherFileDeclaredMultiple_NoDiagnostic()
        {
            // Test1.cs runs in several processes but rotates nothing; the journal's file is single-process.
            var test = VerifyCS.Test(Journal("File.Move(_path, _path + \".1\", true);"));
            test.Sources.Add("""
                public static class Worker
                {
                    public static int Run() => 0;
                }
                """);
            test.EditorConfig = "[Test1.cs]\npostmortem.worker_processes = multiple";
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectWithWebConfigProcessesPerApplication_ReportsDiagnostic()
        {
            var test = VerifyCS.Test(Journal("{|#0:File.Move(_path, _path + \".1\")|};"));
            test.AdditionalFiles.Add(("/0/web.config", """
                <configuration>
                  <system.webServer><aspNetCore processPath="dotnet" processesPerApplication="2" /></system.webServer>
                </configuration>
                """));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments(
                "File.Move",
                "File.AppendAllText",
                "The project's web.config sets <aspNetCore processesPerApplication=\"2\">, so the ASP.NET Core Module runs 2 worker processes at once; " +
                "if it never does, set postmortem.worker_processes = single in .editorconfig"));
            return test.RunAsync();
        }

        [Fact]
        public Task AspNetCoreClassLibrary_ReportsDiagnostic()
        {
            // A hand-written file logger in a class library of the web app (FrameworkReference to Microsoft.AspNetCore.App),
            // as in the real-world study's AspNetCore.Template components library: it runs in the app's worker processes.
            var test = VerifyCS.Test(Journal("[|File.Move(_path, _path + \".1\", true)|];"));
            test.References.AddRange(References.AspNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task ConsoleProjectUnderAuto_NoDiagnostic()
            => VerifyCS.VerifyAnalyzerAsync(Journal("File.Move(_path, _path + \".1\", true);"));

        [Fact]
        public Task WebProjectDeclaredSingle_NoDiagnostic()
            => VerifyWeb(Journal("File.Move(_path, _path + \".1\", true);"), "[*.cs]\npostmortem.worker_processes = single");

        [Fact]
        public Task RotationOfAFileTheTypeNeverWrites_NoDiagnostic()
            => VerifyWeb(Journal("File.Move(_path + \".1\", _path + \".2\", true);"));

        [Fact]
        public Task AtomicSave_WriteTempThenReplace_NoDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class SettingsStore
                {
                    private readonly string _path = "settings.json";

                    public void Save(string json)
                    {
                        var temp = _path + ".tmp";
                        File.WriteAllText(temp, json);
                        File.Move(temp, _path, overwrite: true);
                    }

                    public void SaveWithBackup(string json)
                    {
                        File.Move(_path, _path + ".bak", overwrite: true);
                        File.WriteAllText(_path, json);
                    }
                }
                """);

        [Fact]
        public Task RotationUnderNamedMutex_NoDiagnostic()
            => VerifyWeb("""
                using System;
                using System.IO;
                using System.Threading;

                public sealed class SharedJournal
                {
                    private static readonly Mutex Gate = new Mutex(false, @"Global\app-journal");
                    private readonly string _path = "journal.log";

                    public void Append(string line)
                    {
                        Gate.WaitOne();
                        try
                        {
                            Rotate();
                            File.AppendAllText(_path, line);
                        }
                        finally
                        {
                            Gate.ReleaseMutex();
                        }
                    }

                    private void Rotate()
                    {
                        if (new FileInfo(_path).Length > 1_000_000)
                        {
                            File.Move(_path, _path + ".1", true);
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("$\"logs/app-{Environment.ProcessId}.log\"")]
        [InlineData("$\"logs/app-{System.Diagnostics.Process.GetCurrentProcess().Id}.log\"")]
        [InlineData("\"logs/app-\" + Environment.GetEnvironmentVariable(\"WEBSITE_INSTANCE_ID\") + \".log\"")]
        [InlineData("Path.Combine(Path.GetTempPath(), Guid.NewGuid() + \".log\")")]
        [InlineData("Path.GetTempFileName()")]
        public Task PerProcessPath_NoDiagnostic(string path)
            => VerifyWeb($$"""
                using System;
                using System.IO;

                public sealed class WorkerJournal
                {
                    private readonly string _path;

                    public WorkerJournal() => _path = {{path}};

                    public void Append(string line)
                    {
                        if (new FileInfo(_path).Length > 1_000_000)
                        {
                            File.Move(_path, _path + ".1", true);
                        }

                        File.AppendAllText(_path, line);
                    }
                }
                """);

        [Fact]
        public Task PerProcessPathInFieldInitializer_NoDiagnostic()
            => VerifyWeb("""
                using System;
                using System.IO;

                public sealed class WorkerJournal
                {
                    private readonly string _path = $"logs/app-{Environment.ProcessId}.log";

                    public void Append(string line)
                    {
                        File.Move(_path, _path + ".1", true);
                        File.AppendAllText(_path, line);
                    }
                }
                """);

        [Theory]
        [InlineData("using static System.Environment;", "$\"logs/app-{ProcessId}.log\"")]
        [InlineData("", "$\"logs/app-{System.Diagnostics.Process.GetCurrentProcess()?.Id}.log\"")]
        [InlineData("", "$\"logs/{Environment.MachineName}.log\"")]
        public Task PerProcessPropertyInAnotherMember_NoDiagnostic(string usingStatic, string path)
            => VerifyWeb($$"""
                using System;
                using System.IO;
                {{usingStatic}}

                public sealed class WorkerJournal
                {
                    private string _path = "logs/app.log";

                    public void Start() => Run(() => _path = {{path}});

                    public void Append(string line)
                    {
                        File.Move(_path, _path + ".1", true);
                        File.AppendAllText(_path, line);
                    }

                    private static void Run(Action action) => action();
                }
                """);

        [Fact]
        public Task PerProcessPropertyInPartOfTypeInAnotherFile_NoDiagnostic()
        {
            // A type declared in two files: the per-process path is set in the other file.
            var test = VerifyCS.Test("""
                using System.IO;

                public sealed partial class WorkerJournal
                {
                    public void Append(string line)
                    {
                        File.Move(_path, _path + ".1", true);
                        File.AppendAllText(_path, line);
                    }
                }
                """);
            test.Sources.Add("""
                using System;

                public sealed partial class WorkerJournal
                {
                    private readonly string _path = $"logs/app-{Environment.ProcessId}.log";
                }
                """);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            return test.RunAsync();
        }

        [Fact]
        public Task RotationNameWrittenWithEscape_ReportsDiagnostic()
            => VerifyWeb(
                Journal("{|#0:File.\\u004Dove(_path, _path + \".1\", overwrite: true)|};"),
                expected: VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));

        [Fact]
        public Task RotationInPartOfTypeInAnotherFile_ReportsDiagnostic()
        {
            // The file that declares the write names no rotating call; the type's other file does.
            var test = VerifyCS.Test("""
                using System.IO;

                public sealed partial class SplitJournal
                {
                    private readonly string _path = "logs/app.log";

                    public void Append(string line) => File.AppendAllText(_path, line);
                }
                """);
            test.Sources.Add("""
                using System.IO;

                public sealed partial class SplitJournal
                {
                    public void Rotate() => {|#0:File.Move(_path, _path + ".1", true)|};
                }
                """);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));
            return test.RunAsync();
        }

        // The session's re-run of round 23: XRoadFolk's writer is partial only for its [LoggerMessage] methods, whose other
        // part is generated; the helper and its calls are in the type's own file, and are read there.
        [Fact]
        public Task RotatedByAHelperInAPartialType_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;

                public sealed partial class LogWriter
                {
                    private readonly string _path = "logs/app.log";

                    public void Append(string line)
                    {
                        Roll(_path);
                        File.AppendAllText(_path, line);
                    }

                    private static void Roll(string file)
                    {
                        if (new FileInfo(file).Length > 1_000_000)
                        {
                            {|#0:File.Move(file, file + ".1", true)|};
                        }
                    }
                }
                """);
            test.Sources.Add("""
                public sealed partial class LogWriter
                {
                    private static partial void LogRollFailed(System.Exception exception);

                    private static partial void LogRollFailed(System.Exception exception) { }
                }
                """);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));
            return test.RunAsync();
        }

        // The session's third review: in a partial type the helper's calls are read in every file that holds a rotation or
        // a write, not only in the file of whichever operation the driver happened to run first (the result must not
        // depend on the order). Here the append is alone in the first file.
        [Fact]
        public Task RotatedByAHelperInAnotherFileThanTheWrite_ReportsDiagnostic()
        {
            var test = VerifyCS.Test("""
                using System.IO;

                public sealed partial class LogWriter
                {
                    private readonly string _path = "logs/app.log";

                    public void Append(string line) => File.AppendAllText(_path, line);
                }
                """);
            test.Sources.Add("""
                using System.IO;

                public sealed partial class LogWriter
                {
                    public void RollIfLarge()
                    {
                        if (new FileInfo(_path).Length > 1_000_000)
                        {
                            Roll(_path);
                        }
                    }

                    private static void Roll(string file) => {|#0:File.Move(file, file + ".1", true)|};
                }
                """);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PM1002").WithLocation(0).WithArguments("File.Move", "File.AppendAllText", WebReason));
            return test.RunAsync();
        }

        [Fact]
        public Task SameNamesThatAreNotPerProcess_ReportsDiagnostic()
            => VerifyWeb("""
                using System;
                using System.IO;

                public sealed class WorkerJournal
                {
                    private readonly Order _order = new Order();
                    private readonly string _path;

                    public WorkerJournal() => _path = $"logs/app-{_order.Id}-{Environment.ProcessorCount}.log";

                    public void Append(string line)
                    {
                        if (new FileInfo(_path).Length > 1_000_000)
                        {
                            [|File.Move(_path, _path + ".1", true)|];
                        }

                        File.AppendAllText(_path, line);
                    }

                    private sealed class Order
                    {
                        public int Id { get; } = 7;
                    }
                }
                """);

        [Fact]
        public Task DeleteThatIsACleanupNotARotation_NoDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Outbox
                {
                    private readonly string _path = "outbox.txt";

                    public void Add(string line) => File.AppendAllText(_path, line);

                    public void Clear() => File.Delete(_path);
                }
                """);

        // A count, not a size (a string's or an array's Length, inline or through a local): a reset, not a rotation.
        [Theory]
        [InlineData("var count = lines.Length; if (count > 1000)")]
        [InlineData("if (lines.Length > 1000)")]
        [InlineData("if (lines[0].Length > 80)")]
        // A local given a count after its size: it no longer holds the size.
        [InlineData("var size = new FileInfo(_path).Length; size = lines.Length; if (size > 1000)")]
        [InlineData("var text = File.ReadAllText(_path); text = lines[0]; if (text.Length > 80)")]
        public Task DeleteGuardedByACount_NoDiagnostic(string guard)
            => VerifyWeb($$"""
                using System.IO;

                public sealed class Journal
                {
                    private readonly string _path = "journal.txt";

                    public void Reset(string[] lines)
                    {
                        {{guard}}
                        {
                            File.Delete(_path);
                        }

                        File.AppendAllText(_path, string.Join("\n", lines));
                    }
                }
                """);

        // Writes that never append: append: false, and a mode whose every branch truncates or creates.
        [Theory]
        [InlineData("using var w = new StreamWriter(_path, append: false); w.WriteLine(line);")]
        [InlineData("using var s = new FileStream(_path, line.Length > 0 ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);")]
        [InlineData("using var s = new FileStream(_path, line.Length > 0 ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.Read);")]
        public Task WritesThatNeverAppend_NoDiagnostic(string write)
            => VerifyWeb(Journal("File.Move(_path, _path + \".1\");", write));

        [Fact]
        public Task ReadOnlyOpenAndParametersOfOtherMethods_NoDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public sealed class Importer
                {
                    public void Append(string path, string line) => File.AppendAllText(path, line);

                    public void Archive(string path)
                    {
                        using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Read)) { }
                        File.Move(path, path + ".done");
                    }
                }
                """);

        [Fact]
        public Task WriteInAnotherType_NoDiagnostic()
            => VerifyWeb("""
                using System.IO;

                public static class Paths { public const string Log = "app.log"; }

                public sealed class Writer { public void Write(string line) => File.AppendAllText(Paths.Log, line); }

                public sealed class Janitor { public void Rotate() => File.Move(Paths.Log, Paths.Log + ".1"); }
                """);

        [Fact]
        public Task UserTypeNamedFile_NoDiagnostic()
            => VerifyWeb("""
                public static class File
                {
                    public static void Move(string a, string b) { }
                    public static void AppendAllText(string a, string b) { }
                }

                public sealed class Journal
                {
                    private readonly string _path = "journal.log";

                    public void Append(string line)
                    {
                        File.Move(_path, _path + ".1");
                        File.AppendAllText(_path, line);
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoCrash()
        {
            var test = VerifyCS.Test("""
                using System.IO;

                public sealed class Journal
                {
                    private readonly string _path = "journal.log";

                    public void Append(string line)
                    {
                        File.Move(_path, );
                        File.AppendAllText(_path, line
                        File.Move(
                    }
                }
                """);
            test.GlobalOptions["build_property.UsingMicrosoftNETSdkWeb"] = "true";
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
