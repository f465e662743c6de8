using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

internal sealed class MessengerInput
{
    public bool Enabled { get; set; }

    [StringLength(200, ErrorMessage = "接口地址不能超过200个字符")]
    public string? BaseUrl { get; set; }

    [Required(ErrorMessage = "请填写企业ID"), StringLength(100, ErrorMessage = "企业ID不能超过100个字符")]
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "企业ID只能由字母、数字、下划线和连字符组成")]
    public string CorpId { get; set; } = "";

    [StringLength(100, ErrorMessage = "应用标识不能超过100个字符")]
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "应用标识只能由字母、数字、下划线和连字符组成")]
    public string? AppKey { get; set; }

    /// <summary>Blank keeps the stored secret.</summary>
    [StringLength(200, ErrorMessage = "应用密钥不能超过200个字符")]
    public string? Secret { get; set; }

    [Range(1, long.MaxValue, ErrorMessage = "请填写应用编号（正整数）")]
    public long AgentId { get; set; }

    [StringLength(4000, ErrorMessage = "科室对应规则不能超过4000个字符")]
    public string? SectionRules { get; set; }

    [Range(0, 720, ErrorMessage = "同步间隔应在0到720小时之间")]
    public int SyncIntervalHours { get; set; } = 24;

    public bool SignOn { get; set; }
    public bool WorkNotices { get; set; }
}

