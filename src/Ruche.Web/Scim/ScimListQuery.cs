using System.Globalization;
using System.Text.Json.Nodes;
using Ruche.Core.Access;

namespace Ruche.Web.Scim;

/// <summary>
/// A list request (RFC 7644 §3.4.2), from the query string of a GET or the body of a POST to <c>.search</c>:
/// filter, 1-based startIndex (below 1 is 1), count (negative is 0; 0 gives totalResults only; capped at
/// <see cref="DirectoryProvisioning.PageSizeMax"/>) and the attributes to return.
/// </summary>
public sealed record ScimListQuery(string? Filter, int StartIndex, int Count, ScimProjection Projection)
{
    public const string SearchSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public static ScimListQuery From(IQueryCollection query) => new(
        query["filter"].FirstOrDefault(),
        Math.Max(1, Number(query["startIndex"].FirstOrDefault(), "startIndex") ?? 1),
        Math.Clamp(Number(query["count"].FirstOrDefault(), "count") ?? 100, 0, DirectoryProvisioning.PageSizeMax),
        ScimProjection.From(query["attributes"].FirstOrDefault(), query["excludedAttributes"].FirstOrDefault()));

    public static ScimListQuery From(JsonObject body) => new(
        ScimJson.Get(body, "filter") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => throw ScimException.InvalidValue("'filter' is a string."),
        },
        Math.Max(1, Number(ScimJson.Scalar(ScimJson.Get(body, "startIndex")), "startIndex") ?? 1),
        Math.Clamp(Number(ScimJson.Scalar(ScimJson.Get(body, "count")), "count") ?? 100, 0, DirectoryProvisioning.PageSizeMax),
        ScimProjection.From(ScimJson.Get(body, "attributes"), ScimJson.Get(body, "excludedAttributes")));

    private static int? Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
        : throw ScimException.InvalidValue($"'{name}' is an integer.");
}
