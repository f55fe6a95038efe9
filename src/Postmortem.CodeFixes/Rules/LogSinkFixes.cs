using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Postmortem.Analyzers.Knowledge;

namespace Postmortem.CodeFixes.Rules
{
    /// <summary>
    /// Applies a <see cref="LogSinkFix"/> to a file sink in code: replaces the value the setting was given (the diagnostic's
    /// additional location), or adds it as a named argument (Serilog, NLog WriteToFile) or an object-initializer member
    /// (NLog FileTarget, log4net appenders).
    /// </summary>
    internal static class LogSinkFixes
    {
        public static LogSinkFix FixOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(LogSinkCode.FixProperty, out var value) && Enum.TryParse<LogSinkFix>(value, out var fix) ? fix : LogSinkFix.None;

        /// <summary>The invocation or object creation the diagnostic is on.</summary>
        public static ExpressionSyntax? FindSink(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || root.SyntaxTree != diagnostic.Location.SourceTree)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return node.FirstAncestorOrSelf<SyntaxNode>(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax) as ExpressionSyntax;
        }

        public static bool CanApply(SyntaxNode root, Diagnostic diagnostic, LogSinkFix expected)
            => FixOf(diagnostic) == expected && LogSinkFinding.FixSetting(expected) is not null && FindSink(root, diagnostic) is not null;

        public static void Apply(FixContext context, Diagnostic diagnostic, LogSinkFix fix)
        {
            var sink = FindSink(context.Root, diagnostic);
            if (sink is null || LogSinkFinding.FixSetting(fix) is not { } setting)
            {
                return;
            }

            var value = ValueExpression(fix, setting.Value, sink);
            if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0] is { IsInSource: true } existingLocation &&
                existingLocation.SourceTree == context.Root.SyntaxTree &&
                context.Root.FindNode(existingLocation.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax existing)
            {
                context.Editor.ReplaceNode(existing, value.WithTriviaFrom(existing));
                return;
            }

