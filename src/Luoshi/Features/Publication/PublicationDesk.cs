using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

/// <summary>
/// The office's side of the public commitments: which tasks are public, in what words, and the
/// publishing of an edition. Pages and API call these, so each rule lives here once.
/// </summary>
internal sealed class PublicationDesk(LuoshiDb db, BureauClock clock)
{
    private const string OfficeOnly = "只有办公室可以管理公开承诺";

    /// <summary>Makes a task public, or changes its public words.</summary>
    public async Task<Outcome<PublicCommitment>> SaveAsync(Viewer viewer, int taskId, CommitmentInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<PublicCommitment>.Forbidden(OfficeOnly);
        }

        var task = await db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Id == taskId).Select(t => new { t.Restricted }).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return Outcome<PublicCommitment>.NotFound();
        }

        var errors = new FieldErrors();
        if (task.Restricted)
        {
            errors.Add("", "该任务有知悉范围限制，不能公开");
        }

        if (!input.UseTaskTitle && string.IsNullOrWhiteSpace(input.PublicTitle))
        {
            errors.Add(nameof(CommitmentInput.PublicTitle), "请填写公开标题，或选择公开任务原标题");
        }

        if (string.IsNullOrWhiteSpace(input.Narrative))
        {
            errors.Add(nameof(CommitmentInput.Narrative), "请填写向社会公开的进展说明");
        }

        Bounded(input, errors);
        if (errors.Any)
        {
            return Outcome<PublicCommitment>.Invalid(errors.ToDictionary());
        }

        var commitment = await db.PublicCommitments.FirstOrDefaultAsync(c => c.UnitId == viewer.UnitId && c.TaskId == taskId, ct);
        if (commitment is null)
        {
            commitment = new PublicCommitment { UnitId = viewer.UnitId, TaskId = taskId };
            db.PublicCommitments.Add(commitment);
        }

        commitment.PublicTitle = input.PublicTitle.OrNull();
        commitment.Narrative = input.Narrative.OrNull();
        commitment.Area = input.Area.OrNull();
        commitment.UseTaskTitle = input.UseTaskTitle;
        commitment.ShowLeadSection = input.ShowLeadSection;
        commitment.ShowResponsible = input.ShowResponsible;
        commitment.ShowProblems = input.ShowProblems;
        commitment.UpdatedById = viewer.PersonId;
        commitment.UpdatedAt = clock.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            return Outcome<PublicCommitment>.Conflict("该任务刚由他人设为公开，请刷新后再修改");
        }

        return Outcome<PublicCommitment>.Ok(commitment);
    }

    /// <summary>Makes every top-level task of a plan public, each waiting for its public words: nothing
    /// of the task's own is published until the office writes them or chooses the task's title.</summary>
    public async Task<Outcome<int>> AddPlanAsync(Viewer viewer, int planId, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<int>.Forbidden(OfficeOnly);
        }

        if (!await db.Plans.AnyAsync(p => p.UnitId == viewer.UnitId && p.Id == planId, ct))
        {
            return Outcome<int>.Invalid("PlanId", "请选择计划");
        }

        var taskIds = await db.Tasks
            .Where(t => t.UnitId == viewer.UnitId && t.PlanId == planId && t.ParentId == null && !t.Restricted
                && !db.PublicCommitments.Any(c => c.UnitId == viewer.UnitId && c.TaskId == t.Id))
            .Select(t => t.Id).ToListAsync(ct);
        db.PublicCommitments.AddRange(taskIds.Select(id => new PublicCommitment { UnitId = viewer.UnitId, TaskId = id, UpdatedById = viewer.PersonId, UpdatedAt = clock.UtcNow }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            return Outcome<int>.Conflict("该计划的任务刚由他人设为公开，请刷新后查看");
        }

        return Outcome<int>.Ok(taskIds.Count);
    }

    /// <summary>Takes a task off the public list; editions already published keep it.</summary>
    public async Task<Outcome<int>> RemoveAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<int>.Forbidden(OfficeOnly);
        }

        var removed = await db.PublicCommitments.Where(c => c.UnitId == viewer.UnitId && c.TaskId == taskId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<int>.NotFound() : Outcome<int>.Ok(taskId);
    }

    /// <summary>Publishes the draft as the next edition, copied as it stands now and recorded.</summary>
    public async Task<Outcome<PublicEdition>> PublishAsync(Viewer viewer, PublishInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<PublicEdition>.Forbidden(OfficeOnly);
        }

        var next = await PublicationDraft.NextNumberAsync(db, viewer.UnitId, ct);
        if (input.ExpectedNumber is { } expected && expected != next)
        {
            return Outcome<PublicEdition>.Conflict($"第{expected}期已经发布，请刷新预览后再发布");
        }

        if (input.Note is { Length: > PublicLimits.Note })
        {
            return Outcome<PublicEdition>.Invalid(nameof(PublishInput.Note), "本期说明不能超过200个字");
        }

        var draft = await PublicationDraft.BuildAsync(db, viewer.UnitId, ct);
        if (draft.Items.Count == 0)
        {
            return Outcome<PublicEdition>.Invalid("", "还没有填写完整的公开承诺：请先选择公开的任务，并填写公开标题和进展说明");
        }

        var edition = new PublicEdition
        {
            UnitId = viewer.UnitId, Number = next, PublishedOn = clock.Today, PublishedAt = clock.UtcNow, PublishedById = viewer.PersonId,
            Note = input.Note.OrNull(), Items = draft.Items,
        };
        db.PublicEditions.Add(edition);
        RecordChain.Append(db, viewer.UnitId, "public-edition", edition, viewer.PersonId, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            return Outcome<PublicEdition>.Conflict($"第{next}期刚由他人发布，请刷新预览后再发布");
        }

        return Outcome<PublicEdition>.Ok(edition);
    }

    private static void Bounded(CommitmentInput input, FieldErrors errors)
    {
        if (input.PublicTitle is { Length: > PublicLimits.Title })
        {
            errors.Add(nameof(CommitmentInput.PublicTitle), "公开标题不能超过200个字");
        }

        if (input.Narrative is { Length: > PublicLimits.Narrative })
        {
            errors.Add(nameof(CommitmentInput.Narrative), "公开说明不能超过1000个字");
        }

        if (input.Area is { Length: > PublicLimits.Area })
        {
            errors.Add(nameof(CommitmentInput.Area), "领域不能超过20个字");
        }
    }
}
