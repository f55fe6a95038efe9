using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Calls of .NET library types that create or overwrite the file at a path they are given, as <c>File.WriteAllText</c>
    /// does: <c>XDocument.Save(fileName)</c>, <c>XElement.Save(fileName)</c>, <c>XmlDocument.Save(filename)</c>,
    /// <c>System.Drawing.Image.Save(filename)</c> (Bitmap's too), <c>XmlWriter.Create(outputFileName)</c>, and
    /// <c>WebClient.DownloadFile/DownloadFileAsync/DownloadFileTaskAsync(address, fileName)</c>, and ASP.NET's (System.Web)
    /// <c>HttpPostedFile.SaveAs(filename)</c> / <c>HttpPostedFileBase.SaveAs(filename)</c>, which store an upload as
    /// <c>IFormFile.CopyTo</c> does (real-world round 21: BlogEngine.NET). Their overloads writing to a stream or a writer
    /// take no file name and are not among them. One instance per compilation.
    /// </summary>
    internal sealed class LibraryFileWrites
    {
        // Looked up at the first call that may be one of theirs: their namespaces (System.Xml, System.Net, System.Drawing) are
        // merged across the references at the first lookup, a cost a compilation that never calls them should not pay.
        private readonly System.Lazy<Types> _types;

        public LibraryFileWrites(Compilation compilation)
            => _types = new System.Lazy<Types>(() => new Types(compilation));

        /// <summary>Can a method of this name be one of these writes? (Names first: no lookup for every other call.)</summary>
        public static bool MayBe(string name)
            => name is "Save" or "Create" or "DownloadFile" or "DownloadFileAsync" or "DownloadFileTaskAsync" or "SaveAs";

        /// <summary>
        /// Is the call one of these writes? <paramref name="path"/> is the file name it writes; <paramref name="typeName"/> the
        /// type that declares the method (<c>XDocument</c>, <c>Image</c>, <c>XmlWriter</c>, <c>WebClient</c>).
        /// <paramref name="includeDownloads"/>: count WebClient's downloads, whose failures are mostly the network's.
        /// </summary>
        public bool TryGet(IInvocationOperation invocation, bool includeDownloads, out IOperation path, out string typeName)
        {
            path = null!;
            typeName = null!;
            var method = invocation.TargetMethod;
            if (!MayBe(method.Name) || method.ContainingType is not { } type)
            {
                return false;
            }

            var types = _types.Value;
            var writes = method.Name switch
            {
                "Save" => !method.IsStatic && TypeSymbols.IsAny(type, types.Saving),
                "Create" => method.IsStatic && types.XmlWriter is not null && SymbolEqualityComparer.Default.Equals(type, types.XmlWriter),
                "SaveAs" => !method.IsStatic && (TypeSymbols.InheritsFromOrEquals(type, types.PostedFile) || TypeSymbols.InheritsFromOrEquals(type, types.PostedFileBase)),
                _ => includeDownloads && !method.IsStatic && TypeSymbols.InheritsFromOrEquals(type, types.WebClient),
            };
            if (!writes)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && argument.Value is { } value &&
                    (string.Equals(parameter.Name, "fileName", System.StringComparison.OrdinalIgnoreCase) || parameter.Name == "outputFileName"))
                {
                    path = value;
                    typeName = type.Name;
                    return true;
                }
            }

            return false;
        }

        private sealed class Types
        {
            public Types(Compilation compilation)
            {
                Saving = new[]
                {
                    TypeLookup.Get(compilation, "System.Xml.Linq.XDocument"),
                    TypeLookup.Get(compilation, "System.Xml.Linq.XElement"),
                    TypeLookup.Get(compilation, "System.Xml.XmlDocument"),
                    TypeLookup.Get(compilation, "System.Drawing.Image"),
                };
                XmlWriter = TypeLookup.Get(compilation, "System.Xml.XmlWriter");
                WebClient = TypeLookup.Get(compilation, "System.Net.WebClient");
                PostedFile = TypeLookup.Get(compilation, "System.Web.HttpPostedFile");
                PostedFileBase = TypeLookup.Get(compilation, "System.Web.HttpPostedFileBase");
            }

            /// <summary>System.Web's upload types (.NET Framework): SaveAs(filename).</summary>
            public INamedTypeSymbol? PostedFile { get; }

            public INamedTypeSymbol? PostedFileBase { get; }

            /// <summary>XDocument, XElement, XmlDocument, System.Drawing.Image: Save(fileName).</summary>
            public INamedTypeSymbol?[] Saving { get; }

            public INamedTypeSymbol? XmlWriter { get; }

            public INamedTypeSymbol? WebClient { get; }
        }
    }
}
