using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary>The rules' type lookup through merged namespaces gives what Compilation.GetTypeByMetadataName gives.</summary>
    public class TypeLookupTests
    {
        private static CSharpCompilation Compile(string source, params MetadataReference[] extra)
            => CSharpCompilation.Create(
                "Lookup",
                new[] { CSharpSyntaxTree.ParseText(source) },
                References.Net.Concat(References.AspNetCore).Concat(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static MetadataReference Library(string name, string source, params MetadataReference[] extra)
            => CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, References.Net.Concat(extra), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .ToMetadataReference();

        private static void AssertSameAsCompiler(Compilation compilation, string metadataName)
        {
            var expected = compilation.GetTypeByMetadataName(metadataName);
            var actual = TypeLookup.Get(compilation, metadataName);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, actual), $"{metadataName}: expected {expected?.ToDisplayString() ?? "null"}, got {actual?.ToDisplayString() ?? "null"}");
        }

        [Theory]
        [InlineData("System.IO.File")]
        [InlineData("System.IO.FileStream")]
        [InlineData("System.Collections.Generic.List`1")]
        [InlineData("System.Collections.Generic.Dictionary`2")]
        [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
        [InlineData("Microsoft.AspNetCore.SignalR.Hub`1")]
        [InlineData("Microsoft.AspNetCore.Http.IResult")]
        [InlineData("System.Environment+SpecialFolder")]
        [InlineData("App.Store")]
        [InlineData("App.Store+Entry")]
        [InlineData("App.Inner.Deep`2")]
        public void PresentType_IsFoundAsTheCompilerFindsIt(string metadataName)
        {
            var compilation = Compile("namespace App { public class Store { public class Entry { } } } namespace App.Inner { class Deep<T, U> { } }");
            Assert.NotNull(TypeLookup.Get(compilation, metadataName));
            AssertSameAsCompiler(compilation, metadataName);
        }

        [Theory]
        [InlineData("System.Web.Mvc.Controller")]
        [InlineData("System.IO.NoSuchType")]
        [InlineData("System.Collections.Generic.List")]
        [InlineData("System.Collections.Generic.List`2")]
        [InlineData("System.IO.File`x")]
        [InlineData("NoNamespaceType")]
        [InlineData("Serilog.Log")]
        [InlineData("App")]
        [InlineData("App.Store.Entry")]
        [InlineData("")]
        public void AbsentType_IsNull(string metadataName)
        {
            var compilation = Compile("namespace App { public class Store { public class Entry { } } }");
            Assert.Null(TypeLookup.Get(compilation, metadataName));
            AssertSameAsCompiler(compilation, metadataName);
        }

        [Fact]
        public void TypeInSourceAndReference_TheCompilerDecides()
        {
            // Declared twice: the compiler's rules decide (the source's declaration).
            var library = Library("Dup", "namespace System.IO.Compression { public static class ZipFile { } }");
            var compilation = Compile("namespace System.IO.Compression { public static class ZipFile { } }", library);
            Assert.NotNull(TypeLookup.Get(compilation, "System.IO.Compression.ZipFile"));
            AssertSameAsCompiler(compilation, "System.IO.Compression.ZipFile");
        }

        [Fact]
        public void TypeInTwoReferences_TheCompilerDecides()
        {
            var one = Library("One", "namespace log4net.Appender { public class FileAppender { } }");
            var two = Library("Two", "namespace log4net.Appender { public class FileAppender { } }");
            var compilation = Compile("class C { }", one, two);
            AssertSameAsCompiler(compilation, "log4net.Appender.FileAppender");
        }

        [Fact]
        public void TypeInAliasedReference_IsNull()
        {
            var aliased = Library("Aliased", "namespace log4net.Appender { public class RollingFileAppender { } }")
                .WithAliases(new[] { "legacy" });
            var compilation = Compile("class C { }", aliased);
            Assert.Null(TypeLookup.Get(compilation, "log4net.Appender.RollingFileAppender"));
            AssertSameAsCompiler(compilation, "log4net.Appender.RollingFileAppender");
        }
    }
}
