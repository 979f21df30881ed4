using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The allow-list, checked on the semantic model of a compiled rule: every symbol a rule names
/// (type, method, property, field, operator, constructor, query operator) and the type of every
/// expression must be allowed. Allowed are the rule's own locals, local functions and lambdas,
/// its globals and the application types they lead to, and the framework types of
/// <see cref="RuleAllowList"/>; a member is allowed when its type is, and its signature (return
/// type, parameter types, type arguments) is made of allowed types. Everything else is refused
/// with its position and name. Syntax a rule does not need is refused before, by
/// <see cref="RuleSyntaxPolicy"/>.
/// </summary>
internal sealed class RulePolicy
{
    private const string Decide = "rules decide from their globals, they do not act";

    private readonly SemanticModel _model;
    private readonly string _name;
    private readonly IAssemblySymbol _script;
    private readonly ImmutableHashSet<string> _application;
    private readonly HashSet<ITypeSymbol> _reachable = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, string?> _verdicts = new(SymbolEqualityComparer.Default);
    private readonly List<(int Position, RuleDiagnostic Diagnostic)> _found = [];

    public RulePolicy(Compilation compilation, SemanticModel model, Type globalsType, ImmutableHashSet<string> applicationAssemblies, string name)
    {
        _model = model;
        _name = name;
        _script = compilation.Assembly;
        _application = applicationAssemblies;
        if (compilation.GetTypeByMetadataName(globalsType.FullName!) is { } globals) Reach(globals);
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

    /// <summary>
    /// The first API a rule reaches for is the one reported: a node is judged after its children,
    /// and only when they were fine (<c>Task.Delay(-1)</c>, not the <c>.Wait()</c> after it). A static
    /// access (<c>System.IO.File.ReadAllText(...)</c>, <c>AppDomain.CurrentDomain</c>) is judged whole
    /// first, so that the message names the member rather than its type.
    /// </summary>
    private void Visit(SyntaxNode node)
    {
        if (IsStaticAccess(node) && Judge(node) is { } member)
        {
            Report(node, member);
            return;
        }
        var before = _found.Count;
        foreach (var child in node.ChildNodes()) Visit(child);
        if (_found.Count == before && Judge(node) is { } refusal) Report(node, refusal);
    }

    private bool IsStaticAccess(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => IsStaticAccess(invocation.Expression),
        MemberAccessExpressionSyntax access => _model.GetSymbolInfo(access.Expression).Symbol is INamespaceOrTypeSymbol,
        QualifiedNameSyntax qualified => _model.GetSymbolInfo(qualified.Left).Symbol is INamespaceOrTypeSymbol,
        _ => false,
    };

    private string? Judge(SyntaxNode node)
    {
        if (node is QueryClauseSyntax or OrderingSyntax or SelectOrGroupClauseSyntax)
            return JudgeQuery(node);
        if (node is ForEachStatementSyntax or ForEachVariableStatementSyntax)
        {
            var info = _model.GetForEachStatementInfo((CommonForEachStatementSyntax)node);
            return info.GetEnumeratorMethod is { } getEnumerator ? Why(getEnumerator) is { } why ? Says(getEnumerator, why) : null : null;
        }
        if (node is not ExpressionSyntax expression) return null;
        if (expression is IdentifierNameSyntax { IsVar: true }) return null;

        var symbolInfo = _model.GetSymbolInfo(expression);
        var symbol = symbolInfo.Symbol ?? (symbolInfo.CandidateSymbols.Length > 0 ? symbolInfo.CandidateSymbols[0] : null);
        if (symbol is not null && Why(symbol) is { } refused) return Says(symbol, refused);

        var typeInfo = _model.GetTypeInfo(expression);
        foreach (var type in new[] { typeInfo.Type, typeInfo.ConvertedType })
        {
            if (type is null || type.TypeKind == TypeKind.Error) continue;
            if (Why(type) is { } why)
                return expression is AnonymousFunctionExpressionSyntax
                    ? $"a lambda converted to '{Display(type)}' is not allowed in a rule: {why}"
                    : $"a value of type '{Display(type)}' is not allowed in a rule: {why}";
        }
        return null;
    }

    private string? JudgeQuery(SyntaxNode clause)
    {
        ISymbol?[] symbols = clause switch
        {
            QueryClauseSyntax query when _model.GetQueryClauseInfo(query) is var info => [info.CastInfo.Symbol, info.OperationInfo.Symbol],
            OrderingSyntax ordering => [_model.GetSymbolInfo(ordering).Symbol],
            SelectOrGroupClauseSyntax select => [_model.GetSymbolInfo(select).Symbol],
            _ => [],
        };
        foreach (var symbol in symbols)
            if (symbol is not null && Why(symbol) is { } why) return Says(symbol, why);
        return null;
    }

    private static string Says(ISymbol symbol, string why) => $"'{Display(symbol)}' is not allowed in a rule: {why}";

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
                method = method.ReducedFrom is { } reduced ? method.GetConstructedReducedFrom() ?? reduced : method;
                if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction) return null;
                return Member(method) ?? Why(method.ReturnType) ?? Parameters(method.Parameters)
                    ?? method.TypeArguments.Select(Why).FirstOrDefault(w => w is not null);
            case IPropertySymbol property:
                return Member(property) ?? Why(property.Type) ?? Parameters(property.Parameters);
            case IFieldSymbol field:
                return Member(field) ?? Why(field.Type);
            case IEventSymbol:
                return "events";
            default:
                return "outside what rules may use";
        }
    }

    private string? Parameters(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
            if (Why(parameter.Type) is { } why) return $"it takes a '{Display(parameter.Type)}': {why}";
        return null;
    }

    private string? Member(ISymbol member)
    {
        if (member.ContainingType is not { } owner) return null;
        if (SymbolEqualityComparer.Default.Equals(owner.ContainingAssembly, _script) && !owner.IsAnonymousType) return null;
        return RuleAllowList.RefusedMember(member) ?? Why(owner);
    }

    private string? Why(ITypeSymbol type)
    {
        if (_verdicts.TryGetValue(type, out var known)) return known;
        var verdict = Judge(type);
        _verdicts[type] = verdict;
        return verdict;
    }

    private string? Judge(ITypeSymbol type)
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
            case INamedTypeSymbol { IsAnonymousType: true } anonymous:
                return anonymous.GetMembers().OfType<IPropertySymbol>().Select(p => Why(p.Type)).FirstOrDefault(w => w is not null);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                    if (Why(argument) is { } inner) return inner;
                var definition = named.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _script)) return null;
                if (definition.ContainingAssembly is { } assembly && _application.Contains(assembly.Name))
                    return _reachable.Contains(definition) ? null : "a rule sees only its globals and the types they lead to";
                return RuleAllowList.IsAllowedFrameworkType(definition) ? null : RuleAllowList.Describe(definition);
            default:
                return "outside what rules may use";
        }
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

    private static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => $"new {Display(ctor.ContainingType)}",
        IMethodSymbol { ReducedFrom: { } reduced } => $"{Display(reduced.ContainingType)}.{reduced.Name}",
        IMethodSymbol method => $"{Display(method.ContainingType)}.{method.Name}",
        IPropertySymbol or IFieldSymbol or IEventSymbol when symbol.ContainingType is { } owner => $"{Display(owner)}.{symbol.Name}",
        _ => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMemberOptions(SymbolDisplayMemberOptions.None)),
    };
}
