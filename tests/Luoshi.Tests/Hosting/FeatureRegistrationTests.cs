using System.Text.RegularExpressions;
using Luoshi.Features.Desk;
using Luoshi.Features.Shared.Jobs;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Hosting;

/// <summary>Each feature registers what it has in its own XFeature.cs (services.AddX(config)); App.cs
/// composes the features, one line each, and the hosting around them.</summary>
public partial class FeatureRegistrationTests
{
    [Fact]
    public void EveryToDoSourceAndEveryJobInTheAppIsRegistered()
    {
        var services = TestApp.For("sqlite").Services;
        using var scope = services.CreateScope();
        var types = typeof(App).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();

        var sources = scope.ServiceProvider.GetServices<IToDoSource>().Select(s => s.GetType()).ToList();
        Assert.Equal(types.Where(t => t.IsAssignableTo(typeof(IToDoSource))).OrderBy(t => t.FullName), sources.OrderBy(t => t.FullName));
        var jobs = services.GetServices<IDailyJob>().Select(j => j.GetType()).Concat(services.GetServices<IPolledJob>().Select(j => j.GetType())).ToList();
        Assert.Equal(types.Where(t => t.IsAssignableTo(typeof(IBackgroundJob))).OrderBy(t => t.FullName), jobs.OrderBy(t => t.FullName));
    }

    [Fact]
    public void AppCsRegistersNoFeatureServiceItselfButCallsEachFeaturesRegistration()
    {
        var app = File.ReadAllText(Path.Combine(SourceFolder(), "App.cs"));
        // A service, a 待办 source or a job goes into its feature's XFeature.cs, not here.
        Assert.Empty(DirectRegistration().Matches(app).Select(m => m.Value));
        var features = Directory.GetFiles(Path.Combine(SourceFolder(), "Features"), "*Feature.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetFileNameWithoutExtension(f)[..^"Feature".Length]).ToList();
        Assert.True(features.Count > 20, $"{features.Count} feature registrations");
        foreach (var feature in features)
        {
            Assert.True(app.Contains($"services.Add{feature}(config);", StringComparison.Ordinal), $"App.cs does not call services.Add{feature}(config)");
        }
    }

    /// <summary>src/Luoshi, found from the test's output folder upwards.</summary>
    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "src", "Luoshi");
            if (File.Exists(Path.Combine(source, "App.cs")))
            {
                return source;
            }
        }

        throw new InvalidOperationException("src/Luoshi/App.cs not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\.(AddScoped|AddSingleton|AddTransient|AddHostedService|AddDailyJob|AddPolledJob)\b[^;]*;")]
    private static partial Regex DirectRegistration();
}
