namespace Ruche.Tests.Infrastructure;

/// <summary>
/// Every test class that runs on a <see cref="RucheApp"/> derives from this one (an architecture test checks it). The
/// same test bodies run on both providers (CONVENTIONS 11): a test class is abstract over <see cref="RucheApp"/>, with
/// one sealed subclass per provider. Before any test body runs, a provider that is not available here (no
/// RUCHE_TEST_POSTGRES) skips the test with its reason, whatever the body touches first: the app's services, its
/// clients or a fixture's own server.
/// </summary>
public abstract class ProviderTests(RucheApp app) : IAsyncLifetime
{
    protected RucheApp App => app;

    public virtual ValueTask InitializeAsync()
    {
        app.RequireAvailable();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected Task<Actor> NewPersonAsync(string name = "Person", string timeZone = "Europe/Paris", params string[] roles) =>
        app.NewPersonAsync(name, timeZone, roles);
}
