using Luoshi.Features.Lights;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Reviews;

/// <summary>The section of a kind no ledger claims (调研课题): its items by lights, per lead section, as the work points are counted.</summary>
internal static class KindSections
{
    /// <summary>After every ledger's section.</summary>
    public const int Order = 1000;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("事项", "项"), ReviewColumn.Count("已完成", "项"), ReviewColumn.Count("本期完成", "项"), ReviewColumn.Rate("完成率"),
        ReviewColumn.Count("绿灯", "项"), ReviewColumn.Count("黄灯", "项"), ReviewColumn.Count("红灯", "项"), ReviewColumn.Count("未开始", "项"),
    ];

    public static ReviewPart Of(WorkKind kind, IReadOnlyList<ReviewRow> rows, IReadOnlyList<SectionFigures> figures, ReviewPeriod period)
    {
        static ReviewLine Line(string label, int tasks, int done, int inPeriod, int green, int yellow, int red, int notStarted) =>
            new(label, [tasks, done, inPeriod, ReviewPart.Share(done, tasks), green, yellow, red, notStarted]);

        var lines = figures.Select(f => Line(f.Section, f.Tasks, f.Done, f.DoneInPeriod, f.Green, f.Yellow, f.Red, f.NotStarted)).ToList();
        var total = Line("合计", figures.Sum(f => f.Tasks), figures.Sum(f => f.Done), figures.Sum(f => f.DoneInPeriod),
            figures.Sum(f => f.Green), figures.Sum(f => f.Yellow), figures.Sum(f => f.Red), figures.Sum(f => f.NotStarted));
        var name = kind.Chinese();
        var red = rows.Where(r => r.Light == Light.Red).ToList();
        return new ReviewPart($"{name}情况", "牵头科室", Columns, lines, total,
            $"列入盘点的{name}共{rows.Count}项，已完成{figures.Sum(f => f.Done)}项，其中本期完成{figures.Sum(f => f.DoneInPeriod)}项；已逾期（红灯）{red.Count}项。")
        {
            Order = Order,
            Attention = [.. red.Select(r => new ReviewItem(r.Title, r.LeadSection, $"{r.Reason.Chinese()}，时限{Bulletin.Deadline(r.Due, period.End.Year)}"))],
        };
    }
}
