using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>What kind of request handler code runs in.</summary>
    internal enum HandlerKind
    {
        None,
        ControllerAction,
        PageHandler,
        HubMethod,
        MinimalApi,
    }

    /// <summary>A request handler found around an operation, and how its code reaches the HTTP response (for the fix).</summary>
    internal readonly struct RequestHandler
    {
        public RequestHandler(HandlerKind kind, string? response, IOperation? function = null, IMethodSymbol? method = null)
        {
            Kind = kind;
            Response = response;
            Function = function;
            Method = method;
        }

        /// <summary>The member that is the handler, when it is one (not a lambda or local function).</summary>
        public IMethodSymbol? Method { get; }

        public HandlerKind Kind { get; }

        /// <summary>The lambda or local function that is the handler (a Map* delegate, one returning IResult); null when the
        /// handler is the containing member. What it returns is the response.</summary>
        public IOperation? Function { get; }

        /// <summary>C# expression for the HttpResponse in the handler (e.g. "Response", "context.Response"); null when none.</summary>
        public string? Response { get; }
    }

    /// <summary>
    /// Request handlers of ASP.NET Core (and ASP.NET MVC/Web API), matched by metadata name: controller actions, Razor Pages
    /// handlers, SignalR hub methods, minimal-API delegates passed to Map* and methods returning IResult.
    /// </summary>
    internal sealed class RequestHandlers
    {
        /// <summary>
        /// What each class asked about is (page model, hub, controller or none), for this compilation only: its members are
        /// classified one by one, and the answer for the class walks its bases and reads their attributes.
        /// </summary>
        private readonly ConcurrentDictionary<INamedTypeSymbol, TypeRole> _types =
            new ConcurrentDictionary<INamedTypeSymbol, TypeRole>(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether a return type is IResult (or a Task/ValueTask of it), by the type as declared, for this compilation only:
        /// every file-creating call that is not in a controller action, page handler or hub method asks it of its method and
        /// of the lambdas around it, and a project has few distinct return types, where each answer reads the type's
        /// arguments and all its interfaces (new arrays from the compiler every time).
        /// </summary>
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _resultTypes =
            new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private enum TypeRole
        {
            None,
            PageModel,
            Hub,
            Controller,
        }

        private RequestHandlers(Compilation compilation)
        {
            ControllerBase = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            ApiControllerAttribute = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            ControllerAttribute = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonActionAttribute = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            NonControllerAttribute = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            PageModel = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            Hub = TypeLookup.Get(compilation, "Microsoft.AspNetCore.SignalR.Hub");
            HubOfT = TypeLookup.Get(compilation, "Microsoft.AspNetCore.SignalR.Hub`1");
            EndpointRouteBuilder = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            Result = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.IResult");
            HttpContext = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpContext");
            HttpRequest = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
            HttpResponse = TypeLookup.Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
            LegacyController = TypeLookup.Get(compilation, "System.Web.Mvc.Controller");
            LegacyApiController = TypeLookup.Get(compilation, "System.Web.Http.ApiController");
        }

        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? ApiControllerAttribute { get; }
        public INamedTypeSymbol? ControllerAttribute { get; }
        public INamedTypeSymbol? NonActionAttribute { get; }
        public INamedTypeSymbol? NonControllerAttribute { get; }
        public INamedTypeSymbol? PageModel { get; }
        public INamedTypeSymbol? Hub { get; }
        public INamedTypeSymbol? HubOfT { get; }
        public INamedTypeSymbol? EndpointRouteBuilder { get; }
        public INamedTypeSymbol? Result { get; }
        public INamedTypeSymbol? HttpContext { get; }
        public INamedTypeSymbol? HttpRequest { get; }
        public INamedTypeSymbol? HttpResponse { get; }
        public INamedTypeSymbol? LegacyController { get; }
        public INamedTypeSymbol? LegacyApiController { get; }

        /// <summary>Null when the compilation has no web framework at all (nothing can be a request handler).</summary>
        public static RequestHandlers? Create(Compilation compilation)
        {
            var handlers = new RequestHandlers(compilation);
            return handlers.ControllerBase is null && handlers.PageModel is null && handlers.Hub is null &&
                   handlers.EndpointRouteBuilder is null && handlers.Result is null &&
                   handlers.LegacyController is null && handlers.LegacyApiController is null
                ? null
                : handlers;
        }

        /// <summary>
        /// The request handler the operation runs in: a Map* lambda around it, or the containing member when that is an action,
        /// a page handler, a hub method or returns IResult.
        /// </summary>
        public RequestHandler Find(IOperation operation, ISymbol containingSymbol)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda when IsMapDelegate(lambda) || ReturnsResult(lambda.Symbol):
                        return new RequestHandler(HandlerKind.MinimalApi, ResponseFromParameters(lambda.Symbol), lambda);
                    case ILocalFunctionOperation localFunction when ReturnsResult(localFunction.Symbol):
                        return new RequestHandler(HandlerKind.MinimalApi, ResponseFromParameters(localFunction.Symbol), localFunction);
                }
            }

            if (containingSymbol is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
            {
                return default;
            }

            return Member(method);
        }

        private RequestHandler Member(IMethodSymbol method)
        {
            var kind = Classify(method);
            if (kind == HandlerKind.None)
            {
                return default;
            }

            var response = kind switch
            {
                HandlerKind.ControllerAction when TypeSymbols.InheritsFromOrEquals(method.ContainingType, ControllerBase) => "Response",
                HandlerKind.PageHandler => "Response",
                _ => ResponseFromParameters(method),
            };
            return new RequestHandler(kind, response, method: method);
        }

        private HandlerKind Classify(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return HandlerKind.None;
            }

            var isPublicInstance = method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic && !method.IsAbstract;
            if (isPublicInstance)
            {
                switch (RoleOf(type))
                {
                    case TypeRole.PageModel when method.Name.StartsWith("On", System.StringComparison.Ordinal) && !method.IsOverride:
                        return HandlerKind.PageHandler;
                    case TypeRole.Hub when !method.IsOverride:
                        return HandlerKind.HubMethod;
                    case TypeRole.Controller when !HasAttribute(method, NonActionAttribute):
                        return HandlerKind.ControllerAction;
                }
            }

            return ReturnsResult(method) ? HandlerKind.MinimalApi : HandlerKind.None;
        }

        private TypeRole RoleOf(INamedTypeSymbol type)
        {
            if (_types.TryGetValue(type, out var known))
            {
                return known;
            }

            var role = TypeSymbols.InheritsFromOrEquals(type, PageModel) ? TypeRole.PageModel
                : TypeSymbols.InheritsFromOrEquals(type, Hub) || TypeSymbols.InheritsFromOrEquals(type, HubOfT) ? TypeRole.Hub
                : IsController(type) ? TypeRole.Controller
                : TypeRole.None;
            return _types.GetOrAdd(type, role);
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.IsStatic || HasAttribute(type, NonControllerAttribute))
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, ControllerBase) ||
                    SymbolEqualityComparer.Default.Equals(current, LegacyController) ||
                    SymbolEqualityComparer.Default.Equals(current, LegacyApiController) ||
                    HasAttribute(current, ApiControllerAttribute) || HasAttribute(current, ControllerAttribute))
                {
                    return true;
                }
            }

            // MVC's convention: a public class whose name ends in "Controller", in a project that has MVC.
            return ControllerBase is not null && type.DeclaredAccessibility == Accessibility.Public &&
                   type.Name.EndsWith("Controller", System.StringComparison.Ordinal);
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (TypeSymbols.InheritsFromOrEquals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns IResult (or Task/ValueTask of it): only an HTTP endpoint does.</summary>
        private bool ReturnsResult(IMethodSymbol method)
        {
            if (Result is null)
            {
                return false;
            }

            var declared = method.ReturnType;
            if (declared.SpecialType == SpecialType.System_Void)
            {
                return false;
            }

            if (_resultTypes.TryGetValue(declared, out var known))
            {
                return known;
            }

            var type = declared;
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
                (generic.Name == "Task" || generic.Name == "ValueTask"))
            {
                type = generic.TypeArguments[0];
            }

            return _resultTypes.GetOrAdd(declared, TypeSymbols.ImplementsOrEquals(type, Result));
        }

        /// <summary>A lambda passed to MapGet/MapPost/Map/MapMethods/… of an IEndpointRouteBuilder.</summary>
        private bool IsMapDelegate(IAnonymousFunctionOperation lambda)
        {
            if (EndpointRouteBuilder is null)
            {
                return false;
            }

            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation } ||
                !invocation.TargetMethod.Name.StartsWith("Map", System.StringComparison.Ordinal))
            {
                return false;
            }

            var receiver = invocation.Instance?.Type ??
                           (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
            return TypeSymbols.ImplementsOrEquals(receiver, EndpointRouteBuilder);
        }

        private string? ResponseFromParameters(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (TypeSymbols.InheritsFromOrEquals(parameter.Type, HttpContext))
                {
                    return parameter.Name + ".Response";
                }

                if (TypeSymbols.InheritsFromOrEquals(parameter.Type, HttpResponse))
                {
                    return parameter.Name;
                }

                if (TypeSymbols.InheritsFromOrEquals(parameter.Type, HttpRequest))
                {
                    return parameter.Name + ".HttpContext.Response";
                }
            }

            return null;
        }
    }
}
