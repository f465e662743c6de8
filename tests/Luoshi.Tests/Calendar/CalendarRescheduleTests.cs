using System.Net;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Calendar;

/// <summary>A holiday edit saves the day and queues the unit's reschedule; the job gives the same dates
/// and lights as rescheduling in the request did.</summary>
public class CalendarRescheduleTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private sealed record Facts(int Id, DateOnly DueBy, DateOnly? NextMilestoneDueBy, DateOnly? ReportMissingFrom, DateOnly? BehindFrom, Light Light, LightReason Reason);

    private static Task<List<Facts>> FactsAsync(Bureau b) => b.WithDbAsync(d => d.Tasks.AsNoTracking().Where(t => t.UnitId == b.UnitId).OrderBy(t => t.Id)
        .Select(t => new Facts(t.Id, t.DueBy, t.NextMilestoneDueBy, t.ReportMissingFrom, t.BehindFrom, t.Light, t.LightReason)).ToListAsync());

    private static Task<CalendarReschedule?> LatestAsync(Bureau b) => b.WithDbAsync(d => CalendarReschedules.LatestAsync(d, b.UnitId, CancellationToken.None));

    private static async Task<CalendarReschedule> RunAsync(Bureau b)
    {
        var job = b.App.Services.GetRequiredService<CalendarRescheduleJob>();
        // Other tests' reschedules may be waiting on this app too: run until this unit's has ended.
        for (var i = 0; i < 50; i++)
        {
            if (await LatestAsync(b) is { State: RescheduleState.Done } done)
            {
                return done;
            }

            await job.RunNextAsync(CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException($"重算未结束：{await LatestAsync(b)}");
    }

    /// <summary>The next Monday to Friday after <paramref name="from"/>.</summary>
    private static DateOnly Weekday(DateOnly from)
    {
        while (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            from = from.AddDays(1);
        }

        return from;
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AHolidayEditQueuesTheRescheduleAndTheJobGivesTheSameDatesAndLightsAsRescheduleInTheRequest(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var holiday = Weekday(Today.AddDays(3));
        var other = Weekday(holiday.AddDays(8));
        var onHoliday = await b.TaskAsync(b.SectionA, Today.AddDays(-30), holiday, null, null, ("初稿", holiday));
        await b.TaskAsync(b.SectionB, Today.AddDays(-30), holiday.AddDays(1));
        await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-2));
        await b.TaskAsync(b.SectionB, Today.AddDays(-10), other, null, null, ("中期", Weekday(Today.AddDays(1))));
        var before = await FactsAsync(b);
        Assert.Equal(holiday, before.Single(f => f.Id == onHoliday.Id).DueBy);

        var admin = await b.PagesAsync("admin");
        var added = await admin.PostFormAsync("/Admin/Holidays?handler=Add", new() { ["date"] = Ui(holiday), ["kind"] = "Holiday", ["name"] = "测试假日" }, "/Admin/Holidays");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // The request saved the day and queued the run; it moved no task.
        Assert.Equal(before, await FactsAsync(b));
        var queued = await LatestAsync(b);
        Assert.Equal((RescheduleState.Queued, 1), (queued!.State, queued.Edits));
        Assert.Contains("重算正在排队", await admin.GetHtmlAsync("/Admin/Holidays"));

        // A second edit while it waits joins it.
        await admin.PostFormAsync("/Admin/Holidays?handler=Add", new() { ["date"] = Ui(other), ["kind"] = "Holiday", ["name"] = "测试假日二" }, "/Admin/Holidays");
        var waiting = await b.WithDbAsync(d => d.Set<CalendarReschedule>().Where(r => r.UnitId == b.UnitId).ToListAsync());
        Assert.Equal([(RescheduleState.Queued, 2)], waiting.Select(r => (r.State, r.Edits)));

        var done = await RunAsync(b);
        var open = before.Count;
        Assert.Equal((open, open), (done.Done, done.Total));
        var after = await FactsAsync(b);
        Assert.Equal(Weekday(holiday.AddDays(1)), after.Single(f => f.Id == onHoliday.Id).DueBy);
        Assert.NotEqual(before, after);
        var page = await admin.GetHtmlAsync("/Admin/Holidays");
        Assert.Contains($"重算已完成：{open} 个未办结任务", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);

        // What rescheduling in the request gave, on the same calendar.
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TaskLights>().RescheduleUnitAsync(b.UnitId);
        }

        Assert.Equal(after, await FactsAsync(b));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEditWhileTheRescheduleRunsQueuesTheNextAndThePageShowsProgress(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Weekday(Today.AddDays(5)));
        var admin = await b.PagesAsync("admin");
        await admin.PostFormAsync("/Admin/Holidays?handler=Add", new() { ["date"] = Ui(Weekday(Today.AddDays(5))), ["kind"] = "Holiday", ["name"] = "测试假日" }, "/Admin/Holidays");
        var running = await b.WithDbAsync(d => CalendarReschedules.ClaimAsync(d, DateTime.UtcNow, CancellationToken.None));
        Assert.NotNull(running);
        await b.WithDbAsync(d => d.Set<CalendarReschedule>().Where(r => r.Id == running.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.Done, 500).SetProperty(r => r.Total, 1200)));
        var page = await admin.GetHtmlAsync("/Admin/Holidays");
        Assert.Contains("已完成 500 / 1200 个任务", page);
        Assert.Contains("http-equiv=\"refresh\"", page);

        await admin.PostFormAsync("/Admin/Holidays?handler=Remove", new() { ["date"] = Ui(Weekday(Today.AddDays(5))) }, "/Admin/Holidays");
        var rows = await b.WithDbAsync(d => d.Set<CalendarReschedule>().Where(r => r.UnitId == b.UnitId).OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
        Assert.Equal([RescheduleState.Running, RescheduleState.Queued], rows);
    }

    private static string Ui(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
