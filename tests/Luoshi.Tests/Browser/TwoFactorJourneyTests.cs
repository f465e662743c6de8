using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Browser;

/// <summary>
/// Issue 17 in a real browser on a phone: an office person, whose role must use a second factor,
/// is taken to the setup right after the password, types the key from the page into his
/// authenticator (here: the RFC 6238 helper), keeps the recovery codes, and from then on signs in
/// with the password and the code.
/// </summary>
public class TwoFactorJourneyTests
{
    [Fact]
    public async Task AnOfficePersonSetsUpTheAuthenticatorAndSignsInWithPasswordAndCode()
    {
        var b = await Bureau.CreateAsync("twofactor-browser");
        var login = b.People["admin"].Login;
        await using var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, storageState: null);

        await journey.OpenAsync("/Account/Login");
        await journey.Page.FillAsync("#UserName", login);
        await journey.Page.FillAsync("#Password", Bureau.Password);
        await journey.SubmitAsync("main button[type=submit]");
        Assert.Equal(journey.BaseUrl + "/Account/Authenticator", journey.Page.Url);
        await journey.AssertCleanAsync();
        await journey.ShotAsync("two-factor-setup-390");

        // Anywhere else leads back to the setup.
        await journey.Page.GotoAsync(journey.BaseUrl + "/Admin/People");
        Assert.Equal(journey.BaseUrl + "/Account/Authenticator", journey.Page.Url);

        var key = (await journey.Page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await journey.Page.FillAsync("#Code", Totp.Code(key));
        await journey.SubmitAsync("main button[type=submit]");
        Assert.Equal(10, await journey.Page.Locator("ol.recovery-codes code").CountAsync());
        await journey.AssertCleanAsync();
        await journey.ShotAsync("two-factor-recovery-codes-390");
        await journey.SubmitAsync("text=已保存恢复码，继续");
        Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);

        await journey.SubmitAsync("form.who button[type=submit]");
        Assert.StartsWith(journey.BaseUrl + "/Account/Login", journey.Page.Url);

        await journey.Page.FillAsync("#UserName", login);
        await journey.Page.FillAsync("#Password", Bureau.Password);
        await journey.SubmitAsync("main button[type=submit]");
        Assert.StartsWith(journey.BaseUrl + "/Account/LoginCode", journey.Page.Url);
        await journey.AssertCleanAsync();
        await journey.ShotAsync("two-factor-code-390");
        await journey.Page.FillAsync("#Code", Totp.Code(key));
        await journey.SubmitAsync("main button[type=submit]");
        Assert.Equal(journey.BaseUrl + "/", journey.Page.Url);
        await journey.OpenAsync("/Admin/People");
        journey.AssertNoUnexpectedResponses();
    }
}
