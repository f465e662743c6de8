using Luoshi.Data;

namespace Luoshi.Features.Record;

/// <summary>
/// Writes what was appended with <see cref="RecordChain.Append"/>: the entries leave the save (their
/// rows have no ids yet) and are written right after it, with the rows' content as the database holds
/// it, inside the save's transaction. So a row and its entry are saved together or not at all.
/// </summary>
internal sealed class RecordInterceptor(RecordHashing hashing) : BesideSaveInterceptor<List<RecordEntry>>
{
    /// <summary>New entries are hashed with SM3 when 国密 is on (<c>Crypto:Guomi</c>), else SHA-256.</summary>
    public static RecordInterceptor For(IConfiguration config) => new(Guomi.On(config) ? RecordHashing.Sm3 : RecordHashing.Sha256);

    protected override List<RecordEntry>? Take(LuoshiDb db) => RecordChain.TakePending(db.ChangeTracker) is { Count: > 0 } pending ? pending : null;

    protected override Task WriteAsync(LuoshiDb db, List<RecordEntry> taken, CancellationToken ct) => RecordChain.WriteAsync(db, taken, hashing, ct);
}
