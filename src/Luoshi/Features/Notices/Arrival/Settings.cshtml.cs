using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>A person's own choices: for each category, email at once, in the daily digest, or none,
/// within what the unit requires (those are shown, not offered).</summary>
internal sealed class SettingsModel(LuoshiDb db, NoticeChoices choices, CurrentViewer current) : PageModel
{
    public sealed record Row(NoticeKind Key, string Name, EmailMode Mode, bool Locked);

    public List<Row> Rows { get; private set; } = [];
    public bool HasEmail { get; private set; }

    /// <summary>Bound as text and parsed here: one key that is not a kind must not lose the others.</summary>
    [BindProperty] public Dictionary<string, string> Modes { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var chosen = await choices.ForUnitAsync(viewer.UnitId, [viewer.PersonId], ct);
        Rows = [.. NoticeChoices.Choosable.Select(c => new Row(c.Key, c.Name, chosen.For(viewer.PersonId, c.Key), c.Kinds.Any(chosen.IsRequired)))];
        HasEmail = await db.People.Where(p => p.Id == viewer.PersonId && p.UnitId == viewer.UnitId).Select(p => p.Email).FirstOrDefaultAsync(ct) is { Length: > 0 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // Only categories and modes that exist; anything else posted is dropped, not stored.
        var modes = new Dictionary<NoticeKind, EmailMode>();
        foreach (var (key, value) in Modes.Take(100))
        {
            if (Enum.TryParse<NoticeKind>(key, out var kind) && Enum.IsDefined(kind) && !int.TryParse(key, out _)
                && Enum.TryParse<EmailMode>(value, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _))
            {
                modes[kind] = mode;
            }
        }

        var changed = await choices.SaveAsync(viewer.UnitId, viewer.PersonId, modes, ct);
        TempData["Notice"] = changed == 0 ? "已保存：所有类别均即时发送邮件" : $"已保存：{changed} 类消息不再即时发送邮件";
        return Redirect("/Notices/Settings");
    }
}
