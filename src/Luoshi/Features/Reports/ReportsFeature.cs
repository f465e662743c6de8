using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Reports;

/// <summary>Reports, their evidence and windows, the 待办 of reports owed or returned, and the daily removal of uploads no report took.</summary>
internal static class ReportsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EvidenceOptions>(config.GetSection("Evidence"));
        // The folder is resolved against the content root (the app folder), as the database file is.
        services.AddOptions<EvidenceOptions>().PostConfigure<IHostEnvironment>((o, environment) => o.Folder = DataPaths.Resolve(environment.ContentRootPath, o.Folder));
        services.AddSingleton<IEvidenceStore, FolderEvidenceStore>();
        // verify (page and command) hashes every stored file against the hash taken at upload.
        services.AddSingleton<Record.RecordFileCheck>(sp => EvidenceCheck.For(sp.GetRequiredService<IEvidenceStore>()));
        services.AddScoped<EvidenceFiles>();
        services.AddScoped<EvidenceAccess>();
        services.AddScoped<ReportSubmitter>();
        services.AddSingleton<ReportQueue>();
        services.AddScoped<ReportReturner>();
        services.AddSingleton<ReportWindows>();
        services.AddScoped<ReportsOwed>();
        services.AddScoped<IToDoSource, RedoReportsSource>();
        services.AddScoped<IToDoSource, ReportDueToDo>();
        services.AddScoped<IToDoSource, ReportLateToDo>();
        services.AddDailyJob<UnattachedEvidenceJob>();
        return services;
    }
}
