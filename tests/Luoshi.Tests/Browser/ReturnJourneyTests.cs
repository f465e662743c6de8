using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 驳回 and 退办 in the browser: the office returns a staff member's report, who sees why on the phone
/// and reports again; a section head returns a task assigned to the wrong section and the office
/// reassigns it. Each journey works on a task of its own, so the shared demo stays as others expect it.
/// </summary>
public class ReturnJourneyTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheOfficeReturnsAReportAndTheStaffMemberReportsAgainOnThePhone()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await site.NewTaskAsync("建设科技企业孵化器" + FormChecks.Unique());

        await using (var staff = await site.AsAsync("staff", Screen.Phone))
        {
            await staff.OpenAsync($"/Tasks/{task.Id}/Report");
            await staff.Page.FillAsync("#Input_Progress", "正在推进");
            await staff.Page.FillAsync("#Input_Percent", "40");
            await staff.SubmitAsync("main button[type=submit]");
            Assert.Contains("已报送", await staff.Page.Locator(".notice").InnerTextAsync());
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{task.Id}");
            await office.SubmitAsync("a:text('退回重报')");
            Assert.Contains("正在推进", await office.MainTextAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("report-return-form-1366");
            await office.SubmitAsync("main button.primary");
            Assert.Contains("请写明退回理由", await office.MainTextAsync());
            await office.Page.FillAsync("#Reason", "只写了“正在推进”，请写明本期完成的具体工作和数据，并附佐证材料");
            await office.SubmitAsync("main button.primary");
            Assert.Contains("已退回", await office.Page.Locator(".notice").InnerTextAsync());
            Assert.Contains("退回重报：只写了", await office.MainTextAsync());
            Assert.Equal(0, await office.Page.Locator("a:text('退回重报')").CountAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("report-returned-task-1366");
        }

        var staffPerson = await site.PersonAsync("staff");
        var waiting = await site.QueryAsync(db => ReturnedReports.Outstanding(db, staffPerson.UnitId).Where(x => x.TaskId == task.Id).SingleAsync());
        await using (var staff = await site.AsAsync("staff", Screen.Phone))
        {
            // Where the 待重报 line of the to-do page leads: the report form for the returned period, saying why.
            await staff.OpenAsync($"/Tasks/{task.Id}");
            Assert.Contains("已退回", await staff.MainTextAsync());
            await staff.AssertCleanAsync();
            await staff.ShotAsync("report-returned-task-390");
            await staff.OpenAsync($"/Tasks/{task.Id}/Report?period={Day(waiting.PeriodStart)}");
            Assert.Contains("已被退回，请重新报送这一期", await staff.MainTextAsync());
            Assert.Equal(Day(waiting.PeriodStart), await staff.Page.InputValueAsync("#Input_PeriodDate"));
            await staff.AssertCleanAsync();
            await staff.ShotAsync("report-redo-form-390");
            await staff.Page.FillAsync("#Input_Progress", "完成3家企业入驻洽谈，签订入驻协议2份，孵化场地改造完成60%");
            await staff.Page.FillAsync("#Input_Percent", "45");
            await staff.SubmitAsync("main button[type=submit]");
            Assert.Contains("已报送", await staff.Page.Locator(".notice").InnerTextAsync());
            await staff.AssertCleanAsync();
        }

        Assert.False(await site.QueryAsync(db => ReturnedReports.Outstanding(db, staffPerson.UnitId).AnyAsync(x => x.TaskId == task.Id)));
        Assert.Equal(45, await site.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.ProgressPercent).SingleAsync()));
    }

    [Fact]
    public async Task AHeadReturnsAWronglyAssignedTaskAndTheOfficeReassignsIt()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await site.NewTaskAsync("开展农业科技特派员服务" + FormChecks.Unique());

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Tasks/{task.Id}");
            await head.SubmitAsync("a:text('退办')");
            await head.AssertCleanAsync();
            await head.ShotAsync("task-return-form-390");
            await head.Page.FillAsync("#Reason", "该事项属于农村科技工作，建议由农村科技科牵头");
            await head.SubmitAsync("main button.primary");
            Assert.Contains("已退办", await head.Page.Locator(".notice").InnerTextAsync());
            Assert.Contains("待办公室处理", await head.MainTextAsync());
            Assert.Equal(0, await head.Page.Locator("a:text('退办')").CountAsync());
            await head.AssertCleanAsync();
        }

        var rural = await site.QueryAsync(db => db.Sections.Where(s => s.Name == "农村科技科").Select(s => new { s.Id }).SingleAsync());
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{task.Id}");
            await office.SubmitAsync("a:text('处理退办')");
            await office.AssertCleanAsync();
            await office.ShotAsync("task-return-decide-1366");
            await office.Page.SelectOptionAsync("#LeadSectionId", new SelectOptionValue { Label = "农村科技科" });
            await office.Page.SelectOptionAsync("#ResponsiblePersonId", new SelectOptionValue { Label = "许静（农村科技科）" });
            await office.SubmitAsync("form[action*='handler=Reassign'] button");
            Assert.Contains("已改派", await office.Page.Locator(".notice").InnerTextAsync());
            Assert.Contains("牵头科室由高新技术科改为农村科技科", await office.MainTextAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("task-reassigned-1366");
        }

        var moved = await site.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((rural.Id, (DateTime?)null), (moved.LeadSectionId, moved.SignedAt));
        Assert.NotNull(moved.SignDueBy);
    }

    [Fact]
    public async Task TheOfficeSeesTheCountAndTheListBeforeABulk改派()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office", Screen.Phone);
        await office.OpenAsync("/Reassign");
        await office.Page.SelectOptionAsync("#Input_FromPersonId", new SelectOptionValue { Label = "李娜（高新技术科）" });
        await office.Page.SelectOptionAsync("#Input_ToPersonId", new SelectOptionValue { Label = "何晨（高新技术科）" });
        await office.Page.FillAsync("#Input_Reason", "李娜调离，工作由何晨接手");
        await office.SubmitAsync("form[action*='handler=Preview'] button");
        var heading = await office.Page.Locator("main h2").First.InnerTextAsync();
        Assert.Matches(@"将改派 \d+ 项任务", heading);
        Assert.True(await office.Page.Locator("form[action*='handler=Confirm'] button").CountAsync() == 1);
        await office.AssertCleanAsync();
        await office.ShotAsync("bulk-reassign-preview-390");
        await using var desk = await site.AsAsync("office");
        await desk.OpenAsync("/Reassign");
        await desk.AssertCleanAsync();
        await desk.ShotAsync("bulk-reassign-1366");
    }
}
