using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17: a real deployment never gets the demo bureau by accident.</summary>
public partial class DemoOnRequestTests
{
    [Fact]
    public async Task UnderAServiceManagerServeMakesNoDemoAndWritesNoPasswordToTheLog()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-service-").FullName;
        using var app = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["ConnectionStrings__Luoshi"] = $"Data Source={Path.Combine(folder, "luoshi.db")}",
            ["DataProtection__Folder"] = Path.Combine(folder, "keys"),
            ["Evidence__Folder"] = Path.Combine(folder, "evidence"),
            ["Scheduler__Enabled"] = "false",
        }, "serve", "--urls", "http://127.0.0.1:0");

        await app.WaitForAsync(Listening(), TimeSpan.FromSeconds(60));

        Assert.Contains("管理员 admin。输出不是终端，一次性密码不打印", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("演示单位", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("一次性密码（", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedSettingsMakeNoDemoAndAcceptOnlyLocalHosts()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))).RootElement;

        Assert.False(settings.GetProperty("Demo").GetProperty("SeedOnFirstRun").GetBoolean());
        Assert.Equal("localhost;127.0.0.1;[::1]", settings.GetProperty("AllowedHosts").GetString());
    }

    [Fact]
    public void ServeWithDemoAsksForTheDemoAndNothingElseDoes()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:5080", "--Demo:SeedOnFirstRun=true"], CommandLine.ServeArguments(["--urls", "http://127.0.0.1:5080", "--demo"]));
        Assert.Equal(["--urls", "http://127.0.0.1:5080"], CommandLine.ServeArguments(["--urls", "http://127.0.0.1:5080"]));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
