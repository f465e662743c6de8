namespace Luoshi.Features.Proposals;

/// <summary>
/// The statutory clock of 建议/提案: the reply is due three calendar months after 交办 (not working
/// days: the rules of the 人大 and 政协 count months), the co-handlers' opinions one month before the
/// reply, the reply may be extended once by up to three months, and a re-handling after 不满意 has a
/// month.
/// </summary>
internal static class ProposalClock
{
    public const int ReplyMonths = 3;
    public const int OpinionMonthsBeforeReply = 1;
    public const int MaxExtensionMonths = 3;
    public const int ReHandlingMonths = 1;

    public static DateOnly ReplyDue(DateOnly assignedOn, int extensionMonths = 0) => assignedOn.AddMonths(ReplyMonths + extensionMonths);

    public static DateOnly OpinionDue(DateOnly assignedOn) => ReplyDue(assignedOn).AddMonths(-OpinionMonthsBeforeReply);

    public static DateOnly ReHandlingDue(DateOnly from) => from.AddMonths(ReHandlingMonths);
}
