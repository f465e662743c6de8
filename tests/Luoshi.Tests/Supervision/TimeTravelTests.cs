using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Supervision;

/// <summary>
/// One task through the whole cycle on the 2026 calendar, a day at a time: 提醒 → 催办 → 督办 →
/// 延期 → 办结, across 中秋节 and 国庆节, a worked Sunday (20 September) and a worked Saturday
/// (10 October). The plan reminds 3 working days ahead and supervises 3 working days after the 催办.
/// </summary>
public class TimeTravelTests
{
    [Fact]
    public async Task ATaskWalksFromReminderTo督办ThenExtensionThenCompletionOnTheExactWorkingDays()
    {
        var app = TestApp.For("travel");
        var b = await Bureau.CreateAsync("travel");
        Travel.To(app, "2026-09-14");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 22), change: t =>
        {
            t.LeadLeaderId = b.Person("leader");
            t.ResponsiblePersonId = b.Person("staffA");
        });
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headA")).PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);

        var raised = new List<(string Day, StepKind Step, DateOnly DueOn)>();
        async Task WalkAsync(string from, string to, Func<string, Task>? onDay = null)
        {
            for (var d = DateOnly.Parse(from); d <= DateOnly.Parse(to); d = d.AddDays(1))
            {
                var day = d.ToString("yyyy-MM-dd");
                Travel.To(app, day);
                if (onDay is not null)
                {
                    await onDay(day);
                }

                var before = await StepsAsync(b, task.Id);
                await Travel.EscalateAsync(b);
                raised.AddRange((await StepsAsync(b, task.Id)).Skip(before.Count).Where(s => s.Deadline == DeadlineKind.Task).Select(s => (day, s.Step, s.DueOn)));
            }
        }

        await WalkAsync("2026-09-14", "2026-09-28");
        var first = new DateOnly(2026, 9, 22);
        Assert.Equal([("2026-09-18", StepKind.Remind, first), ("2026-09-22", StepKind.Urge, first), ("2026-09-28", StepKind.Supervise, first)], raised);

        // Who heard what: the reminder the responsible person, the 催办 also the head, the 督办 the leader and the office.
        Assert.Equal(["A科员"], await RecipientsAsync(b, task.Id, StepKind.Remind));
        Assert.Equal(["A科员", "A科长"], await RecipientsAsync(b, task.Id, StepKind.Urge));
        Assert.Equal(["分管领导", "办公室管理员"], await RecipientsAsync(b, task.Id, StepKind.Supervise));
        var sheet = await b.WithDbAsync(d => d.EscalationSteps.SingleAsync(s => s.TaskId == task.Id && s.Step == StepKind.Supervise));
        Assert.Matches(@"^督办〔2026〕\d+号$", sheet.SheetNumber);
        Assert.Contains("已超过 3 个工作日", sheet.Facts);
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(1, history.Count(k => k == "remind"));
        Assert.Equal(1, history.Count(k => k == "urge"));
        Assert.Equal(1, history.Count(k => k == "supervise"));

        // On 28 September the section asks for 12 October and the leader agrees: the new deadline starts its own cycle.
        var asked = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = "2026-10-12", reason = "国庆假期前设备未到货" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true })).StatusCode);

        raised.Clear();
        // Nothing during the holidays; the reminder for 12 October comes on 8 October, because the
        // three working days before it are 10 (a worked Saturday), 9 and 8 October.
        await WalkAsync("2026-09-29", "2026-10-08");
        var second = new DateOnly(2026, 10, 12);
        Assert.Equal([("2026-10-08", StepKind.Remind, second)], raised);

        // Completed on 9 October and accepted by the office: no 催办 on the 12th.
        await WalkAsync("2026-10-09", "2026-10-14", async day =>
        {
            if (day == "2026-10-09")
            {
                await RequestsTests.CompleteAsync(b, task.Id);
            }
        });
        Assert.Equal([("2026-10-08", StepKind.Remind, second)], raised);
        Assert.Equal(new DateOnly(2026, 10, 9), await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.CompletedOn).SingleAsync()));
    }

    [Fact]
    public async Task AnUnsignedTaskIsRemindedThenUrgedThenSupervisedLikeAnyDeadline()
    {
        var app = TestApp.For("travel-sign");
        var b = await Bureau.CreateAsync("travel-sign");
        Travel.To(app, "2026-11-02");
        // Assigned on Monday 2 November with two working days to sign: due Wednesday the 4th.
        var task = await b.TaskAsync(b.SectionB, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 30));
        Assert.Equal(new DateOnly(2026, 11, 4), await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.SignDueBy).SingleAsync()));

        foreach (var day in new[] { "2026-11-02", "2026-11-04", "2026-11-09" })
        {
            Travel.To(app, day);
            await Travel.EscalateAsync(b);
        }

        var steps = (await StepsAsync(b, task.Id)).Where(s => s.Deadline == DeadlineKind.Sign).ToList();
        Assert.Equal([StepKind.Remind, StepKind.Urge, StepKind.Supervise], steps.Select(s => s.Step));
        Assert.Equal(["B科长"], await RecipientsAsync(b, task.Id, StepKind.Urge, DeadlineKind.Sign));

        // Somebody of another section cannot sign; the head of B can, once.
        var other = await (await b.ApiAsync("headA")).PostAsync($"/api/tasks/{task.Id}/sign", null);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var head = await b.ApiAsync("headB");
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);
        var again = await (await head.PostAsync($"/api/tasks/{task.Id}/sign", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已于", again.GetProperty("detail").GetString());
        Assert.Contains("超过签收时限", await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id && e.Kind == "signed").Select(e => e.Summary).SingleAsync()));
    }

    internal static Task<List<EscalationStep>> StepsAsync(Bureau b, int taskId) =>
        b.WithDbAsync(d => d.EscalationSteps.AsNoTracking().Where(s => s.TaskId == taskId).OrderBy(s => s.Id).ToListAsync());

    private static Task<List<string>> RecipientsAsync(Bureau b, int taskId, StepKind step, DeadlineKind deadline = DeadlineKind.Task) =>
        b.WithDbAsync(d => d.Notices.Where(n => n.TaskId == taskId && d.EscalationSteps.Any(s => s.Id == n.StepId && s.Step == step && s.Deadline == deadline))
            .Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).OrderBy(n => n).ToListAsync());
}
