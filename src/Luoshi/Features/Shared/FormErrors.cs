using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Luoshi.Features.Shared;

/// <summary>
/// Where a refused form's messages go. A form shows each message beside its field; a message about a
/// field the form does not show (a rule of the shared feature code, such as an archived plan) would
/// then be lost, so it is moved to the form's own line at the top instead.
/// </summary>
internal static partial class FormErrors
{
    /// <summary>Moves the messages under <paramref name="prefix"/> whose field is not among
    /// <paramref name="shown"/> to <paramref name="top"/> ("" for the page's summary).</summary>
    public static void KeepVisible(this ModelStateDictionary state, string prefix, string top, params string[] shown)
    {
        var lost = state.Where(e => e.Value is { Errors.Count: > 0 } && e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && !shown.Contains(Field(e.Key[prefix.Length..]), StringComparer.OrdinalIgnoreCase) && e.Key != top)
            .Select(e => (e.Key, Messages: e.Value!.Errors.Select(x => x.ErrorMessage).ToList())).ToList();
        foreach (var (key, messages) in lost)
        {
            state.Remove(key);
            messages.ForEach(m => state.AddModelError(top, m));
        }
    }

    /// <summary>True when a message stands under the key (for opening the fold-out that holds it).</summary>
    public static bool HasErrorsUnder(this ModelStateDictionary state, string prefix) =>
        state.Any(e => e.Value is { Errors.Count: > 0 } && e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    // "Groups[1].SectionId" is shown when "Groups[].SectionId" is: rows repeat their fields.
    private static string Field(string key) => RowIndex().Replace(key, "[]");

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex RowIndex();
}
