namespace Postmortem.Analyzers
{
    /// <summary>The rule IDs. An ID is never reused or renumbered once shipped.</summary>
    public static class DiagnosticIds
    {
        // PM0xxx: about the analysis itself.
        public const string ConfigFileUnreadable = "PM0001";

        // PM1xxx: log files shared by worker processes.
        public const string SharedLogFileSink = "PM1001";
        public const string HandWrittenRotation = "PM1002";

        // PM2xxx: disks filled by files nobody deletes.
        public const string TempFileNeverDeleted = "PM2001";
        public const string PerRequestFileLeft = "PM2002";
        public const string LogFilesNeverDeleted = "PM2003";

        // PM3xxx: write failures that vanish.
        public const string SwallowedWriteFailure = "PM3001";
        public const string DiscardedWriteTask = "PM3002";
        public const string IgnoredRefusedWrite = "PM3003";
        public const string LoggingFailuresInvisible = "PM3004";
        public const string FileSinkStopsAtSizeLimit = "PM3005";
        public const string TimerSwallowsWriteFailure = "PM3006";
    }
}
