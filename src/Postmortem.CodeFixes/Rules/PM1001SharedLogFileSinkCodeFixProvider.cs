using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>PM1001 fixes: Serilog <c>shared: true</c>; NLog 4/5 <c>ConcurrentWrites = true</c>; NLog 6 <c>KeepFileOpen = false</c>;
    /// log4net FileAppender <c>LockingModel = new FileAppender.InterProcessLock()</c>. None for RollingFileAppender or AuditTo.File,
    /// nor when Serilog's <c>buffered: true</c> or <c>hooks</c> would make <c>shared: true</c> throw.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM1001SharedLogFileSinkCodeFixProvider)), Shared]
    public sealed class PM1001SharedLogFileSinkCodeFixProvider : LogSinkCodeFixProvider
    {
        public const string SerilogSharedKey = "PM1001.SerilogShared";
        public const string NLogConcurrentWritesKey = "PM1001.NLogConcurrentWrites";
        public const string NLogKeepFileOpenKey = "PM1001.NLogKeepFileOpenFalse";
        public const string Log4NetInterProcessLockKey = "PM1001.Log4NetInterProcessLock";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SharedLogFileSink);

        internal override (string Title, string Key)? Describe(LogSinkFix fix) => fix switch
        {
            LogSinkFix.SerilogShared => ("Share the file between processes (shared: true)", SerilogSharedKey),
            LogSinkFix.NLogConcurrentWrites => ("Coordinate the processes (ConcurrentWrites = true)", NLogConcurrentWritesKey),
            LogSinkFix.NLogKeepFileOpenFalse => ("Open the file per write (KeepFileOpen = false)", NLogKeepFileOpenKey),
            LogSinkFix.Log4NetInterProcessLock => ("Use the inter-process lock (LockingModel = new FileAppender.InterProcessLock())", Log4NetInterProcessLockKey),
            _ => null,
        };
    }
}
