using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Assessment;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Assessment;

/// <summary>考核 results are stored per scheme, marked behind in the same transaction as a change of their
/// period's inputs, and computed again by the job; what is stored is what a computation now gives.</summary>
public class StoredResultsTests
{
    private static async Task<int> SchemeAsync(HttpClient admin, string name, string start, string end)
    {
        var created = await admin.PostAsJsonAsync("/api/assessments", new { name, periodStart = start, periodEnd = end });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> ResultsAsync(HttpClient api, int scheme)
    {
        var response = await api.GetAsync($"/api/assessments/{scheme}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<bool> RecomputingAsync(HttpClient api, int scheme) => (await ResultsAsync(api, scheme)).GetProperty("recomputing").GetBoolean();

    private static Task RunJobAsync(Bureau b) => b.App.Services.GetRequiredService<RecomputeJob>().RunAsync(CancellationToken.None);

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AChangeMarksOnlyThePeriodsItTouchesAndTheJobStoresWhatAComputationNowGives(string db)
    {
        var (b, q1, late, done) = await AssessmentTests.QuarterAsync(db);
        var admin = await b.ApiAsync("admin");
        // Today is 11 May 2026: the second quarter and the year run, the first quarter and last year's last have ended.
        var q2 = await SchemeAsync(admin, "2026年第二季度考核", "2026-04-01", "2026-06-30");
        var year = await SchemeAsync(admin, "2026年度考核", "2026-01-01", "2026-12-31");
        var last = await SchemeAsync(admin, "2025年第四季度考核", "2025-10-01", "2025-12-31");
        int[] all = [q1, q2, year, last];
        foreach (var scheme in all)
        {
            Assert.False(await RecomputingAsync(admin, scheme));
        }

        // A 催办 today deducts in the periods running today, not in the first quarter nor in 2025.
        await b.WithDbAsync(d =>
        {
            d.TaskEvents.Add(new TaskEvent { UnitId = b.UnitId, TaskId = late.Id, At = new DateTime(2026, 5, 11, 2, 0, 0, DateTimeKind.Utc), Kind = "urge", Summary = "再次催办" });
            return d.SaveChangesAsync();
        });
        Assert.Equal(new[] { false, true, true, false }, await Task.WhenAll(all.Select(s => RecomputingAsync(admin, s))));
        Assert.DoesNotContain("再次催办", (await ResultsAsync(admin, q2)).GetRawText());

        // A bonus belongs to its scheme only; a task's due date counts from its start on (not in 2025).
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/assessments/{q1}/adjustments", new { sectionId = b.SectionA, points = 2, reason = "获省级表彰" })).StatusCode);
        await b.WithDbAsync(async d =>
        {
            var task = await d.Tasks.SingleAsync(t => t.Id == done.Id);
            task.DueDate = new DateOnly(2026, 2, 20);
            return await d.SaveChangesAsync();
        });
        Assert.Equal(new[] { true, true, true, false }, await Task.WhenAll(all.Select(s => RecomputingAsync(admin, s))));

        // A section's new name is in every result.
        await b.WithDbAsync(async d =>
        {
            (await d.Sections.SingleAsync(s => s.Id == b.SectionB)).Name = "科室乙";
            return await d.SaveChangesAsync();
        });
        Assert.True(await RecomputingAsync(admin, last));

        await RunJobAsync(b);
        foreach (var scheme in all)
        {
            var results = await ResultsAsync(admin, scheme);
            Assert.False(results.GetProperty("recomputing").GetBoolean());
            Assert.Equal(await FreshAsync(b, scheme), await StoredAsync(b, scheme));
        }

        var q2Now = (await ResultsAsync(admin, q2)).GetRawText();
        Assert.Contains("再次催办", q2Now);
        Assert.Contains("科室乙", q2Now);
        Assert.DoesNotContain("再次催办", (await ResultsAsync(admin, q1)).GetRawText());
        Assert.Equal(2m, (await ResultsAsync(admin, q1)).GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == b.SectionA).GetProperty("bonus").GetDecimal());
    }

    /// <summary>Apps of their own: the test moves the clock.</summary>
    public static TheoryData<string> ClockApps => ["assess-clock", "assess-clock-postgres"];

    [Theory, MemberData(nameof(ClockApps))]
    public async Task ARunningPeriodIsBehindOnceTheDayScoredMovesAndTheOfficeMayQueueARecomputation(string app)
    {
        var (b, q1, _, _) = await AssessmentTests.QuarterAsync(app);
        var admin = await b.ApiAsync("admin");
        var year = await SchemeAsync(admin, "2026年度考核", "2026-01-01", "2026-12-31");
        Assert.Equal("2026-05-11", (await ResultsAsync(admin, year)).GetProperty("asOf").GetString());

        b.App.Clock.Advance(TimeSpan.FromDays(1));
        admin = await b.ApiAsync("admin");
        Assert.True(await RecomputingAsync(admin, year));
        Assert.False(await RecomputingAsync(admin, q1));

        await (await (await b.ApiAsync("leader")).PostAsync($"/api/assessments/{q1}/recompute", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/assessments/{q1}/recompute", null)).StatusCode);
        Assert.True(await RecomputingAsync(admin, q1));

        await RunJobAsync(b);
        var now = await ResultsAsync(admin, year);
        Assert.Equal("2026-05-12", now.GetProperty("asOf").GetString());
        Assert.False(now.GetProperty("recomputing").GetBoolean());
        Assert.False(await RecomputingAsync(admin, q1));
        Assert.Equal(await FreshAsync(b, year), await StoredAsync(b, year));
    }

    [Fact]
    public async Task ThePageSaysWhenTheResultWasComputedAndThatItIsBeingComputedAgain()
    {
        var (b, q1, late, _) = await AssessmentTests.QuarterAsync("sqlite");
        var pages = await b.PagesAsync("admin");
        var detail = $"/Assessment/Detail?id={q1}";
        var html = await pages.GetHtmlAsync(detail);
        Assert.Contains("结果计算于 2026-05-11", html);
        Assert.DoesNotContain("正在重新计算", html);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{detail}&handler=Grade", new() { ["taskId"] = late.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["grade"] = "优" }, detail)).StatusCode);
        Assert.Contains("正在重新计算", await pages.GetHtmlAsync(detail));
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{detail}&handler=Recompute", new(), detail)).StatusCode);

        await RunJobAsync(b);
        html = await pages.GetHtmlAsync(detail);
        Assert.DoesNotContain("正在重新计算", html);
        Assert.Contains("建设孵化器（优）", html);
    }

    private static Task<string> StoredAsync(Bureau b, int scheme) =>
        b.WithDbAsync(async d => (await d.StoredAssessments.SingleAsync(r => r.SchemeId == scheme)).Result!);

    private static async Task<string> FreshAsync(Bureau b, int scheme)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var data = scope.ServiceProvider.GetRequiredService<AssessmentData>();
        return JsonSerializer.Serialize(await data.ComputeAsync(await db.AssessmentSchemes.SingleAsync(s => s.Id == scheme), default), AssessmentData.FrozenJson);
    }
}
