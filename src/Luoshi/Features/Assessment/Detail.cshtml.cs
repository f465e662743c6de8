using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

/// <summary>One scheme: the rankings with every point traced, the scoring forms, lock and export.</summary>
internal sealed class DetailModel(Luoshi.Data.LuoshiDb db, AssessmentData data, StoredResults results, AssessmentEditor editor, CurrentViewer current, Audit.AuditLog audit) : PageModel
{
    [FromQuery(Name = "id")] public int Id { get; set; }
    public AssessmentView View { get; private set; } = null!;
    public Viewer Viewer { get; private set; } = null!;

    /// <summary>The office and leaders score (the editor checks who may grade which task).</summary>
    public bool MayScore => Viewer.Role is Role.Admin or Role.Leader && !View.Scheme.IsLocked;

    /// <summary>The tasks whose quality the viewer may grade: all for the office, a leader's own for a
    /// leader, so the form offers nothing that would be refused.</summary>
    public HashSet<int> Gradable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // The ranking of persons by name: an export of personal data, audited.
        var name = $"考核-{View.Scheme.Name}.xlsx";
        await audit.ExportedAsync(await current.RequireAsync(ct), name);
        return File(AssessmentWorkbook.Write(View.Result, View.Adjustments, View.Awards), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>Target is "s12" for a section or "p5" for a person; kind 扣分 turns the points negative.</summary>
    public async Task<IActionResult> OnPostAdjustmentAsync(string? target, string? kind, [Display(Name = "分值")] decimal? points, string? reason, CancellationToken ct)
    {
        var (section, person) = Target(target);
        var signed = kind == "扣分" ? -points : points;
        return await ShowAsync(await editor.AddAdjustmentAsync(await current.RequireAsync(ct), Id, new AdjustmentInput(section, person, signed, reason), ct), "已记录加减分", ct);
    }

    public async Task<IActionResult> OnPostGradeAsync(int? taskId, string? grade, CancellationToken ct) =>
        await ShowAsync(await editor.GiveGradeAsync(await current.RequireAsync(ct), Id, new GradeInput(taskId, grade), ct), "已评定质量等次", ct);

    public async Task<IActionResult> OnPostAwardAsync(string? target, string? kind, string? reason, CancellationToken ct)
    {
        var (section, person) = Target(target);
        return await ShowAsync(await editor.AddAwardAsync(await current.RequireAsync(ct), Id, new AwardInput(section, person, kind, reason), ct), "已登记奖惩", ct);
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct) =>
        await ShowAsync(await editor.RequestRecomputeAsync(await current.RequireAsync(ct), Id, ct), "已安排重新计算，稍后刷新本页查看", ct);

    public async Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        await ShowAsync(await editor.LockAsync(await current.RequireAsync(ct), Id, ct), "考核已锁定", ct);

    private async Task<IActionResult> ShowAsync<T>(Outcome<T> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Kind != OutcomeKind.Ok && !await LoadAsync(ct))
        {
            return NotFound();
        }

        return this.Show(outcome, _ =>
        {
            TempData["Notice"] = notice;
            return RedirectToPage("/Assessment/Detail", new { id = Id });
        });
    }

    private static (int? Section, int? Person) Target(string? target) =>
        target is { Length: > 1 } && int.TryParse(target.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? target[0] switch { 's' => (id, null), 'p' => (null, id), _ => (null, null) }
            : (null, null);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Viewer = await current.RequireAsync(ct);
        if (await data.FindAsync(Viewer, Id, ct) is not { } scheme)
        {
            return false;
        }

        View = await data.ViewAsync(Viewer, scheme, await results.ReadAsync(scheme, ct), ct);
        var taskIds = View.Result.Sections.Concat(View.Result.People).SelectMany(x => x.TaskScores).Select(t => t.TaskId).Distinct().ToList();
        Gradable = Viewer.IsAdmin
            ? [.. taskIds]
            : [.. await db.Tasks.Where(t => t.UnitId == Viewer.UnitId && t.LeadLeaderId == Viewer.PersonId && taskIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)];
        return true;
    }
}
