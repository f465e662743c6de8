using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luoshi.Features.Shared.Jobs;

/// <summary>How a feature adds its background work: <c>services.AddDailyJob&lt;MyJob&gt;()</c> in the
/// feature's own registration. The scheduler and its settings come with the first job.</summary>
internal static class JobRegistration
{
    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services) where TJob : class, IDailyJob =>
        services.AddJob<IDailyJob, TJob>();

    public static IServiceCollection AddPolledJob<TJob>(this IServiceCollection services) where TJob : class, IPolledJob =>
        services.AddJob<IPolledJob, TJob>();

    private static IServiceCollection AddJob<TKind, TJob>(this IServiceCollection services) where TKind : class where TJob : class, TKind
    {
        // A singleton of its own type too, so a test (or a command) can run the job by hand.
        services.TryAddSingleton<TJob>();
        services.AddSingleton<TKind>(sp => sp.GetRequiredService<TJob>());
        AddScheduler(services);
        return services;
    }

    /// <summary>Once, whichever feature registers the first job.</summary>
    private static void AddScheduler(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(JobScheduler)))
        {
            return;
        }

        services.AddOptions<SchedulerOptions>().BindConfiguration("Scheduler");
        services.AddSingleton<SchedulerLeader>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
    }
}
