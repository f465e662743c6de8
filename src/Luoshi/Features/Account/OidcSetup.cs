using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Luoshi.Features.Account;

/// <summary>
/// The OpenID Connect handler, registered only when the deployment names a provider. Authorization code
/// with PKCE; the provider's answer lands in Identity's short external cookie, which the page
/// /Account/External reads once, maps to a login (<see cref="ExternalLogins"/>) and replaces by the
/// app's own session, so a sign-in through the provider ends exactly like one with a password.
/// </summary>
internal static class OidcSetup
{
    public static AuthenticationBuilder AddLuoshiOidc(this AuthenticationBuilder auth, IServiceCollection services, IConfiguration config)
    {
        services.Configure<OidcOptions>(config.GetSection("Oidc"));
        services.AddScoped<ExternalLogins>();
        var settings = config.GetSection("Oidc").Get<OidcOptions>() ?? new OidcOptions();
        if (!settings.Enabled)
        {
            return auth;
        }

        return auth.AddOpenIdConnect(OidcOptions.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be
            // SameSite=Lax and still arrive; a form_post from the provider's site would need None,
            // which needs HTTPS even on loopback.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // The claims keep the names the provider gave them (sub, preferred_username, amr), which
            // are the names the configuration uses.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            // A refusal or a cancellation at the provider, or a stale correlation cookie: a page in
            // Chinese that offers to try again, not the error page's stack of English.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/Account/External?handler=Failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
