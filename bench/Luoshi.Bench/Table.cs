using System.Globalization;
using System.Text;

namespace Luoshi.Bench;

internal static class Table
{
    public static string Render(IEnumerable<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | clients | requests | req/s | p50 ms | p99 ms | failed |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Clients} | {r.Requests:N0} | {r.PerSecond:N0} | {r.P50:F1} | {r.P99:F1} | {r.Failures} |");
        }

        return text.ToString();
    }
}
