using System.Net;
using System.Net.Http.Json;
using Luoshi.Commands;
using Luoshi.Features.Admin;
using Luoshi.Features.Audit;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.SignOn;

/// <summary>Issue 16: local passwords switched off per unit, on both databases.</summary>
public class LocalPasswordsTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APersonOfAUnitWithPasswordsOffIsRefusedOnThePageButNotOtherUnitsOrTheTokenApi(string provider)
    {
        var off = await Bureau.CreateAsync(provider);
        var other = await Bureau.CreateAsync(provider);
        await SetAsync(off, true);

        var refused = await LoginAsync(off.App, off.People["staffA"].Login);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("本单位已停用本地密码登录", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await off.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == off.UnitId && a.Kind == AuditKind.SignInFailed && a.Detail == "本单位已停用本地密码登录")));

        // A wrong password still gets the usual words: the rule is told only to whoever knows the password.
        var wrong = await new PageClient(off.App.CreateClient(new() { AllowAutoRedirect = false }))
            .PostFormAsync("/Account/Login", new() { ["UserName"] = off.People["staffA"].Login, ["Password"] = "Whatever-2026x" });
        Assert.DoesNotContain("本单位已停用本地密码登录", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(other.App, other.People["staffA"].Login)).StatusCode);
        // Programs keep their tokens: they cannot go through the provider's pages.
        var token = await off.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = off.People["staffA"].Login, password = Bureau.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeCannotSwitchPasswordsOffWithoutAProviderButCanSwitchThemBackOn(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var admin = await b.PagesAsync("admin");
        Assert.Contains("尚未配置统一身份认证", await admin.GetHtmlAsync("/Admin/SignOn"), StringComparison.Ordinal);

        var refused = await admin.PostFormAsync("/Admin/SignOn", new() { ["LocalPasswordsOff"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SignOnModel.NoProvider, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await IsOffAsync(b));

        // Switched off some other way (a deployment that had a provider): the office switches it back on.
        await SetAsync(b, true);
        var on = await admin.PostFormAsync("/Admin/SignOn", new() { ["LocalPasswordsOff"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.False(await IsOffAsync(b));
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == b.UnitId && a.Kind == AuditKind.SignOnChanged && a.Detail == "恢复本地密码登录")));

        // Posted empty (as the form sweep does): nothing changes, and the page says so.
        var empty = await admin.PostFormAsync("/Admin/SignOn", []);
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.False(await IsOffAsync(b));
        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Admin/SignOn")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheCommandLineSwitchesPasswordsBackOnWhenTheProviderIsDown(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        await SetAsync(b, true);
        var unitName = await b.WithDbAsync(db => db.Units.Where(u => u.Id == b.UnitId).Select(u => u.Name).SingleAsync());
        var folder = Directory.CreateTempSubdirectory("luoshi-breakglass-").FullName;
        string[] settings =
        [
            $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Evidence:Folder={Path.Combine(folder, "evidence")}",
            $"--DataProtection:Folder={Path.Combine(folder, "keys")}", $"--Record:AnchorFile={b.App.AnchorFile}",
            "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Demo:SeedOnFirstRun=false",
        ];
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, await AdminCommand.RunAsync(["local-passwords", "--unit", unitName, .. settings], output, error));
        Assert.Equal(1, await AdminCommand.RunAsync(["local-passwords", "--unit", "没有这个单位", "--on", .. settings], output, error));
        Assert.Equal(0, await AdminCommand.RunAsync(["local-passwords", "--unit", unitName, "--on", .. settings], output, error));
        Assert.Contains("已恢复", output.ToString(), StringComparison.Ordinal);

        Assert.False(await IsOffAsync(b));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(b.App, b.People["staffA"].Login)).StatusCode);
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == b.UnitId && a.Kind == AuditKind.SignOnChanged && a.UserName == "命令行")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeUndoesAWrongLinkOfItsOwnUnitOnly(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var other = await Bureau.CreateAsync(provider);
        var first = Guid.NewGuid().ToString("N");
        Assert.Null((await ExternalLoginsTests.FindAsync(b, new(), ExternalLoginsTests.External(first, b.People["staffC"].Login))).Problem);
        Assert.Null((await ExternalLoginsTests.FindAsync(other, new(), ExternalLoginsTests.External(Guid.NewGuid().ToString("N"), other.People["staffC"].Login))).Problem);
        var admin = await b.PagesAsync("admin");
        Assert.Contains("解除关联", await admin.GetHtmlAsync("/Admin/SignOn"), StringComparison.Ordinal);

        var foreign = await admin.PostFormAsync($"/Admin/SignOn?handler=Unlink&personId={other.Person("staffC")}", [], "/Admin/SignOn");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var undone = await admin.PostFormAsync($"/Admin/SignOn?handler=Unlink&personId={b.Person("staffC")}", [], "/Admin/SignOn");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);

        // The next sign-in through the provider, under another subject, links afresh.
        var relinked = await ExternalLoginsTests.FindAsync(b, new(), ExternalLoginsTests.External(Guid.NewGuid().ToString("N"), b.People["staffC"].Login));
        Assert.True(relinked.Linked);
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == b.UnitId && a.Kind == AuditKind.SignOnChanged && a.Detail == "解除统一身份认证关联")));
        Assert.Equal(1, await other.WithDbAsync(db => db.UserLogins.CountAsync(l => db.Users.Any(u => u.Id == l.UserId && u.UnitId == other.UnitId))));
    }

    private static Task<HttpResponseMessage> LoginAsync(TestApp app, string login) =>
        new PageClient(app.CreateClient(new() { AllowAutoRedirect = false }))
            .PostFormAsync("/Account/Login", new() { ["UserName"] = login, ["Password"] = Bureau.Password });

    private static Task<int> SetAsync(Bureau b, bool off) =>
        b.WithDbAsync(db => db.Units.Where(u => u.Id == b.UnitId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LocalPasswordsOff, off)));

    private static Task<bool> IsOffAsync(Bureau b) =>
        b.WithDbAsync(db => db.Units.Where(u => u.Id == b.UnitId).Select(u => u.LocalPasswordsOff).SingleAsync());
}
