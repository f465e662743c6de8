using Luoshi.Features.Record;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

internal sealed record AdjustmentInput(int? SectionId, int? PersonId, decimal? Points, string? Reason);

internal sealed record GradeInput(int? TaskId, string? Grade);

internal sealed record AwardInput(int? SectionId, int? PersonId, string? Kind, string? Reason);

/// <summary>
/// Every write to an assessment goes through one method here, shared by pages and API: each score change
/// (scheme, adjustment, grade, lock) is a single save, so it can also be appended to the record in one place.
/// </summary>
internal sealed class AssessmentEditor(LuoshiDb db, AssessmentData data, StoredResults results, BureauClock clock)
{
    public const int MaxReason = 500;

    public async Task<Outcome<AssessmentScheme>> CreateSchemeAsync(Viewer viewer, SchemeInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<AssessmentScheme>.Forbidden("考核方案由办公室制定");
        }

        var scheme = new AssessmentScheme { UnitId = viewer.UnitId, Name = "", CreatedById = viewer.PersonId, CreatedAt = clock.UtcNow };
        if (input.ApplyTo(scheme) is { Any: true } problems)
        {
            return Outcome<AssessmentScheme>.Invalid(problems.ToDictionary());
        }

        db.AssessmentSchemes.Add(scheme);
        RecordChain.Append(db, viewer.UnitId, "scheme", scheme, viewer.PersonId, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentScheme>.Ok(scheme);
    }

    public async Task<Outcome<AssessmentScheme>> UpdateSchemeAsync(Viewer viewer, int schemeId, SchemeInput input, CancellationToken ct)
    {
        var (scheme, refusal) = await OpenForChangeAsync<AssessmentScheme>(viewer, schemeId, officeOnly: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.ApplyTo(scheme!) is { Any: true } problems)
        {
            return Outcome<AssessmentScheme>.Invalid(problems.ToDictionary());
        }

        RecordChain.Append(db, viewer.UnitId, "scheme", scheme!, viewer.PersonId, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentScheme>.Ok(scheme!);
    }

    /// <summary>加分 (positive points) or 扣分 (negative) for one section or one person.</summary>
    public async Task<Outcome<ScoreAdjustment>> AddAdjustmentAsync(Viewer viewer, int schemeId, AdjustmentInput input, CancellationToken ct)
    {
        var (scheme, refusal) = await OpenForChangeAsync<ScoreAdjustment>(viewer, schemeId, officeOnly: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var problems = await TargetProblemsAsync(viewer, input.SectionId, input.PersonId, ct);
        var max = scheme!.MaxAdjustment.ToString("0.##", CultureInfo.InvariantCulture);
        if (input.Points is not { } points || points == 0 || Math.Abs(points) > scheme.MaxAdjustment || points != Math.Round(points, 2))
        {
            problems.Add("Points", $"分值超出本方案范围：每项加分或扣分应在0至{max}分之间（不为0，最多两位小数），扣分写负数");
        }

        CheckReason(problems, input.Reason);
        if (problems.Any)
        {
            return Outcome<ScoreAdjustment>.Invalid(problems.ToDictionary());
        }

        var adjustment = new ScoreAdjustment
        {
            UnitId = viewer.UnitId, SchemeId = schemeId, SectionId = input.SectionId, PersonId = input.PersonId, Points = input.Points!.Value,
            Reason = input.Reason!.Trim(), GivenById = viewer.PersonId, GivenAt = clock.UtcNow,
        };
        db.ScoreAdjustments.Add(adjustment);
        RecordChain.Append(db, viewer.UnitId, "score-adjustment", adjustment, viewer.PersonId, adjustment.GivenAt);
        await db.SaveChangesAsync(ct);
        return Outcome<ScoreAdjustment>.Ok(adjustment);
    }

    /// <summary>A quality grade for one task, by the office or the task's lead leader; the latest grade counts.</summary>
    public async Task<Outcome<QualityGrade>> GiveGradeAsync(Viewer viewer, int schemeId, GradeInput input, CancellationToken ct)
    {
        var (scheme, refusal) = await OpenForChangeAsync<QualityGrade>(viewer, schemeId, officeOnly: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == input.TaskId && t.UnitId == viewer.UnitId).Select(t => new { t.LeadLeaderId }).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return Outcome<QualityGrade>.Invalid("TaskId", "任务不存在");
        }

        if (!viewer.IsAdmin && task.LeadLeaderId != viewer.PersonId)
        {
            return Outcome<QualityGrade>.Forbidden("质量等次由办公室或该任务的牵头领导评定");
        }

        var grades = scheme!.GradeList.Select(g => g.Grade).ToList();
        if (!grades.Contains(input.Grade?.Trim() ?? ""))
        {
            return Outcome<QualityGrade>.Invalid("Grade", $"质量等次应为本方案的“{string.Join("、", grades)}”之一");
        }

        var grade = new QualityGrade { UnitId = viewer.UnitId, SchemeId = schemeId, TaskId = input.TaskId!.Value, Grade = input.Grade!.Trim(), GivenById = viewer.PersonId, GivenAt = clock.UtcNow };
        db.QualityGrades.Add(grade);
        RecordChain.Append(db, viewer.UnitId, "quality-grade", grade, viewer.PersonId, grade.GivenAt);
        await db.SaveChangesAsync(ct);
        return Outcome<QualityGrade>.Ok(grade);
    }

    /// <summary>奖惩 are decided on the results, so they may be recorded after the scheme is locked.</summary>
    public async Task<Outcome<AssessmentAward>> AddAwardAsync(Viewer viewer, int schemeId, AwardInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<AssessmentAward>.Forbidden("奖惩由办公室登记");
        }

        if (!await db.AssessmentSchemes.AnyAsync(s => s.Id == schemeId && s.UnitId == viewer.UnitId, ct))
        {
            return Outcome<AssessmentAward>.NotFound();
        }

        var problems = await TargetProblemsAsync(viewer, input.SectionId, input.PersonId, ct);
        if (!AssessmentAward.Kinds.Contains(input.Kind))
        {
            problems.Add("Kind", $"奖惩类别应为“{string.Join("、", AssessmentAward.Kinds)}”之一");
        }

        CheckReason(problems, input.Reason);
        if (problems.Any)
        {
            return Outcome<AssessmentAward>.Invalid(problems.ToDictionary());
        }

        var award = new AssessmentAward
        {
            UnitId = viewer.UnitId, SchemeId = schemeId, SectionId = input.SectionId, PersonId = input.PersonId, Kind = input.Kind!,
            Reason = input.Reason!.Trim(), GivenById = viewer.PersonId, GivenAt = clock.UtcNow,
        };
        db.AssessmentAwards.Add(award);
        RecordChain.Append(db, viewer.UnitId, "award", award, viewer.PersonId, award.GivenAt);
        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentAward>.Ok(award);
    }

