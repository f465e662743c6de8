using Microsoft.AspNetCore.Html;

namespace Luoshi.Features.Lights;

/// <summary>A light as the pages show it: a coloured word whose title gives the reason.</summary>
internal static class LightBadge
{
    public static IHtmlContent For(Light light, LightReason? reason = null) =>
        new HtmlString($"<span class=\"light {light.CssClass()}\" title=\"{System.Net.WebUtility.HtmlEncode(reason?.Chinese() ?? "")}\">{light.Chinese()}</span>");
}
