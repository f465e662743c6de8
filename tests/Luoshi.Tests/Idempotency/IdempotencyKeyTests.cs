using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Idempotency;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARequestWhoseWritesCommittedIsNeverRunAgainEvenWhenItsAnswerWasLost(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var key = "report-" + Guid.NewGuid().ToString("N");
        var progress = "应答丢失" + Guid.NewGuid().ToString("N")[..8];
        var url = $"/api/tasks/{task.Id}/reports";
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(Post(url, key, new { progress, percent = 30 }))).StatusCode);

        // The report's save marked the claim in its transaction.
        var stored = await b.WithDbAsync(d => d.IdempotentRequests.SingleAsync(r => r.Key == key));
        Assert.True(stored.Acted);

        // As if the primary went away between the report's commit and the answer's: no answer kept.
        await b.WithDbAsync(d => d.IdempotentRequests.Where(r => r.Id == stored.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, (int?)null).SetProperty(r => r.Body, (byte[]?)null).SetProperty(r => r.CreatedAt, r => r.CreatedAt.AddMinutes(-10))));
        var repeat = await staff.SendAsync(Post(url, key, new { progress, percent = 30 }));
        var problem = await repeat.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("请求已执行", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("done").GetBoolean());
        Assert.Equal(1, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id && r.Progress == progress)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AClaimThatSavedNothingIsTakenOverAfterItsLeaseAndItsRequestCanNoLongerSave(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var url = $"/api/tasks/{task.Id}/reports";
        var now = b.App.Clock.GetUtcNow().UtcDateTime;

        // A claim left by a request that never answered nor saved: within its lease the key is busy...
        var fresh = "report-" + Guid.NewGuid().ToString("N");
        var freshJson = $$"""{"progress":"租约内{{fresh[^6..]}}","percent":20}""";
        await ClaimAsync(b, fresh, url, freshJson, now - TimeSpan.FromSeconds(5));
        await AtOnce.AssertChineseConflictAsync(await staff.SendAsync(Raw(url, fresh, freshJson)));

        // ...past it, a repeat takes the key over and acts, once.
        var old = "report-" + Guid.NewGuid().ToString("N");
        var oldProgress = "租约过期" + old[^6..];
        var oldJson = $$"""{"progress":"{{oldProgress}}","percent":20}""";
        var abandoned = await ClaimAsync(b, old, url, oldJson, now - IdempotencyClaims.Lease - TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(Raw(url, old, oldJson))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(Raw(url, old, oldJson))).StatusCode);
        Assert.Equal(1, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id && r.Progress == oldProgress)));

        // The first request, should it still try to save under its lost claim, is refused and saves nothing.
        await using var scope = b.App.Services.CreateAsyncScope();
        var late = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        IdempotencyMark.Attach(late, abandoned);
        late.Sections.Add(new Luoshi.Features.Organisation.Section { UnitId = b.UnitId, Name = "迟到的写入" });
        await Assert.ThrowsAsync<IdempotencyClaimLostException>(() => late.SaveChangesAsync());
        IdempotencyMark.Detach(late);
        Assert.False(await b.WithDbAsync(d => d.Sections.AnyAsync(s => s.UnitId == b.UnitId && s.Name == "迟到的写入")));
    }

    private static HttpRequestMessage Raw(string url, string key, string json) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { { IdempotencyMiddleware.Header, key } },
    };

    /// <summary>An unanswered claim of staffA's on the key, for this request (the middleware's fingerprint).</summary>
    private static async Task<long> ClaimAsync(Bureau b, string key, string url, string json, DateTime createdAt)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes($"POST {url}\n"), .. Encoding.UTF8.GetBytes(json)]));
        var claim = new IdempotentRequest { UnitId = b.UnitId, PersonId = b.Person("staffA"), Key = key, Fingerprint = fingerprint, CreatedAt = createdAt };
        await b.WithDbAsync(async d =>
        {
            d.IdempotentRequests.Add(claim);
            return await d.SaveChangesAsync();
        });
        return claim.Id;
    }
}
