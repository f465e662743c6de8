namespace Luoshi.Features.Lights;

/// <summary>The computed status colour (亮灯). Never typed in.</summary>
internal enum Light
{
    NotStarted = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
    Done = 4,
}

/// <summary>Why a task has its light: the rule that matched.</summary>
internal enum LightReason
{
    NotStarted = 0,
    OnTrack = 10,
    MilestoneDueSoon = 20,
    ReportMissing = 21,
    BehindSchedule = 22,

    /// <summary>A part (分解任务, at any depth) is yellow, or has a milestone due soon.</summary>
    PartAtRisk = 23,
    MilestoneOverdue = 30,
    TaskOverdue = 31,

    /// <summary>A part (分解任务, at any depth) is red: past its due date or an open milestone's date.</summary>
    PartOverdue = 32,
    Completed = 40,
}

internal static class LightNames
{
    public static string Chinese(this Light light) => light switch
    {
        Light.Green => "绿灯",
        Light.Yellow => "黄灯",
        Light.Red => "红灯",
        Light.Done => "已完成",
        _ => "未开始",
    };

    public static string CssClass(this Light light) => light switch
    {
        Light.Green => "green",
        Light.Yellow => "yellow",
        Light.Red => "red",
        Light.Done => "done",
        _ => "notstarted",
    };

    public static string Chinese(this LightReason reason) => reason switch
    {
        LightReason.OnTrack => "按计划推进",
        LightReason.MilestoneDueSoon => "时间节点临近，尚未完成",
        LightReason.ReportMissing => "上一期进展未按时报送",
        LightReason.BehindSchedule => "进度明显落后于时间进度",
        LightReason.MilestoneOverdue => "时间节点已逾期",
        LightReason.TaskOverdue => "任务已超过完成时限",
        LightReason.PartOverdue => "分解任务逾期",
        LightReason.PartAtRisk => "分解任务亮黄灯或时间节点临近",
        LightReason.Completed => "已完成",
        _ => "尚未到开始日期",
    };

    public static bool TryParse(string? text, out Light light)
    {
        light = default;
        return text?.ToLowerInvariant() switch
        {
            "notstarted" or "未开始" => Set(Light.NotStarted, out light),
            "green" or "绿" or "绿灯" => Set(Light.Green, out light),
            "yellow" or "黄" or "黄灯" => Set(Light.Yellow, out light),
            "red" or "红" or "红灯" => Set(Light.Red, out light),
            "done" or "已完成" => Set(Light.Done, out light),
            _ => false,
        };

        static bool Set(Light value, out Light light)
        {
            light = value;
            return true;
        }
    }
}
