using Luoshi.Features.Calendar;

namespace Luoshi.Features.Supervision;

/// <summary>The policy of a plan, in working days.</summary>
internal sealed record EscalationPolicy(int RemindDaysBefore, int SuperviseAfterDays);

/// <summary>
/// Which steps a deadline calls for today. With a deadline D (a working day) and the plan's N and M:
/// 提醒 from the N-th working day before D until the day before D; 催办 from D on; 督办 from the
/// M-th working day after D on. A run that comes late (the server was down) raises what is
/// missing: 催办 and 督办 together when both are due, but no reminder once the deadline has come.
/// </summary>
internal static class EscalationRules
{
    public static IEnumerable<StepKind> Due(DateOnly deadline, DateOnly today, EscalationPolicy policy, WorkingCalendar calendar)
    {
        if (today < deadline)
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

    public static DateOnly SuperviseFrom(DateOnly deadline, EscalationPolicy policy, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(deadline, policy.SuperviseAfterDays);
}
