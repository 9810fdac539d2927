using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Common;
using Ruche.Core.Follows;
using Ruche.Core.Spaces;
using Ruche.Web.Auth;

namespace Ruche.Web.Spaces;

public static class SpacesApi
{
    public static RouteGroupBuilder MapSpacesApi(this RouteGroupBuilder api)
    {
        var spaces = api.MapGroup("/spaces").WithTags("Spaces");
        spaces.MapGet("/", ListAsync).WithName("ListSpaces");
        spaces.MapPost("/", CreateAsync).WithName("CreateSpace");
        spaces.MapGet("/{id:long}", GetAsync).WithName("GetSpace");
        spaces.MapPost("/{id:long}/join", JoinAsync).WithName("JoinSpace");
        spaces.MapDelete("/{id:long}/membership", LeaveAsync).WithName("LeaveSpace");
        spaces.MapGet("/{id:long}/members", MembersAsync).WithName("ListSpaceMembers");
        spaces.MapPut("/{id:long}/members/{personId:long}", AddMemberAsync).WithName("AddSpaceMember");
        spaces.MapDelete("/{id:long}/members/{personId:long}", RemoveMemberAsync).WithName("RemoveSpaceMember");
        spaces.MapPut("/{id:long}/members/{personId:long}/role", SetRoleAsync).WithName("SetSpaceMemberRole");
        spaces.MapPut("/{id:long}/follow", FollowAsync).WithName("FollowSpace");
        spaces.MapDelete("/{id:long}/follow", UnfollowAsync).WithName("UnfollowSpace");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SpaceSummary>>> ListAsync(ClaimsPrincipal user, SpaceService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user.RequireViewer(), ct));

    private static async Task<Created<SpaceSummary>> CreateAsync(NewSpaceRequest request, ClaimsPrincipal user, SpaceService service, CancellationToken ct)
    {
        var space = await service.CreateAsync(user.RequireViewer(), new NewSpace(request.Name, request.Description, request.Kind, request.Visibility), ct);
        return TypedResults.Created($"/api/v1/spaces/{space.Id}", space);
    }

    private static async Task<Ok<SpaceSummary>> GetAsync(long id, ClaimsPrincipal user, SpaceService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<MembershipResult>> JoinAsync(long id, ClaimsPrincipal user, SpaceService service, CancellationToken ct) =>
        TypedResults.Ok(new MembershipResult(await service.JoinAsync(user.RequireViewer(), id, ct)));

    private static async Task<NoContent> LeaveAsync(long id, ClaimsPrincipal user, SpaceService service, CancellationToken ct)
    {
        await service.LeaveAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<SpaceMemberView>>> MembersAsync(long id, ClaimsPrincipal user, SpaceService service, CancellationToken ct) =>
        TypedResults.Ok(await service.MembersAsync(user.RequireViewer(), id, ct));

    /// <summary>Adds a person, or approves their request to join.</summary>
    private static async Task<NoContent> AddMemberAsync(long id, long personId, ClaimsPrincipal user, SpaceService service, CancellationToken ct)
    {
        await service.AddMemberAsync(user.RequireViewer(), id, personId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Removes a member, or declines a request to join.</summary>
    private static async Task<NoContent> RemoveMemberAsync(long id, long personId, ClaimsPrincipal user, SpaceService service, CancellationToken ct)
    {
        await service.RemoveMemberAsync(user.RequireViewer(), id, personId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetRoleAsync(long id, long personId, SetRoleRequest request, ClaimsPrincipal user, SpaceService service, CancellationToken ct)
    {
        await service.SetRoleAsync(user.RequireViewer(), id, personId, request.Role, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> FollowAsync(long id, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.FollowSpaceAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnfollowAsync(long id, ClaimsPrincipal user, FollowService service, CancellationToken ct)
    {
        await service.UnfollowSpaceAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }
}

public sealed record NewSpaceRequest([property: StringLength(Limits.SpaceNameMaxLength, MinimumLength = 1)] string? Name, [property: MaxLength(Limits.SpaceDescriptionMaxLength)] string? Description, SpaceKind Kind, SpaceVisibility Visibility);

public sealed record SetRoleRequest(SpaceRole Role);

public sealed record MembershipResult(MembershipStatus Status);
