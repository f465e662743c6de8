using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The day-one paths of the task cycle, done in the browser by the role that does them: log out, a
/// new task with its optional milestone rows left blank, the task page's fold-out forms refused and
/// accepted, progress reported with a bad percentage first.
/// </summary>
public class TaskJourneyTests
{
    [Theory]
    [MemberData(nameof(EveryPageTests.Roles), MemberType = typeof(EveryPageTests))]
    public async Task EveryRoleLogsOutAndIsThenAskedToLogIn(string role)
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.SignInAsync(role, Screen.Phone);
        await journey.OpenAsync("/");
        await journey.SubmitAsync("header button:text('退出')");
        Assert.StartsWith(site.BaseUrl + "/Account/Login", journey.Page.Url);
        await journey.Page.GotoAsync(site.BaseUrl + "/Tasks");
        Assert.StartsWith(site.BaseUrl + "/Account/Login", journey.Page.Url);
        journey.AssertNoUnexpectedResponses();
    }

    [Fact]
    public async Task TheOfficeCreatesATaskLeavingTheOptionalMilestoneRowsBlank()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("office");
        await journey.OpenAsync("/Plans");
        await journey.SubmitAsync("main .card.plan >> nth=0");
        await journey.SubmitAsync("a:text('新建任务')");
        var title = "建设技术转移示范机构" + FormChecks.Unique();

        // First wrong: no title, a due date before the start. The form comes back with the messages
        // beside their fields and what was typed still there.
        await journey.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
        await journey.Page.FillAsync("#Input_StartDate", "2026-06-01");
        await journey.Page.FillAsync("#Input_DueDate", "2026-03-01");
        await journey.Page.FillAsync("#Input_TargetValue", "3");
        await journey.Page.FillAsync("#Input_TargetUnit", "家");
        await journey.SubmitAsync("main button.primary");
        Assert.Contains("请填写任务名称", await journey.Page.Locator("#Input_Title ~ .field-validation-error").InnerTextAsync());
        Assert.Equal("3", await journey.Page.InputValueAsync("#Input_TargetValue"));
        Assert.Equal("家", await journey.Page.InputValueAsync("#Input_TargetUnit"));
        Assert.Equal("2026-03-01", await journey.Page.InputValueAsync("#Input_DueDate"));
        await journey.AssertCleanAsync();

        await journey.Page.FillAsync("#Input_Title", title);
        await journey.SubmitAsync("main button.primary");
        Assert.Contains("完成时限不能早于开始日期", await journey.Page.Locator("#Input_DueDate ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(title, await journey.Page.InputValueAsync("#Input_Title"));

        await journey.Page.FillAsync("#Input_DueDate", "2026-11-30");
        await journey.Page.FillAsync("input[name='Milestones[1].Title']", "完成选址");
        await journey.Page.FillAsync("input[name='Milestones[1].DueDate']", "2026-08-31");
        await journey.SubmitAsync("main button.primary");
        Assert.Contains("任务已保存", await journey.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains(title, await journey.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("完成选址", await journey.MainTextAsync());
        await journey.AssertCleanAsync();
    }

    [Fact]
    public async Task ARefusedExtensionRequestKeepsItsFoldOpenWithTheMessageBesideTheDate()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await OpenTaskOfAsync(site, "staff");
        await using var staff = await site.AsAsync("staff", Screen.Phone);
        await staff.OpenAsync($"/Tasks/{task.Id}");
        await staff.Page.ClickAsync("summary:text('申请延期')");
        var tooEarly = task.DueDate.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await staff.Page.FillAsync("input[name=newDueDate]", tooEarly);
        await staff.Page.FillAsync("textarea[name=reason]", "等待省里批复");
        await staff.SubmitAsync("form[action*='handler=Extension'] button");

        var fold = staff.Page.Locator("details:has(summary:text('申请延期'))");
        Assert.True(await fold.EvaluateAsync<bool>("d => d.open"));
        Assert.Contains("新的完成时限应晚于原时限", await fold.Locator("input[name=newDueDate] ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(tooEarly, await staff.Page.InputValueAsync("input[name=newDueDate]"));
        Assert.Equal("等待省里批复", await staff.Page.InputValueAsync("textarea[name=reason]"));
        // The message is said once, in its own form, not in every form of the page.
        Assert.Equal(1, await staff.Page.Locator("text=新的完成时限应晚于原时限").CountAsync());
        await staff.AssertCleanAsync();

        await staff.Page.FillAsync("input[name=newDueDate]", task.DueDate.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.SubmitAsync("form[action*='handler=Extension'] button");
        Assert.Contains("已提交延期申请", await staff.Page.Locator(".notice").InnerTextAsync());

        // The office refuses without a reason first: told beside that form, then refuses with one.
        await using var office = await site.AsAsync("office");
        await office.OpenAsync($"/Tasks/{task.Id}");
        var decide = office.Page.Locator("form[action*='handler=DecideExtension']");
        await decide.Locator("button:text('不批准')").ClickAsync();
        await office.Page.WaitForLoadStateAsync();
        Assert.Contains("不批准时请写明理由", await office.Page.Locator("form[action*='handler=DecideExtension']").InnerTextAsync());
        await office.Page.FillAsync("form[action*='handler=DecideExtension'] input[name=note]", "请按原时限完成");
        await office.SubmitAsync("form[action*='handler=DecideExtension'] button:text('不批准')");
        Assert.Contains("已不批准延期", await office.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains("请按原时限完成", await office.MainTextAsync());
        await office.AssertCleanAsync();
    }

    [Fact]
    public async Task AMilestoneOutsideTheTaskDatesIsRefusedInItsOpenFold()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await OpenTaskOfAsync(site, "head");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync($"/Tasks/{task.Id}");
        await office.Page.ClickAsync("summary:text('增加时间节点')");
        await office.Page.FillAsync("input[name='NewMilestone.Title']", "中期评估");
        await office.Page.FillAsync("input[name='NewMilestone.DueDate']", "2030-01-01");
        await office.SubmitAsync("form[action*='handler=AddMilestone'] button");
        var fold = office.Page.Locator("details:has(summary:text('增加时间节点'))");
        Assert.True(await fold.EvaluateAsync<bool>("d => d.open"));
        Assert.Contains("节点日期应在任务的开始日期与完成时限之间", await fold.InnerTextAsync());
        Assert.Equal("中期评估", await office.Page.InputValueAsync("input[name='NewMilestone.Title']"));
        Assert.Equal("2030-01-01", await office.Page.InputValueAsync("input[name='NewMilestone.DueDate']"));
        await office.AssertCleanAsync();

        await office.Page.FillAsync("input[name='NewMilestone.DueDate']", task.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await office.SubmitAsync("form[action*='handler=AddMilestone'] button");
        Assert.Contains("已增加时间节点", await office.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains("中期评估", await office.MainTextAsync());
    }

    [Fact]
    public async Task StaffReportProgressAfterBeingToldThePercentageIsOutOfRange()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await OpenTaskOfAsync(site, "staff");
        await using var staff = await site.AsAsync("staff", Screen.Phone);
        await staff.OpenAsync($"/Tasks/{task.Id}");
        await staff.SubmitAsync("a:text('报送进展')");
        var progress = "完成中期检查，" + FormChecks.Unique();
        await staff.Page.FillAsync("#Input_Progress", progress);
        await staff.TurnOffBrowserChecksAsync();
        await staff.Page.FillAsync("#Input_Percent", "150");
        await staff.SubmitAsync("main button[type=submit]");
        Assert.True(await staff.Page.Locator("#Input_Percent ~ .field-validation-error").CountAsync() == 1, await staff.MainTextAsync());
        Assert.Contains("完成百分比应在0到100之间", await staff.Page.Locator("#Input_Percent ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(progress, await staff.Page.InputValueAsync("#Input_Progress"));
        await staff.AssertCleanAsync();

        await staff.Page.FillAsync("#Input_Percent", "60");
        await staff.SubmitAsync("main button[type=submit]");
        Assert.Contains("已报送", await staff.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains(progress, await staff.MainTextAsync());
        await staff.AssertCleanAsync();
    }

    /// <summary>An open task the login's section leads, with no extension pending (a fresh one each call where the demo has them).</summary>
    private static async Task<WorkTask> OpenTaskOfAsync(DemoSite site, string login)
    {
        var person = await site.PersonAsync(login);
        return await site.QueryAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UnitId == person.UnitId && t.LeadSectionId == person.SectionId && t.CompletedOn == null && t.Kind == WorkKind.Task
                && !db.ExtensionRequests.Any(r => r.TaskId == t.Id))
            .OrderBy(t => t.Id).FirstAsync());
    }
}
