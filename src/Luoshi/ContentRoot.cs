namespace Luoshi;

/// <summary>
/// Where the app finds its <c>appsettings.json</c> and <c>wwwroot</c> (the content root). The host's
/// default is the working folder, which is right for <c>dotnet run</c> (it starts the app in the
/// project folder) but wrong for a published binary started from anywhere else, or by a service
/// manager from <c>/</c>: it would then run without its settings (port 5000, verbose logging) and
/// without its styles.
/// </summary>
internal static class ContentRoot
{
    /// <summary>The app's own folder when the working folder has no <c>appsettings.json</c> and the
    /// app's folder has one; otherwise null, which keeps the host's default. A content root named
    /// on the command line or in the environment always wins, and so does the test host's.</summary>
    public static string? Choose(string[] args, string workingFolder, string appFolder)
    {
        var named = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        if (named || File.Exists(Path.Combine(workingFolder, Settings)))
        {
            return null;
        }

        return File.Exists(Path.Combine(appFolder, Settings)) ? appFolder : null;
    }

    private const string Settings = "appsettings.json";
}
