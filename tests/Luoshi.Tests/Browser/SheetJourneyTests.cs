using System.Text;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The 督办台账 in the browser: the office issues a manual 督办 with a message, the section head
/// opens the sheet on a phone and replies with an evidence file, the office accepts the reply and the
/// register shows 办结; a leader writes a 批示 and the head acknowledges it.
/// </summary>
public class SheetJourneyTests
{
    [Fact]
    public async Task TheOfficeSupervisesTheHeadRepliesTheOfficeAcceptsAndALeadersInstructionIsAcknowledged()
    {
        var site = await DemoSite.ForAsync("journey");
        var task = await TaskOfHeadAndLeaderAsync(site);
        var tag = FormChecks.Unique();

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{task.Id}");
            await office.Page.ClickAsync("summary:text('办公室催办或督办')");
            await office.Page.FillAsync("form[action*='handler=Escalate'] textarea[name=message]", $"进度滞后，请于三个工作日内书面说明原因和措施（{tag}）");
            await office.SubmitAsync("form[action*='handler=Escalate'] button[value=true]");
            Assert.Contains("已发出督办单", await office.Page.Locator(".notice").InnerTextAsync());
            await office.AssertCleanAsync();
        }

        var sheet = await site.QueryAsync(db => db.EscalationSteps.AsNoTracking()
            .Where(s => s.TaskId == task.Id && s.Source == StepSource.Manual && s.Step == StepKind.Supervise).OrderByDescending(s => s.Id).FirstAsync());

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Supervision/Sheet/{sheet.Id}");
            Assert.Contains(sheet.SheetNumber!, await head.MainTextAsync());
            Assert.Contains("抄送", await head.MainTextAsync());
            Assert.Contains(tag, await head.MainTextAsync());
            await head.Page.FillAsync("textarea[name=text]", $"已召开专题推进会，本月底前完成（{tag}）");
            await head.Page.SetInputFilesAsync("form[action*='handler=Reply'] input[type=file]",
                new Microsoft.Playwright.FilePayload { Name = "推进会纪要.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("推进会纪要：明确责任分工。") });
            await head.SubmitAsync("form[action*='handler=Reply'] button");
            Assert.Contains("已反馈", await head.Page.Locator(".notice").InnerTextAsync());
            Assert.Contains("推进会纪要.txt", await head.MainTextAsync());
            await head.AssertCleanAsync();
            await head.ShotAsync("sheet-reply-phone");
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Supervision/Sheet/{sheet.Id}");
            await office.SubmitAsync("form[action*='handler=Decide'] button[value=true]");
            Assert.Contains("督办办结", await office.Page.Locator(".notice").InnerTextAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("sheet-desk");
            // On paper: A4 with the sheet only (no menu, no links or buttons).
            var folder = Environment.GetEnvironmentVariable("LUOSHI_SCREENSHOTS") ?? "screenshots";
            Directory.CreateDirectory(folder);
            await office.Page.PdfAsync(new() { Path = Path.Combine(folder, "sheet.pdf"), Format = "A4", PrintBackground = true });
            await office.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            Assert.Equal(0, await office.Page.Locator("header.top, .crumbs, form, button").Filter(new() { Visible = true }).CountAsync());
            await office.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
            await office.OpenAsync($"/Supervision/Register?q={Uri.EscapeDataString(sheet.SheetNumber!)}");
            var row = office.Page.Locator("table.list tbody tr");
            Assert.Equal(1, await row.CountAsync());
            Assert.Contains("办结", await row.InnerTextAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("register-desk");
        }

        await using (var leader = await site.AsAsync("leader"))
        {
            await leader.OpenAsync($"/Tasks/{task.Id}");
            await leader.Page.ClickAsync("summary:text('批示')");
            await leader.Page.FillAsync("form[action*='handler=Instruct'] textarea[name=text]", $"请倒排工期，确保按时完成（{tag}）");
            await leader.SubmitAsync("form[action*='handler=Instruct'] button");
            Assert.Contains("已批示", await leader.Page.Locator(".notice").InnerTextAsync());
            await leader.AssertCleanAsync();
        }

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Tasks/{task.Id}");
            Assert.Contains(tag, await head.Page.Locator("#instructions").InnerTextAsync());
            await head.SubmitAsync("form[action*='handler=AcknowledgeInstruction'] button");
            Assert.Contains("已签阅", await head.Page.Locator(".notice").InnerTextAsync());
            await head.AssertCleanAsync();
            await head.OpenAsync("/Supervision/Register");
            await head.AssertCleanAsync();
            await head.ShotAsync("register-phone");
        }

        await using (var leader = await site.AsAsync("leader", Screen.Phone))
        {
            await leader.OpenAsync("/Instructions");
            Assert.Contains(tag, await leader.MainTextAsync());
            await leader.AssertCleanAsync();
        }
    }

    /// <summary>An open task the demo head's section leads, without instructions waiting; the demo
    /// leader (in charge of other sections) is made its lead leader, so that he sees it.</summary>
    private static async Task<WorkTask> TaskOfHeadAndLeaderAsync(DemoSite site)
    {
        var head = await site.PersonAsync("head");
        var leader = await site.PersonAsync("leader");
        var task = await site.QueryAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UnitId == head.UnitId && t.LeadSectionId == head.SectionId && t.CompletedOn == null && t.Kind == WorkKind.Task
                && !db.Instructions.Any(i => i.TaskId == t.Id && i.AcknowledgedAt == null)
                && !db.SheetReplies.Any(r => r.TaskId == t.Id && r.Status == SheetReplyPending))
            .OrderBy(t => t.Id).FirstAsync());
        await site.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LeadLeaderId, leader.Id)));
        return task;
    }

    private const ReplyStatus SheetReplyPending = ReplyStatus.Pending;
}
