using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

/// <summary>A 批示件 as loaded for a change: its task (with milestones) and its details, both tracked.</summary>
internal sealed record DirectiveParts(WorkTask Task, DirectiveDetails Details, int Round);

/// <summary>
/// The rules of a 领导批示件, shared by pages and API: the office registers it (through the work-item
/// kernel, so it is a task of kind Directive with lights, history and escalation, restricted to its
/// 知悉范围 when it has one or is 内部); the lead section reports how it was handled; the office records
/// the instructing leader's answer: 同意办结 closes it, 再次批示 opens the next round with a new 时限.
/// </summary>
internal sealed class DirectiveDesk(LuoshiDb db, TaskEditor editor, WorkItemCreator workItems, TaskLights lights, PersonNotices notices, BureauClock clock)
{
    public const string Agree = "同意办结";
    public const string Again = "再次批示";

    /// <summary>Words for the 密级 of documents this system does not hold.</summary>
    private static readonly string[] Secret = ["秘密", "机密", "绝密"];

    private static readonly Dictionary<string, string> TaskFields = new()
    {
        ["DueDate"] = nameof(DirectiveInput.DueDate), ["Cooperations"] = nameof(DirectiveInput.CooperatingSectionIds), ["Title"] = nameof(DirectiveInput.SourceTitle),
        ["Description"] = nameof(DirectiveInput.Instruction),
    };

    /// <summary>The 密级 written on the form, or null with the problem when it is not one this system holds.</summary>
    public static (Classification? Value, string? Problem) ParseClassification(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value is "" or "一般" or "公开")
        {
            return (Classification.General, null);
        }

        if (value == "内部")
        {
            return (Classification.Internal, null);
        }

