namespace Luoshi.Features.Lights;

/// <summary>Thresholds of the light rules (configuration section "Lights").</summary>
internal sealed class LightOptions
{
    /// <summary>Yellow when an open milestone is due within this many working days.</summary>
    public int MilestoneSoonWorkingDays { get; set; } = 5;

    /// <summary>Yellow when the share of working days elapsed exceeds reported progress by more
    /// than this many percentage points.</summary>
    public int BehindMarginPercent { get; set; } = 20;
}
