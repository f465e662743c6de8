using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Account;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17 (等保 level 3): a second factor for sign-in, from a phone's authenticator.</summary>
public class TwoFactorTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EnrollingRefusesAWrongCodeThenTakesTheRightOneAndShowsTenRecoveryCodes(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var browser = await b.PagesAsync("staffA");
        var page = await browser.GetHtmlAsync("/Account/Authenticator");
        var key = Totp.KeyOnPage(page);
        Assert.Equal(32, key.Length);
        Assert.Contains("otpauth://totp/", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);

        var wrong = await browser.PostFormAsync("/Account/Authenticator", new() { ["Code"] = Totp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("动态码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await EnabledAsync(b, "staffA"));

        var right = await browser.PostFormAsync("/Account/Authenticator", new() { ["Code"] = Totp.Code(key) });
        var codes = Totp.RecoveryCodesOnPage(await right.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await EnabledAsync(b, "staffA"));
        // Neither the key nor a recovery code is in the database as such.
        var stored = await b.App.Db(db => db.UserTokens.Where(t => t.UserId == db.Users.Single(u => u.UserName == b.People["staffA"].Login).Id && t.LoginProvider == "[AspNetUserStore]").Select(t => t.Value).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, v => Assert.StartsWith("dp1:", v, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, v => v!.Contains(key, StringComparison.Ordinal) || v.Contains(codes[0], StringComparison.Ordinal));
        // The browser that enrolled stays signed in; the codes are not shown again.
        Assert.Empty(Totp.RecoveryCodesOnPage(await browser.GetHtmlAsync("/Account/Authenticator")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AfterThePasswordNothingIsReachableUntilTheCode(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (key, _) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));
        var browser = NewBrowser(b);

        var password = await browser.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffA"].Login, ["Password"] = Bureau.Password });
        Assert.StartsWith("/Account/LoginCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", (await browser.GetAsync("/")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Account/Authenticator")).StatusCode);

        var code = await browser.PostFormAsync("/Account/LoginCode", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWrongCodeCountsAsAFailedAccessAndFiveLockTheLogin(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (key, _) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));
        var browser = await TwoFactorLogins.PasswordAsync(b, "staffA");

        var wrong = await browser.PostFormAsync("/Account/LoginCode", new() { ["Code"] = Totp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(SecondFactor.Wrong, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await b.App.Db(db => db.Users.Where(u => u.UserName == b.People["staffA"].Login).Select(u => u.AccessFailedCount).SingleAsync()));

        for (var i = 0; i < 4; i++)
        {
            await browser.PostFormAsync("/Account/LoginCode", new() { ["Code"] = Totp.WrongCode(key) });
        }

        // Locked: now even the right code is refused.
        var right = await browser.PostFormAsync("/Account/LoginCode", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.NotNull(await b.App.Db(db => db.Users.Where(u => u.UserName == b.People["staffA"].Login).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task AnAuthenticatorCodeSignsInOnceOnly()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var (key, _) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));
        var code = Totp.Code(key);

        var first = await TwoFactorLogins.PasswordAsync(b, "staffA");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/Account/LoginCode", new() { ["Code"] = code })).StatusCode);

        // Seen over a shoulder: the same code, moments later, from another browser.
        var again = await TwoFactorLogins.PasswordAsync(b, "staffA");
        var replayed = await again.PostFormAsync("/Account/LoginCode", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(SecondFactor.Wrong, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var token = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["staffA"].Login, password = Bureau.Password, code });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARecoveryCodeSignsInOnceOnly(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (_, codes) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));

        var first = await TwoFactorLogins.PasswordAsync(b, "staffA");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/Account/LoginCode", new() { ["Code"] = codes[3].ToLowerInvariant() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        var again = await TwoFactorLogins.PasswordAsync(b, "staffA");
        Assert.Equal(HttpStatusCode.OK, (await again.PostFormAsync("/Account/LoginCode", new() { ["Code"] = codes[3] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheTokenApiAsksForTheCodeOfAnEnrolledLogin(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (key, _) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));
        var client = b.App.CreateClient();
        var login = b.People["staffA"].Login;

        var without = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);
        Assert.Contains("须提供动态验证码", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tooLong = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password, code = new string('1', 21) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password, code = Totp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeResetsAPersonsSecondFactorAndEndsHisSessions(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var (key, _) = await TwoFactorLogins.EnrollAsync(await b.PagesAsync("staffA"));
        var browser = await TwoFactorLogins.PasswordAsync(b, "staffA");
        await browser.PostFormAsync("/Account/LoginCode", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var admin = await b.PagesAsync("admin");
        var personPage = $"/Admin/Person/{b.Person("staffA")}";
        Assert.Contains("重置两步验证", await admin.GetHtmlAsync(personPage), StringComparison.Ordinal);

        var reset = await admin.PostFormAsync(personPage + "?handler=ResetTwoFactor", [], formPage: personPage);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.False(await EnabledAsync(b, "staffA"));
        // The password alone signs in again (staff need no second factor), and a new key is shown.
        var again = await b.PagesAsync("staffA");
        Assert.NotEqual(key, Totp.KeyOnPage(await again.GetHtmlAsync("/Account/Authenticator")));
    }

    [Fact]
    public async Task AnAdminWhoMustUseASecondFactorReachesNothingButTheSetupUntilEnrolled()
    {
        var b = await Bureau.CreateAsync("twofactor");
        var admin = await b.PagesAsync("admin");
        Assert.Equal("/Account/Authenticator", (await admin.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal("/Account/Authenticator", (await admin.GetAsync("/Admin/People")).Headers.Location!.OriginalString);
        Assert.Equal("/Account/Authenticator", (await admin.GetAsync("/Account/Password")).Headers.Location!.OriginalString);
        var token = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["admin"].Login, password = Bureau.Password });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Contains("须先设置两步验证", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (key, _) = await TwoFactorLogins.EnrollAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/People")).StatusCode);
        var withCode = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["admin"].Login, password = Bureau.Password, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task StaffAreNotMadeToEnrollWhereTheOfficeMust()
    {
        var b = await Bureau.CreateAsync("twofactor");
        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["staffA"].Login, password = Bureau.Password })).StatusCode);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "true", false)]
    [InlineData(true, "false", false)]
    [InlineData(false, null, false)]
    public void TheDemoAsksForNoSecondFactorUnlessTheSettingIsGiven(bool demo, string? setting, bool off)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:SeedOnFirstRun"] = demo ? "true" : "false",
            ["Login:RequireTwoFactor"] = setting,
        }).Build();
        Assert.Equal(off, IdentitySetup.TwoFactorOffForDemo(config));
    }

    private static Task<bool> EnabledAsync(Bureau b, string key) =>
        b.App.Db(db => db.Users.Where(u => u.UserName == b.People[key].Login).Select(u => u.TwoFactorEnabled).SingleAsync());

    private static PageClient NewBrowser(Bureau b) =>
        new(b.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
