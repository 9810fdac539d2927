using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Follows;
using Ruche.Core.Profiles;
using Ruche.Core.Spaces;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Posts;

namespace Ruche.Web.Spaces;

/// <summary>The HTML forms of spaces: creating, joining, following and managing members.</summary>
public static class SpaceForms
{
    public static IEndpointRouteBuilder MapSpaceForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/spaces").ExcludeFromDescription();
        ui.MapPost("/", CreateAsync);
        ui.MapPost("/{id:long}/join", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await spaces.JoinAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/leave", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await spaces.LeaveAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/follow", FollowAsync);
        ui.MapPost("/{id:long}/members/{personId:long}/add", (long id, long personId, [FromForm] ReturnForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await spaces.AddMemberAsync(user.RequireViewer(), id, personId, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/members/add", AddByHandleAsync);
        ui.MapPost("/{id:long}/members/{personId:long}/remove", (long id, long personId, [FromForm] ReturnForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await spaces.RemoveMemberAsync(user.RequireViewer(), id, personId, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/members/{personId:long}/role", (long id, long personId, [FromForm] RoleForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await spaces.SetRoleAsync(user.RequireViewer(), id, personId, form.Role, http.RequestAborted); return null; }));
        return app;
    }

    private static Task<IResult> CreateAsync([FromForm] NewSpaceForm form, ClaimsPrincipal user, SpaceService spaces, HttpContext http) =>
        FormResults.RunOrRefillAsync<NewSpacePage>(new { Typed = form }, async () =>
        {
            var space = await spaces.CreateAsync(user.RequireViewer(), new NewSpace(form.Name, form.Description, form.Kind, form.Visibility), http.RequestAborted);
            return $"/spaces/{space.Id}";
        });

    private static Task<IResult> FollowAsync(long id, [FromForm] ToggleForm form, ClaimsPrincipal user, FollowService follows, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            if (form.On)
            {
                await follows.FollowSpaceAsync(user.RequireViewer(), id, http.RequestAborted);
            }
            else
            {
                await follows.UnfollowSpaceAsync(user.RequireViewer(), id, http.RequestAborted);
            }

            return null;
        });

    private static Task<IResult> AddByHandleAsync(long id, [FromForm] AddMemberForm form, ClaimsPrincipal user, SpaceService spaces, ProfileService people, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            var person = await people.GetByHandleAsync(form.Handle ?? string.Empty, http.RequestAborted);
            await spaces.AddMemberAsync(user.RequireViewer(), id, person.Id, http.RequestAborted);
            return null;
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record NewSpaceForm
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public SpaceKind Kind { get; init; }

    public SpaceVisibility Visibility { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record RoleForm
{
    public SpaceRole Role { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record AddMemberForm
{
    public string? Handle { get; init; }

    public string? ReturnUrl { get; init; }
}
