using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.Ldap;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

internal sealed class DirectoryInput
{
    [Display(Name = "启用")] public bool Enabled { get; set; }

    [Required(ErrorMessage = "请填写目录服务器地址"), StringLength(200, ErrorMessage = "服务器地址不能超过200个字符")]
    [Display(Name = "服务器地址")]
    public string ServerUrl { get; set; } = "";

    [Required(ErrorMessage = "请填写读取账号"), StringLength(300, ErrorMessage = "读取账号不能超过300个字符")]
    [Display(Name = "读取账号")]
    public string BindDn { get; set; } = "";

    /// <summary>Blank keeps the stored password.</summary>
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    [Display(Name = "读取账号密码")]
    public string? BindPassword { get; set; }

    [Required(ErrorMessage = "请填写查找人员的位置"), StringLength(300, ErrorMessage = "查找位置不能超过300个字符")]
    [Display(Name = "查找位置")]
    public string BaseDn { get; set; } = "";

    [Required(ErrorMessage = "请填写人员筛选条件"), StringLength(500, ErrorMessage = "筛选条件不能超过500个字符")]
    [RegularExpression(@"^\(.*\)$", ErrorMessage = "筛选条件应以圆括号括起")]
    [Display(Name = "人员筛选条件")]
    public string UserFilter { get; set; } = DirectorySettings.DefaultUserFilter;

