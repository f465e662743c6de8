using System.Runtime.CompilerServices;

namespace Luoshi.Testing;

/// <summary>
/// The project's shared inputs (real documents, reference results) live in ../shared beside the
/// repository. CI always has them; a stranger's clone may not, and then the tests that need them
/// skip and say why instead of failing.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(MissingReason), .. parts]);

    public const string MissingReason =
        "../shared (real documents and reference data) is not beside this checkout; set LUOSHI_SHARED to its path to run this test.";

    private static string? Find([CallerFilePath] string thisFile = "")
    {
        var fromEnv = Environment.GetEnvironmentVariable("LUOSHI_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(fromEnv) ? fromEnv : null;
        }

        // Walk up from the test binaries (and, failing that, from this source file) to the checkout
        // holding Luoshi.slnx; shared/ is its sibling.
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(thisFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Luoshi.slnx")))
                {
                    var shared = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                    return Directory.Exists(shared) ? shared : null;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared: skipped, with the reason, where it is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}

/// <summary>A theory that needs ../shared: skipped, with the reason, where it is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
