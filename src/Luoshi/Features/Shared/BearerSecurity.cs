using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Luoshi.Features.Shared;

/// <summary>Tells readers of the OpenAPI document that /api takes a bearer token from /api/auth/token.</summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "落实（Luoshi）API";
        document.Info.Description = "先以 POST /api/auth/token 换取令牌，再在请求头加 Authorization: Bearer <accessToken>。错误一律以 application/problem+json 返回。";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "POST /api/auth/token 返回的 accessToken",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
