namespace Luoshi.Features.Lights;

/// <summary>The lights, and their refresh when the date changes.</summary>
internal static class LightsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddLights(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<LightOptions>(config.GetSection("Lights"));
        services.AddScoped<TaskLights>();
        services.AddScoped<Calendar.ICalendarChanged, RescheduleOnCalendarChange>();
        services.AddSingleton<DailyLightRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyLightRefresh>());
        return services;
    }
}
