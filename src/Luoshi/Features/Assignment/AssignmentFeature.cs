using Luoshi.Features.Desk;

namespace Luoshi.Features.Assignment;

/// <summary>Reassigning and returning tasks, one by one and in bulk, and the returns waiting for a decision.</summary>
internal static class AssignmentFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddAssignment(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Reassigner>();
        services.AddScoped<TaskReturns>();
        services.AddScoped<BulkReassign>();
        services.AddScoped<SelectedReassign>();
        services.AddScoped<IToDoSource, PendingReturnsSource>();
        return services;
    }
}
