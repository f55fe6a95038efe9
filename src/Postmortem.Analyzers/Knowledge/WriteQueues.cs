using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// In-process queues whose non-blocking write can refuse an item (PM3003): <c>ChannelWriter&lt;T&gt;.TryWrite</c> and
    /// <c>BlockingCollection&lt;T&gt;.TryAdd</c>, and what the analyzer can prove about a queue being unbounded.
    /// Types are resolved once per compilation by metadata name.
    /// </summary>
    internal sealed class WriteQueues
    {
        public const string TryWriteName = "TryWrite";
        public const string TryAddName = "TryAdd";

        private const int MaxDepth = 6;

        /// <summary>The answer for a field or auto-property without an initializer (every assignment in its type read), per
        /// question and depth (so an answer never depends on which call asked first), kept for this compilation: every
        /// call on one queue field of a type asks the same. Made when first needed.</summary>
        private readonly ConcurrentDictionary<ISymbol, bool>?[] _assignedMembers = new ConcurrentDictionary<ISymbol, bool>?[QuestionCount * (MaxDepth + 1)];

        /// <summary>How many questions (<see cref="Origin"/> values) a queue's creation is asked.</summary>
        private static readonly int QuestionCount = System.Enum.GetValues(typeof(Origin)).Length;

        private WriteQueues(Compilation compilation)
        {
            ChannelWriter = TypeLookup.Get(compilation, "System.Threading.Channels.ChannelWriter`1");
            Channel = TypeLookup.Get(compilation, "System.Threading.Channels.Channel");
            ChannelOfTWriteTRead = TypeLookup.Get(compilation, "System.Threading.Channels.Channel`2");
            BlockingCollection = TypeLookup.Get(compilation, "System.Collections.Concurrent.BlockingCollection`1");
        }

        public INamedTypeSymbol? ChannelWriter { get; }

        public INamedTypeSymbol? Channel { get; }

        public INamedTypeSymbol? ChannelOfTWriteTRead { get; }

        public INamedTypeSymbol? BlockingCollection { get; }

        public bool IsEmpty => ChannelWriter is null && BlockingCollection is null;

        public static WriteQueues Create(Compilation compilation) => new WriteQueues(compilation);

        public static bool IsCandidateName(string name) => name is TryWriteName or TryAddName;

        /// <summary>"ChannelWriter.TryWrite" or "BlockingCollection.TryAdd" when the invocation is one; otherwise null.</summary>
        public string? GetRefusableWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || method.ReturnType.SpecialType != SpecialType.System_Boolean || invocation.Instance is not { } instance)
            {
                return null;
            }

            var receiverType = instance.Type ?? method.ContainingType;
            if (method.Name == TryWriteName && TypeSymbols.InheritsFromOrEquals(receiverType, ChannelWriter))
            {
                return "ChannelWriter.TryWrite";
            }

            if (method.Name == TryAddName && TypeSymbols.InheritsFromOrEquals(receiverType, BlockingCollection))
            {
                return "BlockingCollection.TryAdd";
            }

            return null;
        }

        /// <summary>
        /// <c>TryAdd(item, Timeout.Infinite)</c>, <c>TryAdd(item, -1, token)</c>, <c>TryAdd(item, Timeout.InfiniteTimeSpan)</c>: with
        /// an infinite timeout <c>BlockingCollection&lt;T&gt;.TryAdd</c> waits for room and never returns false (a completed
        /// collection throws, a cancelled token throws). Real-world round 13 (Ryujinx's log target) had it reported.
        /// </summary>
        public static bool WaitsForever(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != TryAddName)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { Ordinal: 1 })
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                return value.ConstantValue is { HasValue: true, Value: -1 } ||
                       value is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan", ContainingType: { Name: "Timeout" } timeout } } &&
                       timeout.ToDisplayString() == "System.Threading.Timeout" ||
                       IsInfiniteFromMilliseconds(value);
            }

            return false;
        }

        /// <summary><c>TimeSpan.FromMilliseconds(-1)</c>: the infinite wait written as a TimeSpan (with .NET 9's overload,
        /// a microseconds argument of 0).</summary>
        private static bool IsInfiniteFromMilliseconds(IOperation value)
        {
            if (value is not IInvocationOperation { TargetMethod: { Name: "FromMilliseconds", IsStatic: true, ContainingType: { } type } } call ||
                call.Arguments.Length == 0 || type.ToDisplayString() != "System.TimeSpan")
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                var expected = argument.Parameter?.Ordinal == 0 ? -1.0 : 0.0;
                if (argument.Value.ConstantValue is not { HasValue: true, Value: { } constant } ||
                    !(constant is int or long or double) || System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) != expected)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Is the queue behind this receiver provably unbounded: created by <c>Channel.CreateUnbounded</c> (or
        /// <c>new BlockingCollection&lt;T&gt;()</c> without a capacity, or <c>[]</c>), or a Drop* channel whose every drop goes to an
        /// <c>itemDropped</c> callback (<see cref="CountsEveryDrop"/>), in an initializer the analyzer can see: a local's
        /// declaration, a field's or auto-property's initializer, or every assignment of one with no initializer in its type
        /// (declared in this file only; see <see cref="AllAssignmentsAre"/>). <c>channel.Writer</c> is followed to the channel, a
        /// property whose getter only returns to what it returns.
        /// </summary>
        public bool IsProvablyUnbounded(IOperation? receiver, SemanticModel? model) => Is(Origin.Unbounded, receiver, model, 0);

        /// <summary>
        /// Is the channel behind this receiver created, where the analyzer can see it (as <see cref="IsProvablyUnbounded"/>), in a
        /// Drop* mode (<c>FullMode = BoundedChannelFullMode.DropOldest</c>…)? It never refuses a write: <c>TryWrite</c> returns
        /// true and <c>WriteAsync</c> never waits, and an item is dropped either way, so checking or awaiting changes nothing.
        /// </summary>
        public bool IsProvablyDropping(IOperation? receiver, SemanticModel? model) => Is(Origin.Dropping, receiver, model, 0);

        /// <summary>
        /// Is the channel behind this receiver created, where the analyzer can see it, in a Drop* mode without an
        /// <c>itemDropped</c> callback? Then no drop is seen anywhere: <c>TryWrite</c> returns true when it drops an item to make
        /// room, so <c>if (!writer.TryWrite(item))</c> runs only once the channel is completed, never for a drop (real-world round 19: a file logger's queue in <c>DropWrite</c> mode,
        /// whose drop report never fired while its repro lost 990 of 1,000 entries).
        /// </summary>
        public bool IsProvablyDroppingUnseen(IOperation? receiver, SemanticModel? model) => Is(Origin.DroppingUnseen, receiver, model, 0);

        /// <summary>What is asked of a queue's creation.</summary>
        private enum Origin
        {
            Unbounded,
            Dropping,
            DroppingUnseen,
        }

        private bool Is(Origin question, IOperation? expression, SemanticModel? model, int depth)
        {
            if (expression is null || depth > MaxDepth)
            {
                return false;
            }

            var value = OperationFacts.UnwrapConversions(expression);
            switch (value)
            {
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.IsStatic &&
                           SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, Channel) &&
                           question switch
                           {
                               Origin.Unbounded => invocation.TargetMethod.Name.StartsWith("CreateUnbounded", System.StringComparison.Ordinal) || CountsEveryDrop(invocation),
                               Origin.Dropping => invocation.TargetMethod.Name == "CreateBounded" && SetsDropMode(OptionsOf(invocation)),
                               _ => invocation.TargetMethod.Name == "CreateBounded" && SetsDropMode(OptionsOf(invocation)) && !HasDropCallback(invocation),
                           };

                case IObjectCreationOperation creation:
                    return question == Origin.Unbounded && IsUnboundedBlockingCollection(creation);

                case var _ when OperationFacts.IsCollectionExpression(value):
                    // `BlockingCollection<T> q = [];` (C# 12): made by the parameterless constructor, unbounded as `new()`
                    // is, its items added one by one. Not a derived type, whose parameterless constructor may bound it.
                    return question == Origin.Unbounded &&
                           SymbolEqualityComparer.Default.Equals(value.Type?.OriginalDefinition, BlockingCollection);

                case IPropertyReferenceOperation { Property.Name: "Writer" } writer when
                    TypeSymbols.InheritsFromOrEquals(writer.Property.ContainingType, ChannelOfTWriteTRead):
                    return Is(question, writer.Instance, model, depth + 1);

                case ILocalReferenceOperation:
                    return Is(question, OperationFacts.GetVisibleInitializer(value), model, depth + 1);

                case IConditionalAccessInstanceOperation:
                    // _queue?.Writer.TryWrite(x), _queue?.TryAdd(x): the queue the ?. stands for.
                    return Is(question, OperationFacts.ConditionalReceiver(value), model, depth + 1);

                case IFieldReferenceOperation field:
                    return IsMember(question, field.Field, model, depth);

                case IPropertyReferenceOperation property:
                    return IsMember(question, property.Property, model, depth);

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>Channel.CreateBounded(new BoundedChannelOptions(n) { FullMode = BoundedChannelFullMode.Drop… }, itemDropped)</c>:
        /// a Drop* channel never refuses a write, and every item it drops is handed to the callback, so nothing is lost
        /// unseen. In <c>Wait</c> mode (the default, or a mode the analyzer cannot see) <c>TryWrite</c> returns false
        /// without calling back, so the callback proves nothing.
        /// </summary>
        private static bool CountsEveryDrop(IInvocationOperation creation)
        {
            if (creation.TargetMethod.Name != "CreateBounded")
            {
                return false;
            }

            return HasDropCallback(creation) && SetsDropMode(OptionsOf(creation));
        }

        /// <summary>An <c>itemDropped</c> argument that is not <c>null</c> or <c>default</c>.</summary>
        private static bool HasDropCallback(IInvocationOperation creation)
            => OperationFacts.ArgumentFor(creation.Arguments, "itemDropped") is { } callback &&
               OperationFacts.UnwrapConversions(callback) is var value &&
               !value.ConstantValue.HasValue && value is not IDefaultValueOperation;

        /// <summary>The options given to <c>Channel.CreateBounded</c>, through a local's initializer.</summary>
        private static IOperation? OptionsOf(IInvocationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "options")
                {
                    var value = OperationFacts.UnwrapConversions(argument.Value);
                    return value is ILocalReferenceOperation ? OperationFacts.GetVisibleInitializer(value) : value;
                }
            }

            return null;
        }

        /// <summary><c>new BoundedChannelOptions(n) { FullMode = BoundedChannelFullMode.DropWrite }</c> (any Drop* member).</summary>
        private static bool SetsDropMode(IOperation? options)
        {
            if (options is not null && OperationFacts.UnwrapConversions(options) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var initialization in initializer.Initializers)
                {
                    if (initialization is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FullMode" } } assignment &&
                        OperationFacts.UnwrapConversions(assignment.Value) is IFieldReferenceOperation { Field: { IsConst: true } mode } &&
                        mode.Name.StartsWith("Drop", System.StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsUnboundedBlockingCollection(IObjectCreationOperation creation)
        {
            if (!TypeSymbols.InheritsFromOrEquals(creation.Type, BlockingCollection) ||
                !SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType.OriginalDefinition, BlockingCollection))
            {
                return false;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "boundedCapacity")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A field or auto-property declared in this file: its initializer, or all its constructor assignments.</summary>
        private bool IsMember(Origin question, ISymbol member, SemanticModel? model, int depth)
        {
            if (model is null || member.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var reference = member.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var declaration = reference.GetSyntax();
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property when property.AccessorList is not null && IsAutoProperty(property) => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null)
            {
                return Is(question, model.GetOperation(initializer), model, depth + 1);
            }

            if (declaration is PropertyDeclarationSyntax property2 && !IsAutoProperty(property2))
            {
                // `ChannelWriter<T> Writer => _channel.Writer;` (a wrapper's usual form): the getter's one returned
                // expression, followed as the field's initializer is, when no derived type can replace the getter.
                return ReturnedByGetter(property2) is { } returned && !IsReplaceable(member) &&
                       Is(question, model.GetOperation(returned), model, depth + 1);
            }

            // No initializer: every assignment the type makes must create such a queue (AllAssignmentsAre). A log queue
            // created when logging starts (Technitium's LogManager, real-world round 17) is as visible as one created in a
            // constructor. The type is read once per field (and depth), not once per call on it.
            var slot = ((int)question * (MaxDepth + 1)) + depth;
            var answers = Volatile.Read(ref _assignedMembers[slot]);
            if (answers is null)
            {
                Interlocked.CompareExchange(ref _assignedMembers[slot], new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default), null);
                answers = Volatile.Read(ref _assignedMembers[slot])!;
            }

            if (!answers.TryGetValue(member, out var answer))
            {
                answer = answers.GetOrAdd(member, AllAssignmentsAre(question, member, model, depth));
            }

            return answer;
        }

        /// <summary>
        /// Every value the type gives the member makes such a queue (a <c>null</c> set on stop aside: it makes nothing
        /// bounded), one at least. In every member of the type when no code outside it can assign the member (a private
        /// field, an auto-property without a setter or with a private one); otherwise in its constructors only, as
        /// before the seventeenth round (code elsewhere is not read either way).
        /// </summary>
        private bool AllAssignmentsAre(Origin question, ISymbol member, SemanticModel model, int depth)
        {
            var values = OperationFacts.MemberAssignments(member, model, CancellationToken.None, inEveryMember: OnlyTheTypeAssigns(member));
            if (values is null)
            {
                return false;
            }

            var made = false;
            foreach (var value in values)
            {
                if (OperationFacts.UnwrapConversions(value) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
                {
                    continue;
                }

                if (!Is(question, value, model, depth + 1))
                {
                    return false;
                }

                made = true;
            }

            return made;
        }

        private static bool OnlyTheTypeAssigns(ISymbol member) => member switch
        {
            IFieldSymbol field => field.DeclaredAccessibility == Accessibility.Private,
            IPropertySymbol property => property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private,
            _ => false,
        };

        /// <summary>What the property's getter only returns: <c>=> x</c>, <c>get => x;</c> or <c>get { return x; }</c>.</summary>
        private static ExpressionSyntax? ReturnedByGetter(PropertyDeclarationSyntax property)
        {
            if (property.ExpressionBody is { } arrow)
            {
                return arrow.Expression;
            }

            if (property.AccessorList is null)
            {
                return null;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.Keyword.ValueText == "get")
                {
                    return accessor.ExpressionBody?.Expression ??
                           (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax @return ? @return.Expression : null);
                }
            }

            return null;
        }

        /// <summary>A member a call may not reach as declared: virtual, abstract, an override that is not sealed, an interface's.</summary>
        private static bool IsReplaceable(ISymbol member)
            => member.IsVirtual || member.IsAbstract ||
               member.IsOverride && !member.IsSealed && member.ContainingType is { IsSealed: false } ||
               member.ContainingType is { TypeKind: TypeKind.Interface };

        private static bool IsAutoProperty(PropertyDeclarationSyntax property)
        {
            if (property.AccessorList is null)
            {
                return false;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
