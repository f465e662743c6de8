using Luoshi.Features.Lights;

namespace Luoshi.Features.Publication;

/// <summary>What the public reads instead of the internal light: three words, no colour code to learn.</summary>
internal enum PublicStatus
{
    OnTrack = 0,
    Behind = 1,
    Done = 2,
}

internal static class PublicStatuses
{
    public static readonly PublicStatus[] All = [PublicStatus.OnTrack, PublicStatus.Behind, PublicStatus.Done];

    /// <summary>Behind is a fact the public can check (a date passed, progress under the time elapsed);
    /// a yellow light for an internal reason (a report not yet sent, a milestone near) stays 正常推进.</summary>
    public static PublicStatus Of(Light light, LightReason reason) => light switch
    {
        Light.Done => PublicStatus.Done,
        Light.Red => PublicStatus.Behind,
        Light.Yellow when reason == LightReason.BehindSchedule => PublicStatus.Behind,
        _ => PublicStatus.OnTrack,
    };

    public static string Chinese(this PublicStatus status) => status switch
    {
        PublicStatus.Behind => "滞后",
        PublicStatus.Done => "已完成",
        _ => "正常推进",
    };

    /// <summary>The colour class the lights already use, so the page and the legend match the app.</summary>
    public static string CssClass(this PublicStatus status) => status switch
    {
        PublicStatus.Behind => "red",
        PublicStatus.Done => "done",
        _ => "green",
    };

    public static string Legend(this PublicStatus status) => status switch
    {
        PublicStatus.Behind => "已过完成时限或时间节点，或进度明显落后于时间进度",
        PublicStatus.Done => "已按承诺完成",
        _ => "按计划推进中",
    };

    public static PublicStatus? Parse(string? text) => All.Cast<PublicStatus?>().FirstOrDefault(s => s!.Value.Chinese() == text);
}
