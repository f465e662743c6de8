using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Luoshi.Tests.SignOn;

/// <summary>Issue 16: a configured provider that cannot be reached (the case the break-glass command is for).</summary>
public class ProviderDownTests
{
    [Fact]
    public async Task AProviderThatCannotBeReachedGetsAChinesePageNotTheErrorPage()
    {
        // Port 9 (discard) on loopback: nothing listens, so the metadata cannot be read.
        await using var app = TestApp.For("sqlite").WithWebHostBuilder(b =>
        {
            b.UseSetting("Oidc:Authority", "http://127.0.0.1:9/");
            b.UseSetting("Oidc:ClientId", "luoshi");
            b.UseSetting("Oidc:ClientSecret", "unused");
            b.UseSetting("Oidc:RequireHttpsMetadata", "false");
            b.UseSetting("Oidc:DisplayName", "全市统一身份认证");
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Contains("href=\"/Account/External?returnUrl=%2F\">全市统一身份认证</a>", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        var response = await client.GetAsync("/Account/External");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("统一身份认证服务暂时无法访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAProviderThereIsNoButtonAndNoSignOnPage()
    {
        var client = TestApp.For("sqlite").CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.DoesNotContain("/Account/External", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/External")).StatusCode);
    }
}
