using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Access;
using Ruche.Web.Auth;

namespace Ruche.Web.Admin;

/// <summary>Administration. The service checks the administrator role on every call.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapPost("/invitations", InviteAsync).WithName("InvitePerson");
        admin.MapGet("/settings", SettingsAsync).WithName("GetCompanySettings");
        admin.MapPut("/settings/registration", SetRegistrationAsync).WithName("SetRegistration");
        admin.MapGet("/people", PeopleAsync).WithName("ListPeopleForAdministrators");
        admin.MapPut("/people/{id:long}/active", SetActiveAsync).WithName("SetPersonActive");
        admin.MapPut("/people/{id:long}/job-category", async (long id, JobCategoryRequest request, ClaimsPrincipal user, PeopleAdministration people, CancellationToken ct) =>
        {
            await people.SetJobCategoryAsync(user.RequireViewer(), id, request.JobCategory, ct);
            return TypedResults.NoContent();
        }).WithName("SetPersonJobCategory");
        admin.MapGet("/people/{id:long}/roles", RolesAsync).WithName("GetPersonRoles");
        admin.MapPut("/people/{id:long}/roles", SetRolesAsync).WithName("SetPersonRoles");
        admin.MapDelete("/people/{id:long}", async (long id, ClaimsPrincipal user, Core.Privacy.PersonErasure erasure, Core.Privacy.ErasedContent? content, CancellationToken ct) =>
        {
            await erasure.EraseAsync(user.RequireViewer(), id, content ?? Core.Privacy.ErasedContent.Pseudonymise, ct);
            return TypedResults.NoContent();
        }).WithName("ErasePerson");
        admin.MapPost("/scim-token", async (ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) =>
            TypedResults.Created("/scim/v2", await tokens.CreateScimAsync(user.RequireViewer(), ct))).WithName("CreateScimToken");
        admin.MapGet("/retention", async (ClaimsPrincipal user, Core.Privacy.RetentionService retention, CancellationToken ct) =>
            TypedResults.Ok(await retention.ListAsync(user.RequireViewer(), ct))).WithName("GetRetentionPolicies");
        admin.MapPut("/retention/{kind}", async (string kind, RetentionRequest request, ClaimsPrincipal user, Core.Privacy.RetentionService retention, CancellationToken ct) =>
        {
            await retention.SetAsync(user.RequireViewer(), kind, request.Days, ct);
            return TypedResults.NoContent();
        }).WithName("SetRetentionPolicy");
        admin.MapGet("/audit", async (ClaimsPrincipal user, Core.Audit.AuditLog audit, string? cursor, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(Hosting.PageDto.From(await audit.ReadAsync(user.RequireViewer(), cursor, pageSize, ct)))).WithName("ReadAuditLog");
        admin.MapPost("/audit/verify", async (ClaimsPrincipal user, Core.Audit.AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.VerifyAsync(user.RequireViewer(), ct))).WithName("VerifyAuditLog");
        return api;
    }

    /// <summary>Creates the invitation and, unless <c>sendEmail</c> is false, mails its link; the link is returned either way.</summary>
    private static async Task<Created<InvitationDto>> InviteAsync(InvitationRequest request, ClaimsPrincipal user, AccountService accounts, InvitationMails mails, CancellationToken ct)
    {
        var invitation = await accounts.InviteAsync(user.RequireViewer(), request.Email, ct);
        var emailed = request.SendEmail != false && await mails.SendAsync(invitation, request.Language, ct);
        return TypedResults.Created(
            $"/api/v1/admin/invitations/{invitation.Id}", new InvitationDto(invitation.Id, invitation.Email, mails.Link(invitation), invitation.ExpiresAt, emailed));
    }

    /// <summary>People by name, with filters; 50 a page, by offset (<c>page</c> from 1) up to a cap.</summary>
    private static async Task<Ok<PeoplePage>> PeopleAsync(
        ClaimsPrincipal user, PeopleAdministration people, string? search, string? role, long? departmentId, PersonStatus? status, int? page, CancellationToken ct) =>
        TypedResults.Ok(await people.ListAsync(user.RequireViewer(), new PeopleFilter(search, role, departmentId, status ?? PersonStatus.All, page ?? 1), ct));

    private static async Task<NoContent> SetActiveAsync(long id, ActiveRequest request, ClaimsPrincipal user, PeopleAdministration people, CancellationToken ct)
    {
        await people.SetActiveAsync(user.RequireViewer(), id, request.Active, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RegistrationSettings>> SettingsAsync(ClaimsPrincipal user, AccountService accounts, CancellationToken ct)
    {
        var settings = await accounts.SettingsForAdministratorAsync(user.RequireViewer(), ct);
        return TypedResults.Ok(new RegistrationSettings(settings.OpenRegistration, settings.RegistrationDomain));
    }

    private static async Task<NoContent> SetRegistrationAsync(RegistrationSettings request, ClaimsPrincipal user, AccountService accounts, CancellationToken ct)
    {
        await accounts.SetOpenRegistrationAsync(user.RequireViewer(), request.Open, request.Domain, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<string>>> RolesAsync(long id, ClaimsPrincipal user, AccountService accounts, CancellationToken ct)
    {
        return TypedResults.Ok(await accounts.RolesOfAsync(user.RequireViewer(), id, ct));
    }

    private static async Task<NoContent> SetRolesAsync(long id, RolesRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken ct)
    {
        await accounts.SetRolesAsync(user.RequireViewer(), id, request.Roles ?? [], ct);
        return TypedResults.NoContent();
    }
}

/// <param name="SendEmail">Mail the link to the address (default true).</param>
/// <param name="Language">The mail's language: fr (default) or en.</param>
public sealed record InvitationRequest(string? Email, bool? SendEmail = null, string? Language = null);

/// <param name="Link">Built from the configured public address (Ruche:PublicUrl).</param>
public sealed record InvitationDto(long Id, string Email, string Link, DateTime ExpiresAt, bool Emailed);

public sealed record ActiveRequest(bool? Active);

public sealed record RegistrationSettings(bool Open, string? Domain);

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

/// <summary>Days a kind of content is kept (30 to 36,500); null keeps it for ever.</summary>
public sealed record RetentionRequest(int? Days);

/// <summary>A person's professional category; null clears it.</summary>
public sealed record JobCategoryRequest(Ruche.Core.People.JobCategory? JobCategory);
