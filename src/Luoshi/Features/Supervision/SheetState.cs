namespace Luoshi.Features.Supervision;

/// <summary>The stored course of a 督办单. 逾期 is not stored: it is a sheet still waiting for its
/// reply after <see cref="EscalationStep.ReplyDueBy"/>; and a sheet whose task is done reads as 办结.</summary>
internal enum SheetState
{
    /// <summary>发出: raised, not yet opened by the lead section.</summary>
    Issued = 0,

    /// <summary>签收: the lead section has opened it (or its reply was sent back and it waits again).</summary>
    Acknowledged = 1,

    /// <summary>反馈: the lead section replied; the office has to accept it or send it back.</summary>
    Replied = 2,

    /// <summary>办结: the office accepted the reply.</summary>
    Closed = 3,
}

/// <summary>What the register filters and shows: the stored states, plus 逾期.</summary>
internal enum SheetView
{
    Issued = 0,
    Acknowledged = 1,
    Replied = 2,
    Closed = 3,
    Overdue = 4,
}

internal static class SheetStates
{
    public static string Chinese(this SheetView view) => view switch
    {
        SheetView.Issued => "发出",
        SheetView.Acknowledged => "签收",
        SheetView.Replied => "反馈",
        SheetView.Closed => "办结",
        _ => "逾期",
    };

    /// <summary>How a sheet reads today.</summary>
    public static SheetView View(SheetState state, DateOnly? replyDueBy, bool taskDone, DateOnly today) =>
        taskDone || state == SheetState.Closed ? SheetView.Closed
        : state == SheetState.Replied ? SheetView.Replied
        : replyDueBy is { } due && due < today ? SheetView.Overdue
        : (SheetView)(int)state;
}

/// <summary>Configuration section "Supervision".</summary>
internal sealed class SupervisionOptions
{
    /// <summary>Working days the lead section has to reply to a 督办单 (and again after a reply is sent back).</summary>
    public int ReplyWithinDays { get; set; } = 3;

    /// <summary>Working days a task whose deadline had already passed when its plan came under
    /// supervision has, after its one reminder, to report or ask for an extension before it is urged.</summary>
    public int StartGraceDays { get; set; } = 5;

    /// <summary>A run that would issue more 督办单 than this at once holds them until the office confirms.</summary>
    public int MassSupervisionThreshold { get; set; } = 50;

    /// <summary>Whether a run groups a person's notices of one kind into one digest (on by default; off
    /// gives each step its own notice, as a test of the outbox under load wants).</summary>
    public bool DigestNotices { get; set; } = true;

    /// <summary>A run reads the open tasks in pages of at most this many (a lead section's whole when it fits)
    /// and commits each page's steps on its own, so a first day's backlog keeps requests waiting for one page
    /// at a time, never for the whole run.</summary>
    public int RunBatchSize { get; set; } = 2000;

    /// <summary>The pause between two batches of a run, for the requests waiting on the database.</summary>
    public TimeSpan RunBatchPause { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest message of a manual 催办/督办, reply or instruction, in characters.</summary>
    public const int MaxText = 2000;
}
