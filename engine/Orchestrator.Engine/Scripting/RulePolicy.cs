using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// Refuses, at compile time, rules that reach for what rules must not touch: it walks the compiled
/// rule's syntax with its semantic model and checks the symbol behind every name, member access,
/// call, creation and attribute, the types they produce, and the unsafe and finalizer syntax.
/// Guards against mistakes; not a sandbox (see <see cref="RuleCompiler"/>).
/// </summary>
internal sealed class RulePolicy
{
    private const string Decide = "rules decide from their globals, they do not act";

    /// <summary>Namespaces refused with everything under them, and why.</summary>
    private static readonly (string Namespace, string Why)[] ForbiddenNamespaces =
    [
        ("System.IO", "files and streams (System.IO)"),
        ("System.Net", "the network (System.Net)"),
        ("System.Reflection", "reflection (System.Reflection)"),
        ("System.Runtime.InteropServices", "native code (System.Runtime.InteropServices)"),
        ("System.Runtime.Loader", "assembly loading (System.Runtime.Loader)"),
        ("System.Threading", "threads, tasks and waits (System.Threading)"),
        ("System.Text.RegularExpressions", "regular expressions (a pattern can backtrack far past the rule's time budget)"),
        ("System.Linq.Expressions", "expression trees (code compiled at run time)"),
        ("System.Resources", "resources (System.Resources)"),
        ("Microsoft.Win32", "the registry (Microsoft.Win32)"),
        ("Microsoft.CodeAnalysis", "the compiler (Microsoft.CodeAnalysis)"),
    ];

