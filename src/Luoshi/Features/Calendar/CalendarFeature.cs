using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Calendar;

/// <summary>Each unit's working calendar, cached, and the reschedules its edits queue.</summary>
internal static class CalendarFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<WorkingCalendars>();
        services.AddPolledJob<CalendarRescheduleJob>();
        return services;
    }
}
