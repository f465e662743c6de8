using Luoshi.Features.Tasks;

namespace Luoshi.Features.Supervision;

/// <summary>
/// 签收. The lead section has the plan's number of working days from the assignment
/// (<see cref="SignClock"/>) to sign for the task. An unsigned task past that date is reminded and
/// escalated like any other deadline.
/// </summary>
internal static class Signing
{
    public static void Sign(WorkTask task, int personId, DateTime now)
    {
        task.SignedAt = now;
        task.SignedById = personId;
        task.SignDueBy = null;
    }
}
