using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

/// <summary>The office enters opinions from meetings and forms, merges them into problems and sets
/// each problem's measures; leaders read.</summary>
internal sealed class OpinionsModel(LuoshiDb db, CurrentViewer current, Rectifications rectifications) : PageModel
{
    public List<OpinionRow> Opinions { get; private set; } = [];
    public List<(int Id, string Name)> Leaders { get; private set; } = [];
    public List<(int Id, string Name)> Sections { get; private set; } = [];
    public List<(int Id, string Name)> People { get; private set; } = [];
    public List<(int Id, string Title)> Problems { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public int UnitId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    /// <summary>What was typed into the form that was refused, shown again.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<int> Ticked { get; private set; } = [];

    public async Task<IActionResult> OnPostEnterAsync(string? content, string? submitterName, OpinionSource source, CancellationToken ct)
    {
        Keep(("content", content), ("submitterName", submitterName), ("source", source.ToString()));
        return await DoAsync("Enter", v => rectifications.EnterOpinionAsync(v, new OpinionInput(content ?? "", submitterName, null, source), ct), ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(string? title, string? category, int leaderId, List<int> opinionIds, CancellationToken ct)
    {
        Keep(("mergeTitle", title), ("category", category), ("leaderId", leaderId.ToString(CultureInfo.InvariantCulture)));
        Ticked = opinionIds;
        return await DoAsync("Merge", v => rectifications.CreateProblemAsync(v, new ProblemInput(title ?? "", category ?? "", leaderId, opinionIds), ct), ct);
    }

    public async Task<IActionResult> OnPostMeasureAsync(int problemId, string? title, int leadSectionId, int? responsiblePersonId, DateOnly? dueDate, CancellationToken ct)
    {
        Keep(("problemId", problemId.ToString(CultureInfo.InvariantCulture)), ("measureTitle", title), ("leadSectionId", leadSectionId.ToString(CultureInfo.InvariantCulture)),
            ("responsiblePersonId", responsiblePersonId?.ToString(CultureInfo.InvariantCulture)), ("dueDate", dueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return await DoAsync("Measure", v => rectifications.AddMeasureAsync(v, problemId, new MeasureInput(title ?? "", leadSectionId, responsiblePersonId, dueDate), ct), ct);
    }

    public string? Value(string name) => Typed.GetValueOrDefault(name);

    private void Keep(params (string Name, string? Value)[] fields) => Array.ForEach(fields, f => Typed[f.Name] = f.Value);

    /// <summary>Each form's messages stand under its own name ("Merge.Title"), beside its fields;
    /// those about fields it does not show stand at its top ("Merge").</summary>
    private async Task<IActionResult> DoAsync<T>(string form, Func<Viewer, Task<Outcome<T>>> action, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await action(viewer);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = form switch { "Enter" => "已录入意见建议", "Merge" => "已归并为问题", _ => "已增加整改措施" };
            return RedirectToPage();
        }

        // The binder's own complaints (a number that is not one) are replaced by the rules' messages.
        ModelState.Clear();
        await LoadAsync(ct);
        var shown = this.Show(outcome, _ => Page(), form + ".");
        ModelState.KeepVisible(form + ".", form, Shown[form]);
        return shown;
    }

    private static readonly Dictionary<string, string[]> Shown = new()
    {
        ["Enter"] = [nameof(OpinionInput.Content), nameof(OpinionInput.SubmitterName), nameof(OpinionInput.Source)],
        ["Merge"] = [nameof(ProblemInput.Title), nameof(ProblemInput.Category), nameof(ProblemInput.LeaderId), nameof(ProblemInput.OpinionIds)],
        ["Measure"] = [nameof(MeasureInput.Title), nameof(MeasureInput.LeadSectionId), nameof(MeasureInput.ResponsiblePersonId), nameof(MeasureInput.DueDate)],
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!Rectifications.SeesLists(viewer))
        {
            return false;
        }

        IsAdmin = viewer.IsAdmin;
        UnitId = viewer.UnitId;
        Opinions = await RectificationList.OpinionsAsync(db, viewer.UnitId, ct);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Role }).ToListAsync(ct);
        Leaders = [.. people.Where(p => p.Role == Role.Leader).Select(p => (p.Id, p.Name))];
        People = [.. people.Select(p => (p.Id, p.Name))];
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        Problems = [.. (await db.Problems.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title))];
        return true;
    }
}
