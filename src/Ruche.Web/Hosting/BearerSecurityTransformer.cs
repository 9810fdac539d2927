using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ruche.Web.Hosting;

/// <summary>Tells OpenAPI clients how to authenticate: a bearer token from /api/v1/auth/token or a personal one.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from POST /api/v1/auth/token, or a personal access token created in settings.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        document.Info.Title = "Ruche API";
        return Task.CompletedTask;
    }
}
