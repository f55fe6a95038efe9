using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Postmortem.Analyzers;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>PM2003 fixes: Serilog <c>retainedFileCountLimit: 31</c> (Serilog's default) instead of null; NLog <c>MaxArchiveFiles = 31</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PM2003LogFilesNeverDeletedCodeFixProvider)), Shared]
    public sealed class PM2003LogFilesNeverDeletedCodeFixProvider : LogSinkCodeFixProvider
    {
        public const string RetainedFileCountLimitKey = "PM2003.RetainedFileCountLimit";
        public const string MaxArchiveFilesKey = "PM2003.MaxArchiveFiles";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LogFilesNeverDeleted);

        internal override (string Title, string Key)? Describe(LogSinkFix fix) => fix switch
        {
            LogSinkFix.SerilogRetainedFileCountLimit => ("Keep the last 31 files (retainedFileCountLimit: 31)", RetainedFileCountLimitKey),
            LogSinkFix.NLogMaxArchiveFiles => ("Keep the last 31 archives (MaxArchiveFiles = 31)", MaxArchiveFilesKey),
            _ => null,
        };
    }
}
