using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Supervision;

/// <summary>Moves a test app's clock to a day in Beijing and runs what the scheduler would run then.</summary>
internal static class Travel
{
    public static void To(TestApp app, string day, int hour = 9) =>
        app.Clock.SetUtcNow(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)));

    /// <summary>Sends what the outbox holds until nothing is due; returns how many rows were claimed.</summary>
    public static async Task<int> SendAllAsync(TestApp app)
    {
        var total = 0;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var claimed = await scope.ServiceProvider.GetRequiredService<Luoshi.Features.Notices.NoticeDispatcher>().SendBatchAsync();
            if (claimed == 0)
            {
                return total;
            }

            total += claimed;
        }
    }

    public static async Task<EscalationSummary> EscalateAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationRun>().RunAsync(b.UnitId);
    }
}