/// <summary>通讯录与免登: a unit's DingTalk and WeCom apps (credentials, what they are used for, how
/// departments map onto sections), a connection test, and the address-book sync now with its result.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class IndexModel(
    LuoshiDb db, IEnumerable<IMessengerApi> apis, MessengerSecrets secrets, MessengerSyncer syncer, CurrentViewer current, AuditLog audit, TimeProvider time, BureauClock clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public MessengerKind Kind { get; set; } = MessengerKind.DingTalk;
    [BindProperty] public MessengerInput Input { get; set; } = new();

    public bool HasSecret { get; private set; }
    public DateTime? LastSyncAt { get; private set; }
    public string? TestResult { get; private set; }
    public List<DirectorySyncRun> History { get; private set; } = [];
    public Dictionary<int, string> Left { get; private set; } = [];
    public int UnitId { get; private set; }

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!Enum.IsDefined(Kind))
        {
            return NotFound();
        }

        if (await SettingsAsync(viewer, ct) is { } s)
        {
            Input = new MessengerInput
            {
                Enabled = s.Enabled, BaseUrl = s.BaseUrl, CorpId = s.CorpId, AppKey = s.AppKey, AgentId = s.AgentId, SectionRules = s.SectionRules,
                SyncIntervalHours = s.SyncIntervalHours, SignOn = s.SignOn, WorkNotices = s.WorkNotices,
            };
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var stored = await SettingsAsync(viewer, ct);
        Check(stored);
        return await SourcePage.SaveAsync(this, db, stored, () => new MessengerSettings { UnitId = viewer.UnitId, Kind = Kind },
            settings =>
            {
                Apply(settings);
                if (Input.Secret.OrNull() is { } secret)
                {
                    settings.ProtectedSecret = secrets.Protect(secret);
                }

                settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
                audit.Add(AuditKind.MessengerSettingsChanged, viewer, null, "通讯录与免登设置",
                    $"{Kind.Chinese()}：{(Input.Enabled ? "启用" : "停用")}；接口 {settings.BaseUrl ?? MessengerHosts.Of(Kind)}；AgentId {Input.AgentId}；"
                    + $"免登{(Input.SignOn ? "开" : "关")}；工作通知{(Input.WorkNotices ? "开" : "关")}；每{Input.SyncIntervalHours}小时同步" + (Input.Secret.OrNull() is null ? "" : "；更换了应用密钥"));
            },
            () => LoadAsync(viewer, ct), Input.Enabled ? "已保存" : "已保存（未启用）", new { kind = Kind }, ct);
    }

    /// <summary>Reads the departments and members with the settings as typed (the stored secret when
    /// none is typed), saving nothing.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var stored = await SettingsAsync(viewer, ct);
        Check(stored);
        if (ModelState.IsValid)
        {
            var trial = new MessengerSettings { UnitId = viewer.UnitId, Kind = Kind, ProtectedSecret = Input.Secret.OrNull() is { } typed ? secrets.Protect(typed) : stored!.ProtectedSecret };
            Apply(trial);
            // A version of its own: a token cached for the saved credentials is not the trial's.
            trial.UpdatedAt = time.GetUtcNow().UtcDateTime;
            TestResult = await SourcePage.TestAsync<MessengerProblem>(this, "Input.Secret", "保存的应用密钥无法解开（密钥已更换），请重新填写", async () =>
            {
                var api = apis.Single(a => a.Kind == Kind);
                var access = secrets.Access(trial);
                var departments = await api.DepartmentsAsync(access, ct);
                var members = await api.UsersAsync(access, departments, ct);
                var rules = DepartmentRules.Parse(Input.SectionRules).Rules;
                var tree = departments.ToDictionary(d => d.Id);
                var mapped = members.Count(m => DepartmentRules.SectionOf(rules, m.Departments, tree) is not null);
                return $"连接成功：{departments.Count}个部门，{members.Count}名成员，其中{mapped}人能对应到科室";
            });
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return await SourcePage.SyncNowAsync(this, await SettingsAsync(viewer, ct) is { Enabled: true }, "尚未启用：请先填写设置、勾选“启用”并保存，再同步",
            () => syncer.RunAsync(viewer.UnitId, Kind, viewer, ct), () => LoadAsync(viewer, ct), new { kind = Kind });
    }

    private void Check(MessengerSettings? stored)
    {
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError("", "没有这种通讯录");
        }

        if (Input.BaseUrl.OrNull() is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0 || uri.Query.Length > 0))
        {
            ModelState.AddModelError("Input.BaseUrl", "接口地址应是完整的网址，如 https://oapi.example.gov.cn（留空则用公网地址）");
        }

        if (Kind == MessengerKind.DingTalk && Input.AppKey.OrNull() is null)
        {
            ModelState.AddModelError("Input.AppKey", "请填写应用标识");
        }

        if (Input.SectionRules.OrNull() is not { } text)
        {
            ModelState.AddModelError("Input.SectionRules", "请至少写一条科室对应规则，每行一条“部门 => 科室名”");
        }
        else if (DepartmentRules.Parse(text) is var (rules, problems))
        {
            problems.ForEach(p => ModelState.AddModelError("Input.SectionRules", p));
            if (problems.Count == 0 && rules.Count == 0)
            {
                ModelState.AddModelError("Input.SectionRules", "请至少写一条科室对应规则");
            }
        }

        if (Input.Secret.OrNull() is null && stored is not { ProtectedSecret.Length: > 0 })
        {
            ModelState.AddModelError("Input.Secret", "请填写应用密钥");
        }
    }

    private void Apply(MessengerSettings s)
    {
        s.Enabled = Input.Enabled;
        s.BaseUrl = Input.BaseUrl.OrNull()?.TrimEnd('/');
        s.CorpId = Input.CorpId.Trim();
        s.AppKey = Kind == MessengerKind.DingTalk ? Input.AppKey.OrNull() : null;
        s.AgentId = Input.AgentId;
        s.SectionRules = (Input.SectionRules ?? "").Replace("\r\n", "\n").Trim();
        s.SyncIntervalHours = Input.SyncIntervalHours;
        s.SignOn = Input.SignOn;
        s.WorkNotices = Input.WorkNotices;
    }

    private Task<MessengerSettings?> SettingsAsync(Viewer viewer, CancellationToken ct) =>
        db.Set<MessengerSettings>().FirstOrDefaultAsync(s => s.UnitId == viewer.UnitId && s.Kind == Kind, ct);

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        UnitId = viewer.UnitId;
        var stored = await db.Set<MessengerSettings>().AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.Kind == Kind)
            .Select(s => new { s.LastSyncAt, HasSecret = s.ProtectedSecret != "" }).FirstOrDefaultAsync(ct);
        (HasSecret, LastSyncAt) = (stored?.HasSecret ?? false, stored?.LastSyncAt);
        History = await SourcePage.HistoryAsync(db, viewer.UnitId, Kind.Source(), ct);
        Left = await SourcePage.LeftAsync(db, viewer.UnitId, History.FirstOrDefault(), ct);
    }
}
