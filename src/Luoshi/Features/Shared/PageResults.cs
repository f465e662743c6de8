using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Shared;

/// <summary>Maps a shared <see cref="Outcome{T}"/> to what a page shows: the next page, the form
/// again with the messages beside their fields, or the error page.</summary>
internal static class PageResults
{
    public static IActionResult Show<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> ok, string fieldPrefix = "") =>
        page.Show(outcome, ok, field => fieldPrefix + field);

    /// <summary>As above, with the form field each of the feature's field names is shown beside.</summary>
    public static IActionResult Show<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> ok, Func<string, string> fieldOf)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return ok(outcome.Value!);
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Conflict:
                page.ModelState.AddModelError("", outcome.Message ?? "该操作已由他人完成，请刷新后查看");
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return page.Page();
            case OutcomeKind.Forbidden:
                page.ModelState.AddModelError("", outcome.Message ?? "无权进行此操作");
                page.Response.StatusCode = StatusCodes.Status403Forbidden;
                return page.Page();
            default:
                foreach (var (field, messages) in outcome.Errors ?? [])
                {
                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(fieldOf(field), message);
                    }
                }

                return page.Page();
        }
    }
}
