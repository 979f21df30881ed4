using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// Rewrites a rule so that it cannot hang or overflow the stack (Roslyn scripts ignore
/// cancellation, and .NET cannot abort a thread):
/// <list type="bullet">
/// <item>every loop body (<c>for</c>, <c>foreach</c>, <c>while</c>, <c>do</c>) and every <c>goto</c>
/// starts with <see cref="RuleGuard.Check"/>, which throws past the call's deadline;</item>
/// <item>every function body (script methods, local functions, lambdas, anonymous methods,
/// constructors, operators, accessors, expression-bodied properties) becomes
/// <c>{ RuleGuard.Enter(); try { body } finally { RuleGuard.Exit(); } }</c>: Enter counts the depth,
/// checks the deadline and that the stack has room, and throws past the depth limit, so recursion
/// without end fails cleanly instead of killing the process. A lambda that handles no delegate
/// cannot call itself, and starts with <see cref="RuleGuard.Check"/> only;</item>
/// <item>once a call has failed, the rule's own <c>catch</c> clauses (by a filter), <c>finally</c>
/// blocks and <c>Dispose</c> methods stand aside (<see cref="RuleGuard.Live"/>), so the failure
/// unwinds in one go.</item>
/// </list>
/// The new syntax adds no line breaks, so the lines of the compiled rule (and of its exceptions)
/// are those of the user's text. Needs the semantic model of the original tree, to know whether an
/// expression body returns a value.
/// </summary>
internal sealed class RuleInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    private const string Guard = "global::Orchestrator.Engine.Scripting.RuleGuard";
    private static readonly StatementSyntax CheckCall = ParseStatement($"{Guard}.Check();");
    private static readonly StatementSyntax EnterCall = ParseStatement($"{Guard}.Enter();");
    private static readonly FinallyClauseSyntax ExitClause = ((TryStatementSyntax)ParseStatement($"try {{ }} finally {{ {Guard}.Exit(); }}")).Finally!;
    private static readonly ExpressionSyntax Live = ParseExpression($"{Guard}.Live");
    private static readonly StatementSyntax ReturnUnlessLive = ParseStatement($"if (!{Guard}.Live) return;");

    // Handlers: once a call has failed, the rule's own catch, finally and Dispose stand aside.

    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node)
    {
        var visited = (CatchClauseSyntax)base.VisitCatchClause(node)!;
        var condition = visited.Filter is { } filter
            ? BinaryExpression(SyntaxKind.LogicalAndExpression, Live, ParenthesizedExpression(filter.FilterExpression))
            : Live;
        var filterClause = visited.Filter is { } existing
            ? existing.WithFilterExpression(condition)
            : CatchFilterClause(condition).WithTrailingTrivia(Space);
        return visited.WithFilter(filterClause);
    }

    public override SyntaxNode? VisitFinallyClause(FinallyClauseSyntax node)
    {
        var visited = (FinallyClauseSyntax)base.VisitFinallyClause(node)!;
        var block = visited.Block;
        var inner = block.WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken)).WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken));
        return visited.WithBlock(Block(block.OpenBraceToken, SingletonList<StatementSyntax>(IfStatement(Live, inner)), block.CloseBraceToken));
    }

    // Loops and jumps.

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Block(CheckCall, visited.WithoutLeadingTrivia()).WithLeadingTrivia(visited.GetLeadingTrivia());
    }

    // Functions.

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        GuardMember(node, (BaseMethodDeclarationSyntax)base.VisitMethodDeclaration(node)!);

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        GuardMember(node, (BaseMethodDeclarationSyntax)base.VisitConstructorDeclaration(node)!);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        GuardMember(node, (BaseMethodDeclarationSyntax)base.VisitOperatorDeclaration(node)!);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        GuardMember(node, (BaseMethodDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node) as IMethodSymbol);
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body) return visited.WithBody(Guarded(body));
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(Guarded(arrow, visited.SemicolonToken, returnsValue));
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node) as IMethodSymbol);
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is { } body) return visited.WithBody(Guarded(body));
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(Guarded(arrow, visited.SemicolonToken, returnsValue));
    }

    /// <summary><c>int P => expr;</c> becomes <c>int P { get { ... return expr; ... } }</c>.</summary>
    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(Getter(arrow, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(Getter(arrow, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        GuardFunction(node, (AnonymousFunctionExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        GuardFunction(node, (AnonymousFunctionExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        GuardFunction(node, (AnonymousFunctionExpressionSyntax)base.VisitAnonymousMethodExpression(node)!);

    private SyntaxNode GuardMember(BaseMethodDeclarationSyntax original, BaseMethodDeclarationSyntax visited)
    {
        var method = model.GetDeclaredSymbol(original) as IMethodSymbol;
        BlockSyntax guarded;
        if (visited.Body is { } body) guarded = Guarded(body);
        else if (visited.ExpressionBody is { } arrow) guarded = Guarded(arrow, visited.SemicolonToken, ReturnsValue(method));
        else return visited; // abstract, partial or extern: no body

        // A Dispose runs from the implicit finally of a using: after a failure it does nothing.
        if (method is { ReturnsVoid: true, Parameters.Length: 0, IsStatic: false }
            && (method.Name == "Dispose" || method.ExplicitInterfaceImplementations.Any(m => m.Name == "Dispose")))
            guarded = guarded.WithStatements(guarded.Statements.Insert(0, ReturnUnlessLive));
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(guarded);
    }

    /// <summary>
    /// A lambda can only call itself through a delegate (it has no name): one whose body handles no
    /// delegate at all (<c>c =&gt; c.Priority &gt;= 0.5</c>, the usual LINQ lambda) cannot recurse,
    /// and gets the cheaper deadline check alone. The others get the full depth guard.
    /// </summary>
    private SyntaxNode GuardFunction(AnonymousFunctionExpressionSyntax original, AnonymousFunctionExpressionSyntax visited)
    {
        var mayRecurse = MayRecurse(original);
        if (visited.Block is { } block)
            return visited.WithBlock(mayRecurse ? Guarded(block) : block.WithStatements(block.Statements.Insert(0, CheckCall)));
        if (visited.ExpressionBody is not { } expression) return visited;
        var returnsValue = ReturnsValue(model.GetSymbolInfo(original).Symbol as IMethodSymbol);
        var body = mayRecurse
            ? Guarded(Token(SyntaxKind.OpenBraceToken), expression, Token(SyntaxKind.CloseBraceToken), returnsValue)
            : Block(CheckCall, Statement(expression, returnsValue));
        return visited.WithExpressionBody(null).WithBlock(body);
    }

    private bool MayRecurse(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.Body.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(expression =>
        {
            var info = model.GetTypeInfo(expression);
            return info.Type?.TypeKind == TypeKind.Delegate || info.ConvertedType?.TypeKind == TypeKind.Delegate
                || info.Type?.TypeKind == TypeKind.Dynamic;
        });

    /// <summary>
    /// Whether an expression body is a value to return (<c>return expr;</c>) or a statement
    /// (<c>expr;</c>): void, and async methods returning a non-generic task, take a statement.
    /// </summary>
    private static bool ReturnsValue(IMethodSymbol? method) =>
        method is null || (!method.ReturnsVoid && !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false }));

    private static StatementSyntax Checked(StatementSyntax body) => body is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, CheckCall))
        : Block(CheckCall, body.WithoutLeadingTrivia()).WithLeadingTrivia(body.GetLeadingTrivia());

    /// <summary><c>{ Enter(); try { ...body... } finally { Exit(); } }</c>, the braces keeping their trivia (line breaks).</summary>
    private static BlockSyntax Guarded(BlockSyntax body)
    {
        var inner = body.WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken)).WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken));
        return Block(body.OpenBraceToken, List([EnterCall, TryStatement(inner, default, ExitClause)]), body.CloseBraceToken);
    }

    /// <summary>An expression body as a guarded block; the arrow's and the semicolon's trivia move to the braces.</summary>
    private static BlockSyntax Guarded(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue)
    {
        var open = Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, arrow.ArrowToken.TrailingTrivia);
        var close = semicolon.IsKind(SyntaxKind.None)
            ? Token(SyntaxKind.CloseBraceToken)
            : Token(semicolon.LeadingTrivia, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia);
        return Guarded(open, arrow.Expression, close, returnsValue);
    }

    private static BlockSyntax Guarded(SyntaxToken open, ExpressionSyntax expression, SyntaxToken close, bool returnsValue) =>
        Block(open, List([EnterCall, TryStatement(Block(Statement(expression, returnsValue)), default, ExitClause)]), close);

    /// <summary>An expression body as a statement: <c>return expr;</c>, <c>expr;</c> or <c>throw x;</c>.</summary>
    private static StatementSyntax Statement(ExpressionSyntax expression, bool returnsValue) => expression switch
    {
        ThrowExpressionSyntax thrown => ThrowStatement(Token(TriviaList(), SyntaxKind.ThrowKeyword, TriviaList(Space)),
            thrown.Expression, Token(SyntaxKind.SemicolonToken)),
        _ when returnsValue => ReturnStatement(Token(TriviaList(), SyntaxKind.ReturnKeyword, TriviaList(Space)),
            expression, Token(SyntaxKind.SemicolonToken)),
        _ => ExpressionStatement(expression),
    };

    private static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon) =>
        AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, Guarded(arrow, semicolon, returnsValue: true))));
}
