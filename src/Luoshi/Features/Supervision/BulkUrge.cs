using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Supervision;

/// <summary>One task's answer in a 批量催办: urged, or refused and why.</summary>
internal sealed record BulkUrgeLine(int TaskId, bool Urged, string? Refusal);

internal sealed record BulkUrgeResult(IReadOnlyList<BulkUrgeLine> Lines)
{
    public int Urged => Lines.Count(l => l.Urged);
}

/// <summary>
/// 批量催办 from the task list: each selected task gets the office's manual 催办 through
/// <see cref="ManualEscalation"/>, in its own transaction, so one refusal (already urged today, done,
/// not visible) does not stop the others and every 催办 is numbered, noticed and recorded as a single one.
/// </summary>
internal sealed class BulkUrge(LuoshiDb db, ManualEscalation manual)
{
    public const int MaxTasks = 200;

    public async Task<Outcome<BulkUrgeResult>> IssueAsync(Viewer viewer, IReadOnlyCollection<int> taskIds, string? message, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<BulkUrgeResult>.Forbidden("催办由办公室发出");
        }

        var problems = new FieldErrors();
        if (taskIds.Count == 0)
        {
            problems.Add("Ids", "请先勾选要催办的任务");
        }
        else if (taskIds.Count > MaxTasks)
        {
            problems.Add("Ids", $"一次最多催办{MaxTasks}项任务");
        }

        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length > SupervisionOptions.MaxText)
        {
            problems.Add("Message", $"请填写催办意见（不超过{SupervisionOptions.MaxText}字）");
        }

        if (problems.Any)
        {
            return Outcome<BulkUrgeResult>.Invalid(problems.ToDictionary());
        }

        var lines = new List<BulkUrgeLine>();
        foreach (var id in taskIds.Distinct())
        {
            var outcome = await manual.IssueAsync(viewer, id, StepKind.Urge, message, ct);
            // A refused one may leave nothing behind, but a lost race leaves its rows tracked: start clean.
            db.ChangeTracker.Clear();
            lines.Add(outcome.Kind == OutcomeKind.Ok
                ? new BulkUrgeLine(id, true, null)
                : new BulkUrgeLine(id, false, outcome.Errors is { Count: > 0 } errors ? string.Join("；", errors.Values.SelectMany(e => e)) : outcome.Message));
        }

        return Outcome<BulkUrgeResult>.Ok(new BulkUrgeResult(lines));
    }
}
