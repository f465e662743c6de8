using System.Net;
using System.Text;
using Luoshi.Features.Notices;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Desk;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Supervision;

/// <summary>
/// The cycle on its first day and after a gap: a plan imported in June with deadlines already past,
/// a service stopped for a week, a run that would flood a person's inbox, and one that would issue a
/// mass of 督办单. The apps of these tests hold a 督办 of more than 10 sheets (see TestApp).
/// </summary>
public class FirstDayTests
{
    public static TheoryData<string> Databases => ["sqlite", "postgres"];

    // Written for this test: three tasks whose dates had passed before the plan was imported on 15 June.
    private const string LatePlan = """
        2026年科技创新重点工作
        一、培育创新主体
        （一）完成高新技术企业培育库入库评审。3月底前完成（牵头单位：科室A）。
        （二）修订科技型中小企业评价办法。4月底前完成（牵头单位：科室B）。
        （三）组织科技成果对接会。5月底前完成（牵头单位：科室A）。
        """;

    /// <summary>15 June 2026 is a Monday; 19 June is 端午节. Five working days of grace are 15–18 and
    /// 22 June; the 催办 comes on the 23rd and the 督办 three working days later, on the 26th.</summary>
    [Theory, MemberData(nameof(Databases))]
    public async Task AnImportedPlanWithPastDatesGetsOneReminderPerTaskAGraceWithout督办ThenTheNormalCycle(string db)
    {
        var b = await Bureau.CreateAsync(db == "sqlite" ? "firstday-import" : "firstday-import-postgres");
        Travel.To(b.App, "2026-06-15");
        var admin = await b.PagesAsync("admin");
        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "重点工作.txt", Encoding.UTF8.GetBytes(LatePlan)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var review = upload.Headers.Location!.OriginalString;
        var fields = PageClient.FormFields(await admin.GetHtmlAsync(review));
        fields["Input.DefaultSectionId"] = b.SectionC.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The work began with the year; only its supervision begins today.
        fields["Input.StartDate"] = "2026-01-01";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(review, fields)).StatusCode);

        var plan = await b.WithDbAsync(d => d.Plans.AsNoTracking().SingleAsync(p => p.UnitId == b.UnitId && p.Id != b.PlanId));
        Assert.Equal(new DateOnly(2026, 6, 15), plan.SupervisedFrom);
        var tasks = await b.WithDbAsync(d => d.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.True(t.DueBy < plan.SupervisedFrom));
        foreach (var task in tasks)
        {
            var head = task.LeadSectionId == b.SectionA ? "headA" : "headB";
            Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync(head)).PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);
        }

        var ids = tasks.Select(t => t.Id).ToList();
        var byDay = new Dictionary<string, List<(int Task, StepKind Step)>>();
        for (var d = new DateOnly(2026, 6, 15); d <= new DateOnly(2026, 6, 29); d = d.AddDays(1))
        {
            var day = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Travel.To(b.App, day);
            await Travel.EscalateAsync(b);
            byDay[day] = await b.WithDbAsync(x => x.EscalationSteps.Where(s => ids.Contains(s.TaskId) && s.Deadline == DeadlineKind.Task && s.RaisedOn == d)
                .OrderBy(s => s.TaskId).Select(s => new { s.TaskId, s.Step }).ToListAsync()).ContinueWith(r => r.Result.Select(s => (s.TaskId, s.Step)).ToList());
            if (d < new DateOnly(2026, 6, 26))
            {
                // Within the grace and until the normal cycle gets there: not one 督办单, none held either.
                Assert.Equal(0, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => ids.Contains(s.TaskId) && s.Step == StepKind.Supervise)));
                Assert.Equal(0, await b.WithDbAsync(x => x.HeldSheets.CountAsync(s => ids.Contains(s.TaskId))));
            }
        }

        Assert.Equal(ids.Select(id => (id, StepKind.Remind)), byDay["2026-06-15"]);
        Assert.Equal(ids.Select(id => (id, StepKind.Urge)), byDay["2026-06-23"]);
        Assert.Equal(ids.Select(id => (id, StepKind.Supervise)), byDay["2026-06-26"]);
        Assert.Equal(9, byDay.Values.Sum(v => v.Count));

        // The reminder says why it comes late and by when to answer.
        // (Its task and its report are both past: one digest of the two.)
        var reminder = await b.WithDbAsync(x => x.Notices.AsNoTracking().Where(n => n.RecipientId == b.Person("headB") && n.Kind == NoticeKind.Remind).SingleAsync());
        Assert.Contains("2026-06-15 起纳入督办", reminder.Body);
        Assert.Contains("请于 2026-06-22 前报送进展或申请延期", reminder.Body);
        var sheet = await b.WithDbAsync(x => x.EscalationSteps.SingleAsync(s => s.TaskId == tasks[0].Id && s.Deadline == DeadlineKind.Task && s.Step == StepKind.Supervise));
        Assert.Matches(@"^督办〔2026〕\d+号$", sheet.SheetNumber);
    }

    /// <summary>Last run on Monday 2 November; the service comes back on Tuesday the 17th. The task (due
    /// the 11th) and its milestone (due the 6th) are both past their 督办 day: each gets its 督办单, marked
    /// 补发, without the reminder and the 催办 it missed; and the next day nothing more.</summary>
    [Theory, MemberData(nameof(Databases))]
    public async Task AfterAWeekStoppedTheRunRaisesOneStepPerDeadlineAndSaysItCaughtUp(string db)
    {
        var b = await Bureau.CreateAsync(db == "sqlite" ? "firstday-gap" : "firstday-gap-postgres");
        Travel.To(b.App, "2026-11-02");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 10, 8), new DateOnly(2026, 11, 11),
            change: t => t.ResponsiblePersonId = b.Person("staffA"), milestones: ("完成方案论证", new DateOnly(2026, 11, 6)));
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headA")).PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);
        await Travel.EscalateAsync(b);
        var before = await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => s.TaskId == task.Id));

        Travel.To(b.App, "2026-11-17");
        var summary = await Travel.EscalateAsync(b);
        var raised = await b.WithDbAsync(x => x.EscalationSteps.AsNoTracking().Where(s => s.TaskId == task.Id && s.RaisedOn == new DateOnly(2026, 11, 17)).ToListAsync());
        Assert.All(raised.GroupBy(s => (s.Deadline, s.DueOn)), g => Assert.Single(g));
        Assert.Equal(StepKind.Supervise, raised.Single(s => s.Deadline == DeadlineKind.Task).Step);
        Assert.Equal(StepKind.Supervise, raised.Single(s => s.Deadline == DeadlineKind.Milestone).Step);
        Assert.Equal(0, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => s.TaskId == task.Id && s.Step != StepKind.Supervise
            && (s.Deadline == DeadlineKind.Task || s.Deadline == DeadlineKind.Milestone))));
        Assert.True(summary.CaughtUp >= 2 && summary.Skipped >= 2, summary.ToString());
        var history = await b.WithDbAsync(x => x.TaskEvents.Where(e => e.TaskId == task.Id && e.Kind == "supervise").Select(e => e.Summary).ToListAsync());
        Assert.Equal(raised.Count(s => s.Step == StepKind.Supervise), history.Count);
        Assert.All(history, h => Assert.StartsWith("补发 督办〔2026〕", h, StringComparison.Ordinal));

        Travel.To(b.App, "2026-11-18");
        await Travel.EscalateAsync(b);
        Assert.Equal(before + raised.Count, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => s.TaskId == task.Id)));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARunSendsEachPersonOneNoticePerKindListingTheTasksAndTheRobotOneSummary(string db)
    {
        var b = await Bureau.CreateAsync(db == "sqlite" ? "firstday-digest" : "firstday-digest-postgres");
        await Robots.AddAsync(b, Luoshi.Features.Notices.Channels.RobotKind.WeCom, WebhookReceiver.Shared.WeCom().Url);
        Travel.To(b.App, "2026-07-01");
        var tasks = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var t = await b.TaskAsync(b.SectionA, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), change: x => x.ResponsiblePersonId = b.Person("staffA"));
            Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headA")).PostAsync($"/api/tasks/{t.Id}/sign", null)).StatusCode);
            tasks.Add(t.Id);
        }

        var since = b.App.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var summary = await Travel.EscalateAsync(b);
        Assert.Equal(3, summary.Urges);
        var notices = await b.WithDbAsync(x => x.Notices.AsNoTracking().Where(n => n.UnitId == b.UnitId && n.CreatedAt >= since && n.ReadAt == null).ToListAsync());
        Assert.All(notices.GroupBy(n => (n.RecipientId, n.Kind)), g => Assert.Single(g));
        var staff = notices.Single(n => n.RecipientId == b.Person("staffA") && n.Kind == NoticeKind.Urge);
        Assert.StartsWith("【催办】3 项任务：", staff.Title, StringComparison.Ordinal);
        Assert.Null(staff.TaskId);
        var items = await b.WithDbAsync(x => x.NoticeDigestItems.Where(i => i.NoticeId == staff.Id).OrderBy(i => i.TaskId).ToListAsync());
        Assert.Equal(tasks, items.Select(i => i.TaskId));
        Assert.All(items, i => Assert.NotNull(i.StepId));
        Assert.Contains(items[1].Line, staff.Body);
        Assert.Single(notices, n => n.RecipientId == b.Person("headA") && n.Kind == NoticeKind.Urge);

        // In the inbox each listed task is a link of its own.
        var inbox = await (await b.PagesAsync("staffA")).GetHtmlAsync("/Notices");
        Assert.All(tasks, t => Assert.Contains($"<a href=\"/Tasks/{t}\">", inbox, StringComparison.Ordinal));
        Assert.Contains("本次共 3 项：", inbox, StringComparison.Ordinal);

        var robot = await b.WithDbAsync(x => x.NoticeDeliveries.Include(d => d.Notice).Where(d => d.UnitId == b.UnitId && d.Channel == "wecom").ToListAsync());
        Assert.Equal("【催办督办】本次催办 3 项、督办 0 项", Assert.Single(robot).Notice!.Title);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AMass督办IsHeldUntilTheOfficeConfirmsItOnceThenTheSheetsAreNumbered(string db)
    {
        var b = await Bureau.CreateAsync(db == "sqlite" ? "firstday-mass" : "firstday-mass-postgres");
        Travel.To(b.App, "2026-08-03");
        var ids = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            ids.Add((await b.TaskAsync(i % 2 == 0 ? b.SectionA : b.SectionB, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15))).Id);
        }

        var summary = await Travel.EscalateAsync(b);
        Assert.Equal((0, 11), (summary.Supervisions, summary.Held));
        Assert.Equal(0, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => ids.Contains(s.TaskId) && (s.Step == StepKind.Supervise || s.Step == StepKind.Urge))));
        Assert.Equal(0, await b.WithDbAsync(x => x.Notices.CountAsync(n => n.UnitId == b.UnitId && n.Kind == NoticeKind.Supervise)));
        var (count, list) = await DeskSources.OfAsync<HeldSheetsSource>(b, "admin");
        Assert.Equal(1, count);
        Assert.Equal(("待确认发出的督办单 11 份", "/Supervision/Held"), (list[0].Title, list[0].Href));
        Assert.Equal(0, (await DeskSources.OfAsync<HeldSheetsSource>(b, "headA")).Count);

        // The next run neither raises them again nor urges them.
        Travel.To(b.App, "2026-08-04");
        var again = await Travel.EscalateAsync(b);
        Assert.Equal((0, 0), (again.Supervisions, again.Held));
        Assert.Equal(0, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => ids.Contains(s.TaskId) && s.Deadline == DeadlineKind.Task)));

        var head = await b.PagesAsync("headA");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Supervision/Held")).StatusCode);
        var office = await b.PagesAsync("admin");
        var page = await office.GetHtmlAsync("/Supervision/Held");
        Assert.Contains("科室A</td><td>6</td>", page);
        Assert.Contains("科室B</td><td>5</td>", page);

        // Posted twice at once: one numbers and sends all 11, the other finds nothing left.
        var posts = await Task.WhenAll(
            office.PostFormAsync("/Supervision/Held?handler=Confirm", [], "/Supervision/Held"),
            office.PostFormAsync("/Supervision/Held?handler=Confirm", [], "/Supervision/Held"));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        var sheets = await b.WithDbAsync(x => x.EscalationSteps.Where(s => ids.Contains(s.TaskId) && s.Step == StepKind.Supervise).OrderBy(s => s.Sequence).ToListAsync());
        Assert.Equal(11, sheets.Count);
        Assert.Equal(Enumerable.Range(sheets[0].Sequence!.Value, 11), sheets.Select(s => s.Sequence!.Value));
        Assert.Equal(0, await b.WithDbAsync(x => x.HeldSheets.CountAsync(h => ids.Contains(h.TaskId))));
        Assert.Equal(0, (await DeskSources.OfAsync<HeldSheetsSource>(b, "admin")).Count);
        var officeNotices = await b.WithDbAsync(x => x.Notices.Where(n => n.RecipientId == b.Person("admin") && n.Kind == NoticeKind.Supervise).ToListAsync());
        Assert.StartsWith("【督办】11 项任务：", Assert.Single(officeNotices).Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Supervision/Held?handler=Confirm", [], "/Supervision/Held")).StatusCode);
        Assert.Equal(11, await b.WithDbAsync(x => x.EscalationSteps.CountAsync(s => ids.Contains(s.TaskId) && s.Step == StepKind.Supervise)));
    }
}
