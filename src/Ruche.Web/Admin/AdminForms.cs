using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Access;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Admin;

/// <summary>The administration page's forms. AccountService checks the administrator role on each.</summary>
public static class AdminForms
{
    public static IEndpointRouteBuilder MapAdminForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/admin").ExcludeFromDescription();
        ui.MapPost("/invitations", InviteAsync);
        ui.MapPost("/registration", (HttpContext http, [FromForm] RegistrationForm form, ClaimsPrincipal user, AccountService accounts) =>
            FormResults.RunAsync(http, "/admin", async () =>
            {
                await accounts.SetOpenRegistrationAsync(user.RequireViewer(), form.Open == true, form.Domain, http.RequestAborted);
                return "/admin?saved=registration";
            }));
        ui.MapPost("/people/{id:long}/roles", (long id, HttpContext http, [FromForm] RolesForm form, ClaimsPrincipal user, AccountService accounts) =>
            FormResults.RunAsync(http, form.ReturnUrl ?? "/admin", async () =>
            {
                await accounts.SetRolesAsync(user.RequireViewer(), id, form.Roles ?? [], http.RequestAborted);
                return Saved(form.ReturnUrl ?? "/admin", "roles");
            }));
        ui.MapPost("/people/{id:long}/job-category", (long id, HttpContext http, [FromForm] JobCategoryForm form, ClaimsPrincipal user, PeopleAdministration people) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await people.SetJobCategoryAsync(user.RequireViewer(), id, JobCategoryForm.Parse(form.JobCategory), http.RequestAborted);
                return null;
            }));
        ui.MapPost("/people/{id:long}/active", (long id, HttpContext http, [FromForm] ActiveForm form, ClaimsPrincipal user, PeopleAdministration people) =>
            FormResults.RunAsync(http, form.ReturnUrl ?? "/admin/people", async () =>
            {
                await people.SetActiveAsync(user.RequireViewer(), id, form.Active, http.RequestAborted);
                return Saved(form.ReturnUrl ?? "/admin/people", "active");
            }));
        ui.MapPost("/people/{id:long}/erase", (long id, HttpContext http, [FromForm] EraseForm form, ClaimsPrincipal user, Core.Privacy.PersonErasure erasure) =>
            FormResults.RunAsync(http, $"/admin?person={id}", async () =>
            {
                await erasure.EraseAsync(user.RequireViewer(), id, form.Content, http.RequestAborted);
                return "/admin?saved=erased";
            }));
        ui.MapPost("/retention/{kind}", (string kind, HttpContext http, [FromForm] RetentionForm form, ClaimsPrincipal user, Core.Privacy.RetentionService retention) =>
            FormResults.RunAsync(http, "/admin", async () =>
            {
                await retention.SetAsync(user.RequireViewer(), kind, form.Days, http.RequestAborted);
                return "/admin?saved=retention";
            }));

        // The directory's token is shown once, on the response page itself.
        ui.MapPost("/scim-token", ([FromForm] ReturnForm form, ClaimsPrincipal user, AccessTokenService tokens, HttpContext http) =>
            FormResults.RenderAsync<Settings.TokenCreatedPage>("/admin", async () =>
                new { Token = await tokens.CreateScimAsync(user.RequireViewer(), http.RequestAborted) }));
        return app;
    }

    /// <summary>Mails the invitation (unless unticked) and shows its link on the response page so the administrator can pass it on too.</summary>
    private static Task<IResult> InviteAsync([FromForm] InvitationForm form, ClaimsPrincipal user, AccountService accounts, InvitationMails mails, HttpContext http) =>
        FormResults.RenderAsync<InvitationCreatedPage>("/admin", async () =>
        {
            var invitation = await accounts.InviteAsync(user.RequireViewer(), form.Email, http.RequestAborted);
            bool? emailed = form.SendEmail == true ? await mails.SendAsync(invitation, form.Language, http.RequestAborted) : null;
            return new { Email = invitation.Email, Link = mails.Link(invitation), Emailed = emailed };
        });

    private static string Saved(string returnUrl, string what) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(FormResults.Safe(returnUrl), "saved", what);
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record EraseForm
{
    public Core.Privacy.ErasedContent Content { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record InvitationForm
{
    public string? Email { get; init; }

    public bool? SendEmail { get; init; }

    public string? Language { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ActiveForm
{
    public bool? Active { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record RegistrationForm
{
    public bool? Open { get; init; }

    public string? Domain { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record RolesForm
{
    public string[]? Roles { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; an empty number keeps the kind for ever.</summary>
public sealed record RetentionForm
{
    public int? Days { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record JobCategoryForm
{
    /// <summary>The category's name; empty clears it.</summary>
    public string? JobCategory { get; init; }

    public string? ReturnUrl { get; init; }

    public static Core.People.JobCategory? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<Core.People.JobCategory>(text, out var category) && Enum.IsDefined(category) && !text.Any(char.IsDigit) ? category
        : throw Core.Common.RucheException.Invalid("audience.category-unknown", "No such professional category.");
}
