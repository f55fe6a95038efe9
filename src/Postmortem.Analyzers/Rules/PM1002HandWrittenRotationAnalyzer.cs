using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.Analyzers.Rules
{
    /// <summary>
    /// PM1002: a type that renames, moves, replaces or deletes the very file it appends to, in a project that runs
    /// as several worker processes (the first incident, written by hand): each process rotates on its own, and the
    /// others keep writing into the renamed file or overwrite the rotated one.
    /// </summary>
    /// <remarks>
    /// Per type (symbol start/end): the invocations and creations of the type are classified with cheap checks
    /// (containing type and member name); the pairing by path runs once at the end of the type, only when the
    /// type rotates something. A path is the same when it is the same field, property, parameter, local (or its
    /// initializer), constant, or the same member-only expression (<c>Path.Combine(_dir, "app.log")</c>).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PM1002HandWrittenRotationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.PM1002HandWrittenRotation;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                // A web.config with processesPerApplication > 1 (or IIS hosting) makes `auto` multi-process: read it once.
                // In a project where no file runs in several processes nothing can be reported: no type lookups, no
                // callback for each type.
                if (!HostModel.AnyMultiProcess(start.Compilation, start.Options, start.CancellationToken, out var signals))
                {
                    return;
                }

                var types = RotationTypes.Create(start.Compilation);
                if (types is null)
                {
                    return;
                }

                // The names of every rotating call (ClassifyFileCall, ClassifyFileInfoCall: File.Move/Replace/Delete,
                // FileInfo.MoveTo/Replace/Delete): a type rotates a file only if one is written in a file it is declared in.
                var filesNamingRotation = new FilesNaming("Move", "Replace", "Delete");
                start.RegisterSymbolStartAction(symbolStart => OnTypeStart(symbolStart, types, signals, filesNamingRotation), SymbolKind.NamedType);
            });
        }

        private static void OnTypeStart(SymbolStartAnalysisContext context, RotationTypes types, HostSignals signals, FilesNaming filesNamingRotation)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return;
            }

            // Bail out early for single-process projects: nothing is registered for the type.
            var anyMultiProcess = false;
            foreach (var location in type.Locations)
            {
                if (location.IsInSource && HostModel.Resolve(context.Options, location.SourceTree, signals).IsMultiProcess)
                {
                    anyMultiProcess = true;
                    break;
                }
            }

            // Nor for a type whose files name no rotating call (the operations given to its actions are in its declarations):
            // most types of most projects, which the driver would otherwise call back for every call and creation.
            if (!anyMultiProcess || !filesNamingRotation.AnyNames(type.Locations, context.CancellationToken))
            {
                return;
            }

            var state = new TypeState();
            context.RegisterOperationAction(c => OnInvocation(c, types, state), OperationKind.Invocation);
            context.RegisterOperationAction(c => OnCreation(c, types, state), OperationKind.ObjectCreation);

            // The per-process properties (Environment.ProcessId, ...) matter only for a type that rotates and writes, which
            // few types do, while property references are among the most frequent operations: a type declared in one file
            // is searched for them at its end, only then. A type declared in several files has no semantic model at its end
            // for the other files: its property references are looked at as they are analyzed.
            var oneTree = DeclaredInOneTree(type);
            if (!oneTree)
            {
                context.RegisterOperationAction(c => OnPropertyReference(c, types, state), OperationKind.PropertyReference);
            }

            context.RegisterSymbolEndAction(c => OnTypeEnd(c, types, state, signals, oneTree));
        }

        private static bool DeclaredInOneTree(INamedTypeSymbol type)
        {
            var references = type.DeclaringSyntaxReferences;
            for (var i = 1; i < references.Length; i++)
            {
                if (references[i].SyntaxTree != references[0].SyntaxTree)
                {
                    return false;
                }
            }

            return references.Length > 0;
        }

        // ------------------------------------------------------------------ collection

        private static void OnInvocation(OperationAnalysisContext context, RotationTypes types, TypeState state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.IsStatic)
            {
                // The member name first (a string compare), the containing type only for the names that matter.
                if (IsFileCallName(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.File))
                    {
                        ClassifyFileCall(invocation, method.Name, types, state, context.ContainingSymbol);
                    }
                }
                else if (types.IsPerInstanceMarker(invocation))
                {
                    state.AddPerProcessMarker(invocation);
                }

                return;
            }

            // Instance calls are most of a program's calls: the member name first (a string compare), types after.
            switch (method.Name)
            {
                case "MoveTo":
                case "Replace":
                case "Delete":
                case "AppendText":
                case "Open":
                    if (types.FileInfo is not null && TypeSymbols.InheritsFromOrEquals(invocation.Instance?.Type ?? method.ContainingType, types.FileInfo))
                    {
                        ClassifyFileInfoCall(invocation, method.Name, types, state, context.ContainingSymbol);
                    }

                    return;
                case "WaitOne":
                    if (IsSystemThreadingType(invocation.Instance?.Type ?? method.ContainingType, "Mutex"))
                    {
                        state.MarkMutex();
                    }

                    return;
            }
        }

        /// <summary>The <c>System.IO.File</c> members <see cref="ClassifyFileCall"/> looks at.</summary>
        private static bool IsFileCallName(string name) => name switch
        {
            "Move" or "Replace" or "Delete" or "Open" or "AppendText" => true,
            "AppendAllText" or "AppendAllTextAsync" or "AppendAllLines" or "AppendAllLinesAsync" or "AppendAllBytes" or "AppendAllBytesAsync" => true,
            _ => false,
        };

        private static void ClassifyFileCall(IInvocationOperation invocation, string name, RotationTypes types, TypeState state, ISymbol? member)
        {
            switch (name)
            {
                case "Move":
                    AddRotation(invocation, "File.Move", state, Argument(invocation, "sourceFileName", 0));
                    return;
                case "Replace":
                    AddRotation(invocation, "File.Replace", state, Argument(invocation, "sourceFileName", 0), Argument(invocation, "destinationFileName", 1));
                    return;
                case "Delete":
                    if (IsRotationContext(invocation, member))
                    {
                        AddRotation(invocation, "File.Delete", state, Argument(invocation, "path", 0));
                    }

                    return;
                case "AppendAllText":
                case "AppendAllTextAsync":
                case "AppendAllLines":
                case "AppendAllLinesAsync":
                case "AppendAllBytes":
                case "AppendAllBytesAsync":
                case "AppendText":
                    AddWrite(invocation, "File." + name, state, Argument(invocation, "path", 0));
                    return;
                case "Open":
                    if (OpensForAppending(invocation.Arguments, types))
                    {
                        AddWrite(invocation, "File.Open", state, Argument(invocation, "path", 0));
                    }

                    return;
            }
        }

        private static void ClassifyFileInfoCall(IInvocationOperation invocation, string name, RotationTypes types, TypeState state, ISymbol? member)
        {
            var receiver = invocation.Instance;
            switch (name)
            {
                case "MoveTo":
                    AddRotation(invocation, "FileInfo.MoveTo", state, receiver);
                    return;
                case "Replace":
                    AddRotation(invocation, "FileInfo.Replace", state, receiver, Argument(invocation, "destinationFileName", 0));
                    return;
                case "Delete":
                    if (IsRotationContext(invocation, member))
                    {
                        AddRotation(invocation, "FileInfo.Delete", state, receiver);
                    }

                    return;
                case "AppendText":
                    AddWrite(invocation, "FileInfo.AppendText", state, receiver);
                    return;
                case "Open":
                    if (OpensForAppending(invocation.Arguments, types))
                    {
                        AddWrite(invocation, "FileInfo.Open", state, receiver);
                    }

                    return;
            }
        }

        private static void OnCreation(OperationAnalysisContext context, RotationTypes types, TypeState state)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type is null || creation.Arguments.IsEmpty)
            {
                return;
            }

            var first = creation.Arguments[0].Value;
            if (first.Type?.SpecialType != SpecialType.System_String)
            {
                return;
            }

            if (TypeSymbols.InheritsFromOrEquals(type, types.StreamWriter))
            {
                foreach (var argument in creation.Arguments)
                {
                    // append: true, or a value that may be true (a parameter, `append ? … : …`): Open(append: true) then
                    // rotate and Open(append: false) is still a writer that appends to the file it renames.
                    if (argument.Parameter?.Name == "append" &&
                        OperationFacts.UnwrapConversions(argument.Value).ConstantValue is not { HasValue: true, Value: false })
                    {
                        AddWrite(creation, "new " + type.Name, state, first);
                        return;
                    }
                }
            }
            else if (TypeSymbols.InheritsFromOrEquals(type, types.FileStream) && OpensForAppending(creation.Arguments, types))
            {
                AddWrite(creation, "new " + type.Name, state, first);
            }
        }

        /// <summary>Environment.ProcessId, Environment.MachineName, Process.Id: the path they build is per process or host.</summary>
        private static void OnPropertyReference(OperationAnalysisContext context, RotationTypes types, TypeState state)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (IsPerProcessProperty(reference.Property, types))
            {
                state.AddPerProcessMarker(reference);
            }
        }

        /// <summary>The names of the per-process properties (the symbol check is <see cref="IsPerProcessProperty"/>).</summary>
        private static bool IsPerProcessPropertyName(string name) => name is "ProcessId" or "MachineName" or "Id";

        private static bool IsPerProcessProperty(IPropertySymbol property, RotationTypes types)
        {
            if (!IsPerProcessPropertyName(property.Name))
            {
                return false;
            }

            var containing = property.ContainingType;
            return SymbolEqualityComparer.Default.Equals(containing, types.Environment) ||
                   (property.Name == "Id" && TypeSymbols.InheritsFromOrEquals(containing, types.Process));
        }

        /// <summary>
        /// The per-process property references of a type declared in one file, found at its end: the names in its
        /// declarations (nested types excluded: their operations belong to their own type), bound by the semantic model
        /// of the type's own operations. The same references <see cref="OnPropertyReference"/> would have been given.
        /// </summary>
        private static void AddPerProcessProperties(INamedTypeSymbol type, SemanticModel model, RotationTypes types, List<IOperation> markers, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var declaration = reference.GetSyntax(cancellationToken);
                foreach (var node in declaration.DescendantNodes(n => n == declaration || n is not BaseTypeDeclarationSyntax))
                {
                    if (node is not IdentifierNameSyntax name || !IsPerProcessPropertyName(name.Identifier.ValueText))
                    {
                        continue;
                    }

                    // Environment.ProcessId and process?.Id are bound as the member access; ProcessId (using static) alone.
                    SyntaxNode expression = name.Parent switch
                    {
                        MemberAccessExpressionSyntax access when access.Name == name => access,
                        MemberBindingExpressionSyntax binding => binding,
                        _ => name,
                    };
                    if (model.GetOperation(expression, cancellationToken) is IPropertyReferenceOperation property &&
                        IsPerProcessProperty(property.Property, types))
                    {
                        markers.Add(property);
                    }
                }
            }
        }

        /// <summary>
        /// A rotation of a method's parameter (<c>Roll(string file) { File.Move(file, file + ".1"); }</c>) rotates what the
        /// type's calls of that method give it (<c>Roll(path)</c> before <c>File.AppendAllText(path, …)</c>, or a field): each
        /// argument's key is added to the rotation's (real-world round 23, XRoadFolk's <c>FileBackedLogWriter</c>). One level:
        /// the calls in the type's declaration, its nested types' included (a path they give it is rotated all the same;
        /// only a path the type appends to pairs), read only for a type that both rotates and writes, and in a partial type
        /// only in its files that hold a rotation or a write (one of <paramref name="models"/>).
        /// </summary>
        private static void AddPathsGivenToHelpers(INamedTypeSymbol type, List<SemanticModel> models, List<FileUse> rotations, CancellationToken cancellationToken)
        {
            List<(FileUse Rotation, IParameterSymbol Parameter)>? wanted = null;
            foreach (var rotation in rotations)
            {
                foreach (var key in rotation.Keys)
                {
                    if (key.Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter &&
                        SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
                    {
                        (wanted ??= new List<(FileUse, IParameterSymbol)>()).Add((rotation, parameter));
                    }
                }
            }

            if (wanted is null)
            {
                return;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var model = models.Find(known => known.SyntaxTree == reference.SyntaxTree);
                if (model is null)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || OperationFacts.CalledName(invocation) is not { } name ||
                        !wanted.Exists(w => w.Parameter.ContainingSymbol.Name == name.Identifier.ValueText) ||
                        model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    foreach (var (rotation, parameter) in wanted)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, parameter.ContainingSymbol.OriginalDefinition))
                        {
                            continue;
                        }

                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter is { } given && given.Ordinal == parameter.Ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
                            {
                                PathKey.AddEveryArm(argument.Value, rotation.Keys);
                            }
                        }
                    }
                }
            }
        }

        private static IOperation? Argument(IInvocationOperation invocation, string parameterName, int fallbackIndex)
            => OperationFacts.ArgumentFor(invocation.Arguments, parameterName) ??
               (fallbackIndex < invocation.Arguments.Length ? invocation.Arguments[fallbackIndex].Value : null);

        private static void AddRotation(IOperation operation, string display, TypeState state, IOperation? path, IOperation? otherPath = null)
        {
            var keys = new List<PathKey>(2);
            PathKey.AddEveryArm(path, keys);
            PathKey.AddEveryArm(otherPath, keys);
            if (keys.Count == 0)
            {
                return;
            }

            var rotation = new FileUse(operation.Syntax.GetLocation(), display, keys);
            state.AddRotation(rotation, operation.SemanticModel);
        }

        private static void AddWrite(IOperation operation, string display, TypeState state, IOperation? path)
        {
            if (PathKey.From(path) is { } key)
            {
                state.AddWrite(new FileUse(operation.Syntax.GetLocation(), display, new List<PathKey>(1) { key }), operation.SemanticModel);
            }
        }

        /// <summary>FileMode.Append, or FileMode.OpenOrCreate without read-only access.</summary>
        private static bool OpensForAppending(ImmutableArray<IArgumentOperation> arguments, RotationTypes types)
        {
            var appends = false;
            var reuses = false;
            int? access = null;
            foreach (var argument in arguments)
            {
                var value = OperationFacts.UnwrapConversions(argument.Value);
                if (value.Type is null)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(value.Type, types.FileMode))
                {
                    // A constant, or either branch of `append ? FileMode.Append : FileMode.Create`.
                    appends |= MayBe(value, 6);
                    reuses |= MayBe(value, 4);
                }
                else if (SymbolEqualityComparer.Default.Equals(value.Type, types.FileAccess) && value.ConstantValue is { HasValue: true, Value: int constant })
                {
                    access = constant;
                }
            }

            // Append = 6, OpenOrCreate = 4; FileAccess.Read = 1.
            return appends || (reuses && access != 1);

            static bool MayBe(IOperation value, int mode) => value switch
            {
                { ConstantValue: { HasValue: true, Value: int constant } } => constant == mode,
                IConditionalOperation { WhenFalse: { } whenFalse } conditional =>
                    MayBe(OperationFacts.UnwrapConversions(conditional.WhenTrue), mode) || MayBe(OperationFacts.UnwrapConversions(whenFalse), mode),
                _ => false,
            };
        }

        /// <summary>
        /// A delete rotates when it is guarded by a size or age check (<c>Length</c>, <c>LastWriteTime</c>, <c>CreationTime</c>)
        /// or sits in a method named for rotation (Rotate, Roll, Archive, Cycle); otherwise it is a reset or a cleanup.
        /// </summary>
        /// <param name="operation">The delete.</param>
        /// <param name="containingMember">The member whose body holds it (the analysis context's <c>ContainingSymbol</c>).</param>
        private static bool IsRotationContext(IOperation operation, ISymbol? containingMember)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalOperation conditional && conditional.Condition is { } condition &&
                    !OperationFacts.IsExecutedWithin(operation, condition) && MentionsSizeOrAge(condition))
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }
            }

            var member = containingMember ?? operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
            while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                member = member.ContainingSymbol;
            }

            return member is not null && HasRotationWord(member.Name);
        }

        /// <param name="condition">The condition, or a local's initializer it reads.</param>
        /// <param name="followLocals">Follow a local the condition reads to its initializer (once: <c>var size = new
        /// FileInfo(path).Length; if (size &gt; limit)</c>, real-world round 17, WalletWasabi's logger).</param>
        private static bool MentionsSizeOrAge(IOperation condition, bool followLocals = true)
        {
            foreach (var operation in OperationFacts.DescendantsAndSelf(condition))
            {
                switch (operation)
                {
                    case ILocalReferenceOperation when followLocals:
                        if (OperationFacts.InitializerOfUnchangedLocal(operation, CancellationToken.None) is { } initializer &&
                            MentionsSizeOrAge(initializer, followLocals: false))
                        {
                            return true;
                        }

                        break;
                    case IPropertyReferenceOperation { Property.Name: "Length" } length:
                        // A file's or a stream's size, or the length of the file's contents read whole
                        // (File.ReadAllText(path).Length, File.ReadAllLines(path).Length); not a string's or a collection's
                        // otherwise (lines.Length: a count, not a size).
                        if (IsFileOrStreamLength(length.Property) || IsReadWhole(length.Instance))
                        {
                            return true;
                        }

                        break;
                    case IPropertyReferenceOperation property when property.Property.Name is "LastWriteTime" or "LastWriteTimeUtc" or "CreationTime" or "CreationTimeUtc":
                        return true;
                    case IInvocationOperation invocation when invocation.TargetMethod.Name.StartsWith("GetLastWriteTime", StringComparison.Ordinal) ||
                                                               invocation.TargetMethod.Name.StartsWith("GetCreationTime", StringComparison.Ordinal):
                        return true;
                }
            }

            return false;
        }

        /// <summary>A file's contents read whole (<c>File.ReadAllText/ReadAllLines/ReadAllBytes</c>), directly or through a
        /// local that nothing writes again.</summary>
        private static bool IsReadWhole(IOperation? instance)
        {
            var value = instance is null ? null : OperationFacts.UnwrapConversions(instance);
            if (value is ILocalReferenceOperation && OperationFacts.InitializerOfUnchangedLocal(value, CancellationToken.None) is { } initializer)
            {
                value = OperationFacts.UnwrapConversions(initializer);
            }

            return value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "ReadAllText" or "ReadAllLines" or "ReadAllBytes", ContainingType: { Name: "File" } file } } &&
                   file.ContainingNamespace?.ToDisplayString() == "System.IO";
        }

        private static bool IsFileOrStreamLength(IPropertySymbol length)
        {
            for (var type = length.ContainingType; type is not null; type = type.BaseType)
            {
                if (type.Name is "FileInfo" or "Stream" && type.ContainingNamespace?.ToDisplayString() == "System.IO")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasRotationWord(string name)
            => name.IndexOf("Rotat", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("Roll", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("Archiv", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("Cycle", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsSystemThreadingType(ITypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == name && current.ContainingNamespace?.ToDisplayString() == "System.Threading")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The paths a per-process or per-instance value flows into: the assigned member or local, or the argument.</summary>
        private static List<PathKey> MarkedKeys(IOperation marker)
        {
            var keys = new List<PathKey>(2);
            for (var current = marker.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAssignmentOperation assignment:
                        AddKey(keys, assignment.Target);
                        AddKey(keys, assignment.Value);
                        return keys;
                    case ISymbolInitializerOperation initializer:
                        AddKey(keys, initializer.Value);
                        if (initializer is IFieldInitializerOperation fieldInitializer)
                        {
                            foreach (var field in fieldInitializer.InitializedFields)
                            {
                                keys.Add(new PathKey(field.OriginalDefinition, null));
                            }
                        }
                        else if (initializer is IPropertyInitializerOperation propertyInitializer)
                        {
                            foreach (var property in propertyInitializer.InitializedProperties)
                            {
                                keys.Add(new PathKey(property.OriginalDefinition, null));
                            }
                        }
                        else if (initializer.Parent is IVariableDeclaratorOperation declarator)
                        {
                            keys.Add(new PathKey(declarator.Symbol, null));
                        }

                        return keys;
                    case IArgumentOperation argument:
                        AddKey(keys, argument.Value);
                        break;
                    case IReturnOperation returned when returned.ReturnedValue is { } value:
                        // string LogPath => $"app-{Environment.ProcessId}.log";
                        AddKey(keys, value);
                        var member = marker.SemanticModel?.GetEnclosingSymbol(marker.Syntax.SpanStart);
                        if (member is IMethodSymbol { AssociatedSymbol: IPropertySymbol returnedProperty })
                        {
                            keys.Add(new PathKey(returnedProperty.OriginalDefinition, null));
                        }

                        return keys;
                    case IBlockOperation:
                    case IExpressionStatementOperation:
                    case IAnonymousFunctionOperation:
                        return keys;
                }
            }

            return keys;
        }

        private static void AddKey(List<PathKey> keys, IOperation? operation)
        {
            if (PathKey.From(operation) is { } key)
            {
                keys.Add(key);
            }
        }

        // ------------------------------------------------------------------ reporting

        private static void OnTypeEnd(SymbolAnalysisContext context, RotationTypes types, TypeState state, HostSignals signals, bool oneTree)
        {
            // Most types neither rotate nor write a file: nothing is copied for them.
            if (state.UsesMutex || state.Snapshot() is not { } snapshot)
            {
                return;
            }

            var (rotations, writes, markers, models) = snapshot;
            if (oneTree && models.Count > 0)
            {
                AddPerProcessProperties((INamedTypeSymbol)context.Symbol, models[0], types, markers, context.CancellationToken);
            }

            // Also in a partial type (a [LoggerMessage] method's generated part: round 23's XRoadFolk, found by the re-run): the
            // calls in each file of the type that holds one of its rotations or writes (the same files whatever the order).
            AddPathsGivenToHelpers((INamedTypeSymbol)context.Symbol, models, rotations, context.CancellationToken);

            // The paths the per-process values flow into, only for a type that rotates and writes (most types have
            // markers, a Guid or a process id, and nothing to pair them with).
            var perProcess = new List<PathKey>();
            foreach (var marker in markers)
            {
                perProcess.AddRange(MarkedKeys(marker));
            }

            foreach (var rotation in rotations)
            {
                var write = FindPairedWrite(rotation, writes, perProcess);
                if (write is null)
                {
                    continue;
                }

                var host = HostModel.Resolve(context.Options, rotation.Location.SourceTree, signals);
                if (!host.IsMultiProcess)
                {
                    continue;
                }

                context.ReportUnlessGenerated(Diagnostic.Create(Rule, rotation.Location, rotation.Display, write.Display, host.Reason));
            }
        }

        private static FileUse? FindPairedWrite(FileUse rotation, List<FileUse> writes, List<PathKey> perProcess)
        {
            FileUse? best = null;
            foreach (var write in writes)
            {
                var key = write.Keys[0];
                if (!rotation.Keys.Contains(key) || perProcess.Contains(key))
                {
                    continue;
                }

                if (best is null || Compare(write.Location, best.Location) < 0)
                {
                    best = write;
                }
            }

            return best;
        }

        private static int Compare(Location a, Location b)
        {
            var byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath != 0 ? byPath : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }

        // ------------------------------------------------------------------ state

        private sealed class FileUse
        {
            public FileUse(Location location, string display, List<PathKey> keys)
            {
                Location = location;
                Display = display;
                Keys = keys;
            }

            public Location Location { get; }
            public string Display { get; }

            /// <summary>The files it may name: one for a write; for a rotation, its source and destination, each arm of a <c>?:</c>.</summary>
            public List<PathKey> Keys { get; }
        }

        /// <summary>What the operations of one type did; filled concurrently, read once at the type's end.</summary>
        private sealed class TypeState
        {
            private readonly object _gate = new object();
            private List<FileUse>? _rotations;
            private List<FileUse>? _writes;
            private List<IOperation>? _perProcessMarkers;
            private int _usesMutex;
            private List<SemanticModel>? _models;

            /// <summary>The type waits on a System.Threading.Mutex: a named mutex coordinates the processes of one host.</summary>
            public bool UsesMutex => System.Threading.Volatile.Read(ref _usesMutex) != 0;

            public void MarkMutex() => System.Threading.Interlocked.Exchange(ref _usesMutex, 1);

            /// <param name="use">The rotation.</param>
            /// <param name="model">The semantic model of its operation, kept (one per file) to read the type at its end.</param>
            public void AddRotation(FileUse use, SemanticModel? model)
            {
                lock (_gate)
                {
                    (_rotations ??= new List<FileUse>()).Add(use);
                    Remember(model);
                }
            }

            /// <param name="use">The write.</param>
            /// <param name="model">The semantic model of its operation, kept (one per file) to read the type at its end.</param>
            public void AddWrite(FileUse use, SemanticModel? model)
            {
                lock (_gate)
                {
                    (_writes ??= new List<FileUse>()).Add(use);
                    Remember(model);
                }
            }

            /// <summary>Keeps one model per file: a partial type's rotations and writes come from several files, in whatever
            /// order the driver runs them.</summary>
            private void Remember(SemanticModel? model)
            {
                if (model is null)
                {
                    return;
                }

                _models ??= new List<SemanticModel>(1);
                if (!_models.Exists(known => known.SyntaxTree == model.SyntaxTree))
                {
                    _models.Add(model);
                }
            }

            /// <summary>A value unique to the process or instance (a process id, a Guid): its paths are found at the type's end.</summary>
            public void AddPerProcessMarker(IOperation marker)
            {
                lock (_gate)
                {
                    (_perProcessMarkers ??= new List<IOperation>()).Add(marker);
                }
            }

            /// <summary>Copies of what was collected, or null when the type does not both rotate and write.</summary>
            public (List<FileUse> Rotations, List<FileUse> Writes, List<IOperation> PerProcessMarkers, List<SemanticModel> Models)? Snapshot()
            {
                lock (_gate)
                {
                    if (_rotations is null || _writes is null)
                    {
                        return null;
                    }

                    return (
                        new List<FileUse>(_rotations),
                        new List<FileUse>(_writes),
                        _perProcessMarkers is null ? new List<IOperation>() : new List<IOperation>(_perProcessMarkers),
                        _models is null ? new List<SemanticModel>() : new List<SemanticModel>(_models));
                }
            }
        }

        /// <summary>Which file a path expression names, as far as the analyzer can tell without data flow.</summary>
        private readonly struct PathKey : IEquatable<PathKey>
        {
            public PathKey(ISymbol? symbol, string? text)
            {
                Symbol = symbol;
                Text = text;
            }

            public ISymbol? Symbol { get; }

            public string? Text { get; }

            public static PathKey? From(IOperation? operation) => From(operation, 0);

            /// <summary>
            /// The keys of a path that may be either of two (<c>i == 1 ? _path : _path + "." + (i - 1)</c>, directly or as a
            /// local's initializer: real-world round 23, a numbered shift whose last step moves the active file): each arm's,
            /// and the local's own.
            /// </summary>
            public static void AddEveryArm(IOperation? operation, List<PathKey> keys, int depth = 0)
            {
                if (operation is null || depth > 3)
                {
                    return;
                }

                var value = OperationFacts.UnwrapConversions(operation);
                if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
                {
                    AddEveryArm(conditional.WhenTrue, keys, depth + 1);
                    AddEveryArm(whenFalse, keys, depth + 1);
                    return;
                }

                if (value is ILocalReferenceOperation local &&
                    OperationFacts.GetVisibleInitializer(local) is { } initializer &&
                    OperationFacts.UnwrapConversions(initializer) is IConditionalOperation)
                {
                    AddEveryArm(initializer, keys, depth + 1);
                }

                if (From(value) is { } key && !keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            private static PathKey? From(IOperation? operation, int depth)
            {
                if (operation is null || depth > 3)
                {
                    return null;
                }

                var value = OperationFacts.UnwrapConversions(operation);
                if (value.ConstantValue is { HasValue: true, Value: string constant })
                {
                    return new PathKey(null, "\"" + constant + "\"");
                }

                switch (value)
                {
                    case IFieldReferenceOperation field:
                        return new PathKey(field.Field.OriginalDefinition, null);
                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                        return new PathKey(property.Property.OriginalDefinition, null);
                    case IParameterReferenceOperation parameter:
                        return new PathKey(parameter.Parameter, null);
                    case ILocalReferenceOperation local:
                        var initializer = OperationFacts.GetVisibleInitializer(local);
                        return (initializer is null ? null : From(initializer, depth + 1)) ?? new PathKey(local.Local, null);
                    case IObjectCreationOperation creation when creation.Type is { Name: "FileInfo" } fileInfo &&
                                                                fileInfo.ContainingNamespace?.ToDisplayString() == "System.IO" &&
                                                                creation.Arguments.Length == 1:
                        return From(creation.Arguments[0].Value, depth + 1);
                    case IInvocationOperation:
                    case IInterpolatedStringOperation:
                    case IBinaryOperation:
                        return MemberOnlyExpression(value);
                    default:
                        return null;
                }
            }

            /// <summary><c>Path.Combine(_dir, "app.log")</c>: the same text names the same file when it reads only members and constants.</summary>
            private static PathKey? MemberOnlyExpression(IOperation value)
            {
                foreach (var descendant in OperationFacts.Descendants(value))
                {
                    if (descendant is ILocalReferenceOperation or IParameterReferenceOperation)
                    {
                        return null;
                    }
                }

                var syntax = value.Syntax.ToString();
                var builder = new System.Text.StringBuilder(syntax.Length);
                foreach (var c in syntax)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        builder.Append(c);
                    }
                }

                return new PathKey(null, builder.ToString());
            }

            public bool Equals(PathKey other)
                => Symbol is not null
                    ? SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
                    : other.Symbol is null && string.Equals(Text, other.Text, StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is PathKey other && Equals(other);

            public override int GetHashCode() => Symbol is not null ? SymbolEqualityComparer.Default.GetHashCode(Symbol) : (Text?.GetHashCode() ?? 0);
        }

        /// <summary>The types PM1002 needs, resolved once per compilation.</summary>
        private sealed class RotationTypes
        {
            private RotationTypes(Compilation compilation, INamedTypeSymbol file)
            {
                File = file;
                FileInfo = TypeLookup.Get(compilation, "System.IO.FileInfo");
                FileMode = TypeLookup.Get(compilation, "System.IO.FileMode");
                FileAccess = TypeLookup.Get(compilation, "System.IO.FileAccess");
                FileStream = TypeLookup.Get(compilation, "System.IO.FileStream");
                StreamWriter = TypeLookup.Get(compilation, "System.IO.StreamWriter");
                Path = TypeLookup.Get(compilation, "System.IO.Path");
                Guid = TypeLookup.Get(compilation, "System.Guid");
                Environment = TypeLookup.Get(compilation, "System.Environment");
                Process = TypeLookup.Get(compilation, "System.Diagnostics.Process");
            }

            public INamedTypeSymbol File { get; }
            public INamedTypeSymbol? FileInfo { get; }
            public INamedTypeSymbol? FileMode { get; }
            public INamedTypeSymbol? FileAccess { get; }
            public INamedTypeSymbol? FileStream { get; }
            public INamedTypeSymbol? StreamWriter { get; }
            public INamedTypeSymbol? Path { get; }
            public INamedTypeSymbol? Guid { get; }
            public INamedTypeSymbol? Environment { get; }
            public INamedTypeSymbol? Process { get; }

            public static RotationTypes? Create(Compilation compilation)
            {
                var file = TypeLookup.Get(compilation, "System.IO.File");
                return file is null ? null : new RotationTypes(compilation, file);
            }

            /// <summary>
            /// Values that make a path unique to a process, host or instance: Path.GetTempFileName/GetRandomFileName,
            /// Guid.NewGuid, and instance ids read from the environment (WEBSITE_INSTANCE_ID, HOSTNAME, COMPUTERNAME).
            /// </summary>
            public bool IsPerInstanceMarker(IInvocationOperation invocation)
            {
                // The name first: the containing type is asked for only when the name is one of ours.
                var method = invocation.TargetMethod;
                switch (method.Name)
                {
                    case "GetTempFileName":
                    case "GetRandomFileName":
                        return SymbolEqualityComparer.Default.Equals(method.ContainingType, Path);
                    case "NewGuid":
                        return SymbolEqualityComparer.Default.Equals(method.ContainingType, Guid);
                    case "GetEnvironmentVariable":
                        return SymbolEqualityComparer.Default.Equals(method.ContainingType, Environment) &&
                               invocation.Arguments.Length > 0 &&
                               OperationFacts.UnwrapConversions(invocation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string name } &&
                               (string.Equals(name, "WEBSITE_INSTANCE_ID", StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(name, "HOSTNAME", StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(name, "COMPUTERNAME", StringComparison.OrdinalIgnoreCase));
                    default:
                        return false;
                }
            }
        }
    }
}
