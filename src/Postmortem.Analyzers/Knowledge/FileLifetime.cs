using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>What a file-creating call creates: the site, the path argument (null when the call makes its own name).</summary>
    internal readonly struct FileCreation
    {
        private readonly string _namePrefix;
        private readonly string _name;

        /// <param name="namePrefix">The part of <see cref="Name"/> before <paramref name="name"/> ("File.", "new "): the
        /// name is only joined when a diagnostic needs it, not for every call looked at.</param>
        public FileCreation(IOperation site, IOperation? path, string namePrefix, string name, bool isFolder, bool makesOwnName, bool needsUniquePath = false)
        {
            NeedsUniquePath = needsUniquePath;
            Site = site;
            Path = path;
            _namePrefix = namePrefix;
            _name = name;
            IsFolder = isFolder;
            MakesOwnName = makesOwnName;
        }

        /// <summary>The invocation or object creation.</summary>
        public IOperation Site { get; }

        /// <summary>The path (or FileInfo) the call creates at; null for Path.GetTempFileName and Directory.CreateTempSubdirectory.</summary>
        public IOperation? Path { get; }

        /// <summary>Short name for messages, e.g. "File.WriteAllText".</summary>
        public string Name => _namePrefix + _name;

        public bool IsNamed(string namePrefix, string name) => _namePrefix == namePrefix && _name == name;

        public bool IsFolder { get; }

        /// <summary>Path.GetTempFileName / Directory.CreateTempSubdirectory: the call itself makes a new temporary file or folder.</summary>
        public bool MakesOwnName { get; }

        /// <summary>Directory.CreateDirectory, ExtractToDirectory: a folder accumulates only when its name is unique per call.</summary>
        public bool NeedsUniquePath { get; }
    }

    /// <summary>
    /// Shared knowledge of PM2001/PM2002: which calls create files, whether a path lies under the temp folder or is unique
    /// per call, and whether the creating member deletes the file or hands it over (returns it, stores it, passes it on).
    /// Types are resolved once per compilation; the cheap checks compare containing types by symbol. The member walk runs
    /// only for a candidate.
    /// </summary>
    internal sealed class FileLifetime
    {
        private const int DeleteOnCloseFlag = 0x04000000;
        private const int MaxDepth = 3;

        /// <summary>
        /// Steps from a path back to <c>Path.GetTempFileName()</c> through locals, sums, interpolations and
        /// <c>ChangeExtension</c> (<see cref="FromTempFileName"/>): a name made in one local and copied to another
        /// (<c>var a = tmp + ".png"; var png = a;</c>) takes four (the twenty-seventh session's last review). Walked only
        /// for a path that syntax shows may be such a name.
        /// </summary>
        private const int DerivedNameDepth = 5;

        // The predicates of IsUnderTemp and IsUniquePerCall, made once instead of a delegate per call.
        private readonly System.Func<IOperation, bool> _isTempRoot;
        private readonly System.Func<IOperation, bool> _isUniqueSource;

        // Per compilation (the instance lives in a compilation-start action): does a local's initializer hold a temp
        // root / a per-call unique value, within the remaining depth.
        private readonly ConcurrentDictionary<(ILocalSymbol Local, int Depth), bool> _localsUnderTemp =
            new ConcurrentDictionary<(ILocalSymbol Local, int Depth), bool>(SymbolAndNumberComparer<ILocalSymbol>.Instance);

        private readonly ConcurrentDictionary<(ILocalSymbol Local, int Depth), bool> _localsUniquePerCall =
            new ConcurrentDictionary<(ILocalSymbol Local, int Depth), bool>(SymbolAndNumberComparer<ILocalSymbol>.Instance);

        // Per compilation: what each helper of TryGetHelperCreation returns (by the method's original definition), a
        // temporary file (PM2001) or a file at a path unique per call outside the temp folder (PM2002).
        /// <summary>Request handler members that code of their own file also calls (PM2002: their return is then a hand-over).</summary>
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _handlersCalledInFile =
            new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, HelperReturn> _helpersReturningTemporary =
            new ConcurrentDictionary<IMethodSymbol, HelperReturn>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, HelperReturn> _helpersReturningUnique =
            new ConcurrentDictionary<IMethodSymbol, HelperReturn>(SymbolEqualityComparer.Default);

        // Per compilation: for a helper and one of its string parameters, what the helper creates and leaves at a path made
        // from that parameter (see TryGetCreationThroughHelper).
        private readonly ConcurrentDictionary<(IMethodSymbol Helper, int Ordinal), HelperReturn> _helpersCreatingAtParameter =
            new ConcurrentDictionary<(IMethodSymbol Helper, int Ordinal), HelperReturn>(SymbolAndNumberComparer<IMethodSymbol>.Instance);

        private enum HelperReturn : byte
        {
            Nothing,
            File,
            Folder,
        }

        // Per compilation: the files whose text names a temp root at all (see IsUnderTemp): the method names IsTempRoot
        // matches, one of which is written in the file of any path under the temp folder.
        private readonly FilesNaming _filesNamingTempRoot = new FilesNaming("GetTempPath", "GetEnvironmentVariable");

        // Per compilation: the files whose text names a temp root or a call that makes its own temporary file ("GetTemp"
        // is GetTempPath and GetTempFileName; with the temp roots' other name and Directory.CreateTempSubdirectory).
        private readonly FilesNaming _filesNamingTemp = new FilesNaming("GetTemp", "GetEnvironmentVariable", "CreateTempSubdirectory");

        // Per compilation: the files whose text names Path.GetTempFileName, where a name can be made from its (IsTemporary).
        private readonly FilesNaming _filesNamingTempFileName = new FilesNaming("GetTempFileName");

        // Per compilation: the files whose text names something IsUniqueSource matches (see FilesThatMayNameUniquePaths).
        private readonly FilesNaming _filesNamingUniqueSource = new FilesNaming(
            "Guid", "Version7", "Random", "Timestamp", "Increment", "Now", "Tick", "TraceIdentifier", "Next", "GetItems", "GetString",
            "GetHexString");

        private FileLifetime(Compilation compilation, INamedTypeSymbol file, INamedTypeSymbol path)
        {
            _isTempRoot = IsTempRoot;
            _isUniqueSource = IsUniqueSource;
            File = file;
            Path = path;
            FileInfo = TypeLookup.Get(compilation, "System.IO.FileInfo");
            Directory = TypeLookup.Get(compilation, "System.IO.Directory");
            DirectoryInfo = TypeLookup.Get(compilation, "System.IO.DirectoryInfo");
            FileSystemInfo = TypeLookup.Get(compilation, "System.IO.FileSystemInfo");
            FileStream = TypeLookup.Get(compilation, "System.IO.FileStream");
            StreamWriter = TypeLookup.Get(compilation, "System.IO.StreamWriter");
            FileMode = TypeLookup.Get(compilation, "System.IO.FileMode");
            FileOptions = TypeLookup.Get(compilation, "System.IO.FileOptions");
            FileStreamOptions = TypeLookup.Get(compilation, "System.IO.FileStreamOptions");
            TextWriter = TypeLookup.Get(compilation, "System.IO.TextWriter");
            Environment = TypeLookup.Get(compilation, "System.Environment");
            Guid = TypeLookup.Get(compilation, "System.Guid");
            DateTime = TypeLookup.Get(compilation, "System.DateTime");
            DateTimeOffset = TypeLookup.Get(compilation, "System.DateTimeOffset");
            Random = TypeLookup.Get(compilation, "System.Random");
            RandomNumberGenerator = TypeLookup.Get(compilation, "System.Security.Cryptography.RandomNumberGenerator");
            Stopwatch = TypeLookup.Get(compilation, "System.Diagnostics.Stopwatch");
            Process = TypeLookup.Get(compilation, "System.Diagnostics.Process");
            Interlocked = TypeLookup.Get(compilation, "System.Threading.Interlocked");
            HttpContext = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpContext");
            ZipFile = TypeLookup.Get(compilation, "System.IO.Compression.ZipFile");
            ZipFileExtensions = TypeLookup.Get(compilation, "System.IO.Compression.ZipFileExtensions");
            _libraryWrites = new LibraryFileWrites(compilation);
        }

        // XDocument.Save(fileName) and the other library writes of TryGetLibraryWrite.
        private readonly LibraryFileWrites _libraryWrites;

        public INamedTypeSymbol? ZipFile { get; }
        public INamedTypeSymbol? Process { get; }
        public INamedTypeSymbol? ZipFileExtensions { get; }

        public INamedTypeSymbol File { get; }
        public INamedTypeSymbol Path { get; }
        public INamedTypeSymbol? FileInfo { get; }
        public INamedTypeSymbol? Directory { get; }
        public INamedTypeSymbol? DirectoryInfo { get; }
        public INamedTypeSymbol? FileSystemInfo { get; }
        public INamedTypeSymbol? FileStream { get; }
        public INamedTypeSymbol? StreamWriter { get; }
        public INamedTypeSymbol? FileMode { get; }
        public INamedTypeSymbol? FileOptions { get; }
        public INamedTypeSymbol? FileStreamOptions { get; }
        public INamedTypeSymbol? TextWriter { get; }
        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? Guid { get; }
        public INamedTypeSymbol? DateTime { get; }
        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? Random { get; }
        public INamedTypeSymbol? RandomNumberGenerator { get; }
        public INamedTypeSymbol? Stopwatch { get; }
        public INamedTypeSymbol? Interlocked { get; }
        public INamedTypeSymbol? HttpContext { get; }

        public static FileLifetime? Create(Compilation compilation)
        {
            var file = TypeLookup.Get(compilation, "System.IO.File");
            var path = TypeLookup.Get(compilation, "System.IO.Path");
            return file is null || path is null ? null : new FileLifetime(compilation, file, path);
        }

        // ------------------------------------------------------------------ creation sites (cheap)

        /// <summary>Is the operation a call that creates a file or folder? Only symbol comparisons and name switches.</summary>
        public bool TryGetCreation(IOperation operation, CancellationToken cancellationToken, out FileCreation creation)
        {
            creation = default;
            if (operation is IInvocationOperation invocation)
            {
                // Every call of the compilation comes here: the method's name first, its containing type only for the
                // names below. Reading the name touches fewer of the compiler's objects than the type's name does (the
                // type's public symbol, then its own name), and most calls stop there.
                var method = invocation.TargetMethod;
                if (!IsCreatingCallName(method.Name))
                {
                    return false;
                }

                var type = method.ContainingType;
                if (type is null)
                {
                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, File))
                {
                    return TryGetFileCreation(invocation, method.Name, cancellationToken, out creation);
                }

                if (SymbolEqualityComparer.Default.Equals(type, Path))
                {
                    if (method.Name == "GetTempFileName")
                    {
                        creation = new FileCreation(invocation, null, "Path.", "GetTempFileName", isFolder: false, makesOwnName: true);
                        return true;
                    }

                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, Directory))
                {
                    if (method.Name == "CreateTempSubdirectory")
                    {
                        creation = new FileCreation(invocation, null, "Directory.", "CreateTempSubdirectory", isFolder: true, makesOwnName: true);
                        return true;
                    }

                    // A folder: only one whose name is unique per call accumulates (a fixed cache folder is created once).
                    if (method.Name == "CreateDirectory" && OperationFacts.ArgumentFor(invocation.Arguments, "path") is { } folder)
                    {
                        creation = new FileCreation(invocation, folder, "Directory.", "CreateDirectory", isFolder: true, makesOwnName: false, needsUniquePath: true);
                        return true;
                    }

                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, ZipFile) || SymbolEqualityComparer.Default.Equals(type, ZipFileExtensions))
                {
                    switch (method.Name)
                    {
                        case "CreateFromDirectory" when OperationFacts.ArgumentFor(invocation.Arguments, "destinationArchiveFileName") is { } archive &&
                                                       archive.Type?.SpecialType == SpecialType.System_String:
                            creation = new FileCreation(invocation, archive, "ZipFile.", "CreateFromDirectory", isFolder: false, makesOwnName: false);
                            return true;
                        case "ExtractToDirectory" when OperationFacts.ArgumentFor(invocation.Arguments, "destinationDirectoryName") is { } destination:
                            creation = new FileCreation(invocation, destination, type.Name, ".ExtractToDirectory", isFolder: true, makesOwnName: false, needsUniquePath: true);
                            return true;
                        case "ExtractToFile" when OperationFacts.ArgumentFor(invocation.Arguments, "destinationFileName") is { } file:
                            creation = new FileCreation(invocation, file, "ZipArchiveEntry.", "ExtractToFile", isFolder: false, makesOwnName: false);
                            return true;
                        case "Open" when OperationFacts.ArgumentFor(invocation.Arguments, "archiveFileName") is { } archivePath &&
                                         OperationFacts.ArgumentFor(invocation.Arguments, "mode") is { } mode &&
                                         OperationFacts.UnwrapConversions(mode).ConstantValue is { HasValue: true, Value: 1 or 2 }:
                            // ZipArchiveMode.Create (1) creates the archive, Update (2) opens or creates it; Read (0) does not.
                            creation = new FileCreation(invocation, archivePath, "ZipFile.", "Open", isFolder: false, makesOwnName: false);
                            return true;
                    }

                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, FileInfo) && invocation.Instance is { } instance)
                {
                    switch (method.Name)
                    {
                        case "Create":
                        case "CreateText":
                        case "OpenWrite":
                        case "AppendText":
                            creation = new FileCreation(invocation, instance, "FileInfo.", method.Name, isFolder: false, makesOwnName: false);
                            return true;
                        case "CopyTo":
                            var destination = OperationFacts.ArgumentFor(invocation.Arguments, "destFileName");
                            if (destination is null)
                            {
                                return false;
                            }

                            creation = new FileCreation(invocation, destination, "FileInfo.", "CopyTo", isFolder: false, makesOwnName: false);
                            return true;
                    }
                }

                return TryGetLibraryWrite(invocation, method, out creation);
            }

            if (operation is IObjectCreationOperation objectCreation && objectCreation.Constructor is { } constructor)
            {
                // Symbols first (no operation children are built): a constructor taking a path, of a FileStream or StreamWriter.
                // The type first: every object creation of the compilation comes here, and each read of Parameters
                // builds a new array of parameter symbols.
                // One walk up the bases for both types (neither is generic, so no OriginalDefinition is needed).
                var type = constructor.ContainingType;
                var isFileStream = false;
                var isStreamWriter = false;
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, FileStream))
                    {
                        isFileStream = true;
                        break;
                    }

                    if (SymbolEqualityComparer.Default.Equals(current, StreamWriter))
                    {
                        isStreamWriter = true;
                        break;
                    }
                }

                if (!isFileStream && !isStreamWriter)
                {
                    return false;
                }

                var parameters = constructor.Parameters;
                if (parameters.Length == 0 || parameters[0].Type.SpecialType != SpecialType.System_String)
                {
                    return false;
                }

                var arguments = objectCreation.Arguments;
                if (arguments.Length == 0)
                {
                    return false;
                }

                if (isFileStream)
                {
                    if (!CreatesFile(arguments) || HasDeleteOnClose(arguments, cancellationToken))
                    {
                        return false;
                    }

                    creation = new FileCreation(objectCreation, arguments[0].Value, "new ", type.Name, isFolder: false, makesOwnName: false);
                    return true;
                }

                if (isStreamWriter)
                {
                    creation = new FileCreation(objectCreation, arguments[0].Value, "new ", type.Name, isFolder: false, makesOwnName: false);
                    return true;
                }
            }

            return false;
        }

        /// <summary>The names of every call <see cref="TryGetCreation"/> can accept: File's (<see cref="FileCreationParameter"/>,
        /// which also holds FileInfo's and XmlWriter.Create), Path's, Directory's, ZipFile's and ZipFileExtensions',
        /// FileInfo.CopyTo, and the library writes of <see cref="TryGetLibraryWrite"/>.</summary>
        private static bool IsCreatingCallName(string name)
            => FileCreationParameter(name) is not null ||
               name is "CopyTo" or "GetTempFileName" or "CreateTempSubdirectory" or "CreateDirectory" or "CreateFromDirectory" or
                   "ExtractToDirectory" or "ExtractToFile" ||
               LibraryFileWrites.MayBe(name);

        /// <summary>A call of a .NET library type that creates or overwrites the file at a path it is given, as
        /// File.WriteAllText does: <see cref="LibraryFileWrites"/>, WebClient's downloads included.</summary>
        private bool TryGetLibraryWrite(IInvocationOperation invocation, IMethodSymbol method, out FileCreation creation)
        {
            creation = default;
            if (!_libraryWrites.TryGet(invocation, includeDownloads: true, out var path, out var typeName))
            {
                return false;
            }

            creation = new FileCreation(invocation, path, typeName + ".", method.Name, isFolder: false, makesOwnName: false);
            return true;
        }

        /// <summary>The path parameter of a File method that creates or overwrites a file ("destFileName" for Copy; Open
        /// only with a creating FileMode); null for any other name.</summary>
        private static string? FileCreationParameter(string name)
        {
            switch (name)
            {
                case "Create":
                case "CreateText":
                case "AppendText":
                case "OpenWrite":
                case "WriteAllText":
                case "WriteAllTextAsync":
                case "WriteAllBytes":
                case "WriteAllBytesAsync":
                case "WriteAllLines":
                case "WriteAllLinesAsync":
                case "AppendAllText":
                case "AppendAllTextAsync":
                case "AppendAllLines":
                case "AppendAllLinesAsync":
                case "AppendAllBytes":
                case "AppendAllBytesAsync":
                case "Open":
                    return "path";
                case "Copy":
                    return "destFileName";
                default:
                    return null;
            }
        }

        private bool TryGetFileCreation(IInvocationOperation invocation, string name, CancellationToken cancellationToken, out FileCreation creation)
        {
            creation = default;
            var parameter = FileCreationParameter(name);
            if (parameter is null || (name == "Open" && !CreatesFile(invocation.Arguments)))
            {
                return false;
            }

            var path = OperationFacts.ArgumentFor(invocation.Arguments, parameter);
            if (path is null || HasDeleteOnClose(invocation.Arguments, cancellationToken))
            {
                return false;
            }

            creation = new FileCreation(invocation, path, "File.", name, isFolder: false, makesOwnName: false);
            return true;
        }

        /// <summary>A FileMode argument that creates a file (CreateNew, Create, OpenOrCreate, Append).</summary>
        private bool CreatesFile(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                // The type first: reading ConstantValue boxes the constant anew on every read.
                var value = OperationFacts.UnwrapConversions(argument.Value);
                if (SymbolEqualityComparer.Default.Equals(value.Type, FileMode) &&
                    value.ConstantValue is { HasValue: true, Value: int mode })
                {
                    return mode is 1 or 2 or 4 or 6;
                }
            }

            return false;
        }

        /// <summary>
        /// Does an argument list pass FileOptions.DeleteOnClose (alone or combined), directly, in a FileStreamOptions
        /// (<c>new FileStreamOptions { Options = FileOptions.DeleteOnClose }</c>), or through a local initialized so?
        /// </summary>
        public bool HasDeleteOnClose(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
        {
            foreach (var argument in arguments)
            {
                if (IsDeleteOnClose(argument.Value, MaxDepth, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsDeleteOnClose(IOperation value, int depth, CancellationToken cancellationToken)
        {
            // The type first: reading ConstantValue boxes the constant anew on every read.
            var unwrapped = OperationFacts.UnwrapConversions(value);
            var type = unwrapped.Type;
            if (SymbolEqualityComparer.Default.Equals(type, FileOptions))
            {
                if (unwrapped.ConstantValue is { HasValue: true, Value: int options })
                {
                    return (options & DeleteOnCloseFlag) != 0;
                }
            }
            else if (FileStreamOptions is null || !SymbolEqualityComparer.Default.Equals(type, FileStreamOptions))
            {
                return false;
            }
            else if (unwrapped is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Options" } } assignment &&
                        IsDeleteOnClose(assignment.Value, depth, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            return depth > 0 && unwrapped is ILocalReferenceOperation local &&
                   OperationFacts.InitializerOf(local.Local, unwrapped, cancellationToken) is { } localInitializer &&
                   IsDeleteOnClose(localInitializer, depth - 1, cancellationToken);
        }

        /// <summary>
        /// Is the creation a temporary file or folder (PM2001): one that makes its own name (<c>Path.GetTempFileName</c>,
        /// <c>Directory.CreateTempSubdirectory</c>), or a path under the temp folder that is unique per call where that
        /// matters (a folder) and is not a fixed name (one file, overwritten on every call)?
        /// </summary>
        public bool IsTemporary(in FileCreation creation, CancellationToken cancellationToken)
        {
            if (creation.MakesOwnName)
            {
                return true;
            }

            if (creation.Path is not { } path)
            {
                return false;
            }

            if (!IsUnderTemp(path, cancellationToken))
            {
                // A name made from Path.GetTempFileName()'s (`tmp + ".png"`, `$"{tmp}.png"`, Path.ChangeExtension(tmp,
                // ".wav")): another file in the temp folder, unique as that name is (real-world round 27: Masuda.QQNT's
                // downloaded images). The name itself is the file GetTempFileName made, reported at that call.
                // Read by syntax first (most paths are no such name: a local holding GetTempFileName's own name, a call),
                // then the locals' initializers, and whether a local is written again only for a name so made.
                return _filesNamingTempFileName.Names(path.Syntax.SyntaxTree, cancellationToken) &&
                       MayBeMadeFromAName(path, cancellationToken) &&
                       FromTempFileName(path, DerivedNameDepth, unchangedLocals: false, cancellationToken) == TempFileNameUse.Derived &&
                       FromTempFileName(path, DerivedNameDepth, unchangedLocals: true, cancellationToken) == TempFileNameUse.Derived;
            }

            return creation.NeedsUniquePath ? IsUniquePerCall(path, cancellationToken) : !IsFixedPath(path, cancellationToken);
        }

        /// <summary>
        /// For the file <c>Path.GetTempFileName()</c> makes, about to be reported: a name made from its name (<c>tmp + ".png"</c>,
        /// <c>$"{tmp}.png"</c>, <c>Path.ChangeExtension(tmp, ".wav")</c>, <c>tmp += ".png"</c>), directly or through the local it initializes, for
        /// the message. Code that writes and deletes that other file reads a bare "never deleted" as a false positive
        /// (real-world round 27, Masuda.QQNT): the empty <c>.tmp</c> is what is left. Null when there is none.
        /// </summary>
        public IOperation? NameMadeFromTempFileName(in FileCreation creation)
        {
            if (creation.IsFolder || creation.Site is not IInvocationOperation { TargetMethod.Name: "GetTempFileName" } call ||
                !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, Path))
            {
                return null;
            }

            var used = OperationFacts.OutermostValue(call);
            if (NameMadeFrom(used) is { } made && IsUsedAsAPath(made))
            {
                return made;
            }

            if (used.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
            {
                foreach (var reference in OperationFacts.ReferencesTo(local, call))
                {
                    if (NameMadeFrom(OperationFacts.OutermostValue(reference)) is { } fromLocal && IsUsedAsAPath(fromLocal))
                    {
                        return fromLocal;
                    }
                }
            }

            return null;

            // A path: given to a System.IO call or to a parameter named for a path or file (`image.Save(filename)`),
            // directly, through the local it initializes or is assigned to (`t = t + ".pdf"`, `t += ".pdf"`), kept in a
            // field or property, or returned to the caller; not a message (`Console.WriteLine($"{tmp} written")`: the
            // session's reviews).
            static bool IsUsedAsAPath(IOperation name)
            {
                var value = OperationFacts.OutermostValue(name);
                if (IsPathArgument(value) || value.Parent is IFieldInitializerOperation or IPropertyInitializerOperation or IReturnOperation ||
                    value.Parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } kept && kept.Value == value)
                {
                    return true;
                }

                var holder = value switch
                {
                    ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                    _ => value.Parent switch
                    {
                        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value => target.Local,
                        _ => null,
                    },
                };
                if (holder is null)
                {
                    return false;
                }

                foreach (var reference in OperationFacts.ReferencesTo(holder, value))
                {
                    if (IsPathArgument(OperationFacts.OutermostValue(reference)))
                    {
                        return true;
                    }
                }

                return false;
            }

            static bool IsPathArgument(IOperation value)
            {
                if (value.Parent is not IArgumentOperation { Parameter: { } parameter } argument)
                {
                    return false;
                }

                var type = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
                    IObjectCreationOperation creation => creation.Type,
                    _ => null,
                };
                return IsSystemIO(type?.ContainingNamespace) ||
                       parameter.Name.IndexOf("path", System.StringComparison.OrdinalIgnoreCase) >= 0 ||
                       parameter.Name.IndexOf("file", System.StringComparison.OrdinalIgnoreCase) >= 0;
            }


            // `tmp + "." + kind + ".pdf"` is read left to right: the sum that starts with the name, not its first part.
            static IOperation WholeConcatenation(IBinaryOperation concatenation)
            {
                while (concatenation.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } outer && outer.LeftOperand == concatenation)
                {
                    concatenation = outer;
                }

                return concatenation;
            }

            IOperation? NameMadeFrom(IOperation value)
                => value.Parent switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                        when concatenation.LeftOperand == value => WholeConcatenation(concatenation),
                    ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } appended
                        when appended.Target == value => appended,
                    IInterpolationOperation { Parent: IInterpolatedStringOperation { Parts: { Length: > 1 } parts } interpolated } part
                        when parts[0] == part => interpolated,
                    IArgumentOperation { Parameter.Name: "path", Parent: IInvocationOperation { TargetMethod.Name: "ChangeExtension" } change }
                        when SymbolEqualityComparer.Default.Equals(change.TargetMethod.ContainingType, Path) => change,
                    _ => null,
                };
        }

        private enum TempFileNameUse
        {
            None,
            Itself,
            Derived,
        }

        /// <summary>Can the path, or the initializer of the local it is, be a name made from another (a sum, an interpolation,
        /// <c>ChangeExtension</c>, another local)? Syntax only: no binding for the other paths.</summary>
        private static bool MayBeMadeFromAName(IOperation path, CancellationToken cancellationToken)
        {
            var syntax = path.Syntax as ExpressionSyntax;
            if (OperationFacts.UnwrapConversions(path) is ILocalReferenceOperation { Local.DeclaringSyntaxReferences: { Length: 1 } references })
            {
                syntax = (references[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value;
            }

            // Through parentheses, casts and `!` (`Path.ChangeExtension(tmp, ".png")!`), as the operations are read.
            syntax = OperationFacts.WithoutParenthesesOrCasts(syntax);

            return syntax is BinaryExpressionSyntax or InterpolatedStringExpressionSyntax or IdentifierNameSyntax ||
                   syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ChangeExtension" } or IdentifierNameSyntax { Identifier.ValueText: "ChangeExtension" } };
        }

        /// <summary>
        /// Is the path the name <c>Path.GetTempFileName()</c> returned (directly or through locals' initializers), a name made
        /// from it that starts with it (a concatenation or interpolation beginning with it, <c>Path.ChangeExtension</c> of
        /// it), or neither? <c>Path.Combine(tmp, …)</c> is a path inside that file's name (a folder made there after the
        /// file was deleted), not another file beside it.
        /// </summary>
        /// <param name="unchangedLocals">Follow only locals given no other value after their declaration.</param>
        private TempFileNameUse FromTempFileName(IOperation path, int depth, bool unchangedLocals, CancellationToken cancellationToken)
        {
            var value = OperationFacts.UnwrapConversions(path);
            switch (value)
            {
                case IInvocationOperation { TargetMethod.Name: "GetTempFileName" } call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, Path):
                    return TempFileNameUse.Itself;
                case ILocalReferenceOperation local when depth > 0 &&
                                                         (unchangedLocals
                                                             ? OperationFacts.InitializerOfUnchangedLocal(value, cancellationToken)
                                                             : OperationFacts.InitializerOf(local.Local, value, cancellationToken)) is { } initializer:
                    // Not a local given another value later (`name = Path.Combine(outDir, Path.GetFileName(name))`: the
                    // twenty-seventh session's third review).
                    return FromTempFileName(initializer, depth - 1, unchangedLocals, cancellationToken);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when depth > 0:
                    return Derived(FromTempFileName(concatenation.LeftOperand, depth - 1, unchangedLocals, cancellationToken));
                case IInterpolatedStringOperation { Parts: { Length: > 1 } parts } when depth > 0 && parts[0] is IInterpolationOperation first:
                    return Derived(FromTempFileName(first.Expression, depth - 1, unchangedLocals, cancellationToken));
                case IInvocationOperation { TargetMethod.Name: "ChangeExtension", Arguments.Length: 2 } call
                    when depth > 0 && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, Path) &&
                         OperationFacts.ArgumentFor(call.Arguments, "path") is { } first:
                    return Derived(FromTempFileName(first, depth - 1, unchangedLocals, cancellationToken));
                default:
                    return TempFileNameUse.None;
            }

            static TempFileNameUse Derived(TempFileNameUse start) => start == TempFileNameUse.None ? TempFileNameUse.None : TempFileNameUse.Derived;
        }

        /// <summary>
        /// A call of a helper of the same file (<see cref="OperationFacts.IsSameFileHelper"/>) that creates a file or folder
        /// and hands it over only by returning it (<c>string NewScratch() { var p = Path.GetTempFileName(); …; return p; }</c>):
        /// the caller holds the file, so the call is a creation that makes its own name, as <c>Path.GetTempFileName()</c>
        /// is. With <paramref name="temporary"/>, a temporary file or folder (<see cref="IsTemporary"/>, PM2001); without,
        /// one at a path unique per call outside the temp folder (PM2002). Only the helper's own creations count (not its
        /// helpers'); one it deletes, stores or passes on is not handed to the caller, and one it leaks is the helper's to
        /// report. Answered once per helper.
        /// </summary>
        public bool TryGetHelperCreation(IInvocationOperation call, bool temporary, Compilation compilation, CancellationToken cancellationToken, out FileCreation creation)
        {
            creation = default;
            var method = call.TargetMethod;
            if (!ReturnsFileOrFolder(method) || !OperationFacts.IsSameFileHelper(method, call.Syntax.SyntaxTree))
            {
                return false;
            }

            var key = method.OriginalDefinition;
            var known = temporary ? _helpersReturningTemporary : _helpersReturningUnique;
            if (!known.TryGetValue(key, out var returned))
            {
                returned = HelperReturns(call, key, temporary, compilation, cancellationToken);
                known.TryAdd(key, returned);
            }

            if (returned == HelperReturn.Nothing)
            {
                return false;
            }

            creation = new FileCreation(call, null, string.Empty, method.Name, isFolder: returned == HelperReturn.Folder, makesOwnName: true);
            return true;
        }

        /// <summary>
        /// The creation a diagnostic of PM2001 or PM2002 points at, for the fixes: a System.IO creating call
        /// (<see cref="TryGetCreation"/>), or else the call of a helper returning the file it creates
        /// (<see cref="TryGetHelperCreation"/>, temporary for PM2001).
        /// </summary>
        public bool TryGetCreationOrReturningHelper(IOperation operation, bool temporary, Compilation compilation, CancellationToken cancellationToken, out FileCreation creation)
            => TryGetCreation(operation, cancellationToken, out creation) ||
               (operation is IInvocationOperation call && TryGetHelperCreation(call, temporary, compilation, cancellationToken, out creation));

        /// <summary>
        /// A call of a helper of the same file that creates a file or folder at a path made from one of its string
        /// parameters (<c>Path.Combine(dir, name)</c>, directly, through its locals or a helper of the file) and neither
        /// deletes nor hands it over (<c>async Task Save(IFormFile file, string name) { …; using var s = new FileStream(
        /// Path.Combine(dir, name), FileMode.Create); … }</c>): the call creates the file the argument names. The creation's
        /// path is that argument, the first one that, with <paramref name="temporary"/>, is a temporary path
        /// (<see cref="IsTemporary"/>, PM2001), else a name unique per call (PM2002, in a request handler). A helper that
        /// returns the file is <see cref="TryGetHelperCreation"/>'s; a path the helper itself puts under the temp folder is
        /// the helper's own (PM2001 there). A folder made from the argument needs it to be unique per call
        /// (<see cref="FileCreation.NeedsUniquePath"/>). Answered once per helper and parameter.
        /// </summary>
        public bool TryGetCreationThroughHelper(IInvocationOperation call, bool temporary, Compilation compilation, CancellationToken cancellationToken, out FileCreation creation)
        {
            creation = default;
            var method = call.TargetMethod;
            if (!OperationFacts.IsSameFileHelper(method, call.Syntax.SyntaxTree))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String, RefKind: RefKind.None } parameter ||
                    argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                var key = (method.OriginalDefinition, parameter.Ordinal);
                if (!_helpersCreatingAtParameter.TryGetValue(key, out var created))
                {
                    created = HelperCreatesAt(call, key.OriginalDefinition, parameter.Ordinal, compilation, cancellationToken);
                    _helpersCreatingAtParameter.TryAdd(key, created);
                }

                if (created != HelperReturn.Nothing)
                {
                    var isFolder = created == HelperReturn.Folder;
                    creation = new FileCreation(call, argument.Value, string.Empty, method.Name, isFolder, makesOwnName: false, needsUniquePath: isFolder);
                    if (temporary ? IsTemporary(creation, cancellationToken) : IsUniquePerCall(argument.Value, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            creation = default;
            return false;
        }

        /// <summary>Symbols only, the first part of <see cref="TryGetHelperCreation"/> and <see cref="TryGetCreationThroughHelper"/>
        /// (a rule asks it once, before either): a helper of this file that returns a file or folder, or takes a string.</summary>
        public bool MayCallCreatingHelper(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (!OperationFacts.IsSameFileHelper(method, call.Syntax.SyntaxTree))
            {
                return false;
            }

            if (ReturnsFileOrFolder(method))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        private HelperReturn HelperCreatesAt(IInvocationOperation call, IMethodSymbol helper, int ordinal, Compilation compilation, CancellationToken cancellationToken)
        {
            bool IsTheParameter(IOperation operation)
                => operation is IParameterReferenceOperation reference && reference.Parameter.Ordinal == ordinal &&
                   SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol.OriginalDefinition, helper);

            // Returning it is not a release here: the caller receives the path and is checked for it (with the argument).
            return FirstLeftCreation(
                call,
                helper,
                (in FileCreation inner) => !inner.MakesOwnName && inner.Path is { } path &&
                                           !(inner.NeedsUniquePath && IsParentFolder(path)) &&
                                           Contains(path, IsTheParameter, MaxDepth, staticFields: false, constructors: false, cancellationToken) &&
                                           !IsUnderTemp(path, cancellationToken),
                onlyReturned: false,
                compilation,
                cancellationToken);
        }

        private delegate bool CreationPredicate(in FileCreation creation);

        /// <summary>
        /// The first creation of a same-file helper's body (lambdas and local functions inside it left out) that
        /// <paramref name="counts"/> and that nothing but a <c>return</c> releases; with <paramref name="onlyReturned"/>,
        /// one that a <c>return</c> does release (it reaches the caller). Whether it is a file or a folder, or nothing.
        /// </summary>
        private HelperReturn FirstLeftCreation(IInvocationOperation call, IMethodSymbol helper, CreationPredicate counts, bool onlyReturned, Compilation compilation, CancellationToken cancellationToken)
        {
            if (call.SemanticModel is not { } model || OperationFacts.SameFileHelperBody(call, model, cancellationToken) is not { } body)
            {
                return HelperReturn.Nothing;
            }

            foreach (var operation in OperationFacts.ExecutedDescendants(body))
            {
                if (operation is not (IInvocationOperation or IObjectCreationOperation) || !TryGetCreation(operation, cancellationToken, out var inner) ||
                    !counts(inner))
                {
                    continue;
                }

                var root = ReleaseScope(inner, cancellationToken);
                if (!IsReleased(inner, root, helper, compilation, cancellationToken, returnsHandOver: false) &&
                    (!onlyReturned || IsReleased(inner, root, helper, compilation, cancellationToken)))
                {
                    return inner.IsFolder ? HelperReturn.Folder : HelperReturn.File;
                }
            }

            return HelperReturn.Nothing;
        }

        private HelperReturn HelperReturns(IInvocationOperation call, IMethodSymbol helper, bool temporary, Compilation compilation, CancellationToken cancellationToken)
            => FirstLeftCreation(
                call,
                helper,
                temporary
                    ? (in FileCreation inner) => IsTemporary(inner, cancellationToken)
                    : (in FileCreation inner) => !inner.MakesOwnName && inner.Path is { } path && IsUniquePerCall(path, cancellationToken) && !IsUnderTemp(path, cancellationToken),
                onlyReturned: true,
                compilation,
                cancellationToken);

        /// <summary>Returns a string, FileInfo or DirectoryInfo, or a task of one (see <see cref="NamesFileOrFolder"/>).</summary>
        private bool ReturnsFileOrFolder(IMethodSymbol method) => !method.ReturnsVoid && NamesFileOrFolder(AwaitedType(method.ReturnType));

        /// <summary>A string, FileInfo or DirectoryInfo: a value the caller can delete the file or folder through (a stream
        /// returned by a helper is left out: it is closed, not deleted, and is often opened with DeleteOnClose).</summary>
        private bool NamesFileOrFolder(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String ||
               SymbolEqualityComparer.Default.Equals(type, FileInfo) || SymbolEqualityComparer.Default.Equals(type, DirectoryInfo);

        /// <summary><c>T</c> of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (an async helper's result, awaited by the caller), else the type itself.</summary>
        private static ITypeSymbol AwaitedType(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task &&
               task.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                ? task.TypeArguments[0]
                : type;

        // ------------------------------------------------------------------ path facts (small trees only)

        /// <summary>Is the path built from Path.GetTempPath() (directly, via Path.Combine, interpolation, a local or field holding it, a readonly field every constructor gives it, or a helper of the same file returning it)?</summary>
        public bool IsUnderTemp(IOperation path, CancellationToken cancellationToken)
            => NamesTempRoot(path.Syntax.SyntaxTree, cancellationToken) &&
               Contains(path, _isTempRoot, MaxDepth, staticFields: true, constructors: true, cancellationToken, _localsUnderTemp);

        /// <summary>
        /// Can a path in this file reach a temp root? <see cref="Contains"/> looks only at the path, the initializers of the
        /// locals it uses and of fields declared in the same file, so a temp root it finds is a call written in this file:
        /// a file whose text has neither name (most files that write) is answered once, without following any path.
        /// </summary>
        private bool NamesTempRoot(SyntaxTree tree, CancellationToken cancellationToken) => _filesNamingTempRoot.Names(tree, cancellationToken);

        /// <summary>
        /// The files in which code can make a temporary file (PM2001): those that name a call making its own temporary name
        /// (<c>Path.GetTempFileName</c>, <c>Directory.CreateTempSubdirectory</c>: a method's name is written where it is
        /// called) or a temp root (<see cref="IsUnderTemp"/> finds one only in the file of the path). Each file's text is
        /// searched once per compilation.
        /// </summary>
        public FilesNaming FilesThatMayMakeTempFiles => _filesNamingTemp;

        /// <summary>
        /// The files in which a path can be unique per call (PM2002): <see cref="IsUniquePerCall"/> finds its unique value
        /// in the path, the initializers of locals and fields declared in the path's file and the helpers declared there,
        /// so the value is written in that file, and with it a word of the name <see cref="IsUniqueSource"/> matches:
        /// <c>Guid</c> (<c>Guid.NewGuid()</c>, <c>NewGuid()</c> under <c>using static</c>; <c>Version7</c> for
        /// <c>CreateVersion7()</c> there), <c>Random</c> (<c>GetRandomFileName</c>, <c>Random</c>,
        /// <c>RandomNumberGenerator</c> and their static calls), <c>Timestamp</c>, <c>Increment</c>, <c>Now</c>
        /// (<c>UtcNow</c>), <c>Tick</c> (<c>TickCount64</c>), <c>TraceIdentifier</c>, and for an instance of
        /// <c>Random</c> held in a member declared in another file its methods that return a value (<c>Next…</c>,
        /// <c>GetItems</c>, and .NET 10's <c>GetString</c> and <c>GetHexString</c>; <c>RandomNumberGenerator</c>'s instance
        /// methods return nothing). Not seen: a method of your own on a subclass of <c>Random</c> declared in another file,
        /// or a static call imported by a global <c>using static</c> or through a global alias of another file. Each file's text is searched once per compilation; a file that may spell a name with an escape counts as
        /// naming it.
        /// </summary>
        public FilesNaming FilesThatMayNameUniquePaths => _filesNamingUniqueSource;

        /// <summary>
        /// Is every part of the path fixed: constants and the temp root, joined by <c>Path.Combine</c>/<c>Join</c>,
        /// concatenation or interpolation, directly or through locals and readonly fields initialized so
        /// (<c>Path.Combine(Path.GetTempPath(), "myapp-export.zip")</c>), or a helper of the same file returning only such
        /// paths, its parameters read as the call's arguments? Such a path names one file, overwritten on every call, not one
        /// more file per call. A part the analyzer cannot see (a parameter, another call) is not fixed.
        /// </summary>
        public bool IsFixedPath(IOperation path, CancellationToken cancellationToken) => IsFixed(path, MaxDepth, cancellationToken);

        /// <param name="frame">The call of a same-file helper whose returned value is being read (and the calls around it): a
        /// parameter of that helper is the call's argument. Null outside helpers, where a parameter is not known.</param>
        private bool IsFixed(IOperation operation, int depth, CancellationToken cancellationToken, HelperCall? frame = null)
        {
            var value = OperationFacts.UnwrapConversions(operation);
            if (value.ConstantValue.HasValue || IsTempRoot(value))
            {
                return true;
            }

            switch (value)
            {
                case IInvocationOperation invocation when invocation.TargetMethod.Name is "Combine" or "Join" &&
                                                          SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, Path):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (!(argument.Value.Type?.SpecialType == SpecialType.System_String
                                ? IsFixed(argument.Value, depth, cancellationToken, frame)
                                : AllPartsFixed(argument.Value, depth, cancellationToken, frame)))
                        {
                            return false;
                        }
                    }

                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return IsFixed(concatenation.LeftOperand, depth, cancellationToken, frame) && IsFixed(concatenation.RightOperand, depth, cancellationToken, frame);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && !IsFixed(interpolation.Expression, depth, cancellationToken, frame))
                        {
                            return false;
                        }
                    }

                    return true;
                case ILocalReferenceOperation local when depth > 0:
                    if (LaterValues(local.Local, value, cancellationToken) is { } later)
                    {
                        // string path = null; … path = Path.Combine(Path.GetTempPath(), "manifest.json"): given a value later.
                        return later.Count > 0 && later.TrueForAll(v => IsFixed(v, depth - 1, cancellationToken, frame));
                    }

                    return OperationFacts.InitializerOf(local.Local, value, cancellationToken) is { } localInitializer &&
                           IsFixed(localInitializer, depth - 1, cancellationToken, frame) &&
                           EveryAssignmentFixed(local, depth - 1, cancellationToken, frame);
                case IFieldReferenceOperation { Field.IsReadOnly: true } field when depth > 0:
                    if (OperationFacts.InitializerOf(field.Field, value, cancellationToken) is { } fieldInitializer)
                    {
                        return IsFixed(fieldInitializer, depth - 1, cancellationToken);
                    }

                    // No initializer: every value the constructors give it (a readonly field has no other).
                    return ConstructorValues(field, cancellationToken) is { } values && values.TrueForAll(v => IsFixed(v, depth - 1, cancellationToken));
                case IInvocationOperation call when depth > 0 && OperationFacts.IsSameFileHelper(call.TargetMethod, call.Syntax.SyntaxTree):
                    // TempPath("manifest.json"), with string TempPath(string name) => Path.Combine(Path.GetTempPath(), name):
                    // every value the helper returns, its parameters read as this call's arguments.
                    if (OperationFacts.HelperReturnValues(call, cancellationToken) is not { } returned)
                    {
                        return false;
                    }

                    var inner = new HelperCall(call, frame);
                    return returned.TrueForAll(v => IsFixed(v, depth - 1, cancellationToken, inner));
                case IParameterReferenceOperation parameter when frame is not null &&
                                                                 SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, frame.Call.TargetMethod.OriginalDefinition):
                    if (IsGivenAnotherValue(parameter))
                    {
                        // n ??= Guid.NewGuid().ToString() in the helper: not the call's argument any more.
                        return false;
                    }

                    foreach (var argument in frame.Call.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == parameter.Parameter.Ordinal)
                        {
                            return IsFixed(argument.Value, depth, cancellationToken, frame.Outer);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The values given later to a local declared without one or with a placeholder (<c>string path = null;</c>,
        /// <c>""</c>, <c>string.Empty</c>, <c>default</c>) in the body it is declared in: <c>string path = null; try { path =
        /// Path.Combine(Path.GetTempPath(), …); … }</c>. Null when the local is declared otherwise (with a value, by a
        /// pattern, <c>foreach</c> or <c>out var</c>, with others in one declaration: the declarator's initializer tells)
        /// or passed by <c>ref</c>/<c>out</c> or deconstructed into, which gives it values no assignment shows.
        /// </summary>
        private static List<IOperation>? LaterValues(ILocalSymbol local, IOperation reference, CancellationToken cancellationToken)
        {
            var references = local.DeclaringSyntaxReferences;
            if (references.Length != 1 || references[0].SyntaxTree != reference.Syntax.SyntaxTree ||
                references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator ||
                (declarator.Initializer is { } initializer && !IsPlaceholder(initializer.Value)))
            {
                return null;
            }

            return AssignedValues(local, reference);
        }

        /// <summary>
        /// The values a local or parameter is given by assignment (<c>=</c>, <c>+=</c>, <c>??=</c>) in the body
        /// <paramref name="reference"/> is in; null when it is passed by <c>ref</c>/<c>out</c> or deconstructed into
        /// there, which gives it values no assignment shows.
        /// </summary>
        private static List<IOperation>? AssignedValues(ISymbol variable, IOperation reference)
        {
            var values = new List<IOperation>();
            foreach (var operation in OperationFacts.Descendants(OperationFacts.Root(reference)))
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment when IsReferenceTo(assignment.Target, variable):
                        values.Add(assignment.Value);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when IsReferenceTo(argument.Value, variable):
                        return null;
                    case IDeconstructionAssignmentOperation deconstruction when Mentions(deconstruction.Target, variable):
                        return null;
                }
            }

            return values;
        }

        private static bool IsReferenceTo(IOperation operation, ISymbol variable) => operation switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
            _ => false,
        };

        private static bool IsPlaceholder(ExpressionSyntax value)
            => value is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed
                ? IsPlaceholder(suppressed.Operand)
                : value is LiteralExpressionSyntax literal
                ? literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression) ||
                  (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length == 0)
                : value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax or IdentifierNameSyntax { Identifier.ValueText: "String" } };

        /// <summary>Is the parameter assigned, or passed by <c>ref</c>/<c>out</c>, in the body it is referenced in?</summary>
        private static bool IsGivenAnotherValue(IParameterReferenceOperation reference)
            => AssignedValues(reference.Parameter, reference) is not { Count: 0 };

        /// <summary>A call of a same-file helper whose body <see cref="IsFixed"/> is reading, and the call around it.</summary>
        private sealed class HelperCall
        {
            public HelperCall(IInvocationOperation call, HelperCall? outer)
            {
                Call = call;
                Outer = outer;
            }

            public IInvocationOperation Call { get; }

            public HelperCall? Outer { get; }
        }

        /// <summary>
        /// The values a readonly field without an initializer is given in its type's constructors in this file (it can be
        /// given none elsewhere); null when there are none or one the analyzer cannot read (see
        /// <see cref="OperationFacts.MemberAssignments"/>).
        /// </summary>
        private static List<IOperation>? ConstructorValues(IFieldReferenceOperation field, CancellationToken cancellationToken)
            => field.Field.IsReadOnly && field.SemanticModel is { } model &&
               OperationFacts.MemberAssignments(field.Field, model, cancellationToken) is { Count: > 0 } values
                ? values
                : null;

        /// <summary>
        /// Every value the local is given after its declaration (<c>=</c>, <c>+=</c>, <c>??=</c>), in the body the reference is in, is fixed too: a local
        /// declared with a fixed name and then given a unique one (<c>p = Path.Combine(temp, Guid.NewGuid() + ".txt")</c>)
        /// is not one file. Passed by <c>ref</c>/<c>out</c> or deconstructed into, it is not known.
        /// </summary>
        private bool EveryAssignmentFixed(ILocalReferenceOperation reference, int depth, CancellationToken cancellationToken, HelperCall? frame)
            => AssignedValues(reference.Local, reference) is { } values && values.TrueForAll(v => IsFixed(v, depth, cancellationToken, frame));

        private static bool Mentions(IOperation operation, ISymbol variable)
        {
            foreach (var part in OperationFacts.DescendantsAndSelf(operation))
            {
                if (IsReferenceTo(part, variable))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The params array or span of <c>Path.Combine(a, b, c, d, e)</c> (an array creation, or a collection
        /// expression in newer compilers): every string in it fixed.</summary>
        private bool AllPartsFixed(IOperation parts, int depth, CancellationToken cancellationToken, HelperCall? frame)
        {
            if (OperationFacts.UnwrapConversions(parts) is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or
                IPropertyReferenceOperation or IInvocationOperation)
            {
                // Path.Combine(parts), Path.Combine(list.ToArray()): an array made elsewhere, whose strings are not seen.
                return false;
            }

            foreach (var part in OperationFacts.Descendants(parts))
            {
                if (part.Type?.SpecialType == SpecialType.System_String && part.Parent?.Type?.SpecialType != SpecialType.System_String &&
                    !IsFixed(part, depth, cancellationToken, frame))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Is the path built from something that differs on every call: a GUID, the clock, a random name or number?</summary>
        public bool IsUniquePerCall(IOperation path, CancellationToken cancellationToken)
        {
            if (IsParentFolder(path))
            {
                return false;
            }

            // A static field's GUID is made once per process, not per call.
            return Contains(path, _isUniqueSource, MaxDepth, staticFields: false, constructors: false, cancellationToken, _localsUniquePerCall);
        }

        /// <summary><c>Path.GetDirectoryName(file)</c>: the fixed folder a unique file goes into, not a unique folder.</summary>
        private bool IsParentFolder(IOperation path)
            => OperationFacts.UnwrapConversions(path) is IInvocationOperation { TargetMethod.Name: "GetDirectoryName" } parent &&
               SymbolEqualityComparer.Default.Equals(parent.TargetMethod.ContainingType, Path);

        private bool IsTempRoot(IOperation operation)
        {
            if (operation is not IInvocationOperation invocation)
            {
                return false;
            }

            var method = invocation.TargetMethod;

            // The temp root trimmed or normalized is still the temp root: `Path.GetTempPath().TrimEnd(separator)`,
            // `Path.GetFullPath(Path.GetTempPath())` (real-world round 31: LibreOfficeLibrary's temp copies, whose folder local
            // was taken for a folder of their own, so a sibling's move released them).
            if (NormalizedFolder(invocation) is { } folder)
            {
                return IsTempRoot(OperationFacts.UnwrapConversions(folder));
            }

            if (method.Name == "GetTempPath")
            {
                return SymbolEqualityComparer.Default.Equals(method.ContainingType, Path);
            }

            // Environment.GetEnvironmentVariable("TEMP" / "TMP").
            return method.Name == "GetEnvironmentVariable" &&
                   SymbolEqualityComparer.Default.Equals(method.ContainingType, Environment) &&
                   invocation.Arguments.Length > 0 &&
                   invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string variable } &&
                   (variable == "TEMP" || variable == "TMP" || variable == "TMPDIR");
        }

        /// <summary>The folder a call only trims or normalizes: the receiver of <c>string.Trim</c>/<c>TrimEnd</c>/
        /// <c>TrimStart</c>/<c>ToLowerInvariant</c>/<c>ToUpperInvariant</c>, the argument of <c>Path.GetFullPath</c> or
        /// <c>Path.TrimEndingDirectorySeparator</c>; null for any other call.</summary>
        private IOperation? NormalizedFolder(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Trim" or "TrimEnd" or "TrimStart" or "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper":
                    return method.ContainingType?.SpecialType == SpecialType.System_String ? invocation.Instance : null;
                case "GetFullPath" or "TrimEndingDirectorySeparator":
                    return SymbolEqualityComparer.Default.Equals(method.ContainingType, Path) && invocation.Arguments.Length == 1 &&
                           invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                        ? invocation.Arguments[0].Value
                        : null;
                default:
                    return null;
            }
        }

        private bool IsUniqueSource(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                {
                    var method = invocation.TargetMethod;
                    var type = method.ContainingType;
                    if (type is null)
                    {
                        return false;
                    }

                    switch (method.Name)
                    {
                        case "NewGuid":
                        case "CreateVersion7":
                            return SymbolEqualityComparer.Default.Equals(type, Guid);
                        case "GetRandomFileName":
                            // (Path.GetTempFileName is PM2001's, reported on its own call.)
                            return SymbolEqualityComparer.Default.Equals(type, Path);
                        case "GetTimestamp":
                            return SymbolEqualityComparer.Default.Equals(type, Stopwatch);
                        case "Increment":
                            return SymbolEqualityComparer.Default.Equals(type, Interlocked);
                    }

                    return TypeSymbols.InheritsFromOrEquals(type, Random) || TypeSymbols.InheritsFromOrEquals(type, RandomNumberGenerator);
                }

                case IPropertyReferenceOperation property:
                {
                    var type = property.Property.ContainingType;
                    switch (property.Property.Name)
                    {
                        case "Now":
                        case "UtcNow":
                            return (SymbolEqualityComparer.Default.Equals(type, DateTime) || SymbolEqualityComparer.Default.Equals(type, DateTimeOffset)) &&
                                   ClockIncludesTimeOfDay(property);
                        case "TickCount":
                        case "TickCount64":
                            return SymbolEqualityComparer.Default.Equals(type, Environment);
                        case "TraceIdentifier":
                            return TypeSymbols.InheritsFromOrEquals(type, HttpContext);
                    }

                    return false;
                }

                default:
                    return false;
            }
        }

        /// <summary>
        /// DateTime.Now formatted to the day (<c>{DateTime.Now:yyyyMMdd}</c>, <c>.Date</c>, <c>.ToShortDateString()</c>) names one
        /// file per day, overwritten within it: not unique per request. Anything with the time of day, ticks or the default format is.
        /// </summary>
        private static bool ClockIncludesTimeOfDay(IPropertyReferenceOperation clock)
        {
            var parent = OperationFacts.OutermostValue(clock).Parent;

            switch (parent)
            {
                case IPropertyReferenceOperation member:
                    switch (member.Property.Name)
                    {
                        case "Date":
                        case "Year":
                        case "Month":
                        case "Day":
                        case "DayOfYear":
                        case "DayOfWeek":
                            return false;
                        default:
                            return true;
                    }

                case IInvocationOperation call when call.Instance == clock || (call.Instance is not null && OperationFacts.UnwrapConversions(call.Instance) == clock):
                    switch (call.TargetMethod.Name)
                    {
                        case "ToShortDateString":
                        case "ToLongDateString":
                            return false;
                        case "ToString":
                            return call.Arguments.Length == 0 ||
                                   call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string format } ||
                                   FormatIncludesTimeOfDay(format);
                        default:
                            return true;
                    }

                case IInterpolationOperation interpolation:
                    return interpolation.FormatString?.ConstantValue is not { HasValue: true, Value: string f } || FormatIncludesTimeOfDay(f);

                default:
                    return true;
            }
        }

        private static bool FormatIncludesTimeOfDay(string format)
        {
            if (format.Length == 1)
            {
                // Standard formats: d, D, m, M, y, Y are date only.
                return "dDmMyY".IndexOf(format[0]) < 0;
            }

            foreach (var c in format)
            {
                if (c is 'H' or 'h' or 'm' or 's' or 'f' or 'F')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Does the expression tree contain a match, looking through locals (their declarator initializer), fields
        /// declared in the same syntax tree (their initializer; with <paramref name="constructors"/>, a readonly field
        /// without one: every value its constructors give it) and calls of helpers declared there (every value they
        /// return: <see cref="OperationFacts.HelperReturnValues"/>), to a small depth?
        /// </summary>
        /// <param name="locals">What is known of locals' initializers for this predicate (by local and remaining depth), or
        /// null. A local is declared in the tree of its references, so its answer does not depend on which reference asks;
        /// a field's can (a partial type's field is not followed from another file), so fields are not remembered.</param>
        private static bool Contains(
            IOperation root,
            System.Func<IOperation, bool> match,
            int depth,
            bool staticFields,
            bool constructors,
            CancellationToken cancellationToken,
            ConcurrentDictionary<(ILocalSymbol Local, int Depth), bool>? locals = null)
        {
            foreach (var operation in OperationFacts.DescendantsAndSelf(root))
            {
                if (match(operation))
                {
                    return true;
                }

                if (depth <= 0)
                {
                    continue;
                }

                if (operation is IInvocationOperation call && OperationFacts.IsSameFileHelper(call.TargetMethod, call.Syntax.SyntaxTree))
                {
                    // A path from a helper of the same file (string NewTempPath() => Path.Combine(Path.GetTempPath(), …)):
                    // what it returns. Its arguments are this call's descendants, searched as such.
                    if (OperationFacts.HelperReturnValues(call, cancellationToken) is { } returned)
                    {
                        foreach (var value in returned)
                        {
                            if (Contains(value, match, depth - 1, staticFields, constructors, cancellationToken, locals))
                            {
                                return true;
                            }
                        }
                    }

                    continue;
                }

                ISymbol? holder = operation switch
                {
                    ILocalReferenceOperation reference => reference.Local,
                    IFieldReferenceOperation field when staticFields || !field.Field.IsStatic => field.Field,
                    _ => null,
                };
                if (holder is null)
                {
                    continue;
                }

                if (locals is not null && holder is ILocalSymbol local)
                {
                    // A path local is usually used by several writes (WriteAllText(path), AppendAllText(path + ".log")…):
                    // its initializer is searched once per compilation.
                    var key = (local, depth - 1);
                    if (!locals.TryGetValue(key, out var known))
                    {
                        known = LaterValues(local, operation, cancellationToken) is { } later
                            ? later.Exists(v => Contains(v, match, depth - 1, staticFields, constructors, cancellationToken, locals))
                            : OperationFacts.InitializerOf(local, operation, cancellationToken) is { } localInitializer &&
                              Contains(localInitializer, match, depth - 1, staticFields, constructors, cancellationToken, locals);
                        locals.TryAdd(key, known);
                    }

                    if (known)
                    {
                        return true;
                    }

                    continue;
                }

                if (OperationFacts.InitializerOf(holder, operation, cancellationToken) is { } initializer)
                {
                    if (Contains(initializer, match, depth - 1, staticFields, constructors, cancellationToken, locals))
                    {
                        return true;
                    }
                }
                else if (constructors && operation is IFieldReferenceOperation field &&
                         ConstructorValues(field, cancellationToken) is { } values &&
                         values.TrueForAll(v => Contains(v, match, depth - 1, staticFields, constructors, cancellationToken, locals)))
                {
                    // A readonly field the constructors give a temp root (_root = Path.Combine(Path.GetTempPath(), "app")):
                    // every value they give it. Only for the temp root: a unique value given once per instance is not
                    // one per call, so IsUniquePerCall does not follow constructors.
                    return true;
                }
            }

            return false;
        }

        // ------------------------------------------------------------------ deletion and hand-over (per candidate)

        /// <summary>
        /// Is the created file or folder deleted (File/Directory/FileInfo/DirectoryInfo.Delete, FileOptions.DeleteOnClose,
        /// moved away), or does its path or handle leave the member (returned, stored in a field, property or collection,
        /// assigned to an out/ref parameter, passed to a constructor, captured by a lambda that leaves, or passed to a
        /// method in source that deletes or stores it)? One walk of the member, lambdas and local functions included; then
        /// the attributes of <paramref name="member"/> (the analyzed member), for a filter that deletes.
        /// </summary>
        /// <param name="returnsHandOver">False to ask whether anything but a <c>return</c> releases it (<see cref="TryGetHelperCreation"/>).</param>
        /// <param name="handler">In a request handler (PM2002): what the handler returns is the response, which sends the
        /// path to the client rather than handing it over (as <c>Ok(name)</c> does); a return from a lambda or local
        /// function inside it still hands the value to the handler.</param>
        public bool IsReleased(in FileCreation creation, IOperation memberRoot, ISymbol? member, Compilation compilation, CancellationToken cancellationToken, bool returnsHandOver = true, RequestHandler? handler = null)
        {
            var walker = new ReleaseWalker(this, compilation, cancellationToken, helperDepth: 0, returnsHandOver, handler);
            if (walker.ClimbFromSite(creation.Site))
            {
                return true;
            }

            if (creation.Path is { } path)
            {
                walker.TrackPath(path, memberRoot);
            }

            // A file or extraction inside a unique folder that this member creates is reported once, on the folder.
            var coveredByFolder = !creation.IsNamed("Directory.", "CreateDirectory") ? creation.Site : null;
            return walker.Walk(memberRoot, creation.Path, coveredByFolder, creation.Site) ||
                   (member is not null && HasReleasingAttribute(member)) ||
                   (creation.Path is { } created && (IsFieldDeletedByItsType(created, cancellationToken) || IsHeldByObjectOfYourOwn(created)));
        }

        /// <summary>
        /// The path is a property of an object of a type declared in source (<c>report.ReportPath</c>, given in
        /// <c>new ReportDto { ReportPath = … }</c>): the path is stored in that object, as an assignment to the property
        /// after its construction stores it; the object carries it wherever it goes.
        /// </summary>
        private static bool IsHeldByObjectOfYourOwn(IOperation path)
            => OperationFacts.UnwrapConversions(path) is IPropertyReferenceOperation { Instance: not null, Property.ContainingType: { IsAnonymousType: false } type } &&
               type.Locations.Length > 0 && type.Locations[0].IsInSource;

        /// <summary>
        /// The path is a field (or a path inside one: <c>Path.Combine(_dir, …)</c>) that a member of the field's type
        /// deletes: a test fixture's <c>_tempFile</c> written by each test and deleted in <c>Dispose</c>, a work folder
        /// deleted when its owner is disposed. The object that holds the path owns the file. Only the declarations in the
        /// path's own file are read (as for helpers), and only for a creation about to be reported.
        /// </summary>
        private bool IsFieldDeletedByItsType(IOperation path, CancellationToken cancellationToken)
        {
            var value = OperationFacts.UnwrapConversions(path);
            if (value is IInvocationOperation { TargetMethod.Name: "Combine" or "Join", Arguments.Length: > 0 } combine &&
                SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, Path))
            {
                value = OperationFacts.UnwrapConversions(combine.Arguments[0].Value);
                if (value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
                {
                    // Path.Combine(params string[]): the first part.
                    value = OperationFacts.UnwrapConversions(elements[0]);
                }
            }

            if (value is not IFieldReferenceOperation { Field: { ContainingType: { } type } field } || value.SemanticModel is not { } model)
            {
                return false;
            }

            var tree = value.Syntax.SyntaxTree;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation &&
                        OperationFacts.CalledName(invocation)?.Identifier.ValueText == "Delete" &&
                        Mentions(invocation.Parent is ConditionalAccessExpressionSyntax access ? access : invocation, field.Name) &&
                        model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation &&
                        IsDeleteCall(operation, out var target) &&
                        OperationFacts.UnwrapConversions(target!) is IFieldReferenceOperation deleted &&
                        SymbolEqualityComparer.Default.Equals(deleted.Field, field))
                    {
                        return true;
                    }
                }
            }

            return false;

            static bool Mentions(SyntaxNode node, string name)
            {
                foreach (var token in node.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// An attribute on the member whose name says it deletes files: a filter such as OrchardCore's
        /// <c>[DeleteFileResultFilter]</c>, which deletes the file a result served. Both a deleting word and a file word:
        /// <c>[HttpDelete]</c> routes a request, and attributes named for removing something else are common.
        /// </summary>
        private static bool HasReleasingAttribute(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is { } name &&
                    (name.IndexOf("Delete", System.StringComparison.Ordinal) >= 0 || name.IndexOf("Cleanup", System.StringComparison.OrdinalIgnoreCase) >= 0) &&
                    (name.IndexOf("File", System.StringComparison.Ordinal) >= 0 || name.IndexOf("Temp", System.StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Where to look for the deletion or hand-over of a created file: the outermost lambda or local function around the
        /// creation when nothing that can carry the file's location (a string, FileInfo, stream… local or parameter) comes
        /// from outside it, else the whole member. A minimal-API endpoint is then walked alone, not the whole
        /// <c>Program.Main</c> with every other endpoint (which made the walk quadratic in the number of endpoints).
        /// </summary>
        public static IOperation ReleaseScope(in FileCreation creation, CancellationToken cancellationToken)
        {
            IOperation? function = null;
            IOperation root = creation.Site;
            for (var current = creation.Site.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    function = current;
                }

                root = current;
            }

            if (function is null)
            {
                return root;
            }

            var span = function.Syntax.Span;
            if (creation.Path is { } path && ComesFromOutside(path, span, MaxDepth, cancellationToken))
            {
                return root;
            }

            // The created value assigned to a local declared outside (captured): its later uses are outside too.
            for (var current = creation.Site.Parent; current is not null && current != function; current = current.Parent)
            {
                if (current is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } && !DeclaredWithin(target.Local, span))
                {
                    return root;
                }
            }

            return function;
        }

        /// <summary>Does the path use a local or parameter that can carry a location and is declared outside the span
        /// (looking through local initializers, as <see cref="Contains"/> does)?</summary>
        private static bool ComesFromOutside(IOperation expression, TextSpan span, int depth, CancellationToken cancellationToken)
            => Contains(
                expression,
                operation => operation switch
                {
                    ILocalReferenceOperation local => CanCarryLocation(local.Local.Type) && !DeclaredWithin(local.Local, span),
                    IParameterReferenceOperation parameter => CanCarryLocation(parameter.Parameter.Type) && !DeclaredWithin(parameter.Parameter, span),
                    _ => false,
                },
                depth,
                staticFields: false,
                constructors: false,
                cancellationToken);

        private static bool DeclaredWithin(ISymbol symbol, TextSpan span)
        {
            var references = symbol.DeclaringSyntaxReferences;
            return references.Length == 1 && span.Contains(references[0].Span);
        }

        /// <summary>A string, or a System.IO type (FileInfo, DirectoryInfo, streams, writers): what a file's location travels in.</summary>
        private static bool CanCarryLocation(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            return IsSystemIO(type.ContainingNamespace);
        }

        private static bool IsSystemIO(INamespaceSymbol? ns)
            => ns is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>The local holding the created path (or handle), if the site's value or its path argument is one; for the fixes.</summary>
        public static ILocalSymbol? PathLocal(in FileCreation creation)
        {
            if (creation.Path is { } path)
            {
                return OperationFacts.UnwrapConversions(path) is ILocalReferenceOperation local ? local.Local : null;
            }

            var parent = creation.Site.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation or IAwaitOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return declarator.Symbol;
            }

            return parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } ? target.Local : null;
        }

        private bool IsDeleteCall(IInvocationOperation invocation, out IOperation? target)
        {
            target = null;
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (method.Name == "Delete")
            {
                if (SymbolEqualityComparer.Default.Equals(type, File) || SymbolEqualityComparer.Default.Equals(type, Directory))
                {
                    // By parameter, not by place: `Directory.Delete(recursive: true, path: dir)`.
                    target = OperationFacts.ArgumentAt(invocation.Arguments, 0);
                    return target is not null;
                }

                if (TypeSymbols.InheritsFromOrEquals(type, FileSystemInfo))
                {
                    target = invocation.Instance is { } instance ? OperationFacts.ConditionalReceiver(instance) : null;
                    return target is not null;
                }

                return false;
            }

            // Moving the file away is a hand-over to wherever it goes.
            if ((method.Name == "Move" && (SymbolEqualityComparer.Default.Equals(type, File) || SymbolEqualityComparer.Default.Equals(type, Directory))) ||
                (method.Name == "Replace" && SymbolEqualityComparer.Default.Equals(type, File)))
            {
                // The source, wherever it is written: `File.Move(destFileName: dest, sourceFileName: tmp)` (the
                // twenty-seventh session's review: a false positive).
                target = OperationFacts.ArgumentAt(invocation.Arguments, 0);
                return target is not null;
            }

            if (method.Name == "MoveTo" && TypeSymbols.InheritsFromOrEquals(type, FileSystemInfo))
            {
                target = invocation.Instance is { } instance ? OperationFacts.ConditionalReceiver(instance) : null;
                return target is not null;
            }

            return false;
        }

        /// <summary>
        /// A type of System, System.IO, System.Text, System.Xml (and the namespaces below them: <c>ZipArchive</c>,
        /// <c>GZipStream</c>, <c>XmlTextWriter</c>), System.Security.Cryptography (<c>CryptoStream</c>) or
        /// Microsoft.AspNetCore(.*): a wrapper or response, not storage.
        /// </summary>
        private static bool IsIoOrFrameworkValueType(ITypeSymbol? type)
        {
            // Asked for every object creation the release walk meets: the namespace chain is compared, not displayed.
            var ns = type?.ContainingNamespace;
            if (ns is null || ns.IsGlobalNamespace)
            {
                return false;
            }

            if (ns.Name == "System")
            {
                return ns.ContainingNamespace.IsGlobalNamespace;
            }

            // The namespace right below System (`below`) and the one below that on the way (`next`).
            INamespaceSymbol below = ns;
            INamespaceSymbol? next = null;
            while (below.ContainingNamespace is { IsGlobalNamespace: false } parent && !(parent.Name == "System" && parent.ContainingNamespace.IsGlobalNamespace))
            {
                next = below;
                below = parent;
            }

            if (below.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace.IsGlobalNamespace)
            {
                return below.Name is "IO" or "Text" or "Xml" || (below.Name == "Security" && next?.Name == "Cryptography");
            }

            return IsInAspNetCore(ns);
        }

        /// <summary>
        /// An object created to be passed straight to ASP.NET Core (<c>Ok(new ApiResponse(…))</c>, <c>Results.Json(new
        /// Envelope(…))</c>, <c>new OkObjectResult(new Envelope(…))</c>): a response body, which ASP.NET Core serializes.
        /// </summary>
        private static bool IsResponseBody(IObjectCreationOperation creation)
        {
            var current = OperationFacts.OutermostValue(creation);

            // Only what makes a result: not HttpResponse.RegisterForDispose(new DeleteFile(path)), a hand-over.
            return current.Parent is IArgumentOperation { Parent: { } call } &&
                   (call switch
                   {
                       // Ok(…), Json(…), Created(…) of a controller or page; Results.Ok(…), TypedResults.Json(…).
                       IInvocationOperation invocation => invocation.TargetMethod.ContainingType is { } type &&
                                                          IsInAspNetCore(type.ContainingNamespace) &&
                                                          (type.Name is "Results" or "TypedResults" || IsControllerOrPage(type)),
                       // new OkObjectResult(…), new JsonResult(…).
                       IObjectCreationOperation outer => IsFrameworkResult(outer.Type),
                       _ => false,
                   });

            static bool IsControllerOrPage(INamedTypeSymbol type)
                => type.Name is "ControllerBase" or "Controller" or "PageModel" or "PageBase" or "Page";
        }

        /// <summary>
        /// An action result of the web framework (<c>JsonResult</c>, <c>ObjectResult</c>, <c>OkObjectResult</c>…, of ASP.NET Core
        /// or of ASP.NET MVC 5 and Web API): what is given to it, or set on it (<c>result.Data = new { url }</c>), is
        /// serialized into the response, not stored.
        /// </summary>
        public static bool IsFrameworkResult(ITypeSymbol? type)
        {
            if (type is null || !type.Name.EndsWith("Result", System.StringComparison.Ordinal))
            {
                return false;
            }

            var ns = type.ContainingNamespace;
            return IsInAspNetCore(ns) ||
                   (ns is { Name: "Mvc" or "Http" or "Results" } &&
                    (ns.ContainingNamespace is { Name: "Web", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ||
                     ns.ContainingNamespace is { Name: "Http", ContainingNamespace: { Name: "Web", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }));
        }

        /// <summary>
        /// Does a value set on this property go into the response: a property of the framework's result object
        /// (<c>result.Data</c>, <c>JsonResult.Value</c>, <c>PhysicalFileResult.FileDownloadName</c>), or one a result type of
        /// one's own inherits from a framework result that is not a file result (the <c>Value</c> of a <c>JsonResult</c>
        /// subclass, which the framework serializes)? Not a file result's of one's own (a <c>PhysicalFileResult</c> subclass
        /// may delete what it serves: a hand-over, as the page says). The session's reviews.
        /// </summary>
        public static bool SetsResponseValue(IPropertyReferenceOperation property)
        {
            var declaring = property.Property.ContainingType;
            return IsFrameworkResult(property.Instance?.Type ?? declaring) ||
                   (IsFrameworkResult(declaring) && !IsFrameworkFileResult(declaring));
        }

        /// <summary>MVC's <c>FileResult</c> (ASP.NET Core or MVC 5) or a type deriving from it.</summary>
        private static bool IsFrameworkFileResult(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == "FileResult" && IsFrameworkResult(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Microsoft.AspNetCore and every namespace below it.</summary>
        private static bool IsInAspNetCore(INamespaceSymbol? ns)
        {
            for (var current = ns; current is not null && !current.IsGlobalNamespace && !current.ContainingNamespace.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                if (current.Name == "AspNetCore" && current.ContainingNamespace is { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A symbol and a number (a local at a depth, a helper's parameter by its ordinal), compared as symbols are.</summary>
        private sealed class SymbolAndNumberComparer<TSymbol> : IEqualityComparer<(TSymbol Symbol, int Number)>
            where TSymbol : ISymbol
        {
            public static readonly SymbolAndNumberComparer<TSymbol> Instance = new SymbolAndNumberComparer<TSymbol>();

            public bool Equals((TSymbol Symbol, int Number) x, (TSymbol Symbol, int Number) y)
                => x.Number == y.Number && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((TSymbol Symbol, int Number) obj)
                => (SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) * 31) + obj.Number;
        }

        private sealed class ReleaseWalker
        {
            private readonly FileLifetime _facts;
            private readonly Compilation _compilation;
            private readonly CancellationToken _cancellationToken;
            private readonly int _helperDepth;
            private readonly bool _returnsHandOver;
            private readonly RequestHandler? _handler;
            private readonly HashSet<ISymbol> _tracked = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

            private static readonly char[] Wildcards = { '*', '?' };
            private static readonly char[] Separators = { '/', '\\' };

            // The variables of a sweep's loop (SweepsTheCreatedName), created only when there is one.
            private HashSet<ILocalSymbol>? _swept;

            public ReleaseWalker(FileLifetime facts, Compilation compilation, CancellationToken cancellationToken, int helperDepth, bool returnsHandOver, RequestHandler? handler = null)
            {
                _facts = facts;
                _compilation = compilation;
                _cancellationToken = cancellationToken;
                _helperDepth = helperDepth;
                _returnsHandOver = returnsHandOver;
                _handler = handler;
            }

            /// <summary>Does the return hand its value to a caller in code (not a request handler's own return, which is the
            /// response: its caller is the framework)?</summary>
            private bool HandsOver(IReturnOperation returned)
            {
                if (!_returnsHandOver)
                {
                    return false;
                }

                if (_handler is not { } handler)
                {
                    return true;
                }

                for (var current = returned.Parent; current is not null; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return handler.Function is null || current.Syntax != handler.Function.Syntax;
                    }
                }

                // The member's own return: the response, unless code of this file calls the member as a helper too (a
                // public controller method another action calls and whose caller deletes the file: the second review) and
                // nothing routes requests to it by name (an [HttpPost] action another action also calls is an endpoint
                // still: real-world round 22, ECommAzista's UploadImage).
                return handler.Function is not null ||
                       (handler.Method is { } method && !IsRoutedExplicitly(method) && returned.SemanticModel is { } model && IsCalledInItsFile(method, model));
            }

            private static bool IsRoutedExplicitly(IMethodSymbol method)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name is "HttpGetAttribute" or "HttpPostAttribute" or "HttpPutAttribute" or "HttpDeleteAttribute" or
                        "HttpPatchAttribute" or "RouteAttribute" or "AcceptVerbsAttribute")
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Does code of the member's file call it (once per member and compilation)?</summary>
            private bool IsCalledInItsFile(IMethodSymbol method, SemanticModel model)
            {
                if (_facts._handlersCalledInFile.TryGetValue(method, out var known))
                {
                    return known;
                }

                var called = false;
                foreach (var node in model.SyntaxTree.GetRoot(_cancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation &&
                        invocation.Expression switch
                        {
                            IdentifierNameSyntax name => name.Identifier.ValueText,
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            _ => null,
                        } == method.Name &&
                        SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(invocation, _cancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition))
                    {
                        called = true;
                        break;
                    }
                }

                return _facts._handlersCalledInFile.GetOrAdd(method, called);
            }

            public void Track(ISymbol symbol) => _tracked.Add(symbol);

            /// <summary><c>Path.ChangeExtension(file, ext)</c> names a different file than the one it is given: deleting,
            /// storing or returning that name does nothing for the original (a <c>.tmp</c> from <c>GetTempFileName</c>).</summary>
            private static bool NamesAnotherFile(IInvocationOperation pathCall) => pathCall.TargetMethod.Name == "ChangeExtension";

            /// <summary>
            /// Can the deletion run after the file is created? When it comes later in the text, runs later (a lambda or local
            /// function: a callback such as <c>Response.OnCompleted</c>), or shares a loop with the creation (the next pass).
            /// A "delete a stale file" guard before the creation of a unique name deletes nothing this call creates.
            /// </summary>
            private static bool CanRunAfter(IOperation deletion, IOperation site)
            {
                if (deletion.Syntax.SpanStart >= site.Syntax.Span.End || deletion.Syntax.SyntaxTree != site.Syntax.SyntaxTree)
                {
                    return true;
                }

                for (var current = deletion.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case IAnonymousFunctionOperation or ILocalFunctionOperation:
                            return true;
                        case ILoopOperation loop when loop.Syntax.Span.Contains(site.Syntax.Span):
                            return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// Follows the created value (a path, stream, writer or DirectoryInfo) up through wrappers to where it lands:
            /// a local (tracked), a return or field (handed over), a DeleteOnClose stream (deleted), a constructor (handed over).
            /// </summary>
            public bool ClimbFromSite(IOperation site)
            {
                var value = site;
                for (var parent = site.Parent; parent is not null; value = parent, parent = parent.Parent)
                {
                    switch (parent)
                    {
                        case IConversionOperation:
                        case IParenthesizedOperation:
                        case IAwaitOperation:
                        case IVariableInitializerOperation:
                            continue;
                        case IConditionalOperation { Syntax: ConditionalExpressionSyntax } conditional when conditional.Condition != value:
                        case ICoalesceOperation:
                        case ISwitchExpressionArmOperation arm when arm.Value == value:
                        case ISwitchExpressionOperation switchExpression when switchExpression.Value != value:
                            // `Dir = name == null ? GetTemporaryDirectory() : …`, `_f = given ?? Path.GetTempFileName()`, a
                            // switch expression's arm: the created value is the whole expression's, judged where that goes
                            // (real-world round 18, MSBuild's TempWorkingDirectory).
                            continue;
                        case IPropertyReferenceOperation property when property.Instance == value:
                            // dir.FullName, info.FullName
                            if (property.Property.Name is "FullName" or "Name")
                            {
                                continue;
                            }

                            return false;
                        case IArgumentOperation argument:
                            switch (argument.Parent)
                            {
                                case IObjectCreationOperation creation:
                                    if (_facts.HasDeleteOnClose(creation.Arguments, _cancellationToken))
                                    {
                                        return true;
                                    }

                                    if (IsIoOrFrameworkValueType(creation.Type))
                                    {
                                        parent = creation;
                                        continue;
                                    }

                                    return true;
                                case IInvocationOperation invocation:
                                    if (_facts.IsDeleteCall(invocation, out _))
                                    {
                                        return true;
                                    }

                                    if (invocation.TargetMethod.MethodKind == MethodKind.Constructor)
                                    {
                                        // `: base(Path.GetTempFileName(), …)` or `: this(…)`: the object being constructed
                                        // holds the file (a FileStream subclass opened with DeleteOnClose, a wrapper that
                                        // deletes it on Dispose), as a field it is stored in would.
                                        return true;
                                    }

                                    if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.Path))
                                    {
                                        if (NamesAnotherFile(invocation))
                                        {
                                            // Path.ChangeExtension(Path.GetTempFileName(), ".wav"): what follows is another
                                            // name; the created file's own is dropped here, and nothing can delete it.
                                            return false;
                                        }

                                        parent = invocation;
                                        continue;
                                    }

                                    return PassesToReleasingHelper(invocation, argument) || StoresInCollection(invocation, argument);
                                default:
                                    return false;
                            }

                        case IVariableDeclaratorOperation declarator:
                            _tracked.Add(declarator.Symbol);
                            return false;
                        case ISimpleAssignmentOperation assignment when assignment.Value == value:
                            return AssignmentReleases(assignment.Target);
                        case ICoalesceAssignmentOperation coalesce when coalesce.Value == value:
                            return AssignmentReleases(coalesce.Target);
                        case IReturnOperation returned:
                            return HandsOver(returned);
                        case IFieldInitializerOperation:
                        case IPropertyInitializerOperation:
                            return true;
                        case IAnonymousFunctionOperation:
                        case IBlockOperation:
                        case IExpressionStatementOperation:
                            return false;
                        default:
                            // Tuples, collection and anonymous object initializers: the value is stored with the rest.
                            if (parent is ITupleOperation or IAnonymousObjectCreationOperation or IArrayInitializerOperation or IObjectOrCollectionInitializerOperation or IMemberInitializerOperation)
                            {
                                continue;
                            }

                            if (parent is IArrayCreationOperation || OperationFacts.IsCollectionExpression(parent))
                            {
                                continue;
                            }

                            return false;
                    }
                }

                return false;
            }

            /// <summary>Locals the path is built from (path, folder and name locals), except those holding only the temp folder.</summary>
            public void TrackPath(IOperation path, IOperation memberRoot)
            {
                TrackLocalsIn(path, MaxDepth);
            }

            private void TrackLocalsIn(IOperation expression, int depth)
            {
                foreach (var operation in OperationFacts.DescendantsAndSelf(expression))
                {
                    if (operation is not ILocalReferenceOperation local || _tracked.Contains(local.Local))
                    {
                        continue;
                    }

                    var initializer = depth > 0 ? OperationFacts.InitializerOf(local.Local, operation, _cancellationToken) : null;
                    if (initializer is not null && IsOnlyTempRoot(initializer))
                    {
                        continue;
                    }

                    _tracked.Add(local.Local);
                    if (initializer is not null)
                    {
                        TrackLocalsIn(initializer, depth - 1);
                    }
                }
            }

            /// <summary>
            /// <c>Directory.GetFiles(temp, "myapp-*")</c> (or <c>EnumerateFiles</c>) over the temp root, with a pattern whose
            /// fixed start (before its first wildcard, not empty) begins the created file's name (<c>Path.Combine(temp,
            /// "myapp-" + …)</c>): a sweep of this code's own temp files, so deleting what it lists deletes this one (or, when
            /// the sweep runs first, the next call's sweep does). The review of the twenty-ninth session: reported before.
            /// </summary>
            private bool SweepsTheCreatedName(IOperation collection, IOperation? createdPath)
            {
                if (createdPath is null ||
                    OperationFacts.UnwrapConversions(collection) is not IInvocationOperation { TargetMethod.Name: "GetFiles" or "EnumerateFiles", Arguments.Length: >= 2 } listing ||
                    !SymbolEqualityComparer.Default.Equals(listing.TargetMethod.ContainingType, _facts.Directory) ||
                    listing.Arguments[1].Value.ConstantValue is not { HasValue: true, Value: string pattern } ||
                    !IsTempFolder(listing.Arguments[0].Value))
                {
                    return false;
                }

                var wildcard = pattern.IndexOfAny(Wildcards);
                var fixedStart = wildcard < 0 ? pattern : pattern.Substring(0, wildcard);
                return fixedStart.Length > 0 && fixedStart.IndexOfAny(Separators) < 0 &&
                       NameStart(createdPath) is { } start && start.StartsWith(fixedStart, System.StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>A deletion of a file a sweep's loop lists.</summary>
            private bool DeletesASweptFile(IOperation target)
                => _swept is not null && OperationFacts.UnwrapConversions(target) is ILocalReferenceOperation local && _swept.Contains(local.Local);

            /// <summary>The temp root, directly or through a local initialized with it.</summary>
            private bool IsTempFolder(IOperation folder)
            {
                folder = OperationFacts.UnwrapConversions(folder);
                if (folder is ILocalReferenceOperation local)
                {
                    folder = OperationFacts.InitializerOf(local.Local, folder, _cancellationToken) is { } initializer ? OperationFacts.UnwrapConversions(initializer) : folder;
                }

                return _facts.IsTempRoot(folder);
            }

            /// <summary>The fixed start of the file name a path ends with: the last part of <c>Path.Combine</c>/<c>Join</c>, a
            /// constant, or the constant first operand of a concatenation or text of an interpolation; through one local.</summary>
            private string? NameStart(IOperation path, int depth = 2)
            {
                path = OperationFacts.UnwrapConversions(path);
                switch (path)
                {
                    case ILocalReferenceOperation local when depth > 0:
                        return OperationFacts.InitializerOf(local.Local, path, _cancellationToken) is { } initializer ? NameStart(initializer, depth - 1) : null;
                    case IInvocationOperation { TargetMethod.Name: "Combine" or "Join", Arguments.Length: > 0 } combine
                        when SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, _facts.Path):
                        var last = OperationFacts.UnwrapConversions(combine.Arguments[combine.Arguments.Length - 1].Value);
                        if (last is IArrayCreationOperation { Initializer.ElementValues: { Length: > 1 } parts })
                        {
                            last = parts[parts.Length - 1];
                        }

                        return FixedStart(last);
                    default:
                        return null;
                }
            }

            private static string? FixedStart(IOperation name)
            {
                name = OperationFacts.UnwrapConversions(name);
                return name switch
                {
                    { ConstantValue: { HasValue: true, Value: string text } } => text,
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation => FixedStart(concatenation.LeftOperand),
                    IInterpolatedStringOperation { Parts: { Length: > 0 } parts } when parts[0] is IInterpolatedStringTextOperation text =>
                        text.Text.ConstantValue.Value as string,
                    _ => null,
                };
            }

            private bool IsOnlyTempRoot(IOperation initializer)
                => _facts.IsTempRoot(OperationFacts.UnwrapConversions(initializer));

            /// <summary>One walk of the member in source order; aliases are tracked as they are declared.</summary>
            public bool Walk(IOperation root, IOperation? createdPath, IOperation? coveredByFolder = null, IOperation? site = null)
            {
                foreach (var operation in OperationFacts.Descendants(root))
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            if (_facts.IsDeleteCall(invocation, out var target) && target is not null &&
                                (Mentions(target) || (createdPath is not null && SameExpression(target, createdPath))))
                            {
                                if (DeletesOnlyTheNameBeside(target, createdPath))
                                {
                                    break;
                                }

                                // A sweep's deletion releases the file wherever it runs: before the creation, the next call's
                                // sweep deletes it.
                                if (site is null || CanRunAfter(invocation, site) || DeletesASweptFile(target))
                                {
                                    return true;
                                }

                                // A deletion of this file that runs before it exists releases nothing, by any name.
                                break;
                            }

                            if (StoresInCollection(invocation))
                            {
                                return true;
                            }

                            // A file inside a unique folder this member creates (or an extraction into it): the folder is the
                            // leak, reported once. Not a file beside it (`dir + ".zip"`): deleting the folder leaves that one behind.
                            if (coveredByFolder is not null && invocation != coveredByFolder && IsUniqueFolderCreation(invocation, out var folder) &&
                                (createdPath is null || Place(createdPath, folder, MaxDepth) != PlaceFromFolder.Beside))
                            {
                                return true;
                            }

                            if (invocation.Arguments.Length > 0 &&
                                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.File) &&
                                _facts.HasDeleteOnClose(invocation.Arguments, _cancellationToken) &&
                                OperationFacts.ArgumentAt(invocation.Arguments, 0) is { } opened && Mentions(opened))
                            {
                                return true;
                            }

                            foreach (var argument in invocation.Arguments)
                            {
                                if (Carries(argument.Value, 0) && (StartsAProcess(invocation) || PassesToReleasingHelper(invocation, argument)))
                                {
                                    return true;
                                }
                            }

                            break;
                        case IObjectCreationOperation creation:
                            if (creation.Arguments.IsEmpty)
                            {
                                break;
                            }

                            if (IsIoOrFrameworkValueType(creation.Type))
                            {
                                if (_facts.HasDeleteOnClose(creation.Arguments, _cancellationToken) &&
                                    OperationFacts.ArgumentAt(creation.Arguments, 0) is { } streamPath && Mentions(streamPath))
                                {
                                    return true;
                                }

                                break;
                            }

                            if (IsResponseBody(creation))
                            {
                                // Ok(new ApiResponse(true, "saved", new { fileName })): an envelope of one's own, serialized into
                                // the response as new { fileName } is; not storage.
                                break;
                            }

                            foreach (var argument in creation.Arguments)
                            {
                                if (Carries(argument.Value, 0))
                                {
                                    return true;
                                }
                            }

                            break;
                        case IReturnOperation returned when _returnsHandOver:
                            // Whether it hands over last: a handler member's own return makes it read the file's calls.
                            if (returned.ReturnedValue is { } returnedValue && Carries(returnedValue, 0) && HandsOver(returned))
                            {
                                return true;
                            }

                            break;
                        case IVariableDeclaratorOperation declarator:
                            var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                            if (initializer is not null && Carries(initializer, 0))
                            {
                                _tracked.Add(declarator.Symbol);
                            }

                            break;
                        case IIsPatternOperation isPattern when Carries(isPattern.Value, 0):
                            // `if (info is { Exists: true } f) f.Delete();`: the variable the pattern declares is the same
                            // object (the twenty-seventh session's review). Not the variables of its property patterns.
                            var declared = isPattern.Pattern switch
                            {
                                IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
                                IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
                                _ => null,
                            };
                            if (declared is not null)
                            {
                                _tracked.Add(declared);
                            }

                            break;
                        case IForEachLoopOperation loop:
                            // foreach (var f in Directory.GetFiles(dir)) File.Delete(f): a cleanup of the folder. Not the
                            // lines or bytes a File method reads from the file (foreach (var line in File.ReadLines(tmp))):
                            // its content, not its location, so storing or yielding them hands nothing over.
                            var sweep = SweepsTheCreatedName(loop.Collection, createdPath);
                            if ((Mentions(loop.Collection) && !ReadsContent(loop.Collection)) || sweep)
                            {
                                foreach (var local in loop.Locals)
                                {
                                    _tracked.Add(local);
                                    if (sweep)
                                    {
                                        (_swept ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local);
                                    }
                                }
                            }

                            break;
                        case ISimpleAssignmentOperation assignment:
                            if (site is not null && RenamesAfter(assignment, site))
                            {
                                break;
                            }

                            if (Carries(assignment.Value, 0) && AssignmentReleases(assignment.Target))
                            {
                                return true;
                            }

                            break;
                        case ICompoundAssignmentOperation compound when site is not null:
                            RenamesAfter(compound, site);
                            break;
                    }
                }

                return false;
            }

            /// <summary>
            /// <c>t = t + ".pdf"</c>, <c>t += ".pdf"</c>, <c>t = $"{t}.pdf"</c> or <c>t = Path.ChangeExtension(t, ".pdf")</c>
            /// after the creation: from here on the local names another file, so what follows (a return, a deletion) is
            /// that file's, not the created one's; the local is no longer tracked. <c>Path.GetFullPath(t)</c>,
            /// <c>t.Trim()</c> and <c>Path.Combine(t, …)</c> (a path inside t, carried as <see cref="Carries"/> carries it)
            /// are not renames; nor is a rename before the creation (the created file is then the new name's).
            /// </summary>
            private bool RenamesAfter(IAssignmentOperation assignment, IOperation site)
            {
                if (assignment.Target is not ILocalReferenceOperation target || !_tracked.Contains(target.Local) ||
                    assignment.Syntax.SpanStart < site.Syntax.Span.End || assignment.Syntax.SyntaxTree != site.Syntax.SyntaxTree)
                {
                    return false;
                }

                var renames = assignment switch
                {
                    ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } => true,
                    ISimpleAssignmentOperation simple => NamesAnotherFileFrom(OperationFacts.UnwrapConversions(simple.Value), target.Local),
                    _ => false,
                };
                if (renames)
                {
                    _tracked.Remove(target.Local);
                }

                return renames;
            }

            private bool NamesAnotherFileFrom(IOperation value, ILocalSymbol local)
            {
                switch (value)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                        return IsLocal(concatenation.LeftOperand, local) || IsLocal(concatenation.RightOperand, local);
                    case IInterpolatedStringOperation interpolated:
                        var mentions = false;
                        var hasText = false;
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation interpolation)
                            {
                                mentions |= IsLocal(interpolation.Expression, local);
                            }
                            else
                            {
                                hasText = true;
                            }
                        }

                        return mentions && hasText;
                    // One predicate with Carries: of Path's calls only ChangeExtension names another file. Combine/Join(t, …)
                    // name a path inside t, which Carries treats as carrying it (`return Path.Combine(dir, "out")` hands
                    // the folder over), so `dir = Path.Combine(dir, "out"); return dir;` does too.
                    case IInvocationOperation call when NamesAnotherFile(call) &&
                        SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _facts.Path) && call.Arguments.Length > 1:
                        return OperationFacts.ArgumentAt(call.Arguments, 0) is { } changed && IsLocal(changed, local);
                    default:
                        return false;
                }
            }

            private static bool IsLocal(IOperation operation, ILocalSymbol local)
                => OperationFacts.UnwrapConversions(operation) is ILocalReferenceOperation reference &&
                   SymbolEqualityComparer.Default.Equals(reference.Local, local);

            /// <summary>
            /// An assignment of the value to a field, property, array element, event or out/ref parameter hands it over;
            /// to a local or parameter, it becomes an alias (tracked from here on).
            /// </summary>
            private bool AssignmentReleases(IOperation target)
            {
                switch (OperationFacts.UnwrapConversions(target))
                {
                    case ILocalReferenceOperation local:
                        _tracked.Add(local.Local);
                        return false;
                    case IParameterReferenceOperation parameter:
                        // `path ??= Path.GetTempFileName()`: the parameter holds the file from here on, as a local would.
                        _tracked.Add(parameter.Parameter);
                        return parameter.Parameter.RefKind != RefKind.None;
                    case IPropertyReferenceOperation property:
                        // new { fileName } builds a response body or log state, not storage; so does a value set on the web
                        // framework's result (result.Data = new { url }, new JsonResult(null) { Value = … }).
                        return property.Property.ContainingType is { IsAnonymousType: false } && !SetsResponseValue(property);
                    case IFieldReferenceOperation:
                    case IArrayElementReferenceOperation:
                    case IEventReferenceOperation:
                    case IDynamicMemberReferenceOperation:
                    case IDynamicIndexerAccessOperation:
                        return true;
                    default:
                        return false;
                }
            }

            /// <param name="carried">The argument the created value itself is (<c>_tempFiles.Add(Path.GetTempFileName())</c>), when
            /// climbing from the creation; null when only tracked locals and paths carry it.</param>
            private bool StoresInCollection(IInvocationOperation invocation, IArgumentOperation? carried = null)
            {
                switch (invocation.TargetMethod.Name)
                {
                    case "Add":
                    case "AddRange":
                    case "Enqueue":
                    case "Push":
                    case "Insert":
                    case "TryAdd":
                    case "TryWrite":
                    case "WriteAsync":
                    case "Post":
                    case "SendAsync":
                    case "AddOrUpdate":
                    case "GetOrAdd":
                    case "Set":
                        break;
                    case "WriteObject" when IsPowerShellOutput(invocation.TargetMethod.ContainingType):
                        // A cmdlet's WriteObject hands its result to the pipeline, as a method's return does: New-TemporaryFile
                        // exists to give the user a file (real-world round 13, PowerShell).
                        break;
                    default:
                        return false;
                }

                var receiver = invocation.Instance?.Type ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
                // Writing the path into a stream, a writer or the HTTP response is not storing it.
                if (receiver is null || TypeSymbols.InheritsFromOrEquals(receiver, _facts.TextWriter) || IsIoOrFrameworkValueType(receiver))
                {
                    return false;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument == carried || Carries(argument.Value, 0))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>PowerShell's <c>Cmdlet</c> (and so <c>PSCmdlet</c> and every cmdlet) or <c>ICommandRuntime</c>, by metadata name.</summary>
            private static bool IsPowerShellOutput(INamedTypeSymbol? type)
                => type is { Name: "Cmdlet" or "ICommandRuntime" } &&
                   type.ContainingNamespace?.ToDisplayString() == "System.Management.Automation";

            /// <summary>A method in source that deletes, stores or hands over the parameter it receives the path in.</summary>
            private bool PassesToReleasingHelper(IInvocationOperation invocation, IArgumentOperation argument)
            {
                if (_helperDepth >= 2 || argument.Parameter is not { } parameter)
                {
                    return false;
                }

                var method = invocation.TargetMethod.OriginalDefinition;
                var references = method.DeclaringSyntaxReferences;
                if (method.IsExtern || method.IsAbstract || references.Length != 1)
                {
                    // An interface, abstract or library method: only its name can tell (_cleanup.Schedule(path), storage.DeleteAsync(path)).
                    return NameSaysItReleases(method.Name);
                }

                var syntax = references[0].GetSyntax(_cancellationToken);
                var model = invocation.SemanticModel is { } current && current.SyntaxTree == syntax.SyntaxTree
                    ? current
#pragma warning disable RS1030 // A helper in another file: only for a candidate's argument, at most twice per candidate.
                    : _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                var body = model.GetOperation(syntax, _cancellationToken);
                if (body is null || parameter.Ordinal >= method.Parameters.Length)
                {
                    return false;
                }

                var helper = new ReleaseWalker(_facts, _compilation, _cancellationToken, _helperDepth + 1, returnsHandOver: false);
                helper.Track(method.Parameters[parameter.Ordinal]);
                return helper.Walk(body, null);
            }

            private bool IsUniqueFolderCreation(IInvocationOperation invocation, out ILocalSymbol folderLocal)
            {
                folderLocal = null!;
                if (invocation.TargetMethod.Name != "CreateDirectory" ||
                    !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.Directory) ||
                    invocation.Arguments.Length == 0)
                {
                    return false;
                }

                var folder = OperationFacts.ArgumentAt(invocation.Arguments, 0) is { } given ? OperationFacts.UnwrapConversions(given) : null;
                if (folder is ILocalReferenceOperation local && _tracked.Contains(local.Local) && _facts.IsUniquePerCall(folder, _cancellationToken))
                {
                    folderLocal = local.Local;
                    return true;
                }

                return false;
            }

            /// <summary>Where a path lies from a folder held in a local.</summary>
            private enum PlaceFromFolder
            {
                Unknown,
                TheFolder,
                Inside,
                Beside,
            }

            /// <summary>
            /// Where the path lies from the folder the local holds: the folder itself, inside it (<c>Path.Combine(dir, …)</c>,
            /// <c>dir + "/" + …</c>, <c>$"{dir}/{name}"</c>) or beside it (<c>dir + ".zip"</c>, <c>$"{dir}.zip"</c>), through locals.
            /// </summary>
            private PlaceFromFolder Place(IOperation path, ILocalSymbol folder, int depth)
            {
                var value = OperationFacts.UnwrapConversions(path);
                switch (value)
                {
                    case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, folder):
                        return PlaceFromFolder.TheFolder;
                    case ILocalReferenceOperation local when depth > 0:
                        return OperationFacts.InitializerOf(local.Local, value, _cancellationToken) is { } initializer
                            ? Place(initializer, folder, depth - 1)
                            : PlaceFromFolder.Unknown;
                    case IInvocationOperation { TargetMethod.Name: "Combine" or "Join" } combine when
                        SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, _facts.Path):
                        var parts = PathParts(combine);
                        for (var i = 0; i < parts.Count; i++)
                        {
                            if ((i < parts.Count - 1 && IsFolder(parts[i], folder)) || Place(parts[i], folder, depth - 1) == PlaceFromFolder.Inside)
                            {
                                return PlaceFromFolder.Inside;
                            }
                        }

                        return PlaceFromFolder.Unknown;
                    case IInvocationOperation { TargetMethod.Name: "ChangeExtension" } change when
                        SymbolEqualityComparer.Default.Equals(change.TargetMethod.ContainingType, _facts.Path) &&
                        OperationFacts.ArgumentFor(change.Arguments, "path") is { } changed:
                        return IsFolder(changed, folder) ? PlaceFromFolder.Beside : PlaceFromFolder.Unknown;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when !IsFolder(add.LeftOperand, folder):
                        return Place(add.LeftOperand, folder, depth - 1) is var left && left is PlaceFromFolder.Inside or PlaceFromFolder.Beside
                            ? left
                            : PlaceFromFolder.Unknown;
                    case IBinaryOperation or IInterpolatedStringOperation:
                        return SeparatorAfterFolder(value, folder) switch
                        {
                            true => PlaceFromFolder.Inside,
                            false => PlaceFromFolder.Beside,
                            _ => PlaceFromFolder.Unknown,
                        };
                    default:
                        return PlaceFromFolder.Unknown;
                }
            }

            /// <summary>
            /// For the folder's name with something added (<c>dir + rest</c>, <c>$"{dir}rest"</c>): does the rest start with a
            /// separator (a path inside the folder) or not (a name beside it, <c>dir + ".zip"</c>)? Null for any other shape.
            /// </summary>
            private static bool? SeparatorAfterFolder(IOperation value, ILocalSymbol folder)
            {
                switch (value)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when IsFolder(add.LeftOperand, folder):
                        return StartsWithSeparator(add.RightOperand);
                    case IInterpolatedStringOperation interpolated:
                        for (var i = 0; i + 1 < interpolated.Parts.Length; i++)
                        {
                            if (interpolated.Parts[i] is IInterpolationOperation interpolation && IsFolder(interpolation.Expression, folder))
                            {
                                return interpolated.Parts[i + 1] switch
                                {
                                    IInterpolatedStringTextOperation { Text: var text } => StartsWithSeparator(text),
                                    IInterpolationOperation next => StartsWithSeparator(next.Expression),
                                    _ => null,
                                };
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }

            /// <summary>
            /// <c>Directory.Delete(dir, true)</c> when the file is <c>dir + ".zip"</c>: the folder the name was made from
            /// goes, the file beside it stays. So with <c>File.Delete(tmp)</c> when the file is <c>$"{tmp}.png"</c> or
            /// <c>Path.ChangeExtension(tmp, ".wav")</c> (real-world round 27: the empty file of <c>GetTempFileName</c> goes,
            /// the one named after it stays).
            /// </summary>
            private bool DeletesOnlyTheNameBeside(IOperation target, IOperation? createdPath)
                => createdPath is not null &&
                   OperationFacts.UnwrapConversions(target) is ILocalReferenceOperation folder &&
                   Place(createdPath, folder.Local, MaxDepth) == PlaceFromFolder.Beside;

            private static List<IOperation> PathParts(IInvocationOperation combine)
            {
                var parts = new List<IOperation>();
                foreach (var argument in combine.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                    {
                        parts.AddRange(elements.ElementValues);
                    }
                    else
                    {
                        parts.Add(argument.Value);
                    }
                }

                return parts;
            }

            private static bool IsFolder(IOperation operation, ILocalSymbol folder)
                => OperationFacts.UnwrapConversions(operation) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, folder);

            /// <summary>"/…", "\…", Path.DirectorySeparatorChar, or a sum or interpolation that starts with one.</summary>
            private static bool StartsWithSeparator(IOperation operation)
            {
                var value = OperationFacts.UnwrapConversions(operation);
                return value.ConstantValue is { HasValue: true, Value: string text } ? text.Length > 0 && text[0] is '/' or '\\'
                    : value.ConstantValue is { HasValue: true, Value: char c } ? c is '/' or '\\'
                    : value switch
                    {
                        IFieldReferenceOperation { Field.Name: "DirectorySeparatorChar" or "AltDirectorySeparatorChar" } => true,
                        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add => StartsWithSeparator(add.LeftOperand),
                        IInterpolatedStringOperation { Parts: { Length: > 0 } parts } => parts[0] is IInterpolatedStringTextOperation { Text: var first } && StartsWithSeparator(first),
                        _ => false,
                    };
            }

            private static bool NameSaysItReleases(string name)
            {
                foreach (var word in ReleasingWords)
                {
                    if (name.IndexOf(word, System.StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>A <c>System.IO.File</c> call (<c>ReadLines</c>, <c>ReadAllLines</c>…): what it returns is read from a file, never a location.</summary>
            private bool ReadsContent(IOperation collection)
                => OperationFacts.UnwrapConversions(collection) is IInvocationOperation invocation &&
                   SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.File);

            private static readonly System.Collections.Immutable.ImmutableArray<string> ReleasingWords = System.Collections.Immutable.ImmutableArray.Create("Delete", "Cleanup", "CleanUp", "Remove", "Schedule", "Enqueue", "Register", "Purge", "Expire");

            private bool Mentions(IOperation expression)
            {
                foreach (var operation in OperationFacts.DescendantsAndSelf(expression))
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation local when _tracked.Contains(local.Local):
                            return true;
                        case IParameterReferenceOperation parameter when _tracked.Contains(parameter.Parameter):
                            return true;
                    }
                }

                return false;
            }

            /// <summary>Does the value carry the file's location: the path itself, something built on it, or a lambda capturing it?</summary>
            private bool Carries(IOperation expression, int depth)
            {
                if (depth > 4)
                {
                    return false;
                }

                var value = OperationFacts.UnwrapConversions(expression);
                switch (value)
                {
                    case ILocalReferenceOperation local:
                        return _tracked.Contains(local.Local);
                    case IParameterReferenceOperation parameter:
                        return _tracked.Contains(parameter.Parameter);
                    case IPropertyReferenceOperation property when property.Instance is not null:
                        return property.Property.Name is "FullName" or "Name" or "Directory" or "Parent" && Carries(property.Instance, depth + 1);
                    case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.Path):
                        return !NamesAnotherFile(invocation) && AnyArgumentCarries(invocation.Arguments, depth);
                    case IInvocationOperation call:
                        return HelperReturnCarries(call, depth);
                    case IObjectCreationOperation creation:
                        // new PhysicalFileResult(path, …) serves the file, as PhysicalFile(path) does: ASP.NET Core's own
                        // results and responses delete nothing (a result type of your own, deriving from them, may).
                        if (IsInAspNetCore(creation.Type?.ContainingNamespace))
                        {
                            return false;
                        }

                        return AnyArgumentCarries(creation.Arguments, depth) ||
                               (creation.Initializer is { } init && Mentions(init));
                    case ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            if (Carries(element, depth + 1))
                            {
                                return true;
                            }
                        }

                        return false;
                    case IAnonymousObjectCreationOperation:
                    case IArrayCreationOperation:
                    case IDelegateCreationOperation:
                    case IAnonymousFunctionOperation:
                        return Mentions(value);
                    case IConditionalOperation conditional:
                        return Carries(conditional.WhenTrue, depth + 1) || (conditional.WhenFalse is { } whenFalse && Carries(whenFalse, depth + 1));
                    case ICoalesceOperation coalesce:
                        return Carries(coalesce.Value, depth + 1) || Carries(coalesce.WhenNull, depth + 1);
                    case { } collection when OperationFacts.IsCollectionExpression(collection):
                        // `return [path];`, as `new[] { path }` (the twenty-seventh session's review).
                        return Mentions(collection);
                    default:
                        return false;
                }
            }

            /// <summary>
            /// <c>Process.Start(path)</c>, <c>Process.Start("editor", path)</c>: the process started on the file, or from the
            /// folder, uses it after this code has moved on (an updater copying files out of it, an editor opening it), so
            /// it is that process's, and deleting it here would break it (real-world round 11: Jackett's updater).
            /// </summary>
            /// <remarks>Not when it is waited for right there (<c>Process.Start(tool, tmp).WaitForExit()</c>), or through the
            /// local that holds it (<c>using var p = Process.Start(editor, tmp); p.WaitForExit();</c>: real-world round 33,
            /// an editor opened on a temporary file): the file is this code's again afterwards. A wait with a timeout
            /// (<c>WaitForExit(1000)</c>) may return while the process still holds the file: still the process's.</remarks>
            private bool StartsAProcess(IInvocationOperation invocation)
                => invocation.TargetMethod.Name == "Start" && _facts.Process is { } process &&
                   SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, process) &&
                   !(WaitOn(invocation) is { } wait && WaitsForTheEnd(wait)) &&
                   !IsWaitedThroughItsLocal(invocation);

            /// <summary>The call made on the value (<c>value.M()</c>, <c>value?.M()</c>, through conversions), if any.</summary>
            private static IInvocationOperation? WaitOn(IOperation value)
            {
                value = OperationFacts.OutermostValue(value);
                return value.Parent switch
                {
                    IInvocationOperation call when call.Instance == value => call,
                    IConditionalAccessOperation { WhenNotNull: IInvocationOperation call } access when access.Operation == value => call,
                    _ => null,
                };
            }

            /// <summary><c>WaitForExit()</c> without a timeout (or with -1, <c>Timeout.Infinite</c>), or <c>WaitForExitAsync(…)</c>.</summary>
            private static bool WaitsForTheEnd(IInvocationOperation wait)
                => wait.TargetMethod.Name switch
                {
                    "WaitForExit" => wait.Arguments.IsEmpty ||
                                     (wait.Arguments.Length == 1 && wait.Arguments[0].Value.ConstantValue is { HasValue: true, Value: -1 }),
                    "WaitForExitAsync" => true,
                    _ => false,
                };

            /// <summary>
            /// The started process held in a local (<c>var p = …</c>, <c>using var p = …</c>, <c>using (var p = …)</c>,
            /// <c>p = …</c>, also <c>… ?? throw …</c>) that the same function waits for after the start
            /// (<c>p.WaitForExit()</c>, <c>p?.WaitForExit()</c>, <c>await p.WaitForExitAsync()</c>) before anything writes the
            /// local again. A wait in a lambda or a local function may never run, or run elsewhere: not counted.
            /// </summary>
            private static bool IsWaitedThroughItsLocal(IInvocationOperation start)
            {
                var held = OperationFacts.OutermostValue(start).Parent;
                if (held is ICoalesceOperation coalesce)
                {
                    held = OperationFacts.OutermostValue(coalesce).Parent;
                }

                ILocalSymbol? local = held switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } declared } } => declared,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { } assigned } } => assigned,
                    _ => null,
                };
                if (local is null)
                {
                    return false;
                }

                // The first wait after the start, and the first write again after the start: a wait counts when it comes
                // before any such write (after it, which process it waits for is not known; a write after the wait changes
                // nothing).
                var function = FunctionOf(start);
                var after = start.Syntax.Span.End;
                var firstWait = int.MaxValue;
                var firstWrite = int.MaxValue;
                foreach (var reference in OperationFacts.ReferencesTo(local, start))
                {
                    var at = reference.Syntax.SpanStart;
                    if (at < after)
                    {
                        continue;
                    }

                    if (IsWrittenAgain(reference, held))
                    {
                        firstWrite = System.Math.Min(firstWrite, at);
                    }
                    else if (WaitOn(reference) is { } wait && WaitsForTheEnd(wait) && FunctionOf(wait) == function)
                    {
                        firstWait = System.Math.Min(firstWait, at);
                    }
                }

                return firstWait < firstWrite;

                // `p = …` (not the start's own assignment), `p ??= …`, `p += …`, `(p, x) = …`, `Make(out p)`, `ref p`.
                static bool IsWrittenAgain(ILocalReferenceOperation reference, IOperation? held)
                    => reference.Parent switch
                    {
                        ISimpleAssignmentOperation assignment => assignment.Target == reference && assignment != held,
                        IAssignmentOperation assignment => assignment.Target == reference,
                        IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => true,
                        ITupleOperation tuple => IsDeconstructionTarget(tuple),
                        _ => false,
                    };

                // `(p, x) = …`, also nested: `((p, x), y) = …`.
                static bool IsDeconstructionTarget(ITupleOperation tuple)
                {
                    IOperation outermost = tuple;
                    while (outermost.Parent is ITupleOperation outer)
                    {
                        outermost = outer;
                    }

                    return outermost.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == outermost;
                }

                static IOperation? FunctionOf(IOperation operation)
                {
                    for (var current = operation.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                        {
                            return current;
                        }
                    }

                    return null;
                }
            }

            /// <summary>
            /// A call of a helper of the same file that returns a path built on an argument carrying the file
            /// (<c>GetUpdaterPath(tempDir)</c> returning <c>Path.Combine(tempDirectory, "App", "Updater")</c>): its value carries
            /// the file as the inline <c>Path.Combine</c> does (real-world round 11: the same code was reported through the
            /// helper and not inline).
            /// </summary>
            private bool HelperReturnCarries(IInvocationOperation call, int depth)
            {
                var method = call.TargetMethod;
                if (method.ReturnsVoid || call.Arguments.IsEmpty || !OperationFacts.IsSameFileHelper(method, call.Syntax.SyntaxTree))
                {
                    return false;
                }

                var carried = 0;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { Ordinal: < 32 } parameter && Carries(argument.Value, depth + 1))
                    {
                        carried |= 1 << parameter.Ordinal;
                    }
                }

                if (carried == 0 || OperationFacts.HelperReturnValues(call, _cancellationToken) is not { } values)
                {
                    return false;
                }

                foreach (var value in values)
                {
                    if (BuiltOnParameter(value, method.OriginalDefinition, carried, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The shapes of <see cref="Carries"/>, for a helper's returned value and the helper's parameters (a bit per ordinal).</summary>
            private bool BuiltOnParameter(IOperation expression, IMethodSymbol helper, int parameters, int depth)
            {
                if (depth > 4)
                {
                    return false;
                }

                var value = OperationFacts.UnwrapConversions(expression);
                switch (value)
                {
                    case IParameterReferenceOperation reference:
                        return reference.Parameter.Ordinal < 32 && (parameters & (1 << reference.Parameter.Ordinal)) != 0 &&
                               SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol.OriginalDefinition, helper);
                    case IPropertyReferenceOperation property when property.Instance is not null:
                        return property.Property.Name is "FullName" or "Name" or "Directory" or "Parent" && BuiltOnParameter(property.Instance, helper, parameters, depth + 1);
                    case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _facts.Path):
                        if (NamesAnotherFile(invocation))
                        {
                            return false;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            foreach (var passed in ArgumentValues(argument))
                            {
                                if (BuiltOnParameter(passed, helper, parameters, depth + 1))
                                {
                                    return true;
                                }
                            }
                        }

                        return false;
                    case IObjectCreationOperation creation when !IsInAspNetCore(creation.Type?.ContainingNamespace):
                        foreach (var argument in creation.Arguments)
                        {
                            if (BuiltOnParameter(argument.Value, helper, parameters, depth + 1))
                            {
                                return true;
                            }
                        }

                        return false;
                    case IConditionalOperation conditional:
                        return BuiltOnParameter(conditional.WhenTrue, helper, parameters, depth + 1) ||
                               (conditional.WhenFalse is { } whenFalse && BuiltOnParameter(whenFalse, helper, parameters, depth + 1));
                    case ICoalesceOperation coalesce:
                        return BuiltOnParameter(coalesce.Value, helper, parameters, depth + 1) || BuiltOnParameter(coalesce.WhenNull, helper, parameters, depth + 1);
                    default:
                        return false;
                }
            }

            private bool AnyArgumentCarries(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int depth)
            {
                foreach (var argument in arguments)
                {
                    foreach (var value in ArgumentValues(argument))
                    {
                        if (Carries(value, depth + 1))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary>
            /// The values an argument passes: its value, or for a params argument its elements (Path.Combine(dir) and
            /// Path.Combine with five parts bind to params string[], or to .NET 9's params ReadOnlySpan&lt;string&gt;, a
            /// collection this Roslyn does not model): an array's initializer elements, or the collection's children.
            /// </summary>
            private static IEnumerable<IOperation> ArgumentValues(IArgumentOperation argument)
            {
                if (argument.ArgumentKind is ArgumentKind.Explicit or ArgumentKind.DefaultValue)
                {
                    return new[] { argument.Value };
                }

                var collection = OperationFacts.UnwrapConversions(argument.Value);
                if (collection is IArrayCreationOperation array)
                {
                    return array.Initializer is { } initializer ? initializer.ElementValues : System.Collections.Immutable.ImmutableArray<IOperation>.Empty;
                }

                return collection.ChildOperations;
            }

            private static bool SameExpression(IOperation a, IOperation b)
                => OperationFacts.UnwrapConversions(a).Syntax.IsEquivalentTo(OperationFacts.UnwrapConversions(b).Syntax, topLevel: false);
        }
    }
}
