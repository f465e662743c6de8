namespace Luoshi.Features.Shared.Jobs;

/// <summary>The "Scheduler" settings: whether this instance runs the features' jobs, and how often it looks.</summary>
internal sealed class SchedulerOptions
{
    /// <summary>Off in tests that drive the runs themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the polled jobs run (the outbox is looked at, the record sealed).</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(5);
}
