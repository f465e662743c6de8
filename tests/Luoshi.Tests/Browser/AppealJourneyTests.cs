using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 诉求 in the browser: filed on the public form, assigned by the office to 高新技术科 and its 李娜,
/// answered by her, read back by the submitter with the receipt number and code, and followed up by
/// the office; and the office registering one taken by telephone.
/// </summary>
public class AppealJourneyTests
{
    [Fact]
    public async Task AnAppealFiledOnlineIsAssignedAnsweredAndItsReplyReadBackByCode()
    {
        var site = await DemoSite.ForAsync("journey");
        var text = $"科技成果登记后能否申请转化补助第{FormChecks.Unique()}问";
        var (receipt, code) = await PublicFormJourneyTests.FileAppealAsync(site, text);

        string url;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Appeals");
            var row = office.Page.Locator("main tr", new() { Has = office.Page.Locator($"code:text-is('{receipt}')") });
            Assert.Contains("受理", await row.InnerTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
            await row.Locator("a").First.ClickAsync();
            await office.Page.WaitForURLAsync("**/Appeals/*");
            url = new Uri(office.Page.Url).AbsolutePath;

            var assign = office.Page.Locator("main form[action*=Assign]");
            await assign.Locator("select[name=leadSectionId]").SelectOptionAsync(new SelectOptionValue { Label = "高新技术科" });
            await assign.Locator("select[name=responsiblePersonId]").SelectOptionAsync(new SelectOptionValue { Label = "李娜" });
            await office.SubmitAsync("main form[action*=Assign] button[type=submit]");
            Assert.EndsWith(url, office.Page.Url, StringComparison.Ordinal);
            Assert.Contains("已分办", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Contains("办理", await office.Page.Locator("main dl.facts").InnerTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
        }

        await using (var staff = await site.AsAsync("staff"))
        {
            await staff.OpenAsync(url);
            var reply = staff.Page.Locator("main form[action*=Reply] textarea[name=text]");
            await reply.FillAsync("   ");
            await staff.SubmitUncheckedAsync("main form[action*=Reply] button[type=submit]");
            await staff.AssertMessageBesideAsync("main form[action*=Reply] textarea[name=text]", "Reply.Text", "请填写答复内容");
            await staff.AssertReadsCleanAsync();

            var answer = $"可以申请，请于本月底前提交转化合同（第{FormChecks.Unique()}号答复）";
            await reply.FillAsync(answer);
            await staff.SubmitAsync("main form[action*=Reply] button[type=submit]");
            Assert.Contains(answer, await staff.MainTextAsync(), StringComparison.Ordinal);
            Assert.Contains("已答复", await staff.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            await staff.AssertReadsCleanAsync();

            await staff.OpenAsync($"/Public/AppealStatus/{await site.UnitIdAsync()}");
            await staff.Page.FillAsync("#Receipt", receipt);
            await staff.Page.FillAsync("#Code", code);
            await staff.SubmitAsync("main form button[type=submit]");
            var status = await staff.MainTextAsync();
            Assert.Contains("办理阶段：答复", status, StringComparison.Ordinal);
            Assert.Contains(answer, status, StringComparison.Ordinal);
        }

        await using var followUp = await site.AsAsync("office");
        await followUp.OpenAsync(url);
        var form = followUp.Page.Locator("main form[action*=FollowUp]");
        await form.Locator("select[name=satisfaction]").SelectOptionAsync(new SelectOptionValue { Label = "基本满意" });
        // Longer than the field lets one type: pasted by an old browser, or posted by a script.
        await form.Locator("input[name=note]").EvaluateAsync("e => e.value = '长'.repeat(1001)");
        await followUp.SubmitUncheckedAsync("main form[action*=FollowUp] button[type=submit]");
        await followUp.AssertMessageBesideAsync("main form[action*=FollowUp] input[name=note]", "FollowUp.Note", "回访记录不能超过1000个字");
        Assert.Equal("基本满意", await form.Locator("select[name=satisfaction] option:checked").InnerTextAsync());
        await followUp.AssertReadsCleanAsync();

        await form.Locator("input[name=note]").FillAsync("电话回访，对答复基本满意");
        await followUp.SubmitAsync("main form[action*=FollowUp] button[type=submit]");
        Assert.Contains("电话回访，对答复基本满意", await followUp.Page.Locator("main section.card", new() { Has = followUp.Page.Locator("h2:text-is('回访')") }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("办结", await followUp.Page.Locator("main dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await followUp.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task TheOfficeRegistersAnAppealTakenByTelephone()
    {
        var site = await DemoSite.ForAsync("journey");
        var text = $"人才公寓申请进度查询第{FormChecks.Unique()}问";
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Appeals");
        var form = office.Page.Locator("main form[method=post]");

        await form.Locator("select[name=category]").SelectOptionAsync(new SelectOptionValue { Label = "人才服务" });
        await form.Locator("input[name=submitterName]").FillAsync("赵博士");
        await form.Locator("select[name=leadSectionId]").SelectOptionAsync(new SelectOptionValue { Label = "人才与成果科" });
        await office.SubmitUncheckedAsync("main form[method=post] button[type=submit]");
        await office.AssertMessageBesideAsync("main form[method=post] textarea[name=content]", "Content", "请填写诉求内容");
        Assert.Equal("赵博士", await form.Locator("input[name=submitterName]").InputValueAsync());
        Assert.Equal("人才服务", await form.Locator("select[name=category] option:checked").InnerTextAsync());
        Assert.Equal("人才与成果科", await form.Locator("select[name=leadSectionId] option:checked").InnerTextAsync());
        await office.AssertReadsCleanAsync();

        await form.Locator("textarea[name=content]").FillAsync(text);
        await office.SubmitAsync("main form[method=post] button[type=submit]");
        Assert.Matches(@"/Appeals/\d+$", office.Page.Url);
        Assert.Contains(text, await office.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已登记诉求", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();
    }
}