        return Secret.Any(s => value.Contains(s, StringComparison.Ordinal))
            ? (null, "涉密文件（秘密及以上）不得录入本系统，请按保密规定在涉密载体上线下办理")
            : (null, "密级只能选择“一般”或“内部”");
    }

    public static string Chinese(Classification c) => c == Classification.Internal ? "内部" : "一般";

    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, DirectiveInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室可以登记领导批示件");
        }

        var problems = Bounds.Check(input);
        var (classification, refused) = ParseClassification(input.Classification);
        if (refused is not null)
        {
            problems.Add(nameof(input.Classification), refused);
        }

        if (input.LeadSectionId <= 0)
        {
            problems.Add(nameof(input.LeadSectionId), "请选择牵头科室");
        }

        if (input.InstructedOn is { } on && on > clock.Today)
        {
            problems.Add(nameof(input.InstructedOn), "批示日期不能晚于今天");
        }

        if (input.DueDate is { } due && due < clock.Today)
        {
            problems.Add(nameof(input.DueDate), "办理时限不能早于今天");
        }

        if (input.CooperatingSectionIds?.Contains(input.LeadSectionId) == true)
        {
            problems.Add(nameof(input.CooperatingSectionIds), "牵头科室不必再列为配合科室");
        }

        var readers = (input.ReaderIds ?? []).Distinct().ToList();
        if (readers.Count > 0 && await db.People.CountAsync(p => p.UnitId == viewer.UnitId && p.IsActive && readers.Contains(p.Id), ct) != readers.Count)
        {
            problems.Add(nameof(input.ReaderIds), "知悉范围中有不存在或已停用的人员");
        }

        if (input.LeadLeaderId is { } leaderId && !await db.People.AnyAsync(p => p.Id == leaderId && p.UnitId == viewer.UnitId && p.IsActive && p.Role == Role.Leader, ct))
        {
            problems.Add(nameof(input.LeadLeaderId), "牵头领导不存在");
        }

        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var restricted = classification == Classification.Internal || readers.Count > 0;
        var documentNumber = input.DocumentNumber.Trim();
        var instruction = input.Instruction.Trim();
        var created = await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Directive, new TaskInput
        {
            Title = input.SourceTitle.Trim(), Description = instruction, LeadLeaderId = input.LeadLeaderId, LeadSectionId = input.LeadSectionId,
            ResponsiblePersonId = input.ResponsiblePersonId, StartDate = clock.Today, DueDate = input.DueDate, Tags = ["领导批示件"],
            Cooperations = [.. (input.CooperatingSectionIds ?? []).Distinct().Select(s => new CooperationInput { SectionId = s, Part = "配合办理" })],
        })
        {
            Stage = DirectiveStages.Handling,
            AddDetails = (task, _) =>
            {
                task.SourceLabel = documentNumber.Length > 200 ? documentNumber[..200] : documentNumber;
                task.Restricted = restricted;
                db.DirectiveDetails.Add(new DirectiveDetails
                {
                    TaskId = task.Id, UnitId = viewer.UnitId, DocumentNumber = documentNumber, SourceTitle = input.SourceTitle.Trim(), Leader = input.Leader.Trim(),
                    InstructedOn = input.InstructedOn!.Value, Classification = classification!.Value, RegisteredById = viewer.PersonId, RegisteredAt = clock.UtcNow,
                });
                var first = new DirectiveInstruction
                {
                    UnitId = viewer.UnitId, TaskId = task.Id, Round = 1, Text = instruction, GivenOn = input.InstructedOn!.Value, DueDate = input.DueDate!.Value,
                    RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
                };
                db.DirectiveInstructions.Add(first);
                RecordChain.Append(db, viewer.UnitId, "directive-instruction", first, viewer.PersonId, clock.UtcNow);
                if (restricted)
                {
                    // The registrar keeps reading what he or she registered; the lead head, person and
                    // leader read it by their place on the task (TaskAccess).
                    db.TaskReaders.AddRange(readers.Append(viewer.PersonId).Distinct().Select(p => new TaskReader { UnitId = viewer.UnitId, TaskId = task.Id, PersonId = p }));
                }

                return Task.CompletedTask;
            },
        }, ct);
        return created.Errors is null ? created : created with { Errors = created.Errors.ToDictionary(e => TaskFields.GetValueOrDefault(e.Key, e.Key), e => e.Value) };
    }

    /// <summary>办理情况报告 of the current round, once per round, by the lead section.</summary>
    public async Task<Outcome<DirectiveReport>> ReportAsync(Viewer viewer, int taskId, HandlingReportInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var item = await FindAsync(viewer, taskId, ct);
        if (item is null)
        {
            return Outcome<DirectiveReport>.NotFound();
        }

        if (viewer.Role is not (Role.Staff or Role.SectionHead) || viewer.SectionId != item.Task.LeadSectionId)
        {
            return Outcome<DirectiveReport>.Forbidden("只有牵头科室可以报送办理情况");
        }

        if (item.Details.ClosedAt is not null)
        {
            return Outcome<DirectiveReport>.Conflict("批示件已办结，不再报送办理情况");
        }

        if (input.Round != item.Round)
        {
            return Outcome<DirectiveReport>.Conflict($"批示件已有第{item.Round}轮批示，请刷新后按最新批示报送");
        }

        if (await db.DirectiveReports.AnyAsync(r => r.TaskId == taskId && r.Round == item.Round, ct))
        {
            return Outcome<DirectiveReport>.Conflict("本轮办理情况已报送（可能刚由他人报送），请等待领导意见");
        }

        var problems = Bounds.Check(input);
        if (problems.Any)
        {
            return Outcome<DirectiveReport>.Invalid(problems.ToDictionary());
        }

        var report = new DirectiveReport
        {
            UnitId = viewer.UnitId, TaskId = taskId, Round = item.Round, Text = input.Text.Trim(), Evidence = input.Evidence.OrNull(),
            SubmittedById = viewer.PersonId, SubmittedAt = clock.UtcNow,
        };
        db.DirectiveReports.Add(report);
        RecordChain.Append(db, viewer.UnitId, "directive-report", report, viewer.PersonId, clock.UtcNow);
        item.Task.Stage = DirectiveStages.Presented;
        item.Task.ProgressPercent = Math.Max(item.Task.ProgressPercent, 90);
        item.Task.LastReportedAt = clock.UtcNow;
        item.Task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(item.Task, ct);
        editor.AddHistory(item.Task, viewer, "directive-report", $"报送第{item.Round}轮办理情况，待呈阅批示领导");
        await notices.AddAsync(viewer.UnitId, await OfficeAsync(item, ct), NoticeKind.DirectiveReported, taskId,
            $"批示件办理情况待呈阅：{item.Task.Title}", $"{viewer.Name}报送了{item.Details.DocumentNumber}第{item.Round}轮办理情况，请呈批示领导（{item.Details.Leader}）阅示并登记领导意见。", clock.UtcNow, ct);
        return await SaveOnce.RunAsync(db, transaction, report, "本轮办理情况刚由他人报送，请刷新后查看", ct);
    }

    /// <summary>The leader's answer to the round's report, recorded once by the office.</summary>
    public async Task<Outcome<DirectiveReport>> RespondAsync(Viewer viewer, int taskId, LeaderResponseInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var item = await FindAsync(viewer, taskId, ct);
        if (item is null)
        {
            return Outcome<DirectiveReport>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<DirectiveReport>.Forbidden("只有办公室可以登记批示领导的意见");
        }

        var report = await db.DirectiveReports.FirstOrDefaultAsync(r => r.TaskId == taskId && r.Round == input.Round, ct);
        if (item.Details.ClosedAt is not null || report?.Response is not null || (report is not null && input.Round != item.Round))
        {
            return Outcome<DirectiveReport>.Conflict("该轮领导意见已登记（可能刚由他人登记），请刷新后查看");
        }

        if (report is null)
        {
            return Outcome<DirectiveReport>.Invalid(nameof(input.Round), "牵头科室尚未报送本轮办理情况，不能登记领导意见");
        }

        var problems = Bounds.Check(input);
        var again = input.Response.Trim() == Again;
        if (!again && input.Response.Trim() != Agree)
        {
            problems.Add(nameof(input.Response), "领导意见只能是“同意办结”或“再次批示”");
        }

        var on = input.RespondedOn ?? clock.Today;
        if (on > clock.Today)
        {
            problems.Add(nameof(input.RespondedOn), "批示日期不能晚于今天");
        }

        if (again && string.IsNullOrWhiteSpace(input.Opinion))
        {
            problems.Add(nameof(input.Opinion), "再次批示时请填写批示内容");
        }

        if (again && input.DueDate is null)
        {
            problems.Add(nameof(input.DueDate), "再次批示时请填写新的办理时限");
        }
        else if (again && input.DueDate < clock.Today)
        {
            problems.Add(nameof(input.DueDate), "办理时限不能早于今天");
        }

        if (problems.Any)
        {
            return Outcome<DirectiveReport>.Invalid(problems.ToDictionary());
        }

        report.Response = again ? LeaderResponse.Again : LeaderResponse.Agreed;
        report.Opinion = input.Opinion.OrNull();
        report.RespondedOn = on;
        report.RecordedById = viewer.PersonId;
        report.RecordedAt = clock.UtcNow;
        var task = item.Task;
        task.UpdatedAt = clock.UtcNow;
        string summary;
        if (again)
        {
            var due = input.DueDate!.Value;
            var next = new DirectiveInstruction
            {
                UnitId = viewer.UnitId, TaskId = taskId, Round = item.Round + 1, Text = report.Opinion!, GivenOn = on, DueDate = due,
                RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
            };
            db.DirectiveInstructions.Add(next);
            RecordChain.Append(db, viewer.UnitId, "directive-instruction", next, viewer.PersonId, clock.UtcNow);
            task.Stage = DirectiveStages.Handling;
            task.DueDate = due;
            task.ProgressPercent = Math.Min(task.ProgressPercent, 50);
            summary = $"{item.Details.Leader}再次批示（第{item.Round + 1}轮，时限{Ui.Date(due)}）：{report.Opinion}";
        }
        else
        {
            item.Details.ClosedAt = clock.UtcNow;
            task.Stage = DirectiveStages.Closed;
            task.CompletedOn = clock.Today;
            task.ProgressPercent = 100;
            summary = $"{item.Details.Leader}同意办结" + (report.Opinion is { } o ? $"：{o}" : "");
        }

        RecordChain.Append(db, viewer.UnitId, "directive-response", report, viewer.PersonId, clock.UtcNow);
        await lights.RecomputeAsync(task, ct);
        editor.AddHistory(task, viewer, again ? "directive-again" : "directive-closed", summary);
        await notices.AddAsync(viewer.UnitId, LeadPeople(task), NoticeKind.DirectiveAnswered, taskId,
            (again ? "批示件再次批示：" : "批示件同意办结：") + task.Title, summary, clock.UtcNow, ct);
        return await SaveOnce.RunAsync(db, transaction, report, "该轮领导意见刚由他人登记，请刷新后查看", ct);
    }

    /// <summary>The 批示件 with its details and current round, tracked, if the viewer may see it.</summary>
    public async Task<DirectiveParts?> FindAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        var task = await editor.FindVisibleForScheduleAsync(viewer, taskId, ct);
        if (task is not { Kind: WorkKind.Directive })
        {
            return null;
        }

        var details = await db.DirectiveDetails.FirstOrDefaultAsync(d => d.TaskId == taskId, ct);
        var round = await db.DirectiveInstructions.Where(i => i.TaskId == taskId).MaxAsync(i => (int?)i.Round, ct) ?? 1;
        return details is null ? null : new DirectiveParts(task, details, round);
    }

    /// <summary>Who presents the report: the registrar of a restricted item (the rest of the office does not
    /// read it), every office member otherwise; and the lead leader, the 批示领导's line inside the unit.</summary>
    private async Task<List<int>> OfficeAsync(DirectiveParts item, CancellationToken ct)
    {
        var office = item.Task.Restricted ? [item.Details.RegisteredById] : await notices.OfficeAsync(item.Task.UnitId, ct);
        return item.Task.LeadLeaderId is { } leader ? [.. office, leader] : office;
    }

    /// <summary>The lead section's head(s) and the responsible person: who reports the next round.</summary>
    private List<int> LeadPeople(WorkTask task)
    {
        var heads = db.People.Where(p => p.UnitId == task.UnitId && p.SectionId == task.LeadSectionId && p.Role == Role.SectionHead && p.IsActive).Select(p => p.Id).ToList();
        return task.ResponsiblePersonId is { } person ? [.. heads, person] : heads;
    }
}
