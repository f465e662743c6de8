using System.Collections.Concurrent;
using Luoshi.Crypto;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// Signs for a unit with its SM2 key when 国密 is on (<see cref="Enabled"/>); the key pair is made on
/// first use. Two instances making it at once both insert and one insert wins: each then signs with the
/// key that is stored. The opened private keys are kept in memory, so a seal every few seconds does not
/// decrypt each time.
/// </summary>
internal sealed class UnitSigner(IConfiguration config, SecretBox box, TimeProvider time)
{
    private const string Purpose = "Luoshi.UnitSigningKey";

    private readonly ConcurrentDictionary<(int Unit, string PublicKey), string> _opened = new();

    public bool Enabled { get; } = Guomi.On(config);

    /// <summary>The SM2 signature (r‖s, hex) of <paramref name="message"/> by the unit's key.</summary>
    public async Task<string> SignAsync(LuoshiDb db, int unitId, byte[] message, CancellationToken ct)
    {
        var key = await KeyAsync(db, unitId, ct);
        var privateKey = _opened.GetOrAdd((unitId, key.PublicKey), _ => box.Unprotect(Purpose, key.PrivateKey));
        return Sm2.Sign(privateKey, message);
    }

    /// <summary>The chain end (<paramref name="seq"/>, <paramref name="hash"/>) signed, to be saved in the seal's transaction.</summary>
    public async Task<RecordSeal> SealAsync(LuoshiDb db, int unitId, long seq, string hash, CancellationToken ct) => new()
    {
        UnitId = unitId, Seq = seq, Hash = hash, SignedAt = time.GetUtcNow().UtcDateTime,
        Signature = await SignAsync(db, unitId, RecordSeal.Message(unitId, seq, hash), ct),
    };

    public static bool Verify(string publicKey, byte[] message, string signature) => Sm2.Verify(publicKey, message, signature);

    private async Task<UnitSigningKey> KeyAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        var stored = await db.UnitSigningKeys.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().FirstOrDefaultAsync(k => k.UnitId == unitId, ct);
        if (stored is not null)
        {
            return stored;
        }

        var pair = Sm2.Generate();
        var (publicKey, privateKey, at) = (pair.PublicKey, box.Protect(Purpose, pair.PrivateKey), time.GetUtcNow().UtcDateTime);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "UnitSigningKeys" ("UnitId", "PublicKey", "PrivateKey", "CreatedAt") VALUES ({unitId}, {publicKey}, {privateKey}, {at})
            ON CONFLICT ("UnitId") DO NOTHING
            """, ct);
        return await db.UnitSigningKeys.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().SingleAsync(k => k.UnitId == unitId, ct);
    }
}
