using System.Linq.Expressions;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Lights;

/// <summary>The day a light is computed for: today, and the last day that still counts as "soon".</summary>
internal sealed record LightDay(DateOnly Today, DateOnly Soon);

/// <summary>
/// The light rules, in order; the first that matches decides. Each rule compares a task's dated
/// facts (see <see cref="TaskSchedule"/>) with the day, so the same expressions run in memory for
/// one task and in the database for a hundred thousand.
/// </summary>
internal static class LightRules
{
    private static readonly (LightReason Reason, Expression<Func<WorkTask, LightDay, bool>> When)[] Rules =
    [
        (LightReason.Completed, (t, d) => t.CompletedOn != null),
        (LightReason.TaskOverdue, (t, d) => t.DueBy < d.Today),
        (LightReason.MilestoneOverdue, (t, d) => t.NextMilestoneDueBy < d.Today),

        // A task is never lighter than its parts (see PartsRollUp): red when a part is red, and
        // yellow when a part is yellow, even before the task's own start.
        (LightReason.PartOverdue, (t, d) => t.PartsDueBy < d.Today),
        (LightReason.PartAtRisk, (t, d) => t.StartDate > d.Today && (t.PartsMilestoneDueBy <= d.Soon || t.PartsWarnFrom <= d.Today)),
        (LightReason.NotStarted, (t, d) => t.StartDate > d.Today),
        (LightReason.MilestoneDueSoon, (t, d) => t.NextMilestoneDueBy <= d.Soon),
        (LightReason.ReportMissing, (t, d) => t.ReportMissingFrom <= d.Today),
        (LightReason.BehindSchedule, (t, d) => t.BehindFrom <= d.Today),
        (LightReason.PartAtRisk, (t, d) => t.PartsMilestoneDueBy <= d.Soon || t.PartsWarnFrom <= d.Today),
    ];

    private static readonly Func<WorkTask, LightDay, LightReason> Compiled = Fold(r => r, LightReason.OnTrack).Compile();

    public static Light Of(this LightReason reason) => reason switch
    {
        LightReason.Completed => Light.Done,
        LightReason.TaskOverdue or LightReason.MilestoneOverdue or LightReason.PartOverdue => Light.Red,
        LightReason.MilestoneDueSoon or LightReason.ReportMissing or LightReason.BehindSchedule or LightReason.PartAtRisk => Light.Yellow,
        LightReason.NotStarted => Light.NotStarted,
        _ => Light.Green,
    };

    public static LightReason Evaluate(WorkTask task, LightDay day) => Compiled(task, day);

    /// <summary>Sets the task's light for the day, in memory.</summary>
    public static void Apply(WorkTask task, LightDay day)
    {
        task.LightReason = Evaluate(task, day);
        task.Light = task.LightReason.Of();
    }

    /// <summary>The reason as one SQL CASE expression over a task, for the day given.</summary>
    public static Expression<Func<WorkTask, LightReason>> ReasonFor(LightDay day) => Bind(Fold(r => r, LightReason.OnTrack), day);

    /// <summary>The light as one SQL CASE expression over a task, for the day given.</summary>
    public static Expression<Func<WorkTask, Light>> LightFor(LightDay day) => Bind(Fold(r => r.Of(), Light.Green), day);

    /// <summary>Tasks whose stored reason is not the one the rules give for the day.</summary>
    public static Expression<Func<WorkTask, bool>> Differs(LightDay day)
    {
        var reason = ReasonFor(day);
        var task = reason.Parameters[0];
        var stored = Expression.Convert(Expression.Property(task, nameof(WorkTask.LightReason)), typeof(int));
        return Expression.Lambda<Func<WorkTask, bool>>(Expression.NotEqual(stored, Expression.Convert(reason.Body, typeof(int))), task);
    }

    private static Expression<Func<WorkTask, LightDay, T>> Fold<T>(Func<LightReason, T> value, T otherwise)
    {
        var task = Expression.Parameter(typeof(WorkTask), "t");
        var day = Expression.Parameter(typeof(LightDay), "d");
        Expression body = Expression.Constant(otherwise);
        foreach (var (reason, when) in Rules.Reverse())
        {
            body = Expression.Condition(Replace(when.Body, (when.Parameters[0], task), (when.Parameters[1], day)), Expression.Constant(value(reason)), body);
        }

        return Expression.Lambda<Func<WorkTask, LightDay, T>>(body, task, day);
    }

    // The day becomes a captured value, which EF Core sends as query parameters.
    private static Expression<Func<WorkTask, T>> Bind<T>(Expression<Func<WorkTask, LightDay, T>> rule, LightDay day)
    {
        var holder = Expression.Property(Expression.Constant(new Box(day)), nameof(Box.Day));
        return Expression.Lambda<Func<WorkTask, T>>(Replace(rule.Body, (rule.Parameters[1], holder)), rule.Parameters[0]);
    }

    private static Expression Replace(Expression body, params (ParameterExpression From, Expression To)[] swaps) =>
        new Swapper(swaps).Visit(body);

    private sealed record Box(LightDay Day);

    private sealed class Swapper((ParameterExpression From, Expression To)[] swaps) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            swaps.FirstOrDefault(s => s.From == node).To ?? node;
    }
}
