namespace Luoshi.Features.Recheck;

/// <summary>The "Recheck" settings.</summary>
internal sealed class RecheckOptions
{
    /// <summary>The lead section has this many working days from the re-check's start to do it.</summary>
    public int DueWorkingDays { get; set; } = 10;
}
