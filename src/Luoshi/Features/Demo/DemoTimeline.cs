namespace Luoshi.Features.Demo;

/// <summary>
/// The demo's year as a list of dated steps, played in time order on the <see cref="PastServices"/>
/// clock, with the escalation run just after every midnight as the scheduler runs it. Steps take ids,
/// not tracked rows: each escalation run clears the context.
/// </summary>
internal sealed class DemoTimeline(PastServices past)
{
    private readonly List<(DateTimeOffset At, Func<Task> Step)> _steps = [];

    public void At(DateTimeOffset at, Func<Task> step) => _steps.Add((at, step));

    /// <summary>Plays every step from the clock's moment up to <paramref name="now"/> (none may be
    /// later); steps at the same moment keep the order they were added in.</summary>
    public async Task PlayAsync(int unitId, DateTimeOffset now)
    {
        for (var day = DateOnly.FromDateTime(past.Clock.ToLocal(past.Time.Now.UtcDateTime)).AddDays(1); past.At(day, 0, 5) <= now; day = day.AddDays(1))
        {
            At(past.At(day, 0, 5), async () => await past.Escalation.RunAsync(unitId));
        }

        if (_steps.Any(s => s.At > now))
        {
            throw new InvalidOperationException("A demo step is dated after now.");
        }

        foreach (var (at, step) in _steps.OrderBy(s => s.At)) // a stable sort: ties keep their order
        {
            past.Time.MoveTo(at);
            await step();
        }
    }
}
