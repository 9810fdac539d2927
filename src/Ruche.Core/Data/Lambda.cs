using System.Linq.Expressions;

namespace Ruche.Core.Data;

/// <summary>Composes rule expressions (substituting parameters), so a rule is written once and reused in any query.</summary>
internal static class Lambda
{
    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>.</summary>
    public static Expression Apply(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(lambda.Body);

    public static Expression<Func<T, long, bool>> Or<T>(Expression<Func<T, bool>> first, Expression<Func<T, long, bool>> second)
    {
        var subject = Expression.Parameter(typeof(T), "subject");
        var personId = Expression.Parameter(typeof(long), "personId");
        return Expression.Lambda<Func<T, long, bool>>(Expression.OrElse(Apply(first, subject), Apply(second, subject, personId)), subject, personId);
    }

    /// <summary>(subject, value) =&gt; id(subject) == value.</summary>
    public static Expression<Func<T, long, bool>> Equal<T>(Expression<Func<T, long>> id)
    {
        var subject = Expression.Parameter(typeof(T), "subject");
        var value = Expression.Parameter(typeof(long), "value");
        return Expression.Lambda<Func<T, long, bool>>(Expression.Equal(Apply(id, subject), value), subject, value);
    }

    /// <summary>
    /// Fixes the second parameter to a value, as a captured variable so EF Core sends it as a SQL parameter (one cached
    /// query plan for every value) rather than a constant.
    /// </summary>
    public static Expression<Func<T, bool>> Bind<T>(Expression<Func<T, long, bool>> rule, long value)
    {
        var subject = Expression.Parameter(typeof(T), "subject");
        return Expression.Lambda<Func<T, bool>>(Apply(rule, subject, Value(value)), subject);
    }

    /// <summary>A value as a captured variable, which EF Core sends as a SQL parameter.</summary>
    public static Expression Value(long value) => Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Value));

    private sealed record Captured(long Value);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
