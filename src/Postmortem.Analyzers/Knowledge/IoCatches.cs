using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// Which catches keep a write's I/O failure from the code around them (a timer's handler for PM3006, a work item's or a
    /// helper's task for PM3002): one whose type takes <c>IOException</c> and that does not throw it again, unless it reads
    /// the exception first (logs it). A catch of another type (<c>FormatException</c>), or one that only ends in
    /// <c>throw;</c>, lets it through (real-world round 22:
    /// PM3001's Rethrow fix made a helper's catch rethrow, and the caller dropping its task went unreported).
    /// </summary>
    internal static class IoCatches
    {
        /// <summary>Is the operation in the body of a try, within <paramref name="body"/>, with a catch that takes an I/O
        /// failure and does not throw it again?</summary>
        public static bool IsCaught(IOperation operation, IOperation body, IoTypes io)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
            {
                if (parent is ITryOperation @try && @try.Body == child)
                {
                    // Clauses are tried in order: one before the taking clause that throws again hands the failures of its
                    // type back to the caller (catch (DirectoryNotFoundException) { throw; } before catch (Exception) { log }).
                    foreach (var clause in @try.Catches)
                    {
                        if (Takes(clause, io))
                        {
                            return true;
                        }

                        if (ThrowsAnIoFailureOn(clause, io))
                        {
                            break;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Does the catch keep an I/O failure from the caller? Its type takes <c>IOException</c>; it does not end by throwing (a rethrow
        /// hands the failure back) unless it read the exception before (it reported it); and a filter that only narrows it to exception types
        /// (<c>when (ex is DirectoryNotFoundException)</c>) names <c>IOException</c> or a base of it. Any other filter
        /// (<c>when (ex is not OperationCanceledException)</c>, <c>when (Log(ex))</c>) is taken as letting it in.
        /// </summary>
        private static bool Takes(ICatchClauseOperation clause, IoTypes io)
        {
            if (!TakesIOException(clause.ExceptionType, io) || (EndsInThrow(clause) && !ReadsTheExceptionFirst(clause)))
            {
                return false;
            }

            if (clause.Filter is null)
            {
                return true;
            }

            var named = new List<ITypeSymbol>();
            return !NamesTypesOnly(clause.Filter, named) || named.Any(type => TakesIOException(type, io));
        }

        /// <summary>Does the clause catch some I/O failure (its type <c>IOException</c>, <c>UnauthorizedAccessException</c>, a
        /// subclass or a base of either) and end by throwing, so that failure leaves the try? A filter that only narrows it to
        /// other types (<c>when (ex is OutOfMemoryException)</c>) lets no I/O failure in.</summary>
        private static bool ThrowsAnIoFailureOn(ICatchClauseOperation clause, IoTypes io)
        {
            if (!(TakesIOException(clause.ExceptionType, io) || clause.ExceptionType is { } type && io.IsIoExceptionType(type)) ||
                !EndsInThrow(clause))
            {
                return false;
            }

            var named = new List<ITypeSymbol>();
            return clause.Filter is null || !NamesTypesOnly(clause.Filter, named) ||
                   named.Any(t => TakesIOException(t, io) || io.IsIoExceptionType(t));
        }

        /// <summary>Does the clause end by throwing (<c>throw;</c>, <c>throw new …</c>)?</summary>
        private static bool EndsInThrow(ICatchClauseOperation clause)
            => clause.Handler.Operations.LastOrDefault() is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };

        /// <summary>
        /// Does the clause read the exception it caught before its last statement (<c>catch (Exception ex) {
        /// Console.Error.WriteLine(ex); throw; }</c>)? Then the failure is reported before it is thrown again: seen, though
        /// the caller drops it (real-world round 22's probe: a save that logs and rethrows, which PM3002 had called silent).
        /// </summary>
        private static bool ReadsTheExceptionFirst(ICatchClauseOperation clause)
        {
            if (clause.ExceptionDeclarationOrExpression is not IVariableDeclaratorOperation { Symbol: { } exception })
            {
                return false;
            }

            var operations = clause.Handler.Operations;
            for (var i = 0; i < operations.Length - 1; i++)
            {
                foreach (var operation in operations[i].DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, exception))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>IOException</c> or a base of it (a bare catch too): a catch of a narrower type
        /// (<c>DirectoryNotFoundException</c>) lets a full disk through.</summary>
        private static bool TakesIOException(ITypeSymbol? caught, IoTypes io)
            => caught is null || caught.SpecialType == SpecialType.System_Object || TypeSymbols.InheritsFromOrEquals(io.IOException, caught);

        /// <summary>Is the filter only type tests joined by <c>||</c> or <c>or</c> (collected in <paramref name="types"/>)?</summary>
        private static bool NamesTypesOnly(IOperation filter, List<ITypeSymbol> types)
        {
            switch (OperationFacts.UnwrapConversions(filter))
            {
                case IIsTypeOperation { IsNegated: false } test:
                    types.Add(test.TypeOperand);
                    return true;
                case IIsPatternOperation pattern:
                    return NamesTypesOnly(pattern.Pattern, types);
                case ITypePatternOperation type:
                    types.Add(type.MatchedType);
                    return true;
                case IDeclarationPatternOperation { MatchedType: { } declared }:
                    types.Add(declared);
                    return true;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    return NamesTypesOnly(or.LeftPattern, types) && NamesTypesOnly(or.RightPattern, types);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return NamesTypesOnly(or.LeftOperand, types) && NamesTypesOnly(or.RightOperand, types);
                default:
                    return false;
            }
        }
    }
}
