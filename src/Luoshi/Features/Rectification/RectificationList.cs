using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

internal sealed record MeasureRow(int TaskId, string Title, string Section, string? Person, DateOnly DueDate, Light Light, LightReason Reason, int Percent, DateOnly? CompletedOn, bool ClaimPending)
{
    public string Progress => CompletedOn is not null ? "已完成" : Percent > 0 ? $"推进中（{Percent}%）" : "未开始";

    public string CloseOut => CompletedOn is { } done ? $"已销号（{done:yyyy-MM-dd}）" : ClaimPending ? "办结待审核" : "未销号";
}

internal sealed record ProblemRow(int Id, int Number, string Title, string Category, string Leader, int OpinionCount, IReadOnlyList<MeasureRow> Measures)
{
    /// <summary>Closed when it has measures and every one is done (销号).</summary>
    public bool Closed => Measures.Count > 0 && Measures.All(m => m.CompletedOn is not null);

    public int Done => Measures.Count(m => m.CompletedOn is not null);
}

internal sealed record OpinionRow(int Id, string Receipt, OpinionSource Source, string Content, string? SubmitterName, string? Contact, DateTime ReceivedAt, int? ProblemId, string? Problem);

/// <summary>The three lists as the viewer may see them.</summary>
internal static class RectificationList
{
    public static async Task<List<ProblemRow>> ProblemsAsync(LuoshiDb db, Viewer viewer, CancellationToken ct)
    {
        var measures = await (
            from m in db.RectificationMeasures
            join t in db.Tasks.VisibleTo(viewer) on m.TaskId equals t.Id
            join s in db.Sections on t.LeadSectionId equals s.Id
            join p in db.People on t.ResponsiblePersonId equals p.Id into people
            from p in people.DefaultIfEmpty()
            where m.UnitId == viewer.UnitId
            orderby t.DueDate, t.Id
            select new
            {
                m.ProblemId,
                Row = new MeasureRow(t.Id, t.Title, s.Name, p == null ? null : p.Name, t.DueDate, t.Light, t.LightReason, t.ProgressPercent, t.CompletedOn,
                    db.CompletionRequests.Any(r => r.TaskId == t.Id && r.Status == RequestStatus.Pending)),
            }).AsNoTracking().ToListAsync(ct);
        var byProblem = measures.ToLookup(m => m.ProblemId, m => m.Row);
        var seeAll = Rectifications.SeesLists(viewer);
        var visible = byProblem.Select(g => g.Key).ToList();
        var problems = await db.Problems.AsNoTracking()
            .Where(p => p.UnitId == viewer.UnitId && (seeAll || visible.Contains(p.Id)))
            .OrderBy(p => p.SortOrder)
            .Select(p => new
            {
                p.Id, p.SortOrder, p.Title, p.Category,
                Leader = db.People.Where(x => x.Id == p.LeaderId).Select(x => x.Name).First(),
                Opinions = db.Opinions.Count(o => o.ProblemId == p.Id),
            }).ToListAsync(ct);
        return [.. problems.Select(p => new ProblemRow(p.Id, p.SortOrder, p.Title, p.Category, p.Leader, p.Opinions, [.. byProblem[p.Id]]))];
    }

    public static Task<List<OpinionRow>> OpinionsAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        db.Opinions.AsNoTracking().Where(o => o.UnitId == unitId).OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id)
            .Select(o => new OpinionRow(o.Id, o.Receipt, o.Source, o.Content, o.SubmitterName, o.Contact, o.ReceivedAt, o.ProblemId,
                db.Problems.Where(p => p.Id == o.ProblemId).Select(p => p.Title).FirstOrDefault()))
            .ToListAsync(ct);
}
