using System.Reflection;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Architecture;

/// <summary>
/// A test class that starts the app before asking whether its provider is there fails on a machine without PostgreSQL
/// instead of skipping (two did). Going through <see cref="ProviderTests"/> makes the question come first.
/// </summary>
public sealed class ProviderTestsRuleTests
{
    [Fact]
    public void Every_test_class_on_a_Ruche_app_goes_through_ProviderTests()
    {
        var classes = typeof(ProviderTests).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .Where(type => type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IClassFixture<>)
                && typeof(RucheApp).IsAssignableFrom(contract.GetGenericArguments()[0])))
            .ToList();

        Assert.True(classes.Count > 40, $"Only {classes.Count} test classes with a RucheApp fixture found: the search is broken.");
        Assert.Empty(classes.Where(type => !typeof(ProviderTests).IsAssignableFrom(type)).Select(type => type.FullName));
    }
}
