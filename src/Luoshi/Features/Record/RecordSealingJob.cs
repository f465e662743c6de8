using Luoshi.Data;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Record;

/// <summary>On every poll, links the record entries written since the last one into their chains, and
/// now and then anchors the chain ends outside the database.</summary>
internal sealed class RecordSealingJob(IServiceScopeFactory scopes, RecordAnchorer anchorer, UnitSigner signer) : IPolledJob
{
    public string Name => "留痕封存";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        await RecordSealer.SealAllAsync(db, signer, ct);
        await anchorer.AnchorAsync(db, ct);
    }
}
