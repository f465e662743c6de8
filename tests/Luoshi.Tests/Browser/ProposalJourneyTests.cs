using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// A 人大代表建议 from registration to 办结 in the browser: the demo bureau's office registers it with a
/// second unit of the deployment as co-handler; that unit's office finds the request and submits its
/// opinion (and cannot open the proposal); 李娜 of 高新技术科 replies (A类) to the proposer and the
/// co-signers; the office records 不满意, which reopens it; she replies again and the office records 满意.
/// </summary>
public class ProposalJourneyTests
{
    [Fact]
    public async Task AProposalRunsFromRegistrationThroughACoHandlersOpinionAndReHandlingToClosure()
    {
        var site = await DemoSite.ForAsync("journey");
        var tag = FormChecks.Unique();
        var (coUnit, coLogin) = await CoHandlingUnitAsync(site, tag);
        var title = $"关于建设概念验证中心的建议（第{tag}号）";

        string url;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Proposals/Create");
            var form = office.Page.Locator("main form[method=post]");
            await form.Locator("#Input_Number").FillAsync(tag);
            await form.Locator("#Input_Title").FillAsync(title);
            await form.Locator("#Input_ProposerName").FillAsync("张卫东");
            await form.Locator("#Input_ProposerGroup").FillAsync("高新区代表团");
            await form.Locator("#Input_CoSigners").FillAsync("李红、王强");
            await form.Locator("#Input_LeadSectionId").SelectOptionAsync(new SelectOptionValue { Label = "高新技术科" });
            await form.Locator("#Input_ResponsiblePersonId").SelectOptionAsync(new SelectOptionValue { Label = "李娜（高新技术科）" });
            await form.Locator("label.check", new() { HasText = coUnit }).Locator("input").CheckAsync();
            // Without the content: refused beside its field, the rest kept.
            await office.SubmitUncheckedAsync("main form[method=post] button[type=submit]");
            await office.AssertMessageBesideAsync("main form[method=post] #Input_Content", "Input.Content", "请填写建议提案内容");
            Assert.Equal(title, await form.Locator("#Input_Title").InputValueAsync());
            Assert.True(await form.Locator("label.check", new() { HasText = coUnit }).Locator("input").IsCheckedAsync());
            await office.AssertReadsCleanAsync();

            await form.Locator("#Input_Content").FillAsync("建议依托高校院所建设概念验证中心，设立专项资金。");
            await office.SubmitAsync("main form[method=post] button[type=submit]");
            Assert.Matches(@"/Proposals/\d+$", office.Page.Url);
            url = new Uri(office.Page.Url).AbsolutePath;
            var facts = await office.Page.Locator("main dl.facts").First.InnerTextAsync();
            Assert.Contains($"第{tag}号", facts, StringComparison.Ordinal);
            Assert.Contains("交办后三个月", facts, StringComparison.Ordinal);
            Assert.Contains("协办意见时限", facts, StringComparison.Ordinal);
            Assert.Contains("待提交", await office.Page.Locator("#opinions").InnerTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
        }

        await using (var co = await SignInAsync(site, coLogin))
        {
            await co.OpenAsync("/Proposals/Opinions");
            await co.Page.Locator("main a", new() { HasText = title }).ClickAsync();
            await co.Page.WaitForURLAsync("**/Proposals/Opinions/*");
            Assert.Contains("建议依托高校院所", await co.MainTextAsync(), StringComparison.Ordinal);
            await co.AssertReadsCleanAsync();
            await co.Page.FillAsync("main textarea[name=text]", "我委将在项目立项和用地方面予以支持。");
            await co.Page.FillAsync("main input[name=signer]", "赵主任");
            await co.SubmitAsync("main form[method=post] button[type=submit]");
            Assert.Contains("已提交协办意见", await co.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Contains("会签人：赵主任", await co.MainTextAsync(), StringComparison.Ordinal);
            await co.AssertReadsCleanAsync();
            // The proposal itself belongs to the other unit.
            await co.ExpectingAsync(404, async () => Assert.Equal(404, (await co.Page.GotoAsync(site.BaseUrl + url))!.Status));
        }

        await ReplyAsync(site, url, "A", "已纳入明年科技计划并安排启动资金。");

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync(url);
            Assert.Contains("我委将在项目立项和用地方面予以支持。", await office.Page.Locator("#opinions").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("王强：已送达", await office.Page.Locator("#replies").InnerTextAsync(), StringComparison.Ordinal);
            await office.Page.Locator("main form[action*=Satisfaction] select[name=satisfaction]").SelectOptionAsync(new SelectOptionValue { Label = "不满意" });
            await office.Page.FillAsync("main form[action*=Satisfaction] input[name=note]", "希望明确建设时间表");
            await office.SubmitAsync("main form[action*=Satisfaction] button[type=submit]");
            Assert.Contains("重新办理", await office.Page.Locator("main dl.facts").First.InnerTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
        }

        await ReplyAsync(site, url, "B", "概念验证中心将于明年六月前建成。");

        await using var closing = await site.AsAsync("office");
        await closing.OpenAsync(url);
        await closing.Page.Locator("main form[action*=Satisfaction] select[name=satisfaction]").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await closing.SubmitAsync("main form[action*=Satisfaction] button[type=submit]");
        Assert.Contains("办结", await closing.Page.Locator("main dl.facts").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("重新办理后的答复", await closing.Page.Locator("#replies").InnerTextAsync(), StringComparison.Ordinal);
        await closing.AssertReadsCleanAsync();
        await closing.OpenAsync("/Proposals?state=办结");
        Assert.Contains(title, await closing.MainTextAsync(), StringComparison.Ordinal);
        await closing.AssertReadsCleanAsync();
    }

    /// <summary>李娜 replies, to the proposer and both co-signers, with the given result class.</summary>
    private static async Task ReplyAsync(DemoSite site, string url, string resultClass, string text)
    {
        await using var staff = await site.AsAsync("staff");
        await staff.OpenAsync(url);
        var form = staff.Page.Locator("main form[action*=Reply]");
        await form.Locator("textarea[name=text]").FillAsync(text);
        await form.Locator("input[name=signer]").FillAsync("周文远");
        await form.Locator("select[name=resultClass]").SelectOptionAsync(resultClass);
        foreach (var box in await form.Locator("input[name=deliveredTo]").AllAsync())
        {
            await box.CheckAsync();
        }

        await staff.SubmitAsync("main form[action*=Reply] button[type=submit]");
        Assert.Contains("已登记答复", await staff.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Contains(text, await staff.MainTextAsync(), StringComparison.Ordinal);
        await staff.AssertReadsCleanAsync();
    }

    /// <summary>A second unit of the deployment with an office login, made as the test helpers make a bureau.</summary>
    private static async Task<(string Name, string Login)> CoHandlingUnitAsync(DemoSite site, string tag)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = await Startup.CreateUnitAsync(services, $"示范市发展和改革委员会{tag}");
        var section = new Section { UnitId = unit.Id, Name = "办公室" };
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        var person = new Person { UnitId = unit.Id, Name = "赵主任", Role = Role.Admin, SectionId = section.Id };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var login = $"fgw{tag}";
        var created = await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = login, UnitId = unit.Id, PersonId = person.Id }, DemoSite.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return (unit.Name, login);
    }

    private static async Task<Journey> SignInAsync(DemoSite site, string login)
    {
        var journey = await Journey.StartAsync(site.BaseUrl, Screen.Desk, storageState: null);
        await journey.OpenAsync("/");
        await journey.Page.FillAsync("#UserName", login);
        await journey.Page.FillAsync("#Password", DemoSite.Password);
        await journey.SubmitAsync("main button[type=submit]");
        Assert.DoesNotContain("/Account/", journey.Page.Url, StringComparison.Ordinal);
        return journey;
    }
}
