using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>交办 between units: assigning down the unit tree, 签收 and 退办, and what the assigner sees.</summary>
internal static class DispatchFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DispatchOptions>(config.GetSection("Dispatch"));
        services.AddSingleton<WorkItems.ILedgerKind, DispatchLedgerKind>();
        services.AddScoped<Dispatches>();
        services.AddScoped<DispatchNotices>();
        services.AddScoped<DispatchViews>();
        services.AddScoped<IStepRelay, DispatchStepRelay>();
        services.AddScoped<Reviews.IReviewSection, DispatchReviewSection>();
        services.AddScoped<IToDoSource, ToSignSource>();
        services.AddScoped<IToDoSource, ReturnedSource>();
        services.AddScoped<IMenuLink, DispatchMenuLink>();
        return services;
    }
}

/// <summary>交办 in the menu, for the office of a unit that has units below it or has received 交办.</summary>
internal sealed class DispatchMenuLink(LuoshiDb db) : IMenuLink
{
    public int Order => 10;

    public async Task<(string Text, string Href)?> ForAsync(Viewer viewer, CancellationToken ct = default) =>
        viewer.IsAdmin && (await db.Units.AnyAsync(u => u.ParentId == viewer.UnitId, ct) || await db.DispatchParties.AnyAsync(p => p.UnitId == viewer.UnitId, ct))
            ? ("交办", "/Dispatch")
            : null;
}
