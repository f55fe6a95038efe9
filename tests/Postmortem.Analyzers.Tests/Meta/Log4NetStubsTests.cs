using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Postmortem.Analyzers.Tests.Rules;
using Postmortem.Analyzers.Tests.Verifiers;
using Xunit;

namespace Postmortem.Analyzers.Tests.Meta
{
    /// <summary>
    /// The rules' log4net tests compile against the stand-in declarations of <see cref="Log4NetStubs"/>, written when
    /// log4net was not served here. It is now (2.0.12 and 3.5.0): every type and member the stand-ins declare must exist
    /// in the real library with the same shape (kind, base type, static or not, parameter and property types, enum
    /// values), so a rule tested against them matches the real surface, in both major versions.
    /// </summary>
    public class Log4NetStubsTests
    {
        private static readonly SymbolDisplayFormat Shape = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        [Theory]
        [InlineData("2.0.12")]
        [InlineData("3.5.0")]
        public void Stubs_MirrorTheRealLibrary(string version)
        {
            var stubs = CSharpCompilation.Create(
                "Log4NetStubs",
                new[] { CSharpSyntaxTree.ParseText(Log4NetStubs.Source) },
                References.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(stubs.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var real = CSharpCompilation.Create("Real", references: References.Net.AddRange(References.Packages(("log4net", version, "log4net.dll"))));

            var problems = new List<string>();
            var compared = 0;
            foreach (var stub in Types(stubs.Assembly.GlobalNamespace))
            {
                var name = MetadataName(stub);
                if (real.GetTypeByMetadataName(name) is not { } type)
                {
                    problems.Add($"{name}: not in log4net {version}");
                    continue;
                }

                compared++;
                if (type.TypeKind != stub.TypeKind)
                {
                    problems.Add($"{name}: a {stub.TypeKind} here, a {type.TypeKind} in log4net {version}");
                }

                if (stub.BaseType is { SpecialType: not SpecialType.System_Object } stubBase &&
                    !BaseTypes(type).Any(b => b.ToDisplayString(Shape) == stubBase.ToDisplayString(Shape)))
                {
                    problems.Add($"{name}: derives from {stubBase.ToDisplayString(Shape)} here, not in log4net {version}");
                }

                foreach (var member in stub.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared))
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                    {
                        continue;
                    }

                    compared++;
                    if (!HasMember(type, member))
                    {
                        problems.Add($"{name}: {member.ToDisplayString(Shape)} ({(member.IsStatic ? "static " : string.Empty)}{member.Kind}) not in log4net {version}");
                    }
                }
            }

            Assert.True(compared > 50, $"only {compared} types and members compared");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>
        /// The defaults the rules assume when a log4net setting is absent (LogSinkModel: a RollingFileAppender rolls by
        /// RollingStyle Composite, keeps a static file name, no backups beyond MaxSizeRollBackups 0 per period, truncates at
        /// a MaxFileSize of 10 MB (PM3005); a
        /// FileAppender without LockingModel locks exclusively), read from a real appender of each version.
        /// </summary>
        [Theory]
        [InlineData("2.0.12")]
        [InlineData("3.5.0")]
        public void Defaults_AreTheOnesTheRulesAssume(string version)
        {
            var path = System.IO.Path.Combine(References.NuGetPackageRoot, "log4net", version, "lib", "netstandard2.0", "log4net.dll");
            var context = new System.Runtime.Loader.AssemblyLoadContext("log4net-" + version, isCollectible: true);
            try
            {
                var assembly = context.LoadFromAssemblyPath(path);
                var rolling = System.Activator.CreateInstance(assembly.GetType("log4net.Appender.RollingFileAppender", throwOnError: true)!)!;
                var file = System.Activator.CreateInstance(assembly.GetType("log4net.Appender.FileAppender", throwOnError: true)!)!;
                Assert.Equal("Composite", Read(rolling, "RollingStyle")?.ToString());
                Assert.Equal(true, Read(rolling, "StaticLogFileName"));
                Assert.Equal(0, Read(rolling, "MaxSizeRollBackups"));
                Assert.Equal(10L * 1024 * 1024, Read(rolling, "MaxFileSize"));
                Assert.Equal(-1, Read(rolling, "CountDirection"));
                Assert.Equal(true, Read(rolling, "AppendToFile"));
                Assert.Equal("ExclusiveLock", Read(file, "LockingModel")?.GetType().Name);
                Assert.Equal("ExclusiveLock", Read(rolling, "LockingModel")?.GetType().Name);
            }
            finally
            {
                context.Unload();
            }
        }

        private static object? Read(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

        private static bool HasMember(INamedTypeSymbol type, ISymbol stub)
        {
            foreach (var owner in stub is IMethodSymbol { MethodKind: MethodKind.Constructor } ? new[] { type } : BaseTypes(type).Concat(type.AllInterfaces))
            {
                foreach (var member in owner.GetMembers(stub.Name))
                {
                    if (member.DeclaredAccessibility != Accessibility.Public || member.IsStatic != stub.IsStatic || member.Kind != stub.Kind)
                    {
                        continue;
                    }

                    var same = (stub, member) switch
                    {
                        (IMethodSymbol a, IMethodSymbol b) => a.Parameters.Length == b.Parameters.Length &&
                                                              a.Parameters.Zip(b.Parameters, (x, y) => Passes(x.Type, y.Type)).All(s => s) &&
                                                              (a.MethodKind == MethodKind.Constructor || a.ReturnType.ToDisplayString(Shape) == b.ReturnType.ToDisplayString(Shape)),
                        (IPropertySymbol a, IPropertySymbol b) => a.Type.ToDisplayString(Shape) == b.Type.ToDisplayString(Shape) &&
                                                                  (a.SetMethod is null || b.SetMethod is { DeclaredAccessibility: Accessibility.Public }),
                        (IEventSymbol a, IEventSymbol b) => a.Type.ToDisplayString(Shape) == b.Type.ToDisplayString(Shape),
                        (IFieldSymbol a, IFieldSymbol b) => Equals(a.ConstantValue, b.ConstantValue),
                        (INamedTypeSymbol, INamedTypeSymbol) => true,
                        _ => false,
                    };
                    if (same)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>An argument of the stand-in's parameter type passes to the real one: the same type, or one it derives
        /// from or implements (<c>new LogReceivedAdapter(new List&lt;LogLog&gt;())</c> compiles against both versions: 2.0.12
        /// takes an IList, 3.5.0 a List&lt;LogLog&gt;).</summary>
        private static bool Passes(ITypeSymbol stub, ITypeSymbol real)
        {
            var name = real.ToDisplayString(Shape);
            return stub.ToDisplayString(Shape) == name ||
                   (stub is INamedTypeSymbol named && BaseTypes(named).Concat(named.AllInterfaces).Any(t => t.ToDisplayString(Shape) == name));
        }

        private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                yield return current;
            }
        }

        private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    foreach (var type in Types(ns))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
                {
                    yield return type;
                    foreach (var nested in Types(type))
                    {
                        yield return nested;
                    }
                }
            }
        }

        private static string MetadataName(INamedTypeSymbol type)
            => type.ContainingType is { } outer
                ? MetadataName(outer) + "+" + type.MetadataName
                : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
    }
}
