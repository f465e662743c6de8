namespace Luoshi.Features.Record;

/// <summary>
/// One link of a unit's tamper-evident record (留痕): what was recorded (canonical JSON), the hash of
/// that content, and a hash tying it to the entry before. Written once by <see cref="RecordChain"/>;
/// the app never updates or deletes it (<c>LuoshiDb</c> refuses to).
/// </summary>
internal sealed class RecordEntry
{
    public long Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>1, 2, 3… within the unit, without gaps: a missing number is a deleted entry. Null until
    /// the entry is sealed into the chain (<see cref="RecordSealer"/>), seconds after it is written.</summary>
    public long? Seq { get; set; }

    /// <summary>What happened: "report", "extension-request", "extension-decision", …</summary>
    public required string Kind { get; set; }

    /// <summary>The recorded row, as "report:123": verify compares its current state with the latest entry.</summary>
    public string EntityKey { get; set; } = "";

    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public string Content { get; set; } = "";
    public string ContentHash { get; set; } = "";

    /// <summary>How <see cref="ContentHash"/> and <see cref="Hash"/> are computed, fixed when the entry is written.</summary>
    public RecordHashing Hashing { get; set; }

    /// <summary>Empty until sealed.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Empty until sealed.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Until the entry is sealed: the row it records, whose id the database has not given yet.</summary>
    internal object? Source { get; set; }
}

/// <summary>The end of a unit's chain. The sealer advances it under the row's lock, so two sealers
/// (two instances) take turns instead of both linking to the same entry.</summary>
internal sealed class RecordHead
{
    public int UnitId { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
}
