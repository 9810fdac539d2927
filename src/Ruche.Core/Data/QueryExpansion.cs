using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ruche.Core.Data;

/// <summary>
/// Replaces each call to a method marked <see cref="ExpandedFromAttribute"/> by the expression it names, before EF Core
/// translates the query (EF cannot call a method inside SQL). This is how a rule or a projection is written once
/// (<see cref="Spaces.SpaceRules"/>, <see cref="People.PersonRefs"/>) and used inside any query. Stateless but for a
/// cache of what each method expands to: one instance serves every context; every provider registers it.
/// </summary>
public sealed class QueryExpansion : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly QueryExpansion Instance = new();

    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Expansions = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    /// <summary>The expression a marked method stands for (null for any other method).</summary>
    public static LambdaExpression? ExpansionOf(MethodInfo method) => Expansions.GetOrAdd(method, Find);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (ExpansionOf(node.Method) is not { } expansion)
        {
            return base.VisitMethodCall(node);
        }

        // The expansion may itself call marked methods (a post's rule calls its space's): expand what it brings in.
        return Visit(Lambda.Apply(expansion, [.. node.Arguments.Select(Visit)!]));
    }

    private static LambdaExpression? Find(MethodInfo method)
    {
        if (method.GetCustomAttribute<ExpandedFromAttribute>() is not { } marked)
        {
            return null;
        }

        var field = method.DeclaringType!.GetField(marked.Field, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{method.DeclaringType.Name}.{method.Name} names {marked.Field}, which is not a static field of its class.");
        return field.GetValue(null) as LambdaExpression is { } lambda && lambda.Parameters.Count == method.GetParameters().Length
            ? lambda
            : throw new InvalidOperationException($"{method.DeclaringType.Name}.{marked.Field} is not an expression taking {method.Name}'s parameters.");
    }
}

/// <summary>
/// Marks a static method that stands, inside EF Core queries, for the expression held by the named static field of its
/// class (same parameters). <see cref="QueryExpansion"/> substitutes it before translation; called anywhere else the
/// method throws (<see cref="ExpandedFromAttribute.OutsideAQuery"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExpandedFromAttribute(string field) : Attribute
{
    public string Field { get; } = field;

    public static InvalidOperationException OutsideAQuery() =>
        new("This method belongs inside an EF Core query, where QueryExpansion replaces it by its expression.");
}
