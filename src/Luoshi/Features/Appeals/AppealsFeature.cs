using Luoshi.Features.Desk;

namespace Luoshi.Features.Appeals;

/// <summary>Appeals (诉求), and their intake and replies waiting.</summary>
internal static class AppealsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddAppeals(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AppealOptions>(config.GetSection("Appeals"));
        services.AddScoped<AppealDesk>();
        services.AddSingleton<WorkItems.ILedgerKind, AppealLedgerKind>();
        services.AddScoped<Reviews.IReviewSection, AppealReviewSection>();
        services.AddScoped<IToDoSource, AppealReplyToDo>();
        services.AddScoped<IToDoSource, AppealIntakeToDo>();
        return services;
    }
}
