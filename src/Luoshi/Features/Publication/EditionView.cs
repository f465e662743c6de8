namespace Luoshi.Features.Publication;

/// <summary>An edition (or the draft) as the public page, the preview and the embed show it.</summary>
internal sealed record EditionView(string UnitName, int Number, DateOnly PublishedOn, string? Note, IReadOnlyList<PublicEditionItem> All, IReadOnlyList<PublicEditionItem> Shown, bool IsDraft)
{
    public int Count(PublicStatus status) => All.Count(i => i.Status == status);

    /// <summary>The share of all items with the status, in whole percent, for the totals chart.</summary>
    public int Percent(PublicStatus status) => All.Count == 0 ? 0 : (int)Math.Round(100.0 * Count(status) / All.Count);

    public int AverageProgress => All.Count == 0 ? 0 : (int)Math.Round(All.Average(i => i.ProgressPercent));

    public IEnumerable<string> Areas => All.Select(i => i.Area).Distinct().Order(StringComparer.Ordinal);

    public static EditionView Of(string unit, PublicEdition e, string? area = null, PublicStatus? status = null) =>
        new(unit, e.Number, e.PublishedOn, e.Note, e.Items, [.. e.Items.Where(i => (area is null || i.Area == area) && (status is null || i.Status == status))], false);
}
