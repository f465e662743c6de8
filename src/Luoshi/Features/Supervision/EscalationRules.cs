using Luoshi.Features.Calendar;

namespace Luoshi.Features.Supervision;

/// <summary>The policy of a plan, in working days, and the day its supervision starts (with the grace
/// a deadline already past on that day gets).</summary>
internal sealed record EscalationPolicy(int RemindDaysBefore, int SuperviseAfterDays, DateOnly SupervisedFrom = default, int StartGraceDays = 0);

/// <summary>
/// Which steps a deadline calls for today. With a deadline D (a working day) and the plan's N and M:
/// 提醒 from the N-th working day before D until the day before D; 催办 from D on; 督办 from the
/// M-th working day after D on. A deadline that had already passed when the plan came under
/// supervision (D before its start S) is reminded once from S on, and is treated as falling due at
/// the end of the grace (G working days after S): 催办 from then, 督办 M working days later.
/// The run raises only the furthest of the steps listed (<see cref="Furthest"/>).
/// </summary>
internal static class EscalationRules
{
    public static IEnumerable<StepKind> Due(DateOnly deadline, DateOnly today, EscalationPolicy policy, WorkingCalendar calendar)
    {
        if (deadline < policy.SupervisedFrom)
        {
            if (today < policy.SupervisedFrom)
            {
                yield break;
            }

            var graceEnd = GraceEnd(policy, calendar);
            if (today < graceEnd)
            {
                yield return StepKind.Remind;
                yield break;
            }

            deadline = graceEnd;
        }
        else if (today < deadline)
        {
            if (policy.RemindDaysBefore > 0 && today >= calendar.SubtractWorkingDays(deadline.AddDays(-1), policy.RemindDaysBefore - 1))
            {
                yield return StepKind.Remind;
            }

            yield break;
        }

        yield return StepKind.Urge;
        if (today >= SuperviseFrom(deadline, policy, calendar))
        {
            yield return StepKind.Supervise;
        }
    }

    /// <summary>The one step to raise today for a deadline, given the furthest already raised for it:
    /// after a gap (or on the first day) several steps can be due at once, and only the last of them is
    /// raised, never a reminder, an urge and a 督办 of the same deadline together.</summary>
    public static StepKind? Furthest(IEnumerable<StepKind> due, StepKind? raised)
    {
        StepKind? furthest = null;
        foreach (var step in due)
        {
            furthest = furthest is { } f && f > step ? f : step;
        }

        return furthest is { } s && (raised is null || s > raised) ? s : null;
    }

    /// <summary>The first day a step of a deadline was due: a step raised after it, with no run in
    /// between, is raised late (补发).</summary>
    public static DateOnly FirstDue(StepKind step, DateOnly deadline, EscalationPolicy policy, WorkingCalendar calendar)
    {
        if (deadline < policy.SupervisedFrom)
        {
            var graceEnd = GraceEnd(policy, calendar);
            return step switch
            {
                StepKind.Remind => policy.SupervisedFrom,
                StepKind.Urge => graceEnd,
                _ => SuperviseFrom(graceEnd, policy, calendar),
            };
        }

        return step switch
        {
            StepKind.Remind => calendar.SubtractWorkingDays(deadline.AddDays(-1), Math.Max(policy.RemindDaysBefore - 1, 0)),
            StepKind.Urge => deadline,
            _ => SuperviseFrom(deadline, policy, calendar),
        };
    }

    /// <summary>The last day of the grace is the day before this one.</summary>
    public static DateOnly GraceEnd(EscalationPolicy policy, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(calendar.OnOrAfter(policy.SupervisedFrom), policy.StartGraceDays);

    public static DateOnly SuperviseFrom(DateOnly deadline, EscalationPolicy policy, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(deadline, policy.SuperviseAfterDays);
}
