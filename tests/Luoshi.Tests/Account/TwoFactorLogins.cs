using System.Net;
using Luoshi.Data;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Account;

/// <summary>Setting up an authenticator and signing in with it, as a browser would.</summary>
internal static class TwoFactorLogins
{
    /// <summary>Enrolls the signed-in browser's login: reads the key off the page, confirms a code,
    /// and returns the key with the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> Codes)> EnrollAsync(PageClient browser)
    {
        var key = Totp.KeyOnPage(await browser.GetHtmlAsync("/Account/Authenticator"));
        var confirmed = await browser.PostFormAsync("/Account/Authenticator", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = Totp.RecoveryCodesOnPage(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>A new browser past the password, at the code page.</summary>
    public static async Task<PageClient> PasswordAsync(Bureau b, string person)
    {
        var browser = new PageClient(b.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await browser.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People[person].Login, ["Password"] = Bureau.Password });
        Assert.StartsWith("/Account/LoginCode", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return browser;
    }

    public static async Task<T> Db<T>(this TestApp app, Func<LuoshiDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LuoshiDb>());
    }
}
