using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary>The operation walk the rules use instead of Roslyn's <c>Descendants()</c>: same nodes, same order.</summary>
    public class OperationWalkTests
    {
        private const string Source = """
            using System;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                private string _last = "";

                async Task<int> M(string[] names, bool flag)
                {
                    var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    try
                    {
                        foreach (var name in names.Where(n => n.Length > 0))
                        {
                            await File.WriteAllTextAsync(Path.Combine(root, name), flag ? name : $"{name}-{_last}");
                        }

                        Func<int, int> twice = x => x * 2;
                        int Local(int y) { File.Delete(root + y); return y; }
                        _last = (names.Length > 1 ? names[1] : null) ?? "none";
                        return twice(Local(names.Length));
                    }
                    catch (IOException e) when (e.HResult != 0)
                    {
                        return -1;
                    }
                    finally
                    {
                        Directory.Delete(root, recursive: true);
                    }
                }
            }
            """;

        /// <summary>The operation tree of the first method of a source that compiles without errors.</summary>
        internal static IOperation Body(string source, out SemanticModel model)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Walk", new[] { tree }, References.Net, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            model = compilation.GetSemanticModel(tree);
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
            return model.GetOperation(method)!;
        }

        private static List<IOperation> Collect(OperationWalk walk)
        {
            var list = new List<IOperation>();
            foreach (var operation in walk)
            {
                list.Add(operation);
            }

            return list;
        }

        [Fact]
        public void EveryOperationOfAMethod_SameNodesInSameOrderAsRoslyn()
        {
            var body = Body(Source, out _);
            var all = body.DescendantsAndSelf().ToList();
            Assert.True(all.Count > 80, $"only {all.Count} operations");

            // From every node of the tree, not only the root: leaves, lambdas, the try, the catch filter.
            foreach (var start in all)
            {
                Assert.Equal(start.Descendants().ToList(), Collect(OperationFacts.Descendants(start)));
                Assert.Equal(start.DescendantsAndSelf().ToList(), Collect(OperationFacts.DescendantsAndSelf(start)));
            }
        }

        [Fact]
        public void ExecutedDescendants_SkipsBodiesOfLambdasAndLocalFunctions_NotTheStartingOne()
        {
            var body = Body(Source, out _);
            var executed = Collect(OperationFacts.ExecutedDescendants(body));

            // The lambdas and the local function themselves are visited, what they contain is not.
            Assert.Equal(3, executed.Count(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation));
            Assert.DoesNotContain(executed, o => o is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply });
            Assert.DoesNotContain(executed, o => o is IInvocationOperation { TargetMethod.Name: "Delete", TargetMethod.ContainingType.Name: "File" });
            Assert.Contains(executed, o => o is IInvocationOperation { TargetMethod.Name: "Delete", TargetMethod.ContainingType.Name: "Directory" });

            // Everything else, in Roslyn's order: the full walk minus the function bodies.
            var expected = body.Descendants().Where(o => !InsideFunction(o, body)).ToList();
            Assert.Equal(expected, executed);

            // Started at a lambda, the walk goes into its body.
            var lambda = executed.OfType<IAnonymousFunctionOperation>().First();
            Assert.Equal(lambda.Descendants().ToList(), Collect(OperationFacts.ExecutedDescendants(lambda)));
        }

        [Fact]
        public void ConcatenationOfTwentyThousandStrings_WalkedWithoutRecursion()
        {
            var source = new StringBuilder("class D { string M(string s) => s");
            for (var i = 0; i < 20_000; i++)
            {
                source.Append(" + s");
            }

            source.Append("; }");
            var tree = CSharpSyntaxTree.ParseText(source.ToString());
            var compilation = CSharpCompilation.Create("Deep", new[] { tree }, References.Net, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var body = compilation.GetSemanticModel(tree).GetOperation(method)!;

            var count = 0;
            var parameters = 0;
            foreach (var operation in OperationFacts.DescendantsAndSelf(body))
            {
                count++;
                parameters += operation is IParameterReferenceOperation ? 1 : 0;
            }

            Assert.Equal(20_001, parameters);
            Assert.Equal(body.DescendantsAndSelf().Count(), count);
        }

        private static bool InsideFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
