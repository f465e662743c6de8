using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.DirectorySync;

/// <summary>目录同步: the unit's people and sections kept in step with its LDAP/AD directory, on a
/// schedule and when the office presses 立即同步 on /Admin/Directory.</summary>
internal static class DirectorySyncFeature
{
    public static IServiceCollection AddDirectorySync(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DirectorySyncer>();
        services.AddScoped<DirectoryApply>();
        services.AddPolledJob<DirectorySyncJob>();
        return services;
    }
}
