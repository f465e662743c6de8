using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Arrival;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>One recipient of a 督办单's notice: whether and how he read it, and what 消息必达 did.</summary>
internal sealed record SheetReader(int PersonId, string Name, DateTime? ReadAt, NoticeReadVia? Via, DateTime? ResentAt, string? ResentBy)
{
    /// <summary>已读, 未读 or 未读（已再次送达）: the register's words, on its page, in its Excel and in the API.</summary>
    public string Status => ReadAt is not null ? "已读" : ResentAt is not null ? "未读（已再次送达）" : "未读";
}

/// <summary>
/// 督办单 and their readers, for the register's 已读/未读 and the sheet's 送达情况: the 督办 notices that
/// name the sheet (its own, or a run's digest listing it), each recipient once, read if any of his is.
/// </summary>
internal sealed class SheetArrival(LuoshiDb db)
{
    private static readonly NoticeKind[] SheetKinds = [NoticeKind.Supervise, NoticeKind.ManualSupervise];

    public async Task<ILookup<long, SheetReader>> ReadersAsync(int unitId, IReadOnlyCollection<long> sheetIds, CancellationToken ct)
    {
        if (sheetIds.Count == 0)
        {
            return Array.Empty<SheetReader>().ToLookup(r => 0L);
        }

        var ids = sheetIds.ToList();
        var own = db.Notices.Where(n => n.UnitId == unitId && n.StepId != null && ids.Contains(n.StepId.Value) && SheetKinds.Contains(n.Kind))
            .Select(n => new { Sheet = n.StepId!.Value, n.Id, n.RecipientId, n.ReadAt, n.ReadVia, n.ResentAt });
        var listed = db.NoticeDigestItems.Where(i => i.UnitId == unitId && i.StepId != null && ids.Contains(i.StepId.Value))
            .Join(db.Notices.Where(n => SheetKinds.Contains(n.Kind)), i => i.NoticeId, n => n.Id, (i, n) => new { Sheet = i.StepId!.Value, n.Id, n.RecipientId, n.ReadAt, n.ReadVia, n.ResentAt });
        var rows = await own.Concat(listed).ToListAsync(ct);
        var noticeIds = rows.Where(r => r.ResentAt != null).Select(r => r.Id).Distinct().ToList();
        var resends = await db.NoticeDeliveries.AsNoTracking().Where(d => d.UnitId == unitId && noticeIds.Contains(d.NoticeId) && d.Purpose == DeliveryPurpose.Resend)
            .Select(d => new { d.NoticeId, d.Channel }).ToListAsync(ct);
        var by = resends.GroupBy(d => d.NoticeId).ToDictionary(g => g.Key, g => ChannelWords.Of(g.First().Channel));
        var personIds = rows.Select(r => r.RecipientId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => p.UnitId == unitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.GroupBy(r => (r.Sheet, r.RecipientId))
            .Select(g =>
            {
                var read = g.Where(r => r.ReadAt != null).OrderBy(r => r.ReadAt).FirstOrDefault();
                var resent = g.Where(r => r.ResentAt != null).OrderBy(r => r.ResentAt).FirstOrDefault();
                return (g.Key.Sheet, Reader: new SheetReader(g.Key.RecipientId, names.GetValueOrDefault(g.Key.RecipientId, ""), read?.ReadAt, read?.ReadVia,
                    resent?.ResentAt, resent is null ? null : by.GetValueOrDefault(resent.Id)));
            })
            .OrderBy(x => x.Reader.PersonId)
            .ToLookup(x => x.Sheet, x => x.Reader);
    }

    /// <summary>The heads told of an unread notice of the sheet, by name, with when.</summary>
    public async Task<List<(string Name, DateTime At)>> ToldAsync(int unitId, long sheetId, CancellationToken ct) =>
        [.. (await db.Notices.AsNoTracking().Where(n => n.UnitId == unitId && n.StepId == sheetId && n.Kind == NoticeKind.UnreadEscalated)
            .Join(db.People, n => n.RecipientId, p => p.Id, (n, p) => new { p.Name, n.CreatedAt }).OrderBy(x => x.CreatedAt).ToListAsync(ct))
            .Select(x => (x.Name, x.CreatedAt))];
}

/// <summary>A 消息必达 re-send written to the task's history, in the re-send's transaction.</summary>
internal sealed class ResendHistory(LuoshiDb db, Shared.BureauClock clock) : INoticeResent
{
    public async Task ResentAsync(Notice notice, string recipient, string? via, IReadOnlyList<string> told, CancellationToken ct)
    {
        if (notice.TaskId is not { } taskId)
        {
            return;
        }

        var sheet = notice.StepId is { } step ? await db.EscalationSteps.AsNoTracking().Where(s => s.Id == step).Select(s => new { s.Year, s.Sequence }).FirstOrDefaultAsync(ct) : null;
        var what = sheet?.Sequence is { } n ? $"督办〔{sheet.Year}〕{n}号" : notice.Kind.Chinese();
        db.TaskEvents.Add(new Tasks.TaskEvent
        {
            UnitId = notice.UnitId, TaskId = taskId, At = clock.UtcNow, Kind = "resend",
            Summary = $"消息必达：{recipient}未读{what}，{(via is null ? "无其他渠道可再次送达" : $"已通过{via}再次送达")}{(told.Count > 0 ? "，并告知" + string.Join("、", told) : "")}",
        });
    }
}
