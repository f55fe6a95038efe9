using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>Small, allocation-light helpers over the operation tree.</summary>
    internal static class OperationFacts
    {
        /// <summary>The called name of an invocation's syntax: <c>Delete</c> in <c>File.Delete(p)</c>, <c>file?.Delete()</c> and
        /// <c>Delete(p)</c>; null for any other form (a delegate invoked through an expression).</summary>
        public static SimpleNameSyntax? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };

        /// <summary>The receiver of a <c>?.</c> call: for <c>file?.Delete()</c> the call's instance is a placeholder, and the
        /// value it stands for is the conditional access's operand (<c>file</c>). Any other operation is returned as it is.</summary>
        public static IOperation ConditionalReceiver(IOperation instance)
        {
            if (instance is not IConditionalAccessInstanceOperation)
            {
                return instance;
            }

            // The nearest conditional access reached from its WhenNotNull side (the placeholder's syntax is the operand's).
            for (IOperation? previous = instance, current = instance.Parent; current is not null; previous = current, current = current.Parent)
            {
                if (current is IConditionalAccessOperation access && access.WhenNotNull == previous)
                {
                    return access.Operation;
                }
            }

            return instance;
        }

        /// <summary>
        /// Is the operation a collection expression (<c>[a, b]</c>, <c>[.. rest, c]</c>, C# 12)? The analyzers are built
        /// against Roslyn 4.5, which has no such kind, so the kind is found by name in the Roslyn that runs them (4.8 and
        /// later): a value placed in one is stored with the rest, as in an array initializer (the
        /// twenty-seventh session's review). Never true under an older Roslyn, which has no such code to analyze.
        /// </summary>
        public static bool IsCollectionExpression(IOperation operation)
            => operation.Kind == CollectionExpressionKind;

        private static readonly OperationKind CollectionExpressionKind = KindNamed("CollectionExpression");

        private static OperationKind KindNamed(string name)
            => System.Enum.TryParse<OperationKind>(name, out var kind) ? kind : (OperationKind)(-1);

        /// <summary><c>Dispose</c> or <c>DisposeAsync</c>, also implemented explicitly (<c>void IDisposable.Dispose()</c>, whose
        /// name is <c>System.IDisposable.Dispose</c>: the twenty-eighth session's review).</summary>
        public static bool IsDisposeMethod(IMethodSymbol method)
        {
            if (method.Name is "Dispose" or "DisposeAsync")
            {
                return true;
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                if (implemented.Name is "Dispose" or "DisposeAsync")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The references to the local in the code around <paramref name="origin"/> (the whole operation tree it is in).</summary>
        public static IEnumerable<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local, IOperation origin)
        {
            var root = origin;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    yield return reference;
                }
            }
        }

        /// <summary>The expression inside parentheses, casts and <c>!</c> (<c>(T)x</c>, <c>(x)!</c>): what the syntax's value is
        /// made of, as <see cref="UnwrapConversions"/> reads an operation.</summary>
        public static ExpressionSyntax? WithoutParenthesesOrCasts(ExpressionSyntax? expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = suppressed.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The operation with the conversions and parentheses around it (<c>(object)(x)</c> for <c>x</c>): what its
        /// parent does with it is what the code does with the value, as <see cref="UnwrapConversions"/> reads it downward.</summary>
        public static IOperation OutermostValue(IOperation operation)
        {
            while (operation.Parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        public static IOperation UnwrapConversions(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.Operand is not null:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>
        /// The declarator operation of <paramref name="declarator"/> in the operation tree that <paramref name="reference"/>
        /// is in: from the reference up to the nearest operation whose syntax holds the declarator (the block that declares
        /// the local, usually a few steps), then down only into children whose syntax holds it. Cheaper than
        /// <c>SemanticModel.GetOperation</c>, which has to find the enclosing binder of the node first, and than starting at
        /// the root of a long member. Null when it is not there.
        /// </summary>
        public static IVariableDeclaratorOperation? FindDeclarator(IOperation reference, SyntaxNode declarator)
        {
            var span = declarator.Span;
            if (reference.Syntax.SyntaxTree != declarator.SyntaxTree)
            {
                return null;
            }

            var start = reference;
            while (start.Parent is not null && !start.Syntax.FullSpan.Contains(span))
            {
                start = start.Parent;
            }

            if (Descend(start, declarator, span) is { } found)
            {
                return found;
            }

            // Not below the nearest operation around it: the whole tree, as before this shortcut (a safety net).
            var root = Root(start);
            return root != start ? Descend(root, declarator, span) : null;
        }

        private static IVariableDeclaratorOperation? Descend(IOperation start, SyntaxNode declarator, TextSpan span)
            => start.Syntax.FullSpan.Contains(span) ? DescendFrom(start, declarator, span, MaxDescentRecursion) : null;

        // How deep the descent recurses before it goes on with a stack of its own: the declarator is usually a few
        // levels below the block that declares it, and recursion allocates nothing; a declarator nested deeper than this
        // (inside as many lambdas or expressions) does not overflow the thread's stack.
        private const int MaxDescentRecursion = 32;

        /// <summary>Below <paramref name="current"/>, whose syntax holds the declarator, into children whose syntax holds it.</summary>
        private static IVariableDeclaratorOperation? DescendFrom(IOperation current, SyntaxNode declarator, TextSpan span, int recursion)
        {
            if (recursion == 0)
            {
                return DescendWithStack(current, declarator, span);
            }

            if (current is IVariableDeclaratorOperation found && current.Syntax == declarator)
            {
                return found;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child.Syntax.FullSpan.Contains(span) && DescendFrom(child, declarator, span, recursion - 1) is { } inChild)
                {
                    return inChild;
                }
            }

            return null;
        }

        private static IVariableDeclaratorOperation? DescendWithStack(IOperation start, SyntaxNode declarator, TextSpan span)
        {
            var stack = new Stack<IOperation>();
            stack.Push(start);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is IVariableDeclaratorOperation found && current.Syntax == declarator)
                {
                    return found;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child.Syntax.FullSpan.Contains(span))
                    {
                        stack.Push(child);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The initializer of a local or field declared (alone) in the same syntax tree as <paramref name="reference"/>.
        /// A local's is taken from the operation tree the reference is in; a field's is bound by the semantic model.
        /// </summary>
        public static IOperation? InitializerOf(ISymbol symbol, IOperation reference, CancellationToken cancellationToken)
        {
            var model = reference.SemanticModel;
            var references = symbol.DeclaringSyntaxReferences;
            if (model is null || references.Length != 1 || references[0].SyntaxTree != model.SyntaxTree ||
                references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator)
            {
                return null;
            }

            if (symbol is ILocalSymbol && FindDeclarator(reference, declarator) is { Initializer.Value: { } initialized })
            {
                return initialized;
            }

            return model.GetOperation(value, cancellationToken);
        }

        /// <summary>
        /// The constant a local read here was initialized with, when nothing in the local's scope writes it again (see
        /// <see cref="IsWrittenAgain"/>). Null otherwise.
        /// </summary>
        public static object? ConstantOfUnchangedLocal(IOperation value, CancellationToken cancellationToken)
        {
            if (UnwrapConversions(value) is not ILocalReferenceOperation { Local: var local } reference ||
                InitializerOf(local, reference, cancellationToken) is not { ConstantValue: { HasValue: true, Value: { } constant } } ||
                IsWrittenAgain(local, cancellationToken))
            {
                return null;
            }

            return constant;
        }

        /// <summary>The initializer of the local read here, when nothing in its scope writes it again (see <see cref="IsWrittenAgain"/>).</summary>
        public static IOperation? InitializerOfUnchangedLocal(IOperation reference, CancellationToken cancellationToken)
            => reference is ILocalReferenceOperation { Local: var local } && InitializerOf(local, reference, cancellationToken) is { } initializer &&
               !IsWrittenAgain(local, cancellationToken)
                ? initializer
                : null;

        /// <summary>
        /// Can the local hold something other than its initializer: a ref local, one declared other than once, or one that
        /// something in its block writes again (an assignment, <c>++</c>/<c>--</c>, a <c>ref</c>/<c>out</c> argument, a tuple
        /// element or a <c>ref</c> of a name spelled alike: by name, so a write to any local of that name counts).
        /// </summary>
        private static bool IsWrittenAgain(ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return true;
            }

            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                var written = name.Parent switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left == name,
                    PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                    ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.Parent is TupleExpressionSyntax,
                    RefExpressionSyntax => true,
                    _ => false,
                };
                if (written)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value passed for the parameter at this position (named or by position, in any order), or null.</summary>
        public static IOperation? ArgumentAt(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>The value passed for the parameter of this name (named or by position), or null.</summary>
        public static IOperation? ArgumentFor(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The values a field or auto-property is assigned in its type's constructors (with <paramref name="inEveryMember"/>, in
        /// every member of its type), for one declared (alone) in
        /// <paramref name="model"/>'s tree: the constructors of that declaration, in that file. Null when the member is
        /// declared elsewhere, or when a constructor gives it a value other than by a plain assignment (<c>+=</c>, a
        /// <c>ref</c>/<c>out</c> argument, a deconstruction) or names something else by its name; empty when no constructor
        /// assigns it. The caller decides whether assignments elsewhere matter (a readonly field has none).
        /// With <paramref name="inEveryMember"/>, the assignments in every member of the declaration (its nested types and
        /// lambdas included, through any instance: <c>other._queue = …</c>, <c>Type._queue = …</c>), for a type declared in this
        /// one place only (a partial type's other parts could assign it); a <c>ref</c> to the member gives up too. Whether
        /// code outside the type can assign it is the caller's question.
        /// </summary>
        public static List<IOperation>? MemberAssignments(ISymbol member, SemanticModel model, CancellationToken cancellationToken, bool inEveryMember = false)
        {
            var references = member.DeclaringSyntaxReferences;
            if (references.Length != 1 || references[0].SyntaxTree != model.SyntaxTree ||
                references[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type ||
                (inEveryMember && member.ContainingType?.DeclaringSyntaxReferences.Length != 1))
            {
                return null;
            }

            var values = new List<IOperation>();
            foreach (var typeMember in type.Members)
            {
                if (!inEveryMember && typeMember is not ConstructorDeclarationSyntax)
                {
                    continue;
                }

                foreach (var node in typeMember.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax { Left: TupleExpressionSyntax tuple } when NamesMemberWithin(tuple, member.Name, inEveryMember):
                            return null;
                        case AssignmentExpressionSyntax assignment when NamesMember(assignment.Left, member.Name, inEveryMember):
                            var operation = model.GetOperation(assignment, cancellationToken) as IAssignmentOperation;
                            if (operation is ISimpleAssignmentOperation && IsMember(operation.Target, member))
                            {
                                values.Add(operation.Value);
                            }
                            else if (NamesMember(assignment.Left, member.Name, anyInstance: false) || operation is null || IsMember(operation.Target, member))
                            {
                                // +=, ??=, an assignment not bound, or another symbol by the member's own name.
                                return null;
                            }

                            // else: another type's member of the same name (settings._queue = …).
                            break;
                        case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when NamesMember(argument.Expression, member.Name, inEveryMember):
                            return null;
                        case RefExpressionSyntax reference when inEveryMember && NamesMember(reference.Expression, member.Name, anyInstance: true):
                            return null;
                    }
                }
            }

            return values;
        }

        /// <summary><c>name</c>, <c>this.name</c>, or with <paramref name="anyInstance"/> <c>x.name</c> of any receiver.</summary>
        private static bool NamesMember(ExpressionSyntax expression, string name, bool anyInstance)
            => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText == name,
                MemberAccessExpressionSyntax access when anyInstance => access.Name.Identifier.ValueText == name,
                _ => false,
            };

        private static bool NamesMemberWithin(TupleExpressionSyntax tuple, string name, bool anyInstance)
        {
            foreach (var node in tuple.DescendantNodes())
            {
                if (node is ExpressionSyntax expression && NamesMember(expression, name, anyInstance))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMember(IOperation target, ISymbol member)
            => target switch
            {
                IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, member),
                IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property, member),
                _ => false,
            };

        /// <summary>For a local reference, the value of its declaration's initializer in the same body, if any.</summary>
        public static IOperation? GetVisibleInitializer(IOperation operation)
        {
            if (operation is not ILocalReferenceOperation local)
            {
                return null;
            }

            var references = local.Local.DeclaringSyntaxReferences;
            if (references.Length != 1 || FindDeclarator(operation, references[0].GetSyntax()) is not { } declarator)
            {
                return null;
            }

            return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
        }

        /// <summary>
        /// The body of the method or local function that <paramref name="call"/> runs, when it is declared in the tree of
        /// <paramref name="model"/> and that body is what runs: not virtual, abstract, an override or extern (another body
        /// may run), not partial without a body, not an iterator (its body runs later, as it is enumerated). Null otherwise.
        /// </summary>
        public static IOperation? SameFileHelperBody(IInvocationOperation call, SemanticModel model, CancellationToken cancellationToken)
            => SameFileHelperBody(call.TargetMethod, model, cancellationToken);

        /// <summary>As <see cref="SameFileHelperBody(IInvocationOperation, SemanticModel, CancellationToken)"/>, for a method
        /// a delegate is made of (<c>timer.Elapsed += OnTick</c>).</summary>
        /// <param name="overridable">Also a virtual method or an override (not an abstract one): its body is what runs for an
        /// instance of the type that declares it, though a subclass may run another.</param>
        public static IOperation? SameFileHelperBody(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken, bool overridable = false)
        {
            method = Implementation(method);
            if (!IsSameFileHelper(method, model.SyntaxTree, overridable))
            {
                return null;
            }

            var body = DeclaredBody(method, cancellationToken);
            return body is null || IsIterator(body) ? null : model.GetOperation(body, cancellationToken);
        }

        /// <summary>Is the operation inside an operation of type <typeparamref name="T"/> (a lock, a loop) of its own function,
        /// not one around a lambda or local function it sits in?</summary>
        public static bool IsInsideInItsFunction<T>(IOperation operation)
            where T : IOperation
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is T)
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>The method whose body a call runs: a partial method's implementation (a call binds to the definition; of a
        /// generic one, to a constructed method, whose own implementation part is null), else the method itself.</summary>
        public static IMethodSymbol Implementation(IMethodSymbol method)
            => method.OriginalDefinition.PartialImplementationPart ?? method;

        /// <summary>The block or expression body of a method or local function declared in source (its one declaration).</summary>
        public static SyntaxNode? DeclaredBody(IMethodSymbol method, CancellationToken cancellationToken)
            => method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
                _ => null,
            };

        /// <summary>Symbols only, the first part of <see cref="SameFileHelperBody"/>: an ordinary method or local function
        /// declared once, in <paramref name="tree"/>, whose own body is what a call runs (with <paramref name="overridable"/>,
        /// what a call runs on an instance of the declaring type).</summary>
        public static bool IsSameFileHelper(IMethodSymbol method, SyntaxTree tree, bool overridable = false)
            => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction &&
               !method.IsAbstract && !method.IsExtern &&
               (overridable || (!method.IsVirtual && !method.IsOverride)) &&
               // An interface's default body: the types implementing it usually bring their own.
               (method.IsStatic || method.ContainingType is not { TypeKind: TypeKind.Interface }) &&
               method.DeclaringSyntaxReferences.Length == 1 &&
               method.DeclaringSyntaxReferences[0].SyntaxTree == tree;

        /// <summary>
        /// The values a helper of <see cref="SameFileHelperBody"/> returns: every <c>return</c> of its body (those of
        /// lambdas and local functions inside it left out), or its expression body. Null when it is not such a helper or
        /// returns no value.
        /// </summary>
        public static List<IOperation>? HelperReturnValues(IInvocationOperation call, CancellationToken cancellationToken)
        {
            if (call.TargetMethod.ReturnsVoid || call.SemanticModel is not { } model ||
                SameFileHelperBody(call, model, cancellationToken) is not { } body)
            {
                return null;
            }

            List<IOperation>? values = null;
            foreach (var operation in ExecutedDescendants(body))
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                {
                    (values ??= new List<IOperation>()).Add(value);
                }
            }

            if (values is null && body is not IBlockOperation)
            {
                // An expression body given as the expression itself.
                values = new List<IOperation> { body };
            }

            return values;
        }

        /// <summary>
        /// Does enumerating the value end in an exception once it is spent: a call of an iterator of the same file whose
        /// body ends in a <c>throw</c> after its <c>yield</c>s? A loop over it never runs out quietly (real-world round 12,
        /// OpenRA: the log file names to try run out, and the iterator throws).
        /// </summary>
        public static bool ThrowsWhenSpent(IOperation collection, CancellationToken cancellationToken)
        {
            if (UnwrapConversions(collection) is not IInvocationOperation call || !IsSameFileHelper(call.TargetMethod, call.Syntax.SyntaxTree))
            {
                return false;
            }

            return DeclaredBody(call.TargetMethod, cancellationToken) is BlockSyntax { Statements.Count: > 0 } body &&
                   body.Statements[body.Statements.Count - 1] is ThrowStatementSyntax && IsIterator(body) &&
                   !Yields(body, SyntaxKind.YieldBreakStatement);
        }

        private static bool IsIterator(SyntaxNode body) => Yields(body, null);

        /// <summary>Does the body (not its lambdas or local functions) hold a <c>yield</c> statement (of this kind)?</summary>
        private static bool Yields(SyntaxNode body, SyntaxKind? kind)
        {
            foreach (var node in body.DescendantNodes(n => n is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is YieldStatementSyntax yield && (kind is null || yield.IsKind(kind.Value)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The descendants of an operation that run as part of it: lambdas and local functions
        /// declared inside run later (or never), so their bodies are skipped.
        /// </summary>
        public static OperationWalk ExecutedDescendants(IOperation operation) => new OperationWalk(operation, includeSelf: false, skipFunctionBodies: true);

        /// <summary>The descendants of an operation, depth-first in source order (as <c>IOperation.Descendants()</c>).</summary>
        public static OperationWalk Descendants(IOperation operation) => new OperationWalk(operation, includeSelf: false, skipFunctionBodies: false);

        /// <summary>The operation and its descendants, depth-first in source order (as <c>IOperation.DescendantsAndSelf()</c>).</summary>
        public static OperationWalk DescendantsAndSelf(IOperation operation) => new OperationWalk(operation, includeSelf: true, skipFunctionBodies: false);

        /// <summary>Is the operation inside the given ancestor without crossing a lambda or local function?</summary>
        public static bool IsExecutedWithin(IOperation operation, IOperation ancestor)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current == ancestor)
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>The nearest enclosing lambda, local function or member body boundary.</summary>
        /// <param name="operation">The operation.</param>
        /// <param name="containingMember">The member whose body holds the operation (an analysis context's
        /// <c>ContainingSymbol</c>): answers without a semantic-model lookup when given.</param>
        public static bool IsInAsyncContext(IOperation operation, ISymbol? containingMember = null)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol.IsAsync;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol.IsAsync;
                }
            }

            var symbol = (containingMember ?? operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)) as IMethodSymbol;
            return symbol?.IsAsync == true;
        }
    }
}
