using System.Diagnostics;
using System.Globalization;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reviews;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Bench;

/// <summary>
/// The supervision cycle at the bench's size: the daily escalation run over every task of the unit
/// (first run, which raises the backlog of steps with their notices and outbox rows, then a repeat,
/// which must find nothing to do), and the month's review (breakdown workbook and bulletin).
/// </summary>
internal static class SupervisionBench
{
    public static async Task<string> RunAsync(BenchServer server, BenchData data)
    {
        var rows = new List<(string What, double Ms, string Note)>();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            // Everyone has an address, so each notice also writes its email row into the outbox.
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            await db.People.Where(p => p.UnitId == data.UnitId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "p" + p.Id + "@bench.local"));
        }

        for (var run = 1; run <= 2; run++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var summary = await scope.ServiceProvider.GetRequiredService<EscalationRun>().RunAsync(data.UnitId);
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var outbox = await db.NoticeDeliveries.CountAsync(d => d.UnitId == data.UnitId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  escalation run {run}: {watch.Elapsed.TotalMilliseconds:N0} ms, {summary}"));
            rows.Add((run == 1 ? $"escalation run, {data.Tasks / 1000}k tasks, first" : "escalation run, repeated (nothing new)", watch.Elapsed.TotalMilliseconds,
                string.Create(CultureInfo.InvariantCulture, $"{summary.Tasks:N0} tasks near a deadline; {summary.Reminders:N0} 提醒, {summary.Urges:N0} 催办, {summary.Supervisions:N0} 督办; {summary.Notices:N0} notices; {outbox:N0} outbox rows in all")));
        }

        // A busy day: one step in twenty is new (its step and notices removed, as if not yet raised).
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            await db.EscalationSteps.Where(s => s.UnitId == data.UnitId && s.Id % 20 == 0).ExecuteDeleteAsync();
            var watch = Stopwatch.StartNew();
            var summary = await scope.ServiceProvider.GetRequiredService<EscalationRun>().RunAsync(data.UnitId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  escalation run, busy day: {watch.Elapsed.TotalMilliseconds:N0} ms, {summary}"));
            rows.Add(("escalation run, a busy day (1 step in 20 new)", watch.Elapsed.TotalMilliseconds,
                string.Create(CultureInfo.InvariantCulture, $"{summary.Reminders + summary.Urges + summary.Supervisions:N0} steps, {summary.Notices:N0} notices with their email rows")));
        }

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var clock = services.GetRequiredService<BureauClock>();
            var last = clock.Today.AddMonths(-1);
            var period = ReviewPeriod.Parse(last.ToString("yyyy-MM", CultureInfo.InvariantCulture))!;
            var office = new Viewer(0, data.UnitId, "压测", Role.Admin, null, []);
            var watch = Stopwatch.StartNew();
            var review = await services.GetRequiredService<ReviewData>().LoadAsync(office, period, Luoshi.Features.Reviews.ReviewChoice.Default, default);
            var load = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var workbook = ReviewWorkbook.Write(review);
            var excel = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var bulletin = Bulletin.WriteDraft(review, clock.Today);
            var word = watch.Elapsed.TotalMilliseconds;
            rows.Add(($"monthly review: data for {review.Rows.Count:N0} tasks", load, ""));
            rows.Add(("monthly review: workbook (任务分解表 + figures)", excel, $"{workbook.Length / 1024:N0} KiB"));
            rows.Add(("monthly review: bulletin (督查通报)", word, $"{bulletin.Length / 1024:N0} KiB"));
            rows.Add(("monthly review: all three", load + excel + word, ""));
        }

        var text = new StringBuilder();
        text.AppendLine("| supervision | ms | notes |");
        text.AppendLine("| --- | ---: | --- |");
        foreach (var (what, ms, note) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {ms:N0} | {note} |");
        }

        return text.ToString();
    }
}
