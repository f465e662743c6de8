using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// On 印发, each section the bulletin speaks of (the lead section of an item it counts) is told, in
/// the transaction that issues it: its heads (or, in a section without a head, its members) get a
/// notice that opens the section's own 本科室情况 of the same period and choice, never the numbered
/// file, which stays with the office and the leaders.
/// </summary>
internal sealed class BulletinNotices(LuoshiDb db, NoticeOutbox outbox)
{
    public async Task AddAsync(int unitId, Review review, string number, DateTime now, CancellationToken ct)
    {
        var sections = review.SectionIds.ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.IsActive && p.SectionId != null && sections.Contains(p.SectionId.Value) && (p.Role == Role.SectionHead || p.Role == Role.Staff))
            .ToListAsync(ct);
        var recipients = people.GroupBy(p => p.SectionId).SelectMany(g => g.Any(p => p.Role == Role.SectionHead) ? g.Where(p => p.Role == Role.SectionHead) : g);
        var batch = new NoticeBatch();
        NoticeOutbox.Add(batch, await outbox.RoutesAsync(unitId, ct), recipients, new Notice
        {
            UnitId = unitId, Kind = NoticeKind.Bulletin, Title = $"【督查通报】{review.Period.Label}督查通报已印发（{number}）",
            Body = $"办公室已印发{review.Period.Label}督查通报。请下载本科室情况，对照红灯、黄灯和逾期事项逐项落实，在下期进展中一并报告。",
            Link = $"/Reviews?handler=Word&{review.Period.Query(review.CountedPlans, review.Kinds)}",
        }, now);
        batch.AddTo(db);
    }
}
