using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Features.Reviews;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Supervision;

/// <summary>The daily run on both databases: once per step whatever happens, the inbox, the 督办单,
/// and the reviews generated after a month ends.</summary>
public class SupervisionRunTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task RunningTwiceAtOnceRaisesEachStepOnceWithConsecutiveSheetNumbers(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            // Due two weeks ago: each is past its 督办 day, so the run raises the 督办 alone (not the 催办 it missed).
            tasks.Add((await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-14), change: t => t.ResponsiblePersonId = b.Person("staffA"))).Id);
        }

        await Task.WhenAll(Travel.EscalateAsync(b), Travel.EscalateAsync(b), Travel.EscalateAsync(b));
        await Travel.EscalateAsync(b);

        var steps = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId).ToListAsync());
        Assert.Equal(0, steps.Count(s => s.Step == StepKind.Urge && s.Deadline == DeadlineKind.Task));
        Assert.Equal(5, steps.Count(s => s.Step == StepKind.Supervise && s.Deadline == DeadlineKind.Task));
        // 督办单 of the unit (tasks' and reports' alike) are numbered 1, 2, 3 … with no gap and no repeat.
        var sheets = steps.Where(s => s.Step == StepKind.Supervise).Select(s => s.Sequence!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sheets.Count), sheets);
        // Unsigned tasks are chased too, but the task deadlines' steps reach each recipient exactly once
        // (here in the digest of the run: the leader's and the office's 督办 list the five).
        var notices = await b.WithDbAsync(d => d.Notices.CountAsync(n => n.UnitId == b.UnitId && d.EscalationSteps.Any(s => s.Id == n.StepId && s.Deadline == DeadlineKind.Task)));
        var listed = await b.WithDbAsync(d => d.NoticeDigestItems.CountAsync(i => i.UnitId == b.UnitId && d.EscalationSteps.Any(s => s.Id == i.StepId && s.Deadline == DeadlineKind.Task)));
        Assert.Equal(5 * 2, notices + listed);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheInboxShowsOnlyOnesOwnNoticesAndCountsTheUnreadInTheHeader(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today, change: t => t.ResponsiblePersonId = b.Person("staffA"));
        await Travel.EscalateAsync(b);

        var staff = await b.ApiAsync("staffA");
        var inbox = await (await staff.GetAsync("/api/notices")).ReadJsonAsync();
        var unread = inbox.GetProperty("unread").GetInt32();
        Assert.True(unread >= 1);
        var urge = inbox.GetProperty("notices").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "Urge");
        Assert.StartsWith("【催办", urge.GetProperty("title").GetString());
        var id = urge.GetProperty("id").GetInt64();

        var page = await b.PagesAsync("staffA");
        var html = await page.GetHtmlAsync("/");
        Assert.Contains($"<span class=\"unread\" id=\"unread-count\">{unread}</span>", html);

        // Another person's notice is not there to be read.
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.ApiAsync("staffB")).PostAsync($"/api/notices/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/notices/{id}/read", null)).StatusCode);
        Assert.Equal(unread - 1, (await (await staff.GetAsync("/api/notices")).ReadJsonAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await (await (await b.ApiAsync("staffB")).GetAsync("/api/notices")).ReadJsonAsync()).GetProperty("notices").GetArrayLength());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task The督办单IsShownToWhoMaySeeTheTaskAndToNobodyElse(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-14), change: t => t.LeadLeaderId = b.Person("leader"));
        await Travel.EscalateAsync(b);
        var sheet = await b.WithDbAsync(d => d.EscalationSteps.SingleAsync(s => s.TaskId == task.Id && s.Deadline == DeadlineKind.Task && s.Step == StepKind.Supervise));

        var html = await (await b.PagesAsync("leader")).GetHtmlAsync($"/Supervision/Sheet/{sheet.Id}");
        Assert.Contains("督 办 单", html);
        Assert.Contains(sheet.SheetNumber!, html);
        Assert.Contains("分管领导", html);
        var stranger = await (await b.PagesAsync("staffB")).GetAsync($"/Supervision/Sheet/{sheet.Id}");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var steps = await (await (await b.ApiAsync("admin")).GetAsync($"/api/tasks/{task.Id}/escalations")).ReadJsonAsync();
        Assert.Contains(steps.EnumerateArray(), s => s.GetProperty("sheetNumber").GetString() == sheet.SheetNumber);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task LastMonthsReviewIsGeneratedOnceAndAnnouncedToTheOffice(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(30));

        async Task<List<string>> RunAsync()
        {
            await using var scope = b.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScheduledReviews>().RunAsync(b.UnitId);
        }

        // 11 May: April is over (May's first working day was the 6th).
        Assert.Equal(["2026-04"], await RunAsync());
        Assert.Empty(await RunAsync());
        var files = await b.WithDbAsync(d => d.ReviewFiles.Where(f => f.UnitId == b.UnitId).OrderBy(f => f.Kind).ToListAsync());
        Assert.Equal([ReviewFileKind.Workbook, ReviewFileKind.Bulletin], files.Select(f => f.Kind));
        Assert.All(files, f => Assert.True(f.Content.Length > 1000));
        var notice = await b.WithDbAsync(d => d.Notices.SingleAsync(n => n.UnitId == b.UnitId && n.Kind == NoticeKind.Review));
        Assert.Equal(b.Person("admin"), notice.RecipientId);
        Assert.Contains("2026年4月", notice.Title);
    }
}
