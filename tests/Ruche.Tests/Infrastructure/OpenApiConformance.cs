using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// Ruche's own OpenAPI document as a contract for every API answer the tests receive: the status must be one the
/// operation documents, and a JSON body must match the schema documented for that status (JSON Schema 2020-12, the
/// dialect of OpenAPI 3.1). Loaded once per test run: every app serves the same document.
/// </summary>
public sealed partial class OpenApiConformance
{
    private static readonly SemaphoreSlim Loading = new(1, 1);

    /// <summary>
    /// Building and evaluating schemas register them in JsonSchema.Net's global registry, which parallel tests raced on
    /// ("Could not resolve …#/$defs/…" once in a while): one evaluation at a time (a millisecond each).
    /// </summary>
    private static readonly Lock Evaluating = new();
    private static OpenApiConformance? shared;

    private readonly List<Operation> operations;
    private readonly string definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();

    private OpenApiConformance(JsonObject document)
    {
        var components = document["components"]?["schemas"]?.ToJsonString() ?? "{}";
        definitions = RefToComponents().Replace(components, "\"$ref\":\"#/$defs/");
        operations = [];
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject { } documented && documented["responses"] is JsonObject responses)
                {
                    operations.Add(new Operation(method.ToUpperInvariant(), path, PathPattern(path), responses));
                }
            }
        }

        // A literal segment wins over a parameter (/posts/feed before /posts/{id}).
        operations.Sort((a, b) => a.Template.Count(c => c == '{').CompareTo(b.Template.Count(c => c == '{')));
    }

    public static async Task<OpenApiConformance> ForAsync(HttpClient client)
    {
        if (shared is { } loaded)
        {
            return loaded;
        }

        await Loading.WaitAsync();
        try
        {
            shared ??= new OpenApiConformance(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());
            return shared;
        }
        finally
        {
            Loading.Release();
        }
    }

    /// <summary>Why the answer breaks the document, or null when it conforms (or is not an API operation's answer).</summary>
    public string? Check(string method, string path, int status, string? mediaType, string body)
    {
        var operation = operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path));
        if (operation is null || status >= 500)
        {
            // Not an operation of the document (an unknown route's 404, a 405), or a server failure other assertions report.
            return null;
        }

        var code = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses[code] is not JsonObject response)
        {
            return $"{method} {operation.Template} answered {status}, which its OpenAPI operation does not document.";
        }

        if (string.IsNullOrEmpty(body) || mediaType is null || !mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return null;
        }

        var content = response["content"] as JsonObject;
        var schema = content?[mediaType]?["schema"] ?? content?["application/json"]?["schema"];
        if (schema is null)
        {
            return $"{method} {operation.Template} answered {status} with a {mediaType} body its OpenAPI operation does not describe.";
        }

        using var instance = JsonDocument.Parse(body);
        EvaluationResults result;
        lock (Evaluating)
        {
            var validator = schemas.GetOrAdd($"{method} {operation.Template} {code} {mediaType}", _ => Build(schema));
            result = validator.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (result.IsValid)
        {
            return null;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Take(8);
        return $"{method} {operation.Template} answered {status} with a body that breaks its schema:\n  {string.Join("\n  ", errors)}\n  body: {Shorten(body)}";
    }

    private JsonSchema Build(JsonNode responseSchema)
    {
        var root = JsonNode.Parse(RefToComponents().Replace(responseSchema.ToJsonString(), "\"$ref\":\"#/$defs/"))!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = JsonNode.Parse(definitions);
        return JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"urn:ruche:openapi:{Guid.NewGuid():N}"));
    }

    private static Regex PathPattern(string template) =>
        new("^" + string.Concat(template.Split('/').Select((s, i) => (i == 0 ? string.Empty : "/") + (s.StartsWith('{') ? "[^/]+" : Regex.Escape(s)))) + "$", RegexOptions.CultureInvariant);

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "…";

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"#/components/schemas/")]
    private static partial Regex RefToComponents();

    private sealed record Operation(string Method, string Template, Regex Path, JsonObject Responses);
}
