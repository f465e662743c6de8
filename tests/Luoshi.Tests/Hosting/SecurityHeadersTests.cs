using System.Net;
using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Hosting;

/// <summary>Issue 17: the headers on every response, the API document behind login, the Host header checked.</summary>
public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/api/me")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        var response = await TestApp.For("sqlite").CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HstsIsSentOnlyOverHttps()
    {
        var client = TestApp.For("sqlite").CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLoginCookieIsHttpOnlyAndSecureOverHttps(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var client = new PageClient(b.App.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }));

        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffA"].Login, ["Password"] = Bureau.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("luoshi=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api-docs/")]
    public async Task TheApiDocumentNeedsALogin(string url)
    {
        var b = await Bureau.CreateAsync("sqlite");
        var anonymous = await b.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var (browser, _) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AHostNotConfiguredIsRefused()
    {
        var client = TestApp.For("sqlite").CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";
}
