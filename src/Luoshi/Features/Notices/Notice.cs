namespace Luoshi.Features.Notices;

internal enum NoticeKind
{
    Remind = 0,
    Urge = 1,
    Supervise = 2,
    Review = 3,

    // 10–19: what waits for a person's decision (the 待办 box), and the answer to the one who asked.
    ExtensionRequested = 10,
    ExtensionDecided = 11,
    CompletionClaimed = 12,
    CompletionDecided = 13,
    AppealReceived = 14,

    // 20–29: the 督办台账 and 领导批示.
    ManualUrge = 20,
    ManualSupervise = 21,
    SheetReply = 22,
    ReplyDecision = 23,
    Instruction = 24,
    InstructionAcknowledged = 25,

    // 领导批示件: the handling report to present, and the leader's answer to the lead section.
    DirectiveReported = 26,
    DirectiveAnswered = 27,

    // 30–39: returned reports, 退办 and 改派.
    ReportReturned = 30,
    TaskReturned = 31,
    TaskReturnDecided = 32,
    Reassigned = 33,

    // 40–49: papers the office sends round.
    Bulletin = 40,

    // 50–54: 交办 between units (Features/Dispatch).
    DispatchReceived = 50,
    DispatchSigned = 51,
    DispatchReturned = 52,
    DispatchDecided = 53,

    // 55–59: 回头看 of closed work.
    RecheckStarted = 55,
    RecheckFailed = 56,

    // 60–69: 人大建议 and 政协提案 (the lead section, the office, a co-handling unit's office).
    ProposalAssigned = 60,
    ProposalOpinionRequested = 61,
    ProposalOpinionSubmitted = 62,
    ProposalReplied = 63,
    ProposalReopened = 64,

    // 70–74: 消息必达 (Features/Notices/Arrival): the section head told of an unread 督办 or 批示, and the daily digest.
    UnreadEscalated = 70,
    DailyDigest = 71,
}

/// <summary>A notice in one person's inbox (站内消息). Written in the same transaction as the step
/// that raised it, so the inbox gets it exactly once; the copies for other channels are
/// <see cref="NoticeDelivery"/> rows written beside it (a transactional outbox).</summary>
internal sealed class Notice
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int RecipientId { get; set; }
    public NoticeKind Kind { get; set; }
    public int? TaskId { get; set; }
    /// <summary>The 催办/督办 step that raised it, if any (Supervision links them; the inbox only keeps the id).</summary>
    public long? StepId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>Where a notice about no task opens (an issued bulletin's 本科室情况): a path inside the app, set by the code that raises it.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>How the reader came to it: on the page, through an email's link, or by a robot's 已阅 link.</summary>
    public NoticeReadVia? ReadVia { get; set; }

    /// <summary>When 消息必达 re-sent it unread and told the section head; set once (the claim of the re-send).</summary>
    public DateTime? ResentAt { get; set; }
}

internal enum NoticeReadVia
{
    Inbox = 0,
    Email = 1,
    Acknowledged = 2,
}

/// <summary>Why a delivery was written: the notice itself (null, as on rows from before), or its 消息必达 re-send.</summary>
internal enum DeliveryPurpose
{
    Notice = 0,
    Resend = 1,
}

internal enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One notice to go out by one channel: the outbox row. A sender claims rows for a short lease,
/// sends, and marks each one sent right after the far end accepts it. If the process dies between
/// the two, the lease runs out and the row is sent again with the same message id, which the
/// receiver can use to drop the copy; nothing is lost.
/// </summary>
internal sealed class NoticeDelivery
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public required string Channel { get; set; }
    public required string Target { get; set; }

    /// <summary>The id the far end sees (an email's Message-Id), the same on every attempt; random, so
    /// that it is unique across databases too.</summary>
    public Guid MessageKey { get; set; } = Guid.NewGuid();

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public Guid? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Null on a first sending; <see cref="DeliveryPurpose.Resend"/> for 消息必达.</summary>
    public DeliveryPurpose? Purpose { get; set; }

    /// <summary>The unguessable part of the tracked link /n/{token} the message carries; set by the
    /// sender before the first attempt, so every attempt carries the same link.</summary>
    public string? ReadToken { get; set; }
}

internal static class NoticeNames
{
    public static string Chinese(this NoticeKind kind) => kind switch
    {
        NoticeKind.Remind => "提醒",
        NoticeKind.Urge => "催办",
        NoticeKind.Supervise => "督办",
        NoticeKind.ReportReturned => "退回重报",
        NoticeKind.TaskReturned => "退办",
        NoticeKind.TaskReturnDecided => "退办处理",
        NoticeKind.Reassigned => "改派",
        NoticeKind.ManualUrge => "催办",
        NoticeKind.ManualSupervise => "督办",
        NoticeKind.SheetReply => "督办反馈",
        NoticeKind.ReplyDecision => "反馈审核",
        NoticeKind.Instruction => "领导批示",
        NoticeKind.InstructionAcknowledged => "批示签阅",
        NoticeKind.DirectiveReported => "批示件办理情况",
        NoticeKind.DirectiveAnswered => "批示件领导意见",
        NoticeKind.ExtensionRequested => "延期申请",
        NoticeKind.ExtensionDecided => "延期审批",
        NoticeKind.CompletionClaimed => "办结申请",
        NoticeKind.CompletionDecided => "办结审核",
        NoticeKind.AppealReceived => "新诉求",
        NoticeKind.Bulletin => "督查通报",
        NoticeKind.DispatchReceived => "上级交办",
        NoticeKind.DispatchSigned => "交办签收",
        NoticeKind.DispatchReturned => "交办退回",
        NoticeKind.DispatchDecided => "退回处理",
        NoticeKind.RecheckStarted => "回头看",
        NoticeKind.RecheckFailed => "回头看未通过",
        NoticeKind.ProposalAssigned => "建议提案交办",
        NoticeKind.ProposalOpinionRequested => "协办意见",
        NoticeKind.ProposalOpinionSubmitted => "协办意见",
        NoticeKind.ProposalReplied => "建议提案答复",
        NoticeKind.ProposalReopened => "建议提案重新办理",
        NoticeKind.UnreadEscalated => "未读督办告知",
        NoticeKind.DailyDigest => "每日汇总",
        _ => "盘点",
    };

    public static string Chinese(this NoticeReadVia via) => via switch
    {
        NoticeReadVia.Email => "邮件",
        NoticeReadVia.Acknowledged => "确认",
        _ => "站内",
    };

    public static string Chinese(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Failed => "发送失败",
        _ => "待发送",
    };
}
