using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Assignment;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Assignment;

/// <summary>
/// 退办 and the office's 改派 or 坚持. The test day is Monday 11 May 2026; a task is assigned when it is
/// created, and the plan's window is counted in working days from the day of assignment.
/// </summary>
public class TaskReturnTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static Task<HttpResponseMessage> ReturnAsync(HttpClient api, int taskId, string? reason) =>
        api.PostAsJsonAsync($"/api/tasks/{taskId}/return", new { reason });

    private static Task<HttpResponseMessage> DecideAsync(HttpClient api, int returnId, object decision) =>
        api.PostAsJsonAsync($"/api/task-returns/{returnId}/decision", decision);

    private static Task<Features.Tasks.WorkTask> TaskOfAsync(Bureau b, int id) => b.WithDbAsync(d => d.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    /// <summary>As if the task had been assigned on <paramref name="day"/>, with the plan's two days to sign.</summary>
    internal static Task AssignedOnAsync(Bureau b, int taskId, DateOnly day, DateOnly signDueBy) =>
        b.WithDbAsync(d => d.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.AssignedOn, day).SetProperty(t => t.SignDueBy, signDueBy)));

    private static Task<List<string>> ToldAsync(Bureau b, int taskId, NoticeKind kind) =>
        b.WithDbAsync(d => d.Notices.Where(n => n.TaskId == taskId && n.Kind == kind).Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).OrderBy(n => n).ToListAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheHeadReturnsATaskWithinTheWindowAndTheOffice改派ItWhichRestartsSigning(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(90), change: t =>
        {
            t.LeadLeaderId = b.Person("leader");
            t.ResponsiblePersonId = b.Person("staffA");
        });
        // Assigned Thursday 7 May: sign by Monday the 11th; return until Tuesday the 12th (three working days).
        await AssignedOnAsync(b, task.Id, new DateOnly(2026, 5, 7), new DateOnly(2026, 5, 11));

        await (await ReturnAsync(await b.ApiAsync("staffA"), task.Id, "不是我们的")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReturnAsync(await b.ApiAsync("leader"), task.Id, "不是他们的")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReturnAsync(await b.ApiAsync("headB"), task.Id, "看不见")).AssertProblemAsync(HttpStatusCode.NotFound);
        var head = await b.ApiAsync("headA");
        Assert.NotEmpty((await (await ReturnAsync(head, task.Id, "")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Reason"));
        var returned = await ReturnAsync(head, task.Id, "属于成果转化，建议由B科牵头");
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);
        var returnId = (await returned.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Contains("不能重复退办", (await (await ReturnAsync(head, task.Id, "再退一次")).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(["办公室管理员"], await ToldAsync(b, task.Id, NoticeKind.TaskReturned));
        Assert.Equal(1, await PendingCountAsync(b));
        // Its 签收 was due today, but the section has returned it: no 催办 while the office decides.
        await Supervision.Travel.EscalateAsync(b);
        Assert.DoesNotContain(await Supervision.TimeTravelTests.StepsAsync(b, task.Id), s => s.Deadline == Luoshi.Features.Supervision.DeadlineKind.Sign);

        await (await DecideAsync(head, returnId, new { reassign = true, leadSectionId = b.SectionB })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var admin = await b.ApiAsync("admin");
        var wrongPerson = await (await DecideAsync(admin, returnId, new { reassign = true, leadSectionId = b.SectionB, responsiblePersonId = b.Person("staffC") })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("责任人应为新牵头科室的人员", wrongPerson.ErrorsOf("ResponsiblePersonId"));
        var decided = await DecideAsync(admin, returnId, new { reassign = true, leadSectionId = b.SectionB, responsiblePersonId = b.Person("staffB"), note = "同意，改由B科牵头" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Reassigned", (await decided.ReadJsonAsync()).GetProperty("status").GetString());
        await (await DecideAsync(admin, returnId, new { reassign = false, note = "改主意了" })).AssertProblemAsync(HttpStatusCode.Conflict);

        // A new 交办 from today: B has its own two working days to sign, and its own window to return.
        var moved = await TaskOfAsync(b, task.Id);
        Assert.Equal((b.SectionB, b.Person("staffB"), Today, new DateOnly(2026, 5, 13), (DateTime?)null),
            (moved.LeadSectionId, moved.ResponsiblePersonId, moved.AssignedOn, moved.SignDueBy, moved.SignedAt));
        Assert.Equal(0, await PendingCountAsync(b));
        Assert.Equal(new[] { "A科员", "A科长", "B科员", "B科长" }.Order(), (await ToldAsync(b, task.Id, NoticeKind.Reassigned)).Order());
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id && (e.Kind == "task-return" || e.Kind == "reassign")).OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.StartsWith("退办", history[0]);
        Assert.Contains("牵头科室由科室A改为科室B", history[1]);
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headB")).PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);

        await RecordTests.SealAsync(b);
        Assert.True((await RecordTests.VerifyAsync(b)).Intact);
        Assert.Equal(1, await b.WithDbAsync(d => d.RecordEntries.CountAsync(e => e.UnitId == b.UnitId && e.Kind == "reassignment")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AfterThePlansWindowOrOnceSignedTheSectionCannotReturnTheTask(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var head = await b.ApiAsync("headA");
        var late = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(90));
        await AssignedOnAsync(b, late.Id, new DateOnly(2026, 5, 7), new DateOnly(2026, 5, 11));
        // The plan allows one working day: the window closed on Friday 8 May.
        await b.WithDbAsync(d => d.Plans.Where(p => p.Id == b.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReturnWithinDays, 1)));
        b.App.Services.GetRequiredService<Luoshi.Features.Plans.PlanCache>().Invalidate(b.UnitId, b.PlanId);
        var refused = await (await ReturnAsync(head, late.Id, "不是我们的")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已超过退办时限", refused.ErrorsOf("Task").Single());

        var signed = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(90));
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsync($"/api/tasks/{signed.Id}/sign", null)).StatusCode);
        var afterSigning = await (await ReturnAsync(head, signed.Id, "签了又想退")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已签收", afterSigning.ErrorsOf("Task").Single());
        Assert.Equal(0, await b.WithDbAsync(d => d.TaskReturns.CountAsync(r => r.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WhenTheOffice坚持TheSectionKeepsTheTaskAndMustSign(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(90));
        var head = await b.ApiAsync("headA");
        var returnId = (await (await ReturnAsync(head, task.Id, "人手不够")).ReadJsonAsync()).GetProperty("id").GetInt32();
        var admin = await b.ApiAsync("admin");
        Assert.NotEmpty((await (await DecideAsync(admin, returnId, new { reassign = false })).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Note"));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(admin, returnId, new { reassign = false, note = "属于本科室年度职责" })).StatusCode);

        var kept = await TaskOfAsync(b, task.Id);
        Assert.Equal((b.SectionA, Today, (DateTime?)null), (kept.LeadSectionId, kept.AssignedOn, kept.SignedAt));
        Assert.Equal(["A科长"], await ToldAsync(b, task.Id, NoticeKind.TaskReturnDecided));
        await (await ReturnAsync(head, task.Id, "再退一次")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await b.WithDbAsync(d => d.Reassignments.CountAsync(r => r.TaskId == task.Id)));
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);
    }

    internal static async Task<int> PendingCountAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<Luoshi.Features.Desk.IToDoSource>().OfType<PendingReturnsSource>().Single();
        var admin = await Reports.ReportReturnTests.ViewerAsync(b, "admin");
        var count = await source.CountAsync(admin, CancellationToken.None);
        Assert.Equal(count, (await source.ListAsync(admin, 50, CancellationToken.None)).Count);
        Assert.Equal(0, await source.CountAsync(await Reports.ReportReturnTests.ViewerAsync(b, "headA"), CancellationToken.None));
        return count;
    }
}
