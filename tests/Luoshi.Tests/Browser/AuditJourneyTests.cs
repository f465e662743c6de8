using Luoshi.Features.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Browser;

/// <summary>The demo bureau's auditor on a phone: the home page is the audit log; he filters by event
/// and takes the Excel, and the export is itself in the log.</summary>
public class AuditJourneyTests
{
    [Fact]
    public async Task TheAuditorFiltersTheLogByKindAndExportsItToExcelOnAPhone()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("auditor", Screen.Phone);
        await journey.OpenAsync("/");
        Assert.Equal(site.BaseUrl + "/Audit", journey.Page.Url);
        var nav = await journey.Page.Locator("header nav a").AllInnerTextsAsync();
        Assert.Equal(["审计日志", "修改密码"], nav);

        await journey.Page.SelectOptionAsync("select[name=kind]", nameof(AuditKind.PasswordChanged));
        await journey.SubmitAsync("form.filters button[type=submit]");
        Assert.Contains("kind=PasswordChanged", journey.Page.Url, StringComparison.Ordinal);
        var kinds = await journey.Page.Locator("#audit tbody td:nth-child(2)").AllInnerTextsAsync();
        // Each of the five demo logins set its own password when the site was made.
        Assert.True(kinds.Count >= 5, $"{kinds.Count} rows");
        Assert.All(kinds, k => Assert.Equal("修改密码", k));
        await journey.AssertCleanAsync();
        await journey.ShotAsync("audit-phone");

        var download = await journey.Page.RunAndWaitForDownloadAsync(() => journey.Page.ClickAsync("h1 a.button"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("luoshi-audit-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(kinds.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("修改密码", r["事件"]?.ToString()));
        Assert.Contains(rows, r => r["登录名"]?.ToString() == "office");

        var auditorId = (await site.PersonAsync("auditor")).Id;
        Assert.True(await site.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.Exported && a.ActorPersonId == auditorId && a.Target == download.SuggestedFilename)));
        journey.AssertNoUnexpectedResponses();
    }
}
