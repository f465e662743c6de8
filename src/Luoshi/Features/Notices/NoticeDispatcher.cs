using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices;

internal sealed class NoticeOptions
{
    /// <summary>Deliveries claimed at a time by one sender.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds; a sender that died is replaced after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a delivery is given up and left for the admin.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, up to an hour.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The address people reach the app at (https://luoshi.example.gov.cn): every message carries
    /// its tracked link /n/{token} under it. Without it messages carry no link and cannot be read by one.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Sends what the outbox holds. A batch is claimed with one UPDATE whose WHERE repeats the claim
/// condition, so two senders (two instances) never hold the same row: on PostgreSQL the second
/// UPDATE re-reads a row the first has locked and finds it claimed. Each channel's share of the
/// batch is sent on its own, so a slow or failing channel never holds up the others, and every row
/// is marked the moment its channel accepts it.
/// </summary>
internal sealed class NoticeDispatcher(
    LuoshiDb db, IServiceScopeFactory scopes, TimeProvider time, IOptions<NoticeOptions> options, Arrival.QuietDeliveries quiet, ILogger<NoticeDispatcher> log)
{
    internal sealed record Claimed(
        long Id, int UnitId, string Channel, string Target, int Attempts, Guid MessageKey, string Title, string Body, string RecipientName, string? RecipientPhone,
        NoticeKind Kind, DeliveryPurpose? Purpose, string? ReadToken);

    /// <summary>Claims and sends one batch; returns how many were claimed (0 = nothing due).</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var due = db.NoticeDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(o.BatchSize);
        var count = await db.NoticeDeliveries
            .Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, token).SetProperty(d => d.ClaimedUntil, now + o.Lease), ct);
        if (count == 0)
        {
            return 0;
        }

        var claimed = await db.NoticeDeliveries.AsNoTracking()
            .Where(d => d.ClaimedBy == token)
            .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d, n })
            .Join(db.People, x => x.n.RecipientId, p => p.Id, (x, p) => new Claimed(
                x.d.Id, x.d.UnitId, x.d.Channel, x.d.Target, x.d.Attempts, x.d.MessageKey, x.n.Title, x.n.Body, p.Name, p.Phone, x.n.Kind, x.d.Purpose, x.d.ReadToken))
            .ToListAsync(ct);
        // Quiet hours: what may not go now is handed back with its time to go, not sent.
        claimed = await quiet.HoldAsync(db, claimed, token, ct);
        // A claim is only good for its lease: past half of it, the rest is handed back rather than
        // sent late, when another sender may already have taken it over.
        var sendUntil = now + (o.Lease / 2);
        await Task.WhenAll(claimed.GroupBy(c => c.Channel).Select(g => SendAllAsync(g.Key, g.ToList(), token, sendUntil, ct)));
        return count;
    }

    /// <summary>Sends one channel's rows in order, in a scope of its own (a channel may read the
    /// database while another channel's results are written). A failure is written and the next row
    /// goes on; the rows sent before it stay sent.</summary>
    private async Task SendAllAsync(string name, List<Claimed> rows, Guid token, DateTime sendUntil, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var channel = scope.ServiceProvider.GetServices<INoticeChannel>().FirstOrDefault(c => c.Name == name);
        var results = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            if (time.GetUtcNow().UtcDateTime > sendUntil)
            {
                var rest = rows.Skip(index).Select(r => r.Id).ToList();
                await results.NoticeDeliveries.Where(d => rest.Contains(d.Id) && d.ClaimedBy == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                return;
            }

            if (channel is null)
            {
                await RecordAsync(results, row, token, $"渠道“{row.Channel}”不存在", permanent: true, ct);
                continue;
            }

            string? error = null;
            var permanent = false;
            try
            {
                var link = await Arrival.TrackedLinks.EnsureAsync(results, row, options.Value.PublicBaseUrl, ct);
                var (title, body) = Arrival.TrackedLinks.Words(row);
                await channel.SendAsync(new OutgoingNotice(row.Id, row.UnitId, MessageId(row), row.Target, title, body, row.RecipientName, row.RecipientPhone, link), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning("Delivery {Id} by {Channel} failed: {Error}", row.Id, row.Channel, e.Message);
                (error, permanent) = (e.Message, e is NoticeChannelException { Permanent: true });
            }

            // Marked at once, not with the batch: a crash now can repeat at most this one row. A failover
            // of the database under the mark is waited out and the mark made again (it says where the row
            // ends up), for up to half the lease, so a sent row is not sent again when its claim runs out.
            await PrimaryLoss.RepeatAsync(() => RecordAsync(results, row, token, error, permanent, ct), options.Value.Lease / 2);
        }
    }

    /// <summary>The id the far end sees; the same on every attempt of a delivery.</summary>
    public static string MessageId(Guid key) => $"{key:N}@luoshi";

    private static string MessageId(Claimed row) => MessageId(row.MessageKey);

    private async Task RecordAsync(LuoshiDb results, Claimed row, Guid token, string? error, bool permanent, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mine = results.NoticeDeliveries.Where(d => d.Id == row.Id && d.Status == DeliveryStatus.Pending);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now).SetProperty(d => d.Attempts, row.Attempts + 1)
                .SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null).SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
            return;
        }

        var attempts = row.Attempts + 1;
        var giveUp = permanent || attempts >= options.Value.MaxAttempts;
        var text = error is { Length: > 1000 } ? error[..1000] : error;
        await mine.Where(d => d.ClaimedBy == token).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, giveUp ? DeliveryStatus.Failed : DeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.NextAttemptAt, now + Backoff(attempts, options.Value.FirstRetry))
            .SetProperty(d => d.LastError, text)
            .SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), ct);
    }

    /// <summary>first, 2×first, 4×first … capped at an hour.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, TimeSpan.FromHours(1).Ticks));
    }
}
