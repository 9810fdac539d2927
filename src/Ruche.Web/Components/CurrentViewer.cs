using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Web.Auth;

namespace Ruche.Web.Components;

/// <summary>The signed-in person a page is rendered for: who they are and the time zone to show times in.</summary>
public sealed class CurrentViewer(IHttpContextAccessor http, RucheDbContext db)
{
    private Reader? me;

    public Viewer Viewer => http.HttpContext?.User.ToViewer() ?? throw new InvalidOperationException("No signed-in person.");

    public bool IsSignedIn => http.HttpContext?.User.ToViewer() is not null;

    public async Task<Reader> GetAsync(CancellationToken cancellationToken = default)
    {
        if (me is null)
        {
            var id = Viewer.PersonId;
            me = await db.People.Where(p => p.Id == id)
                .Select(p => new Reader(p.Id, p.DisplayName, p.Handle, p.TimeZone, p.PhotoFileId, p.Language, p.OnboardedAt != null))
                .SingleAsync(cancellationToken);
        }

        return me;
    }
}

/// <param name="Onboarded">They finished or dismissed the welcome path (Onboarding); until then the home page offers it.</param>
public sealed record Reader(long Id, string DisplayName, string Handle, string TimeZone, Guid? PhotoFileId, string Language, bool Onboarded = true);
