using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Ruche.Core.Common;
using Ruche.Core.Posts;
using Ruche.Core.Search;

namespace Ruche.Web.Hosting;

/// <summary>
/// The limits the server enforces on the query parameters every list and search shares, written into the document so
/// clients and validators know them before a request is refused: a page size of 1 to <see cref="Limits.PageSizeMax"/>,
/// a search of 1 to <see cref="SearchQuery.MaxLength"/> characters, a tag of at most <see cref="Limits.TagMaxLength"/>, a reaction one of <see cref="ReactionKind"/>.
/// </summary>
internal sealed class ParameterLimitsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            if (parameter.In == ParameterLocation.Path && parameter.Name == "kind" && context.Description.RelativePath?.Contains("/reactions/", StringComparison.Ordinal) == true)
            {
                schema.Enum = [.. Enum.GetNames<ReactionKind>().Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n))];
                continue;
            }

            if (parameter.In != ParameterLocation.Query)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "pageSize":
                    schema.Type = JsonSchemaType.Integer;
                    schema.Pattern = null;
                    schema.Minimum = "1";
                    schema.Maximum = Limits.PageSizeMax.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "q":
                    schema.MinLength = 1;
                    schema.MaxLength = SearchQuery.MaxLength;
                    break;
                case "tag":
                    schema.MinLength = 1;
                    schema.MaxLength = Limits.TagMaxLength + 1;
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
