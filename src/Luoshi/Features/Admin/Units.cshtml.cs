using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Admin;

internal sealed class NewUnitInput
{
    [Required(ErrorMessage = "请填写单位名称"), StringLength(100, ErrorMessage = "单位名称不能超过100个字")]
    [Display(Name = "单位名称")]
    public string Name { get; set; } = "";

    [StringLength(30, ErrorMessage = "简称不能超过30个字")]
    [Display(Name = "简称")]
    public string? ShortName { get; set; }

    [Required(ErrorMessage = "请填写办公室负责人姓名"), StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    [Display(Name = "办公室负责人")]
    public string OfficeName { get; set; } = "";

    [Required(ErrorMessage = "请填写登录名"), StringLength(50), RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "登录名只能使用字母、数字和 . _ - @")]
    [Display(Name = "登录名")]
    public string UserName { get; set; } = "";
}

/// <summary>One unit of the tree below the viewer's, with its depth and its office's head count.</summary>
internal sealed record UnitRow(int Id, string Name, string? ShortName, int Depth, int OfficePeople);

/// <summary>
/// 下级单位: the office of a unit sees the units below it and creates one directly below, with its first
/// office login (a random one-time password shown once, as for a person added on 人员). It lives here
/// and not in Organisation because it creates logins (Account), and Organisation sits below Account.
/// </summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class UnitsModel(LuoshiDb db, UserManager<AppUser> users, CurrentViewer current, TimeProvider time, AuditLog audit, IServiceProvider services) : PageModel
{
    [BindProperty] public NewUnitInput Input { get; set; } = new();
    public string UnitName { get; private set; } = "";
    public int UnitId { get; private set; }
    public List<UnitRow> Units { get; private set; } = [];

    /// <summary>The move form's choices, kept when it is refused.</summary>
    public int? MoveUnitId { get; private set; }
    public int? NewParentId { get; private set; }
    public string? MoveProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // An empty field binds as null (the form posted as it stands): validation below names it.
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Units.AnyAsync(u => u.Name == name, ct))
        {
            ModelState.AddModelError("Input.Name", "已有同名单位");
        }

        if (ModelState.IsValid && await db.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(Input.UserName), ct))
        {
            ModelState.AddModelError("Input.UserName", "该登录名已被使用");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        // The unit, its office section, the office person and the login: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = await Startup.CreateUnitAsync(services, name, viewer.UnitId, Input.ShortName?.Trim() is { Length: > 0 } s ? s : null);
        var office = new Section { UnitId = unit.Id, Name = "办公室", SortOrder = 0 };
        db.Sections.Add(office);
        await db.SaveChangesAsync(ct);
        var (ok, password, problem) = await Accounts.CreateAsync(db, users, time, unit.Id, Input.UserName.Trim(), Input.OfficeName.Trim(), Role.Admin, office.Id, "办公室");
        if (!ok)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.UserName", problem ?? "开通登录失败");
            await LoadAsync(ct);
            return Page();
        }

        // The new login belongs to another unit: named in the entry's text, not as a person of this one.
        audit.Add(AuditKind.LoginCreated, viewer, null, $"{unit.Name} {Input.OfficeName.Trim()}", Input.UserName.Trim());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["OneTimePassword"] = password;
        TempData["NewLogin"] = Input.UserName.Trim();
        TempData["Notice"] = $"已创建下级单位“{unit.Name}”";
        return Redirect("/Admin/Units");
    }

    /// <summary>
    /// 调整隶属: puts a unit below the viewer's under another unit of the same tree (or directly under the
    /// viewer's unit). Never under itself or a unit below it, which would cut a branch off the tree. 交办
    /// already made stay with the unit that assigned them (it follows what it assigned wherever the unit
    /// now sits); new ones come from the units above it after the move.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(int? moveUnitId, int? newParentId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // The new-unit form's fields are bound on every post of this page; only this form's choices count here.
        ModelState.Clear();
        // Two moves at once (A under B, B under A) would each pass the check on the tree as it was and together
        // cut a branch off: moves in one tree take turns on its top unit, and check the tree as it is then.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        await Supervision.UnitLock.TakeAsync(db, tree.PathTo(viewer.UnitId)[0].Id, "unit-tree", ct);
        tree = await UnitTree.LoadAsync(db, ct);
        var below = tree.Descendants(viewer.UnitId).Select(b => b.Unit.Id).ToHashSet();
        string? problem = moveUnitId is not { } unitId || !below.Contains(unitId) ? "请选择要调整的下级单位"
            : newParentId is not { } parentId || (parentId != viewer.UnitId && !below.Contains(parentId)) ? "请选择新的上级单位"
            : parentId == unitId || tree.Supervises(unitId, parentId) ? "不能调整到本单位或其下级单位之下"
            : tree.Find(unitId)!.ParentId == parentId ? "该单位已在所选单位之下"
            : null;
        if (problem is not null)
        {
            MoveProblem = problem;
            MoveUnitId = moveUnitId;
            NewParentId = newParentId;
            await LoadAsync(ct);
            return Page();
        }

        var unit = await db.Units.SingleAsync(u => u.Id == moveUnitId, ct);
        var from = tree.NameOf(unit.ParentId ?? 0);
        unit.ParentId = newParentId;
        audit.Add(AuditKind.UnitMoved, viewer, null, unit.Name, $"由“{from}”调整到“{tree.NameOf(newParentId!.Value)}”之下");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Notice"] = $"已将“{unit.Name}”调整到“{tree.NameOf(newParentId.Value)}”之下";
        return Redirect("/Admin/Units");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        UnitName = tree.NameOf(viewer.UnitId);
        UnitId = viewer.UnitId;
        var below = tree.Descendants(viewer.UnitId);
        var ids = below.Select(b => b.Unit.Id).ToList();
        // Counts only, across exactly the units below.
        var office = await db.People.IgnoreQueryFilters([UnitKeys.FilterName])
            .Where(p => ids.Contains(p.UnitId) && p.Role == Role.Admin && p.IsActive)
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Units = [.. below.Select(b => new UnitRow(b.Unit.Id, b.Unit.Name, b.Unit.ShortName, b.Depth, office.GetValueOrDefault(b.Unit.Id)))];
    }
}
