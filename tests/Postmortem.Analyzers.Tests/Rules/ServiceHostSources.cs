namespace Postmortem.Analyzers.Tests.Rules
{
    /// <summary>
    /// A program hosted as its statement says: as a Windows service (<c>UseWindowsService()</c>, <c>AddWindowsService()</c>,
    /// <c>ServiceBase.Run(…)</c>), under systemd, or neither; with a worker for <c>ServiceBase.Run</c>. Needs
    /// References.AspNetCore and References.WindowsServices (and References.Systemd for the systemd calls).
    /// </summary>
    internal static class ServiceHostSources
    {
        public static string Program(string host) => $$"""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    {{host}}
                }
            }

            public sealed class Worker : System.ServiceProcess.ServiceBase
            {
            }
            """;
    }
}
