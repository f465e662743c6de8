using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Luoshi.Features.Publication;

/// <summary>One commitment in the open data: the public fields only, the chosen internal ones or null.</summary>
internal sealed record OpenItem(
    int Order, string Plan, string Area, string Title, string Narrative, int Progress, string Status, DateOnly DueDate, DateOnly? CompletedOn,
    string? LeadSection, string? Responsible, string? Problems);

internal sealed record OpenEdition(string Unit, int Edition, DateOnly PublishedOn, string? Note, List<OpenItem> Items);

/// <summary>An edition as open data (JSON, CSV for Excel) and the editions as an Atom feed.</summary>
internal static class OpenData
{
    public static OpenEdition Of(string unit, PublicEdition e) => new(unit, e.Number, e.PublishedOn, e.Note, [.. e.Items.Select(i => new OpenItem(
        i.SortOrder + 1, i.PlanTitle, i.Area, i.Title, i.Narrative, i.ProgressPercent, i.Status.Chinese(), i.DueDate, i.CompletedOn, i.LeadSection, i.Responsible, i.Problems))]);

    private static readonly string[] Header = ["序号", "计划", "领域", "承诺事项", "进展说明", "进度（%）", "状态", "完成时限", "完成日期", "牵头科室", "责任人", "存在问题"];

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese without asking for an encoding.</summary>
    public static byte[] Csv(OpenEdition edition)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var i in edition.Items)
        {
            string?[] cells = [i.Order.ToString(CultureInfo.InvariantCulture), i.Plan, i.Area, i.Title, i.Narrative, i.Progress.ToString(CultureInfo.InvariantCulture),
                i.Status, Date(i.DueDate), Date(i.CompletedOn), i.LeadSection, i.Responsible, i.Problems];
            text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quoted when it must be; a leading =, +, - or @ gets an apostrophe so Excel does not run it as a formula.</summary>
    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Formal(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>An Atom feed of the unit's editions, newest first; each entry links to its page and says only counts.</summary>
    public static string Atom(string unit, string pageUrl, IReadOnlyList<EditionSummary> editions)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feedUpdated = editions.Count > 0 ? editions[0].PublishedAt : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", $"{unit}公开承诺"),
            new XElement(atom + "id", pageUrl),
            new XElement(atom + "link", new XAttribute("href", pageUrl)),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", pageUrl + "/Feed")),
            new XElement(atom + "updated", Instant(feedUpdated)),
            new XElement(atom + "author", new XElement(atom + "name", unit)),
            editions.Select(e => new XElement(atom + "entry",
                new XElement(atom + "title", $"第{e.Number}期公开承诺（{Formal(e.PublishedOn)}）"),
                new XElement(atom + "id", $"{pageUrl}/{e.Number}"),
                new XElement(atom + "link", new XAttribute("href", $"{pageUrl}/{e.Number}")),
                new XElement(atom + "updated", Instant(e.PublishedAt)),
                new XElement(atom + "summary", $"共{e.Items}项承诺，已完成{e.Done}项，滞后{e.Behind}项。{e.Note}"))));
        return new XDeclaration("1.0", "utf-8", null) + "\n" + feed;
    }

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
