using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// What is checked on a rule's text before the compiler binds it: its size, how deeply its syntax
/// nests, and syntax a rule does not need (type declarations, <c>async</c>/<c>await</c>, unsafe code,
/// pointers, <c>stackalloc</c>, attributes, preprocessor directives, <c>typeof</c>, <c>lock</c>).
/// The limits come first because the compiler's binder recurses with the nesting: a 50,000-term
/// expression or a 3.6 MB file otherwise ties it up for half a minute or overflows its stack.
/// </summary>
internal static class RuleSyntaxPolicy
{
    /// <summary>Longest rule text, in characters. The shipped rules are under 1,000.</summary>
    public const int MaxLength = 65_536;

    /// <summary>Deepest nesting of the rule's syntax tree (a chain of 100 <c>||</c> is about 100 deep).</summary>
    public const int MaxNesting = 256;

    /// <summary>The text's length, refused before it is parsed.</summary>
    public static RuleDiagnostic? CheckLength(RuleSource source) =>
        source.Text.Length <= MaxLength
            ? null
            : new RuleDiagnostic(source.Name, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the rule is {source.Text.Length:N0} characters long; the limit is {MaxLength:N0} (a rule decides from its globals: keep it short)"));

    /// <summary>Nesting and refused syntax, in the order of the text.</summary>
    public static IReadOnlyList<RuleDiagnostic> Check(SyntaxTree tree, string name)
    {
        var found = new List<RuleDiagnostic>();
        var root = tree.GetRoot();
        if (DeepestNode(root) is { } deep)
        {
            // Nothing else is looked at: the tree is too deep for the recursive walks that follow.
            found.Add(At(deep.Node, name, string.Create(CultureInfo.InvariantCulture,
                $"the rule nests {deep.Depth:N0} levels deep here; the limit is {MaxNesting} (split the expression with local variables)")));
            return found;
        }
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.GetStructure() is DirectiveTriviaSyntax directive)
                found.Add(At(directive, name, $"{DirectiveName(directive)} is not allowed in a rule: preprocessor directives are refused"));
        }
        Walk(root, name, found);
        return found;
    }

    /// <summary>The first node deeper than <see cref="MaxNesting"/>, found without recursion.</summary>
    private static (SyntaxNode Node, int Depth)? DeepestNode(SyntaxNode root)
    {
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 0));
        (SyntaxNode Node, int Depth)? deepest = null;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxNesting && (deepest is null || depth > deepest.Value.Depth)) deepest = (node, depth);
            foreach (var child in node.ChildNodes()) stack.Push((child, depth + 1));
        }
        return deepest;
    }

    private static void Walk(SyntaxNode node, string name, List<RuleDiagnostic> found)
    {
        if (Why(node) is { } why)
        {
            found.Add(At(node, name, $"{why} is not allowed in a rule"));
            return;
        }
        foreach (var child in node.ChildNodes()) Walk(child, name, found);
    }

    private static string? Why(SyntaxNode node)
    {
        switch (node)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                return "a type declaration (a rule is an expression or statements; use local functions and tuples)";
            case BaseNamespaceDeclarationSyntax:
                return "a namespace";
            // A script's top-level variables are fields, and its top-level functions methods: both are what rules are made of.
            case FieldDeclarationSyntax field when field.Modifiers.Any(m => !m.IsKind(SyntaxKind.ConstKeyword)):
                return "a modifier on a rule's variable";
            case MemberDeclarationSyntax and not MethodDeclarationSyntax and not GlobalStatementSyntax and not FieldDeclarationSyntax:
                return "a member declaration (use a local function)";
            case AttributeListSyntax:
                return "an attribute";
            case AwaitExpressionSyntax:
                return "await (rules decide synchronously)";
            case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax
                or MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax or SizeOfExpressionSyntax:
                return "unsafe code";
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.AddressOfExpression) || prefix.IsKind(SyntaxKind.PointerIndirectionExpression):
                return "unsafe code (pointers)";
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.PointerMemberAccessExpression):
                return "unsafe code (pointers)";
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return "stackalloc";
            case TypeOfExpressionSyntax:
                return "typeof (reflection)";
            case LockStatementSyntax:
                return "lock (threads)";
            case ExternAliasDirectiveSyntax:
                return "extern alias";
            case ArgumentListSyntax { Arguments: var arguments } when arguments.Any(a => a.Expression.IsKind(SyntaxKind.ArgListExpression)):
                return "__arglist";
            case ForEachStatementSyntax { AwaitKeyword.RawKind: not 0 } or UsingStatementSyntax { AwaitKeyword.RawKind: not 0 }
                or LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 }:
                return "await (rules decide synchronously)";
        }
        var modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalFunctionStatementSyntax local => local.Modifiers,
            AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
            LocalDeclarationStatementSyntax local => local.Modifiers,
            _ => default,
        };
        if (modifiers.Any(SyntaxKind.AsyncKeyword)) return "async (rules decide synchronously)";
        if (modifiers.Any(SyntaxKind.UnsafeKeyword)) return "unsafe code";
        if (modifiers.Any(SyntaxKind.ExternKeyword)) return "extern (native code)";
        return null;
    }

    private static string DirectiveName(DirectiveTriviaSyntax directive) => directive switch
    {
        ReferenceDirectiveTriviaSyntax => "#r",
        LoadDirectiveTriviaSyntax => "#load",
        ShebangDirectiveTriviaSyntax => "#!",
        _ => "#" + directive.DirectiveNameToken.ValueText,
    };

    private static RuleDiagnostic At(SyntaxNode node, string name, string message)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        return new RuleDiagnostic(name, start.Line + 1, start.Character + 1, message);
    }
}
