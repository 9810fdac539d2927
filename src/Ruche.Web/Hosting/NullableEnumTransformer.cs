using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ruche.Web.Hosting;

/// <summary>
/// A nullable enum is written as <c>oneOf: [null, $ref]</c> and the referenced enum lists <c>null</c> among its values
/// too, so <c>null</c> matches both branches and fails validation (ASP.NET Core 10's generator). The enum keeps its
/// names only; the property's <c>oneOf</c> says it may be null.
/// </summary>
internal sealed class NullableEnumTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
        {
            schema.Enum = values.Where(v => v is not null).ToList();
        }

        if (schema.Enum is { Count: > 0 } names && schema.Type is null && names.All(n => n is JsonValue value && value.TryGetValue<string>(out _)))
        {
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
