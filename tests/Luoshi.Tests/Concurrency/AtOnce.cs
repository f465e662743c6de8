using System.Net;
using System.Text.Json;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Concurrency;

/// <summary>Fires the same request many times at the same moment, and checks what came back.</summary>
internal static class AtOnce
{
    public const int Copies = 50;

    public static async Task<HttpResponseMessage[]> SendAsync(int copies, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = Enumerable.Range(0, copies).Select(async i =>
        {
            await gate.Task;
            return await send(i);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(all);
    }

    /// <summary>Exactly one succeeded; every other copy is a 409 ProblemDetails in Chinese. Returns the winner's body.</summary>
    public static async Task<JsonElement> ExactlyOneAsync(HttpResponseMessage[] responses, HttpStatusCode success)
    {
        var statuses = string.Join(", ", responses.GroupBy(r => r.StatusCode).Select(g => $"{g.Key}×{g.Count()}"));
        Assert.True(responses.Count(r => r.StatusCode == success) == 1, statuses);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == responses.Length - 1, statuses);
        foreach (var loser in responses.Where(r => r.StatusCode != success))
        {
            await AssertChineseConflictAsync(loser);
        }

        return await responses.Single(r => r.StatusCode == success).ReadJsonAsync();
    }

    public static async Task AssertChineseConflictAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(IsChinese(problem.GetProperty("title").GetString()), problem.ToString());
        Assert.True(IsChinese(problem.GetProperty("detail").GetString()), problem.ToString());
    }

    /// <summary>Seals what was written, as the scheduler would, and checks the whole record of the bureau.</summary>
    public static async Task AssertRecordIntactAsync(Bureau b)
    {
        await b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId));
        var verification = await b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None));
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
    }

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
