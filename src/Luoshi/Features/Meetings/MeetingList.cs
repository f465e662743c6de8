using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Meetings;

/// <summary>A meeting in the list: its decisions the viewer may see, how many are done and overdue.</summary>
internal sealed record MeetingRow(int Id, string Name, DateOnly HeldOn, string MinutesNumber, int Decisions, int Done, int Overdue);

/// <summary>One decision of a meeting, with its light and progress.</summary>
internal sealed record DecisionRow(int TaskId, int Number, string Text, string SourceLabel, string Section, IReadOnlyList<string> Cooperating, DateOnly DueDate,
    int ProgressPercent, DateOnly? CompletedOn, Light Light, LightReason LightReason);

internal sealed record MeetingDto(int Id, string Name, DateOnly HeldOn, string MinutesNumber, IReadOnlyList<DecisionRow> Decisions);

internal static class MeetingList
{
    /// <summary>Meetings with at least one decision the viewer may see (the office: every meeting), newest first.</summary>
    public static async Task<List<MeetingRow>> LoadAsync(LuoshiDb db, Viewer viewer, DateOnly today, CancellationToken ct)
    {
        // Only counted per meeting here: the visible decisions in their counting shape.
        var visible = db.Tasks.AsNoTracking().VisibleToForCounting(viewer, db).Where(t => t.Kind == WorkKind.MeetingDecision);
        var counts = await (from d in db.MeetingDecisions
                            join t in visible on d.TaskId equals t.Id
                            group t by d.MeetingId into g
                            select new
                            {
                                MeetingId = g.Key, Count = g.Count(), Done = g.Count(t => t.CompletedOn != null),
                                Overdue = g.Count(t => t.CompletedOn == null && t.DueBy < today),
                            }).ToDictionaryAsync(x => x.MeetingId, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.UnitId == viewer.UnitId).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        return [.. meetings.Where(m => viewer.IsAdmin || counts.ContainsKey(m.Id)).Select(m => counts.TryGetValue(m.Id, out var c)
            ? new MeetingRow(m.Id, m.Name, m.HeldOn, m.MinutesNumber, c.Count, c.Done, c.Overdue)
            : new MeetingRow(m.Id, m.Name, m.HeldOn, m.MinutesNumber, 0, 0, 0))];
    }

    /// <summary>The meeting with the decisions the viewer may see, or null when the viewer sees none of it.</summary>
    public static async Task<MeetingDto?> FindAsync(LuoshiDb db, Viewer viewer, int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.UnitId == viewer.UnitId, ct);
        if (meeting is null)
        {
            return null;
        }

        var rows = await (from d in db.MeetingDecisions
                          join t in db.Tasks.AsNoTracking().VisibleTo(viewer) on d.TaskId equals t.Id
                          where d.MeetingId == id
                          orderby d.Number
                          select new { t.Id, d.Number, t.Title, t.SourceLabel, t.LeadSectionId, Cooperating = t.Cooperations.Select(c => c.SectionId).ToList(), t.DueDate, t.ProgressPercent, t.CompletedOn, t.Light, t.LightReason })
            .ToListAsync(ct);
        if (rows.Count == 0 && !viewer.IsAdmin)
        {
            return null;
        }

        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new MeetingDto(meeting.Id, meeting.Name, meeting.HeldOn, meeting.MinutesNumber, [.. rows.Select(r => new DecisionRow(
            r.Id, r.Number, r.Title, r.SourceLabel ?? meeting.SourceLabel(r.Number), sections.GetValueOrDefault(r.LeadSectionId, ""),
            [.. r.Cooperating.Select(c => sections.GetValueOrDefault(c, ""))], r.DueDate, r.ProgressPercent, r.CompletedOn, r.Light, r.LightReason))]);
    }
}