    /// <summary>Types refused, by full metadata name, and why.</summary>
    private static readonly Dictionary<string, string> ForbiddenTypes = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "the environment (System.Environment)",
        ["System.AppContext"] = "the process's settings (System.AppContext)",
        ["System.AppDomain"] = "the process (System.AppDomain)",
        ["System.Activator"] = "reflection (System.Activator)",
        ["System.GC"] = "the garbage collector (System.GC)",
        ["System.Console"] = "the console (System.Console)",
        ["System.Diagnostics.Process"] = "processes (System.Diagnostics.Process)",
        ["System.Diagnostics.ProcessStartInfo"] = "processes (System.Diagnostics.Process)",
        ["System.Diagnostics.Debugger"] = "the debugger (System.Diagnostics.Debugger)",
        ["System.Runtime.GCSettings"] = "the garbage collector (System.Runtime.GCSettings)",
        ["System.Runtime.CompilerServices.Unsafe"] = "unsafe code (System.Runtime.CompilerServices.Unsafe)",
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = "runtime internals (System.Runtime.CompilerServices.RuntimeHelpers)",
        ["System.Runtime.CompilerServices.ModuleInitializerAttribute"] = "module initializers (they run outside the rule's time budget)",
        ["System.Runtime.CompilerServices.UnsafeAccessorAttribute"] = "reflection (UnsafeAccessor)",
    };

    /// <summary>Single members refused on types that are otherwise fine.</summary>
    private static readonly Dictionary<string, string> ForbiddenMembers = new(StringComparer.Ordinal)
    {
        ["System.Type.GetType"] = "reflection (Type.GetType loads types by name)",
        ["System.Type.GetTypeFromHandle"] = "reflection (System.Type)",
        ["System.Type.GetTypeFromProgID"] = "reflection (System.Type)",
        ["System.Type.GetTypeFromCLSID"] = "reflection (System.Type)",
        ["System.Type.InvokeMember"] = "reflection (Type.InvokeMember)",
        ["System.Type.MakeGenericType"] = "reflection (System.Type)",
        ["System.Delegate.DynamicInvoke"] = "reflection (Delegate.DynamicInvoke)",
        ["System.Delegate.CreateDelegate"] = "reflection (Delegate.CreateDelegate)",
    };

    private readonly SemanticModel _model;
    private readonly string _name;
    private readonly IAssemblySymbol _script;
    private readonly ImmutableHashSet<string> _application;
    private readonly HashSet<ITypeSymbol> _reachable = new(SymbolEqualityComparer.Default);
    private readonly List<(int Position, RuleDiagnostic Diagnostic)> _found = [];

    public RulePolicy(Compilation compilation, SemanticModel model, Type globalsType, ImmutableHashSet<string> applicationAssemblies, string name)
    {
        _model = model;
        _name = name;
        _script = compilation.Assembly;
        _application = applicationAssemblies;
        if (compilation.GetTypeByMetadataName(globalsType.FullName!) is { } globals) Reach(globals);
    }

    /// <summary><c>#r</c> and <c>#load</c>, refused before anything is compiled (they would read files).</summary>
    public static IReadOnlyList<RuleDiagnostic> CheckDirectives(SyntaxTree tree, string name)
    {
        var found = new List<RuleDiagnostic>();
        foreach (var directive in tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<DirectiveTriviaSyntax>())
        {
            var what = directive switch
            {
                ReferenceDirectiveTriviaSyntax => "#r",
                LoadDirectiveTriviaSyntax => "#load",
                _ => null,
            };
            if (what is null) continue;
            var start = directive.GetLocation().GetLineSpan().StartLinePosition;
            found.Add(new RuleDiagnostic(name, start.Line + 1, start.Character + 1,
                $"{what} is not allowed in a rule: rules are compiled against their globals only"));
        }
        return found;
    }

    public IReadOnlyList<RuleDiagnostic> Check(SyntaxNode root)
    {
        Visit(root);
        return _found
            .DistinctBy(f => f.Diagnostic)
            .OrderBy(f => f.Position)
            .Select(f => f.Diagnostic)
            .ToList();
    }

    private void Visit(SyntaxNode node)
    {
        if (CheckSyntax(node)) return;
        switch (node)
        {
            case IdentifierNameSyntax { IsVar: true }:
                return; // the type of `var` is checked where the value comes from
            case MemberAccessExpressionSyntax access:
                VisitAccess(access, access.Expression, access.Name);
                return;
            case ElementAccessExpressionSyntax element:
                VisitAccess(element, element.Expression, element.ArgumentList);
                Visit(element.ArgumentList);
                return;
            case BaseObjectCreationExpressionSyntax creation when Refuse(creation, creation):
                if (creation.ArgumentList is { } arguments) Visit(arguments);
                if (creation.Initializer is { } initializer) Visit(initializer);
                return;
            case QualifiedNameSyntax or AliasQualifiedNameSyntax or SimpleNameSyntax or MemberBindingExpressionSyntax
                or AttributeSyntax or ConstructorInitializerSyntax
                when Refuse(node, node):
                return;
            case BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                or AssignmentExpressionSyntax or CastExpressionSyntax
                when IsApplicationOperator(node) && Refuse(node, node):
                return;
            case AnonymousFunctionExpressionSyntax lambda
                when _model.GetTypeInfo(lambda).ConvertedType is { } target && Why(target) is { } why:
                Report(lambda, $"a lambda converted to '{Display(target)}' is not allowed in a rule: {why}");
                return;
        }
        foreach (var child in node.ChildNodes()) Visit(child);
    }

    /// <summary>
    /// <c>Type.Member</c> (a static access, also through namespaces) is judged whole, so the message
    /// names the member (<c>System.IO.File.ReadAllText</c>). <c>value.Member</c> is judged after its
    /// receiver, and only when the receiver was fine: the first API the rule reached for is the one
    /// reported (<c>Task.Delay(-1)</c>, not the <c>.Wait()</c> after it).
    /// </summary>
    private void VisitAccess(ExpressionSyntax access, ExpressionSyntax receiver, SyntaxNode member)
    {
        if (_model.GetSymbolInfo(receiver).Symbol is INamespaceOrTypeSymbol)
        {
            if (!Refuse(access, access)) Visit(receiver);
            return;
        }
        var before = _found.Count;
        Visit(receiver);
        if (_found.Count == before) Refuse(access, member);
    }

    /// <summary>Only operators declared by the application are judged: the framework's are reported through their operands.</summary>
    private bool IsApplicationOperator(SyntaxNode node) =>
        _model.GetSymbolInfo(node).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } method
        && method.ContainingAssembly is { } assembly && _application.Contains(assembly.Name);

    /// <summary>Unsafe code, native declarations and finalizers, refused by their syntax alone.</summary>
    private bool CheckSyntax(SyntaxNode node)
    {
        var why = node switch
        {
            UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax
                or MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "unsafe code",
            StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax =>
                "stackalloc (a large one overflows the stack and kills the process)",
            DestructorDeclarationSyntax => "a finalizer (it runs on the finalizer thread, outside the rule's time budget)",
            _ => null,
        };
        if (why is null && node is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
        {
            var modifiers = node is LocalFunctionStatementSyntax local ? local.Modifiers : ((MemberDeclarationSyntax)node).Modifiers;
            if (modifiers.Any(SyntaxKind.UnsafeKeyword)) why = "unsafe code";
            else if (modifiers.Any(SyntaxKind.ExternKeyword)) why = "extern (native code)";
        }
        if (why is null) return false;
        Report(node, $"{why} is not allowed in a rule");
        return true;
    }

    /// <summary>Reports the symbol behind <paramref name="node"/> when it is forbidden.</summary>
    private bool Refuse(SyntaxNode node, SyntaxNode at)
    {
        var info = _model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
        var why = symbol is null ? null : Why(symbol);
        if (why is null && symbol is null && node is ExpressionSyntax expression
            && _model.GetTypeInfo(expression).Type is { } type)
        {
            why = Why(type);
            if (why is not null)
            {
                Report(at, $"a value of type '{Display(type)}' is not allowed in a rule: {why}");
                return true;
            }
        }
        if (why is null) return false;
        Report(at, $"'{Display(symbol!)}' is not allowed in a rule: {why}");
        return true;
    }

    private string? Why(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol:
                return null;
            case IAliasSymbol alias:
                return Why(alias.Target);
            case ITypeSymbol type:
                return Why(type);
            case IMethodSymbol method:
                method = method.ReducedFrom ?? method;
                if (method.MethodKind == MethodKind.LocalFunction || method.MethodKind == MethodKind.AnonymousFunction)
                    return null;
                return Member(method) ?? Why(method.ReturnType) ?? method.TypeArguments.Select(Why).FirstOrDefault(w => w is not null);
            case IPropertySymbol property:
                return Member(property) ?? Why(property.Type);
            case IFieldSymbol field:
                return Member(field) ?? Why(field.Type);
            case IEventSymbol @event:
                return Member(@event) ?? Why(@event.Type);
            default:
                return null;
        }
    }

    private string? Member(ISymbol member)
    {
        if (member.ContainingType is not { } owner) return null;
        if (ForbiddenMembers.TryGetValue($"{FullName(owner)}.{member.Name}", out var why))
        {
            // object.GetType() is fine; only the static Type.GetType(string...) loads by name.
            if (member is IMethodSymbol { Name: "GetType", IsStatic: false }) return null;
            return why;
        }
        return Why(owner);
    }

    private string? Why(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return Why(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "unsafe code (pointers)";
            case IDynamicTypeSymbol:
                return "dynamic (late binding uses reflection)";
            case ITypeParameterSymbol:
                return null;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                    if (Why(argument) is { } inner) return inner;
                return WhyNamed(named.OriginalDefinition);
            default:
                return null;
        }
    }

    private string? WhyNamed(INamedTypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _script)) return null;
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        foreach (var (forbidden, why) in ForbiddenNamespaces)
            if (ns == forbidden || ns.StartsWith(forbidden + ".", StringComparison.Ordinal)) return why;
        for (var t = type; t is not null; t = t.ContainingType)
            if (ForbiddenTypes.TryGetValue(FullName(t), out var why)) return why;
        if (type.ContainingAssembly is { } assembly && _application.Contains(assembly.Name) && !_reachable.Contains(type))
            return "a rule sees only its globals and the types they lead to";
        return null;
    }

    /// <summary>
    /// The application types a rule may use: the globals type, its base types, and every type its
    /// public members lead to (property, field and return types, their type arguments), transitively.
    /// </summary>
    private void Reach(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                Reach(array.ElementType);
                return;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments) Reach(argument);
                var definition = named.OriginalDefinition;
                if (definition.ContainingAssembly is not { } assembly || !_application.Contains(assembly.Name)) return;
                if (!_reachable.Add(definition)) return;
                if (definition.BaseType is { } baseType) Reach(baseType);
                foreach (var member in definition.GetMembers())
                {
                    if (member.DeclaredAccessibility != Accessibility.Public) continue;
                    switch (member)
                    {
                        case IPropertySymbol property: Reach(property.Type); break;
                        case IFieldSymbol field: Reach(field.Type); break;
                        case IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsVoid: false } method: Reach(method.ReturnType); break;
                    }
                }
                return;
        }
    }

    private void Report(SyntaxNode at, string message)
    {
        var start = at.GetLocation().GetLineSpan().StartLinePosition;
        _found.Add((at.SpanStart, new RuleDiagnostic(_name, start.Line + 1, start.Character + 1, $"{message} ({Decide})")));
    }

    private static string FullName(INamedTypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    private static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => $"new {Display(ctor.ContainingType)}",
        IMethodSymbol method => $"{Display(method.ContainingType)}.{method.Name}",
        IPropertySymbol or IFieldSymbol or IEventSymbol when symbol.ContainingType is { } owner => $"{Display(owner)}.{symbol.Name}",
        _ => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMemberOptions(SymbolDisplayMemberOptions.None)),
    };
}
