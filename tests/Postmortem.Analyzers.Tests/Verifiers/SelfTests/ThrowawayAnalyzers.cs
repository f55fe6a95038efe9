// Throwaway analyzers that exist only to test the verifier: the rules for shipping analyzers do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008, RS1032

using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Postmortem.Analyzers.Tests.Verifiers.SelfTests
{
    /// <summary>Reports every class named "Bad" (TST001), at its identifier. Optionally gated by an option.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BadClassAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new("TST001", "Bad class", "Class '{0}' is bad", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var declaration = (ClassDeclarationSyntax)c.Node;
                    var options = c.Options.AnalyzerConfigOptionsProvider;
                    if (options.GetOptions(c.Node.SyntaxTree).TryGetValue("tst.disabled", out var disabled) && disabled == "true")
                    {
                        return;
                    }

                    if (options.GlobalOptions.TryGetValue("build_property.TstOff", out var off) && off == "true")
                    {
                        return;
                    }

                    if (declaration.Identifier.ValueText == "Bad")
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                    }
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Reports two rules: TST001 at classes named "Bad", TST002 at classes named "Worse".</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TwoRulesAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Worse = new("TST002", "Worse class", "Class '{0}' is worse", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadClassAnalyzer.Rule, Worse);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var identifier = ((ClassDeclarationSyntax)c.Node).Identifier;
                    var rule = identifier.ValueText switch { "Bad" => BadClassAnalyzer.Rule, "Worse" => Worse, _ => null };
                    if (rule is not null)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(rule, identifier.GetLocation(), identifier.ValueText));
                    }
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Renames Bad to Good as <see cref="RenameFix"/> does, but registers fixes only for its own rule's
    /// diagnostics: handed another rule's diagnostic, as dotnet format does, it gives no equivalence key.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class OwnRuleOnlyRenameFix : CodeFixProvider
    {
        private readonly RenameFix _rename = new();

        public override ImmutableArray<string> FixableDiagnosticIds => _rename.FixableDiagnosticIds;

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => context.Diagnostics.All(d => FixableDiagnosticIds.Contains(d.Id)) ? _rename.RegisterCodeFixesAsync(context) : Task.CompletedTask;
    }

    /// <summary>Reports in generated code too (the verifier's generated-code re-run must catch it).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GeneratedCodeReportingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadClassAnalyzer.Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var declaration = (ClassDeclarationSyntax)c.Node;
                    if (declaration.Identifier.ValueText == "Bad")
                    {
                        c.ReportDiagnostic(Diagnostic.Create(BadClassAnalyzer.Rule, declaration.Identifier.GetLocation(), "Bad"));
                    }
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Throws on every class: the verifier must fail the test.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadClassAnalyzer.Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom"), SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Renames Bad to Good (Fix All: batch).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class RenameFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Rename to Good", async ct =>
                    {
                        var root = (await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false))!;
                        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                        return context.Document.WithSyntaxRoot(root.ReplaceToken(token, SyntaxFactory.Identifier(NewName).WithTriviaFrom(token)));
                    }, "Rename"),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        internal static string NewName { get; set; } = "Good";
    }

    /// <summary>Offers a fix that changes nothing.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class NoOpFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(CodeAction.Create("Nothing", _ => Task.FromResult(context.Document), "Nothing"), context.Diagnostics);
            return Task.CompletedTask;
        }
    }

    /// <summary>Renames correctly one by one, but its Fix All renames to something else.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class InconsistentFixAll : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST001");

        public override FixAllProvider GetFixAllProvider() => new Different();

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => new RenameFix().RegisterCodeFixesAsync(context);

        private sealed class Different : FixAllProvider
        {
            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var document = fixAllContext.Document!;
                var root = (await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!;
                var tokens = root.DescendantTokens().Where(t => t.ValueText == "Bad").ToList();
                var changed = root.ReplaceTokens(tokens, (t, _) => SyntaxFactory.Identifier("Other").WithTriviaFrom(t));
                return CodeAction.Create("All", _ => Task.FromResult(document.WithSyntaxRoot(changed)), "Rename");
            }
        }
    }

    /// <summary>Renames Bad to an invalid name: the fixed code does not compile.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class BreakingFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Break", async ct =>
                    {
                        var text = await context.Document.GetTextAsync(ct).ConfigureAwait(false);
                        return context.Document.WithText(text.Replace(diagnostic.Location.SourceSpan, "Good : Missing"));
                    }, "Break"),
                    diagnostic);
            }

            return Task.CompletedTask;
        }
    }
}
