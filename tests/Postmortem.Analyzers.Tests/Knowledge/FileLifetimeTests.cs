using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Postmortem.Analyzers.Knowledge;
using Xunit;

namespace Postmortem.Analyzers.Tests.Knowledge
{
    /// <summary><c>FileLifetime.TryGetHelperCreation</c>: one instance answers PM2001's question and PM2002's apart.</summary>
    public class FileLifetimeTests
    {
        [Fact]
        public void HelperReturningATemporaryFile_IsNotAUniqueFileAndTheOtherWayRound()
        {
            var body = OperationWalkTests.Body("""
                using System;
                using System.IO;

                class C
                {
                    void Use()
                    {
                        File.ReadAllText(Scratch());
                        File.ReadAllText(Export());
                        File.ReadAllText(Scratch());
                        File.ReadAllText(Export());
                    }

                    static string Scratch() => Path.GetTempFileName();

                    static string Export()
                    {
                        var path = Path.Combine("exports", Guid.NewGuid() + ".csv");
                        File.WriteAllText(path, "");
                        return path;
                    }
                }
                """, out var model);
            var files = FileLifetime.Create(model.Compilation)!;
            var calls = body.DescendantsAndSelf().OfType<IInvocationOperation>()
                .Where(c => c.TargetMethod.Name is "Scratch" or "Export")
                .ToList();
            Assert.Equal(4, calls.Count);

            // Asked in both orders on the same instance: each helper's answer for one rule is kept apart from the other's.
            foreach (var (call, temporaryFirst) in calls.Select((c, i) => (c, i < 2)))
            {
                var isScratch = call.TargetMethod.Name == "Scratch";
                foreach (var temporary in temporaryFirst ? new[] { true, false } : new[] { false, true })
                {
                    var found = files.TryGetHelperCreation(call, temporary, model.Compilation, CancellationToken.None, out var creation);
                    Assert.Equal(isScratch == temporary, found);
                    if (found)
                    {
                        Assert.Same(call, creation.Site);
                        Assert.Equal(call.TargetMethod.Name, creation.Name);
                        Assert.True(creation.MakesOwnName);
                    }
                }
            }
        }
    }
}
