using System.Diagnostics;
using System.Text.Json;
using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Assessment;

/// <summary>A scheme's result as read for showing, with when it was computed and whether a newer one is on its way.</summary>
internal sealed record StoredResultState(AssessmentResult Result, DateTime ComputedAt, bool Recomputing);

/// <summary>
/// Reads and writes the stored results (<see cref="StoredAssessment"/>). A page or the API reads the stored
/// result even while it is behind its inputs (and says so); only a scheme that has never been computed is
/// computed while the reader waits. <see cref="RecomputeJob"/> computes the ones behind.
/// </summary>
internal sealed class StoredResults(LuoshiDb db, AssessmentData data, BureauClock clock, IMemoryCache cache)
{
    public async Task<StoredResultState> ReadAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        if (scheme.LockedResult is { } frozen)
        {
            return new(JsonSerializer.Deserialize<AssessmentResult>(frozen, AssessmentData.FrozenJson)!, scheme.LockedAt ?? scheme.CreatedAt, false);
        }

        // The versions first; the result itself (its JSON grows with the period's tasks) only when this
        // instance has not read that very computation before.
        var row = await db.StoredAssessments.AsNoTracking().Where(r => r.UnitId == scheme.UnitId && r.SchemeId == scheme.Id)
            .Select(r => new StoredAssessment { UnitId = r.UnitId, SchemeId = r.SchemeId, InputVersion = r.InputVersion, ComputedVersion = r.ComputedVersion, AsOf = r.AsOf, ComputedAt = r.ComputedAt, Result = r.Result == null ? null : "" })
            .FirstOrDefaultAsync(ct);
        if (row is not { Result: not null, ComputedAt: { } at })
        {
            return await RecomputeAsync(scheme, ct);
        }

        var key = ("assessment-result", scheme.UnitId, scheme.Id, row.ComputedVersion, row.AsOf, at);
        if (!cache.TryGetValue(key, out AssessmentResult? result) || result is null)
        {
            // The computation whose versions were read: a newer one stored in between is read on the next request.
            var json = await db.StoredAssessments.Where(r => r.UnitId == scheme.UnitId && r.SchemeId == scheme.Id && r.ComputedAt == at && r.ComputedVersion == row.ComputedVersion)
                .Select(r => r.Result).FirstOrDefaultAsync(ct);
            if (json is null)
            {
                return await ReadAsync(scheme, ct);
            }

            result = JsonSerializer.Deserialize<AssessmentResult>(json, AssessmentData.FrozenJson)!;
            // Immutable records, shared by the readers; a newer computation has another key.
            cache.Set(key, result, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return new(result, at, !IsCurrent(row, scheme));
    }

    /// <summary>Computed from the inputs as of the version it names and for today's day scored.</summary>
    public bool IsCurrent(StoredAssessment row, AssessmentScheme scheme) =>
        row.Result is not null && row.ComputedVersion == row.InputVersion && row.AsOf == AsOf(scheme);

    public DateOnly AsOf(AssessmentScheme scheme) => clock.Today < scheme.PeriodEnd ? clock.Today : scheme.PeriodEnd;

    /// <summary>Computes the result afresh and stores it, unless a result of a later version was stored meanwhile.
    /// The version is read before the inputs: a change committed while they are read leaves the row behind
    /// (its version moved past the one stored), so it is computed once more rather than missed.</summary>
    public async Task<StoredResultState> RecomputeAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var version = await VersionAsync(scheme, ct);
        var watch = Stopwatch.StartNew();
        var result = ScoreCalculator.Compute(await data.InputsAsync(scheme, ct));
        var json = JsonSerializer.Serialize(result, AssessmentData.FrozenJson);
        var now = clock.UtcNow;
        var ms = (int)watch.ElapsedMilliseconds;
        await db.StoredAssessments.Where(r => r.UnitId == scheme.UnitId && r.SchemeId == scheme.Id && r.ComputedVersion <= version)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Result, json).SetProperty(r => r.ComputedVersion, version).SetProperty(r => r.AsOf, (DateOnly?)result.AsOf)
                .SetProperty(r => r.ComputedAt, (DateTime?)now).SetProperty(r => r.ComputeMilliseconds, ms).SetProperty(r => r.ClaimedUntil, (DateTime?)null), ct);
        var current = await VersionAsync(scheme, ct);
        return new(result, now, current != version);
    }

    /// <summary>The office's 重新计算: the stored result is marked behind, and the job computes it on its next round.</summary>
    public async Task RequestAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        await VersionAsync(scheme, ct);
        await db.StoredAssessments.Where(r => r.UnitId == scheme.UnitId && r.SchemeId == scheme.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InputVersion, r => r.InputVersion + 1).SetProperty(r => r.ClaimedUntil, (DateTime?)null), ct);
    }

    /// <summary>The row's input version, making the row first if the scheme has none (two at once: one insert wins).</summary>
    private async Task<long> VersionAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StoredAssessments" ("UnitId", "SchemeId", "InputVersion", "ComputedVersion", "ComputeMilliseconds") VALUES ({scheme.UnitId}, {scheme.Id}, 1, 0, 0) ON CONFLICT DO NOTHING""", ct);
        return await db.StoredAssessments.Where(r => r.UnitId == scheme.UnitId && r.SchemeId == scheme.Id).Select(r => r.InputVersion).FirstAsync(ct);
    }
}
