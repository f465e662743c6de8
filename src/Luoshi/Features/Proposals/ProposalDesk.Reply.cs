using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

internal sealed partial class ProposalDesk
{
    /// <summary>The reply (答复): text, date, result class, signer, the file, and to whom it was
    /// delivered (the proposer at least). It counts as done for the light until the satisfaction.</summary>
    public async Task<Outcome<ProposalReply>> ReplyAsync(Viewer viewer, int taskId, ReplyInput input, IFormFile? file, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var (task, proposal) = await FindAsync(viewer, taskId, ct);
        if (task is null || proposal is null)
        {
            return Outcome<ProposalReply>.NotFound();
        }

        if (!(await viewer.RightsOnAsync(db, task, ct)).ReportAsLead)
        {
            return Outcome<ProposalReply>.Forbidden("只有主办科室或办公室可以答复");
        }

        if (task.Stage == ProposalStages.Closed)
        {
            return Outcome<ProposalReply>.Conflict("建议提案已办结，不能再答复");
        }

        if (task.Stage == ProposalStages.Replied)
        {
            return Outcome<ProposalReply>.Conflict("本次答复已经登记（可能刚由他人提交），请等待录入满意度");
        }

        var problems = CheckReply(input, proposal);
        var (pending, fileProblem) = await files.ReadAsync(file, ct);
        if (fileProblem is not null)
        {
            problems.Add("File", fileProblem);
        }

        if (problems.Any)
        {
            return Outcome<ProposalReply>.Invalid(problems.ToDictionary());
        }

        var round = await db.ProposalReplies.CountAsync(r => r.TaskId == taskId, ct) + 1;
        var on = input.RepliedOn!.Value;
        var reply = new ProposalReply
        {
            UnitId = viewer.UnitId, TaskId = taskId, Round = round, Text = input.Text!.Trim(), RepliedOn = on, ResultClass = input.ResultClass!.Trim().ToUpperInvariant(),
            Signer = input.Signer!.Trim(), DeliveredTo = ProposalNames.Join(Delivered(input)) ?? "", RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
            // Stored before its row; a reply that then loses a race leaves an unreferenced file, never a row without one.
            File = pending is null ? new() : await files.StoreAsync(viewer, pending, ct),
        };
        db.ProposalReplies.Add(reply);
        proposal.FirstRepliedOn ??= on;
        task.Stage = ProposalStages.Replied;
        var milestone = round == 1 ? ProposalStages.ReplyMilestone : ProposalStages.ReReplyMilestone;
        foreach (var m in task.Milestones.Where(m => m.Title == milestone && m.CompletedOn is null))
        {
            m.CompletedOn = on;
            m.CompletionNote = $"{ResultClasses.Label(reply.ResultClass)}，签发人{reply.Signer}";
        }

        task.CompletedOn = on;
        task.ProgressPercent = 100;
        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
        editor.AddHistory(task, viewer, "proposal", $"{(round == 1 ? "答复" : "重新办理后再次答复")}（{on:yyyy-MM-dd}，{reply.ResultClass}类，签发人{reply.Signer}），送达{reply.DeliveredTo}");
        await notices.AddAsync(viewer.UnitId, await notices.OfficeAsync(viewer.UnitId, ct), NoticeKind.ProposalReplied, taskId, $"待录入满意度：{task.Title}",
            $"{proposal.Type.Chinese()}{proposal.Number}已于{Desk.DeskDates.Formal(on)}答复（{reply.ResultClass}类），请征询{proposal.ProposerName}的意见并录入满意度。", clock.UtcNow, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ProposalReply>.Conflict("本次答复刚由他人登记，请刷新后查看");
        }

        await transaction.CommitAsync(ct);
        return Outcome<ProposalReply>.Ok(reply);
    }

