using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

/// <summary>
/// What the tamper-evident record holds of a 批示件: each 批示 (the first and every 再次批示) and each
/// 办理情况报告 with the leader's answer (recorded again when the answer is written). The canonical content
/// is read the same way when an entry is written and when it is verified, so its bytes must not change
/// once entries exist. Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class DirectiveRecordedKinds
{
    public static readonly RecordedSource Instruction = new("directive-instruction", o => o is DirectiveInstruction i ? i.Id : null, InstructionsAsync,
        (db, u, from, ct) => db.DirectiveInstructions.Where(i => i.UnitId == u && i.Id >= from).Select(i => i.Id).ToListAsync(ct));

    public static readonly RecordedSource Report = new("directive-report", o => o is DirectiveReport r ? r.Id : null, ReportsAsync,
        (db, u, from, ct) => db.DirectiveReports.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> InstructionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.DirectiveInstructions.AsNoTracking().Where(i => i.UnitId == unitId && ids.Contains(i.Id)).ToListAsync(ct))
        .ToDictionary(i => i.Id, i => CanonicalJson.Object(
            ("id", i.Id), ("task", i.TaskId), ("round", i.Round), ("text", i.Text), ("givenOn", i.GivenOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("dueDate", i.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("recordedBy", i.RecordedById), ("recordedAt", i.RecordedAt)));

    private static async Task<Dictionary<long, string>> ReportsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.DirectiveReports.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("round", r.Round), ("text", r.Text), ("evidence", r.Evidence), ("submittedBy", r.SubmittedById), ("submittedAt", r.SubmittedAt),
            ("response", r.Response is { } x ? (int)x : null), ("opinion", r.Opinion),
            ("respondedOn", r.RespondedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("recordedBy", r.RecordedById), ("recordedAt", r.RecordedAt)));
}
