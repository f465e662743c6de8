using Luoshi.Data;
using Luoshi.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>Where the next page of a run starts: the unit's sections in id order, and within the section
/// the tasks after <paramref name="AfterTaskId"/> (0: from its first).</summary>
internal readonly record struct PageStart(int Section, int AfterTaskId);

/// <summary>One page of a run's candidates and where the next one starts; <paramref name="Last"/> when no
/// section is left.</summary>
internal sealed record EscalationPage(List<EscalationCandidate> Tasks, PageStart Next, bool Last);

/// <summary>
/// A run's open tasks read a page at a time, continuing from a key (section, then task id) rather than
/// from an offset or a list of everything: a page costs the same on the thousandth page of a backlog as
/// on the first, and the run holds one page in memory. A lead section's tasks stay on one page when they
/// fit in one, so that a person hears of a section's steps in one notice per kind; a section larger than
/// a page is split at the page's size.
/// </summary>
internal sealed class EscalationPages(LuoshiDb db, int unitId, IReadOnlyList<int> sections, List<int> plans, DateOnly horizon)
{
    private readonly DateOnly _reportHorizon = horizon.AddDays(1);

    public static async Task<EscalationPages> ForUnitAsync(LuoshiDb db, int unitId, List<int> plans, DateOnly horizon, CancellationToken ct)
    {
        // A task's lead section is one of its unit's (TaskEditor checks it), active or not: the unit's sections
        // are the run's outer key, a list the size of the organisation, not of the backlog.
        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == unitId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        return new EscalationPages(db, unitId, sections, plans, horizon);
    }

    public async Task<EscalationPage> ReadAsync(PageStart start, int size, CancellationToken ct)
    {
        var tasks = new List<EscalationCandidate>();
        var (section, after) = start;
        while (section < sections.Count)
        {
            var room = size - tasks.Count;
            var part = await OfSection(sections[section], after).Take(room + 1).ToListAsync(ct);
            if (part.Count <= room)
            {
                tasks.AddRange(part);
                (section, after) = (section + 1, 0);
                continue;
            }

            if (tasks.Count == 0)
            {
                // The section alone is larger than a page: split, the rest of it on the next page.
                tasks.AddRange(part.Take(room));
                after = tasks[^1].Id;
            }

            // Otherwise the section starts the next page, whole if it fits there.
            break;
        }

        return new EscalationPage(tasks, new PageStart(section, after), section >= sections.Count);
    }

    /// <summary>Nothing is reminded earlier than the longest reminder window, so later deadlines are not read.</summary>
    private IQueryable<EscalationCandidate> OfSection(int sectionId, int after) => EscalationCandidate.From(db.Tasks.AsNoTracking()
        .Where(t => t.UnitId == unitId && t.LeadSectionId == sectionId && t.Id > after && t.CompletedOn == null && plans.Contains(t.PlanId))
        .Where(t => t.DueBy <= horizon || t.NextMilestoneDueBy <= horizon || t.ReportMissingFrom <= _reportHorizon
            || (t.SignedAt == null && t.SignDueBy <= horizon))
        .OrderBy(t => t.Id));

    /// <summary>What the run must know of a page's tasks besides their deadlines: a completion claim waiting for
    /// the office (its due date is not chased), a return (退办) waiting for its decision (its 签收 is not chased),
    /// and the furthest step raised or held so far for each deadline.</summary>
    public async Task<PageFacts> FactsAsync(List<EscalationCandidate> tasks, DateOnly today, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var claimed = (await db.CompletionRequests.Where(r => r.UnitId == unitId && r.Status == RequestStatus.Pending && ids.Contains(r.TaskId))
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        var returning = (await db.TaskReturns.Where(r => r.UnitId == unitId && r.Status == Assignment.TaskReturnStatus.Pending && ids.Contains(r.TaskId))
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        var steps = await db.EscalationSteps.Where(s => s.UnitId == unitId && ids.Contains(s.TaskId) && s.DueOn >= today.AddYears(-2))
            .Select(s => new { s.TaskId, s.Deadline, s.DueOn, s.Step }).ToListAsync(ct);
        var held = await db.HeldSheets.Where(s => s.UnitId == unitId && ids.Contains(s.TaskId)).Select(s => new { s.TaskId, s.Deadline, s.DueOn }).ToListAsync(ct);
        var raised = new Dictionary<(int, DeadlineKind, DateOnly), StepKind>();
        foreach (var s in steps.Select(s => (s.TaskId, s.Deadline, s.DueOn, s.Step)).Concat(held.Select(h => (h.TaskId, h.Deadline, h.DueOn, Step: StepKind.Supervise))))
        {
            var key = (s.TaskId, s.Deadline, s.DueOn);
            if (!raised.TryGetValue(key, out var had) || had < s.Step)
            {
                raised[key] = s.Step;
            }
        }

        return new PageFacts(claimed, returning, raised);
    }
}

internal sealed record PageFacts(HashSet<int> Claimed, HashSet<int> Returning, Dictionary<(int, DeadlineKind, DateOnly), StepKind> Raised);

/// <summary>One committed batch of a run: its number, the tasks it read, the steps it raised or held, and how long
/// it held the unit's lock (its transaction).</summary>
internal sealed record RunBatch(int Number, int Tasks, int Steps, TimeSpan Locked);
