using Microsoft.Extensions.DependencyInjection;
using Luoshi.Features.Audit;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.Audit;

/// <summary>Entries are kept for the months the setting says, never fewer than six.</summary>
public class AuditRetentionTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheCleanupDeletesOnlyEntriesOlderThanTheSetting(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // Years before the test clock: the cleanup deletes across units, and other tests sharing the
        // database write their entries at the test clock's time, which must stay out of its reach.
        var now = new DateTime(2019, 3, 15, 12, 0, 0, DateTimeKind.Utc);
        var ages = new[] { 0, 5, 8, 9 * 31, 13 * 31, 400 };
        await b.WithDbAsync(async d =>
        {
            d.AuditEntries.AddRange(ages.Select(days => new AuditEntry { UnitId = b.UnitId, At = now.AddDays(-days), Kind = AuditKind.SignedIn, Detail = days.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            return await d.SaveChangesAsync();
        });

        // Nine months kept: 9×31 days is older than nine calendar months before 15 March, 8 days is not.
        await b.WithDbAsync(d => AuditCleanup.DeleteExpiredAsync(d, now, 9));
        var left = await b.WithDbAsync(d => d.AuditEntries.Where(a => a.UnitId == b.UnitId && a.At > now.AddYears(-3)).Select(a => a.Detail).ToListAsync());
        Assert.Equal(["0", "5", "8"], left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheAppRefusesToStartWhenFewerThanSixMonthsWouldBeKept()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-audit-").FullName;
        string[] settings =
        [
            $"--ConnectionStrings:Luoshi=Data Source={Path.Combine(folder, "luoshi.db")}", $"--Evidence:Folder={Path.Combine(folder, "evidence")}",
            $"--DataProtection:Folder={Path.Combine(folder, "keys")}", "--urls=http://127.0.0.1:0", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning",
        ];
        await using var refused = App.Build([.. settings, "--Audit:KeepMonths=5"]);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => refused.StartAsync());
        Assert.Contains("至少须保留6个月", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 6 months", error.Message, StringComparison.Ordinal);

        await using var accepted = App.Build([.. settings, "--Audit:KeepMonths=6"]);
        await accepted.StartAsync();
        Assert.Equal(6, accepted.Services.GetRequiredService<IOptions<AuditOptions>>().Value.KeepMonths);
        Assert.Equal(12, new AuditOptions().KeepMonths);
        await accepted.StopAsync();
    }
}