            switch (sink)
            {
                case InvocationExpressionSyntax invocation:
                    var name = IsNLog(fix) ? char.ToLowerInvariant(setting.Name[0]) + setting.Name.Substring(1) : setting.Name;
                    context.Editor.ReplaceNode(invocation.ArgumentList, (current, _) => AddArgument((ArgumentListSyntax)current, name, value));
                    break;
                case BaseObjectCreationExpressionSyntax creation when LastPropertyAssignment(creation) is { } last:
                    // var file = new FileTarget("f"); file.FileName = …; file.ArchiveAboveSize = …;  →  one more such line.
                    var target = ((VariableDeclaratorSyntax)creation.Parent!.Parent!).Identifier.ValueText;
                    var assignment = SyntaxFactory.ParseStatement($"{target}.{setting.Name} = {value.ToFullString()};")
                        .WithLeadingTrivia(last.GetLeadingTrivia())
                        .WithTrailingTrivia(LineEnd(last.GetTrailingTrivia()) is { Count: > 0 } end ? end : SyntaxFactory.TriviaList(context.EndOfLine));
                    context.Editor.InsertAfter(last, assignment);
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    context.Editor.ReplaceNode(creation, (current, _) => AddMember((BaseObjectCreationExpressionSyntax)current, setting.Name, value));
                    break;
            }
        }

        /// <summary>
        /// <c>var file = new FileTarget("f");</c> (no initializer) followed by statements setting its properties
        /// (<c>file.FileName = …;</c>): the last of them, where a new setting fits the code's own style.
        /// </summary>
        private static StatementSyntax? LastPropertyAssignment(BaseObjectCreationExpressionSyntax creation)
        {
            if (creation.Initializer is { Expressions.Count: > 0 } ||
                creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
                declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration)
            {
                return null;
            }

            StatementSyntax? last = null;
            for (var i = block.Statements.IndexOf(declaration) + 1; i < block.Statements.Count; i++)
            {
                if (block.Statements[i] is not ExpressionStatementSyntax
                    {
                        Expression: AssignmentExpressionSyntax
                        {
                            RawKind: (int)SyntaxKind.SimpleAssignmentExpression,
                            Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver },
                        },
                    } statement ||
                    receiver.Identifier.ValueText != declarator.Identifier.ValueText)
                {
                    break;
                }

                last = statement;
            }

            return last;
        }

        private static bool IsNLog(LogSinkFix fix) => fix is LogSinkFix.NLogConcurrentWrites or LogSinkFix.NLogKeepFileOpenFalse or LogSinkFix.NLogMaxArchiveFiles;

        private static ExpressionSyntax ValueExpression(LogSinkFix fix, string value, ExpressionSyntax sink)
        {
            if (fix == LogSinkFix.Log4NetInterProcessLock)
            {
                // Name the nested type the way the creation names FileAppender (FileAppender, log4net.Appender.FileAppender, an alias).
                var appender = sink is ObjectCreationExpressionSyntax { Type: { } type } && type.ToString().EndsWith("FileAppender", StringComparison.Ordinal) &&
                               !type.ToString().EndsWith("RollingFileAppender", StringComparison.Ordinal)
                    ? type.WithoutTrivia().ToString()
                    : "log4net.Appender.FileAppender";
                return SyntaxFactory.ParseExpression("new " + appender + ".InterProcessLock()");
            }

            return SyntaxFactory.ParseExpression(value);
        }

        private static ArgumentListSyntax AddArgument(ArgumentListSyntax list, string name, ExpressionSyntax value)
        {
            var argument = SyntaxFactory.Argument(
                SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)).WithTrailingTrivia(SyntaxFactory.Space),
                default,
                value);
            var arguments = list.Arguments;
            if (arguments.Count == 0)
            {
                return list.WithArguments(arguments.Add(argument));
            }

            var last = arguments.Last();
            var multiline = arguments.Count > 1 && arguments.GetSeparator(arguments.Count - 2).TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

            // One argument per line: the new comma ends its line as the previous one does (its line ending, not its comment).
            var (separatorTrailing, argumentTrailing) = KeepComment(
                last.GetTrailingTrivia(),
                multiline ? LineEnd(arguments.GetSeparator(arguments.Count - 2).TrailingTrivia) : SyntaxFactory.TriviaList(SyntaxFactory.Space));
            argument = argument.WithLeadingTrivia(multiline ? last.GetLeadingTrivia() : default).WithTrailingTrivia(argumentTrailing);
            var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing);
            var items = arguments.GetWithSeparators().Replace(last, last.WithoutTrailingTrivia()).Add(separator).Add(argument);
            return list.WithArguments(SyntaxFactory.SeparatedList<ArgumentSyntax>(items));
        }

        /// <summary>The line ending of this trivia (without the comment before it), or nothing.</summary>
        private static SyntaxTriviaList LineEnd(SyntaxTriviaList trivia)
            => trivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                ? SyntaxFactory.TriviaList(trivia.Last(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                : SyntaxFactory.TriviaList();

        /// <summary>
        /// The trivia of the comma after the last item and of the new item after it. The last item's trailing trivia goes
        /// after the new item, unless it holds a comment: then it stays with the item it was written for, after its new comma
        /// (<c>MaxArchiveFiles = 0 /* unlimited */</c> keeps its comment), and the new item only ends the line.
        /// </summary>
        private static (SyntaxTriviaList Separator, SyntaxTriviaList Item) KeepComment(SyntaxTriviaList lastTrailing, SyntaxTriviaList separator)
        {
            if (!lastTrailing.Any(FixSyntax.IsComment))
            {
                return (separator, lastTrailing);
            }

            if (lastTrailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                return (lastTrailing, LineEnd(lastTrailing));
            }

            // On one line: `0 /* unlimited */ }` → `0, /* unlimited */ ConcurrentWrites = true }`.
            return lastTrailing.Last().IsKind(SyntaxKind.WhitespaceTrivia)
                ? (lastTrailing, SyntaxFactory.TriviaList(SyntaxFactory.Space))
                : (lastTrailing.Add(SyntaxFactory.Space), SyntaxFactory.TriviaList());
        }

        private static ExpressionSyntax AddMember(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax value)
        {
            var member = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                value);
            var initializer = creation.Initializer;
            if (initializer is null || initializer.Expressions.Count == 0)
            {
                var created = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(member))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                if (creation is ObjectCreationExpressionSyntax explicitCreation)
                {
                    // new FileTarget("f") { ... }; without an argument list the type's trailing trivia moves after the initializer.
                    var trailing = explicitCreation.GetTrailingTrivia();
                    return explicitCreation.WithoutTrailingTrivia().WithInitializer(created.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(trailing);
                }

                var implicitCreation = (ImplicitObjectCreationExpressionSyntax)creation;
                var implicitTrailing = implicitCreation.GetTrailingTrivia();
                return implicitCreation.WithoutTrailingTrivia().WithInitializer(created.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(implicitTrailing);
            }

            var expressions = initializer.Expressions;
            var last = expressions.Last();
            var multiline = last.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) &&
                            (initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ||
                             expressions.GetSeparators().Any(s => s.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))));
            SyntaxNodeOrTokenList items;
            if (expressions.SeparatorCount == expressions.Count)
            {
                // `A = 1, // why` stays as written; the new member's comma only ends its line (the comment is not copied).
                var lastSeparator = expressions.GetSeparator(expressions.Count - 1);
                var separatorTrailing = !lastSeparator.TrailingTrivia.Any(FixSyntax.IsComment) ? lastSeparator.TrailingTrivia
                    : lastSeparator.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? LineEnd(lastSeparator.TrailingTrivia)
                    : SyntaxFactory.TriviaList(SyntaxFactory.Space);
                // On one line the old comma's trailing space (`{ A = 1, }`, `{ A = 1, /* x */ }`) already separates the new member.
                var spaced = lastSeparator.TrailingTrivia.Count > 0 && lastSeparator.TrailingTrivia.Last().IsKind(SyntaxKind.WhitespaceTrivia);
                items = expressions.GetWithSeparators()
                    .Add(member.WithLeadingTrivia(multiline ? last.GetLeadingTrivia() : spaced ? default : SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing));
            }
            else
            {
                var trailing = last.GetTrailingTrivia();
                var (separatorTrailing, memberTrailing) = KeepComment(trailing, multiline ? trailing : SyntaxFactory.TriviaList(SyntaxFactory.Space));
                items = expressions.GetWithSeparators()
                    .Replace(last, last.WithoutTrailingTrivia())
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing))
                    .Add(member.WithLeadingTrivia(multiline ? last.GetLeadingTrivia() : default).WithTrailingTrivia(memberTrailing));
            }

            var updated = initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
            return creation.ReplaceNode(initializer, updated);
        }
    }

    /// <summary>
    /// The fixes of the log sink rules (PM1001, PM2003, PM3005): each diagnostic allows one <see cref="LogSinkFix"/> (its
    /// property), which the rule offers under its own title and equivalence key and <see cref="LogSinkFixes.Apply"/> makes.
    /// </summary>
    public abstract class LogSinkCodeFixProvider : PostmortemCodeFixProvider
    {
        /// <summary>The title and equivalence key under which this rule offers a fix; null for one it does not offer.</summary>
        internal abstract (string Title, string Key)? Describe(LogSinkFix fix);

        internal sealed override IEnumerable<FixOption> GetFixOptions(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var fix = LogSinkFixes.FixOf(diagnostic);
            if (LogSinkFixes.CanApply(root, diagnostic, fix) && Describe(fix) is { } option)
            {
                yield return new FixOption(option.Title, option.Key);
            }
        }

        internal sealed override void ApplyFix(FixContext context, Diagnostic diagnostic, string equivalenceKey)
            => LogSinkFixes.Apply(context, diagnostic, LogSinkFixes.FixOf(diagnostic));
    }
}
