using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Luoshi.Tests.Account;

/// <summary>Browsers whose cookie can be copied, as a thief would, and API tokens with their refresh token.</summary>
internal static class Logins
{
    private static readonly Uri Base = new("http://localhost");

    /// <summary>A browser signed in through the login form, and its login cookie.</summary>
    public static async Task<(PageClient Browser, Cookie Cookie)> SignInAsync(TestApp app, string login, string password = Bureau.Password)
    {
        var jar = new CookieContainer();
        var browser = new PageClient(app.CreateDefaultClient(Base, new CookieContainerHandler(jar)));
        var response = await browser.PostFormAsync("/Account/Login", new() { ["UserName"] = login, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, jar.GetCookies(Base)["luoshi"]!);
    }

    /// <summary>Another browser holding only a copy of the cookie.</summary>
    public static HttpClient WithCookie(TestApp app, Cookie cookie)
    {
        var jar = new CookieContainer();
        jar.Add(Base, new Cookie(cookie.Name, cookie.Value));
        return app.CreateDefaultClient(Base, new CookieContainerHandler(jar));
    }

    /// <summary>Whether the client still gets the dashboard, rather than the login page.</summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static async Task<Tokens> TokensAsync(TestApp app, string login, string password = Bureau.Password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = login, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static HttpClient WithToken(TestApp app, Tokens tokens)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>Whether the token still reads the API.</summary>
    public static async Task<bool> WorksAsync(TestApp app, Tokens tokens)
    {
        var response = await WithToken(app, tokens).GetAsync("/api/me");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static Task<HttpResponseMessage> RefreshAsync(TestApp app, Tokens tokens) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

    internal sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);
}
