using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>
/// What the tamper-evident record holds of 改派: who moved the task from whom to whom, and
/// why. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class AssignmentRecordedKinds
{
    public static readonly RecordedSource Reassignment = new("reassign", o => o is Reassignment r ? r.Id : null, ReassignmentsAsync,
        (db, u, from, ct) => db.Reassignments.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> ReassignmentsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Reassignments.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("at", r.At), ("by", r.ById), ("fromSection", r.FromSectionId), ("toSection", r.ToSectionId),
            ("fromPerson", r.FromPersonId), ("toPerson", r.ToPersonId), ("reason", r.Reason), ("taskReturn", r.TaskReturnId), ("batch", r.BatchKey?.ToString())));
}
