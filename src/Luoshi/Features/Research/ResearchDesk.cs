using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

/// <summary>A topic as loaded for a change: its task (with milestones) and its details, both tracked.</summary>
internal sealed record TopicParts(WorkTask Task, ResearchTopic Details);

/// <summary>
/// The rules of a research topic, shared by pages and API: setting it (through the work-item kernel, so
/// it is a task of kind Research with lights, history, sign-off and escalation), recording visits,
/// submitting and deciding on report versions, entering findings, turning each into a task, closing.
/// </summary>
internal sealed class ResearchDesk(LuoshiDb db, TaskEditor editor, WorkItemCreator workItems, TaskLights lights, ResearchFiles files, PlanCache plans, BureauClock clock)
{
    private static readonly Dictionary<string, string> TaskFields = new()
    {
        ["DueDate"] = nameof(TopicInput.CloseDue), ["StartDate"] = nameof(TopicInput.ReportDue), ["milestones[0].DueDate"] = nameof(TopicInput.ReportDue),
        ["Cooperations"] = nameof(TopicInput.CooperatingSectionIds),
    };

    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, TopicInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室可以设立调研课题");
        }

        var problems = Bounds.Check(input);
        if (input.LeadLeaderId is null)
        {
            problems.Add(nameof(input.LeadLeaderId), "请选择牵头领导");
        }

        if (input.LeadSectionId <= 0)
        {
            problems.Add(nameof(input.LeadSectionId), "请选择牵头科室");
        }

        if (input.ReportDue is { } due && due < clock.Today)
        {
            problems.Add(nameof(input.ReportDue), "报告时限不能早于今天");
        }

        if (input.CloseDue is { } close && input.ReportDue is { } report && close < report)
        {
            problems.Add(nameof(input.CloseDue), "办结时限不能早于报告时限");
        }

        if (input.CooperatingSectionIds?.Contains(input.LeadSectionId) == true)
        {
            problems.Add(nameof(input.CooperatingSectionIds), "牵头科室不必再列为配合科室");
        }

        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var reportDue = input.ReportDue!.Value;
        var endOfYear = new DateOnly(clock.Today.Year, 12, 31);
        var closeDue = input.CloseDue ?? (reportDue > endOfYear ? reportDue : endOfYear);
        var created = await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Research, new TaskInput
        {
            Title = input.Title.Trim(), Description = input.Questions.Trim(), LeadLeaderId = input.LeadLeaderId, LeadSectionId = input.LeadSectionId,
            StartDate = clock.Today, DueDate = closeDue, Tags = ["专题调研"],
            Cooperations = [.. (input.CooperatingSectionIds ?? []).Distinct().Select(s => new CooperationInput { SectionId = s, Part = "配合调研" })],
        })
        {
            Stage = ResearchStages.Set,
            Milestones = [new MilestoneInput { Title = ResearchStages.ReportMilestone, Deliverable = "调研报告经牵头领导审定", DueDate = reportDue }],
            AddDetails = (task, _) =>
            {
                db.ResearchTopics.Add(new ResearchTopic
                {
                    TaskId = task.Id, UnitId = viewer.UnitId, Questions = input.Questions.Trim(), Places = input.Places?.Trim() ?? "", ReportDue = reportDue,
                });
                return Task.CompletedTask;
            },
        }, ct);
        return created.Errors is null ? created : created with { Errors = created.Errors.ToDictionary(e => TaskFields.GetValueOrDefault(e.Key, e.Key), e => e.Value) };
    }

    public async Task<Outcome<ResearchVisit>> AddVisitAsync(Viewer viewer, int taskId, VisitInput input, IFormFile? upload, CancellationToken ct = default)
    {
        var topic = await FindAsync(viewer, taskId, ct);
        if (topic is null)
        {
            return Outcome<ResearchVisit>.NotFound();
        }

        if (!ResearchAccess.IsLeadSection(viewer, topic.Task))
        {
            return Outcome<ResearchVisit>.Forbidden("只有牵头科室可以记录调研走访");
        }

        if (topic.Details.ClosedAt is not null)
        {
            return Outcome<ResearchVisit>.Conflict("课题已办结");
        }

        var problems = Bounds.Check(input);
        if (input.VisitedOn > clock.Today)
        {
            problems.Add(nameof(input.VisitedOn), "日期不能晚于今天");
        }

        var (file, fileProblem) = await files.ReadAsync(upload, report: false, ct);
        if (fileProblem is not null)
        {
            problems.Add("file", fileProblem);
        }

        if (problems.Any)
        {
            return Outcome<ResearchVisit>.Invalid(problems.ToDictionary());
        }

        var visit = new ResearchVisit
        {
            UnitId = viewer.UnitId, TaskId = taskId, VisitedOn = input.VisitedOn!.Value, Place = input.Place!.Trim(), PeopleMet = input.PeopleMet!.Trim(),
            Notes = input.Notes!.Trim(), RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
            File = file is null ? new() : await files.StoreAsync(viewer, file, ct),
        };
        db.ResearchVisits.Add(visit);
        ResearchStages.MoveTo(topic.Task, ResearchStages.Field);
        topic.Task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(topic.Task, ct);
        editor.AddHistory(topic.Task, viewer, "research-visit", $"调研走访：{visit.VisitedOn:yyyy-MM-dd} {visit.Place}（{visit.PeopleMet}）");
        await db.SaveChangesAsync(ct);
        return Outcome<ResearchVisit>.Ok(visit);
    }

    public async Task<Outcome<ResearchReport>> SubmitReportAsync(Viewer viewer, int taskId, ReportInput input, IFormFile? upload, CancellationToken ct = default)
    {
        var problems = Bounds.Check(input);
        var (file, fileProblem) = await files.ReadAsync(upload, report: true, ct);
        if (fileProblem is not null)
        {
            problems.Add("file", fileProblem);
        }
        else if (file is null && string.IsNullOrWhiteSpace(input.Text))
        {
            problems.Add(nameof(input.Text), "请上传调研报告（Word 或 PDF），或填写报告正文");
        }

        // The second of two uploads at once waits here, then finds the first under review.
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var topic = await FindAsync(viewer, taskId, ct);
        if (topic is null)
        {
            return Outcome<ResearchReport>.NotFound();
        }

        if (!ResearchAccess.IsLeadSection(viewer, topic.Task))
        {
            return Outcome<ResearchReport>.Forbidden("只有牵头科室可以提交调研报告");
        }

        var latest = await db.ResearchReports.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (latest?.Status == ReportStatus.Submitted)
        {
            return Outcome<ResearchReport>.Conflict($"第{latest.Version}版报告正在审阅，审阅后才能提交新版本");
        }

        if (latest?.Status == ReportStatus.Accepted)
        {
            return Outcome<ResearchReport>.Conflict("调研报告已审定通过，不再提交新版本");
        }

        if (problems.Any)
        {
            return Outcome<ResearchReport>.Invalid(problems.ToDictionary());
        }

        var report = new ResearchReport
        {
            UnitId = viewer.UnitId, TaskId = taskId, Version = (latest?.Version ?? 0) + 1, Text = input.Text.OrNull(), Status = ReportStatus.Submitted,
            SubmittedById = viewer.PersonId, SubmittedAt = clock.UtcNow, File = file is null ? new() : await files.StoreAsync(viewer, file, ct),
        };
        db.ResearchReports.Add(report);
        ResearchStages.MoveTo(topic.Task, ResearchStages.Report);
        topic.Task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(topic.Task, ct);
        editor.AddHistory(topic.Task, viewer, "research-report", $"提交调研报告第{report.Version}版{(report.File.Exists ? "：" + report.File.FileName : "")}");
        return await SaveOnce.RunAsync(db, transaction, report, "报告刚由他人提交，请刷新后查看", ct);
    }

    public async Task<Outcome<ResearchReport>> DecideAsync(Viewer viewer, int taskId, DecisionInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var topic = await FindAsync(viewer, taskId, ct);
        if (topic is null)
        {
            return Outcome<ResearchReport>.NotFound();
        }

        if (!ResearchAccess.Decides(viewer, topic.Task))
        {
            return Outcome<ResearchReport>.Forbidden("只有牵头领导或办公室可以审阅调研报告");
        }

        var problems = Bounds.Check(input);
        if (input.Accept == false && string.IsNullOrWhiteSpace(input.Comment))
        {
            problems.Add(nameof(input.Comment), "退回时请写明修改意见");
        }

        if (problems.Any)
        {
            return Outcome<ResearchReport>.Invalid(problems.ToDictionary());
        }

        var report = await db.ResearchReports.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (report is null || report.Version != input.Version || report.Status != ReportStatus.Submitted)
        {
            return Outcome<ResearchReport>.Conflict(report is null ? "还没有提交调研报告" : $"第{input.Version}版报告不在待审阅状态（可能刚由他人审阅或已有新版本），请刷新后查看");
        }

        var accept = input.Accept!.Value;
        report.Status = accept ? ReportStatus.Accepted : ReportStatus.Returned;
        report.DecidedById = viewer.PersonId;
        report.DecidedAt = clock.UtcNow;
        report.Comment = input.Comment.OrNull();
        if (accept)
        {
            foreach (var m in topic.Task.Milestones.Where(m => m.Title == ResearchStages.ReportMilestone && m.CompletedOn is null))
            {
                m.CompletedOn = clock.Today;
                m.CompletionNote = $"调研报告第{report.Version}版审定通过";
            }
        }

        topic.Task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(topic.Task, ct);
        editor.AddHistory(topic.Task, viewer, "research-decision", accept ? $"调研报告第{report.Version}版审定通过" : $"调研报告第{report.Version}版退回修改：{report.Comment}");
        return await SaveOnce.RunAsync(db, transaction, report, "报告刚由他人审阅，请刷新后查看", ct);
    }

    public async Task<Outcome<List<ResearchFinding>>> AddFindingsAsync(Viewer viewer, int taskId, FindingsInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var topic = await FindAsync(viewer, taskId, ct);
        if (topic is null)
        {
            return Outcome<List<ResearchFinding>>.NotFound();
        }

        if (!ResearchAccess.Decides(viewer, topic.Task))
        {
            return Outcome<List<ResearchFinding>>.Forbidden("只有牵头领导或办公室可以登记调研成果");
        }

        var accepted = await db.ResearchReports.Where(r => r.TaskId == taskId && r.Status == ReportStatus.Accepted).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (accepted is null)
        {
            return Outcome<List<ResearchFinding>>.Conflict("调研报告审定通过后才能登记成果");
        }

        if (topic.Details.ClosedAt is not null)
        {
            return Outcome<List<ResearchFinding>>.Conflict("课题已办结");
        }

        var problems = Bounds.Check(input);
        var items = (input.Items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
        if (items.Count == 0)
        {
            problems.Add(nameof(input.Items), "请填写调研成果");
        }
        else if (items.Any(i => i.Length > 1000))
        {
            problems.Add(nameof(input.Items), "每条成果不能超过1000个字");
        }

        if (problems.Any)
        {
            return Outcome<List<ResearchFinding>>.Invalid(problems.ToDictionary());
        }

        var next = await db.ResearchFindings.Where(f => f.TaskId == taskId).MaxAsync(f => (int?)f.Number, ct) ?? 0;
        var findings = items.Select((text, i) => new ResearchFinding
        {
            UnitId = viewer.UnitId, TaskId = taskId, ReportId = accepted.Value, Number = next + i + 1, Text = text, EnteredById = viewer.PersonId, EnteredAt = clock.UtcNow,
        }).ToList();
        db.ResearchFindings.AddRange(findings);
        editor.AddHistory(topic.Task, viewer, "research-findings", $"登记调研成果{findings.Count}条（第{next + 1}至{next + findings.Count}条）");
        return await SaveOnce.RunAsync(db, transaction, findings, "成果刚由他人登记，请刷新后查看", ct);
    }

    /// <summary>Turns a finding into a task through the normal task creation path (so it is lit and
    /// escalated like any task), linked both ways: the finding names the task, the task's description
    /// names the topic and the finding.</summary>
    public async Task<Outcome<WorkTask>> MakeTaskAsync(Viewer viewer, int taskId, int number, FindingTaskInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var topic = await FindAsync(viewer, taskId, ct);
        var finding = topic is null ? null : await db.ResearchFindings.FirstOrDefaultAsync(f => f.TaskId == taskId && f.Number == number, ct);
        if (topic is null || finding is null)
        {
            return Outcome<WorkTask>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室可以把调研成果转为任务");
        }

        if (finding.ResultTaskId is not null)
        {
            return Outcome<WorkTask>.Conflict($"第{number}条成果已转为任务");
        }

        var problems = Bounds.Check(input);
        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var planId = input.PlanId ?? await LedgerPlans.IdAsync(db, plans, viewer.UnitId, clock.Today.Year, new ResearchLedgerKind(), clock.UtcNow, ct);
        var title = input.Title.OrNull() ?? finding.Text;
        var created = await editor.CreateAsync(viewer, new TaskInput
        {
            PlanId = planId, Title = title.Length > 500 ? title[..500] : title, Description = $"来源：调研课题“{topic.Task.Title}”第{number}条成果：{finding.Text}",
            LeadSectionId = input.LeadSectionId, ResponsiblePersonId = input.ResponsiblePersonId, StartDate = clock.Today, DueDate = input.DueDate,
            Tags = ["调研成果转化"],
        }, null, ct);
        if (created.Value is not { } task)
        {
            await transaction.RollbackAsync(ct);
            return created;
        }

        finding.ResultTaskId = task.Id;
        ResearchStages.MoveTo(topic.Task, ResearchStages.Use);
        topic.Task.UpdatedAt = clock.UtcNow;
        editor.AddHistory(topic.Task, viewer, "research-use", $"第{number}条成果转为任务“{task.Title}”");
        return await SaveOnce.RunAsync(db, transaction, task, $"第{number}条成果刚由他人转为任务，请刷新后查看", ct);
    }

    /// <summary>办结: once the report is accepted and every finding's task is done.</summary>
    public async Task<Outcome<ResearchTopic>> CloseAsync(Viewer viewer, int taskId, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var topic = await FindAsync(viewer, taskId, ct);
        if (topic is null)
        {
            return Outcome<ResearchTopic>.NotFound();
        }

        if (!ResearchAccess.Decides(viewer, topic.Task))
        {
            return Outcome<ResearchTopic>.Forbidden("只有牵头领导或办公室可以办结课题");
        }

        if (topic.Details.ClosedAt is not null)
        {
            return Outcome<ResearchTopic>.Conflict("课题已办结");
        }

        var findings = await db.ResearchFindings.Where(f => f.TaskId == taskId)
            .Select(f => new { f.Number, Done = db.Tasks.Any(t => t.Id == f.ResultTaskId && t.CompletedOn != null) }).ToListAsync(ct);
        if (findings.Count == 0)
        {
            return Outcome<ResearchTopic>.Invalid("Close", "调研报告审定、成果登记并转化后才能办结");
        }

        if (findings.Where(f => !f.Done).Select(f => f.Number).ToList() is { Count: > 0 } open)
        {
            return Outcome<ResearchTopic>.Invalid("Close", $"第{string.Join("、", open)}条成果尚未转为任务或任务未完成，不能办结");
        }

        topic.Details.ClosedAt = clock.UtcNow;
        topic.Task.CompletedOn = clock.Today;
        topic.Task.ProgressPercent = 100;
        topic.Task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(topic.Task, ct);
        editor.AddHistory(topic.Task, viewer, "research-closed", "课题办结：调研成果均已转化落实");
        return await SaveOnce.RunAsync(db, transaction, topic.Details, "课题刚由他人办结", ct);
    }

    /// <summary>The topic with its details, tracked, if the viewer may see it.</summary>
    public async Task<TopicParts?> FindAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        var task = await ResearchAccess.Topics(db, viewer).Include(t => t.Milestones).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        var details = task is null ? null : await db.ResearchTopics.FirstOrDefaultAsync(d => d.TaskId == taskId, ct);
        return task is null || details is null ? null : new TopicParts(task, details);
    }
}
