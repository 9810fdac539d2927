using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Onboarding;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Onboarding;

/// <summary>
/// The welcome path's forms: each step's form calls the service that owns what it changes and goes to the next step;
/// a refused step comes back to its page with the reason (the time zone step with what was chosen).
/// </summary>
public static class OnboardingForms
{
    public const string Path = "/welcome";

    public static IEndpointRouteBuilder MapOnboardingForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/welcome").ExcludeFromDescription();
        ui.MapPost("/photo", SetPhotoAsync);
        ui.MapPost("/job", SetJobAsync);
        ui.MapPost("/timezone", SetTimeZoneAsync);
        ui.MapPost("/spaces", JoinSpacesAsync);
        ui.MapPost("/people", FollowPeopleAsync);
        ui.MapPost("/skip", SkipAsync);
        ui.MapPost("/finish", FinishAsync);
        return app;
    }

    public static string StepPath(string step) => $"{Path}/{step}";

    private static Task<IResult> SetPhotoAsync([FromForm] WelcomeForm form, IFormFile? photo, ClaimsPrincipal user, OnboardingService onboarding, HttpContext http) =>
        FormResults.RunAsync(http, StepPath(OnboardingSteps.Photo), async () =>
        {
            if (photo is null || photo.Length == 0)
            {
                throw RucheException.Invalid("image.empty", "Choose a photo.");
            }

            await using var stream = photo.OpenReadStream();
            await onboarding.SetPhotoAsync(user.RequireViewer(), stream, photo.FileName, http.RequestAborted);
            return Next(OnboardingSteps.Photo);
        });

    private static Task<IResult> SetJobAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding) =>
        FormResults.RunOrRefillAsync<WelcomePage>(new { Step = OnboardingSteps.Job, TypedJobTitle = form.JobTitle ?? string.Empty }, async () =>
        {
            await onboarding.SetJobTitleAsync(user.RequireViewer(), form.JobTitle, CancellationToken.None);
            return Next(OnboardingSteps.Job);
        });

    private static Task<IResult> SetTimeZoneAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding) =>
        FormResults.RunOrRefillAsync<WelcomePage>(new { Step = OnboardingSteps.TimeZone, TypedTimeZone = form.TimeZone ?? string.Empty }, async () =>
        {
            await onboarding.SetTimeZoneAsync(user.RequireViewer(), form.TimeZone, CancellationToken.None);
            return Next(OnboardingSteps.TimeZone);
        });

    private static Task<IResult> JoinSpacesAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding, HttpContext http) =>
        FormResults.RunAsync(http, StepPath(OnboardingSteps.Spaces), async () =>
        {
            await onboarding.JoinSpacesAsync(user.RequireViewer(), form.SpaceIds ?? [], http.RequestAborted);
            return Next(OnboardingSteps.Spaces);
        });

    private static Task<IResult> FollowPeopleAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding, HttpContext http) =>
        FormResults.RunAsync(http, StepPath(OnboardingSteps.People), async () =>
        {
            await onboarding.FollowPeopleAsync(user.RequireViewer(), form.PersonIds ?? [], http.RequestAborted);
            return Next(OnboardingSteps.People);
        });

    private static Task<IResult> SkipAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding, HttpContext http) =>
        FormResults.RunAsync(http, Path, async () =>
        {
            await onboarding.SkipAsync(user.RequireViewer(), form.Step, http.RequestAborted);
            return Next(form.Step!);
        });

    /// <summary>Finishes (or dismisses) the path, then goes where the button said: today's goals, or back home.</summary>
    private static Task<IResult> FinishAsync([FromForm] WelcomeForm form, ClaimsPrincipal user, OnboardingService onboarding, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            await onboarding.FinishAsync(user.RequireViewer(), http.RequestAborted);
            return FormResults.Safe(form.ReturnUrl);
        });

    private static string Next(string step) => OnboardingSteps.After(step) is { } next ? StepPath(next) : "/";
}

/// <summary>Fields of the welcome path's forms; a field the browser leaves out binds as its default.</summary>
public sealed record WelcomeForm
{
    public string? Step { get; init; }

    public string? JobTitle { get; init; }

    public string? TimeZone { get; init; }

    public IReadOnlyList<long>? SpaceIds { get; init; }

    public IReadOnlyList<long>? PersonIds { get; init; }

    public string? ReturnUrl { get; init; }
}
