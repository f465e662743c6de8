using System.Net;
using System.Text.RegularExpressions;

namespace Luoshi.Tests.Infrastructure;

/// <summary>Talks to the pages as a browser does: GET the form, take its anti-forgery token, POST.</summary>
internal sealed partial class PageClient(HttpClient client)
{
    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await TokenAsync(formPage ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }

    /// <summary>A form post with repeated fields (ticked checkboxes of the same name).</summary>
    public async Task<HttpResponseMessage> PostPairsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var token = await TokenAsync(formPage);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string url, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var token = await TokenAsync(url);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return await client.PostAsync(url, content);
    }

    /// <summary>The fields a browser would submit from the first form with method="post" on the page:
    /// inputs with their values (checked boxes only), selects with their selected option, textareas.</summary>
    public static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>();
        var form = FormPattern().Match(html[Math.Max(html.IndexOf("<main>", StringComparison.Ordinal), 0)..]).Value;
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken" || tag.Contains("disabled", StringComparison.Ordinal))
            {
                continue;
            }

            var type = Attribute(tag, "type");
            if (type is "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal))
            {
                continue;
            }

            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var name = Attribute(select.Groups[1].Value, "name");
            var chosen = SelectedPattern().Match(select.Groups[2].Value);
            if (name is not null)
            {
                fields[name] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[chosen.Groups[1].Success ? 1 : 2].Value) : Attribute(OptionPattern().Match(select.Groups[2].Value).Value, "value") ?? "";
            }
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            if (Attribute(area.Groups[1].Value, "name") is { } name)
            {
                fields[name] = WebUtility.HtmlDecode(area.Groups[2].Value);
            }
        }

        return fields;
    }

    [GeneratedRegex("<textarea\\b([^>]*)>([\\s\\S]*?)</textarea>")]
    private static partial Regex TextareaPattern();

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<form method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select\\b([^>]*)>([\\s\\S]*?)</select>")]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option[^>]*selected=\"selected\"[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected=\"selected\"")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex OptionPattern();

    private async Task<string> TokenAsync(string url)
    {
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {url}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
