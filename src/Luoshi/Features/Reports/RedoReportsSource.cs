using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>待重报: reports the office or the lead leader returned, for the reporter and the section head.</summary>
internal sealed class RedoReportsSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待重报";

    public int Order => 25;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        ReturnedReports.Outstanding(db, viewer.UnitId).For(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        var returns = await ReturnedReports.Outstanding(db, viewer.UnitId).For(viewer)
            .OrderBy(x => x.ReturnedAt).ThenBy(x => x.ReturnId).Take(take).ToListAsync(ct);
        return [.. returns.Select(x => new ToDoItem(
            $"{x.TaskNumber}{x.TaskTitle}",
            $"/Tasks/{x.TaskId}/Report?period={x.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"{x.PeriodStart:yyyy-MM-dd}至{x.PeriodEnd:yyyy-MM-dd}的报告被退回：{x.Reason}",
            null,
            false))];
    }
}
