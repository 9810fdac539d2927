namespace Ruche.Tests.Infrastructure;

/// <summary>A few assertions that read as sentences.</summary>
public static class Should
{
    public static void ShouldBeTrue(this bool value) => Assert.True(value);

    public static void ShouldBe<T>(this T actual, T expected) => Assert.Equal(expected, actual);
}
