using Luoshi.Features.Desk;

namespace Luoshi.Features.Instructions;

/// <summary>Leaders' instructions (批示) and their acknowledgement.</summary>
internal static class InstructionsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddInstructions(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Instructions>();
        services.AddScoped<IToDoSource, InstructionsToAcknowledgeSource>();
        return services;
    }
}
