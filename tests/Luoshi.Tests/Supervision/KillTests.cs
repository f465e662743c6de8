using System.Diagnostics;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Supervision;

/// <summary>
/// Two app processes share one PostgreSQL database and the outbox, as two instances would. Both
/// run the day's escalation and send; each is killed (SIGKILL) in the middle of sending and one is
/// started again. Every notice must reach the SMTP server, and a copy may only come from a kill
/// landing between the server's "accepted" and the row being marked sent.
/// </summary>
public class KillTests
{
    [Fact]
    public async Task NoticesSentByTwoInstancesThatAreKilledMidRunArriveOnceEach()
    {
        var b = await Bureau.CreateAsync("kill");
        // The processes run on the real clock: the tasks are overdue by then.
        var today = DateOnly.FromDateTime(DateTime.Now);
        // Sixty tasks: a run raises one step per deadline (the furthest due), so the outbox holds enough
        // rows for both kills to land while sending goes on.
        for (var i = 0; i < 60; i++)
        {
            await b.TaskAsync(i % 2 == 0 ? b.SectionA : b.SectionB, today.AddDays(-90), today.AddDays(-20 - i), change: t =>
            {
                t.ResponsiblePersonId = b.Person(i % 2 == 0 ? "staffA" : "staffB");
                t.LeadLeaderId = b.Person("leader");
            });
        }

        await b.WithDbAsync(d => d.People.Where(p => p.UnitId == b.UnitId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "kill" + p.Id + "@unit" + b.UnitId + ".test")));

        Task<int> SentAsync() => b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.UnitId == b.UnitId && x.Status == DeliveryStatus.Sent));
        using var first = KilledApp.Start(b.App.ConnectionString);
        using var second = KilledApp.Start(b.App.ConnectionString);
        async Task UntilAsync(Func<Task<bool>> done, string what)
        {
            var watch = Stopwatch.StartNew();
            while (!await done())
            {
                if (watch.Elapsed > TimeSpan.FromMinutes(3))
                {
                    // What the outbox and the processes were doing, for a run that fails on another machine.
                    var states = await b.WithDbAsync(d => d.NoticeDeliveries.Where(x => x.UnitId == b.UnitId)
                        .GroupBy(x => new { x.Status, Claimed = x.ClaimedBy != null, x.LastError })
                        .Select(g => $"{g.Key.Status} claimed={g.Key.Claimed} {g.Key.LastError}: {g.Count()}").ToListAsync());
                    Assert.Fail($"timed out waiting until {what}\noutbox: {string.Join("; ", states)}\nfirst ({(first.HasExited ? "ended" : "running")}):\n{first.Output}\nsecond ({(second.HasExited ? "ended" : "running")}):\n{second.Output}");
                }

                await Task.Delay(100);
            }
        }

        await UntilAsync(async () => await SentAsync() >= 40, "40 sent");
        first.Kill();
        var atFirstKill = await SentAsync();
        await UntilAsync(async () => await SentAsync() >= atFirstKill + 60, "60 more sent");
        second.Kill();
        using var again = KilledApp.Start(b.App.ConnectionString);
        await UntilAsync(async () =>
            await b.WithDbAsync(d => d.NoticeDeliveries.AnyAsync(x => x.UnitId == b.UnitId))
            && !await b.WithDbAsync(d => d.NoticeDeliveries.AnyAsync(x => x.UnitId == b.UnitId && x.Status != DeliveryStatus.Sent)), "all sent");
        again.Kill();

        var keys = await b.WithDbAsync(d => d.NoticeDeliveries.Where(x => x.UnitId == b.UnitId).Select(x => x.MessageKey).ToListAsync());
        Assert.True(keys.Count > 200, $"only {keys.Count} deliveries");
        var arrived = Smtp.ArrivedMessageIds();
        var copies = keys.Select(k => arrived.GetValueOrDefault(NoticeDispatcher.MessageId(k))).ToList();
        Assert.DoesNotContain(0, copies);
        Assert.True(copies.Sum(c => c - 1) <= 2, $"{copies.Sum(c => c - 1)} extra copies after 2 kills");

        // The inbox: one notice per step and person, however many processes ran the day.
        var notices = await b.WithDbAsync(d => d.Notices.Where(n => n.UnitId == b.UnitId).Select(n => new { n.StepId, n.RecipientId }).ToListAsync());
        Assert.Equal(notices.Count, notices.Distinct().Count());
        var sheets = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.Sequence != null).Select(s => s.Sequence!.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sheets.Count), sheets.Order());
    }

    /// <summary>The app as its own process, sending with a small batch so that a kill lands in the
    /// middle of the run.</summary>
    private static class KilledApp
    {
        public static AppProcess Start(string connectionString)
        {
            var folder = Directory.CreateTempSubdirectory("luoshi-kill-").FullName;
            var (host, port) = Smtp.Address!.Split(':') is [var h, var p] ? (h, p) : throw new InvalidOperationException("LUOSHI_TEST_SMTP");
            return AppProcess.Start(folder, new Dictionary<string, string>
            {
                ["ConnectionStrings__Luoshi"] = connectionString,
                ["Demo__SeedOnFirstRun"] = "false",
                ["DataProtection__Folder"] = Path.Combine(folder, "keys"),
                ["Evidence__Folder"] = Path.Combine(folder, "evidence"),
                // The sealer anchors chain ends: into this test's folder, never the shared default file.
                ["Record__AnchorFile"] = Path.Combine(folder, "record-anchors.log"),
                ["Scheduler__Poll"] = "00:00:00.200",
                ["Notices__BatchSize"] = "5",
                // A notice per step and person, and no held 督办: the outbox needs volume for the kills to land mid-run.
                ["Supervision__DigestNotices"] = "false",
                ["Supervision__MassSupervisionThreshold"] = "100000",
                // A killed sender's claim runs out after this; the next one takes its rows over. A sender
                // sends for half of it, which must outlast a claim's two queries on a loaded machine.
                ["Notices__Lease"] = "00:00:10",
                // A refused connection on a loaded machine is tried again soon, not after the production 30 s doubling.
                ["Notices__FirstRetry"] = "00:00:01",
                ["Notices__Smtp__Host"] = host,
                ["Notices__Smtp__Port"] = port,
                ["Notices__Smtp__From"] = "duban@luoshi.test",
                ["Notices__Smtp__SecureSocket"] = "None",
                // The processes run on the real clock: at night in Beijing quiet hours would hold the mail until morning.
                ["Notices__QuietHours__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            }, "serve", "--urls", "http://127.0.0.1:0");
        }
    }
}
