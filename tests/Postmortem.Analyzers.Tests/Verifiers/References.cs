using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Postmortem.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Metadata references for test compilations: the running runtime's framework, optionally ASP.NET Core,
    /// and libraries from the restored packages (downloaded by the test project, not referenced by it).
    /// </summary>
    public static class References
    {
        private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

        /// <summary>Microsoft.NETCore.App of the running runtime.</summary>
        public static ImmutableArray<MetadataReference> Net { get; } = FromDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);

        /// <summary>Microsoft.AspNetCore.App (it includes Microsoft.Extensions.Logging/Configuration/Hosting).</summary>
        public static ImmutableArray<MetadataReference> AspNetCore { get; } =
            FromDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!);

        public static ImmutableArray<MetadataReference> Serilog => Packages(("serilog", "3.1.1", "Serilog.dll"), ("serilog.sinks.file", "5.0.0", "Serilog.Sinks.File.dll"));

        /// <summary>Serilog with the reader of its appsettings.json section (ReadFrom.Configuration).</summary>
        public static ImmutableArray<MetadataReference> SerilogWithSettings => Serilog
            .AddRange(Packages(("serilog.settings.configuration", "8.0.0", "Serilog.Settings.Configuration.dll")))
            .AddRange(AspNetCore.Where(r => r.Display is { } path &&
                (path.EndsWith("Microsoft.Extensions.Configuration.Abstractions.dll", StringComparison.Ordinal) ||
                 path.EndsWith("Microsoft.Extensions.Primitives.dll", StringComparison.Ordinal))));

        /// <summary>NLog 4 (4.7.13): its InternalLogger's level is Info by default.</summary>
        public static ImmutableArray<MetadataReference> NLog4 => Packages(("nlog", "4.7.13", "NLog.dll"));

        public static ImmutableArray<MetadataReference> NLog5 => Packages(("nlog", "5.0.4", "NLog.dll"));

        public static ImmutableArray<MetadataReference> NLog6 => Packages(("nlog", "6.2.0", "NLog.dll"));

        /// <summary>The reader of appsettings.json's NLog section, in the generation of <see cref="NLog5"/> or <see cref="NLog6"/>.</summary>
        public static ImmutableArray<MetadataReference> NLogExtensions5 => Packages(("nlog.extensions.logging", "5.0.4", "NLog.Extensions.Logging.dll"));

        public static ImmutableArray<MetadataReference> NLogExtensions6 => Packages(("nlog.extensions.logging", "6.2.0", "NLog.Extensions.Logging.dll"));

        /// <summary>ZLogger 2.6.1 with Microsoft.Extensions.Logging (its ILoggingBuilder), from ASP.NET Core's shared framework.</summary>
        public static ImmutableArray<MetadataReference> ZLogger => Packages(("zlogger", "2.6.1", "ZLogger.dll")).AddRange(AspNetCore);

        /// <summary>UseWindowsService/AddWindowsService, and ServiceBase (System.ServiceProcess).</summary>
        public static ImmutableArray<MetadataReference> WindowsServices => Packages(
            ("microsoft.extensions.hosting.windowsservices", "10.0.0", "Microsoft.Extensions.Hosting.WindowsServices.dll"),
            ("system.serviceprocess.servicecontroller", "10.0.0", "System.ServiceProcess.ServiceController.dll"));

        /// <summary>UseSystemd/AddSystemd.</summary>
        public static ImmutableArray<MetadataReference> Systemd => Packages(("microsoft.extensions.hosting.systemd", "10.0.0", "Microsoft.Extensions.Hosting.Systemd.dll"));

        /// <summary>An assembly of the given name compiled from <paramref name="source"/> in memory: a stand-in for one that is
        /// not served here when only its name matters (a GUI framework a library references).</summary>
        public static MetadataReference Named(string assemblyName, string source)
            => Cache.GetOrAdd("named/" + assemblyName + "/" + source, _ =>
            {
                var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                    assemblyName,
                    new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                    Net,
                    new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                using var image = new MemoryStream();
                var emitted = compilation.Emit(image);
                if (!emitted.Success)
                {
                    throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics));
                }

                return MetadataReference.CreateFromImage(image.ToArray());
            });

        public static string NuGetPackageRoot => GetMetadata("NuGetPackageRoot");

        public static string RepositoryRoot => GetMetadata("RepositoryRoot");

        public static ImmutableArray<MetadataReference> Packages(params (string Id, string Version, string Dll)[] packages)
        {
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var (id, version, dll) in packages)
            {
                builder.Add(Cache.GetOrAdd($"{id}/{version}/{dll}", _ => MetadataReference.CreateFromFile(FindPackageDll(id, version, dll))));
            }

            return builder.ToImmutable();
        }

        private static string FindPackageDll(string id, string version, string dll)
        {
            var lib = Path.Combine(NuGetPackageRoot, id.ToLowerInvariant(), version, "lib");
            if (!Directory.Exists(lib))
            {
                throw new InvalidOperationException($"Package {id} {version} is not restored at {lib}: add a PackageDownload to the test project.");
            }

            string[] preferred = { "net8.0", "net6.0", "net5.0", "netstandard2.1", "netstandard2.0" };
            foreach (var tfm in preferred.Concat(Directory.GetDirectories(lib).Select(Path.GetFileName).OfType<string>()))
            {
                var candidate = Path.Combine(lib, tfm, dll);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"{dll} not found under {lib}.");
        }

        private static ImmutableArray<MetadataReference> FromDirectory(string directory)
        {
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var file in Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                if (IsManagedAssembly(file))
                {
                    builder.Add(Cache.GetOrAdd(file, f => MetadataReference.CreateFromFile(f)));
                }
            }

            return builder.ToImmutable();
        }

        private static bool IsManagedAssembly(string file)
        {
            try
            {
                AssemblyName.GetAssemblyName(file);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static string GetMetadata(string key)
            => typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
    }
}
