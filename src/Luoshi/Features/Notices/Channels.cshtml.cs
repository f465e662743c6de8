using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices;

/// <summary>The unit's notice channels: the mail server as configured (read only, no password), and
/// the group robots the admin adds, switches on and off, deletes and tries with a test message.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class ChannelsModel(RobotWebhooks robots, EmailChannel email, IOptions<SmtpOptions> smtp, CurrentViewer current, BureauClock clock) : PageModel
{
    public SmtpOptions Smtp => smtp.Value;
    public bool EmailConfigured => email.IsConfigured;
    public List<RobotRow> Robots { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(RobotKind kind, string? name, string? url, string? secret, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await robots.AddAsync(viewer.UnitId, viewer.PersonId, new RobotInput(kind, name, url, secret), ct);
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                Array.ForEach(messages, m => ModelState.AddModelError(field, m));
            }

            await LoadAsync(ct);
            return Page();
        }

        TempData["Notice"] = $"已添加机器人“{outcome.Value!.Name}”，可点“发送测试消息”试一试";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, bool enabled, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!await robots.SetEnabledAsync(viewer.UnitId, id, enabled, ct))
        {
            return NotFound();
        }

        TempData["Notice"] = enabled ? "已启用" : "已停用，通知不再发往该机器人";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!await robots.DeleteAsync(viewer.UnitId, id, ct))
        {
            return NotFound();
        }

        TempData["Notice"] = "已删除机器人";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return await ShowAsync(await robots.SendTestAsync(viewer.UnitId, id, ct), "测试消息已发出，对方已接收", ct);
    }

    public async Task<IActionResult> OnPostTestEmailAsync(string? to, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var failure = string.IsNullOrWhiteSpace(to) ? "请填写收件地址" : await TestNotice.SendAsync(email, viewer.UnitId, to.Trim(), null, clock, ct);
        return await ShowAsync(failure, $"测试邮件已交给邮件服务器，发往 {to?.Trim()}", ct);
    }

    private async Task<IActionResult> ShowAsync(string? failure, string success, CancellationToken ct)
    {
        if (failure is null)
        {
            TempData["Notice"] = success;
            return RedirectToPage();
        }

        ModelState.AddModelError("", $"发送失败：{failure}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Robots = await robots.ListAsync(viewer.UnitId, ct);
    }
}
