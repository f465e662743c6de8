using Luoshi.Data;
using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

/// <summary>
/// On every poll: the stored results behind their inputs (a change marked them, the office asked, or a
/// running period's day scored moved at midnight) are computed again, one scheme at a time, each in a scope
/// of its own. An instance claims a scheme before computing it, so two instances do not both compute it;
/// a claim left by a stopped instance lapses after <see cref="Lease"/>.
/// </summary>
internal sealed class RecomputeJob(IServiceScopeFactory scopes, BureauClock clock, ILogger<RecomputeJob> log) : IPolledJob
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public string Name => "考核结果重新计算";

    public async Task RunAsync(CancellationToken ct)
    {
        List<(int UnitId, int SchemeId)> behind;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var results = scope.ServiceProvider.GetRequiredService<StoredResults>();
            var open = await db.AssessmentSchemes.AsNoTracking().Where(s => !s.IsLocked).ToListAsync(ct);
            var rows = (await db.StoredAssessments.AsNoTracking().Where(r => db.AssessmentSchemes.Any(s => s.UnitId == r.UnitId && s.Id == r.SchemeId && !s.IsLocked))
                .Select(r => new StoredAssessment { UnitId = r.UnitId, SchemeId = r.SchemeId, InputVersion = r.InputVersion, ComputedVersion = r.ComputedVersion, AsOf = r.AsOf, Result = r.Result == null ? null : "" })
                .ToListAsync(ct)).ToDictionary(r => (r.UnitId, r.SchemeId));
            behind = [.. open.Where(s => !rows.TryGetValue((s.UnitId, s.Id), out var row) || !results.IsCurrent(row, s)).Select(s => (s.UnitId, s.Id))];
        }

        foreach (var (unitId, schemeId) in behind)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var now = clock.UtcNow;
            var until = now + Lease;
            var claimed = await db.StoredAssessments.Where(r => r.UnitId == unitId && r.SchemeId == schemeId && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, until), ct);
            var scheme = await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unitId && s.Id == schemeId && !s.IsLocked, ct);
            var exists = await db.StoredAssessments.AnyAsync(r => r.UnitId == unitId && r.SchemeId == schemeId, ct);
            if (scheme is null || (claimed == 0 && exists))
            {
                continue;
            }

            var state = await scope.ServiceProvider.GetRequiredService<StoredResults>().RecomputeAsync(scheme, ct);
            log.LogInformation("考核 {Scheme}（单位 {Unit}）已重新计算，截至 {AsOf}", schemeId, unitId, state.Result.AsOf);
        }
    }
}
