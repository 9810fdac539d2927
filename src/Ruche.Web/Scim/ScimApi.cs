using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ruche.Core.Access;
using Ruche.Core.Common;

namespace Ruche.Web.Scim;

/// <summary>
/// SCIM 2.0 provisioning at /scim/v2 (RFC 7644) for a company directory (Entra ID, Okta, Keycloak…): Users are
/// people (userName is the e-mail), Groups are departments (ADR 0009). Deleting a user deactivates them: what they
/// wrote stays theirs until an administrator erases them.
/// </summary>
public static partial class ScimApi
{
    public const string BasePath = "/scim/v2";

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(BasePath).RequireAuthorization(ScimAuthenticationHandler.Policy).ExcludeFromDescription();
        scim.MapGet("/ServiceProviderConfig", () => ScimResults.Json(ScimDiscovery.ServiceProviderConfig()));
        scim.MapGet("/ResourceTypes", (HttpContext http) => ScimResults.Json(ScimDiscovery.ResourceTypes(BaseUrl(http))));
        scim.MapGet("/Schemas", () => ScimResults.Json(ScimDiscovery.Schemas()));

        scim.MapGet("/Users", (string? filter, int? startIndex, int? count, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var userName = Filter(filter, "userName");
            var start = Math.Max(1, startIndex ?? 1);
            var (page, total) = await directory.ListPeopleAsync(userName, start, count ?? 100, http.RequestAborted);
            return ScimResults.Json(ScimResults.List(page.Select(p => ScimResults.User(p, BaseUrl(http))), total, start));
        }));
        scim.MapGet("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
            await directory.FindPersonAsync(ParseId(id, PersonNotFound), http.RequestAborted) is { } person
                ? ScimResults.Json(ScimResults.User(person, BaseUrl(http)))
                : throw PersonNotFound()));
        scim.MapPost("/Users", (DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var body = await ScimResults.ReadBodyAsync(http.Request);
            var user = UserFields.From(body, null);
            var person = await directory.CreatePersonAsync(user.Email, user.DisplayName, user.Active, http.RequestAborted);
            return ScimResults.Json(ScimResults.User(person, BaseUrl(http)), StatusCodes.Status201Created);
        }));
        scim.MapPut("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var current = await directory.FindPersonAsync(ParseId(id, PersonNotFound), http.RequestAborted) ?? throw PersonNotFound();
            var user = UserFields.From(await ScimResults.ReadBodyAsync(http.Request), null);
            var person = await directory.ReplacePersonAsync(current.Id, user.Email, user.DisplayName, user.Active, http.RequestAborted);
            return ScimResults.Json(ScimResults.User(person, BaseUrl(http)));
        }));
        scim.MapPatch("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var current = await directory.FindPersonAsync(ParseId(id, PersonNotFound), http.RequestAborted) ?? throw PersonNotFound();
            var user = UserFields.Patch(await ScimResults.ReadBodyAsync(http.Request), new UserFields(current.Email, current.DisplayName, current.IsActive));
            var person = await directory.ReplacePersonAsync(current.Id, user.Email, user.DisplayName, user.Active, http.RequestAborted);
            return ScimResults.Json(ScimResults.User(person, BaseUrl(http)));
        }));
        scim.MapDelete("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            await directory.SetActiveAsync(ParseId(id, PersonNotFound), false, http.RequestAborted);
            return Results.NoContent();
        }));

        scim.MapGet("/Groups", (string? filter, int? startIndex, int? count, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var name = Filter(filter, "displayName");
            var start = Math.Max(1, startIndex ?? 1);
            var (page, total) = await directory.ListGroupsAsync(name, start, count ?? 100, http.RequestAborted);
            return ScimResults.Json(ScimResults.List(page.Select(g => ScimResults.Group(g, BaseUrl(http))), total, start));
        }));
        scim.MapGet("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
            await directory.FindGroupAsync(ParseId(id, GroupNotFound), http.RequestAborted) is { } group
                ? ScimResults.Json(ScimResults.Group(group, BaseUrl(http)))
                : throw GroupNotFound()));
        scim.MapPost("/Groups", (DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var body = await ScimResults.ReadBodyAsync(http.Request);
            var group = await directory.CreateGroupAsync(Text(body, "displayName"), MemberIds(body["members"]), http.RequestAborted);
            return ScimResults.Json(ScimResults.Group(group, BaseUrl(http)), StatusCodes.Status201Created);
        }));
        scim.MapPut("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var body = await ScimResults.ReadBodyAsync(http.Request);
            var group = await directory.UpdateGroupAsync(ParseId(id, GroupNotFound), Text(body, "displayName"), MemberIds(body["members"]), [], replaceMembers: true, http.RequestAborted);
            return ScimResults.Json(ScimResults.Group(group, BaseUrl(http)));
        }));
        scim.MapPatch("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            var change = GroupPatch.From(await ScimResults.ReadBodyAsync(http.Request));
            var group = await directory.UpdateGroupAsync(ParseId(id, GroupNotFound), change.Name, change.Add, change.Remove, change.Replace, http.RequestAborted);
            return ScimResults.Json(ScimResults.Group(group, BaseUrl(http)));
        }));
        scim.MapDelete("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => RunAsync(async () =>
        {
            await directory.DeleteGroupAsync(ParseId(id, GroupNotFound), http.RequestAborted);
            return Results.NoContent();
        }));
        return app;
    }

    private static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ScimFilterException invalid)
        {
            return ScimResults.Error(StatusCodes.Status400BadRequest, "invalidFilter", invalid.Message);
        }
        catch (RucheException refused)
        {
            return ScimResults.From(refused);
        }
    }

    private static string BaseUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.RucheOptions>>().Value.Link(BasePath);

    /// <summary>The one filter form directories send to find a resource: <c>attribute eq "value"</c>.</summary>
    private static string? Filter(string? filter, string attribute)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var match = EqualsFilter().Match(filter);
        return match.Success && string.Equals(match.Groups["attribute"].Value, attribute, StringComparison.OrdinalIgnoreCase)
            ? match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal)
            : throw new ScimFilterException($"Only the filter '{attribute} eq \"…\"' is supported.");
    }

    /// <summary>A resource id; one that is not a number names no resource of that kind (<paramref name="notFound"/>).</summary>
    internal static long ParseId(string? id, Func<Exception> notFound) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw notFound();

    internal static string? Text(JsonObject body, string name) =>
        body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    internal static List<long> MemberIds(JsonNode? members) =>
        members is JsonArray array
            ? [.. array.Select(m => m is JsonObject member && Text(member, "value") is { } value ? ParseMember(value) : throw RucheException.Invalid("scim.member-unknown", "A member needs a value."))]
            : [];

    private static long ParseMember(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw RucheException.Invalid("scim.member-unknown", "A member is not a person known to Ruche.");

    internal static RucheException PersonNotFound() => RucheException.NotFound("person.not-found", "No such user.");

    private static RucheException GroupNotFound() => RucheException.NotFound("scim.group-not-found", "No such group.");

    [GeneratedRegex("""^\s*(?<attribute>[A-Za-z.]+)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex EqualsFilter();
}

public sealed class ScimFilterException(string message) : Exception(message);
