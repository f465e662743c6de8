using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 专题调研 in the browser, as the issue's "done when" says: the office sets a topic led by the 局长
/// and 高新技术科; the section's head records a visit with a photo and uploads the report (on a
/// phone); the 局长 returns it with a comment; the head uploads a second version; the 局长 accepts it
/// and enters two findings; the office turns both into tasks of the year's plan, which show with lights.
/// </summary>
public class ResearchJourneyTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Docx = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4];
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31];

    [Fact]
    public async Task ATopicIsSetVisitedReportedReturnedAcceptedAndItsFindingsBecomeTasksWithLights()
    {
        var site = await DemoSite.ForAsync("journey");
        var unique = FormChecks.Unique();
        var title = $"孵化器运营成效调研{unique}";
        string url;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Research");
            await office.Page.GetByRole(AriaRole.Link, new() { Name = "设立课题" }).ClickAsync();
            await office.Page.WaitForURLAsync("**/Research/Create");
            await office.Page.FillAsync("#Input_Questions", "孵化器入驻率和毕业企业成长情况");
            await office.SubmitUncheckedAsync("main form button[type=submit]");
            await office.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写课题名称");
            await office.AssertMessageBesideAsync("#Input_LeadLeaderId", "Input.LeadLeaderId", "请选择牵头领导");
            Assert.Equal("孵化器入驻率和毕业企业成长情况", await office.ValueAsync("#Input_Questions"));
            await office.AssertReadsCleanAsync();

            await office.Page.FillAsync("#Input_Title", title);
            await office.Page.SelectOptionAsync("#Input_LeadLeaderId", new SelectOptionValue { Label = "周文远（局长）" });
            await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
            await office.Page.GetByRole(AriaRole.Checkbox, new() { Name = "政策法规科" }).CheckAsync();
            await office.Page.FillAsync("#Input_Places", "市科技企业孵化器");
            await office.Page.FillAsync("#Input_ReportDue", DateTime.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await office.SubmitAsync("main form button[type=submit]");
            Assert.Matches(@"/Research/\d+$", office.Page.Url);
            Assert.Contains("立项", await office.MainTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
            url = new Uri(office.Page.Url).AbsolutePath;
        }

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync(url);
            await head.Page.FillAsync("#Visit_Place", "市科技企业孵化器");
            await head.Page.FillAsync("#Visit_PeopleMet", "孵化器负责人、入驻企业代表");
            await head.Page.FillAsync("#Visit_Notes", "座谈了解入驻和毕业情况");
            await head.Page.SetInputFilesAsync("#VisitFile", new FilePayload { Name = "座谈现场.png", MimeType = "image/png", Buffer = Png });
            await head.SubmitAsync("#visits form button[type=submit]");
            Assert.Contains("已记录调研走访", await head.Page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Contains("座谈现场.png", await head.Page.InnerTextAsync("#visits"), StringComparison.Ordinal);
            await head.AssertReadsCleanAsync();

            // A text file is not a report: refused beside the file field, nothing saved.
            await head.Page.SetInputFilesAsync("#ReportFile", new FilePayload { Name = "报告.txt", MimeType = "text/plain", Buffer = "正文"u8.ToArray() });
            await head.SubmitAsync("#report form button[type=submit]");
            await head.AssertMessageBesideAsync("#ReportFile", "Report.file", "调研报告应为 Word");
            await head.AssertReadsCleanAsync();

            await head.Page.SetInputFilesAsync("#ReportFile", new FilePayload { Name = "调研报告.docx", MimeType = "application/octet-stream", Buffer = Docx });
            await head.SubmitAsync("#report form button[type=submit]");
            Assert.Contains("第1版 待审阅", await head.Page.InnerTextAsync("#report"), StringComparison.Ordinal);
            await head.AssertReadsCleanAsync();
        }

        await using (var leader = await site.AsAsync("leader"))
        {
            await leader.OpenAsync(url);
            await leader.SubmitUncheckedAsync("#report button[value=false]");
            await leader.AssertMessageBesideAsync("#Decision_Comment", "Decision.Comment", "退回时请写明修改意见");
            await leader.Page.FillAsync("#Decision_Comment", "对策建议要具体到责任单位");
            await leader.SubmitAsync("#report button[value=false]");
            Assert.Contains("审阅意见：对策建议要具体到责任单位", await leader.Page.InnerTextAsync("#report"), StringComparison.Ordinal);
            await leader.AssertReadsCleanAsync();
        }

        await using (var head = await site.AsAsync("head"))
        {
            await head.OpenAsync(url);
            await head.Page.SetInputFilesAsync("#ReportFile", new FilePayload { Name = "调研报告（修改稿）.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await head.SubmitAsync("#report form button[type=submit]");
            Assert.Contains("第2版 待审阅", await head.Page.InnerTextAsync("#report"), StringComparison.Ordinal);
        }

        await using (var leader = await site.AsAsync("leader"))
        {
            await leader.OpenAsync(url);
            await leader.SubmitAsync("#report button[value=true]");
            Assert.Contains("第2版 已通过", await leader.Page.InnerTextAsync("#report"), StringComparison.Ordinal);
            await leader.Page.FillAsync("#FindingsText", "建立孵化器绩效评价办法\n设立毕业企业跟踪服务专员");
            await leader.SubmitAsync("#findings form button[type=submit]");
            Assert.Contains("第2条", await leader.Page.InnerTextAsync("#findings"), StringComparison.Ordinal);
            await leader.AssertReadsCleanAsync();
        }

        await using var office2 = await site.AsAsync("office");
        await office2.OpenAsync(url);
        for (var n = 1; n <= 2; n++)
        {
            var item = office2.Page.Locator("#findings li", new() { HasText = $"第{n}条" });
            await item.Locator("summary").ClickAsync();
            await item.Locator("input[name='Made.DueDate']").FillAsync(DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await office2.SubmitAsync($"#findings li:has-text('第{n}条') form button[type=submit]");
            Assert.Contains($"第{n}条成果已转为任务", await office2.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        }

        Assert.Contains("转化运用", await office2.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await office2.Page.Locator("#findings li .light").CountAsync());
        await office2.AssertReadsCleanAsync();

        // The task is an ordinary task of the year's plan, with its light and where it came from.
        await office2.Page.Locator("#findings li", new() { HasText = "第1条" }).Locator("a").First.ClickAsync();
        await office2.Page.WaitForURLAsync("**/Tasks/*");
        Assert.Contains("建立孵化器绩效评价办法", await office2.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"来源：调研课题“{title}”第1条成果", await office2.MainTextAsync(), StringComparison.Ordinal);
        Assert.True(await office2.Page.Locator("main .light").CountAsync() > 0);

        await office2.OpenAsync("/Research");
        Assert.Contains(title, await office2.MainTextAsync(), StringComparison.Ordinal);
        await office2.AssertReadsCleanAsync();
    }
}
