using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Reviews;

/// <summary>
/// A kind of work item reviewed in a section of its own (诉求办理, 重点项目, 问题整改, 理论学习, 专项活动),
/// with the figures a 督查科 reports for it instead of the work points' lights. Reviews sits below the
/// ledgers, so each ledger declares its section in its own folder and registers it in its
/// XFeature.cs (<c>services.AddScoped&lt;IReviewSection, XReviewSection&gt;()</c>); the review asks
/// each which of the counted items are its own. A kind no ledger claims gets a plain section by
/// lights (<see cref="KindSections"/>), so nothing counted is dropped or mixed into the work points.
/// </summary>
internal interface IReviewSection
{
    /// <summary>Where the section stands among the others (the work points come first).</summary>
    int Order { get; }

    /// <summary>The counted items that are this section's, or null when the choice counts none.</summary>
    Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct);

    /// <summary>The section's figures over <paramref name="items"/> (the claimed items the viewer may see).</summary>
    Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct);
}

/// <summary>Items of <paramref name="Kind"/>, only those in <paramref name="Plans"/> when given (a
/// study plan's and a campaign's working plans hold ordinary tasks).</summary>
internal sealed record ReviewClaim(WorkKind Kind, IReadOnlyList<int>? Plans);

/// <summary>What a section reviews for: who, which period, the day the figures stand on, and the unit's section names.</summary>
internal sealed record ReviewScope(Viewer Viewer, ReviewPeriod Period, DateOnly AsOf, IReadOnlyDictionary<int, (string Name, int SortOrder)> Sections)
{
    public bool InPeriod(DateOnly day) => day >= Period.Start && day <= AsOf;

    public bool InPeriod(DateOnly? day) => day is { } d && InPeriod(d);

    public string Section(int id) => Sections.GetValueOrDefault(id).Name ?? "";

    /// <summary>One line per lead section in the unit's order, and the 合计 line over all items.</summary>
    public (List<ReviewLine> Lines, ReviewLine Total) BySection<T>(IReadOnlyList<T> items, Func<T, int> section, Func<IReadOnlyList<T>, IReadOnlyList<double?>> values) =>
        ([.. items.GroupBy(section).OrderBy(g => Sections.GetValueOrDefault(g.Key).SortOrder).ThenBy(g => g.Key).Select(g => new ReviewLine(Section(g.Key), values([.. g])))],
         new ReviewLine("合计", values(items)));
}

/// <summary>A figure column: a count (件, 项, 个, 人, 次), a rate, or an amount with decimals (万元, 小时).</summary>
internal sealed record ReviewColumn(string Heading, string Unit, ReviewFormat Format)
{
    public static ReviewColumn Count(string heading, string unit) => new(heading, unit, ReviewFormat.Count);

    public static ReviewColumn Rate(string heading) => new(heading, "%", ReviewFormat.Rate);

    public static ReviewColumn Amount(string heading, string unit) => new(heading, unit, ReviewFormat.Amount);

    /// <summary>The value as shown on the page and in the bulletin: 3, 66.7%, 1200.5; "—" when there is none.</summary>
    public string Show(double? value) => value switch
    {
        null => "—",
        { } v when Format == ReviewFormat.Rate => $"{Math.Round(v * 100, 1).ToString("0.#", CultureInfo.InvariantCulture)}%",
        { } v when Format == ReviewFormat.Amount => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture),
        { } v => Math.Round(v).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The value in a sentence: 受理3件, 按时答复率66.7%.</summary>
    public string Phrase(double? value) => value is null ? $"{Heading}无" : $"{Heading}{Show(value)}{(Format == ReviewFormat.Rate ? "" : Unit)}";
}

internal enum ReviewFormat
{
    Count = 0,
    Rate = 1,
    Amount = 2,
}

/// <summary>One line of a section's table (a section, a study group, a campaign's phase), its values in column order.</summary>
internal sealed record ReviewLine(string Label, IReadOnlyList<double?> Values);

/// <summary>An item the bulletin names (超期未答复, 逾期未整改 …), with why.</summary>
internal sealed record ReviewItem(string Title, string Section, string Note);

/// <summary>
/// A kind's section of the review: its table (lines by <paramref name="LineHeading"/>, closed by a
/// 合计 line), the sentence that opens it in the bulletin, and the items the bulletin names.
/// </summary>
internal sealed record ReviewPart(string Title, string LineHeading, IReadOnlyList<ReviewColumn> Columns, IReadOnlyList<ReviewLine> Lines, ReviewLine Total, string Summary)
{
    public int Order { get; init; }

    /// <summary>Items needing attention, named in the bulletin and listed in the workbook.</summary>
    public IReadOnlyList<ReviewItem> Attention { get; init; } = [];

    /// <summary>A rate over two counts, null without a denominator (no "0%" of nothing).</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
