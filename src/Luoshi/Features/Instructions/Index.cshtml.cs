using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Instructions;

/// <summary>我的批示 for a leader (what he wrote and whether it was acknowledged); the office sees every
/// leader's; a section the instructions on its tasks.</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    public sealed record Row(long Id, int TaskId, string Task, string Leader, string Text, DateTime WrittenAt, DateTime? AcknowledgedAt, string? AcknowledgedBy);

    public const int Take = 500;

    public List<Row> Rows { get; private set; } = [];
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var instructions = db.Instructions.AsNoTracking().Where(i => i.UnitId == viewer.UnitId);
        if (viewer.Role == Role.Leader)
        {
            instructions = instructions.Where(i => i.LeaderId == viewer.PersonId);
        }

        Heading = viewer.IsAdmin ? "领导批示" : viewer.Role == Role.Leader ? "我的批示" : "本科室收到的批示";
        Rows = await instructions
            .Join(db.Tasks.VisibleTo(viewer), i => i.TaskId, t => t.Id, (i, t) => new { i, t.Title })
            .Join(db.People, x => x.i.LeaderId, p => p.Id, (x, p) => new { x.i, x.Title, Leader = p.Name })
            .OrderByDescending(x => x.i.Id).Take(Take)
            .Select(x => new Row(x.i.Id, x.i.TaskId, x.Title, x.Leader, x.i.Text, x.i.WrittenAt, x.i.AcknowledgedAt,
                db.People.Where(p => p.Id == x.i.AcknowledgedById).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
