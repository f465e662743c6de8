namespace Luoshi.Features.Shared.Jobs;

/// <summary>Background work a feature owns and registers with <see cref="JobRegistration"/>. A job
/// keeps its state in the database (claims, locks, what was already done), so a restart loses
/// nothing and repeats nothing, and two instances may run it side by side.</summary>
internal interface IBackgroundJob
{
    /// <summary>For the log when a run fails.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>Runs once per bureau date: at start-up and after midnight, and again on the next poll
/// while it fails. Daily jobs run in the order they were registered.</summary>
internal interface IDailyJob : IBackgroundJob;

/// <summary>Runs on every poll of the scheduler (<see cref="SchedulerOptions.Poll"/>).</summary>
internal interface IPolledJob : IBackgroundJob;
