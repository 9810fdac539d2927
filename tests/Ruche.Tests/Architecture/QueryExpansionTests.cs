using System.Reflection;
using Ruche.Core.Data;

namespace Ruche.Tests.Architecture;

/// <summary>Every rule or projection written once for queries resolves to an expression of its own parameters.</summary>
public sealed class QueryExpansionTests
{
    [Fact]
    public void Every_method_marked_for_expansion_names_an_expression_of_its_parameters()
    {
        var marked = typeof(RucheDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<ExpandedFromAttribute>() is not null)
            .ToList();

        Assert.Contains(marked, m => m.Name == "IsReadableBy" && m.DeclaringType?.Name == "SpaceRules");
        Assert.All(marked, method =>
        {
            var expansion = QueryExpansion.ExpansionOf(method);
            Assert.NotNull(expansion);
            Assert.Equal(method.GetParameters().Select(p => p.ParameterType), expansion.Parameters.Select(p => p.Type));
            Assert.Equal(method.ReturnType, expansion.ReturnType);
        });
    }
}
