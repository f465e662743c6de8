using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Luoshi.Tests.SignOn;

/// <summary>A person known to the provider: the subject it asserts, the name and email it gives, and
/// whether it says it asked for a second factor (amr "mfa").</summary>
internal sealed record ProviderUser(string Subject, string UserName, string? Email = null, bool Mfa = false);

/// <summary>
/// A real OpenID provider for the tests: OpenIddict's server on Kestrel on a free loopback port, with
/// the authorization code flow and PKCE required, one confidential client, ephemeral signing and
/// encryption keys, and a sign-in page with a single field (the name of a person the test added) that a
/// browser fills. Degraded mode: no OpenIddict stores, so the client is checked by the two handlers below.
/// </summary>
internal sealed class OidcProvider
{
    public const string ClientId = "luoshi-tests";
    public const string ClientSecret = "a-client-secret-known-only-to-the-tests";

    private static readonly Lazy<OidcProvider> Started = new(() => StartAsync().GetAwaiter().GetResult());

    private readonly ConcurrentDictionary<string, ProviderUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _redirects = new(StringComparer.Ordinal);

    private OidcProvider()
    {
    }

    public static OidcProvider Shared => Started.Value;

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Token requests the provider answered, for a test that wants to see the code was exchanged with PKCE.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public void Add(ProviderUser user) => _users[user.UserName] = user;

    /// <summary>Registers an app's callback address as the client's redirect URI.</summary>
    public void AllowRedirect(string uri) => _redirects[uri] = true;

    private static async Task<OidcProvider> StartAsync()
    {
        var provider = new OidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.DisableTokenStorage();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "unknown client");
                }
                else if (context.RedirectUri is null || !provider._redirects.ContainsKey(context.RedirectUri))
                {
                    context.Reject(Errors.InvalidRequest, "redirect_uri not registered");
                }

                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "client authentication failed");
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)provider.TokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = address.TrimEnd('/') + "/";
        return provider;
    }

    /// <summary>The sign-in page: shown on GET, and again with a note when the name is unknown; a POST
    /// with a known name signs that person in at the provider and sends the code back.</summary>
    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("no OpenID request");
        var name = HttpMethods.IsPost(http.Request.Method) ? (await http.Request.ReadFormAsync())["login_as"].ToString().Trim() : "";
        if (!_users.TryGetValue(name, out var user))
        {
            return Results.Content(Form(request, name.Length > 0 ? "没有这个用户" : null), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.PreferredUsername, user.UserName));
        identity.AddClaim(new Claim(Claims.Name, user.UserName));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(Claims.Email, email));
        }

        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "pwd"));
        if (user.Mfa)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "mfa"));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The code exchange: OpenIddict has already checked the code, the client and the PKCE
    /// verifier; the principal the code carries is issued as the id token.</summary>
    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("no OpenID request");
        TokenRequests.Enqueue($"{request.GrantType} verifier={(string.IsNullOrEmpty(request.CodeVerifier) ? "none" : "sent")}");
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal ?? throw new InvalidOperationException("the code carried no principal");
        principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string Form(OpenIddictRequest request, string? problem)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>测试认证服务</title><h1>测试认证服务</h1>");
        if (problem is not null)
        {
            html.Append("<p id=\"problem\">").Append(WebUtility.HtmlEncode(problem)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (key, value) in request.GetParameters())
        {
            if (key != "login_as")
            {
                html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(key)).Append("\" value=\"").Append(WebUtility.HtmlEncode(value.ToString())).Append("\">");
            }
        }

        return html.Append("<label>用户名 <input id=\"login_as\" name=\"login_as\"></label><button type=\"submit\">登录</button></form></html>").ToString();
    }
}
