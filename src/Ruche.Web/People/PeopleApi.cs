using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;

namespace Ruche.Web.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", DirectoryAsync).WithName("ListPeople");
        people.MapGet("/me", MeAsync).WithName("GetMe");
        people.MapGet("/{id:long}", GetAsync).WithName("GetPerson");
        people.MapPatch("/{id:long}", UpdateAsync).WithName("UpdatePerson");
        people.MapPut("/me/photo", SetPhotoAsync).WithName("SetMyPhoto").DisableAntiforgery();
        people.MapPut("/{id:long}/follow", FollowAsync).WithName("FollowPerson");
        people.MapDelete("/{id:long}/follow", UnfollowAsync).WithName("UnfollowPerson");
        api.MapGet("/me/following", FollowingAsync).WithTags("People").WithName("GetMyFollowing");
        api.MapPut("/tags/{tag}/follow", FollowTagAsync).WithTags("Tags").WithName("FollowTag");
        api.MapDelete("/tags/{tag}/follow", UnfollowTagAsync).WithTags("Tags").WithName("UnfollowTag");
        api.MapGet("/departments", (ProfileService service, CancellationToken ct) => service.DepartmentsAsync(ct)).WithTags("People").WithName("ListDepartments");
        api.MapGet("/sites", (ProfileService service, CancellationToken ct) => service.SitesAsync(ct)).WithTags("People").WithName("ListSites");
        return api;
    }

    /// <summary>Active people whose name, handle or job title holds <paramref name="search"/>; <paramref name="limit"/> bounds the answer.</summary>
    private static async Task<Ok<IReadOnlyList<DirectoryEntry>>> DirectoryAsync(ProfileService service, string? search, int? limit, CancellationToken ct) =>
        TypedResults.Ok(limit is { } most ? await service.DirectoryAsync(search, most, ct) : await service.DirectoryAsync(search, ct));

    private static async Task<Ok<Profile>> MeAsync(ClaimsPrincipal user, ProfileService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.RequireViewer().PersonId, ct));

    private static async Task<Ok<Profile>> GetAsync(long id, ProfileService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<Profile>> UpdateAsync(long id, ProfileUpdate update, ClaimsPrincipal user, ProfileService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(user.RequireViewer(), id, update, ct));

    private static async Task<Ok<Profile>> SetPhotoAsync(IFormFile file, ClaimsPrincipal user, ProfileService service, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await service.SetPhotoAsync(user.RequireViewer(), stream, file.FileName, ct));
    }

    private static async Task<NoContent> FollowAsync(long id, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.FollowPersonAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnfollowAsync(long id, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.UnfollowPersonAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Following>> FollowingAsync(ClaimsPrincipal user, FollowService service, CancellationToken ct) =>
        TypedResults.Ok(await service.FollowingAsync(user.RequireViewer(), ct));

    private static async Task<NoContent> FollowTagAsync(string tag, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.FollowTagAsync(user.RequireViewer(), tag, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnfollowTagAsync(string tag, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.UnfollowTagAsync(user.RequireViewer(), tag, ct);
        return TypedResults.NoContent();
    }
}
