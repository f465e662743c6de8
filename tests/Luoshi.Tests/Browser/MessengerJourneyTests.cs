using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Messengers;

namespace Luoshi.Tests.Browser;

/// <summary>
/// In real Chromium against the loopback DingTalk server: the office fills in the 通讯录与免登 page,
/// tests the connection, saves and syncs the address book; the page reads cleanly at 1366 and 390 px.
/// </summary>
public class MessengerJourneyTests
{
    [Fact]
    public async Task TheOfficeConnectsDingTalkAndSyncsTheAddressBook()
    {
        var b = await Bureau.CreateAsync("browser");
        var tag = FormChecks.Unique();
        await using var server = await MessengerServer.StartAsync("dingkey" + tag, "secret" + tag);
        server.Departments.Add((2, "办公室", 1));
        server.Members.Add(new("u" + tag, "钱七", null, [2], "科员"));

        await using var office = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null);
        await office.OpenAsync("/Account/Login");
        await office.Page.FillAsync("#UserName", b.People["admin"].Login);
        await office.Page.FillAsync("#Password", Bureau.Password);
        await office.SubmitAsync("main button[type=submit]");
        await office.OpenAsync("/Admin");
        await office.SubmitAsync("a[href='/Admin/Messengers']");
        await office.Page.WaitForSelectorAsync("#Input_CorpId");
        await office.AssertCleanAsync();

        await office.Page.CheckAsync("#Input_Enabled");
        await office.Page.FillAsync("#Input_BaseUrl", server.BaseUrl);
        await office.Page.FillAsync("#Input_CorpId", "ding" + tag);
        await office.Page.FillAsync("#Input_AppKey", server.Id);
        await office.Page.FillAsync("#Input_Secret", server.Secret);
        await office.Page.FillAsync("#Input_AgentId", "1001");
        await office.Page.FillAsync("#Input_SectionRules", "办公室 => 科室A");
        await office.Page.CheckAsync("#Input_SignOn");
        await office.SubmitAsync("button[formaction*='handler=Test']");
        await office.Page.WaitForSelectorAsync("text=连接成功：2个部门，1名成员，其中1人能对应到科室");

        await office.Page.FillAsync("#Input_Secret", server.Secret);
        await office.SubmitAsync("button[formaction*='handler=Save']");
        await office.Page.WaitForSelectorAsync("text=已保存");
        await office.SubmitAsync("form[action*='handler=Sync'] button");
        await office.Page.WaitForSelectorAsync("text=同步完成：新增1人");
        Assert.Contains("新增：钱七（科室A）", await office.MainTextAsync());
        await office.AssertCleanAsync();
        await office.ShotAsync("messengers-1366");

        await using var phone = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, await office.Page.Context.StorageStateAsync());
        await phone.OpenAsync("/Admin/Messengers");
        await phone.AssertCleanAsync();
        await phone.ShotAsync("messengers-390");
    }
}
