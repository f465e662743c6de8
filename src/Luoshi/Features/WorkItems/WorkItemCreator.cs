using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.WorkItems;

/// <summary>
/// The one way a ledger creates its work items: the year's ledger plan found or made, the task
/// created with its kind and first stage, and the kind's details saved with it, all in one
/// transaction; a refused task leaves nothing behind, not even a new plan. Every kind is then
/// watched, lit, escalated, reviewed and assessed as a task (<see cref="TaskEditor"/>).
/// </summary>
internal sealed class WorkItemCreator(LuoshiDb db, TaskEditor tasks, PlanCache plans, BureauClock clock, IEnumerable<ILedgerKind> ledgers)
{
    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, WorkItemDraft draft, CancellationToken ct = default)
    {
        // The caller's transaction when it has one: a study plan creates its groups' items in its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        draft.Task.PlanId = draft.PlanId ?? await LedgerPlans.IdAsync(db, plans, viewer.UnitId, clock.Today.Year, Ledger(draft.Kind), clock.UtcNow, ct, draft.Cadence);
        var created = await tasks.CreateAsync(viewer, draft.Kind, draft.Stage, draft.Task, draft.Milestones, null, ct);
        if (created.Value is not { } task)
        {
            return created;
        }

        if (draft.AddDetails is not null)
        {
            await draft.AddDetails(task, ct);
        }

        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return created;
    }

    private ILedgerKind Ledger(WorkKind kind) =>
        ledgers.FirstOrDefault(l => l.Kind == kind) ?? throw new InvalidOperationException($"No ledger is registered for {kind}: register an ILedgerKind for it in its feature's XFeature.cs.");
}
