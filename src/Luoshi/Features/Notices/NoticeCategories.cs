namespace Luoshi.Features.Notices;

/// <summary>A kind as the inbox page shows it: kinds that read the same to a person (the scheduler's
/// 催办 and the office's 催办) are one category there, named by its first kind.</summary>
internal sealed record NoticeCategory(NoticeKind Key, string Name, NoticeKind[] Kinds);

internal static class NoticeCategories
{
    public static readonly IReadOnlyList<NoticeCategory> All =
        [.. Enum.GetValues<NoticeKind>().GroupBy(k => k.Chinese()).Select(g => new NoticeCategory(g.First(), g.Key, [.. g]))];

    /// <summary>The category a kind is shown under.</summary>
    public static NoticeCategory Of(NoticeKind kind) => All.First(c => c.Kinds.Contains(kind));
}
