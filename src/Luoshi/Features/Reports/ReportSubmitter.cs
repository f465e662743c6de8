using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Idempotency;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Reports;

/// <summary>One report to submit: who submits it, for which task, what it says.</summary>
internal sealed record ReportRequest(Viewer Viewer, int TaskId, ReportInput Input);

/// <summary>
/// Submitting a progress report. A lead-section report moves the task (progress, last reported
/// period, completion); a cooperating section's report records its part and moves nothing. The
/// report, the task and the history line are saved together or not at all. Reports of one task take
/// turns (<see cref="TaskRowLock"/>) and are stamped inside their turn, so the task shows the latest
/// report by submission order whatever the order their requests arrived in.
/// </summary>
internal sealed class ReportSubmitter(LuoshiDb db, TaskEditor tasks, TaskLights lights, PlanCache plans, WorkingCalendars calendars, BureauClock clock, IOptions<EvidenceOptions> evidenceOptions, Notices.PersonNotices notices, ReportQueue queue)
{
    /// <summary>A report sent by a request (the API, the report form): written with the reports submitted at
    /// the same moment (<see cref="ReportQueue"/>), or on the request's own context when its writes must mark
    /// its <c>Idempotency-Key</c> in their transaction (<see cref="IdempotencyMark"/>).</summary>
    public Task<Outcome<ProgressReport>> SubmitFromRequestAsync(Viewer viewer, int taskId, ReportInput input, CancellationToken ct) =>
        IdempotencyMark.IsAttached(db) ? SubmitAsync(viewer, taskId, input, ct) : queue.SubmitAsync(viewer, taskId, input, ct);

    public async Task<Outcome<ProgressReport>> SubmitAsync(Viewer viewer, int taskId, ReportInput input, CancellationToken ct = default) =>
        (await SubmitManyAsync([new ReportRequest(viewer, taskId, input)], ct))[0];

