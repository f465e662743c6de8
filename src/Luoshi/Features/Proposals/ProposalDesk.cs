using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>
/// 建议提案 in the 主办 unit: registration (交办) with its co-handlers, the one extension, the reply
/// and the proposer's satisfaction, with re-handling after 不满意. A proposal is a work item of kind
/// Proposal whose deadlines are milestones, so it is lit and escalated like any task. Each step runs
/// under the task's row lock and happens once; a repeat is a 409.
/// </summary>
internal sealed partial class ProposalDesk(LuoshiDb db, TaskEditor editor, WorkItemCreator workItems, TaskLights lights, BureauClock clock, PersonNotices notices, ProposalFiles files)
{
    public async Task<Outcome<WorkTask>> RegisterAsync(Viewer viewer, ProposalInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("建议提案由办公室登记交办");
        }

        var (problems, type, number, coUnits) = await CheckAsync(viewer, input, ct);
        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var assigned = input.AssignedOn!.Value;
        if (await db.Proposals.AnyAsync(p => p.UnitId == viewer.UnitId && p.Year == assigned.Year && p.Type == type && p.Number == number, ct))
        {
            return Outcome<WorkTask>.Conflict($"{assigned.Year}年{type.Chinese()}{number}已经登记，不能重复登记");
        }

        var replyDue = ProposalClock.ReplyDue(assigned);
        var opinionDue = coUnits.Count > 0 ? ProposalClock.OpinionDue(assigned) : (DateOnly?)null;
        var milestones = new List<MilestoneInput>();
        if (opinionDue is { } due)
        {
            milestones.Add(new MilestoneInput { Title = ProposalStages.OpinionMilestone, Deliverable = "各协办单位提交协办意见", DueDate = due });
        }

