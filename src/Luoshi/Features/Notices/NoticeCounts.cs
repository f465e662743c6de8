using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Luoshi.Features.Notices;

/// <summary>
/// Keeps <see cref="NoticeCounter"/> true: every save that adds, reads or removes notices carries the
/// matching +n/−n in its own transaction (<see cref="NoticeCountInterceptor"/>, and
/// <see cref="NoticeBatch.CopyAsync"/> for COPY), as one atomic upsert that adds to the stored value,
/// so two writers for one person never lose each other's increment. The reads in
/// <see cref="Inbox"/> decrement by what their UPDATE really changed.
/// </summary>
internal static class NoticeCounts
{
    internal readonly record struct Key(int UnitId, int PersonId, NoticeKind Kind);

    /// <summary>Beyond this many rows one statement would pass SQLite's limit of parameters.</summary>
    private const int RowsPerStatement = 500;

    public static List<(Key Key, int Delta)> Deltas(ChangeTracker tracker)
    {
        var deltas = new Dictionary<Key, int>();
        void Add(Notice n, int delta) => deltas[new Key(n.UnitId, n.RecipientId, n.Kind)] = deltas.GetValueOrDefault(new Key(n.UnitId, n.RecipientId, n.Kind)) + delta;
        foreach (var entry in tracker.Entries<Notice>())
        {
            var wasUnread = entry.OriginalValues.GetValue<DateTime?>(nameof(Notice.ReadAt)) is null;
            var isUnread = entry.Entity.ReadAt is null;
            switch (entry.State)
            {
                case EntityState.Added when isUnread:
                    Add(entry.Entity, 1);
                    break;
                case EntityState.Deleted when wasUnread:
                    Add(entry.Entity, -1);
                    break;
                case EntityState.Modified when wasUnread != isUnread:
                    Add(entry.Entity, isUnread ? 1 : -1);
                    break;
            }
        }

        return Ordered(deltas);
    }

    /// <summary>The deltas of notices copied in: COPY stores no read time, so each is unread.</summary>
    public static List<(Key Key, int Delta)> Deltas(IEnumerable<Notice> copied) =>
        Ordered(copied.GroupBy(n => new Key(n.UnitId, n.RecipientId, n.Kind)).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>A fixed order of rows, so that concurrent writers take their row locks in the same order.</summary>
    private static List<(Key Key, int Delta)> Ordered(Dictionary<Key, int> deltas) =>
        [.. deltas.Where(d => d.Value != 0).OrderBy(d => d.Key.UnitId).ThenBy(d => d.Key.PersonId).ThenBy(d => d.Key.Kind).Select(d => (d.Key, d.Value))];

    /// <summary>Adds the deltas to the stored counts (creating missing rows); the same SQL on SQLite and PostgreSQL.</summary>
    public static async Task ApplyAsync(LuoshiDb db, List<(Key Key, int Delta)> deltas, CancellationToken ct)
    {
        foreach (var chunk in deltas.Chunk(RowsPerStatement))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{i * 4}}}, {{{(i * 4) + 1}}}, {{{(i * 4) + 2}}}, {{{(i * 4) + 3}}})"));
            var parameters = chunk.SelectMany(d => new object[] { d.Key.UnitId, d.Key.PersonId, (int)d.Key.Kind, d.Delta }).ToArray();
            // Only {n} placeholders are spliced in; every value travels as a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"{Upsert} VALUES {values} {OnConflict}", parameters, ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>The same on PostgreSQL's own connection, for a batch that went in by COPY: one statement whatever its size.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, List<(Key Key, int Delta)> deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"{Upsert} SELECT * FROM unnest(@units, @people, @kinds, @deltas) {OnConflict}", connection);
        command.Parameters.AddWithValue("units", deltas.Select(d => d.Key.UnitId).ToArray());
        command.Parameters.AddWithValue("people", deltas.Select(d => d.Key.PersonId).ToArray());
        command.Parameters.AddWithValue("kinds", deltas.Select(d => (int)d.Key.Kind).ToArray());
        command.Parameters.AddWithValue("deltas", deltas.Select(d => d.Delta).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    private const string Upsert = """INSERT INTO "NoticeCounters" ("UnitId", "PersonId", "Kind", "Unread")""";

    private const string OnConflict = """ON CONFLICT ("UnitId", "PersonId", "Kind") DO UPDATE SET "Unread" = "NoticeCounters"."Unread" + excluded."Unread" """;
}