    /// <summary>Freezes the scheme, its grades and adjustments. Only after the period has ended, so the day
    /// scored as of (the period's end) no longer moves.</summary>
    public async Task<Outcome<AssessmentScheme>> LockAsync(Viewer viewer, int schemeId, CancellationToken ct)
    {
        var (scheme, refusal) = await OpenForChangeAsync<AssessmentScheme>(viewer, schemeId, officeOnly: true, ct);
        if (refusal is not null)
        {
            return scheme is { IsLocked: true } ? Outcome<AssessmentScheme>.Conflict("考核已锁定，不能重复锁定") : refusal;
        }

        if (scheme!.PeriodEnd >= clock.Today)
        {
            return Outcome<AssessmentScheme>.Invalid("PeriodEnd", $"考核期间至 {Ui.Date(scheme.PeriodEnd)} 结束，结束后方可锁定");
        }

        // Computed before the flag is set, from the facts as they stand at the lock.
        scheme.LockedResult = System.Text.Json.JsonSerializer.Serialize(await data.ComputeAsync(scheme, ct), AssessmentData.FrozenJson);
        scheme.IsLocked = true;
        scheme.LockedAt = clock.UtcNow;
        scheme.LockedById = viewer.PersonId;
        RecordChain.Append(db, viewer.UnitId, "scheme-lock", scheme, viewer.PersonId, scheme.LockedAt.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<AssessmentScheme>.Conflict("考核刚由他人锁定，不能重复锁定");
        }

        return Outcome<AssessmentScheme>.Ok(scheme);
    }

    /// <summary>The office's 立即重新计算: queued for <see cref="RecomputeJob"/>, not computed while the office waits.</summary>
    public async Task<Outcome<AssessmentScheme>> RequestRecomputeAsync(Viewer viewer, int schemeId, CancellationToken ct)
    {
        var (scheme, refusal) = await OpenForChangeAsync<AssessmentScheme>(viewer, schemeId, officeOnly: true, ct);
        if (refusal is not null)
        {
            return scheme is { IsLocked: true } ? Outcome<AssessmentScheme>.Conflict("考核已锁定，结果不再重新计算") : refusal;
        }

        await results.RequestAsync(scheme!, ct);
        return Outcome<AssessmentScheme>.Ok(scheme!);
    }

    private async Task<(AssessmentScheme? Scheme, Outcome<T>? Refusal)> OpenForChangeAsync<T>(Viewer viewer, int schemeId, bool officeOnly, CancellationToken ct)
    {
        if (!viewer.IsAdmin && (officeOnly || viewer.Role != Role.Leader))
        {
            return (null, Outcome<T>.Forbidden(officeOnly ? "考核方案由办公室管理" : "考核评分由办公室或局领导进行"));
        }

        var scheme = await db.AssessmentSchemes.FirstOrDefaultAsync(s => s.Id == schemeId && s.UnitId == viewer.UnitId, ct);
        if (scheme is null)
        {
            return (null, Outcome<T>.NotFound());
        }

        return scheme.IsLocked ? (scheme, Outcome<T>.Invalid("Scheme", "考核已锁定，不能再修改")) : (scheme, null);
    }

    private async Task<FieldErrors> TargetProblemsAsync(Viewer viewer, int? sectionId, int? personId, CancellationToken ct)
    {
        var problems = new FieldErrors();
        if ((sectionId is null) == (personId is null))
        {
            problems.Add("SectionId", "请选择一个科室或一名人员（二者选一）");
        }
        else if (sectionId is { } s && !await db.Sections.AnyAsync(x => x.Id == s && x.UnitId == viewer.UnitId, ct))
        {
            problems.Add("SectionId", "科室不存在");
        }
        else if (personId is { } p && !await db.People.AnyAsync(x => x.Id == p && x.UnitId == viewer.UnitId, ct))
        {
            problems.Add("PersonId", "人员不存在");
        }

        return problems;
    }

    private static void CheckReason(FieldErrors problems, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
        {
            problems.Add("Reason", $"请写明理由（不超过{MaxReason}字）");
        }
    }
}
