using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Campaigns;

internal sealed record PhaseFigures(int Id, string Name, DateOnly Start, DateOnly End, int Tasks, int Done, int Open, int Overdue,
    int Sessions, int Attendances, int StudyMinutes, IReadOnlyList<PhaseTaskRow> TaskRows);

internal sealed record PhaseTaskRow(int Id, string Title, string Section, DateOnly DueDate, DateOnly? CompletedOn, bool Overdue);

internal sealed record Transition(int CampaignId, string Title, string UnitName, DateOnly AsOf, IReadOnlyList<PhaseFigures> Phases);

/// <summary>Campaigns, their phases' tasks and the 转段报告: what each phase did, from the tasks and the study ledger.</summary>
internal sealed class CampaignReports(LuoshiDb db, WorkItemCreator workItems, PlanCache plans, BureauClock clock)
{
    /// <summary>The whole unit's figures: for the office and the leaders.</summary>
    public static bool SeesReport(Viewer viewer) => viewer.Role is Role.Admin or Role.Leader;

    public async Task<Outcome<Campaign>> CreateAsync(Viewer viewer, CampaignInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Campaign>.Forbidden("只有办公室（管理员）可以设置活动");
        }

        var problems = new FieldErrors();
        var phases = input.Phases.Where(p => p.Start is not null && p.End is not null).ToList();
        if (phases.Count == 0 || phases.Count != input.Phases.Count)
        {
            problems.Add(nameof(input.Phases), "请设置各阶段名称和起止日期");
        }
        else if (phases.Any(p => p.End < p.Start))
        {
            problems.Add(nameof(input.Phases), "阶段结束日期不能早于开始日期");
        }
        else if (phases.Zip(phases.Skip(1)).Any(p => p.Second.Start <= p.First.End))
        {
            problems.Add(nameof(input.Phases), "各阶段应按时间先后排列、互不重叠");
        }

        if (problems.Any)
        {
            return Outcome<Campaign>.Invalid(problems.ToDictionary());
        }

        var now = clock.UtcNow;
        var plan = new Plan { UnitId = viewer.UnitId, Title = $"{input.Title.Trim()}实施方案", Year = phases[0].Start!.Value.Year, CreatedAt = now };
        db.Plans.Add(plan);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var campaign = new Campaign
        {
            UnitId = viewer.UnitId, Title = input.Title.Trim(), WorkPlanId = plan.Id, CreatedAt = now,
            Phases = [.. phases.Select((p, i) => new CampaignPhase { UnitId = viewer.UnitId, Name = p.Name.Trim(), SortOrder = i, Start = p.Start!.Value, End = p.End!.Value })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        plans.Invalidate(plan);
        return Outcome<Campaign>.Ok(campaign);
    }

    /// <summary>A task of the phase, created as any work item (so it is watched like any task), tied to the phase in the same transaction.</summary>
    public async Task<Outcome<WorkTask>> AddTaskAsync(Viewer viewer, int phaseId, PhaseTaskInput input, CancellationToken ct = default)
    {
        var phase = await db.CampaignPhases.FirstOrDefaultAsync(p => p.Id == phaseId && p.UnitId == viewer.UnitId, ct);
        if (phase is null)
        {
            return Outcome<WorkTask>.NotFound();
        }

        var planId = await db.Campaigns.Where(c => c.Id == phase.CampaignId).Select(c => c.WorkPlanId).SingleAsync(ct);
        return await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Task, new TaskInput
        {
            Title = input.Title, LeadSectionId = input.LeadSectionId, ResponsiblePersonId = input.ResponsiblePersonId,
            StartDate = phase.Start, DueDate = input.DueDate, Tags = [phase.Name],
        })
        {
            PlanId = planId,
            AddDetails = (task, _) =>
            {
                db.PhaseTasks.Add(new PhaseTask { UnitId = viewer.UnitId, PhaseId = phase.Id, TaskId = task.Id });
                return Task.CompletedTask;
            },
        }, ct);
    }

    /// <summary>Per phase (or the one asked for): its tasks done, open and overdue today, and the
    /// study sessions of the unit dated within the phase.</summary>
    public async Task<Transition?> TransitionAsync(Viewer viewer, int campaignId, int? phaseId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Id == campaignId && c.UnitId == viewer.UnitId, ct);
        if (campaign is null || (phaseId is { } only && campaign.Phases.All(p => p.Id != only)))
        {
            return null;
        }

        var today = clock.Today;
        var unitName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).SingleAsync(ct);
        var figures = new List<PhaseFigures>();
        foreach (var phase in campaign.Phases.Where(p => phaseId is null || p.Id == phaseId).OrderBy(p => p.SortOrder))
        {
            var rows = (await db.PhaseTasks.Where(pt => pt.UnitId == viewer.UnitId && pt.PhaseId == phase.Id)
                .Join(db.Tasks.VisibleTo(viewer), pt => pt.TaskId, t => t.Id, (pt, t) => t)
                .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Title, Section = db.Sections.Where(s => s.Id == t.LeadSectionId).Select(s => s.Name).First(), t.DueDate, t.DueBy, t.CompletedOn })
                .ToListAsync(ct)).Select(t => new PhaseTaskRow(t.Id, t.Title, t.Section, t.DueDate, t.CompletedOn, t.CompletedOn is null && t.DueBy < today)).ToList();
            var attendance = db.StudyAttendance.Where(a => a.UnitId == viewer.UnitId && a.Date >= phase.Start && a.Date <= phase.End);
            var attendances = await attendance.CountAsync(ct);
            var minutes = await attendance.SumAsync(a => a.Minutes, ct);
            var sessions = await db.StudySessions.CountAsync(s => s.UnitId == viewer.UnitId && s.Date >= phase.Start && s.Date <= phase.End, ct);
            var done = rows.Count(r => r.CompletedOn is not null);
            figures.Add(new PhaseFigures(phase.Id, phase.Name, phase.Start, phase.End, rows.Count, done, rows.Count - done, rows.Count(r => r.Overdue),
                sessions, attendances, minutes, rows));
        }

        return new Transition(campaign.Id, campaign.Title, unitName, today, figures);
    }
}
