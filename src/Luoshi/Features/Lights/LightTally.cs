using Luoshi.Data;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Features.Lights;

/// <summary>
/// Keeps <see cref="SectionLightCount"/> true. Every save that adds a task, or changes a task's
/// light or lead section, carries the matching +1/−1 in the same transaction; the daily refresh
/// recounts a unit from the tasks themselves.
/// </summary>
internal static class LightTally
{
    internal readonly record struct Key(int UnitId, int SectionId, Light Light);

    public static List<(Key Key, int Delta)> Deltas(ChangeTracker tracker)
    {
        var deltas = new Dictionary<Key, int>();
        void Add(Key key, int delta) => deltas[key] = deltas.GetValueOrDefault(key) + delta;
        foreach (var entry in tracker.Entries<WorkTask>())
        {
            var task = entry.Entity;
            var before = new Key(task.UnitId, entry.OriginalValues.GetValue<int>(nameof(WorkTask.LeadSectionId)), entry.OriginalValues.GetValue<Light>(nameof(WorkTask.Light)));
            var after = new Key(task.UnitId, task.LeadSectionId, task.Light);
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(after, 1);
                    break;
                case EntityState.Deleted:
                    Add(before, -1);
                    break;
                case EntityState.Modified when before != after:
                    Add(before, -1);
                    Add(after, 1);
                    break;
            }
        }

        // A fixed order of rows, so that concurrent saves take their row locks in the same order.
        return [.. deltas.Where(d => d.Value != 0).OrderBy(d => d.Key.UnitId).ThenBy(d => d.Key.SectionId).ThenBy(d => d.Key.Light).Select(d => (d.Key, d.Value))];
    }

    /// <summary>One upsert for all deltas; the same SQL runs on SQLite and PostgreSQL.</summary>
    public static Task ApplyAsync(LuoshiDb db, List<(Key Key, int Delta)> deltas, CancellationToken ct)
    {
        var values = string.Join(", ", deltas.Select((_, i) => $"({{{i * 4}}}, {{{(i * 4) + 1}}}, {{{(i * 4) + 2}}}, {{{(i * 4) + 3}}})"));
        var parameters = deltas.SelectMany(d => new object[] { d.Key.UnitId, d.Key.SectionId, (int)d.Key.Light, d.Delta }).ToArray();
        // Only {n} placeholders are spliced in; every value travels as a parameter.
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync(
            $"""
            INSERT INTO "SectionLightCounts" ("UnitId", "SectionId", "Light", "Count") VALUES {values}
            ON CONFLICT ("UnitId", "SectionId", "Light") DO UPDATE SET "Count" = "SectionLightCounts"."Count" + excluded."Count"
            """, parameters, ct);
#pragma warning restore EF1002
    }

    /// <summary>Counts a unit afresh from its tasks (after a bulk change of lights).</summary>
    public static async Task RecountAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "SectionLightCounts" WHERE "UnitId" = {unitId}""", ct);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SectionLightCounts" ("UnitId", "SectionId", "Light", "Count")
            SELECT "UnitId", "LeadSectionId", "Light", COUNT(*) FROM "Tasks" WHERE "UnitId" = {unitId} GROUP BY "UnitId", "LeadSectionId", "Light"
            ON CONFLICT ("UnitId", "SectionId", "Light") DO UPDATE SET "Count" = excluded."Count"
            """, ct);
    }
}
