using Luoshi.Features.Account;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Browser;

/// <summary>
/// In real Chromium against the real slapd: the office fills in the directory settings, tests the
/// connection, saves and syncs; the person the sync added then signs in on the ordinary login page
/// with the directory password, after a wrong one is refused with the usual words.
/// </summary>
public class DirectoryJourneyTests
{
    [Fact]
    public async Task TheOfficeConnectsTheDirectoryAndADirectoryPersonSignsInWithTheDirectoryPassword()
    {
        var b = await Bureau.CreateAsync("browser");
        var d = TestDirectory.Create();
        d.AddPerson("han", "韩六", "office", "科员");

        await using var office = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null);
        await office.OpenAsync("/Account/Login");
        await office.Page.FillAsync("#UserName", b.People["admin"].Login);
        await office.Page.FillAsync("#Password", Bureau.Password);
        await office.SubmitAsync("main button[type=submit]");
        await office.OpenAsync("/Admin");
        await office.SubmitAsync("a[href='/Admin/Directory']");
        await office.Page.WaitForSelectorAsync("#Input_ServerUrl");
        await office.AssertCleanAsync();

        await office.Page.CheckAsync("#Input_Enabled");
        await office.Page.FillAsync("#Input_ServerUrl", TestDirectory.Url);
        await office.Page.FillAsync("#Input_BindDn", TestDirectory.ReaderDn);
        await office.Page.FillAsync("#Input_BindPassword", TestDirectory.ReaderPassword);
        await office.Page.FillAsync("#Input_BaseDn", d.Base);
        await office.Page.FillAsync("#Input_SectionRules", $"{d.Ou("office")} => 科室A");
        await office.SubmitAsync("button[formaction*='handler=Test']");
        await office.Page.WaitForSelectorAsync("text=连接成功：找到1人，其中1人能对应到科室");

        // A password box is never filled back in by the server: typed again to save.
        await office.Page.FillAsync("#Input_BindPassword", TestDirectory.ReaderPassword);
        await office.SubmitAsync("button[formaction*='handler=Save']");
        await office.Page.WaitForSelectorAsync("text=已保存，目录人员可用目录密码登录");
        await office.SubmitAsync("form[action*='handler=Sync'] button");
        await office.Page.WaitForSelectorAsync("text=同步完成：新增1人");
        Assert.Contains("新增：韩六（科室A）", await office.MainTextAsync());
        await office.AssertCleanAsync();

        await using var phone = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, await office.Page.Context.StorageStateAsync());
        await phone.OpenAsync("/Admin/Directory");
        await phone.AssertCleanAsync();

        await using var person = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, storageState: null);
        await person.OpenAsync("/Account/Login");
        await person.Page.FillAsync("#UserName", d.Uid("han"));
        await person.Page.FillAsync("#Password", "Not-The-Directory-1");
        await person.SubmitAsync("main button[type=submit]");
        await person.Page.WaitForSelectorAsync($"text={LoginCheck.Refused}");

        await person.Page.FillAsync("#Password", TestDirectory.Password);
        await person.SubmitAsync("main button[type=submit]");
        await person.Page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
        await person.Page.WaitForSelectorAsync("text=韩六");
        await person.AssertCleanAsync();
    }
}
