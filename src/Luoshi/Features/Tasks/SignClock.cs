using Luoshi.Features.Calendar;
using Luoshi.Features.Plans;

namespace Luoshi.Features.Tasks;

/// <summary>
/// 交办: a task is assigned to its lead section when it is created and again whenever the lead
/// section changes; the section then has the plan's number of working days to sign for it (签收,
/// see Supervision's Signing). The clock is part of the task itself, so every write of a task keeps
/// it without knowing about supervision.
/// </summary>
internal static class SignClock
{
    /// <summary>Called on every write of a task: starts a new assignment when the lead section is
    /// not the one that was assigned.</summary>
    public static void Track(WorkTask task, Plan plan, DateOnly today, WorkingCalendar calendar)
    {
        if (task.AssignedSectionId == task.LeadSectionId)
        {
            return;
        }

        Restart(task, plan, today, calendar);
    }

    /// <summary>A new assignment (交办) from today: a change of lead section, or an 改派 by the office
    /// even within the same section: the 签收 clock starts again.</summary>
    public static void Restart(WorkTask task, Plan plan, DateOnly today, WorkingCalendar calendar)
    {
        task.AssignedSectionId = task.LeadSectionId;
        task.AssignedOn = today;
        task.SignedAt = null;
        task.SignedById = null;
        task.SignDueBy = calendar.AddWorkingDays(calendar.OnOrAfter(today), plan.SignWithinDays);
    }
}
