using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17: a copied cookie or an old token stops working the moment the login is revoked.</summary>
public class RevocationTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task LoggingOutEndsEveryCopyOfThatCookieButNotTheOtherBrowsers(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (browser, cookie) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);
        var (_, otherCookie) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);
        var copy = Logins.WithCookie(b.App, cookie);
        Assert.True(await Logins.IsSignedInAsync(copy));

        var logout = await browser.PostFormAsync("/Account/Logout", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.False(await Logins.IsSignedInAsync(copy));
        Assert.True(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, otherCookie)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ANewPasswordEndsTheOtherCookiesAndTokensAndKeepsThisBrowserIn(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var (_, elsewhere) = await Logins.SignInAsync(b.App, login);
        var tokens = await Logins.TokensAsync(b.App, login);
        var (browser, _) = await Logins.SignInAsync(b.App, login);

        var changed = await browser.PostFormAsync("/Account/Password", new() { ["Current"] = Bureau.Password, ["New"] = "Another-Pass-2026", ["Confirm"] = "Another-Pass-2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, elsewhere)));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, tokens)).StatusCode);
        Assert.True(await Logins.IsSignedInAsync(browser.Http));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnAdminsResetEndsTheLoginsCookiesAndTokens(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var (_, cookie) = await Logins.SignInAsync(b.App, login);
        var tokens = await Logins.TokensAsync(b.App, login);
        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);

        var reset = await admin.PostFormAsync($"/Admin/Person/{b.Person("staffA")}?handler=Reset", [], formPage: $"/Admin/Person/{b.Person("staffA")}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, cookie)));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task DeactivatingThePersonEndsTheLoginsAndGetsNoNewToken(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var (_, cookie) = await Logins.SignInAsync(b.App, login);
        var tokens = await Logins.TokensAsync(b.App, login);

        await ChangePersonAsync(b, "staffA", ("Input.IsActive", "false"));

        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, cookie)));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        var refused = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("登录名或密码错误", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ANewRoleEndsTheLoginsCookiesAndTokens(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var (_, cookie) = await Logins.SignInAsync(b.App, login);
        var tokens = await Logins.TokensAsync(b.App, login);

        await ChangePersonAsync(b, "staffA", ("Input.Role", "SectionHead"));

        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, cookie)));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        Assert.True(await Logins.WorksAsync(b.App, await Logins.TokensAsync(b.App, login)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task LoggingOutEverywhereEndsEveryCookieAndTokenOfTheLogin(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var (browser, here) = await Logins.SignInAsync(b.App, login);
        var (_, elsewhere) = await Logins.SignInAsync(b.App, login);
        var tokens = await Logins.TokensAsync(b.App, login);
        var (_, colleague) = await Logins.SignInAsync(b.App, b.People["staffB"].Login);

        var everywhere = await browser.PostFormAsync("/Account/Password?handler=Everywhere", [], formPage: "/Account/Password");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, here)));
        Assert.False(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, elsewhere)));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        Assert.True(await Logins.IsSignedInAsync(Logins.WithCookie(b.App, colleague)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheApiLogoutEndsTheTokenAndItsRefreshToken(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);

        Assert.Equal(HttpStatusCode.NoContent, (await Logins.WithToken(b.App, tokens).PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.False(await Logins.WorksAsync(b.App, tokens));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, tokens)).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARefreshGivesNewTokensAndRetiresTheOldOnes(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);

        var refreshed = await Logins.RefreshAsync(b.App, tokens);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var fresh = (await refreshed.Content.ReadFromJsonAsync<Logins.Tokens>())!;

        Assert.True(await Logins.WorksAsync(b.App, fresh));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, tokens)).StatusCode);
    }

    private static async Task ChangePersonAsync(Bureau b, string key, params (string Field, string Value)[] changes)
    {
        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);
        var url = $"/Admin/Person/{b.Person(key)}";
        var fields = PageClient.FormFields(await admin.GetHtmlAsync(url));
        fields["Input.IsActive"] = "true";
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        var saved = await admin.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
