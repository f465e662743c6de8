using Scalar.AspNetCore;

namespace Luoshi.Features.Shared;

/// <summary>
/// The headers every response carries, pages, API, files and errors alike. Scripts come only from
/// the app's own files (wwwroot/js, wwwroot/lib); inline style attributes stay allowed because the
/// progress bars and lights set their width and colour in them. HSTS only over HTTPS, so plain HTTP
/// on loopback keeps working.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // A page made to be embedded elsewhere (AllowFraming): any site may frame it.
    private static readonly string EmbeddablePolicy = Policy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);

    // The API reference page (Scalar) starts itself with an inline module script and takes its
    // fonts from fonts.scalar.com: a policy of its own, for a page behind login unless configured public.
    private const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.scalar.com; "
        + "font-src 'self' data: https://fonts.scalar.com; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var embeddable = context.GetEndpoint()?.Metadata.GetMetadata<AllowFramingAttribute>() is not null;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-docs") ? ApiDocsPolicy : embeddable ? EmbeddablePolicy : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // Replaces the SAMEORIGIN the anti-forgery tokens add: nothing frames these pages but an embeddable one.
                if (embeddable)
                {
                    headers.Remove("X-Frame-Options");
                }
                else
                {
                    headers.XFrameOptions = "DENY";
                }
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The OpenAPI document and its reference page: behind login unless OpenApi:Public is true.</summary>
    public static void MapApiDocs(this WebApplication app)
    {
        var isPublic = app.Configuration.GetValue("OpenApi:Public", false);
        var document = app.MapOpenApi();
        var reference = app.MapScalarApiReference("/api-docs", o => o.WithTitle("落实 API"));
        if (isPublic)
        {
            document.AllowAnonymous();
            reference.AllowAnonymous();
        }
    }
}
