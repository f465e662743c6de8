using System.Globalization;

namespace Luoshi.Features.Shared;

/// <summary>Small pieces of markup the pages share.</summary>
internal static class Ui
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
