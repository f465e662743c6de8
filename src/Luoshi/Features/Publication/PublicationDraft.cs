using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

/// <summary>A commitment that is public but not ready: it has no public title or no narrative yet, so it is left out.</summary>
internal sealed record WaitingCommitment(int TaskId, string TaskTitle, string Missing);

internal sealed record Draft(List<PublicEditionItem> Items, List<WaitingCommitment> Waiting);

/// <summary>
/// The next edition as it would be published now: one item per ready commitment, copied from the task
/// in the public words, and the internal facts only where the office chose them. The preview shows
/// exactly this and publishing saves exactly this.
/// </summary>
internal static class PublicationDraft
{
    public const string DefaultArea = "其他工作";

    public static async Task<int> NextNumberAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        (await db.PublicEditions.Where(e => e.UnitId == unitId).MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;

    public static async Task<Draft> BuildAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        // A task that became restricted (知悉范围) after it was made public drops out here.
        var rows = await (
            from c in db.PublicCommitments
            join t in db.Tasks on new { c.UnitId, Id = c.TaskId } equals new { t.UnitId, t.Id }
            join p in db.Plans on new { t.UnitId, Id = t.PlanId } equals new { p.UnitId, p.Id }
            where c.UnitId == unitId && !t.Restricted
            orderby p.Year descending, p.Id, t.SortOrder, t.Id
            select new
            {
                Commitment = c, TaskTitle = t.Title, PlanTitle = p.Title, t.ProgressPercent, t.Light, t.LightReason, t.DueDate, t.CompletedOn,
                t.LeadSectionId, t.ResponsiblePersonId,
            }).AsNoTracking().ToListAsync(ct);

        var sections = await db.Sections.Where(s => s.UnitId == unitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var personIds = rows.Where(r => r.Commitment.ShowResponsible && r.ResponsiblePersonId is not null).Select(r => r.ResponsiblePersonId!.Value).Distinct().ToList();
        var people = await db.People.Where(p => p.UnitId == unitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var problemTasks = rows.Where(r => r.Commitment.ShowProblems).Select(r => r.Commitment.TaskId).ToList();
        var problems = (await db.Reports.Where(r => r.UnitId == unitId && problemTasks.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.SubmittedAt, r.Id, r.Problems }).ToListAsync(ct))
            .GroupBy(r => r.TaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).First().Problems.OrNull());

        var items = new List<PublicEditionItem>();
        var waiting = new List<WaitingCommitment>();
        foreach (var r in rows)
        {
            var c = r.Commitment;
            var title = c.UseTaskTitle ? r.TaskTitle : c.PublicTitle;
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(c.Narrative))
            {
                waiting.Add(new WaitingCommitment(c.TaskId, r.TaskTitle, string.IsNullOrWhiteSpace(title) ? "公开标题" : "进展说明"));
                continue;
            }

            items.Add(new PublicEditionItem
            {
                UnitId = unitId, TaskId = c.TaskId, SortOrder = items.Count, PlanTitle = r.PlanTitle, Area = c.Area ?? DefaultArea, Title = title,
                Narrative = c.Narrative, ProgressPercent = r.ProgressPercent, Status = PublicStatuses.Of(r.Light, r.LightReason), DueDate = r.DueDate, CompletedOn = r.CompletedOn,
                LeadSection = c.ShowLeadSection ? sections.GetValueOrDefault(r.LeadSectionId) : null,
                Responsible = c.ShowResponsible && r.ResponsiblePersonId is { } person ? people.GetValueOrDefault(person) : null,
                Problems = c.ShowProblems ? problems.GetValueOrDefault(c.TaskId) : null,
            });
        }

        return new Draft(items, waiting);
    }
}
