using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ruche.Core.People;

namespace Ruche.Core.Data;

/// <summary>
/// Replaces each <see cref="PersonRefs"/> call in a query by its projection, before EF Core translates the query (EF
/// cannot call a method inside SQL). Stateless: one instance serves every context.
/// </summary>
public sealed class PersonRefExpansion : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly PersonRefExpansion Instance = new();

    private static readonly Dictionary<MethodInfo, LambdaExpression> Projections = new()
    {
        [typeof(PersonRefs).GetMethod(nameof(PersonRefs.Of))!] = PersonRefs.Projection,
        [typeof(PersonRefs).GetMethod(nameof(PersonRefs.PresenceOf))!] = PersonRefs.PresenceProjection,
    };

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (!Projections.TryGetValue(node.Method, out var projection))
        {
            return base.VisitMethodCall(node);
        }

        var arguments = projection.Parameters.Zip(node.Arguments.Select(Visit)).ToDictionary(p => p.First, p => p.Second!);
        // The projection may itself call PersonRefs (Of uses PresenceOf): expand what the substitution brings in.
        return Visit(new Substitution(arguments).Visit(projection.Body));
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
