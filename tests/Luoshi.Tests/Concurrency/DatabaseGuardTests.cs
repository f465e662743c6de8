using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Requests;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Concurrency;

/// <summary>
/// The database's own guards, without the task lock the features take first: two contexts read the
/// same row, both change it, and the second save is refused instead of overwriting the first.
/// </summary>
public class DatabaseGuardTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task TwoWritersAsync(Bureau b, Func<LuoshiDb, Task> change)
    {
        await using var first = b.App.Services.CreateAsyncScope();
        await using var second = b.App.Services.CreateAsyncScope();
        var (one, two) = (first.ServiceProvider.GetRequiredService<LuoshiDb>(), second.ServiceProvider.GetRequiredService<LuoshiDb>());
        var (readOne, readTwo) = (change(one), change(two));
        await Task.WhenAll(readOne, readTwo);
        await one.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADecisionReadWhilePendingIsNotSavedOverAnotherDecision(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5));
        var asked = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(40), reason = "理由" });
        var id = (await asked.ReadJsonAsync()).GetProperty("id").GetInt32();

        await TwoWritersAsync(b, async d => (await d.ExtensionRequests.SingleAsync(r => r.Id == id)).Status = RequestStatus.Approved);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ATaskReadByTwoIsSavedByTheFirstOnly(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5));

        await TwoWritersAsync(b, async d => (await d.Tasks.SingleAsync(t => t.Id == task.Id)).Description = "改动" + Guid.NewGuid());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEvidenceFileAttachedToOneReportCannotBeMovedToAnother(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var staff = await b.ApiAsync("staffA");
        var file = new ByteArrayContent([.. "%PDF-1.4 x"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var evidence = (await (await staff.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "a.pdf" } })).ReadJsonAsync()).GetProperty("id").GetInt64();
        var reports = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var sent = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "推进", percent = 10 });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            reports.Add((await sent.ReadJsonAsync()).GetProperty("id").GetInt64());
        }

        var turn = 0;
        await TwoWritersAsync(b, async d => (await d.Evidence.SingleAsync(e => e.Id == evidence)).ReportId = reports[Interlocked.Increment(ref turn) - 1]);
        Assert.Contains((await b.WithDbAsync(d => d.Evidence.Where(e => e.Id == evidence).Select(e => e.ReportId).SingleAsync()))!.Value, reports);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASecondPendingCompletionClaimCannotBeStored(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var sent = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成", percent = 100 });
        var report = (await sent.ReadJsonAsync()).GetProperty("id").GetInt64();
        CompletionRequest Claim() => new() { UnitId = b.UnitId, TaskId = task.Id, ReportId = report, RequestedById = b.Person("staffA"), RequestedAt = DateTime.UtcNow, ClaimedOn = Today };

        await b.WithDbAsync(d => { d.CompletionRequests.Add(Claim()); return d.SaveChangesAsync(); });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => b.WithDbAsync(d => { d.CompletionRequests.Add(Claim()); return d.SaveChangesAsync(); }));
    }
}
