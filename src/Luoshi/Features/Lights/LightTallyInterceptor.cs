using Luoshi.Data;

namespace Luoshi.Features.Lights;

/// <summary>
/// Every save that adds a task or moves its light or lead section carries the matching
/// <see cref="LightTally"/> deltas, written after the rows inside the save's transaction: the counts and
/// the tasks commit or roll back together.
/// </summary>
internal sealed class LightTallyInterceptor : BesideSaveInterceptor<List<(LightTally.Key Key, int Delta)>>
{
    public static readonly LightTallyInterceptor Instance = new();

    protected override List<(LightTally.Key Key, int Delta)>? Take(LuoshiDb db) => LightTally.Deltas(db.ChangeTracker) is { Count: > 0 } deltas ? deltas : null;

    protected override Task WriteAsync(LuoshiDb db, List<(LightTally.Key Key, int Delta)> taken, CancellationToken ct) => LightTally.ApplyAsync(db, taken, ct);
}
