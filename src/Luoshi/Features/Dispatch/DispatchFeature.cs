using Microsoft.Extensions.Caching.Memory;
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

/// <summary>交办 in the menu, for the office of a unit that has units below it or has received 交办.
/// Whether it has is the same for the whole unit and asked on every page the office opens: it is kept
/// per unit for a few seconds while <see cref="WriteGeneration"/> stands still (a new unit below or a
/// 交办 received is a write), as the viewer is.</summary>
internal sealed class DispatchMenuLink(LuoshiDb db, IMemoryCache memory) : IMenuLink
{
    public int Order => 10;

    public async Task<(string Text, string Href)?> ForAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return null;
        }

        var shown = await memory.KeptAsync((typeof(DispatchMenuLink), viewer.UnitId), WriteGeneration.Current, TimeSpan.FromSeconds(5),
            async () => await db.Units.AnyAsync(u => u.ParentId == viewer.UnitId, ct) || await db.DispatchParties.AnyAsync(p => p.UnitId == viewer.UnitId, ct));
        return shown ? ("交办", "/Dispatch") : null;
    }
}
