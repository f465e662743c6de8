namespace Luoshi.Features.Calendar;

/// <summary>Each unit's working calendar, cached.</summary>
internal static class CalendarFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<WorkingCalendars>();
        return services;
    }
}
