using System.Globalization;
using System.Security.Claims;
using Ruche.Core.Common;

namespace Ruche.Web.Auth;

public static class ViewerClaims
{
    /// <summary>The viewer a signed-in principal stands for; null when anonymous.</summary>
    public static Viewer? ToViewer(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Viewer(personId, roles);
    }

    public static Viewer RequireViewer(this ClaimsPrincipal principal) =>
        principal.ToViewer() ?? throw new InvalidOperationException("This endpoint requires an authenticated person.");
}
