using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Ruche.Web.Hosting;

/// <summary>
/// Documents the RFC 7807 problem details every API operation can answer (<see cref="Problems"/>), from what the
/// endpoint is: 400 when it reads parameters or a body; 401, 403 and 404 unless it is anonymous (a feature hidden from
/// the person answers 404, as a resource they may not read does), and 404 whenever its route names a resource; 409 when
/// it changes something; 415 when it reads a body; 429 when it is rate-limited. Clients branch on the stable <c>type</c>
/// (<c>urn:ruche:problem:{code}</c>).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string SchemaName = "Problem";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (context.Document is not { } document || description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(SchemaName, ProblemSchema());

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var changes = description.HttpMethod is not ("GET" or "HEAD");
        var reads = description.ParameterDescriptions.Count > 0 || changes;
        var names = description.RelativePath.Contains('{', StringComparison.Ordinal);
        var limited = metadata.OfType<EnableRateLimitingAttribute>().Any();

        operation.Responses ??= [];
        Add(operation, document, reads, "400", "The request is malformed or breaks a rule; nothing changed.");
        Add(operation, document, !anonymous, "401", "No valid token was sent.");
        Add(operation, document, !anonymous, "403", "The signed-in person may not do this.");
        Add(operation, document, names || changes || !anonymous, "404", "No such resource, or none the person may read.");
        Add(operation, document, changes, "409", "The resource's state refuses the change (e.g. already done, or changed meanwhile).");
        Add(operation, document, operation.RequestBody is not null, "415", "The body is not in a media type the operation reads.");
        Add(operation, document, limited, "429", "Too many requests; wait for the Retry-After header's seconds.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, bool applies, string status, string text)
    {
        if (!applies || operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
            },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 7807 problem details. `type` is stable: `urn:ruche:problem:{code}`, `title` repeats the code, `detail` explains in English.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^urn:ruche:problem:[a-z0-9.-]+$" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
