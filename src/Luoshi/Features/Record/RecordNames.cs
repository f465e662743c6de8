namespace Luoshi.Features.Record;

/// <summary>
/// What the record's kinds and keys are called on the page. The stored kinds and keys ("report",
/// "report:12") stay as they are: they are hashed into the chain and read by <c>Luoshi verify</c>.
/// </summary>
internal static class RecordNames
{
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["report"] = "进展报告",
        ["extension-request"] = "延期申请",
        ["extension-decision"] = "延期审批",
        ["completion-request"] = "办结申请",
        ["completion-decision"] = "办结审核",
        ["scheme"] = "考核方案",
        ["scheme-lock"] = "考核方案锁定",
        ["score-adjustment"] = "加减分",
        ["quality-grade"] = "质量等次评定",
        ["award"] = "奖惩",
        ["review"] = "对照盘点文件",
        ["report-return"] = "退回重报",
        ["reassignment"] = "改派",
        ["manual-urge"] = "催办（办公室发起）",
        ["manual-supervise"] = "督办（办公室发起）",
        ["sheet-reply"] = "督办反馈",
        ["reply-decision"] = "反馈审核",
        ["instruction"] = "领导批示",
        ["instruction-ack"] = "批示签阅",
        ["directive-instruction"] = "批示件批示",
        ["directive-report"] = "批示件办理情况",
        ["directive-response"] = "批示件领导意见",
        ["bulletin"] = "印发督查通报",
        ["recheck-decision"] = "回头看结论",
        ["seal"] = "封存签名",
        ["public-edition"] = "发布公开承诺",
    };

    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["report"] = "进展报告",
        ["extension"] = "延期申请",
        ["completion"] = "办结申请",
        ["scheme"] = "考核方案",
        ["adjustment"] = "加减分",
        ["grade"] = "质量等次",
        ["award"] = "奖惩",
        ["review"] = "对照盘点文件",
        ["report-return"] = "退回重报",
        ["reassign"] = "改派",
        ["sheet"] = "催办督办",
        ["reply"] = "督办反馈",
        ["instruction"] = "领导批示",
        ["directive-instruction"] = "批示件批示",
        ["directive-report"] = "批示件办理情况",
        ["bulletin"] = "督查通报",
        ["recheck"] = "回头看",
        ["seal"] = "链尾签名",
        ["public-edition"] = "公开承诺",
    };

    /// <summary>The kind in Chinese, or null for a kind this list does not know yet (shown as its code).</summary>
    public static string? Kind(string kind) => Kinds.GetValueOrDefault(kind);

    /// <summary>"进展报告 #12" for "report:12", or null when the prefix is unknown.</summary>
    public static string? Entity(string entityKey)
    {
        var colon = entityKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Prefixes.TryGetValue(entityKey[..colon], out var name) ? $"{name} #{entityKey[(colon + 1)..]}" : null;
    }
}
