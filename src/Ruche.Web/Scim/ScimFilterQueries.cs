using System.Globalization;
using System.Linq.Expressions;
using Ruche.Core.People;

namespace Ruche.Web.Scim;

/// <summary>
/// Turns a parsed SCIM filter into a database predicate, for the attributes Ruche stores: Users by id, userName,
/// emails(.value), externalId, displayName (name.formatted) and active; Groups by id, displayName and externalId.
/// Any other attribute or operator is refused with invalidFilter rather than silently matching nothing.
/// </summary>
public static class ScimFilterQueries
{
    public static Expression<Func<Person, bool>>? ForUsers(string? filter) => Build<Person>(filter, UserColumn);

    public static Expression<Func<Department, bool>>? ForGroups(string? filter) => Build<Department>(filter, GroupColumn);

    private static Column? UserColumn(ParameterExpression p, string attribute) => attribute switch
    {
        "id" => new Column(Expression.Property(p, nameof(Person.Id)), ColumnKind.Id),
        "username" or "emails" or "emails.value" => new Column(Expression.Property(p, nameof(Person.NormalizedEmail)), ColumnKind.Normalized),
        "externalid" => new Column(Expression.Property(p, nameof(Person.ScimExternalId)), ColumnKind.CaseExact),
        "displayname" or "name.formatted" => new Column(Expression.Property(p, nameof(Person.DisplayName)), ColumnKind.CaseIgnored),
        "active" => new Column(Expression.Property(p, nameof(Person.IsActive)), ColumnKind.Boolean),
        // Ruche's one address is the work address and the primary one.
        "emails.type" => new Column(Expression.Constant("WORK"), ColumnKind.Normalized),
        "emails.primary" => new Column(Expression.Constant(true), ColumnKind.Boolean),
        _ => null,
    };

    private static Column? GroupColumn(ParameterExpression d, string attribute) => attribute switch
    {
        "id" => new Column(Expression.Property(d, nameof(Department.Id)), ColumnKind.Id),
        "displayname" => new Column(Expression.Property(d, nameof(Department.Name)), ColumnKind.CaseIgnored),
        "externalid" => new Column(Expression.Property(d, nameof(Department.ScimExternalId)), ColumnKind.CaseExact),
        _ => null,
    };

    private static Expression<Func<T, bool>>? Build<T>(string? filter, Func<ParameterExpression, string, Column?> columns)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, bool>>(Translate(ScimFilter.Parse(filter), parameter, columns, null), parameter);
    }

    private static Expression Translate(ScimFilter filter, ParameterExpression p, Func<ParameterExpression, string, Column?> columns, string? prefix) => filter switch
    {
        ScimAnd and => Expression.AndAlso(Translate(and.Left, p, columns, prefix), Translate(and.Right, p, columns, prefix)),
        ScimOr or => Expression.OrElse(Translate(or.Left, p, columns, prefix), Translate(or.Right, p, columns, prefix)),
        ScimNot not => Expression.Not(Translate(not.Inner, p, columns, prefix)),
        ScimValuePath path when prefix is null => Translate(path.Inner, p, columns, path.Attribute + "."),
        ScimPresent present => Present(Find(p, columns, prefix + present.Attribute)),
        ScimCompare compare => Compare(Find(p, columns, prefix + compare.Attribute), compare),
        _ => throw ScimException.InvalidFilter("Value filters cannot be nested."),
    };

    private static Column Find(ParameterExpression p, Func<ParameterExpression, string, Column?> columns, string attribute) =>
        columns(p, attribute.ToLowerInvariant()) ?? throw ScimException.InvalidFilter($"Filtering on '{attribute}' is not supported.");

    private static Expression Present(Column column) => column.Kind switch
    {
        ColumnKind.Boolean or ColumnKind.Id => Expression.Constant(true),
        _ => Expression.AndAlso(
            Expression.NotEqual(column.Target, Expression.Constant(null, typeof(string))),
            Expression.NotEqual(column.Target, Expression.Constant(string.Empty))),
    };

    private static Expression Compare(Column column, ScimCompare compare)
    {
        var value = ScimJson.Scalar(compare.Value);
        switch (column.Kind)
        {
            case ColumnKind.Boolean:
                var flag = compare.Value is not null ? ScimJson.Bool(compare.Value, compare.Attribute) : throw ScimException.InvalidFilter("A boolean is compared to true or false.");
                return compare.Op switch
                {
                    "eq" => Expression.Equal(column.Target, Parameter(flag)),
                    "ne" => Expression.NotEqual(column.Target, Parameter(flag)),
                    _ => throw ScimException.InvalidFilter($"'{compare.Op}' does not apply to '{compare.Attribute}'."),
                };
            case ColumnKind.Id:
                if (compare.Op is not ("eq" or "ne"))
                {
                    throw ScimException.InvalidFilter($"'{compare.Op}' does not apply to 'id'.");
                }

                // An id that is not a number names no resource.
                var equal = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? Expression.Equal(column.Target, Parameter(id))
                    : (Expression)Expression.Constant(false);
                return compare.Op == "eq" ? equal : Expression.Not(equal);
        }

        if (compare.Value is null || value is null)
        {
            return compare.Op switch
            {
                "eq" => Expression.Equal(column.Target, Expression.Constant(null, typeof(string))),
                "ne" => Expression.NotEqual(column.Target, Expression.Constant(null, typeof(string))),
                _ => throw ScimException.InvalidFilter($"'{compare.Op}' needs a string."),
            };
        }

        var (target, text) = column.Kind switch
        {
            ColumnKind.CaseExact => (column.Target, value),
            ColumnKind.Normalized => (column.Target, value.Trim().ToUpperInvariant()),
            _ => ((Expression)Expression.Call(column.Target, StringMethod(nameof(string.ToUpper))), value.ToUpperInvariant()),
        };
        return compare.Op switch
        {
            "eq" => Expression.Equal(target, Parameter(text)),
            "ne" => Expression.NotEqual(target, Parameter(text)),
            "co" => Expression.Call(target, StringMethod(nameof(string.Contains), typeof(string)), Parameter(text)),
            "sw" => Expression.Call(target, StringMethod(nameof(string.StartsWith), typeof(string)), Parameter(text)),
            "ew" => Expression.Call(target, StringMethod(nameof(string.EndsWith), typeof(string)), Parameter(text)),
            _ => throw ScimException.InvalidFilter($"'{compare.Op}' is not supported on '{compare.Attribute}' (eq, ne, co, sw, ew and pr are)."),
        };
    }

    /// <summary>A constant the provider writes as an escaped SQL literal (a filter is small and rarely repeated).</summary>
    private static ConstantExpression Parameter<TValue>(TValue value) => Expression.Constant(value, typeof(TValue));

    private static System.Reflection.MethodInfo StringMethod(string name, params Type[] parameters) =>
        typeof(string).GetMethod(name, parameters) ?? throw new InvalidOperationException(name);

    private enum ColumnKind
    {
        Id,
        Boolean,
        CaseExact,
        CaseIgnored,
        Normalized,
    }

    private sealed record Column(Expression Target, ColumnKind Kind);
}
