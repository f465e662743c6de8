using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Assessment;

/// <summary>The assessment (考核) and its scores.</summary>
internal static class AssessmentFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<AssessmentData>();
        services.AddScoped<AssessmentEditor>();
        services.AddScoped<StoredResults>();
        // The stored results hear of the changes that bypass the save interceptor.
        services.AddScoped<Supervision.IStepRelay, StepsChangeAssessment>();
        services.AddScoped<Calendar.ICalendarChanged, CalendarChangesAssessment>();
        services.AddPolledJob<RecomputeJob>();
        return services;
    }
}
