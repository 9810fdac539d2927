using System.Globalization;
using System.Text.Json.Nodes;
using Ruche.Core.Access;

namespace Ruche.Web.Scim;

/// <summary>/scim/v2/Users: people, found by filter, created, replaced, patched and deleted by the directory.</summary>
public static class ScimUsersApi
{
    public static void MapUsers(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Users", (DirectoryProvisioning directory, HttpContext http) =>
            ScimApi.RunAsync(() => ListAsync(ScimListQuery.From(http.Request.Query), directory, http)));
        scim.MapPost("/Users/.search", (DirectoryProvisioning directory, HttpContext http) =>
            ScimApi.RunAsync(async () => await ListAsync(ScimListQuery.From(await ScimResults.ReadBodyAsync(http.Request)), directory, http)));
        scim.MapGet("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var user = ScimResults.User(await FindAsync(id, directory, http), ScimApi.BaseUrl(http));
            return ScimApi.NotModified(http, user)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : ScimResults.Resource(http, user, Projection(http));
        }));
        scim.MapPost("/Users", (DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var fields = ScimResourceReaders.User(await ScimResults.ReadBodyAsync(http.Request), ScimWrite.Create);
            var (person, _) = await directory.CreatePersonAsync(fields, http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.User(person, ScimApi.BaseUrl(http)), Projection(http), StatusCodes.Status201Created);
        }));
        scim.MapPut("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.User(current, ScimApi.BaseUrl(http)));
            var fields = ScimResourceReaders.User(await ScimResults.ReadBodyAsync(http.Request), ScimWrite.Replace);
            var person = await directory.ReplacePersonAsync(current.Id, fields, http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.User(person, ScimApi.BaseUrl(http)), Projection(http));
        }));
        scim.MapPatch("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.User(current, ScimApi.BaseUrl(http)));
            var editable = Editable(current);
            ScimPatchDocument.Apply(await ScimResults.ReadBodyAsync(http.Request), editable, ScimResourceReaders.UserReadOnly);
            var person = await directory.ReplacePersonAsync(current.Id, ScimResourceReaders.User(editable, ScimWrite.Patch), http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.User(person, ScimApi.BaseUrl(http)), Projection(http));
        }));
        scim.MapDelete("/Users/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.User(current, ScimApi.BaseUrl(http)));
            await directory.DeletePersonAsync(current.Id, http.RequestAborted);
            return Results.NoContent();
        }));
    }

    private static async Task<IResult> ListAsync(ScimListQuery query, DirectoryProvisioning directory, HttpContext http)
    {
        var (page, total) = await directory.ListPeopleAsync(ScimFilterQueries.ForUsers(query.Filter), query.StartIndex, query.Count, http.RequestAborted);
        var baseUrl = ScimApi.BaseUrl(http);
        return ScimResults.Json(ScimResults.List(page.Select(p => (JsonNode)query.Projection.Apply(ScimResults.User(p, baseUrl))), total, query.StartIndex));
    }

    /// <summary>What a PATCH works on: the attributes the directory owns (name only ever mirrors displayName, so it is left out).</summary>
    private static JsonObject Editable(ProvisionedPerson person)
    {
        var editable = new JsonObject
        {
            ["userName"] = person.Email,
            ["displayName"] = person.DisplayName,
            ["active"] = person.IsActive,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = person.Email, ["type"] = "work", ["primary"] = true }),
        };
        if (person.ExternalId is { } externalId)
        {
            editable["externalId"] = externalId;
        }

        return editable;
    }

    private static ScimProjection Projection(HttpContext http) => ScimListQuery.From(http.Request.Query).Projection;

    private static async Task<ProvisionedPerson> FindAsync(string id, DirectoryProvisioning directory, HttpContext http) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
        && await directory.FindPersonAsync(personId, http.RequestAborted) is { } person
            ? person
            : throw ScimApi.NotFound("user");
}
