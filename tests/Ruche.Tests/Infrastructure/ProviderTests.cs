namespace Ruche.Tests.Infrastructure;

/// <summary>
/// The same test bodies run on both providers (CONVENTIONS 11): a test class is abstract over
/// <see cref="RucheApp"/>, with one sealed subclass per provider.
/// </summary>
public abstract class ProviderTests(RucheApp app)
{
    protected RucheApp App => app;

    protected Task<Actor> NewPersonAsync(string name = "Person", string timeZone = "Europe/Paris", params string[] roles) =>
        app.NewPersonAsync(name, timeZone, roles);
}
