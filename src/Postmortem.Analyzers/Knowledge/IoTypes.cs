using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// What we know of System.IO: the types resolved once per compilation, and which of their
    /// members write to durable storage. Matching is by metadata name and member name so that
    /// one analyzer serves every framework version (members a version lacks simply never match).
    /// </summary>
    internal sealed class IoTypes
    {
        private static readonly ImmutableHashSet<string> FileWriteMembers = ImmutableHashSet.Create(
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync",
            "WriteAllLines", "WriteAllLinesAsync", "AppendAllText", "AppendAllTextAsync",
            "AppendAllLines", "AppendAllLinesAsync", "AppendAllBytes", "AppendAllBytesAsync",
            "AppendText", "Create", "CreateText", "Copy", "Move", "Replace", "Delete", "OpenWrite");

        private static readonly ImmutableHashSet<string> FileInfoWriteMembers = ImmutableHashSet.Create(
            "Create", "CreateText", "AppendText", "CopyTo", "MoveTo", "Replace", "Delete", "OpenWrite");

        private static readonly ImmutableHashSet<string> StreamWriteMembers = ImmutableHashSet.Create(
            "Write", "WriteAsync", "WriteByte", "Flush", "FlushAsync", "SetLength");

        private static readonly ImmutableHashSet<string> StreamCopyMembers = ImmutableHashSet.Create(
            "CopyTo", "CopyToAsync");

        private static readonly ImmutableHashSet<string> WriterWriteMembers = ImmutableHashSet.Create(
            "Write", "WriteLine", "WriteAsync", "WriteLineAsync", "Flush", "FlushAsync",
            "Dispose", "DisposeAsync", "Close");

        private IoTypes(Compilation compilation, INamedTypeSymbol exception)
        {
            Exception = exception;
            SystemException = TypeLookup.Get(compilation, "System.SystemException");
            IOException = TypeLookup.Get(compilation, "System.IO.IOException");
            UnauthorizedAccessException = TypeLookup.Get(compilation, "System.UnauthorizedAccessException");
            OperationCanceledException = TypeLookup.Get(compilation, "System.OperationCanceledException");
            File = TypeLookup.Get(compilation, "System.IO.File");
            FileInfo = TypeLookup.Get(compilation, "System.IO.FileInfo");
            Directory = TypeLookup.Get(compilation, "System.IO.Directory");
            DirectoryInfo = TypeLookup.Get(compilation, "System.IO.DirectoryInfo");
            Stream = TypeLookup.Get(compilation, "System.IO.Stream");
            FileStream = TypeLookup.Get(compilation, "System.IO.FileStream");
            MemoryStream = TypeLookup.Get(compilation, "System.IO.MemoryStream");
            UnmanagedMemoryStream = TypeLookup.Get(compilation, "System.IO.UnmanagedMemoryStream");
            TextWriter = TypeLookup.Get(compilation, "System.IO.TextWriter");
            StringWriter = TypeLookup.Get(compilation, "System.IO.StringWriter");
            BinaryWriter = TypeLookup.Get(compilation, "System.IO.BinaryWriter");
            FileMode = TypeLookup.Get(compilation, "System.IO.FileMode");
            NetworkStream = TypeLookup.Get(compilation, "System.Net.Sockets.NetworkStream");
            AuthenticatedStream = TypeLookup.Get(compilation, "System.Net.Security.AuthenticatedStream");
            HttpResponse = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
            PipeStream = TypeLookup.Get(compilation, "System.IO.Pipes.PipeStream");
            HttpListenerResponse = TypeLookup.Get(compilation, "System.Net.HttpListenerResponse");
            Process = TypeLookup.Get(compilation, "System.Diagnostics.Process");
            Console = TypeLookup.Get(compilation, "System.Console");
            FormFile = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.IFormFile");
            _libraryWrites = new LibraryFileWrites(compilation);
        }

        // XDocument.Save(fileName), XmlWriter.Create(outputFileName)...: writes that name their file, as File's do.
        private readonly LibraryFileWrites _libraryWrites;

        public INamedTypeSymbol Exception { get; }
        public INamedTypeSymbol? SystemException { get; }
        public INamedTypeSymbol? IOException { get; }
        public INamedTypeSymbol? UnauthorizedAccessException { get; }
        public INamedTypeSymbol? OperationCanceledException { get; }
        public INamedTypeSymbol? File { get; }
        public INamedTypeSymbol? FileInfo { get; }
        public INamedTypeSymbol? Directory { get; }
        public INamedTypeSymbol? DirectoryInfo { get; }
        public INamedTypeSymbol? Stream { get; }
        public INamedTypeSymbol? FileStream { get; }
        public INamedTypeSymbol? MemoryStream { get; }
        public INamedTypeSymbol? UnmanagedMemoryStream { get; }
        public INamedTypeSymbol? TextWriter { get; }
        public INamedTypeSymbol? StringWriter { get; }
        public INamedTypeSymbol? BinaryWriter { get; }
        public INamedTypeSymbol? FileMode { get; }
        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? NetworkStream { get; }
        public INamedTypeSymbol? AuthenticatedStream { get; }
        public INamedTypeSymbol? HttpResponse { get; }
        public INamedTypeSymbol? PipeStream { get; }
        public INamedTypeSymbol? HttpListenerResponse { get; }
        public INamedTypeSymbol? Process { get; }

        /// <summary>ASP.NET Core's upload: its <c>CopyTo</c>/<c>CopyToAsync(target)</c> writes the upload into target.</summary>
        public INamedTypeSymbol? FormFile { get; }

        /// <summary>Resolves the types once per compilation; null when the compilation has no System.Exception.</summary>
        public static IoTypes? Create(Compilation compilation)
        {
            var exception = TypeLookup.Get(compilation, "System.Exception");
            return exception is null ? null : new IoTypes(compilation, exception);
        }

        /// <summary>Can a catch of this type (null: bare catch) catch an I/O failure?</summary>
        public bool CanCatchIoFailure(ITypeSymbol? caught)
        {
            if (caught is null || caught.SpecialType == SpecialType.System_Object)
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(caught, Exception) ||
                SymbolEqualityComparer.Default.Equals(caught, SystemException))
            {
                return true;
            }

            return IsIoExceptionType(caught);
        }

        /// <summary>Is this IOException, UnauthorizedAccessException or a subclass of either?</summary>
        public bool IsIoExceptionType(ITypeSymbol type)
            => TypeSymbols.InheritsFromOrEquals(type, IOException) ||
               TypeSymbols.InheritsFromOrEquals(type, UnauthorizedAccessException);

        public bool IsInMemoryStreamType(ITypeSymbol? type)
            => TypeSymbols.InheritsFromOrEquals(type, MemoryStream) ||
               TypeSymbols.InheritsFromOrEquals(type, UnmanagedMemoryStream);

        /// <summary>
        /// If the invocation writes to durable storage, returns a short name for the write
        /// (for messages, e.g. "File.WriteAllText"); otherwise null.
        /// </summary>
        public string? GetDurableWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var name = method.Name;
            if (method.IsStatic)
            {
                if (SymbolEqualityComparer.Default.Equals(type, File) && FileWriteMembers.Contains(name))
                {
                    return "File." + name;
                }

                if (SymbolEqualityComparer.Default.Equals(type, File) && name == "Open" && OpensForWriting(invocation))
                {
                    return "File.Open";
                }

                if (name == "Delete" && SymbolEqualityComparer.Default.Equals(type, Directory) && DeletesRecursively(invocation))
                {
                    return "Directory.Delete";
                }

                return LibraryWrite(invocation);
            }

            var receiverType = invocation.Instance?.Type ?? type;
            if (TypeSymbols.InheritsFromOrEquals(receiverType, FileInfo) && FileInfoWriteMembers.Contains(name))
            {
                return "FileInfo." + name;
            }

            if (name == "Delete" && TypeSymbols.InheritsFromOrEquals(receiverType, DirectoryInfo) && DeletesRecursively(invocation))
            {
                return "DirectoryInfo.Delete";
            }

            if (TypeSymbols.InheritsFromOrEquals(receiverType, Stream))
            {
                if (StreamCopyMembers.Contains(name))
                {
                    // CopyTo writes to its destination: a copy into memory reads the source only.
                    return CopiesIntoStorage(invocation) ? "Stream." + name : null;
                }

                return StreamWriteMembers.Contains(name) && IsDurableStreamExpression(invocation.Instance)
                    ? "Stream." + name
                    : null;
            }

            if (TypeSymbols.InheritsFromOrEquals(receiverType, TextWriter) && WriterWriteMembers.Contains(name))
            {
                return IsDurableWriterExpression(invocation.Instance) ? TypeSymbols.ShortName(receiverType) + "." + name : null;
            }

            if (TypeSymbols.InheritsFromOrEquals(receiverType, BinaryWriter) && WriterWriteMembers.Contains(name))
            {
                return IsDurableWriterExpression(invocation.Instance) ? "BinaryWriter." + name : null;
            }

            // upload.CopyToAsync(fileStream): the request's upload written into the destination, as Stream.CopyTo writes
            // (real-world round 9: an upload saved by a dropped CopyToAsync in a Razor Pages handler).
            if (FormFile is not null && StreamCopyMembers.Contains(name) && TypeSymbols.ImplementsOrEquals(receiverType, FormFile))
            {
                return CopiesIntoStorage(invocation) ? "IFormFile." + name : null;
            }

            return LibraryWrite(invocation);
        }

        /// <summary>
        /// Does a <c>Directory.Delete</c>/<c>DirectoryInfo.Delete</c> delete the folder's contents: its <c>recursive</c> argument
        /// the constant <c>true</c>? Only such a delete is a write: its failure leaves every file of the folder on the disk
        /// (a gap real-world round 18 noted). Without it the delete removes an empty folder only, and
        /// <c>try { Directory.Delete(dir); } catch (IOException) { }</c> is the idiom for "remove it if it is empty", whose
        /// failure leaves no file behind (Serenity's <c>ClearTempFiles</c> removes a folder it has just emptied so).
        /// </summary>
        private static bool DeletesRecursively(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: true };
                }
            }

            return false;
        }

        /// <summary>
        /// A library call that writes the file it is given by name (<c>XDocument.Save(fileName)</c>, <c>XmlWriter.Create(outputFileName)</c>:
        /// <see cref="LibraryFileWrites"/>), as <c>File.WriteAllText</c> does. Not WebClient's downloads: their failures are
        /// mostly the network's, which a catch around them is usually for.
        /// </summary>
        private string? LibraryWrite(IInvocationOperation invocation)
            => _libraryWrites.TryGet(invocation, includeDownloads: false, out _, out var typeName)
                ? typeName + "." + invocation.TargetMethod.Name
                : null;

        /// <summary>Does this write (a name from <see cref="GetDurableWrite"/> or <see cref="GetDurableCreation"/>) name the file
        /// it writes itself: a <c>File</c> or <c>FileInfo</c> member, a recursive folder delete, or a library call given a file name? A write to a
        /// stream or writer does not: the stream may be a <c>MemoryStream</c> someone else made.</summary>
        public static bool NamesItsFile(string write)
            => write.StartsWith("File.", System.StringComparison.Ordinal) ||
               write.StartsWith("FileInfo.", System.StringComparison.Ordinal) ||
               write.StartsWith("Directory.", System.StringComparison.Ordinal) ||
               write.StartsWith("DirectoryInfo.", System.StringComparison.Ordinal) ||
               write.EndsWith(".Save", System.StringComparison.Ordinal) || write.EndsWith(".SaveAs", System.StringComparison.Ordinal) ||
               write == "XmlWriter.Create";

        /// <summary>What makes a write (a name from <see cref="GetDurableWrite(IInvocationOperation)"/>, or a helper's
        /// "Helper (File.Delete)") fail, for the messages of PM3001 and PM3006: a delete does not fail for a full disk, a write
        /// or a move does.</summary>
        public static string WhatFailsIt(string write)
            => write.EndsWith(".Delete", System.StringComparison.Ordinal) || write.EndsWith(".Delete)", System.StringComparison.Ordinal)
                ? "a lock or a denied access"
                : "a full disk, a lock or a denied access";

        /// <summary>A static <c>File</c> write passed as a method group (<c>files.ForEach(File.Delete)</c>): its name, as
        /// <see cref="GetDurableWrite(IInvocationOperation)"/> gives it; null for any other method. <c>File.Open</c> is left
        /// out: its mode is an argument no method group shows.</summary>
        public string? GetDurableWrite(IMethodSymbol method)
            => method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, File) && FileWriteMembers.Contains(method.Name)
                ? "File." + method.Name
                : null;

        /// <summary>Does a <c>CopyTo</c>/<c>CopyToAsync</c> write into storage: its destination a durable stream, not memory?</summary>
        private bool CopiesIntoStorage(IInvocationOperation invocation)
        {
            var destination = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
            var destinationType = destination is null ? null : OperationFacts.UnwrapConversions(destination).Type;
            return destinationType is not null && !IsInMemoryStreamType(destinationType) && IsDurableStreamExpression(destination!);
        }

        /// <summary>Is a resource disposed by a using a writer or file stream whose dispose writes?</summary>
        public bool IsDurableDisposable(IOperation? resource)
        {
            if (resource?.Type is not { } type)
            {
                return false;
            }

            if (TypeSymbols.InheritsFromOrEquals(type, TextWriter) || TypeSymbols.InheritsFromOrEquals(type, BinaryWriter))
            {
                return IsDurableWriterExpression(resource);
            }

            // A file stream flushes on dispose only if it was opened for writing.
            var value = OperationFacts.UnwrapConversions(resource);
            return TypeSymbols.InheritsFromOrEquals(type, FileStream) &&
                   ((value is IObjectCreationOperation creation && GetDurableCreation(creation) is not null) ||
                    (value is IInvocationOperation invocation && GetDurableWrite(invocation) is not null));
        }

        /// <summary>Object creations that create or open a file for writing.</summary>
        public string? GetDurableCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (type is null || creation.Constructor is null)
            {
                return null;
            }

            if (TypeSymbols.InheritsFromOrEquals(type, FileStream))
            {
                return OpensForWriting(creation.Arguments) ? "new FileStream" : null;
            }

            if ((TypeSymbols.InheritsFromOrEquals(type, TextWriter) || TypeSymbols.InheritsFromOrEquals(type, BinaryWriter)) &&
                creation.Arguments.Length > 0 &&
                creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
            {
                // new StreamWriter(path): opens (creates or appends to) the file.
                return "new " + type.Name;
            }

            return null;
        }

        private bool OpensForWriting(IInvocationOperation invocation) => OpensForWriting(invocation.Arguments);

        private bool OpensForWriting(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var value = OperationFacts.UnwrapConversions(argument.Value);
                if (IsWritingModeOrAccess(value) || IsWritingOptions(value))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsWritingModeOrAccess(IOperation value)
        {
            if (value.Type is not { } t || !value.ConstantValue.HasValue || value.ConstantValue.Value is not int constant)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(t, FileMode))
            {
                // CreateNew=1, Create=2, OpenOrCreate=4, Truncate=5, Append=6 create or change the file.
                return constant is 1 or 2 or 4 or 5 or 6;
            }

            // Write=2, ReadWrite=3.
            return t.Name == "FileAccess" && t.ContainingNamespace?.ToDisplayString() == "System.IO" && (constant & 2) != 0;
        }

        /// <summary>
        /// A <c>FileStreamOptions</c> (.NET 6) made with a writing <c>Mode</c> or <c>Access</c> in its initializer, there or in
        /// the visible initializer of a local (<c>new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access =
        /// FileAccess.Write })</c>, the twenty-eighth session's review).
        /// </summary>
        private bool IsWritingOptions(IOperation value)
        {
            if (value.Type is not { Name: "FileStreamOptions" } type || type.ContainingNamespace?.ToDisplayString() != "System.IO")
            {
                return false;
            }

            if (value is not IObjectCreationOperation && OperationFacts.GetVisibleInitializer(value) is { } initializer)
            {
                value = OperationFacts.UnwrapConversions(initializer);
            }

            if (value is not IObjectCreationOperation { Initializer: { } members })
            {
                return false;
            }

            foreach (var member in members.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" or "Access" } } assignment &&
                    IsWritingModeOrAccess(OperationFacts.UnwrapConversions(assignment.Value)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False for an expression known to be an in-memory stream, a socket, a pipe or a response body (by type,
        /// or by the visible initializer of a local: <c>Stream s = client.GetStream();</c>).</summary>
        private bool IsDurableStreamExpression(IOperation? expression)
        {
            if (expression is null)
            {
                return true;
            }

            var value = OperationFacts.UnwrapConversions(expression);
            if (IsNotStorageStream(value))
            {
                return false;
            }

            var initializer = OperationFacts.GetVisibleInitializer(value);
            return initializer is null || !IsNotStorageStream(OperationFacts.UnwrapConversions(initializer));
        }

        /// <summary>
        /// Memory is not storage; nor are sockets, pipes and HTTP response bodies (ASP.NET Core's <c>HttpResponse.Body</c>,
        /// <c>HttpListenerResponse.OutputStream</c>): a write fails there when the other end goes away (the client left, the
        /// child process exited), which is routine, not the silent data loss this family is about.
        /// </summary>
        private bool IsNotStorageStream(IOperation value)
        {
            var type = value.Type;
            if (IsInMemoryStreamType(type) ||
                TypeSymbols.InheritsFromOrEquals(type, NetworkStream) ||
                TypeSymbols.InheritsFromOrEquals(type, AuthenticatedStream) ||
                TypeSymbols.InheritsFromOrEquals(type, PipeStream))
            {
                return true;
            }

            return value is IPropertyReferenceOperation { Property: { Name: "Body" or "OutputStream" } property } &&
                   (property.Name == "Body"
                       ? TypeSymbols.InheritsFromOrEquals(property.ContainingType, HttpResponse)
                       : TypeSymbols.InheritsFromOrEquals(property.ContainingType, HttpListenerResponse));
        }

        /// <summary><c>process.StandardInput</c>: a pipe to the child process (see <see cref="IsNotStorageStream"/>).</summary>
        private bool IsChildProcessInput(IOperation value)
            => value is IPropertyReferenceOperation { Property.Name: "StandardInput" } property &&
               TypeSymbols.InheritsFromOrEquals(property.Property.ContainingType, Process);

        /// <summary>False for a StringWriter, Console.Out/Error, a child process's standard input, or a writer the analyzer
        /// can see is over a stream that is not storage (memory, a socket, a pipe, a response body).</summary>
        private bool IsDurableWriterExpression(IOperation? expression)
        {
            if (expression is null)
            {
                return true;
            }

            var value = OperationFacts.UnwrapConversions(expression);
            if (TypeSymbols.InheritsFromOrEquals(value.Type, StringWriter))
            {
                return false;
            }

            if (value is IPropertyReferenceOperation property &&
                (SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, Console) || IsChildProcessInput(property)))
            {
                return false;
            }

            var initializer = value is IObjectCreationOperation ? value : OperationFacts.GetVisibleInitializer(value);
            if (initializer is not null && IsChildProcessInput(OperationFacts.UnwrapConversions(initializer)))
            {
                return false;
            }

            if (initializer is IObjectCreationOperation creation)
            {
                if (TypeSymbols.InheritsFromOrEquals(creation.Type, StringWriter))
                {
                    return false;
                }

                if (creation.Arguments.Length > 0)
                {
                    var inner = OperationFacts.UnwrapConversions(creation.Arguments[0].Value);
                    if (IsNotStorageStream(inner))
                    {
                        return false;
                    }

                    var innerInitializer = OperationFacts.GetVisibleInitializer(inner);
                    if (innerInitializer is not null && IsNotStorageStream(OperationFacts.UnwrapConversions(innerInitializer)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
