using System.Globalization;
using System.Text.Json.Nodes;
using Ruche.Core.Access;

namespace Ruche.Web.Scim;

/// <summary>/scim/v2/Groups: departments, their names and members, as the directory keeps them.</summary>
public static class ScimGroupsApi
{
    public static void MapGroups(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", (DirectoryProvisioning directory, HttpContext http) =>
            ScimApi.RunAsync(() => ListAsync(ScimListQuery.From(http.Request.Query), directory, http)));
        scim.MapPost("/Groups/.search", (DirectoryProvisioning directory, HttpContext http) =>
            ScimApi.RunAsync(async () => await ListAsync(ScimListQuery.From(await ScimResults.ReadBodyAsync(http.Request)), directory, http)));
        scim.MapGet("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var group = ScimResults.Group(await FindAsync(id, directory, http), ScimApi.BaseUrl(http));
            return ScimApi.NotModified(http, group)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : ScimResults.Resource(http, group, Projection(http));
        }));
        scim.MapPost("/Groups", (DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var fields = ScimResourceReaders.Group(await ScimResults.ReadBodyAsync(http.Request), ScimWrite.Create);
            var group = await directory.CreateGroupAsync(fields, http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.Group(group, ScimApi.BaseUrl(http)), Projection(http), StatusCodes.Status201Created);
        }));
        scim.MapPut("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.Group(current, ScimApi.BaseUrl(http)));
            var fields = ScimResourceReaders.Group(await ScimResults.ReadBodyAsync(http.Request), ScimWrite.Replace);
            var group = await directory.ReplaceGroupAsync(current.Id, fields, http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.Group(group, ScimApi.BaseUrl(http)), Projection(http));
        }));
        scim.MapPatch("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.Group(current, ScimApi.BaseUrl(http)));
            var editable = Editable(current);
            ScimPatchDocument.Apply(await ScimResults.ReadBodyAsync(http.Request), editable, ScimResourceReaders.GroupReadOnly);
            var group = await directory.ReplaceGroupAsync(current.Id, ScimResourceReaders.Group(editable, ScimWrite.Patch), http.RequestAborted);
            return ScimResults.Resource(http, ScimResults.Group(group, ScimApi.BaseUrl(http)), Projection(http));
        }));
        scim.MapDelete("/Groups/{id}", (string id, DirectoryProvisioning directory, HttpContext http) => ScimApi.RunAsync(async () =>
        {
            var current = await FindAsync(id, directory, http);
            ScimApi.CheckVersion(http, ScimResults.Group(current, ScimApi.BaseUrl(http)));
            await directory.DeleteGroupAsync(current.Id, http.RequestAborted);
            return Results.NoContent();
        }));
    }

    private static async Task<IResult> ListAsync(ScimListQuery query, DirectoryProvisioning directory, HttpContext http)
    {
        var (page, total) = await directory.ListGroupsAsync(ScimFilterQueries.ForGroups(query.Filter), query.StartIndex, query.Count, http.RequestAborted);
        var baseUrl = ScimApi.BaseUrl(http);
        return ScimResults.Json(ScimResults.List(page.Select(g => (JsonNode)query.Projection.Apply(ScimResults.Group(g, baseUrl))), total, query.StartIndex));
    }

    private static JsonObject Editable(ProvisionedGroup group)
    {
        var editable = new JsonObject
        {
            ["displayName"] = group.Name,
            ["members"] = new JsonArray([.. group.Members.Select(m => (JsonNode)new JsonObject { ["value"] = ScimJson.Id(m.Id) })]),
        };
        if (group.ExternalId is { } externalId)
        {
            editable["externalId"] = externalId;
        }

        return editable;
    }

    private static ScimProjection Projection(HttpContext http) => ScimListQuery.From(http.Request.Query).Projection;

    private static async Task<ProvisionedGroup> FindAsync(string id, DirectoryProvisioning directory, HttpContext http) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId)
        && await directory.FindGroupAsync(groupId, http.RequestAborted) is { } group
            ? group
            : throw ScimApi.NotFound("group");
}
