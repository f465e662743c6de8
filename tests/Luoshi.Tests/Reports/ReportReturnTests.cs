using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Assessment;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Reports;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Reports;

/// <summary>
/// 驳回: a returned report no longer counts, so its period is unreported for the lights, the report
/// deadline of the escalation run and (through the 催办 that deadline raises) the assessment, until
/// the section reports that period again. The test day is Monday 11 May 2026; the plan reports monthly
/// with three working days of grace, so April's window closed on 8 May (after the 劳动节 holiday).
/// </summary>
public class ReportReturnTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<long> ReportAsync(HttpClient staff, int taskId, string periodDate, int percent)
    {
        var response = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/reports", new { progress = $"本期完成{percent}%", percent, periodDate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> ReturnAsync(HttpClient api, long reportId, string? reason) =>
        api.PostAsJsonAsync($"/api/reports/{reportId}/return", new { reason });

    private static Task<Features.Tasks.WorkTask> TaskOfAsync(Bureau b, int id) => b.WithDbAsync(d => d.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    private static async Task<AssessmentResult> ScoreAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<AssessmentData>();
        var scheme = new AssessmentScheme { UnitId = b.UnitId, Name = "2026年度考核", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31) };
        return ScoreCalculator.Compute(await data.InputsAsync(scheme, CancellationToken.None));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReturnedReportLeavesItsPeriodUnreportedForLightEscalationAndAssessmentUntilReportedAgain(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 30), change: t =>
        {
            t.LeadLeaderId = b.Person("leader");
            t.ResponsiblePersonId = b.Person("staffA");
        });
        var staff = await b.ApiAsync("staffA");
        await ReportAsync(staff, task.Id, "2026-03-15", 30);
        var april = await ReportAsync(staff, task.Id, "2026-04-15", 50);
        var before = await TaskOfAsync(b, task.Id);
        Assert.Equal((Light.Green, new DateOnly(2026, 4, 30), 50), (before.Light, before.LastReportedPeriodEnd, before.ProgressPercent));
        await Travel.EscalateAsync(b);
        Assert.DoesNotContain(await TimeTravelTests.StepsAsync(b, task.Id), s => s.Deadline == DeadlineKind.Report);
        var sectionBefore = (await ScoreAsync(b)).Sections.Single(s => s.Id == b.SectionA);

        var admin = await b.ApiAsync("admin");
        var noReason = await (await ReturnAsync(admin, april, "  ")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.ErrorsOf("Reason"));
        var returned = await ReturnAsync(admin, april, "只写了“正在推进”，请写明四月完成的具体工作并附材料");
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);

        // The period counts as not reported: the light, the progress and the report deadline all go back to March.
        var after = await TaskOfAsync(b, task.Id);
        Assert.Equal((Light.Yellow, LightReason.ReportMissing, new DateOnly(2026, 3, 31), 30), (after.Light, after.LightReason, after.LastReportedPeriodEnd, after.ProgressPercent));
        Assert.True(after.ReportMissingFrom <= Today);
        await Travel.EscalateAsync(b);
        var urge = Assert.Single(await TimeTravelTests.StepsAsync(b, task.Id), s => s.Deadline == DeadlineKind.Report);
        Assert.Equal(StepKind.Urge, urge.Step);
        var sectionAfter = (await ScoreAsync(b)).Sections.Single(s => s.Id == b.SectionA);
        Assert.True(sectionAfter.Deducted > sectionBefore.Deducted, $"{sectionAfter.Deducted} > {sectionBefore.Deducted}");
        Assert.Contains(sectionAfter.Deductions, d => d.TaskId == task.Id && d.Cause.Contains("催办", StringComparison.Ordinal));

        // The history shows both, the reporter and the head are told, the API lists the return on the report.
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["report", "report", "report-return"], history.Where(k => k.StartsWith("report", StringComparison.Ordinal)));
        var told = await b.WithDbAsync(d => d.Notices.Where(n => n.TaskId == task.Id && n.Kind == NoticeKind.ReportReturned)
            .Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["A科员", "A科长"], told);
        var listed = (await (await staff.GetAsync($"/api/tasks/{task.Id}/reports")).ReadJsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == april);
        Assert.Contains("正在推进", listed.GetProperty("returned").GetProperty("reason").GetString());

        // The reporter's 待重报, until the period is reported again.
        Assert.Equal(1, await RedoCountAsync(b, "staffA"));
        Assert.Equal(1, await RedoCountAsync(b, "headA"));
        Assert.Equal(0, await RedoCountAsync(b, "staffB"));
        await ReportAsync(staff, task.Id, "2026-04-15", 60);
        var redone = await TaskOfAsync(b, task.Id);
        Assert.Equal((Light.Green, new DateOnly(2026, 4, 30), 60), (redone.Light, redone.LastReportedPeriodEnd, redone.ProgressPercent));
        Assert.Equal(0, await RedoCountAsync(b, "staffA"));
        Assert.Equal(0, await RedoCountAsync(b, "headA"));

        await RecordTests.SealAsync(b);
        var verification = await RecordTests.VerifyAsync(b);
        Assert.True(verification.Intact);
        Assert.Equal(1, await b.WithDbAsync(d => d.RecordEntries.CountAsync(e => e.UnitId == b.UnitId && e.Kind == "report-return")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficeAndTheLeadLeaderReturnAReportAndOnlyOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // Led by the other leader; "leader" sees it through his charge of section A but does not lead it.
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100), change: t => t.LeadLeaderId = b.Person("otherLeader"));
        var report = await ReportAsync(await b.ApiAsync("staffA"), task.Id, Today.ToString("yyyy-MM-dd"), 20);

        await (await ReturnAsync(await b.ApiAsync("staffA"), report, "自己退回")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReturnAsync(await b.ApiAsync("headA"), report, "科长退回")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReturnAsync(await b.ApiAsync("leader"), report, "分管领导退回")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReturnAsync(await b.ApiAsync("staffB"), report, "别的科室")).AssertProblemAsync(HttpStatusCode.NotFound);

        var lead = await b.ApiAsync("otherLeader");
        Assert.Equal(HttpStatusCode.Created, (await ReturnAsync(lead, report, "数据与上月重复")).StatusCode);
        var twice = await (await ReturnAsync(await b.ApiAsync("admin"), report, "再退一次")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复退回", twice.GetProperty("detail").GetString());
        Assert.Equal(1, await b.WithDbAsync(d => d.ReportReturns.CountAsync(r => r.ReportId == report)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoReturnsOfOneReportAtOnceLeaveOneReturn(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100), change: t => t.LeadLeaderId = b.Person("leader"));
        var report = await ReportAsync(await b.ApiAsync("staffA"), task.Id, Today.ToString("yyyy-MM-dd"), 20);
        var admin = await b.ApiAsync("admin");
        var leader = await b.ApiAsync("leader");
        var results = await Task.WhenAll(ReturnAsync(admin, report, "办公室退回"), ReturnAsync(leader, report, "领导退回"));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await b.WithDbAsync(d => d.ReportReturns.CountAsync(r => r.ReportId == report)));
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == task.Id && e.Kind == "report-return")));
    }

    internal static async Task<int> RedoCountAsync(Bureau b, string who)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<Luoshi.Features.Desk.IToDoSource>().OfType<RedoReportsSource>().Single();
        var viewer = await ViewerAsync(b, who);
        var count = await source.CountAsync(viewer, CancellationToken.None);
        Assert.Equal(count, (await source.ListAsync(viewer, 50, CancellationToken.None)).Count);
        return count;
    }

    internal static Task<Luoshi.Features.Organisation.Viewer> ViewerAsync(Bureau b, string who) => b.WithDbAsync(async d =>
    {
        var p = await d.People.AsNoTracking().SingleAsync(x => x.Id == b.Person(who));
        return new Luoshi.Features.Organisation.Viewer(p.Id, p.UnitId, p.Name, p.Role, p.SectionId, []);
    });
}
