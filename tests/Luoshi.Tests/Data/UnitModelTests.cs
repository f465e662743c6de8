using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Luoshi.Tests.Data;

/// <summary>The unit in the model (<see cref="UnitKeys"/>): every tenant-owned row is filtered to the
/// current unit, every key between tenant rows carries the unit, and indexes lead with it.</summary>
public class UnitModelTests
{
    /// <summary>Indexes of tenant tables that do not lead with the unit, on purpose.</summary>
    private static readonly HashSet<string> NotLedByUnit =
    [
        // The sender polls due deliveries of every unit at once (Notices/Outbox).
        "NoticeDelivery(Status,NextAttemptAt)",
        // The nightly clean-up deletes old rows of every unit by age alone.
        "AuditEntry(At)",
        "IdempotentRequest(CreatedAt)",
        // 交办: the assigning unit finds its parties, which live in the units below it, by its own unit and task.
        "DispatchParty(SourceUnitId,SourceTaskId)",
        // 消息必达: a tracked link /n/{token} is opened before the unit is known; the token is unguessable.
        "NoticeDelivery(ReadToken)",
    ];

    /// <summary>Keys from a tenant row to a tenant row of another unit, on purpose; each names that unit in its first column.</summary>
    private static readonly HashSet<string> AcrossUnits =
    [
        // A party of a 交办 belongs to the receiving unit and points at the assigner's task (Dispatch).
        "DispatchParty(SourceUnitId,SourceTaskId) → WorkTask",
    ];

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    private static LuoshiDb Context(string provider) => provider == "sqlite"
        ? new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql("Host=127.0.0.1;Database=model-check").Options);

    private static List<IEntityType> TenantTypes(LuoshiDb db) => [.. db.Model.GetEntityTypes().Where(UnitKeys.IsTenantOwned)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryTenantOwnedRowIsFilteredToTheCurrentUnit(string provider)
    {
        using var db = Context(provider);
        var types = TenantTypes(db);
        Assert.True(types.Count > 40, $"only {types.Count} tenant-owned types were found");
        var unfiltered = types.Where(t => t.FindDeclaredQueryFilter(UnitKeys.FilterName) is null).Select(t => t.ClrType.Name);
        Assert.Empty(unfiltered);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryKeyBetweenTenantRowsCarriesTheUnit(string provider)
    {
        using var db = Context(provider);
        var loose = TenantTypes(db).SelectMany(t => t.GetDeclaredForeignKeys())
            .Where(k => UnitKeys.IsTenantOwned(k.PrincipalEntityType) && k.Properties[0].Name != "UnitId")
            .Select(k => $"{k.DeclaringEntityType.ClrType.Name}({string.Join(",", k.Properties.Select(p => p.Name))}) → {k.PrincipalEntityType.ClrType.Name}")
            .ToHashSet();
        Assert.Empty(loose.Except(AcrossUnits));
        Assert.Empty(AcrossUnits.Except(loose));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryIndexOfATenantTableLeadsWithTheUnitUnlessListed(string provider)
    {
        using var db = Context(provider);
        var indexes = TenantTypes(db).SelectMany(t => t.GetDeclaredIndexes()).ToList();
        var notLed = indexes.Where(i => i.Properties[0].Name != "UnitId")
            .Select(i => $"{i.DeclaringEntityType.ClrType.Name}({string.Join(",", i.Properties.Select(p => p.Name))})")
            .ToHashSet();
        Assert.Empty(notLed.Except(NotLedByUnit));
        // An entry whose index is gone or now leads with the unit leaves the list.
        Assert.Empty(NotLedByUnit.Except(notLed));
    }
}
