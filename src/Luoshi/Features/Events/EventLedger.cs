using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Events;

/// <summary>Recording events and counting them toward their task's target: the rules pages and API share.</summary>
internal sealed class EventLedger(LuoshiDb db, TaskEditor editor, TaskLights lights, BureauClock clock)
{
    /// <summary>The unit in which a task's target counts participants instead of events.</summary>
    public const string PersonTimes = "人次";

    /// <summary>Events the viewer may see: the office all, others those organised by the sections they see.</summary>
    public static IQueryable<BureauEvent> VisibleTo(LuoshiDb db, Viewer viewer)
    {
        var events = db.Events.Where(e => e.UnitId == viewer.UnitId);
        var sections = viewer.SeenSectionIds;
        return viewer.IsAdmin ? events : events.Where(e => sections.Contains(e.OrganiserSectionId));
    }

    public async Task<Outcome<BureauEvent>> CreateAsync(Viewer viewer, EventInput input, CancellationToken ct = default)
    {
        var problems = new FieldErrors();
        foreach (var (field, text, message) in new[] { (nameof(input.Title), input.Title, "请填写活动名称"), (nameof(input.Kind), input.Kind, "请填写活动类型"), (nameof(input.Place), input.Place, "请填写活动地点") })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(field, message);
            }
        }

        if (input.Date is null)
        {
            problems.Add(nameof(input.Date), "请填写活动日期");
        }

        if (!await db.Sections.AnyAsync(s => s.Id == input.OrganiserSectionId && s.UnitId == viewer.UnitId && s.IsActive, ct))
        {
            problems.Add(nameof(input.OrganiserSectionId), "主办科室不存在，请从列表中选择");
        }
        else if (!viewer.IsAdmin && (viewer.Role == Role.Leader || viewer.SectionId != input.OrganiserSectionId))
        {
            return Outcome<BureauEvent>.Forbidden("只能登记本科室主办的活动");
        }

        WorkTask? task = null;
        if (input.TaskId is { } taskId)
        {
            task = await editor.FindVisibleForScheduleAsync(viewer, taskId, ct);
            if (task is null)
            {
                return Outcome<BureauEvent>.NotFound("关联的任务不存在，或您无权查看");
            }

            if (!(await viewer.RightsOnAsync(db, task, ct)).ReportAsLead)
            {
                return Outcome<BureauEvent>.Forbidden("只有任务的牵头科室或办公室可以向任务计入活动");
            }
        }

        var year = task is null ? clock.Today.Year : await db.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Year).FirstAsync(ct);
        if (input.Date is { } date && (date.Year < year - (task is null ? 1 : 0) || date.Year > year + (task is null ? 1 : 0)))
        {
            problems.Add(nameof(input.Date), task is null ? $"活动日期应在{year - 1}年至{year + 1}年之间" : $"活动日期应在任务所属计划的年度（{year}年）内");
        }

        if (input.TargetParticipants is < 0)
        {
            problems.Add(nameof(input.TargetParticipants), "计划参与人数不能为负数");
        }

        if (input.ActualParticipants is < 0)
        {
            problems.Add(nameof(input.ActualParticipants), "实际参与人数不能为负数");
        }
        else if (input.ActualParticipants is not null && input.Date > clock.Today)
        {
            problems.Add(nameof(input.ActualParticipants), "尚未举办的活动不能填写实际参与人数");
        }

        if (problems.Any)
        {
            return Outcome<BureauEvent>.Invalid(problems.ToDictionary());
        }

        var item = new BureauEvent
        {
            UnitId = viewer.UnitId, TaskId = task?.Id, Title = input.Title.Trim(), Kind = input.Kind.Trim(), Date = input.Date!.Value, Place = input.Place.Trim(),
            OrganiserSectionId = input.OrganiserSectionId, Partners = input.Partners.OrNull(), TargetParticipants = input.TargetParticipants,
            ActualParticipants = input.ActualParticipants, CreatedById = viewer.PersonId, CreatedAt = clock.UtcNow,
        };
        db.Events.Add(item);
        if (task is not null)
        {
            await CountAsync(task, item, ct);
            editor.AddHistory(task, viewer, "event", $"计入活动“{item.Title}”（{item.Date:yyyy-MM-dd}），已完成 {Ui.Amount(task.AchievedValue)} {task.TargetUnit}");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<BureauEvent>.Ok(item);
    }

    /// <summary>The task's achieved value follows its held events: their number, or their participants
    /// when the target is in 人次; its progress is the share of the target.</summary>
    private async Task CountAsync(WorkTask task, BureauEvent added, CancellationToken ct)
    {
        var held = await db.Events.Where(e => e.TaskId == task.Id && e.UnitId == task.UnitId && e.ActualParticipants != null).Select(e => e.ActualParticipants!.Value).ToListAsync(ct);
        if (added.ActualParticipants is { } people)
        {
            held.Add(people);
        }

        decimal achieved = task.TargetUnit == PersonTimes ? held.Sum() : held.Count;
        task.AchievedValue = achieved;
        if (task.TargetValue is > 0 and var target)
        {
            task.ProgressPercent = (int)Math.Min(100, Math.Floor(achieved * 100 / target));
        }

        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
    }

    public static async Task<List<EventRow>> ListAsync(LuoshiDb db, Viewer viewer, int? taskId = null, CancellationToken ct = default)
    {
        var events = VisibleTo(db, viewer);
        if (taskId is { } id)
        {
            events = events.Where(e => e.TaskId == id);
        }

        return await events.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new EventRow(e.Id, e.Title, e.Kind, e.Date, e.Place,
                db.Sections.Where(s => s.Id == e.OrganiserSectionId).Select(s => s.Name).First(), e.Partners, e.TargetParticipants, e.ActualParticipants,
                e.TaskId, db.Tasks.Where(t => t.Id == e.TaskId).Select(t => t.Title).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
