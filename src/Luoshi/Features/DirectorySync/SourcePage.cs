using System.Security.Cryptography;
using Luoshi.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>What the settings pages of the directory sync's sources share (目录同步 here, 通讯录与免登 in
/// Messengers): saving the settings, the connection test's outcome on the form, the sync the office starts,
/// and the runs shown.
/// Each page keeps its settings, its checks and how its source is read.</summary>
internal static class SourcePage
{
    /// <summary>保存: the form shown again with what is wrong, or the settings row (made when the unit has
    /// none) changed by <paramref name="apply"/>, which also seals a typed secret and writes the audit
    /// entry, saved, and <paramref name="saved"/> told after the redirect.</summary>
    public static async Task<IActionResult> SaveAsync<TSettings>(
        PageModel page, LuoshiDb db, TSettings? stored, Func<TSettings> create, Action<TSettings> apply, Func<Task> reload, string saved, object? routeValues, CancellationToken ct)
        where TSettings : class
    {
        if (!page.ModelState.IsValid)
        {
            await reload();
            return page.Page();
        }

        var settings = stored ?? db.Add(create()).Entity;
        apply(settings);
        await db.SaveChangesAsync(ct);
        page.TempData["Notice"] = saved;
        return page.RedirectToPage(routeValues);
    }

    /// <summary>The connection test: its sentence when the source answered; otherwise the source's
    /// problem (<typeparamref name="TProblem"/>) or a stored secret that no longer opens, on the form.</summary>
    public static async Task<string?> TestAsync<TProblem>(PageModel page, string secretField, string secretLost, Func<Task<string>> test)
        where TProblem : Exception
    {
        try
        {
            return await test();
        }
        catch (TProblem e)
        {
            page.ModelState.AddModelError("", "连接失败：" + e.Message);
        }
        catch (CryptographicException)
        {
            page.ModelState.AddModelError(secretField, secretLost);
        }

        return null;
    }

    /// <summary>立即同步: refused on the page while the source is not on; otherwise the run, told after the
    /// redirect (a run another request or instance holds is said as such).</summary>
    public static async Task<IActionResult> SyncNowAsync(
        PageModel page, bool enabled, string notEnabled, Func<Task<DirectorySyncRun?>> sync, Func<Task> reload, object? routeValues = null)
    {
        if (!enabled)
        {
            page.ModelState.AddModelError("", notEnabled);
            await reload();
            return page.Page();
        }

        var run = await sync();
        page.TempData["Notice"] = run is null ? "另一次同步正在进行，请稍后刷新查看结果"
            : run.Problem is { } problem && run.Found == 0 ? "同步未完成：" + problem
            : $"同步完成：新增{run.Added}人，调整科室{run.Moved}人，停用{run.Deactivated}人";
        return page.RedirectToPage(routeValues);
    }

    /// <summary>The source's last ten runs, newest first.</summary>
    public static Task<List<DirectorySyncRun>> HistoryAsync(LuoshiDb db, int unitId, string source, CancellationToken ct) =>
        db.Set<DirectorySyncRun>().AsNoTracking().Where(r => r.UnitId == unitId && r.Source == source)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(10).ToListAsync(ct);

    /// <summary>The names of the people a run deactivated.</summary>
    public static async Task<Dictionary<int, string>> LeftAsync(LuoshiDb db, int unitId, DirectorySyncRun? run, CancellationToken ct) =>
        run?.DeactivatedIds().ToList() is { Count: > 0 } ids
            ? await db.People.AsNoTracking().Where(p => p.UnitId == unitId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct)
            : [];
}
