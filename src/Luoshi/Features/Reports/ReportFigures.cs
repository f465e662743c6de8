using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Reports;

/// <summary>
/// Figures in a report that a person should look at twice before they reach the review: an achieved
/// quantity several times the target (9999 of 600 is a typing slip far more often than a triumph), or a
/// percent that the achieved quantity contradicts. The reporter confirms such figures once; counted units
/// must be whole.
/// </summary>
internal static class ReportFigures
{
    /// <summary>Over-fulfilment beyond this many times the target asks for a confirmation.</summary>
    public const decimal DoubtfulMultiple = 3m;

    /// <summary>Percentage points between the stated percent and the one the quantity implies.</summary>
    public const int DoubtfulGap = 20;

    public static void Check(ReportInput input, WorkTask task, FieldErrors problems)
    {
        if (input.AchievedValue is not { } achieved || task.TargetValue is not { } target || target <= 0)
        {
            return;
        }

        if (TargetUnits.IsCounted(task.TargetUnit) && !TargetUnits.IsWhole(achieved))
        {
            problems.Add(nameof(input.AchievedValue), $"“{task.TargetUnit!.Trim()}”按整数计，累计完成数量请填整数");
            return;
        }

        if (input.ConfirmFigures)
        {
            return;
        }

        var unit = task.TargetUnit?.Trim();
        // With a small counted target one more thing moves the percent a lot (1 of 2 场 is 50 %): a gap
        // within one thing's worth is no contradiction.
        var tolerance = Math.Max(DoubtfulGap, TargetUnits.IsCounted(unit) ? 100m / target : 0);
        if (achieved > target * DoubtfulMultiple)
        {
            problems.Add(nameof(input.ConfirmFigures),
                $"累计完成 {Ui.Amount(achieved)} {unit} 是目标 {Ui.Amount(target)} {unit} 的 {Ui.Amount(Math.Round(achieved / target, 1))} 倍，请核对；确认无误请勾选“已核对”后再提交");
        }
        else if (input.Percent is { } percent && !input.ClaimsCompletion
            && Math.Abs(percent - Math.Min(100m, achieved / target * 100)) > tolerance)
        {
            problems.Add(nameof(input.ConfirmFigures),
                $"完成百分比 {percent}% 与累计完成数量折算的 {Ui.Amount(Math.Round(Math.Min(100m, achieved / target * 100)))}% 相差较大，请核对；确认无误请勾选“已核对”后再提交");
        }
    }
}
