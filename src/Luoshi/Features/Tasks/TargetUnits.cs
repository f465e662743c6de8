namespace Luoshi.Features.Tasks;

/// <summary>
/// Units whose quantities are counted in whole things (场, 家, 人次 …). "已完成 4.4 场" is a number nobody
/// would write, so such targets and achieved values must be whole.
/// </summary>
internal static class TargetUnits
{
    private static readonly HashSet<string> Counted =
    [
        "场", "场次", "家", "个", "件", "项", "次", "人", "人次", "户", "所", "座", "台", "套", "辆", "名", "期", "批",
        "篇", "条", "份", "处", "宗", "起", "间", "张", "本", "班", "支", "队", "个村", "村", "镇", "期次", "家次", "户次",
    ];

    public static bool IsCounted(string? unit) => unit is not null && Counted.Contains(unit.Trim());

    public static bool IsWhole(decimal value) => value == decimal.Truncate(value);
}
