using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Arrival;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>
/// 消息必达 with the clock moved: a 督办 issued on Friday 27 November 2026 at 15:00 in Beijing reaches its
/// fourth working hour on Monday the 30th at 10:30 (15:00–17:30 and 9:00–10:30; the weekend does not
/// count). The one who read it through the email's tracked link is left alone; the one who did not gets
/// it again by the next channel he has and his section head is told, once. Mail goes through the real
/// SMTP receiver the test script starts; quiet hours hold a 催办's mail of the night until the morning.
/// </summary>
public class MustArriveTests
{
    /// <summary>An app per test and database: each moves its clock its own way (and never back).</summary>
    private static Task<Bureau> BureauAsync(string test, string db) => Bureau.CreateAsync(db == "sqlite" ? $"arrive-{test}" : $"arrive-{test}-postgres");

    private static void At(TestApp app, int month, int day, int hour, int minute = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    private static Task<int> GiveAddressesAsync(Bureau b) =>
        b.WithDbAsync(d => d.People.Where(p => p.UnitId == b.UnitId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "person" + p.Id + "@unit" + b.UnitId + ".test")));

    private static async Task<int> MustArriveAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MustArrive>().RunAsync(b.UnitId);
    }

    private static async Task<EscalationStep> SuperviseAsync(Bureau b, int taskId, StepKind step = StepKind.Supervise)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ManualEscalation>().IssueAsync(b.AdminViewer, taskId, step, "进度滞后，请说明原因和措施", default);
        Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, $"{outcome.Kind} {outcome.Message}");
        return outcome.Value!;
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnread督办IsResentByEmailAndTheHeadToldAfterFourWorkingHoursOnceWhileTheOneWhoReadItIsLeftAlone(string db)
    {
        _ = Smtp.Maildir;
        var b = await BureauAsync("resend", db);
        await GiveAddressesAsync(b);
        At(b.App, 11, 27, 15);
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var sheet = await SuperviseAsync(b, task.Id);
        await Travel.SendAllAsync(b.App);
        var notices = await b.WithDbAsync(d => d.Notices.AsNoTracking().Where(n => n.StepId == sheet.Id && n.Kind == NoticeKind.ManualSupervise).ToListAsync());
        var staffNotice = notices.Single(n => n.RecipientId == b.Person("staffA"));
        var headNotice = notices.Single(n => n.RecipientId == b.Person("headA"));

        // The head opens the email's link: first the login, then the sheet, and the notice is read by 邮件.
        var headMail = await b.WithDbAsync(d => d.NoticeDeliveries.AsNoTracking().SingleAsync(x => x.NoticeId == headNotice.Id && x.Channel == "email"));
        Assert.Equal(DeliveryStatus.Sent, headMail.Status);
        var received = await Smtp.ReceivedAsync(NoticeDispatcher.MessageId(headMail.MessageKey));
        Assert.Contains($"http://luoshi.test/n/{headMail.ReadToken}", received.TextBody);
        var anonymous = b.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var stranger = await anonymous.GetAsync($"/n/{headMail.ReadToken}");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("/Account/Login", stranger.Headers.Location!.OriginalString);
        var staff = await b.PagesAsync("staffA");
        // Someone else's link opens the sheet but reads nothing; a made-up token is not found.
        Assert.Equal($"/Supervision/Sheet/{sheet.Id}", (await staff.GetAsync($"/n/{headMail.ReadToken}")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/n/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        var head = await b.PagesAsync("headA");
        var opened = await head.GetAsync($"/n/{headMail.ReadToken}");
        Assert.Equal($"/Supervision/Sheet/{sheet.Id}", opened.Headers.Location!.OriginalString);
        var headRead = await b.WithDbAsync(d => d.Notices.AsNoTracking().SingleAsync(n => n.Id == headNotice.Id));
        Assert.Equal(NoticeReadVia.Email, headRead.ReadVia);
        Assert.NotNull(headRead.ReadAt);

        // The weekend, and Monday a minute before the fourth working hour: nothing.
        At(b.App, 11, 28, 11);
        Assert.Equal(0, await MustArriveAsync(b));
        At(b.App, 11, 29, 16);
        Assert.Equal(0, await MustArriveAsync(b));
        At(b.App, 11, 30, 10, 29);
        Assert.Equal(0, await MustArriveAsync(b));

        // 10:31: the staff member and the leader (unread) are re-sent; the head is not.
        At(b.App, 11, 30, 10, 31);
        Assert.Equal(2, await MustArriveAsync(b));
        var resend = await b.WithDbAsync(d => d.NoticeDeliveries.AsNoTracking().Where(x => x.Purpose == DeliveryPurpose.Resend && x.UnitId == b.UnitId).ToListAsync());
        Assert.Equal(2, resend.Count);
        var staffResend = resend.Single(x => x.NoticeId == staffNotice.Id);
        Assert.Equal("email", staffResend.Channel);
        Assert.DoesNotContain(resend, x => x.NoticeId == headNotice.Id);
        var told = await b.WithDbAsync(d => d.Notices.AsNoTracking().Where(n => n.UnitId == b.UnitId && n.Kind == NoticeKind.UnreadEscalated).ToListAsync());
        var toHead = Assert.Single(told);
        Assert.Equal(b.Person("headA"), toHead.RecipientId);
        Assert.Contains("A科员未阅", toHead.Title);
        Assert.Equal(sheet.Id, toHead.StepId);

        await Travel.SendAllAsync(b.App);
        var again = await Smtp.ReceivedAsync(NoticeDispatcher.MessageId((await b.WithDbAsync(d => d.NoticeDeliveries.AsNoTracking().SingleAsync(x => x.Id == staffResend.Id))).MessageKey));
        Assert.StartsWith("【未读提醒】【督办】", again.Subject);
        Assert.Equal($"person{b.Person("staffA")}@unit{b.UnitId}.test", again.To.Mailboxes.Single().Address);

        // Once: later runs re-send nothing more, read or not.
        At(b.App, 12, 1, 16);
        Assert.Equal(0, await MustArriveAsync(b));
        Assert.Equal(2, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.Purpose == DeliveryPurpose.Resend && x.UnitId == b.UnitId)));

        // The register shows who read the sheet; the sheet its 送达情况; the task's history the re-send.
        // (Signed in anew: the sessions of Friday ended with the days the clock moved.)
        var admin = await b.PagesAsync("admin");
        var register = await admin.GetHtmlAsync("/Supervision/Register");
        Assert.Contains("A科长 已读", register);
        Assert.Contains("A科员 未读（已再次送达）", register);
        Assert.Contains("分管领导 未读（已再次送达）", register);
        // The same words in the register's Excel and in the API.
        var workbook = await admin.GetAsync("/Supervision/Register?handler=Excel");
        var row = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().Single(r => (string)r["督办单编号"] == sheet.SheetNumber);
        Assert.Contains("A科长 已读", (string)row["阅读情况"], StringComparison.Ordinal);
        Assert.Contains("A科员 未读（已再次送达）", (string)row["阅读情况"], StringComparison.Ordinal);
        var api = await (await b.ApiAsync("admin")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sheets");
        var readers = api.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == sheet.Id).GetProperty("readers").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal("已读", readers["A科长"]);
        Assert.Equal("未读（已再次送达）", readers["A科员"]);
        var page = await admin.GetHtmlAsync($"/Supervision/Sheet/{sheet.Id}");
        Assert.Contains("送达情况", page);
        Assert.Contains("已读（邮件", page);
        Assert.Contains("已告知A科长督促阅办", page);
        var history = await b.WithDbAsync(d => d.TaskEvents.AsNoTracking().Where(e => e.TaskId == task.Id && e.Kind == "resend").Select(e => e.Summary).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h.StartsWith($"消息必达：A科员未读{sheet.SheetNumber}，已通过邮件再次送达，并告知A科长", StringComparison.Ordinal));

        // The staff member opens the sheet at last: read on the page, and the register says so.
        staff = await b.PagesAsync("staffA");
        Assert.Contains("送达情况", await staff.GetHtmlAsync($"/Supervision/Sheet/{sheet.Id}"));
        Assert.Equal(NoticeReadVia.Inbox, (await b.WithDbAsync(d => d.Notices.AsNoTracking().SingleAsync(n => n.Id == staffNotice.Id))).ReadVia);
        Assert.Contains("A科员 已读", await admin.GetHtmlAsync("/Supervision/Register"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task QuietHoursHoldA催办sMailUntilTheMorningOfTheNextWorkingDayButNotA督办s(string db)
    {
        _ = Smtp.Maildir;
        var b = await BureauAsync("quiet", db);
        await GiveAddressesAsync(b);
        // Friday 27 November, 23:00: the next working morning is Monday the 30th at 07:00.
        At(b.App, 11, 27, 23);
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var urge = await SuperviseAsync(b, task.Id, StepKind.Urge);
        var sheet = await SuperviseAsync(b, task.Id);
        await Travel.SendAllAsync(b.App);
        var mails = await b.WithDbAsync(d => d.NoticeDeliveries.AsNoTracking().Include(x => x.Notice).Where(x => x.UnitId == b.UnitId && x.Channel == "email").ToListAsync());
        var urgeMails = mails.Where(x => x.Notice!.StepId == urge.Id).ToList();
        Assert.NotEmpty(urgeMails);
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;
        Assert.All(urgeMails, x => Assert.True(x.Status == DeliveryStatus.Pending && x.Attempts == 0 && x.NextAttemptAt == monday, $"{x.Status} {x.Attempts} {x.NextAttemptAt:O}"));
        Assert.All(mails.Where(x => x.Notice!.StepId == sheet.Id), x => Assert.Equal(DeliveryStatus.Sent, x.Status));

        At(b.App, 11, 29, 10);
        Assert.Equal(0, await Travel.SendAllAsync(b.App));
        At(b.App, 11, 30, 7, 1);
        Assert.Equal(urgeMails.Count, await Travel.SendAllAsync(b.App));
        Assert.All(await b.WithDbAsync(d => d.NoticeDeliveries.AsNoTracking().Where(x => urgeMails.Select(u => u.Id).Contains(x.Id)).ToListAsync()), x => Assert.Equal(DeliveryStatus.Sent, x.Status));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task A催办ChosenForTheDigestGoesInOneDailyMailAndNobodyGetsAnEmptyOne(string db)
    {
        var b = await BureauAsync("digest", db);
        await GiveAddressesAsync(b);
        At(b.App, 12, 1, 10);
        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/Notices/Settings", new() { ["Modes[Urge]"] = "Digest", ["Modes[Nonsense]"] = "Off" }, "/Notices/Settings")).StatusCode);
        Assert.Equal([EmailMode.Digest, EmailMode.Digest], await b.WithDbAsync(d => d.NoticeChoices.Where(c => c.PersonId == b.Person("staffA")).OrderBy(c => c.Kind).Select(c => c.Email).ToListAsync()));
        var settings = await staff.GetHtmlAsync("/Notices/Settings");
        var urgeSelect = settings[settings.IndexOf("name=\"Modes[Urge]\"", StringComparison.Ordinal)..];
        Assert.Contains("<option value=\"Digest\" selected=\"selected\">", urgeSelect[..urgeSelect.IndexOf("</select>", StringComparison.Ordinal)]);

        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var urge = await SuperviseAsync(b, task.Id, StepKind.Urge);
        var staffNotice = await b.WithDbAsync(d => d.Notices.AsNoTracking().SingleAsync(n => n.StepId == urge.Id && n.RecipientId == b.Person("staffA")));
        var headNotice = await b.WithDbAsync(d => d.Notices.AsNoTracking().SingleAsync(n => n.StepId == urge.Id && n.RecipientId == b.Person("headA")));
        Assert.Equal(0, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.NoticeId == staffNotice.Id)));
        Assert.Equal(1, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.NoticeId == headNotice.Id && x.Channel == "email")));

        At(b.App, 12, 2, 0, 5);
        Assert.Equal(1, await DigestAsync(b));
        Assert.Equal(0, await DigestAsync(b));
        var digest = await b.WithDbAsync(d => d.Notices.AsNoTracking().SingleAsync(n => n.UnitId == b.UnitId && n.Kind == NoticeKind.DailyDigest));
        Assert.Equal(b.Person("staffA"), digest.RecipientId);
        Assert.Contains(staffNotice.Title, digest.Body);
        Assert.Equal(task.Id, (await b.WithDbAsync(d => d.NoticeDigestItems.AsNoTracking().SingleAsync(i => i.NoticeId == digest.Id))).TaskId);
        Assert.Equal(1, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.NoticeId == digest.Id && x.Channel == "email")));

        // The next day nothing new: no digest at all.
        At(b.App, 12, 3, 0, 5);
        Assert.Equal(0, await DigestAsync(b));
    }

    private static async Task<int> DigestAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunAsync(b.UnitId);
    }

    [Fact]
    public void WorkingHoursSkipTheWeekendAndTheLunchBreak()
    {
        var periods = new MustArriveOptions().Periods;
        var calendar = Luoshi.Features.Calendar.WorkingCalendar.Plain;
        Assert.Equal(new DateTime(2026, 11, 27, 15, 0, 0), WorkingHours.Back(new DateTime(2026, 11, 30, 10, 30, 0), 4, calendar, periods));
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0), WorkingHours.Back(new DateTime(2026, 11, 30, 15, 30, 0), 3, calendar, periods));
        Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0), QuietHours.HeldUntil(new DateTime(2026, 11, 27, 23, 0, 0), new QuietHoursOptions(), calendar));
        Assert.Null(QuietHours.HeldUntil(new DateTime(2026, 11, 27, 21, 59, 0), new QuietHoursOptions(), calendar));
        Assert.Equal(TimeSpan.FromHours(7), WorkingHours.Between(new DateTime(2026, 11, 28, 0, 0, 0), new DateTime(2026, 11, 30, 23, 0, 0), calendar, periods));
    }
}
