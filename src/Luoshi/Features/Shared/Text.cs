namespace Luoshi.Features.Shared;

internal static class Text
{
    /// <summary>Trimmed text, or null for blank: optional fields store no empty strings.</summary>
    public static string? OrNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
