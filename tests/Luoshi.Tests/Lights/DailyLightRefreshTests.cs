using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Lights;

/// <summary>Lights move with the calendar even when nobody writes: the daily job, on a clock the test moves.</summary>
public class DailyLightRefreshTests
{
    [Fact]
    public async Task AsDaysPassATaskGoesFromGreenToYellowToRedWithoutAnyWrite()
    {
        var b = await Bureau.CreateAsync("clock");
        var clock = b.App.Clock;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        // Reported on time and on pace, with a milestone three weeks out.
        var task = await b.TaskAsync(b.SectionA, today.AddDays(-20), today.AddDays(60), milestones: ("提交方案", today.AddDays(21)));
        var staff = await b.ApiAsync("staffA");
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(staff, $"/api/tasks/{task.Id}/reports", new { progress = "按计划推进", percent = 40 });
        Assert.Equal(Light.Green, await b.LightOfAsync(task.Id));

        var refresh = b.App.Services.GetRequiredService<DailyLightRefresh>();
        clock.Advance(TimeSpan.FromDays(17));
        await refresh.RefreshAllAsync(CancellationToken.None);
        Assert.Equal(Light.Yellow, await b.LightOfAsync(task.Id));

        clock.Advance(TimeSpan.FromDays(7));
        await refresh.RefreshAllAsync(CancellationToken.None);
        Assert.Equal(Light.Red, await b.LightOfAsync(task.Id));
    }
}
