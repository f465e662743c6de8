using Luoshi.Features.Notices.Arrival;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 消息必达 on a phone (390 px): a staff member chooses which notices come by email, the office marks
/// a category required for everyone, and the 督办台账 shows who has read a new 督办单 and who has not.
/// </summary>
public class ArrivalJourneyTests
{
    [Fact]
    public async Task AStaffMemberChoosesTheDigestOnAPhoneAndTheRegisterShowsWhoReadTheSheet()
    {
        var site = await DemoSite.ForAsync("journey");
        var tag = FormChecks.Unique();
        var staff = await site.PersonAsync("staff");

        await using (var phone = await site.AsAsync("staff", Screen.Phone))
        {
            await phone.OpenAsync("/Notices");
            await phone.SubmitAsync("a[href='/Notices/Settings']");
            await phone.Page.SelectOptionAsync("select[name='Modes[Remind]']", "Digest");
            await phone.Page.SelectOptionAsync("select[name='Modes[Bulletin]']", "Off");
            await phone.SubmitAsync("#notice-settings button[type=submit]");
            Assert.Contains("已保存", await phone.Page.Locator(".notice").InnerTextAsync());
            Assert.Equal("Digest", await phone.Page.Locator("select[name='Modes[Remind]']").InputValueAsync());
            Assert.Equal("Off", await phone.Page.Locator("select[name='Modes[Bulletin]']").InputValueAsync());
            // 督办 must arrive: offered to nobody.
            Assert.Equal(0, await phone.Page.Locator("select[name='Modes[Supervise]']").CountAsync());
            Assert.Contains("单位要求，即时发送", await phone.MainTextAsync());
            await phone.AssertCleanAsync();
            await phone.ShotAsync("notice-settings-390");
        }

        Assert.Equal(EmailMode.Digest, await site.QueryAsync(db => db.NoticeChoices.Where(c => c.PersonId == staff.Id && c.Kind == Luoshi.Features.Notices.NoticeKind.Remind).Select(c => c.Email).SingleAsync()));

        // The office issues a 督办 on the head's section; the head opens it, the others have not.
        var headPerson = await site.PersonAsync("head");
        var task = await site.NewTaskAsync("推进科技成果转化" + tag);
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{task.Id}");
            await office.Page.ClickAsync("summary:text('办公室催办或督办')");
            await office.Page.FillAsync("form[action*='handler=Escalate'] textarea[name=message]", $"请于三个工作日内书面说明进展（{tag}）");
            await office.SubmitAsync("form[action*='handler=Escalate'] button[value=true]");
            Assert.Contains("已发出督办单", await office.Page.Locator(".notice").InnerTextAsync());
        }

        var sheet = await site.QueryAsync(db => db.EscalationSteps.AsNoTracking()
            .Where(s => s.TaskId == task.Id && s.Source == StepSource.Manual && s.Step == StepKind.Supervise).OrderByDescending(s => s.Id).FirstAsync());
        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Supervision/Sheet/{sheet.Id}");
            Assert.Contains("送达情况", await head.MainTextAsync());
            await head.AssertCleanAsync();
        }

        await using (var office = await site.AsAsync("office", Screen.Phone))
        {
            await office.OpenAsync($"/Supervision/Register?q={Uri.EscapeDataString(sheet.SheetNumber!)}");
            var readers = await office.Page.Locator("td.readers").First.InnerTextAsync();
            var headName = headPerson.Name;
            Assert.Contains($"{headName} 已读", readers);
            Assert.Contains("未读", readers);
            await office.AssertCleanAsync();
            await office.ShotAsync("register-readers-390");

            await office.OpenAsync("/Admin/NoticeRules");
            await office.Page.CheckAsync("input[name=Required][value=Remind]");
            await office.SubmitAsync("#notice-rules button[type=submit]");
            Assert.Contains("已保存必达类别", await office.Page.Locator(".notice").InnerTextAsync());
            Assert.True(await office.Page.Locator("input[name=Required][value=Remind]").IsCheckedAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("notice-rules-390");
        }

        // Required by the unit now: the staff member's digest choice gives way.
        await using (var phone = await site.AsAsync("staff", Screen.Phone))
        {
            await phone.OpenAsync("/Notices/Settings");
            Assert.Equal(0, await phone.Page.Locator("select[name='Modes[Remind]']").CountAsync());
            await phone.AssertCleanAsync();
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Admin/NoticeRules");
            await office.Page.UncheckAsync("input[name=Required][value=Remind]");
            await office.SubmitAsync("#notice-rules button[type=submit]");
        }
    }
}
