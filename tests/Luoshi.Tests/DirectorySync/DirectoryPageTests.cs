using System.Net;
using Luoshi.Features.Ldap;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.DirectorySync;

/// <summary>/Admin/Directory: the office's alone; empty fields answered in Chinese; the reader's
/// password stored protected; a connection test and a sync now against the real slapd, whose result
/// lists the people it deactivated with their open tasks and the 批量改派 link.</summary>
public class DirectoryPageTests
{
    private const string Page = "/Admin/Directory";

    private static Dictionary<string, string> Form(TestDirectory d, string? password, string rules) => new()
    {
        ["Input.Enabled"] = "true", ["Input.ServerUrl"] = TestDirectory.Url, ["Input.BindDn"] = TestDirectory.ReaderDn,
        ["Input.BindPassword"] = password ?? "", ["Input.BaseDn"] = d.Base, ["Input.UserFilter"] = "(objectClass=inetOrgPerson)",
        ["Input.UidAttribute"] = "uid", ["Input.NameAttribute"] = "cn", ["Input.EmailAttribute"] = "mail", ["Input.PhoneAttribute"] = "telephoneNumber",
        ["Input.PositionAttribute"] = "title", ["Input.GroupAttribute"] = "memberOf", ["Input.SectionRules"] = rules, ["Input.SyncIntervalHours"] = "24",
    };

    [Fact]
    public async Task OnlyTheOfficeOpensThePage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("headA")).GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("leader")).GetAsync(Page)).StatusCode);
        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Page)).StatusCode);
        var admin = await b.PagesAsync("admin");
        var refused = await staff.Http.PostAsync(Page + "?handler=Sync", new FormUrlEncodedContent([]));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
        Assert.Contains("目录同步", await admin.GetHtmlAsync(Page));
    }

    [Fact]
    public async Task EmptyFieldsAndBadRulesAreAnsweredInChinese()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var empty = await admin.PostFormAsync(Page + "?handler=Save", new() { ["Input.SyncIntervalHours"] = "" }, Page);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        foreach (var message in new[] { "请填写目录服务器地址", "请填写读取账号", "请填写查找人员的位置", "请填写科室对应规则", "请填写读取账号的密码" })
        {
            Assert.Contains(message, html);
        }

        var d = TestDirectory.Create();
        var bad = Form(d, TestDirectory.ReaderPassword, "ou=office 办公室");
        bad["Input.ServerUrl"] = "http://127.0.0.1";
        html = WebUtility.HtmlDecode(await (await admin.PostFormAsync(Page + "?handler=Save", bad, Page)).Content.ReadAsStringAsync());
        Assert.Contains("服务器地址应写成", html);
        Assert.Contains("第1行应写成“组织单位或组 => 科室名”", html);
        Assert.Contains("尚未启用目录", WebUtility.HtmlDecode(await (await admin.PostFormAsync(Page + "?handler=Sync", [], Page)).Content.ReadAsStringAsync()));
        Assert.False(await DirectorySyncTests.QueryAsync(b, db => db.Set<DirectorySettings>().AnyAsync(s => s.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task TheOfficeSavesTestsAndSyncsAndSeesWhoLeftWithTheirOpenTasks()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var d = TestDirectory.Create();
        d.AddPerson("he", "何四", "office", "科员");
        d.AddPerson("lv", "吕五", "planning", "科员");
        var admin = await b.PagesAsync("admin");
        var rules = DirectorySyncTests.Rules(d, "规划科" + d.Tag);

        var wrong = await admin.PostFormAsync(Page + "?handler=Test", Form(d, "not-the-password", rules), Page);
        Assert.Contains("连接失败：目录服务器拒绝了读取账号", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var test = await admin.PostFormAsync(Page + "?handler=Test", Form(d, TestDirectory.ReaderPassword, rules), Page);
        Assert.Contains("连接成功：找到2人，其中2人能对应到科室", WebUtility.HtmlDecode(await test.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page + "?handler=Save", Form(d, TestDirectory.ReaderPassword, rules), Page)).StatusCode);
        var stored = await DirectorySyncTests.QueryAsync(b, db => db.Set<DirectorySettings>().AsNoTracking().SingleAsync(s => s.UnitId == b.UnitId));
        Assert.DoesNotContain(TestDirectory.ReaderPassword, stored.ProtectedBindPassword);
        Assert.Equal(TestDirectory.ReaderPassword, b.App.Services.GetRequiredService<DirectorySecret>().Reveal(stored.ProtectedBindPassword));
        Assert.True(stored.Enabled);

        // Saved again with the password left blank: the stored one stays and still works.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page + "?handler=Save", Form(d, null, rules), Page)).StatusCode);
        test = await admin.PostFormAsync(Page + "?handler=Test", Form(d, null, rules), Page);
        Assert.Contains("连接成功", WebUtility.HtmlDecode(await test.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page + "?handler=Sync", [], Page)).StatusCode);
        var html = WebUtility.HtmlDecode(await admin.GetHtmlAsync(Page));
        Assert.Contains("新增：何四（科室A）", html);
        Assert.Contains($"新增：吕五（规划科{d.Tag}）", html);

        var lv = (await DirectorySyncTests.PersonAsync(b, d.Uid("lv"))).Person;
        var task = await b.TaskAsync(lv.SectionId!.Value, TestApp.Today, TestApp.Today.AddDays(20), change: t => t.ResponsiblePersonId = lv.Id);
        d.Delete("lv", "planning");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page + "?handler=Sync", [], Page)).StatusCode);
        html = WebUtility.HtmlDecode(await admin.GetHtmlAsync(Page));
        Assert.Contains("停用：吕五", html);
        Assert.Contains("1项未办结任务", html);
        Assert.Contains($"/Reassign?fromPerson={lv.Id}", html);
        Assert.Contains(task.Title, html);
        Assert.Contains($"/Tasks/{task.Id}", html);

        // The 批量改派 page takes the deactivated person as whose tasks move.
        var reassign = WebUtility.HtmlDecode(await admin.GetHtmlAsync($"/Reassign?fromPerson={lv.Id}"));
        Assert.Contains("吕五", reassign);
    }
}
