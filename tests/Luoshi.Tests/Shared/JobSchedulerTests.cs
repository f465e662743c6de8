using Luoshi.Features.Notices;
using Luoshi.Features.Record;
using Luoshi.Features.Reports;
using Luoshi.Features.Reviews;
using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Luoshi.Tests.Shared;

/// <summary>The scheduler knows no feature: each feature registers its own jobs, daily or polled,
/// and the scheduler runs them on the bureau's dates and its polls.</summary>
public class JobSchedulerTests
{
    [Fact]
    public async Task ADailyJobRunsOncePerBureauDateAndAPolledJobOnEveryPoll()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var daily = new CountingJob();
        var polled = new CountingJob();
        using var scheduler = Scheduler(time, [daily], [polled]);

        await scheduler.TickAsync(CancellationToken.None);
        await scheduler.TickAsync(CancellationToken.None);
        Assert.Equal((1, 2), (daily.Runs, polled.Runs));

        // 23:59 in Beijing is still the same bureau date; a minute later it is the next.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero));
        await scheduler.TickAsync(CancellationToken.None);
        Assert.Equal((1, 3), (daily.Runs, polled.Runs));
        time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TickAsync(CancellationToken.None);
        Assert.Equal((2, 4), (daily.Runs, polled.Runs));
    }

    [Fact]
    public async Task AFailedDailyJobIsTriedAgainOnTheNextPollWithoutStoppingTheOtherJobs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var failing = new CountingJob { FailuresLeft = 1 };
        var after = new CountingJob();
        var polled = new CountingJob();
        using var scheduler = Scheduler(time, [failing, after], [polled]);

        await scheduler.TickAsync(CancellationToken.None);
        Assert.Equal((1, 1, 1), (failing.Runs, after.Runs, polled.Runs));
        await scheduler.TickAsync(CancellationToken.None);
        // The failed one again, the one that succeeded not before tomorrow.
        Assert.Equal((2, 1, 2), (failing.Runs, after.Runs, polled.Runs));
        await scheduler.TickAsync(CancellationToken.None);
        Assert.Equal((2, 1, 3), (failing.Runs, after.Runs, polled.Runs));
    }

    [Fact]
    public async Task WithTheSchedulerSwitchedOffNoJobRuns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var daily = new CountingJob();
        var polled = new CountingJob();
        using var scheduler = Scheduler(time, [daily], [polled], enabled: false);

        await scheduler.StartAsync(CancellationToken.None);
        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0), (daily.Runs, polled.Runs));
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SwitchedOnTheSchedulerRunsTheJobsAtStartAndThenOnEachPoll()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var daily = new CountingJob();
        var polled = new CountingJob();
        using var scheduler = Scheduler(time, [daily], [polled]);

        await scheduler.StartAsync(CancellationToken.None);
        await polled.ReachedAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));
        await polled.ReachedAsync(2);
        Assert.Equal(1, daily.Runs);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void EachFeatureRegistersItsOwnJobsAndTheEscalationRunsBeforeTheReviews()
    {
        var services = TestApp.For("sqlite").Services;
        Assert.Equal([typeof(UnattachedEvidenceJob), typeof(Luoshi.Features.Notices.Arrival.DailyDigestJob), typeof(Luoshi.Features.Notices.NoticeCountRepair), typeof(EscalationJob),
            typeof(ScheduledReviewsJob), typeof(Luoshi.Features.Recheck.RecheckJob)], services.GetServices<IDailyJob>().Select(j => j.GetType()));
        Assert.Equal([typeof(Luoshi.Features.Calendar.CalendarRescheduleJob), typeof(Luoshi.Features.Notices.Arrival.MustArriveJob), typeof(OutboxJob), typeof(RecordSealingJob),
            typeof(Luoshi.Features.Record.RecordFullCheckJob), typeof(Luoshi.Features.Assessment.RecomputeJob), typeof(Luoshi.Features.DirectorySync.DirectorySyncJob),
            typeof(Luoshi.Features.Messengers.MessengerSyncJob)],
            services.GetServices<IPolledJob>().Select(j => j.GetType()));
        Assert.Single(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<JobScheduler>());
    }

    private static JobScheduler Scheduler(FakeTimeProvider time, IDailyJob[] daily, IPolledJob[] polled, bool enabled = true) =>
        new(daily, polled, new BureauClock(time, Options.Create(new ClockOptions())), time,
            Options.Create(new SchedulerOptions { Enabled = enabled, Poll = TimeSpan.FromSeconds(5) }), NullLogger<JobScheduler>.Instance);

    private sealed class CountingJob : IDailyJob, IPolledJob
    {
        private int _runs;

        public int FailuresLeft { get; set; }

        public int Runs => Volatile.Read(ref _runs);

        public string Name => "计数";

        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            return FailuresLeft-- > 0 ? throw new InvalidOperationException("一次失败") : Task.CompletedTask;
        }

        public async Task ReachedAsync(int runs)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (Runs < runs)
            {
                Assert.True(DateTime.UtcNow < until, $"{Runs} runs, waited for {runs}");
                await Task.Delay(20);
            }
        }
    }
}
