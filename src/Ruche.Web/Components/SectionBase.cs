using Microsoft.AspNetCore.Components;

namespace Ruche.Web.Components;

/// <summary>
/// A part of a page that reads its own data (a card, a section of a profile or a dashboard). It reads once, in a DI
/// scope of its own, so with a <see cref="Ruche.Core.Data.RucheDbContext"/> of its own: a part renders while the page
/// or a sibling part may still be querying the request's context, and a re-render of the page sets its parameters
/// again, while EF Core refuses a second operation on a context before the first ends (seen as rare 500s under load).
/// Pages load in <see cref="PageBase.LoadAsync"/>; every other component that queries derives from this.
/// </summary>
public abstract class SectionBase : ComponentBase
{
    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    protected sealed override async Task OnInitializedAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        await LoadAsync(scope.ServiceProvider);
    }

    /// <summary>Reads what the section shows, with services of its own scope.</summary>
    protected abstract Task LoadAsync(IServiceProvider services);
}
