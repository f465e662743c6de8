using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Reports;

/// <summary>Once per bureau date: uploads that no report took within a day are removed, rows and files.</summary>
internal sealed class UnattachedEvidenceJob(IServiceScopeFactory scopes, BureauClock clock, ILogger<UnattachedEvidenceJob> log) : IDailyJob
{
    public string Name => "清理未用附件";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<EvidenceFiles>().RemoveUnattachedAsync(clock.UtcNow.AddDays(-1), ct);
        log.LogInformation("Unattached evidence uploads older than a day removed: {Removed}", removed);
    }
}