    [Required(ErrorMessage = "请填写登录名属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string UidAttribute { get; set; } = "uid";

    [Required(ErrorMessage = "请填写姓名属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string NameAttribute { get; set; } = "cn";

    [Required(ErrorMessage = "请填写邮箱属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string EmailAttribute { get; set; } = "mail";

    [Required(ErrorMessage = "请填写电话属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string PhoneAttribute { get; set; } = "telephoneNumber";

    [Required(ErrorMessage = "请填写职务属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string PositionAttribute { get; set; } = "title";

    [Required(ErrorMessage = "请填写所属组属性"), RegularExpression(Attribute, ErrorMessage = AttributeMessage), StringLength(50)]
    public string GroupAttribute { get; set; } = "memberOf";

    [Required(ErrorMessage = "请填写科室对应规则，每行一条“组织单位或组 => 科室名”"), StringLength(4000, ErrorMessage = "科室对应规则不能超过4000个字符")]
    [Display(Name = "科室对应规则")]
    public string SectionRules { get; set; } = "";

    [Range(0, 720, ErrorMessage = "同步间隔应在0到720小时之间")]
    [Display(Name = "同步间隔（小时）")]
    public int SyncIntervalHours { get; set; } = 24;

    private const string Attribute = "^[A-Za-z][A-Za-z0-9;-]*$";
    private const string AttributeMessage = "属性名只能由字母、数字和连字符组成";
}

/// <summary>A deactivated person of the shown run, with the open tasks that wait for 改派.</summary>
internal sealed record LeftPerson(int Id, string Name, List<LeftTask> Tasks);

internal sealed record LeftTask(int Id, string? Number, string Title, DateOnly DueDate);

/// <summary>目录同步: the unit's LDAP/AD settings, a connection test, and a sync now with its result
/// (who was added, moved, deactivated, and the deactivated people's open tasks for 改派).</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class IndexModel(LuoshiDb db, LdapDirectory directory, DirectorySecret secret, DirectorySyncer syncer, CurrentViewer current, AuditLog audit, TimeProvider time, BureauClock clock) : PageModel
{
    [BindProperty] public DirectoryInput Input { get; set; } = new();

    public bool HasPassword { get; private set; }
    public DateTime? LastSyncAt { get; private set; }
    public string? TestResult { get; private set; }
    public DirectorySyncRun? Run { get; private set; }
    public List<LeftPerson> Left { get; private set; } = [];
    public List<DirectorySyncRun> History { get; private set; } = [];

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await SettingsAsync(viewer, ct) is { } s)
        {
            Input = new DirectoryInput
            {
                Enabled = s.Enabled, ServerUrl = s.ServerUrl, BindDn = s.BindDn, BaseDn = s.BaseDn, UserFilter = s.UserFilter,
                UidAttribute = s.UidAttribute, NameAttribute = s.NameAttribute, EmailAttribute = s.EmailAttribute, PhoneAttribute = s.PhoneAttribute,
                PositionAttribute = s.PositionAttribute, GroupAttribute = s.GroupAttribute, SectionRules = s.SectionRules, SyncIntervalHours = s.SyncIntervalHours,
            };
        }

        await LoadAsync(viewer, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var stored = await SettingsAsync(viewer, ct);
        Check(stored);
        return await SourcePage.SaveAsync(this, db, stored,
            () => new DirectorySettings { UnitId = viewer.UnitId, ServerUrl = "", BindDn = "", BaseDn = "", ProtectedBindPassword = "" },
            settings =>
            {
                Apply(settings, Input);
                if (Input.BindPassword.OrNull() is { } password)
                {
                    settings.ProtectedBindPassword = secret.Protect(password);
                }

                settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
                audit.Add(AuditKind.DirectorySettingsChanged, viewer, null, "目录同步设置",
                    $"{(Input.Enabled ? "启用" : "停用")}；服务器 {Input.ServerUrl.Trim()}；基准 {Input.BaseDn.Trim()}；每{Input.SyncIntervalHours}小时同步"
                    + (Input.BindPassword.OrNull() is null ? "" : "；更换了读取账号密码"));
            },
            () => LoadAsync(viewer, ct), Input.Enabled ? "已保存，目录人员可用目录密码登录" : "已保存（未启用）", null, ct);
    }

    /// <summary>Reads the directory with the settings as typed (the stored password when none is
    /// typed), saving nothing.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var stored = await SettingsAsync(viewer, ct);
        Check(stored);
        if (ModelState.IsValid)
        {
            var trial = new DirectorySettings { UnitId = viewer.UnitId, ServerUrl = "", BindDn = "", BaseDn = "", ProtectedBindPassword = "" };
            Apply(trial, Input);
            TestResult = await SourcePage.TestAsync<DirectoryProblem>(this, "Input.BindPassword", "保存的密码无法解开（数据保护密钥已更换），请重新填写", async () =>
            {
                var password = Input.BindPassword.OrNull() ?? secret.Reveal(stored!.ProtectedBindPassword);
                var people = await Task.Run(() => directory.People(trial, password), ct);
                var rules = Ldap.SectionRules.Parse(Input.SectionRules).Rules;
                var mapped = people.Count(p => Ldap.SectionRules.SectionOf(rules, p) is not null);
                return $"连接成功：找到{people.Count}人，其中{mapped}人能对应到科室";
            });
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return await SourcePage.SyncNowAsync(this, await SettingsAsync(viewer, ct) is { Enabled: true }, "尚未启用目录：请先填写设置、勾选“启用”并保存，再同步",
            () => syncer.RunAsync(viewer.UnitId, viewer, ct), () => OnGetAsync(ct));
    }

    /// <summary>What the attributes cannot say: the address's scheme, the rules' lines, a password
    /// for settings that have none yet.</summary>
    private void Check(DirectorySettings? stored)
    {
        if (Input.ServerUrl.OrNull() is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ldap" or "ldaps") || uri.Host.Length == 0))
        {
            ModelState.AddModelError("Input.ServerUrl", "服务器地址应写成 ldap://主机:端口 或 ldaps://主机:端口");
        }

        if (Input.SectionRules.OrNull() is { } text && Ldap.SectionRules.Parse(text) is var (rules, problems))
        {
            problems.ForEach(p => ModelState.AddModelError("Input.SectionRules", p));
            if (problems.Count == 0 && rules.Count == 0)
            {
                ModelState.AddModelError("Input.SectionRules", "请至少写一条科室对应规则");
            }
        }

        if (Input.BindPassword.OrNull() is null && stored is null)
        {
            ModelState.AddModelError("Input.BindPassword", "请填写读取账号的密码");
        }
    }

    private static void Apply(DirectorySettings s, DirectoryInput input)
    {
        s.Enabled = input.Enabled;
        s.ServerUrl = input.ServerUrl.Trim();
        s.BindDn = input.BindDn.Trim();
        s.BaseDn = input.BaseDn.Trim();
        s.UserFilter = input.UserFilter.Trim();
        s.UidAttribute = input.UidAttribute.Trim();
        s.NameAttribute = input.NameAttribute.Trim();
        s.EmailAttribute = input.EmailAttribute.Trim();
        s.PhoneAttribute = input.PhoneAttribute.Trim();
        s.PositionAttribute = input.PositionAttribute.Trim();
        s.GroupAttribute = input.GroupAttribute.Trim();
        s.SectionRules = input.SectionRules.Replace("\r\n", "\n").Trim();
        s.SyncIntervalHours = input.SyncIntervalHours;
    }

    private Task<DirectorySettings?> SettingsAsync(Viewer viewer, CancellationToken ct) =>
        db.Set<DirectorySettings>().FirstOrDefaultAsync(s => s.UnitId == viewer.UnitId, ct);

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        var stored = await db.Set<DirectorySettings>().AsNoTracking().Where(s => s.UnitId == viewer.UnitId)
            .Select(s => new { s.LastSyncAt, HasPassword = s.ProtectedBindPassword != "" }).FirstOrDefaultAsync(ct);
        (HasPassword, LastSyncAt) = (stored?.HasPassword ?? false, stored?.LastSyncAt);
        History = await SourcePage.HistoryAsync(db, viewer.UnitId, DirectorySyncer.Source, ct);
        Run = History.FirstOrDefault();
        if (await SourcePage.LeftAsync(db, viewer.UnitId, Run, ct) is { Count: > 0 } names)
        {
            var ids = names.Keys.ToList();
            // Only the tasks the office may see: a restricted 批示件 stays hidden here as everywhere.
            var open = await db.Tasks.AsNoTracking().VisibleTo(viewer).Where(t => t.CompletedOn == null && t.ResponsiblePersonId != null && ids.Contains(t.ResponsiblePersonId.Value))
                .OrderBy(t => t.DueDate).Select(t => new { t.ResponsiblePersonId, Task = new LeftTask(t.Id, t.Number, t.Title, t.DueDate) }).ToListAsync(ct);
            Left = [.. Run!.DeactivatedIds().Where(names.ContainsKey).Select(id => new LeftPerson(id, names[id], [.. open.Where(o => o.ResponsiblePersonId == id).Select(o => o.Task)]))];
        }
    }
}
