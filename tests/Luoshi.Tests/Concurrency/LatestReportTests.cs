using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Concurrency;

/// <summary>A task shows its latest report, by submission order, however the reports' commits interleave.</summary>
public class LatestReportTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoHundredReportsAtOnceLeaveEachTaskShowingItsLatestReport(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            tasks.Add((await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60))).Id);
        }

        var staff = await b.ApiAsync("staffA");
        var head = await b.ApiAsync("headA");
        var random = new Random(17);
        var percents = Enumerable.Range(0, 200).Select(_ => random.Next(0, 100)).ToList();
        var sent = await AtOnce.SendAsync(200, i => (i % 2 == 0 ? staff : head).PostAsJsonAsync($"/api/tasks/{tasks[i % tasks.Count]}/reports", new { progress = $"第{i}次报送", percent = percents[i] }));
        Assert.All(sent, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        foreach (var taskId in tasks)
        {
            var latest = await b.WithDbAsync(d => d.Reports.Where(r => r.TaskId == taskId).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).FirstAsync());
            var task = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == taskId));
            Assert.Equal(latest.Percent, task.ProgressPercent);
            Assert.Equal(latest.SubmittedAt, task.LastReportedAt);
        }

        await AtOnce.AssertRecordIntactAsync(b);
    }
}
