using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Appeals;

/// <summary>诉求: intake, deadline in working days, reply, 回访, reopening, statistics.</summary>
public class AppealsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<int> IntakeAsync(Bureau b, string category = "项目申报")
    {
        var r = await (await b.ApiAsync("admin")).PostAsJsonAsync("/api/appeals", new { content = "项目验收迟迟未安排，请协调", category, leadSectionId = b.SectionA, responsiblePersonId = b.Person("staffA") });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJsonAsync()).GetProperty("taskId").GetInt32();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APublicAppealIsDueInTenWorkingDaysCountedAcrossAHolidayAndItsStatusNeedsTheCode(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // Wednesday 13 May made a holiday: ten working days from Monday 11 May end on Tuesday 26 May, not 25.
        await b.WithDbAsync(async d =>
        {
            d.CalendarDays.Add(new CalendarDay { UnitId = b.UnitId, Date = new DateOnly(2026, 5, 13), Kind = DayKind.Holiday, Name = "测试假日" });
            return await d.SaveChangesAsync();
        });
        b.App.Services.GetRequiredService<WorkingCalendars>().Invalidate(b.UnitId);

        var client = PublicForms.Anonymous(b.App);
        var response = await PublicForms.PostAsync(b.App, client, $"/Public/Appeal/{b.UnitId}", new() { ["Text"] = "成果转化奖励何时兑现？", ["Category"] = "成果转化" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("2026-05-26", html);
        var appeal = await b.WithDbAsync(d => d.Appeals.SingleAsync(a => a.UnitId == b.UnitId));
        var task = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == appeal.TaskId));
        Assert.Equal((WorkKind.Appeal, "受理", new DateOnly(2026, 5, 26)), (task.Kind, task.Stage, task.DueDate));
        Assert.Contains(appeal.Receipt, html);
        var code = System.Text.RegularExpressions.Regex.Match(html, "查询码：<strong><code>([A-Z0-9]+)</code></strong>").Groups[1].Value;

        var status = $"/Public/AppealStatus/{b.UnitId}";
        var wrong = await PublicForms.Anonymous(b.App).PostFormAsync(status, new() { ["Receipt"] = appeal.Receipt, ["Code"] = "AAAAAA" });
        Assert.Contains("回执号或查询码不正确", await wrong.Content.ReadAsStringAsync());
        var right = await (await PublicForms.Anonymous(b.App).PostFormAsync(status, new() { ["Receipt"] = appeal.Receipt, ["Code"] = code })).Content.ReadAsStringAsync();
        Assert.Contains("受理", right);
        Assert.Contains("2026-05-26", right);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReplyFollowUpDissatisfiedReopensAndASatisfiedOneClosesAfterWhichNoReplyIsTaken(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await IntakeAsync(b);
        var staff = await b.ApiAsync("staffA");
        var admin = await b.ApiAsync("admin");

        var early = await (await admin.PostAsJsonAsync($"/api/appeals/{id}/followup", new { satisfaction = "满意" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("诉求尚未答复，不能回访", early.ErrorsOf("Stage"));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/appeals/{id}/reply", new { text = "已安排下周验收" })).StatusCode);
        var replied = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == id));
        Assert.Equal((Light.Done, "答复"), (replied.Light, replied.Stage));

        var scale = await (await admin.PostAsJsonAsync($"/api/appeals/{id}/followup", new { satisfaction = "非常满意" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("满意度只能是满意、基本满意或不满意", scale.ErrorsOf("Satisfaction"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/appeals/{id}/followup", new { satisfaction = "不满意", note = "验收时间仍未确定" })).StatusCode);
        var reopened = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == id));
        Assert.Equal(("办理", (DateOnly?)null, new DateOnly(2026, 5, 25)), (reopened.Stage, reopened.CompletedOn, reopened.DueDate));
        Assert.Equal(1, await b.WithDbAsync(d => d.Appeals.Where(a => a.TaskId == id).Select(a => a.ReopenCount).SingleAsync()));

        await staff.PostAsJsonAsync($"/api/appeals/{id}/reply", new { text = "验收定于5月20日" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/appeals/{id}/followup", new { satisfaction = "基本满意" })).StatusCode);
        Assert.Equal("办结", await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Stage).SingleAsync()));

        var late = await (await staff.PostAsJsonAsync($"/api/appeals/{id}/reply", new { text = "补充答复" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("诉求已办结，不能再答复", late.ErrorsOf("Stage"));
        Assert.Equal("验收定于5月20日", await b.WithDbAsync(d => d.Appeals.Where(a => a.TaskId == id).Select(a => a.ReplyText).SingleAsync()));
        Assert.Equal(2, await b.WithDbAsync(d => d.AppealFollowUps.CountAsync(f => f.TaskId == id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task MonthlyStatisticsCountOnTimeOverdueAndSatisfactionPerCategoryAndSection(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var onTime = await IntakeAsync(b, "项目申报");
        var overdue = await IntakeAsync(b, "项目申报");
        await IntakeAsync(b, "人才服务");
        await b.WithDbAsync(d => d.Appeals.Where(a => a.TaskId == overdue).ExecuteUpdateAsync(s => s.SetProperty(a => a.FirstDueDate, Today.AddDays(-1))));
        var staff = await b.ApiAsync("staffA");
        var admin = await b.ApiAsync("admin");
        await staff.PostAsJsonAsync($"/api/appeals/{onTime}/reply", new { text = "已办理" });
        await admin.PostAsJsonAsync($"/api/appeals/{onTime}/followup", new { satisfaction = "满意" });
        await staff.PostAsJsonAsync($"/api/appeals/{overdue}/reply", new { text = "已办理" });
        await admin.PostAsJsonAsync($"/api/appeals/{overdue}/followup", new { satisfaction = "不满意" });

        var stats = await (await admin.GetAsync("/api/appeals/statistics?month=2026-05")).ReadJsonAsync();
        var total = stats.GetProperty("total");
        Assert.Equal((3, 2, 1, 1, 2, 1), (total.GetProperty("received").GetInt32(), total.GetProperty("answered").GetInt32(), total.GetProperty("answeredOnTime").GetInt32(),
            total.GetProperty("overdue").GetInt32(), total.GetProperty("followedUp").GetInt32(), total.GetProperty("satisfied").GetInt32()));
        Assert.Equal(0.5, total.GetProperty("satisfactionRate").GetDouble());
        var categories = stats.GetProperty("byCategory").EnumerateArray().ToDictionary(c => c.GetProperty("group").GetString()!, c => c.GetProperty("received").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["人才服务"] = 1, ["项目申报"] = 2 }, categories);
        Assert.Equal("科室A", stats.GetProperty("bySection")[0].GetProperty("group").GetString());
        Assert.Equal(0, (await (await admin.GetAsync("/api/appeals/statistics?month=2026-04")).ReadJsonAsync()).GetProperty("total").GetProperty("received").GetInt32());
    }

    [Fact]
    public async Task AnotherSectionCannotSeeOrAnswerAnAppealAndStaffCannotRegisterOne()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var id = await IntakeAsync(b);
        var staffB = await b.ApiAsync("staffB");
        await (await staffB.PostAsJsonAsync($"/api/appeals/{id}/reply", new { text = "越权答复" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await staffB.GetAsync("/api/appeals")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(1, (await (await (await b.ApiAsync("leader")).GetAsync("/api/appeals")).ReadJsonAsync()).GetArrayLength());
        await (await staffB.PostAsJsonAsync("/api/appeals", new { content = "x", category = "其他" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/appeals/{id}/followup", new { satisfaction = "满意" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnansweredAppealPastItsDeadlineIsRedAndUrged(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await IntakeAsync(b);
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<TaskEditor>();
            var task = await editor.FindVisibleAsync(b.AdminViewer, id);
            var input = TaskInput.From(task!);
            input.StartDate = Today.AddDays(-20);
            input.DueDate = Today.AddDays(-3);
            Assert.Equal(Luoshi.Features.Shared.OutcomeKind.Ok, (await editor.UpdateAsync(b.AdminViewer, id, input)).Kind);
        }

        Assert.Equal(Light.Red, await b.LightOfAsync(id));
        await Luoshi.Tests.Supervision.Travel.EscalateAsync(b);
        Assert.True(await b.WithDbAsync(d => d.EscalationSteps.AnyAsync(s => s.TaskId == id && s.Step == Luoshi.Features.Supervision.StepKind.Urge)));
    }
}
