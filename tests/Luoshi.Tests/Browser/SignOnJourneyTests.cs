using Luoshi.Features.Account;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.SignOn;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>
/// Issue 16, 统一身份认证 in a real browser against a real OpenID provider on loopback (OpenIddict,
/// SignOn/OidcProvider): the button on the login page, the provider's page, the code exchanged with
/// PKCE, the app's own session; the refusal of a subject nobody opened; and a unit whose local
/// passwords are off.
/// </summary>
public class SignOnJourneyTests
{
    private const string Button = "a:has-text('统一身份认证登录')";

    [Fact]
    public async Task APersonSignsInThroughTheProviderAndLandsOnTheHomePage()
    {
        var b = await Bureau.CreateAsync("oidc-browser");
        var login = b.People["staffA"].Login;
        var subject = "s" + FormChecks.Unique() + FormChecks.Unique();
        OidcProvider.Shared.Add(new ProviderUser(subject, login));
        await using var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, storageState: null);

        await SignInThroughProviderAsync(journey, login);
        Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);
        Assert.Contains("A科员", await journey.Page.Locator("form.who").InnerTextAsync());
        await journey.AssertCleanAsync();
        Assert.Contains(OidcProvider.Shared.TokenRequests, r => r == "authorization_code verifier=sent");

        // The subject is now linked, and the next sign-in goes by it.
        var linked = await b.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.LoginProvider == OidcOptions.Scheme && l.ProviderKey == subject
            && db.Users.Any(u => u.Id == l.UserId && u.UserName == login)));
        Assert.True(linked);
        await journey.SubmitAsync("form.who button[type=submit]");
        await SignInThroughProviderAsync(journey, login);
        Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);
        journey.AssertNoUnexpectedResponses();
    }

    [Fact]
    public async Task AnUnknownSubjectIsToldInChineseToAskTheOffice()
    {
        var b = await Bureau.CreateAsync("oidc-browser");
        var stranger = "nobody" + FormChecks.Unique();
        OidcProvider.Shared.Add(new ProviderUser("s" + FormChecks.Unique() + FormChecks.Unique(), stranger));
        var users = await b.WithDbAsync(db => db.Users.CountAsync());
        await using var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null);

        await journey.ExpectingAsync(403, () => SignInThroughProviderAsync(journey, stranger));
        Assert.StartsWith(journey.BaseUrl + "/Account/External", journey.Page.Url);
        Assert.Contains("请联系管理员开通", await journey.MainTextAsync());
        Assert.Empty(await journey.ProblemsAsync());
        // Still nobody: no login was created for the stranger, and the home page asks for a sign-in.
        Assert.Equal(users, await b.WithDbAsync(db => db.Users.CountAsync()));
        await journey.Page.GotoAsync(journey.BaseUrl + "/");
        Assert.StartsWith(journey.BaseUrl + "/Account/Login", journey.Page.Url);
    }

    [Fact]
    public async Task WithLocalPasswordsOffAPasswordIsRefusedWhileAnotherUnitStillUsesOne()
    {
        var off = await Bureau.CreateAsync("oidc-browser");
        var other = await Bureau.CreateAsync("oidc-browser");

        await using (var admin = await Journey.StartAsync(off.App.BaseAddress!, Screen.Phone, storageState: null))
        {
            await PasswordAsync(admin, off.People["admin"].Login);
            await admin.OpenAsync("/Admin/SignOn");
            await admin.AssertCleanAsync();
            await admin.Page.CheckAsync("#LocalPasswordsOff");
            await admin.SubmitAsync("main button[type=submit]");
            Assert.Contains("已停用本单位的本地密码登录", await admin.Page.Locator("body").InnerTextAsync());
            await admin.AssertCleanAsync();
        }

        await using var journey = await Journey.StartAsync(off.App.BaseAddress!, Screen.Phone, storageState: null);
        var login = off.People["staffB"].Login;
        await PasswordAsync(journey, login);
        Assert.StartsWith(journey.BaseUrl + "/Account/Login", journey.Page.Url);
        Assert.Contains("本单位已停用本地密码登录，请点击下方“统一身份认证登录”按钮登录", await journey.MainTextAsync());
        await journey.AssertCleanAsync();

        // The same person goes through the provider instead.
        OidcProvider.Shared.Add(new ProviderUser("s" + FormChecks.Unique() + FormChecks.Unique(), login));
        await SignInThroughProviderAsync(journey, login);
        Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);

        await using var elsewhere = await Journey.StartAsync(other.App.BaseAddress!, Screen.Desk, storageState: null);
        await PasswordAsync(elsewhere, other.People["staffB"].Login);
        Assert.Equal(elsewhere.BaseUrl + "/", elsewhere.Page.Url);
        elsewhere.AssertNoUnexpectedResponses();
    }

    [Fact]
    public async Task AnAuthenticatorStillAsksForItsCodeUnlessTheProviderAssertsASecondFactor()
    {
        var b = await Bureau.CreateAsync("oidc-browser");
        var admin = b.People["admin"].Login;
        var leader = b.People["leader"].Login;
        var adminKey = await EnrollAsync(b, admin);
        await EnrollAsync(b, leader);
        OidcProvider.Shared.Add(new ProviderUser("s" + FormChecks.Unique() + FormChecks.Unique(), admin));
        OidcProvider.Shared.Add(new ProviderUser("s" + FormChecks.Unique() + FormChecks.Unique(), leader, Mfa: true));

        await using (var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null))
        {
            await SignInThroughProviderAsync(journey, admin);
            Assert.StartsWith(journey.BaseUrl + "/Account/LoginCode", journey.Page.Url);
            await journey.Page.FillAsync("#Code", Totp.Code(adminKey));
            await journey.SubmitAsync("main button[type=submit]");
            Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);
            journey.AssertNoUnexpectedResponses();
        }

        await using (var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null))
        {
            await SignInThroughProviderAsync(journey, leader);
            Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);
            journey.AssertNoUnexpectedResponses();
        }
    }

    /// <summary>The button on the login page, the provider's page filled with the name, and back.</summary>
    private static async Task SignInThroughProviderAsync(Journey journey, string name)
    {
        await journey.OpenAsync("/Account/Login");
        await journey.SubmitAsync(Button);
        Assert.StartsWith(OidcProvider.Shared.Authority + "connect/authorize", journey.Page.Url);
        await journey.Page.FillAsync("#login_as", name);
        await journey.SubmitAsync("button[type=submit]");
    }

    private static async Task PasswordAsync(Journey journey, string login)
    {
        await journey.OpenAsync("/Account/Login");
        await journey.Page.FillAsync("#UserName", login);
        await journey.Page.FillAsync("#Password", Bureau.Password);
        await journey.SubmitAsync("main button[type=submit]");
    }

    private static async Task<string> EnrollAsync(Bureau b, string login)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(login))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
