using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Audit;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Account;

internal sealed class PersonInput
{
    [Required(ErrorMessage = "请填写姓名"), StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    [Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessage = "职务不能超过50个字")]
    [Display(Name = "职务")]
    public string? Position { get; set; }

    [Display(Name = "角色")] public Role Role { get; set; }
    [Display(Name = "所在科室")] public int? SectionId { get; set; }
    [Display(Name = "分管科室")] public List<int> ChargedSectionIds { get; set; } = [];

    [StringLength(50)]
    [Display(Name = "手机")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "邮箱格式不正确"), StringLength(200)]
    [Display(Name = "邮箱")]
    public string? Email { get; set; }

    [StringLength(50), RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "登录名只能使用字母、数字和 . _ - @")]
    [Display(Name = "登录名")]
    public string? UserName { get; set; }

    [Display(Name = "在职")]
    public bool IsActive { get; set; } = true;
}

/// <summary>Adding and changing a person, a login for him or her, and a new one-time password.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class PersonModel(LuoshiDb db, UserManager<AppUser> users, CurrentViewer current, Sessions sessions, TimeProvider time, AuditLog audit) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();
    public bool HasLogin { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (Id is { } id)
        {
            var person = await db.People.Include(p => p.Charges).FirstOrDefaultAsync(p => p.Id == id && p.UnitId == viewer.UnitId, ct);
            if (person is null)
            {
                return NotFound();
            }

            var login = await db.Users.Where(u => u.PersonId == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            Input = new PersonInput
            {
                Name = person.Name, Position = person.Position, Role = person.Role, SectionId = person.SectionId, Phone = person.Phone, Email = person.Email,
                IsActive = person.IsActive, UserName = login, ChargedSectionIds = [.. person.Charges.Select(c => c.SectionId)],
            };
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await LoadAsync(viewer, ct);
        var sections = SectionOptions.Select(s => int.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (Input.Role == Role.Auditor)
        {
            // The auditor audits the bureau; he belongs to no section and is in charge of none.
            Input.SectionId = null;
            Input.ChargedSectionIds = [];
        }
        else if (Input.Role != Role.Leader && Input.SectionId is null)
        {
            ModelState.AddModelError("Input.SectionId", "科长、科员和办公室人员须选择所在科室");
        }

        if ((Input.SectionId is { } s && !sections.Contains(s)) || Input.ChargedSectionIds.Any(c => !sections.Contains(c)) || !Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.SectionId", "所选科室或角色不存在");
        }

        if (Id == viewer.PersonId && (Input.Role != Role.Admin || !Input.IsActive))
        {
            ModelState.AddModelError("Input.Role", "不能取消自己的管理员角色或停用自己");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = Id is { } id
            ? await db.People.Include(p => p.Charges).FirstOrDefaultAsync(p => p.Id == id && p.UnitId == viewer.UnitId, ct)
            : db.People.Add(new Person { UnitId = viewer.UnitId, Name = "" }).Entity;
        if (person is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A new role or a deactivation ends the person's logins at once, whatever they were doing.
        var revoke = person.Id != 0 && (person.Role != Input.Role || person.IsActive != Input.IsActive);
        var changes = AuditPersonChanges.Stage(audit, viewer, person, Input, SectionOptions.ToDictionary(o => int.Parse(o.Value, System.Globalization.CultureInfo.InvariantCulture), o => o.Text));
        person.Name = Input.Name.Trim();
        person.Position = Input.Position.OrNull();
        person.Role = Input.Role;
        person.SectionId = Input.SectionId;
        person.Phone = Input.Phone.OrNull();
        person.Email = Input.Email.OrNull();
        person.IsActive = Input.IsActive;
        person.Charges.Clear();
        if (Input.Role == Role.Leader)
        {
            person.Charges.AddRange(Input.ChargedSectionIds.Distinct().Select(c => new LeaderCharge { UnitId = viewer.UnitId, SectionId = c }));
        }

        await db.SaveChangesAsync(ct);
        if (changes.Created is { } createdEntry)
        {
            // The new person's id exists only now; the entry is fixed in the same transaction.
            createdEntry.TargetPersonId = person.Id;
            await db.SaveChangesAsync(ct);
        }

        if (revoke && await db.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id, ct) is { } login)
        {
            await sessions.EndAllAsync(login, $"role or status changed by person {viewer.PersonId}");
        }

        if (!HasLogin && Input.UserName.OrNull() is { } userName)
        {
            audit.Add(AuditKind.LoginCreated, viewer, person.Id, person.Name, userName);
            var (created, password) = await Accounts.CreateLoginAsync(db, users, time, new AppUser { UserName = userName, UnitId = viewer.UnitId, PersonId = person.Id });
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors)
                {
                    ModelState.AddModelError("Input.UserName", e.Description);
                }

                return Page();
            }

            TempData["OneTimePassword"] = password;
        }

        await transaction.CommitAsync(ct);
        TempData["Notice"] = $"已保存“{person.Name}”";
        return Redirect($"/Admin/Person/{person.Id}");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.PersonId == Id && u.UnitId == viewer.UnitId, ct);
        if (user is null)
        {
            return NotFound();
        }

        if (user.DirectoryDn is not null)
        {
            TempData["Notice"] = DirectoryPasswordCheck.ChangeInDirectory;
            return Redirect($"/Admin/Person/{Id}");
        }

        var target = await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Name).FirstAsync(ct);
        // Staged: the reset's first save (the password's removal) writes it with the change.
        audit.Add(AuditKind.PasswordReset, viewer, user.PersonId, target, user.UserName);
        TempData["OneTimePassword"] = await Accounts.ResetAsync(db, users, time, user);
        await sessions.EndAllAsync(user, $"password reset by person {viewer.PersonId}");
        TempData["Notice"] = "密码已重置";
        return Redirect($"/Admin/Person/{Id}");
    }

    /// <summary>A lost phone: the office turns the person's second factor off (key and recovery codes
    /// void) and ends his logins; he signs in with the password and, if his role requires it, sets up
    /// a new authenticator at once.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.PersonId == Id && u.UnitId == viewer.UnitId, ct);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        // Staged: saved with the security stamp that ends his logins.
        audit.Add(AuditKind.TwoFactorReset, viewer, user.PersonId, user.UserName);
        await sessions.EndAllAsync(user, $"two-factor reset by person {viewer.PersonId}");
        TempData["Notice"] = "两步验证已重置，此人已在所有设备上退出登录";
        return Redirect($"/Admin/Person/{Id}");
    }

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        HasLogin = Id is not null && await db.Users.AnyAsync(u => u.PersonId == Id, ct);
        TwoFactorEnabled = HasLogin && await db.Users.AnyAsync(u => u.PersonId == Id && u.TwoFactorEnabled, ct);
        SectionOptions = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
    }
}