    /// <summary>
    /// The proposer's satisfaction with the latest reply, recorded once by the office. 满意 or 基本满意
    /// closes the proposal (办结). 不满意 after the first reply sends it back to be handled again
    /// (重新办理) with a month to reply; after the second reply any answer closes it, 不满意 included,
    /// as the rules allow one re-handling.
    /// </summary>
    public async Task<Outcome<ProposalReply>> RecordSatisfactionAsync(Viewer viewer, int taskId, SatisfactionInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var (task, proposal) = await FindAsync(viewer, taskId, ct);
        if (task is null || proposal is null)
        {
            return Outcome<ProposalReply>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<ProposalReply>.Forbidden("满意度由办公室录入");
        }

        if (task.Stage == ProposalStages.Closed)
        {
            return Outcome<ProposalReply>.Conflict("建议提案已办结，满意度已经录入");
        }

        var latest = await db.ProposalReplies.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Round).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Outcome<ProposalReply>.Invalid(nameof(input.Satisfaction), "尚未答复，不能录入满意度");
        }

        if (latest.Satisfaction is not null)
        {
            return Outcome<ProposalReply>.Conflict("本次答复的满意度已经录入（可能刚由他人录入），重新办理后再次答复才能再录入");
        }

        if (input.Satisfaction is not { } satisfaction || !Appeals.Satisfaction.Scale.Contains(satisfaction))
        {
            return Outcome<ProposalReply>.Invalid(nameof(input.Satisfaction), "满意度只能是满意、基本满意或不满意");
        }

        var today = clock.Today;
        (latest.Satisfaction, latest.SatisfactionNote, latest.SatisfactionOn, latest.SatisfactionById) = (satisfaction, input.Note.OrNull(), today, viewer.PersonId);
        if (satisfaction == Appeals.Satisfaction.Dissatisfied && latest.Round == 1)
        {
            proposal.ReopenedOn = today;
            task.Stage = ProposalStages.Handling;
            task.CompletedOn = null;
            task.ProgressPercent = 0;
            var due = ProposalClock.ReHandlingDue(today);
            task.DueDate = due;
            task.Milestones.Add(new Milestone
            {
                UnitId = task.UnitId, TaskId = task.Id, Title = ProposalStages.ReReplyMilestone, Deliverable = "重新办理后再次答复", DueDate = due,
                SortOrder = task.Milestones.Count == 0 ? 0 : task.Milestones.Max(m => m.SortOrder) + 1,
            });
            editor.AddHistory(task, viewer, "proposal", $"{proposal.ProposerName}对答复不满意，重新办理，答复时限 {due:yyyy-MM-dd}");
            await notices.AddAsync(viewer.UnitId, await LeadSectionAsync(task, ct), NoticeKind.ProposalReopened, taskId, $"重新办理：{task.Title}",
                $"{proposal.ProposerName}对{proposal.Type.Chinese()}{proposal.Number}的答复不满意，请重新办理，于{Desk.DeskDates.Formal(due)}前再次答复。", clock.UtcNow, ct);
        }
        else
        {
            proposal.ClosedOn = today;
            task.Stage = ProposalStages.Closed;
            editor.AddHistory(task, viewer, "proposal", $"{proposal.ProposerName}对答复{satisfaction}，办结");
        }

        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProposalReply>.Ok(latest);
    }

    private FieldErrors CheckReply(ReplyInput input, ProposalDetails proposal)
    {
        var problems = Bounds.Check(input);
        if (input.RepliedOn is { } on && on > clock.Today)
        {
            problems.Add(nameof(input.RepliedOn), "答复日期不能晚于今天");
        }
        else if (input.RepliedOn < proposal.AssignedOn)
        {
            problems.Add(nameof(input.RepliedOn), "答复日期不能早于交办日期");
        }

        if (input.ResultClass is { } code && !ResultClasses.All.ContainsKey(code.Trim().ToUpperInvariant()))
        {
            problems.Add(nameof(input.ResultClass), "办理结果类别只能是A、B或C");
        }

        var recipients = Recipients(proposal);
        var delivered = Delivered(input);
        if (delivered.FirstOrDefault(n => !recipients.Contains(n)) is { } stranger)
        {
            problems.Add(nameof(input.DeliveredTo), $"“{stranger}”不是本件的领衔人或附议人");
        }
        else if (!delivered.Contains(proposal.ProposerName))
        {
            problems.Add(nameof(input.DeliveredTo), $"答复须送达{proposal.Type.ProposerLabel()}{proposal.ProposerName}");
        }

        return problems;
    }

    /// <summary>Who gets the reply: the proposer first, then each co-signer.</summary>
    public static IReadOnlyList<string> Recipients(ProposalDetails proposal) => [proposal.ProposerName, .. proposal.CoSignerNames.Where(n => n != proposal.ProposerName)];

    private static List<string> Delivered(ReplyInput input) => [.. (input.DeliveredTo ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
}
