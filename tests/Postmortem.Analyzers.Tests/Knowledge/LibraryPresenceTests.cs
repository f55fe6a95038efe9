using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary>The cheap presence check that lets the rules skip type lookups of logging libraries a project does not use.</summary>
    public class LibraryPresenceTests
    {
        private static Compilation Compile(string source, params MetadataReference[] extra)
            => CSharpCompilation.Create(
                "Presence",
                new[] { CSharpSyntaxTree.ParseText(source) },
                References.Net.Concat(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        [Fact]
        public void NoLoggingLibrary_NoneIsPresent()
        {
            var presence = LibraryPresence.Of(Compile("namespace App { class C { } }"));

            Assert.False(presence.Serilog);
            Assert.False(presence.NLog);
            Assert.False(presence.Log4Net);
            Assert.Null(LibraryPresence.Lookup(Compile("class C { }"), presence.Serilog, "System.Object"));
        }

        [Fact]
        public void ReferencedAssemblies_ArePresent()
        {
            var compilation = Compile("class C { }", References.Serilog.Concat(References.NLog5).ToArray());
            var presence = LibraryPresence.Of(compilation);

            Assert.True(presence.Serilog);
            Assert.True(presence.NLog);
            Assert.False(presence.Log4Net);
            Assert.NotNull(LibraryPresence.Lookup(compilation, presence.Serilog, "Serilog.FileLoggerConfigurationExtensions"));
        }

        [Fact]
        public void NamespaceDeclaredInSource_IsPresent()
        {
            var compilation = Compile("namespace log4net.Appender { public class FileAppender { } } namespace Logging { class Serilogger { } }");
            var presence = LibraryPresence.Of(compilation);

            Assert.True(presence.Log4Net);
            Assert.False(presence.Serilog); // "Logging.Serilogger" is not the Serilog namespace
            Assert.NotNull(LibraryPresence.Lookup(compilation, presence.Log4Net, "log4net.Appender.FileAppender"));
        }
    }
}
