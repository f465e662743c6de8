using System.Globalization;
using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Audit;

/// <summary>The audit log as an Excel sheet, times in the bureau's time zone.</summary>
internal static class AuditWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(BureauClock clock) => $"审计日志-{clock.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";

    public static byte[] Write(IReadOnlyList<AuditRow> entries, BureauClock clock)
    {
        var rows = entries.Select(e => new Dictionary<string, object?>
        {
            ["时间"] = clock.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), ["事件"] = e.KindName, ["登录名"] = e.UserName,
            ["操作人"] = e.Actor, ["对象"] = e.Target, ["地址"] = e.Address, ["说明"] = e.Detail,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["审计日志"] = rows });
        return stream.ToArray();
    }
}
