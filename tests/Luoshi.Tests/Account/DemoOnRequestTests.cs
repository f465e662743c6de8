using System.Text.Json;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17: a real deployment never gets the demo bureau by accident.</summary>
public class DemoOnRequestTests
{
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
}
