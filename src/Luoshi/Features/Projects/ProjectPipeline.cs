using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

/// <summary>Creating a key project and moving it through its stages: the rules pages and API share.
/// A project is a <see cref="WorkTask"/> of kind Project, made by <see cref="TaskEditor"/>, so its
/// stage targets (milestones) light up and are escalated like any task's.</summary>
internal sealed class ProjectPipeline(LuoshiDb db, TaskEditor editor, WorkItemCreator workItems, TaskLights lights, BureauClock clock)
{
    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, ProjectInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室（管理员）可以登记重点项目");
        }

        var problems = await ValidateAsync(viewer, input, ct);
        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var names = ProjectStages.Names;
        var milestones = input.Targets.Select((d, i) => (d, i)).Where(x => x.d is not null)
            .Select(x => new MilestoneInput { Title = names[x.i + 1], Deliverable = $"进入“{names[x.i + 1]}”阶段", DueDate = x.d }).ToList();
        return await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Project, new TaskInput
        {
            Title = input.Title, LeadSectionId = input.LeadSectionId, ResponsiblePersonId = input.ResponsiblePersonId, TargetValue = input.Amount, TargetUnit = "万元",
            StartDate = input.IntentOn, DueDate = input.CompleteTarget, Tags = ["重点项目", input.Industry],
        })
        {
            PlanId = input.PlanId, Milestones = milestones, Stage = names[0],
            AddDetails = (project, _) =>
            {
                db.ProjectDetails.Add(new ProjectDetails { TaskId = project.Id, UnitId = viewer.UnitId, Investor = input.Investor.Trim(), Amount = input.Amount ?? 0, Industry = input.Industry.Trim() });
                db.ProjectStages.Add(NewStage(viewer, project, 0, input.IntentOn!.Value, null, input.IntentEvidence.OrNull() ?? "登记意向"));
                return Task.CompletedTask;
            },
        }, ct);
    }

    /// <summary>Records the next stage. A skipped stage, a date before the previous stage's or in the
    /// future is refused and nothing is saved.</summary>
    public async Task<Outcome<ProjectStage>> AdvanceAsync(Viewer viewer, int taskId, StageInput input, CancellationToken ct = default)
    {
        // The second of two people recording the same stage waits, then finds it recorded.
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var task = await editor.FindVisibleForScheduleAsync(viewer, taskId, ct);
        if (task is not { Kind: WorkKind.Project })
        {
            return Outcome<ProjectStage>.NotFound();
        }

        if (!(await viewer.RightsOnAsync(db, task, ct)).CompleteMilestones)
        {
            return Outcome<ProjectStage>.Forbidden("只有办公室或项目牵头科室可以登记项目阶段");
        }

        var names = ProjectStages.Names;
        var current = ProjectStages.IndexOf(task.Stage);
        var wanted = ProjectStages.IndexOf(input.Stage);
        var previous = await db.ProjectStages.Where(s => s.TaskId == taskId && s.StageIndex == current).Select(s => s.ReachedOn).FirstAsync(ct);
        if (wanted == current && wanted > 0)
        {
            return Outcome<ProjectStage>.Conflict($"项目已在“{task.Stage}”阶段（可能刚由他人登记），不能重复登记");
        }

        var problems = new FieldErrors();
        if (current == names.Count - 1)
        {
            problems.Add(nameof(input.Stage), "项目已到最后阶段（投产/竣工）");
        }
        else if (wanted != current + 1)
        {
            problems.Add(nameof(input.Stage), wanted <= current ? $"项目已在“{task.Stage}”阶段，不能重复或退回" : $"不能跳过阶段：下一阶段应为“{names[current + 1]}”");
        }

        if (input.ReachedOn is not { } on)
        {
            problems.Add(nameof(input.ReachedOn), "请填写到达日期");
        }
        else if (on > clock.Today)
        {
            problems.Add(nameof(input.ReachedOn), "到达日期不能晚于今天");
        }
        else if (on < previous)
        {
            problems.Add(nameof(input.ReachedOn), $"到达日期不能早于上一阶段“{task.Stage}”的日期（{previous:yyyy-MM-dd}）");
        }

        if (string.IsNullOrWhiteSpace(input.Evidence))
        {
            problems.Add(nameof(input.Evidence), "请填写佐证说明（如合同编号、到账凭证、开工报告）");
        }

        if (problems.Any)
        {
            return Outcome<ProjectStage>.Invalid(problems.ToDictionary());
        }

        var reached = input.ReachedOn!.Value;
        var stage = NewStage(viewer, task, wanted, reached, reached.DayNumber - previous.DayNumber, input.Evidence!.Trim());
        db.ProjectStages.Add(stage);
        task.Stage = names[wanted];
        task.UpdatedAt = clock.UtcNow;
        foreach (var m in task.Milestones.Where(m => m.Title == names[wanted] && m.CompletedOn is null))
        {
            m.CompletedOn = reached;
            m.CompletionNote = stage.Evidence;
        }

        await lights.RecomputeAsync(task, ct);
        editor.AddHistory(task, viewer, "stage", $"项目进入“{names[wanted]}”阶段（{reached:yyyy-MM-dd}）：{stage.Evidence}");
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people recorded the same stage at the same moment: the unique index kept one.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await db.ProjectStages.AsNoTracking().AnyAsync(s => s.TaskId == taskId && s.StageIndex == wanted, ct))
            {
                throw;
            }

            return Outcome<ProjectStage>.Conflict($"“{names[wanted]}”阶段刚由他人登记，请刷新后查看");
        }

        return Outcome<ProjectStage>.Ok(stage);
    }

    private ProjectStage NewStage(Viewer viewer, WorkTask task, int index, DateOnly on, int? days, string evidence) => new()
    {
        UnitId = task.UnitId, TaskId = task.Id, StageIndex = index, ReachedOn = on, DaysFromPrevious = days, Evidence = evidence,
        RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
    };

    private async Task<FieldErrors> ValidateAsync(Viewer viewer, ProjectInput input, CancellationToken ct)
    {
        var problems = new FieldErrors();
        if (input.Amount is < 0)
        {
            problems.Add(nameof(input.Amount), "投资额不能为负数");
        }

        if (input.ResponsiblePersonId is not { } personId)
        {
            problems.Add(nameof(input.ResponsiblePersonId), "请指定项目责任人（分包到人）");
        }
        else if (!await db.People.AnyAsync(p => p.Id == personId && p.UnitId == viewer.UnitId && p.IsActive, ct))
        {
            problems.Add(nameof(input.ResponsiblePersonId), "项目责任人不存在");
        }

        if (input.IntentOn is not { } intent)
        {
            problems.Add(nameof(input.IntentOn), "请填写意向日期");
        }
        else if (intent > clock.Today)
        {
            problems.Add(nameof(input.IntentOn), "意向日期不能晚于今天");
        }

        if (input.CompleteTarget is null)
        {
            problems.Add(nameof(input.CompleteTarget), "请填写投产/竣工的目标日期");
        }

        var last = input.IntentOn;
        foreach (var (target, i) in input.Targets.Select((d, i) => (d, i)).Where(x => x.d is not null))
        {
            if (target < last)
            {
                problems.Add(new[] { nameof(input.SignTarget), nameof(input.FundsTarget), nameof(input.StartTarget), nameof(input.CompleteTarget) }[i],
                    $"“{ProjectStages.Names[i + 1]}”的目标日期不能早于前一阶段");
            }

            last = target;
        }

        return problems;
    }
}