        milestones.Add(new MilestoneInput { Title = ProposalStages.ReplyMilestone, Deliverable = "书面答复领衔人及附议人", DueDate = replyDue });
        try
        {
            return await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Proposal, new TaskInput
            {
                Title = input.Title.Trim(), Number = number, Description = input.Content.Trim(), LeadSectionId = input.LeadSectionId, ResponsiblePersonId = input.ResponsiblePersonId,
                LeadLeaderId = input.LeadLeaderId, StartDate = assigned, DueDate = replyDue, Tags = [type.Chinese()],
            })
            {
                Stage = ProposalStages.Handling, Milestones = milestones,
                AddDetails = (task, token) => AddDetailsAsync(viewer, task, input, type, number, replyDue, opinionDue, coUnits, token),
            }, ct);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            // Two registrations of the same number at once: the unique index kept the first.
            db.ChangeTracker.Clear();
            return Outcome<WorkTask>.Conflict($"{assigned.Year}年{type.Chinese()}{number}已经登记，不能重复登记");
        }
    }

    private async Task AddDetailsAsync(Viewer viewer, WorkTask task, ProposalInput input, ProposalType type, string number, DateOnly replyDue, DateOnly? opinionDue,
        List<(int Id, string Name)> coUnits, CancellationToken ct)
    {
        db.Proposals.Add(new ProposalDetails
        {
            TaskId = task.Id, UnitId = viewer.UnitId, Type = type, Year = input.AssignedOn!.Value.Year, Number = number, Content = input.Content.Trim(),
            ProposerName = input.ProposerName.Trim(), ProposerGroup = input.ProposerGroup.OrNull(), ProposerPhone = input.ProposerPhone.OrNull(),
            CoSigners = ProposalNames.Join(ProposalNames.Split(input.CoSigners)), AssignedOn = input.AssignedOn!.Value, ReplyDue = replyDue, OpinionDue = opinionDue,
        });
        var sectionName = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstAsync(ct);
        var coNames = string.Join("、", coUnits.Select(u => u.Name));
        editor.AddHistory(task, viewer, "proposal", $"登记{type.Chinese()}{number}，交办{sectionName}主办" + (coUnits.Count > 0 ? $"，{coNames}协办" : "") + $"，答复时限 {replyDue:yyyy-MM-dd}");
        await notices.AddAsync(viewer.UnitId, await LeadSectionAsync(task, ct), NoticeKind.ProposalAssigned, task.Id, $"{type.Chinese()}交办：{task.Title}",
            $"{type.Chinese()}{number}“{task.Title}”交由{sectionName}主办，请于{Desk.DeskDates.Formal(replyDue)}前书面答复{input.ProposerName.Trim()}及附议人。", clock.UtcNow, ct);
        if (coUnits.Count == 0)
        {
            return;
        }

        var ownName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        foreach (var (id, name) in coUnits)
        {
            db.ProposalCoHandlers.Add(new ProposalCoHandler { UnitId = viewer.UnitId, TaskId = task.Id, CoUnitId = id, CoUnitName = name });
            // The request lives in the co-handler's unit, with a copy of what it may read of the proposal.
            db.ProposalOpinions.Add(new ProposalOpinion
            {
                UnitId = id, LeadUnitId = viewer.UnitId, LeadUnitName = ownName, LeadTaskId = task.Id, Type = type, Number = number, Title = task.Title,
                Content = input.Content.Trim(), DueOn = opinionDue!.Value, RequestedAt = clock.UtcNow,
            });
            await OtherUnits.AsAsync(db, id, async () => await notices.AddAsync(id, await notices.OfficeAsync(id, ct), NoticeKind.ProposalOpinionRequested, null,
                $"协办意见：{type.Chinese()}{number}", $"{ownName}主办的{type.Chinese()}{number}“{task.Title}”请贵单位协办，请于{Desk.DeskDates.Formal(opinionDue.Value)}前提交协办意见。",
                clock.UtcNow, ct));
        }

        // The request has no task in the co-handler's unit: its notice opens the unit's 协办意见 instead.
        foreach (var notice in db.ChangeTracker.Entries<Notice>().Where(e => e.State == EntityState.Added && e.Entity.Kind == NoticeKind.ProposalOpinionRequested))
        {
            notice.Entity.Link ??= "/Proposals/Opinions";
        }
    }

    /// <summary>One extension of the reply deadline, by up to three months, with its reason; a second is refused.</summary>
    public async Task<Outcome<ProposalDetails>> ExtendAsync(Viewer viewer, int taskId, ExtensionInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var (task, proposal) = await FindAsync(viewer, taskId, ct);
        if (task is null || proposal is null)
        {
            return Outcome<ProposalDetails>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<ProposalDetails>.Forbidden("答复时限的延期由办公室办理");
        }

        if (proposal.ExtensionMonths > 0)
        {
            return Outcome<ProposalDetails>.Conflict($"答复时限只能延期一次，已于{Desk.DeskDates.Formal(proposal.ExtendedOn!.Value)}延期{proposal.ExtensionMonths}个月");
        }

        var problems = new FieldErrors();
        if (proposal.FirstRepliedOn is not null)
        {
            problems.Add(nameof(input.Months), "已经答复，不能再延期");
        }

        if (input.Months is < 1 or > ProposalClock.MaxExtensionMonths)
        {
            problems.Add(nameof(input.Months), "延期月数为1至3个月");
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            problems.Add(nameof(input.Reason), "请填写延期理由");
        }

        if (problems.Any)
        {
            return Outcome<ProposalDetails>.Invalid(problems.ToDictionary());
        }

        proposal.ExtensionMonths = input.Months;
        proposal.ExtensionReason = input.Reason!.Trim();
        proposal.ExtendedOn = clock.Today;
        proposal.ReplyDue = ProposalClock.ReplyDue(proposal.AssignedOn, input.Months);
        task.DueDate = proposal.ReplyDue;
        foreach (var m in task.Milestones.Where(m => m.Title == ProposalStages.ReplyMilestone))
        {
            m.DueDate = proposal.ReplyDue;
        }

        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
        editor.AddHistory(task, viewer, "proposal", $"答复时限延期{input.Months}个月至 {proposal.ReplyDue:yyyy-MM-dd}：{proposal.ExtensionReason}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProposalDetails>.Ok(proposal);
    }

    private async Task<(WorkTask? Task, ProposalDetails? Proposal)> FindAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        var task = await editor.FindVisibleForScheduleAsync(viewer, taskId, ct);
        var proposal = task is { Kind: WorkKind.Proposal } ? await db.Proposals.FirstOrDefaultAsync(p => p.TaskId == taskId, ct) : null;
        return (task, proposal);
    }

    /// <summary>The lead section's head and the responsible person: who answers.</summary>
    private Task<List<int>> LeadSectionAsync(WorkTask task, CancellationToken ct) =>
        db.People.Where(p => p.UnitId == task.UnitId && p.IsActive && p.SectionId == task.LeadSectionId && (p.Role == Role.SectionHead || p.Id == task.ResponsiblePersonId))
            .Select(p => p.Id).ToListAsync(ct);

    private async Task<(FieldErrors Problems, ProposalType Type, string Number, List<(int Id, string Name)> CoUnits)> CheckAsync(Viewer viewer, ProposalInput input, CancellationToken ct)
    {
        var problems = Bounds.Check(input);
        var type = ProposalTypes.Parse(input.Type);
        if (type is null)
        {
            problems.Add(nameof(input.Type), "类别只能是人大代表建议或政协委员提案");
        }

        var number = Number(input.Number);
        if (number is null)
        {
            problems.Add(nameof(input.Number), "请填写编号，如 0123 或 第0123号");
        }

        if (input.AssignedOn is { } on && on > clock.Today)
        {
            problems.Add(nameof(input.AssignedOn), "交办日期不能晚于今天");
        }

        if (ProposalNames.Split(input.CoSigners).Count > 50)
        {
            problems.Add(nameof(input.CoSigners), "附议人最多50人");
        }

        var ids = (input.CoHandlerUnitIds ?? []).Distinct().ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        if (ids.Contains(viewer.UnitId))
        {
            problems.Add(nameof(input.CoHandlerUnitIds), "协办单位不能是本单位");
        }
        else if (units.Count != ids.Count)
        {
            problems.Add(nameof(input.CoHandlerUnitIds), "协办单位不存在");
        }

        return (problems, type ?? ProposalType.Deputy, number ?? "", [.. units.OrderBy(u => ids.IndexOf(u.Id)).Select(u => (u.Id, u.Name))]);
    }

    /// <summary>0123, 123号 and 第0123号 are the same number, written 第0123号.</summary>
    internal static string? Number(string? text)
    {
        var core = (text ?? "").Trim().TrimStart('第').TrimEnd('号').Trim();
        return core.Length == 0 ? null : $"第{core}号";
    }
}
