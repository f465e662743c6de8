using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>The unread counts kept beside the notices stay equal to the notices counted afresh,
/// whatever path wrote them and however many writers ran at once, and the daily check sets a broken
/// one right.</summary>
public class NoticeCountTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task CountsEqualTheNoticesAfterMixedInsertsReadsAndReadAll(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 7);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 4);
        await InboxData.AddAsync(b, "staffB", NoticeKind.Urge, 3);
        // The features' own path: one notice per recipient of an action, in the action's save.
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var notices = scope.ServiceProvider.GetRequiredService<PersonNotices>();
            await notices.AddAsync(b.UnitId, [b.Person("staffA"), b.Person("staffB")], NoticeKind.ManualUrge, null, "【催办】人工催办", "请尽快报送", DateTime.UtcNow, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<LuoshiDb>().SaveChangesAsync();
        }

        if (db == "postgres")
        {
            await InboxData.CopyAsync(b, "staffA", NoticeKind.Supervise, 25);
            await InboxData.CopyAsync(b, "staffB", NoticeKind.Urge, 5);
        }

        var copied = db == "postgres" ? 25 : 0;
        await InboxData.AssertCountsTrueAsync(b);
        Assert.Equal(7 + 4 + 1 + copied, await InboxData.UnreadAsync(b, "staffA"));

        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
            var staffA = InboxData.Viewer(b, "staffA");
            var one = (await inbox.PageAsync(staffA, new InboxFilter(Kinds: [NoticeKind.Remind]), 1)).Notices.Single();
            Assert.True(await inbox.MarkReadAsync(staffA, one.Id));
            // Read twice: the count moves once.
            Assert.True(await inbox.MarkReadAsync(staffA, one.Id));
            Assert.Equal(7 + 3 + 1 + copied, await inbox.UnreadCountAsync(staffA));
            Assert.Equal(7, await inbox.MarkAllReadAsync(staffA, [NoticeKind.Urge]));
            Assert.Equal(3 + 1 + copied, await inbox.UnreadCountAsync(staffA));
            await InboxData.AssertCountsTrueAsync(b);
            Assert.Equal(3 + 1 + copied, await inbox.MarkAllReadAsync(staffA, null));
            Assert.Equal(0, await inbox.UnreadCountAsync(staffA));
            Assert.Equal(0, await inbox.MarkAllReadAsync(staffA, null));
        }

        // The other person's notices were not touched.
        Assert.Equal(3 + 1 + (db == "postgres" ? 5 : 0), await InboxData.UnreadAsync(b, "staffB"));
        await InboxData.AssertCountsTrueAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task InsertsAndReadsForOnePersonAtOnceLoseNoIncrement(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 10);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 16).Select(async i =>
        {
            await gate.Task;
            switch (i % 4)
            {
                case 0 when db == "postgres":
                    await InboxData.CopyAsync(b, "staffA", NoticeKind.Urge, 20);
                    break;
                case 3:
                    // Readers among the writers: whatever they read comes off the count once.
                    await using (var scope = b.App.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<Inbox>().MarkAllReadAsync(InboxData.Viewer(b, "staffA"), [NoticeKind.Remind, NoticeKind.Urge]);
                    }

                    break;
                default:
                    await InboxData.AddAsync(b, "staffA", i % 2 == 0 ? NoticeKind.Urge : NoticeKind.Supervise, 5);
                    break;
            }
        }).ToList();
        gate.SetResult();
        await Task.WhenAll(writers);

        await InboxData.AssertCountsTrueAsync(b);
        var counted = await b.WithDbAsync(d => d.Notices.CountAsync(n => n.RecipientId == b.Person("staffA") && n.ReadAt == null));
        Assert.Equal(counted, await InboxData.UnreadAsync(b, "staffA"));
        // Every 督办 written is still unread (nobody read that kind): no increment was lost.
        Assert.Equal(4 * 5, await b.WithDbAsync(d => d.NoticeCounters.Where(c => c.PersonId == b.Person("staffA") && c.Kind == NoticeKind.Supervise).SumAsync(c => c.Unread)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDailyCheckSetsABrokenCountRight(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 6);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 2);
        await InboxData.AddAsync(b, "staffB", NoticeKind.Supervise, 3);
        var staffA = b.Person("staffA");
        var staffB = b.Person("staffB");
        // Broken three ways: a wrong number, a lost row, and a count with no notices behind it.
        await b.WithDbAsync(d => d.NoticeCounters.Where(c => c.PersonId == staffA && c.Kind == NoticeKind.Urge).ExecuteUpdateAsync(s => s.SetProperty(c => c.Unread, 999)));
        await b.WithDbAsync(d => d.NoticeCounters.Where(c => c.PersonId == staffB).ExecuteDeleteAsync());
        await b.WithDbAsync(async d =>
        {
            d.NoticeCounters.Add(new NoticeCounter { UnitId = b.UnitId, PersonId = staffA, Kind = NoticeKind.Instruction, Unread = 4 });
            return await d.SaveChangesAsync();
        });
        Assert.Equal(999 + 2 + 4, await InboxData.UnreadAsync(b, "staffA"));

        var fixes = await b.WithDbAsync(d => NoticeCountRepair.RepairAsync(d, b.UnitId, CancellationToken.None));
        Assert.Equal<(int, NoticeKind, int, int)>(
            [(staffA, NoticeKind.Urge, 999, 6), (staffA, NoticeKind.Instruction, 4, 0), (staffB, NoticeKind.Supervise, 0, 3)],
            fixes.Select(f => (f.Key.PersonId, f.Key.Kind, f.Kept, f.Actual)).ToArray());
        await InboxData.AssertCountsTrueAsync(b);
        Assert.Equal(8, await InboxData.UnreadAsync(b, "staffA"));
        Assert.Equal(3, await InboxData.UnreadAsync(b, "staffB"));
        Assert.Empty(await b.WithDbAsync(d => NoticeCountRepair.RepairAsync(d, b.UnitId, CancellationToken.None)));
    }

    [Fact]
    public async Task TheCheckRunsAsADailyJobOfTheScheduler()
    {
        var app = TestApp.For("sqlite");
        var jobs = app.Services.GetServices<Luoshi.Features.Shared.Jobs.IDailyJob>();
        Assert.Contains(jobs, j => j is NoticeCountRepair);
        var b = await Bureau.CreateAsync("sqlite");
        await InboxData.AddAsync(b, "staffC", NoticeKind.Urge, 2);
        await b.WithDbAsync(d => d.NoticeCounters.Where(c => c.PersonId == b.Person("staffC")).ExecuteUpdateAsync(s => s.SetProperty(c => c.Unread, 0)));
        await app.Services.GetRequiredService<NoticeCountRepair>().RunAsync(CancellationToken.None);
        Assert.Equal(2, await InboxData.UnreadAsync(b, "staffC"));
    }
}
