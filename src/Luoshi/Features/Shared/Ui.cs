using System.Globalization;
using Luoshi.Features.Lights;
using Microsoft.AspNetCore.Html;

namespace Luoshi.Features.Shared;

/// <summary>Small pieces of markup the pages share.</summary>
internal static class Ui
{
    public static IHtmlContent Badge(Light light, LightReason? reason = null) =>
        new HtmlString($"<span class=\"light {light.CssClass()}\" title=\"{System.Net.WebUtility.HtmlEncode(reason?.Chinese() ?? "")}\">{light.Chinese()}</span>");

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
