using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Ldap;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.DirectorySync;

/// <summary>A directory-backed login signs in with the directory's password (a bind as the person's
/// DN); a wrong one is refused with the same words as a local one, counted toward the lockout and
/// audited; the local people keep their local passwords.</summary>
public class DirectoryLoginTests
{
    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADirectoryPersonSignsInWithTheDirectoryPasswordAndAWrongOneIsRefusedCountedAndAudited(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        d.AddPerson("zheng", "郑一", "office");
        await d.ConfigureAsync(b, DirectorySyncTests.Rules(d, "规划科" + d.Tag));
        await DirectorySyncTests.SyncAsync(b);
        var uid = d.Uid("zheng");

        Assert.Null(await LoginMessageAsync(b.App, uid, TestDirectory.Password));
        Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, uid, "Not-The-Directory-1"));
        var (person, login) = await DirectorySyncTests.PersonAsync(b, uid);
        Assert.Equal(1, login.AccessFailedCount);
        var audited = await DirectorySyncTests.QueryAsync(b, db => db.AuditEntries.Where(a => a.ActorPersonId == person.Id)
            .Select(a => new { a.Kind, a.Detail }).ToListAsync());
        Assert.Contains(audited, a => a.Kind == AuditKind.SignedIn);
        Assert.Contains(audited, a => a.Kind == AuditKind.SignInFailed && a.Detail == "密码错误");

        // The token API checks the same way.
        var token = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = uid, password = TestDirectory.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        // A success clears the count; five failures in a row lock the login, the right password too.
        Assert.Equal(0, (await DirectorySyncTests.PersonAsync(b, uid)).Login.AccessFailedCount);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, uid, "Not-The-Directory-1"));
        }

        Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, uid, TestDirectory.Password));
        Assert.NotNull((await DirectorySyncTests.PersonAsync(b, uid)).Login.LockoutEnd);
        Assert.True(await DirectorySyncTests.QueryAsync(b, db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.LockedOut && a.TargetPersonId == person.Id)));

        // The local people of the same unit sign in as before.
        Assert.Null(await LoginMessageAsync(b.App, b.People["staffA"].Login, Bureau.Password));
    }

    [Fact]
    public async Task WithTheDirectorySwitchedOffADirectoryPersonCannotSignInAndIsNotCounted()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var d = TestDirectory.Create();
        d.AddPerson("feng", "冯二", "office");
        await d.ConfigureAsync(b, DirectorySyncTests.Rules(d, "规划科" + d.Tag));
        await DirectorySyncTests.SyncAsync(b);
        await DirectorySyncTests.QueryAsync(b, db => db.Set<DirectorySettings>().Where(s => s.UnitId == b.UnitId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Enabled, false)));

        Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, d.Uid("feng"), TestDirectory.Password));
        Assert.Equal(0, (await DirectorySyncTests.PersonAsync(b, d.Uid("feng"))).Login.AccessFailedCount);
    }

    [Fact]
    public async Task ADirectoryPasswordIsNeitherChangedNorResetHere()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var d = TestDirectory.Create();
        d.AddPerson("yang", "杨三", "office");
        await d.ConfigureAsync(b, DirectorySyncTests.Rules(d, "规划科" + d.Tag));
        await DirectorySyncTests.SyncAsync(b);
        var uid = d.Uid("yang");
        var personId = (await DirectorySyncTests.PersonAsync(b, uid)).Person.Id;

        var self = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await self.PostFormAsync("/Account/Login", new() { ["UserName"] = uid, ["Password"] = TestDirectory.Password })).StatusCode);
        var change = await self.PostFormAsync("/Account/Password", new() { ["Current"] = TestDirectory.Password, ["New"] = "Local-Pass-2026x", ["Confirm"] = "Local-Pass-2026x" });
        Assert.Contains(DirectoryPasswordCheck.ChangeInDirectory, WebUtility.HtmlDecode(await change.Content.ReadAsStringAsync()));

        var admin = await b.PagesAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Person/{personId}?handler=Reset", [], $"/Admin/Person/{personId}")).StatusCode);
        Assert.Contains(DirectoryPasswordCheck.ChangeInDirectory, WebUtility.HtmlDecode(await admin.GetHtmlAsync($"/Admin/Person/{personId}")));
        var login = (await DirectorySyncTests.PersonAsync(b, uid)).Login;
        Assert.Equal((null, false), (login.PasswordHash, login.MustChangePassword));
        Assert.Null(await LoginMessageAsync(b.App, uid, TestDirectory.Password));
    }

    [Fact]
    public void AnEmptyPasswordIsRefusedThoughTheServerWouldTakeItAsAnAnonymousBind()
    {
        var d = TestDirectory.Create();
        d.AddPerson("chu", "褚三", "office");
        var app = TestApp.For("sqlite");
        var directory = app.Services.GetRequiredService<LdapDirectory>();
        var settings = new DirectorySettings { ServerUrl = TestDirectory.Url, BindDn = "", BaseDn = d.Base, ProtectedBindPassword = "" };
        Assert.Equal(BindOutcome.Refused, directory.Bind(settings, d.Dn("chu", "office"), ""));
        Assert.Equal(BindOutcome.Refused, directory.Bind(settings, d.Dn("chu", "office"), "wrong"));
        Assert.Equal(BindOutcome.Accepted, directory.Bind(settings, d.Dn("chu", "office"), TestDirectory.Password));
        var nowhere = new DirectorySettings { ServerUrl = "ldap://127.0.0.1:1", BindDn = "", BaseDn = d.Base, ProtectedBindPassword = "" };
        Assert.Equal(BindOutcome.Unavailable, directory.Bind(nowhere, d.Dn("chu", "office"), TestDirectory.Password));
    }

    internal static async Task<string?> LoginMessageAsync(TestApp app, string name, string password)
    {
        var page = new PageClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        var response = await page.PostFormAsync("/Account/Login", new() { ["UserName"] = name, ["Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync();
        var error = System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]+)</li>");
        return error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value) : html;
    }
}
