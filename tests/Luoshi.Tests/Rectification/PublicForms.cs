using Luoshi.Features.PublicForms;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Rectification;

/// <summary>Fills a public form as a person would: gets it, waits (a stamp from a minute ago), posts.</summary>
internal static class PublicForms
{
    public static PageClient Anonymous(TestApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<HttpResponseMessage> PostAsync(TestApp app, PageClient client, string url, Dictionary<string, string> fields, bool waited = true)
    {
        var html = await client.GetHtmlAsync(url);
        var form = PageClient.FormFields(html);
        foreach (var (k, v) in fields)
        {
            form[k] = v;
        }

        if (waited)
        {
            form["Stamp"] = app.Services.GetRequiredService<PublicFormGuard>().StampAt(app.Clock.GetUtcNow().AddMinutes(-1));
        }

        return await client.PostFormAsync(url, form);
    }
}
