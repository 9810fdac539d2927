using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Posts;


namespace Ruche.Web.People;

/// <summary>The HTML forms of profiles and follows.</summary>
public static class PeopleForms
{
    public static IEndpointRouteBuilder MapPeopleForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/people/{id:long}/follow", FollowPersonAsync);
        ui.MapPost("/tags/{tag}/follow", FollowTagAsync);
        ui.MapPost("/profile", UpdateProfileAsync);
        ui.MapPost("/profile/photo", SetPhotoAsync);
        ui.MapGet("/people/lookup", LookupAsync);
        return app;
    }

    /// <summary>
    /// The people pickers' suggestions (js/people-picker.js), for the signed-in reader's session: the directory's search
    /// (active people only), a few at a time. The API's <c>GET /api/v1/people?search=</c> answers the same for tokens.
    /// </summary>
    private static async Task<IResult> LookupAsync(string? q, ProfileService profiles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().TrimStart('@').Length < PersonSuggestion.MinimumTyped)
        {
            return TypedResults.Ok(Array.Empty<PersonSuggestion>());
        }

        var found = await profiles.DirectoryAsync(q, PersonSuggestion.Shown, ct);
        return TypedResults.Ok(found.Select(p => new PersonSuggestion(p.Id, p.DisplayName, p.Handle, p.JobTitle)).ToList());
    }

    private static Task<IResult> FollowPersonAsync(long id, [FromForm] ToggleForm form, ClaimsPrincipal user, FollowService follows, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            if (form.On)
            {
                await follows.FollowPersonAsync(user.RequireViewer(), id, http.RequestAborted);
            }
            else
            {
                await follows.UnfollowPersonAsync(user.RequireViewer(), id, http.RequestAborted);
            }

            return null;
        });

    private static Task<IResult> FollowTagAsync(string tag, [FromForm] ToggleForm form, ClaimsPrincipal user, FollowService follows, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            if (form.On)
            {
                await follows.FollowTagAsync(user.RequireViewer(), tag, http.RequestAborted);
            }
            else
            {
                await follows.UnfollowTagAsync(user.RequireViewer(), tag, http.RequestAborted);
            }

            return null;
        });

    private static Task<IResult> UpdateProfileAsync([FromForm] ProfileForm form, ClaimsPrincipal user, ProfileService profiles, HttpContext http) =>
        FormResults.RunOrRefillAsync<ProfileEditPage>(new { Typed = form }, async () =>
        {
            var viewer = user.RequireViewer();
            var skills = (form.Skills ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var profile = await profiles.UpdateAsync(
                viewer,
                viewer.PersonId,
                new ProfileUpdate(form.DisplayName ?? string.Empty, form.JobTitle ?? string.Empty, form.DepartmentId ?? 0, form.SiteId ?? 0, form.ManagerId ?? 0, form.TimeZone, form.Bio ?? string.Empty, skills),
                http.RequestAborted);
            return $"/people/{profile.Handle}";
        });

    private static Task<IResult> SetPhotoAsync([FromForm] ReturnForm form, IFormFile? photo, ClaimsPrincipal user, ProfileService profiles, HttpContext http) =>
        FormResults.RunAsync(http, "/settings/profile", async () =>
        {
            if (photo is null || photo.Length == 0)
            {
                throw Core.Common.RucheException.Invalid("image.empty", "Choose a photo.");
            }

            await using var stream = photo.OpenReadStream();
            var profile = await profiles.SetPhotoAsync(user.RequireViewer(), stream, photo.FileName, http.RequestAborted);
            return $"/people/{profile.Handle}";
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record ProfileForm
{
    public string? DisplayName { get; init; }

    public string? JobTitle { get; init; }

    public long? DepartmentId { get; init; }

    public long? SiteId { get; init; }

    public long? ManagerId { get; init; }

    public string? TimeZone { get; init; }

    public string? Bio { get; init; }

    public string? Skills { get; init; }
}

/// <summary>One suggestion of a people picker.</summary>
public sealed record PersonSuggestion(long Id, string Name, string Handle, string? JobTitle)
{
    /// <summary>Letters typed before anyone is suggested.</summary>
    public const int MinimumTyped = 2;

    public const int Shown = 8;
}
