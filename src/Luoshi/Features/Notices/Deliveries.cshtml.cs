using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices;

/// <summary>What went out, by which channel, and what did not: the failures with the far end's
/// words, and a way to send them again once the channel is mended.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class DeliveriesModel(LuoshiDb db, CurrentViewer current, BureauClock clock, TimeProvider time) : PageModel
{
    public sealed record ChannelCount(string Channel, DeliveryStatus Status, int Count);

    public sealed record Row(long Id, string Channel, string Target, DeliveryStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError, string Title, string Recipient);

    public List<ChannelCount> Counts { get; private set; } = [];
    public List<Row> Troubled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Counts = await db.NoticeDeliveries.Where(d => d.UnitId == viewer.UnitId)
            .GroupBy(d => new { d.Channel, d.Status })
            .Select(g => new ChannelCount(g.Key.Channel, g.Key.Status, g.Count()))
            .ToListAsync(ct);
        Troubled = await db.NoticeDeliveries.AsNoTracking()
            .Where(d => d.UnitId == viewer.UnitId && (d.Status == DeliveryStatus.Failed || (d.Status == DeliveryStatus.Pending && d.Attempts > 0)))
            .OrderByDescending(d => d.Id).Take(200)
            .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d, n })
            .Join(db.People, x => x.n.RecipientId, p => p.Id, (x, p) => new Row(x.d.Id, x.d.Channel, x.d.Target, x.d.Status, x.d.Attempts, x.d.NextAttemptAt, x.d.LastError, x.n.Title, p.Name))
            .ToListAsync(ct);
    }

    /// <summary>Sends the failed deliveries of a channel (or one delivery) again, from the first attempt.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long? id, string? channel, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var count = await db.NoticeDeliveries
            .Where(d => d.UnitId == viewer.UnitId && d.Status == DeliveryStatus.Failed && (id == null || d.Id == id) && (channel == null || d.Channel == channel))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), ct);
        TempData["Notice"] = count == 0 ? "没有需要重发的记录" : $"已将 {count} 条重新排入发送";
        return Redirect("/Admin/Deliveries");
    }

    public int Count(string channel, DeliveryStatus status) => Counts.Where(c => c.Channel == channel && c.Status == status).Sum(c => c.Count);

    public IEnumerable<string> Channels => Counts.Select(c => c.Channel).Distinct().Order();

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string ChannelName(string channel) => channel switch
    {
        "email" => "电子邮件",
        "dingtalk" => "钉钉机器人",
        "wecom" => "企业微信机器人",
        _ => channel,
    };
}