    /// <summary>
    /// Several reports in one transaction (<see cref="ReportQueue"/>'s batch): their tasks are locked at
    /// once, each report is checked and applied by the same rules in the order given (a second report of a
    /// task sees the first), and all are saved in one save and committed once. A refused report changes
    /// nothing and the others go on. When the save fails, nothing of any of them is kept: one report alone
    /// gets its answer (a lost race is a conflict); several throw, and the queue submits them one at a time.
    /// </summary>
    public async Task<Outcome<ProgressReport>[]> SubmitManyAsync(IReadOnlyList<ReportRequest> requests, CancellationToken ct = default)
    {
        // A failed save here rolls the whole transaction back: the savepoint EF Core would take around each
        // save of a transaction (two more statements per save, and a subtransaction in PostgreSQL) buys nothing.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await TaskRowLock.BeginAsync(db, requests.Select(r => (r.Viewer.UnitId, r.TaskId)), ct);
            var found = await tasks.FindVisibleForScheduleAsync([.. requests.Select(r => (r.Viewer, r.TaskId))], ct);
            using var parts = await lights.ReadPartsAsync([.. found.OfType<WorkTask>().Distinct()], ct);
            var batch = new Batch();
            var outcomes = new Outcome<ProgressReport>[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                var (viewer, _, input) = requests[i];
                outcomes[i] = found[i] is { } task ? await ApplyAsync(viewer, task, input, batch, ct) : Outcome<ProgressReport>.NotFound();
            }

            if (!outcomes.Any(o => o.Kind == OutcomeKind.Ok))
            {
                return outcomes;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (batch.Claims.Count > 0)
                {
                    await ClaimAsync(batch.Claims, ct);
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException e) when (TaskRowLock.LostRace(e) && requests.Count == 1)
            {
                // An evidence file went to another report (its ReportId was no longer empty), or another claim is pending.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return [Outcome<ProgressReport>.Conflict(requests[0].Input.ClaimsCompletion ? $"{EvidenceTaken}，或{PendingClaim}" : EvidenceTaken)];
            }

            return outcomes;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>What the reports of a batch took before the save: evidence files, and tasks whose completion they claim.</summary>
    private sealed class Batch
    {
        public HashSet<long> Evidence { get; } = [];
        public List<(Viewer Viewer, WorkTask Task, ProgressReport Report)> Claims { get; } = [];
    }

    /// <summary>Checks one report against its task as this batch has left it and, when it passes, adds it
    /// with what it moves; a refusal adds nothing.</summary>
    private async Task<Outcome<ProgressReport>> ApplyAsync(Viewer viewer, WorkTask task, ReportInput input, Batch batch, CancellationToken ct)
    {
        var rights = await viewer.RightsOnAsync(db, task, ct);
        if (!rights.CanReport)
        {
            return Outcome<ProgressReport>.Forbidden("只有牵头科室或配合科室可以报送进展");
        }

        // The shared bounds first: the period arithmetic below cannot take a date in year 9999.
        if (Bounds.Check(input) is { Any: true } outOfBounds)
        {
            return Outcome<ProgressReport>.Invalid(outOfBounds.ToDictionary());
        }

        var plan = await plans.GetAsync(db, task.PlanId, ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var today = clock.Today;
        var sectionId = rights.ReportAsLead ? task.LeadSectionId : rights.ReportPartSectionId!.Value;
        var (period, problems) = PeriodFor(plan, task, input, rights.ReportAsLead, today, calendar);
        var (evidence, taken) = await CheckEvidenceAsync(viewer, input, batch.Evidence, problems, ct);
        if (taken is not null)
        {
            return Outcome<ProgressReport>.Conflict(taken);
        }

        await CheckCorrectionAsync(task.Id, sectionId, input.CorrectsId, problems, ct);
        if (input.ClaimsCompletion && !rights.ReportAsLead)
        {
            problems.Add(nameof(input.ClaimsCompletion), "只有牵头科室可以申报任务完成");
        }
        else if (input.ClaimsCompletion && evidence.Count == 0)
        {
            problems.Add(nameof(input.EvidenceIds), "申报办结须附佐证材料");
        }
        else if (input.ClaimsCompletion && task.CompletedOn is not null)
        {
            problems.Add(nameof(input.ClaimsCompletion), "任务已办结");
        }
        else if (input.ClaimsCompletion && (batch.Claims.Any(c => c.Task == task)
            || await db.CompletionRequests.AnyAsync(r => r.TaskId == task.Id && r.Status == RequestStatus.Pending, ct)))
        {
            return Outcome<ProgressReport>.Conflict(PendingClaim);
        }

        if (string.IsNullOrWhiteSpace(input.Progress))
        {
            problems.Add(nameof(input.Progress), "请填写进展情况");
        }

        if (input.AchievedValue is not null && task.TargetValue is null)
        {
            problems.Add(nameof(input.AchievedValue), "该任务没有量化目标，请填写完成百分比");
        }

        ReportFigures.Check(input, task, problems);

        if (problems.Any)
        {
            return Outcome<ProgressReport>.Invalid(problems.ToDictionary());
        }

        var report = new ProgressReport
        {
            UnitId = viewer.UnitId,
            TaskId = task.Id,
            SectionId = sectionId,
            AuthorId = viewer.PersonId,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            SubmittedAt = clock.UtcNow,
            IsLate = today > period.OnTimeUntil,
            Progress = input.Progress.Trim(),
            Percent = input.ClaimsCompletion ? 100 : input.Percent ?? PercentOf(input.AchievedValue, task.TargetValue),
            AchievedValue = input.AchievedValue,
            Problems = input.Problems.OrNull(),
            NextSteps = input.NextSteps.OrNull(),
            ClaimsCompletion = input.ClaimsCompletion,
            CorrectsId = input.CorrectsId,
            Evidence = evidence,
        };
        db.Reports.Add(report);
        batch.Evidence.UnionWith(evidence.Select(e => e.Id));
        RecordChain.Append(db, viewer.UnitId, "report", report, viewer.PersonId, report.SubmittedAt);

        // Only forward: a report stamped before the task's latest (another instance's clock) moves nothing.
        if (rights.ReportAsLead && (task.LastReportedAt is not { } latest || report.SubmittedAt >= latest))
        {
            task.ProgressPercent = report.Percent ?? task.ProgressPercent;
            task.AchievedValue = report.AchievedValue ?? task.AchievedValue;
            task.LastReportedAt = report.SubmittedAt;
            task.LastReportedPeriodEnd = task.LastReportedPeriodEnd is { } last && last > period.End ? last : period.End;
            task.UpdatedAt = report.SubmittedAt;
            await lights.RecomputeAsync(task, plan, ct);
        }

        var what = input.CorrectsId is null ? "报送进展" : "更正进展";
        var late = report.IsLate ? "（逾期报送）" : "";
        var percent = report.Percent is { } p ? $"，完成{p}%" : "";
        tasks.AddHistory(task, viewer, "report", $"{what}：{period.Label(plan.Cadence)}{late}{percent}{(input.ClaimsCompletion ? "，申报办结，待办公室审核" : "")}");
        if (input.ClaimsCompletion)
        {
            batch.Claims.Add((viewer, task, report));
        }

        return Outcome<ProgressReport>.Ok(report);
    }

    /// <summary>The office's review decides when a task is done (办结, 销号); until then it is not. Each claim
    /// names its report, so it is added once the reports are saved.</summary>
    private async Task ClaimAsync(List<(Viewer Viewer, WorkTask Task, ProgressReport Report)> claims, CancellationToken ct)
    {
        foreach (var (viewer, task, report) in claims)
        {
            var claim = new CompletionRequest
            {
                UnitId = viewer.UnitId, TaskId = task.Id, ReportId = report.Id, RequestedById = viewer.PersonId, RequestedAt = report.SubmittedAt,
                ClaimedOn = clock.LocalDate(report.SubmittedAt),
            };
            db.CompletionRequests.Add(claim);
            RecordChain.Append(db, viewer.UnitId, "completion-request", claim, viewer.PersonId, claim.RequestedAt);
            await notices.AddAsync(viewer.UnitId, await notices.OfficeAsync(viewer.UnitId, ct), Notices.NoticeKind.CompletionClaimed, task.Id,
                $"待办结审核：{task.Title}", $"{viewer.Name}申报任务完成（{Desk.DeskDates.Formal(claim.ClaimedOn)}），附佐证材料{report.Evidence.Count}份，请审核办结。", claim.RequestedAt, ct);
        }
    }

    private const string PendingClaim = "该任务已有一份待审核的办结申请，请等待办公室审核";
    private const string EvidenceTaken = "附件已被另一份报告使用（同一份报告可能已经提交过），请刷新后查看";

    /// <summary>The period a new report of this task is for, as <see cref="SubmitAsync"/> will choose it.</summary>
    public static ReportPeriod DefaultPeriod(Plan plan, WorkTask task, bool asLead, DateOnly today, WorkingCalendar calendar) =>
        asLead ? ReportPeriods.Next(plan, task.StartDate, task.LastReportedPeriodEnd, today, calendar) : ReportPeriods.Containing(plan, today, calendar);

    private static (ReportPeriod, FieldErrors) PeriodFor(Plan plan, WorkTask task, ReportInput input, bool asLead, DateOnly today, WorkingCalendar calendar)
    {
        var problems = new FieldErrors();
        if (input.PeriodDate is not { } date)
        {
            return (DefaultPeriod(plan, task, asLead, today, calendar), problems);
        }

        var period = ReportPeriods.Containing(plan, date, calendar);
        if (period.Start > today)
        {
            problems.Add(nameof(input.PeriodDate), "不能为尚未开始的时段报送进展");
        }
        else if (period.End < task.StartDate)
        {
            problems.Add(nameof(input.PeriodDate), "该时段早于任务开始日期");
        }

        return (period, problems);
    }

    /// <summary>The files the report takes; or, when one of them already went to a report, why not.</summary>
    private async Task<(List<Evidence> Files, string? Taken)> CheckEvidenceAsync(Viewer viewer, ReportInput input, HashSet<long> takenInBatch, FieldErrors problems, CancellationToken ct)
    {
        var ids = (input.EvidenceIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return ([], null);
        }

        if (ids.Count > evidenceOptions.Value.MaxFilesPerReport)
        {
            problems.Add(nameof(input.EvidenceIds), $"每次报送最多附{evidenceOptions.Value.MaxFilesPerReport}个文件");
            return ([], null);
        }

        var files = await db.Evidence.Where(e => ids.Contains(e.Id) && e.UnitId == viewer.UnitId && e.UploadedById == viewer.PersonId).ToListAsync(ct);
        if (files.Count != ids.Count)
        {
            problems.Add(nameof(input.EvidenceIds), "附件不存在，或不是您上传的");
        }

        return files.FirstOrDefault(f => f.ReportId is not null || f.ReplyId is not null || takenInBatch.Contains(f.Id)) is { } used
            ? (files, $"附件“{used.FileName}”已附在另一份报告上（同一份报告可能已经提交过），请刷新后查看")
            : (files, null);
    }

    private async Task CheckCorrectionAsync(int taskId, int sectionId, long? correctsId, FieldErrors problems, CancellationToken ct)
    {
        if (correctsId is { } id && !await db.Reports.AnyAsync(r => r.Id == id && r.TaskId == taskId && r.SectionId == sectionId, ct))
        {
            problems.Add(nameof(ReportInput.CorrectsId), "要更正的报告不存在，或不是本科室报送的");
        }
    }

    private static int? PercentOf(decimal? achieved, decimal? target) =>
        achieved is { } a && target is { } t && t > 0 ? (int)Math.Min(100, Math.Floor(a / t * 100)) : null;
}
