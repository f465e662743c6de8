using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Luoshi.Tests.Notices;

/// <summary>Notices for the inbox tests, by each path the app writes them (EF saves and PostgreSQL's
/// COPY), and the check that the kept counts equal the notices counted afresh.</summary>
internal static class InboxData
{
    public static Notice New(Bureau b, string person, NoticeKind kind, string title) => new()
    {
        UnitId = b.UnitId, RecipientId = b.Person(person), Kind = kind, Title = title, Body = "测试消息正文", CreatedAt = DateTime.UtcNow,
    };

    /// <summary>Through an EF save, as the features add them.</summary>
    public static async Task AddAsync(Bureau b, string person, NoticeKind kind, int count)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        db.Notices.AddRange(Enumerable.Range(0, count).Select(i => New(b, person, kind, $"消息{i}")));
        await db.SaveChangesAsync();
    }

    /// <summary>By COPY in a transaction, as a big escalation run on PostgreSQL writes them.</summary>
    public static async Task CopyAsync(Bureau b, string person, NoticeKind kind, int count)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var batch = new NoticeBatch();
        batch.Notices.AddRange(Enumerable.Range(0, count).Select(i => New(b, person, kind, $"批量消息{i}")));
        await batch.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>The kept counts of the unit, by person and kind (zero rows left out).</summary>
    public static Task<Dictionary<(int, NoticeKind), int>> KeptAsync(Bureau b) => b.WithDbAsync(d =>
        d.NoticeCounters.Where(c => c.UnitId == b.UnitId && c.Unread != 0).ToDictionaryAsync(c => (c.PersonId, c.Kind), c => c.Unread));

    /// <summary>The same counted from the notices.</summary>
    public static Task<Dictionary<(int, NoticeKind), int>> CountedAsync(Bureau b) => b.WithDbAsync(d =>
        d.Notices.Where(n => n.UnitId == b.UnitId && n.ReadAt == null).GroupBy(n => new { n.RecipientId, n.Kind })
            .Select(g => new { g.Key.RecipientId, g.Key.Kind, Count = g.Count() }).ToDictionaryAsync(x => (x.RecipientId, x.Kind), x => x.Count));

    public static async Task AssertCountsTrueAsync(Bureau b)
    {
        var kept = await KeptAsync(b);
        var counted = await CountedAsync(b);
        Assert.Equal(counted.OrderBy(x => x.Key), kept.OrderBy(x => x.Key));
    }

    public static async Task<int> UnreadAsync(Bureau b, string person)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Inbox>().UnreadCountAsync(Viewer(b, person));
    }

    public static Luoshi.Features.Organisation.Viewer Viewer(Bureau b, string person) =>
        new(b.Person(person), b.UnitId, person, Luoshi.Features.Organisation.Role.Staff, null, []);
}
