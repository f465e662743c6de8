using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Idempotency;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Idempotency;

/// <summary>An <c>Idempotency-Key</c> makes a repeated POST get the first answer instead of a second action.</summary>
public class IdempotencyKeyTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static HttpRequestMessage Post(string url, string key, object body) => new(HttpMethod.Post, url)
    {
        Content = JsonContent.Create(body),
        Headers = { { IdempotencyMiddleware.Header, key } },
    };

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftyCopiesWithOneKeyActOnceAndARepeatGetsTheFirstAnswer(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5));
        var staff = await b.ApiAsync("staffA");
        var body = new { newDueDate = Today.AddDays(40), reason = "设备延迟到货" };
        var url = $"/api/tasks/{task.Id}/extensions";

        var sent = await AtOnce.SendAsync(AtOnce.Copies, _ => staff.SendAsync(Post(url, "ext-1", body)));
        // One ran; copies that came while it ran were told so, copies after it got its answer again.
        Assert.All(sent, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var first = sent.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(first, r => !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        foreach (var busy in sent.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await AtOnce.AssertChineseConflictAsync(busy);
        }

        Assert.Equal(1, await b.WithDbAsync(d => d.ExtensionRequests.CountAsync(r => r.TaskId == task.Id)));
        var original = await first.Single(r => !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader)).Content.ReadAsStringAsync();

        var again = await staff.SendAsync(Post(url, "ext-1", body));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Equal(original, await again.Content.ReadAsStringAsync());
        Assert.Equal($"/api/tasks/{task.Id}/requests", again.Headers.Location?.ToString());

        var different = await (await staff.SendAsync(Post(url, "ext-1", new { newDueDate = Today.AddDays(50), reason = "另一个理由" }))).AssertProblemAsync((HttpStatusCode)422);
        Assert.Contains("Idempotency-Key", different.GetProperty("title").GetString());

        // The key is the person's own: another person's same key is a request of its own (refused here as a duplicate).
        var head = await b.ApiAsync("headA");
        await AtOnce.AssertChineseConflictAsync(await head.SendAsync(Post(url, "ext-1", body)));
        await AtOnce.AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AKeyIsForgottenAfterADay(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var key = "report-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(Post($"/api/tasks/{task.Id}/reports", key, new { progress = "推进中", percent = 30 }))).StatusCode);

        var stored = await b.WithDbAsync(d => d.IdempotentRequests.SingleAsync(r => r.Key == key));
        await b.WithDbAsync(d => d.IdempotentRequests.Where(r => r.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, r => r.CreatedAt.AddHours(-25))));
        Assert.True(await b.WithDbAsync(d => IdempotencyCleanup.DeleteExpiredAsync(d, stored.CreatedAt)) >= 1);
        Assert.False(await b.WithDbAsync(d => d.IdempotentRequests.AnyAsync(r => r.Key == key)));
    }
}
