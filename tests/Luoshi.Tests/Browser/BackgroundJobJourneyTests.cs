using System.Net.Http.Json;
using Luoshi.Features.Calendar;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>The office queues a full re-check of the record and changes a holiday, and watches each
/// background run's progress and result (the app's scheduler is off here: the test runs the jobs).</summary>
public class BackgroundJobJourneyTests
{
    private static async Task<Journey> SignInAsync(Bureau b, Screen screen)
    {
        var admin = await Journey.StartAsync(b.App.BaseAddress!, screen, storageState: null);
        await admin.OpenAsync("/Account/Login");
        await admin.Page.FillAsync("#UserName", b.People["admin"].Login);
        await admin.Page.FillAsync("#Password", Bureau.Password);
        await admin.SubmitAsync("main button[type=submit]");
        return admin;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheOfficeQueuesAFullRecheckAndSeesItsResult(bool phone)
    {
        var screen = phone ? Screen.Phone : Screen.Desk;
        var b = await Bureau.CreateAsync("browser");
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        // This app listens on Kestrel: the API is called there, as a phone would.
        using var staff = new HttpClient { BaseAddress = new Uri(b.App.BaseAddress!) };
        var token = await (await staff.PostAsJsonAsync("/api/auth/token", new { userName = b.People["staffA"].Login, password = Bureau.Password })).ReadJsonAsync();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        await Record.RecordTests.ReportAsync(staff, task.Id, 10);
        await Record.RecordTests.SealAsync(b);
        await using var admin = await SignInAsync(b, screen);
        await admin.OpenAsync("/Admin/Record");
        await admin.SubmitAsync("form[action*='handler=FullCheck'] button");
        Assert.Contains("/Admin/Record/Checks/", admin.Page.Url, StringComparison.Ordinal);
        Assert.Contains("排队等待中", await admin.MainTextAsync(), StringComparison.Ordinal);
        await admin.AssertCleanAsync();

        var job = b.App.Services.GetRequiredService<RecordFullCheckJob>();
        var id = long.Parse(admin.Page.Url[(admin.Page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 50 && !(await b.WithDbAsync(d => d.Set<RecordCheck>().FindAsync(id).AsTask()))!.Finished; i++)
        {
            await job.RunNextAsync(CancellationToken.None);
        }

        // The page reloads itself every few seconds while the check waits or runs.
        await admin.Page.WaitForSelectorAsync("text=记录链完整", new() { Timeout = 120_000 });
        Assert.Contains("共核对 1 条", await admin.MainTextAsync(), StringComparison.Ordinal);
        await admin.AssertCleanAsync();
        await admin.ShotAsync($"record-full-check-{(phone ? 390 : 1366)}");
    }

    [Fact]
    public async Task TheOfficeSeesTheRescheduleAfterAHolidayEditUntilItEnds()
    {
        var b = await Bureau.CreateAsync("browser");
        await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(30));
        await using var admin = await SignInAsync(b, Screen.Phone);
        await admin.OpenAsync("/Admin/Holidays");
        await admin.Page.FillAsync("form[action*='handler=Add'] input[name=date]", "2026-12-30");
        await admin.Page.FillAsync("form[action*='handler=Add'] input[name=name]", "跨年" + FormChecks.Unique());
        await admin.SubmitAsync("form[action*='handler=Add'] button");
        Assert.Contains("重算正在排队", await admin.MainTextAsync(), StringComparison.Ordinal);
        await admin.AssertCleanAsync();
        await admin.ShotAsync("holidays-reschedule-queued-390");

        var job = b.App.Services.GetRequiredService<CalendarRescheduleJob>();
        for (var i = 0; i < 50 && (await b.WithDbAsync(d => CalendarReschedules.LatestAsync(d, b.UnitId, CancellationToken.None)))!.State != RescheduleState.Done; i++)
        {
            await job.RunNextAsync(CancellationToken.None);
        }

        await admin.Page.WaitForSelectorAsync("text=重算已完成", new() { Timeout = 120_000 });
        Assert.Contains("1 个未办结任务", await admin.MainTextAsync(), StringComparison.Ordinal);
        await admin.AssertCleanAsync();
    }
}
