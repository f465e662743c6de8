namespace Luoshi.Commands;

/// <summary>
/// A command's own options (<c>--name value</c>, and bare flags such as <c>--force</c>) apart from
/// the settings it passes on to the app's configuration (<c>--Section:Key=value</c>).
/// </summary>
internal static class CommandOptions
{
    /// <summary>Null when an option lacks its value or a word stands where an option should.</summary>
    public static Dictionary<string, string>? Parse(string[] args, params string[] flags)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var name = args[i][2..];
            if (args[i].Contains('='))
            {
                continue;
            }

            if (flags.Contains(name))
            {
                options[name] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return null;
            }

            options[name] = args[++i];
        }

        return options;
    }

    /// <summary>The <c>--Section:Key=value</c> settings, for <see cref="App.Build"/>.</summary>
    public static string[] Settings(string[] args) =>
        [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))];
}
