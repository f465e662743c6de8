using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Instructions;

/// <summary>
/// What the tamper-evident record holds of leaders' instructions (领导批示) and their
/// acknowledgement. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class InstructionRecordedKinds
{
    public static readonly RecordedSource Instruction = new("instruction", o => o is Instruction i ? i.Id : null, InstructionsAsync,
        (db, u, from, ct) => db.Instructions.Where(i => i.UnitId == u && i.Id >= from).Select(i => i.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> InstructionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Instructions.AsNoTracking().Where(i => i.UnitId == unitId && ids.Contains(i.Id)).ToListAsync(ct))
        .ToDictionary(i => i.Id, i => CanonicalJson.Object(
            ("id", i.Id), ("task", i.TaskId), ("sheet", i.StepId), ("leader", i.LeaderId), ("text", i.Text), ("writtenAt", i.WrittenAt),
            ("acknowledgedAt", i.AcknowledgedAt), ("acknowledgedBy", i.AcknowledgedById)));
}
