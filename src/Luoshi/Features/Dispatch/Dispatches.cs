using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Dispatch;

/// <summary>
/// 交办 between units: the rules pages and API share. The assigning office creates it for units below
/// it; each receiving office 签收 (its own task is made) or 退办 within the window; the assigning office
/// 改派 or 坚持 a returned part. Every step runs once (the party's row is held for the transaction and
/// its state is the save's concurrency token), is written into the history of the assigner's task and
/// tells the office of the unit concerned.
/// </summary>
internal sealed class Dispatches(
    LuoshiDb db, WorkItemCreator workItems, WorkingCalendars calendars, DispatchNotices notices, BureauClock clock, IOptions<DispatchOptions> options)
{
    public int ReturnWithinDays => options.Value.ReturnWithinDays;

    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, DispatchInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室可以向下级单位交办");
        }

        var tree = await UnitTree.LoadAsync(db, ct);
        var cooperating = (input.CooperatingUnitIds ?? []).Distinct().ToList();
        var problems = new FieldErrors();
        if (!tree.Supervises(viewer.UnitId, input.LeadUnitId))
        {
            problems.Add(nameof(input.LeadUnitId), "牵头单位须是本单位的下级单位");
        }

        if (cooperating.Count > DispatchInput.MaxCooperating)
        {
            problems.Add(nameof(input.CooperatingUnitIds), $"配合单位最多{DispatchInput.MaxCooperating}个");
        }
        else if (cooperating.Any(u => !tree.Supervises(viewer.UnitId, u)))
        {
            problems.Add(nameof(input.CooperatingUnitIds), "配合单位须是本单位的下级单位");
        }
        else if (cooperating.Contains(input.LeadUnitId))
        {
            problems.Add(nameof(input.CooperatingUnitIds), "牵头单位不必再列为配合单位");
        }

        var today = clock.Today;
        if (input.DueDate is { } due && due < today)
        {
            problems.Add(nameof(input.DueDate), "完成时限不能早于今天");
        }

        if (!Enum.IsDefined(input.Cadence))
        {
            problems.Add(nameof(input.Cadence), "报送周期应为每周、每月或每季度");
        }

        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var returnBy = ReturnDeadline(calendar, today);
        var part = input.CooperatingPart.OrNull();
        var assigner = tree.NameOf(viewer.UnitId);
        return await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Dispatch, new TaskInput
        {
            Title = input.Title, Description = input.Description, LeadSectionId = input.FollowUpSectionId, TargetValue = input.TargetValue, TargetUnit = input.TargetUnit,
            StartDate = today, DueDate = input.DueDate, Tags = ["交办"],
        })
        {
            AddDetails = async (task, token) =>
            {
                var parties = cooperating.Prepend(input.LeadUnitId).Select((unitId, i) => new DispatchParty
                {
                    UnitId = unitId, SourceUnitId = viewer.UnitId, SourceTaskId = task.Id, IsLead = i == 0, Cadence = input.Cadence, Part = i == 0 ? null : part,
                    AssignedOn = today, ReturnBy = returnBy, CreatedAt = clock.UtcNow,
                }).ToList();
                db.DispatchParties.AddRange(parties);
                // The parties' ids go into the notices' links.
                await db.SaveChangesAsync(token);
                AddHistory(task.UnitId, task.Id, viewer.PersonId, $"交办：牵头单位{tree.NameOf(input.LeadUnitId)}"
                    + (cooperating.Count > 0 ? $"，配合单位{string.Join("、", cooperating.Select(tree.NameOf))}" : "") + $"；{Ui.Date(returnBy)} 前签收或退办");
                foreach (var party in parties)
                {
                    await TellReceiverAsync(party, assigner, task.Title, task.DueDate, token);
                }
            },
        }, ct);
    }

    /// <summary>签收: the receiving office makes its own task, led by <paramref name="input"/>'s section.</summary>
    public async Task<Outcome<DispatchParty>> SignAsync(Viewer viewer, int partyId, SignInput input, CancellationToken ct = default)
    {
        await using var transaction = await LockAsync(partyId, ct);
        var party = await db.DispatchParties.FirstOrDefaultAsync(p => p.Id == partyId && p.UnitId == viewer.UnitId, ct);
        if (party is null)
        {
            return Outcome<DispatchParty>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<DispatchParty>.Forbidden("只有本单位办公室可以签收上级交办");
        }

        if (party.State != DispatchState.Waiting)
        {
            return Outcome<DispatchParty>.Conflict($"该交办{party.State.Chinese()}，不能再签收");
        }

        if (!await db.Sections.AnyAsync(s => s.Id == input.LeadSectionId && s.UnitId == viewer.UnitId && s.IsActive, ct))
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.LeadSectionId), "请选择本单位在用的科室牵头办理");
        }

        var source = await SourceAsync(party, ct);
        var today = clock.Today;
        var tree = await UnitTree.LoadAsync(db, ct);
        var from = tree.NameOf(party.SourceUnitId);
        var created = await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Dispatch, new TaskInput
        {
            Title = party.IsLead ? source.Title : $"{source.Title}（配合）",
            Description = Clip(party.IsLead ? source.Description : $"配合{from}交办事项，承担：{party.Part ?? "配合牵头单位做好相关工作"}。{source.Description}", 4000),
            LeadSectionId = input.LeadSectionId, TargetValue = party.IsLead ? source.TargetValue : null, TargetUnit = party.IsLead ? source.TargetUnit : null,
            StartDate = source.DueDate < today ? source.DueDate : today, DueDate = source.DueDate, Tags = ["上级交办"],
        }) { Cadence = party.Cadence }, ct);
        if (created.Value is not { } received)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return created.As<DispatchParty>();
        }

        received.SourceLabel = $"{from}交办";
        party.State = DispatchState.Signed;
        party.ReceivedTaskId = received.Id;
        party.SignedAt = clock.UtcNow;
        party.SignedById = viewer.PersonId;
        var unit = tree.NameOf(party.UnitId);
        AddHistory(party.SourceUnitId, party.SourceTaskId, null, $"{unit}（{(party.IsLead ? "牵头" : "配合")}）签收，{viewer.Name}经办");
        await notices.ToOfficeAsync(party.SourceUnitId, NoticeKind.DispatchSigned, party.SourceTaskId, $"/Dispatch/{party.SourceTaskId}",
            $"【交办签收】{source.Title}", $"{unit}已签收交办事项“{source.Title}”，经办人{viewer.Name}。", ct);
        return await SaveOnce.RunAsync(db, transaction, party, "该交办刚由他人签收或退办，请刷新后查看", ct);
    }

    /// <summary>Why the receiving office may not return the part now, or null when it may.</summary>
    public static string? ReturnRefusal(DispatchParty party, DateOnly today) =>
        party.ConfirmedAt is not null ? "上级单位已坚持交办，不能再次退办，请签收办理"
        : today > party.ReturnBy ? $"已超过退办时限（交办后至 {Ui.Date(party.ReturnBy)} 止），请签收；确需调整请与交办单位联系"
        : null;

    /// <summary>退办: the receiving office sends its part back with a reason, within the window.</summary>
    public async Task<Outcome<DispatchParty>> ReturnAsync(Viewer viewer, int partyId, ReturnInput input, CancellationToken ct = default)
    {
        await using var transaction = await LockAsync(partyId, ct);
        var party = await db.DispatchParties.FirstOrDefaultAsync(p => p.Id == partyId && p.UnitId == viewer.UnitId, ct);
        if (party is null)
        {
            return Outcome<DispatchParty>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<DispatchParty>.Forbidden("只有本单位办公室可以退办上级交办");
        }

        if (party.State != DispatchState.Waiting)
        {
            return Outcome<DispatchParty>.Conflict($"该交办{party.State.Chinese()}，不能再退办");
        }

        if (ReturnRefusal(party, clock.Today) is { } refusal)
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.Reason), refusal);
        }

        if (input.Reason.OrNull() is not { } reason || reason.Length > DispatchParty.MaxText)
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.Reason), $"请写明退办理由（不超过{DispatchParty.MaxText}字）");
        }

        var source = await SourceAsync(party, ct);
        var unit = (await UnitTree.LoadAsync(db, ct)).NameOf(party.UnitId);
        party.State = DispatchState.Returned;
        party.ReturnReason = reason;
        party.ReturnedAt = clock.UtcNow;
        party.ReturnedById = viewer.PersonId;
        AddHistory(party.SourceUnitId, party.SourceTaskId, null, $"{unit}退办，{viewer.Name}经办。理由：{reason}");
        await notices.ToOfficeAsync(party.SourceUnitId, NoticeKind.DispatchReturned, party.SourceTaskId, $"/Dispatch/{party.SourceTaskId}",
            $"【交办退回】{source.Title}", $"{unit}退回了交办事项“{source.Title}”，请改派或坚持交办。理由：{reason}", ct);
        return await SaveOnce.RunAsync(db, transaction, party, "该交办刚由他人签收或退办，请刷新后查看", ct);
    }

    /// <summary>改派: the assigning office gives a returned part to another unit below it; the new unit's clock starts today.</summary>
    public async Task<Outcome<DispatchParty>> ReassignAsync(Viewer viewer, int partyId, ReassignInput input, CancellationToken ct = default)
    {
        await using var transaction = await LockAsync(partyId, ct);
        var (party, refusal) = await AssignersReturnedPartyAsync(viewer, partyId, ct);
        if (party is null)
        {
            return refusal!;
        }

        var tree = await UnitTree.LoadAsync(db, ct);
        if (!tree.Supervises(viewer.UnitId, input.UnitId))
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.UnitId), "只能改派给本单位的下级单位");
        }

        if (input.UnitId == party.UnitId)
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.UnitId), "改派须换一个单位；维持原交办请选“坚持交办”");
        }

        if (await Parties(viewer.UnitId).AnyAsync(p => p.SourceTaskId == party.SourceTaskId && p.UnitId == input.UnitId && p.State != DispatchState.Reassigned, ct))
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.UnitId), "该单位已承办此交办事项");
        }

        var source = await db.Tasks.FirstAsync(t => t.UnitId == viewer.UnitId && t.Id == party.SourceTaskId, ct);
        var today = clock.Today;
        var next = new DispatchParty
        {
            UnitId = input.UnitId, SourceUnitId = viewer.UnitId, SourceTaskId = party.SourceTaskId, IsLead = party.IsLead, Cadence = party.Cadence, Part = party.Part,
            AssignedOn = today, ReturnBy = ReturnDeadline(await calendars.ForUnitAsync(db, viewer.UnitId, ct), today), CreatedAt = clock.UtcNow,
        };
        db.DispatchParties.Add(next);
        party.State = DispatchState.Reassigned;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<DispatchParty>.Conflict("该退回刚由他人处理，请刷新后查看");
        }

        party.ReassignedToPartyId = next.Id;
        var note = input.Note.OrNull();
        var (from, to) = (tree.NameOf(party.UnitId), tree.NameOf(input.UnitId));
        AddHistory(viewer.UnitId, party.SourceTaskId, viewer.PersonId, $"改派：{from}退回的{(party.IsLead ? "牵头" : "配合")}工作改由{to}承办" + (note is null ? "" : $"。意见：{note}"));
        await TellReceiverAsync(next, tree.NameOf(viewer.UnitId), source.Title, source.DueDate, ct);
        await notices.ToOfficeAsync(party.UnitId, NoticeKind.DispatchDecided, null, "/Dispatch?view=received",
            $"【退办已同意】{source.Title}", $"{tree.NameOf(viewer.UnitId)}已将交办事项“{source.Title}”改派{to}承办。" + (note is null ? "" : $"意见：{note}"), ct);
        return await SaveOnce.RunAsync(db, transaction, next, "该退回刚由他人处理，请刷新后查看", ct);
    }

    /// <summary>坚持交办: the part goes back to the unit to sign, with the office's reason; no second 退办.</summary>
    public async Task<Outcome<DispatchParty>> ConfirmAsync(Viewer viewer, int partyId, ConfirmInput input, CancellationToken ct = default)
    {
        await using var transaction = await LockAsync(partyId, ct);
        var (party, refusal) = await AssignersReturnedPartyAsync(viewer, partyId, ct);
        if (party is null)
        {
            return refusal!;
        }

        if (input.Note.OrNull() is not { } note || note.Length > DispatchParty.MaxText)
        {
            return Outcome<DispatchParty>.Invalid(nameof(input.Note), $"坚持交办时请写明理由（不超过{DispatchParty.MaxText}字）");
        }

        var source = await db.Tasks.FirstAsync(t => t.UnitId == viewer.UnitId && t.Id == party.SourceTaskId, ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        party.State = DispatchState.Waiting;
        party.ConfirmNote = note;
        party.ConfirmedAt = clock.UtcNow;
        party.AssignedOn = clock.Today;
        AddHistory(viewer.UnitId, party.SourceTaskId, viewer.PersonId, $"坚持交办，请{tree.NameOf(party.UnitId)}签收办理。理由：{note}");
        await notices.ToOfficeAsync(party.UnitId, NoticeKind.DispatchDecided, null, $"/Dispatch/Received/{party.Id}",
            $"【退办未同意】{source.Title}", $"{tree.NameOf(viewer.UnitId)}坚持交办“{source.Title}”，请签收办理。理由：{note}", ct);
        return await SaveOnce.RunAsync(db, transaction, party, "该退回刚由他人处理，请刷新后查看", ct);
    }

    /// <summary>The assigner's parties: the one query that reads rows of the units below, narrowed to
    /// what this unit assigned.</summary>
    public IQueryable<DispatchParty> Parties(int assignerUnitId) => PartiesOf(db, assignerUnitId);

    /// <summary><see cref="Parties"/> through a given context (the read context of the review and the
    /// dashboard: one query cannot join two contexts).</summary>
    public static IQueryable<DispatchParty> PartiesOf(LuoshiDb db, int assignerUnitId) =>
        db.DispatchParties.IgnoreQueryFilters([UnitKeys.FilterName]).Where(p => p.SourceUnitId == assignerUnitId);

    private async Task<(DispatchParty? Party, Outcome<DispatchParty>? Refusal)> AssignersReturnedPartyAsync(Viewer viewer, int partyId, CancellationToken ct)
    {
        var party = await Parties(viewer.UnitId).FirstOrDefaultAsync(p => p.Id == partyId, ct);
        if (party is null || !await db.Tasks.VisibleTo(viewer).AnyAsync(t => t.Id == party.SourceTaskId, ct))
        {
            return (null, Outcome<DispatchParty>.NotFound());
        }

        if (!viewer.IsAdmin)
        {
            return (null, Outcome<DispatchParty>.Forbidden("退回的交办由办公室处理"));
        }

        return party.State != DispatchState.Returned
            ? (null, Outcome<DispatchParty>.Conflict($"该交办{party.State.Chinese()}，没有待处理的退回"))
            : (party, null);
    }

    private DateOnly ReturnDeadline(WorkingCalendar calendar, DateOnly from) =>
        calendar.AddWorkingDays(calendar.OnOrAfter(from), options.Value.ReturnWithinDays);

    /// <summary>The assigner's task, read across units for exactly the party's source.</summary>
    private Task<WorkTask> SourceAsync(DispatchParty party, CancellationToken ct) =>
        db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().FirstAsync(t => t.UnitId == party.SourceUnitId && t.Id == party.SourceTaskId, ct);

    /// <summary>Holds the party's row for the transaction: the second of two identical steps waits, then finds the first's state.</summary>
    private async Task<IDbContextTransaction> LockAsync(int partyId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"UPDATE \"DispatchParties\" SET \"State\" = \"State\" WHERE \"Id\" = {partyId}", ct);
        return transaction;
    }

    private Task TellReceiverAsync(DispatchParty party, string assigner, string title, DateOnly due, CancellationToken ct) =>
        notices.ToOfficeAsync(party.UnitId, NoticeKind.DispatchReceived, null, $"/Dispatch/Received/{party.Id}",
            $"【上级交办】{title}", $"{assigner}交办“{title}”（{(party.IsLead ? "牵头" : "配合")}），完成时限 {Ui.Date(due)}。请于 {Ui.Date(party.ReturnBy)} 前签收或退办。", ct);

    /// <summary>A line in the history of the assigner's task. The actor is kept only when it is a person of
    /// that unit; a receiving unit's step names its unit and person in the text.</summary>
    private void AddHistory(int unitId, int taskId, int? actorId, string summary) =>
        db.TaskEvents.Add(new TaskEvent { UnitId = unitId, TaskId = taskId, At = clock.UtcNow, ActorId = actorId, Kind = "dispatch", Summary = Clip(summary, 2000) });

    private static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..(max - 1)] + "…";
}
