using Luoshi.Features.Desk;

namespace Luoshi.Features.Proposals;

/// <summary>人大代表建议 and 政协委员提案 (建议提案), with the co-handlers' opinions across units.</summary>
internal static class ProposalsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddProposals(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ProposalDesk>();
        services.AddScoped<Reviews.IReviewSection, ProposalReviewSection>();
        services.AddScoped<ProposalOpinions>();
        services.AddScoped<ProposalFiles>();
        services.AddSingleton<WorkItems.ILedgerKind, ProposalLedgerKind>();
        services.AddScoped<IToDoSource, ProposalReplyToDo>();
        services.AddScoped<IToDoSource, ProposalSatisfactionToDo>();
        services.AddScoped<IToDoSource, ProposalOpinionToDo>();
        return services;
    }
}
