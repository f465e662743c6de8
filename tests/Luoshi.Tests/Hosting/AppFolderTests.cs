using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Hosting;

/// <summary>A published binary started from another folder (or by a service manager from /) finds
/// its settings, styles and data beside itself. The tests' own folder is laid out as a published
/// one: Luoshi.dll, appsettings.json and wwwroot/css.</summary>
public partial class AppFolderTests
{
    [Fact]
    public async Task TheAppStartedFromAnotherFolderReadsItsOwnSettingsAndServesItsStyles()
    {
        var elsewhere = Directory.CreateTempSubdirectory("luoshi-elsewhere-").FullName;
        using var app = AppProcess.Start(elsewhere, new Dictionary<string, string>
        {
            ["ConnectionStrings__Luoshi"] = $"Data Source={Path.Combine(elsewhere, "luoshi.db")}",
            ["Demo__SeedOnFirstRun"] = "false",
            ["DataProtection__Folder"] = Path.Combine(elsewhere, "keys"),
            ["Evidence__Folder"] = Path.Combine(elsewhere, "evidence"),
            ["Scheduler__Enabled"] = "false",
        }, "serve", "--urls", "http://127.0.0.1:0");

        var address = (await app.WaitForAsync(Listening(), TimeSpan.FromSeconds(60))).Groups[1].Value;
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var login = await client.GetStringAsync("/Account/Login");
        Assert.Contains("/css/site.css", login);
        var css = await client.GetAsync("/css/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        Assert.Contains("Content root path: " + AppContext.BaseDirectory.TrimEnd('/'), app.Output);
        // appsettings.json quiets EF Core; without it every SQL command is logged.
        Assert.DoesNotContain("Executed DbCommand", app.Output);
    }

    [Fact]
    public void TheContentRootIsTheWorkingFolderWhenItHasTheSettingsAndTheAppsOwnFolderOtherwise()
    {
        var project = Directory.CreateTempSubdirectory("luoshi-project-").FullName;
        var bin = Directory.CreateTempSubdirectory("luoshi-bin-").FullName;
        File.WriteAllText(Path.Combine(bin, "appsettings.json"), "{}");
        Assert.Equal(bin, ContentRoot.Choose([], project, bin));

        File.WriteAllText(Path.Combine(project, "appsettings.json"), "{}");
        Assert.Null(ContentRoot.Choose([], project, bin));
        Assert.Null(ContentRoot.Choose(["--contentRoot", "/srv/luoshi"], Path.GetTempPath(), bin));
    }

    [Fact]
    public void RelativeDataPathsAreTakenFromTheContentRoot()
    {
        Assert.Equal("/opt/luoshi/data/keys", DataPaths.Resolve("/opt/luoshi", "data/keys"));
        Assert.Equal("/var/lib/luoshi/keys", DataPaths.Resolve("/opt/luoshi", "/var/lib/luoshi/keys"));
        Assert.Equal("Data Source=/opt/luoshi/data/luoshi.db", DataPaths.Sqlite("Data Source=data/luoshi.db", "/opt/luoshi"));
        Assert.Equal("Data Source=:memory:", DataPaths.Sqlite("Data Source=:memory:", "/opt/luoshi"));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
