using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary><c>OperationFacts.FindDeclarator</c>: a local's declarator in the operation tree its reference is in.</summary>
    public class OperationFactsTests
    {
        private static IOperation Body(string source) => OperationWalkTests.Body(source, out _);

        private static IVariableDeclaratorOperation Expected(IOperation body, SyntaxNode declarator)
            => body.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>().Single(d => d.Syntax == declarator);

        [Fact]
        public void EveryLocalReference_FindsItsDeclarator()
        {
            var body = Body("""
                using System;
                using System.IO;
                using System.Linq;

                class C
                {
                    string M(string[] names, bool flag)
                    {
                        var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                        string first = names.FirstOrDefault() ?? "", second = first + ".bak";
                        foreach (var name in names)
                        {
                            var path = Path.Combine(root, name);
                            Func<string, string> twice = x => { var y = x + x; return y + path; };
                            if (flag)
                            {
                                var inner = twice(path) + second;
                                File.WriteAllText(inner, first);
                            }
                        }

                        return root;
                    }
                }
                """);
            var references = body.DescendantsAndSelf().OfType<ILocalReferenceOperation>()
                .Where(r => r.Local.DeclaringSyntaxReferences.Single().GetSyntax() is VariableDeclaratorSyntax)
                .ToList();
            Assert.Equal(10, references.Count);
            foreach (var reference in references)
            {
                var declarator = reference.Local.DeclaringSyntaxReferences.Single().GetSyntax();
                Assert.Same(Expected(body, declarator), OperationFacts.FindDeclarator(reference, declarator));
            }
        }

        [Fact]
        public void DeclaratorNestedDeeperThanTheRecursion_FoundFromTheMemberRoot()
        {
            // From the member's root down to a local declared 60 blocks deep: deeper than the descent recurses before it
            // goes on with a stack of its own.
            var source = new StringBuilder("class D { int M(int a) { ");
            for (var i = 0; i < 60; i++)
            {
                source.Append("{ ");
            }

            source.Append("var deep = a + 1; a = deep; ");
            for (var i = 0; i < 60; i++)
            {
                source.Append("} ");
            }

            source.Append("var shallow = a; return shallow; } }");
            var body = Body(source.ToString());
            foreach (var name in new[] { "deep", "shallow" })
            {
                var declarator = body.Syntax.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(d => d.Identifier.Text == name);
                Assert.Same(Expected(body, declarator), OperationFacts.FindDeclarator(body, declarator));
            }
        }
    }
}
