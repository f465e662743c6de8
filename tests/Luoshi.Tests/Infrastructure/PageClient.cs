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
