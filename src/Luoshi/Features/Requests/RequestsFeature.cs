using Luoshi.Features.Desk;

namespace Luoshi.Features.Requests;

/// <summary>Extension and completion requests, and their 待办.</summary>
internal static class RequestsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TaskRequests>();
        services.AddScoped<IToDoSource, ExtensionToDo>();
        services.AddScoped<IToDoSource, CompletionToDo>();
        return services;
    }
}
