using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 领导批示件 and 会议议定事项 in the browser: the office registers an internal 批示件 with a 知悉范围 for
/// 高新技术科; the section's staff member, outside it, gets 404; the head reports (on a phone); the office
/// records the leader's 再次批示, the head reports again, the office records 同意办结 and prints the
/// 办理单; then the office registers a meeting with two decisions (on a phone).
/// </summary>
public class DirectiveJourneyTests
{
    private static string Day(int offset) => DateTime.Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ADirectiveIsRegisteredHiddenReportedInstructedAgainAndClosedAndAMeetingIsRegistered()
    {
        var site = await DemoSite.ForAsync("journey");
        var unique = FormChecks.Unique();
        var title = $"关于科技金融服务情况的报告{unique}";
        string url;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Directives");
            await office.Page.GetByRole(AriaRole.Link, new() { Name = "登记批示件" }).ClickAsync();
            await office.Page.WaitForURLAsync("**/Directives/Create");
            await office.Page.FillAsync("#Input_Instruction", "请科技局研究提出意见。");
            await office.SubmitUncheckedAsync("main form button[type=submit]");
            await office.AssertMessageBesideAsync("#Input_SourceTitle", "Input.SourceTitle", "请填写来文标题或事由");
            Assert.Equal("请科技局研究提出意见。", await office.ValueAsync("#Input_Instruction"));
            await office.AssertReadsCleanAsync();

            await office.Page.FillAsync("#Input_SourceTitle", title);
            await office.Page.FillAsync("#Input_DocumentNumber", $"市政府办〔2026〕{unique}号");
            await office.Page.SelectOptionAsync("#Input_Classification", "内部");
            await office.Page.FillAsync("#Input_Leader", "张某某副市长");
            await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
            await office.Page.SelectOptionAsync("#Input_LeadLeaderId", new SelectOptionValue { Label = "林海涛（副局长）" });
            await office.Page.FillAsync("#Input_DueDate", Day(10));
            await office.Page.Locator("#Input_ReaderIds").GetByRole(AriaRole.Checkbox, new() { Name = "周文远" }).CheckAsync();
            await office.SubmitAsync("main form button[type=submit]");
            Assert.Matches(@"/Directives/\d+$", office.Page.Url);
            Assert.Contains("周文远", await office.MainTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
            url = new Uri(office.Page.Url).AbsolutePath;
        }

        // 李娜 works in the lead section but is outside the 知悉范围: the item does not exist for her.
        await using (var staff = await site.AsAsync("staff"))
        {
            var status = 0;
            await staff.ExpectingAsync(404, async () => status = (await staff.Page.GotoAsync(staff.BaseUrl + url))!.Status);
            Assert.Equal(404, status);
            await staff.OpenAsync("/Directives");
            Assert.DoesNotContain(title, await staff.MainTextAsync(), StringComparison.Ordinal);
        }

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync(url);
            await head.Page.FillAsync("#Report_Text", "已召开专题会，梳理科技金融服务需求，形成工作方案。");
            await head.SubmitAsync("#report form button[type=submit]");
            Assert.Contains("已报送办理情况", await head.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Contains("待领导阅示", await head.Page.InnerTextAsync("#report"), StringComparison.Ordinal);
            await head.AssertReadsCleanAsync();
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync(url);
            await office.Page.CheckAsync("#response input[value='再次批示']");
            await office.Page.FillAsync("#Answer_Opinion", "请细化措施，明确时间表后再报。");
            await office.Page.FillAsync("#Answer_DueDate", Day(20));
            await office.SubmitAsync("#response button[type=submit]");
            Assert.Contains("已登记再次批示", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Contains("请细化措施，明确时间表后再报。", await office.Page.InnerTextAsync("#instructions"), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
        }

        await using (var head = await site.AsAsync("head"))
        {
            await head.OpenAsync(url);
            await head.Page.FillAsync("#Report_Text", "已细化措施六条，明确了时间表。");
            await head.SubmitAsync("#report form button[type=submit]");
            Assert.Contains("已报送办理情况", await head.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync(url);
            await office.Page.CheckAsync("#response input[value='同意办结']");
            await office.SubmitAsync("#response button[type=submit]");
            Assert.Contains("已办结", await office.MainTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
            await office.OpenAsync(url + "/Print");
            var sheet = await office.Page.InnerTextAsync(".directive-sheet");
            Assert.Contains("已细化措施六条", sheet, StringComparison.Ordinal);
            Assert.Contains("同意办结", sheet, StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
        }

        await using var phone = await site.AsAsync("office", Screen.Phone);
        await phone.OpenAsync("/Meetings/Create");
        await phone.Page.FillAsync("#Input_Name", $"局长办公会{unique}");
        await phone.Page.FillAsync("#Input_MinutesNumber", $"〔2026〕{unique}号");
        await phone.Page.FillAsync("#Input_Decisions_0__Text", "制定孵化器绩效评价办法");
        await phone.Page.SelectOptionAsync("#Input_Decisions_0__LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
        await phone.Page.FillAsync("#Input_Decisions_0__DueDate", Day(30));
        await phone.Page.FillAsync("#Input_Decisions_1__Text", "开展科技政策进企业宣讲");
        await phone.Page.SelectOptionAsync("#Input_Decisions_1__LeadSectionId", new SelectOptionValue { Label = "政策法规科" });
        await phone.Page.SelectOptionAsync("#Input_Decisions_1__CooperatingSectionIds", new SelectOptionValue { Label = "高新技术科" });
        await phone.Page.FillAsync("#Input_Decisions_1__DueDate", Day(45));
        await phone.AssertReadsCleanAsync();
        await phone.SubmitAsync("#meeting button.primary");
        Assert.Matches(@"/Meetings/\d+$", phone.Page.Url);
        var main = await phone.MainTextAsync();
        Assert.Contains("共2项", main, StringComparison.Ordinal);
        Assert.Contains("开展科技政策进企业宣讲", main, StringComparison.Ordinal);
        Assert.Equal(2, await phone.Page.Locator("main table .light").CountAsync());
        await phone.AssertReadsCleanAsync();
    }
}
