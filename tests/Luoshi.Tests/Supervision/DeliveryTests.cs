using System.Net;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Notices;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Luoshi.Tests.Supervision;

/// <summary>Notices leave through the outbox to a real SMTP server and a real webhook listener on
/// loopback: each once, a failing channel retried with backoff and shown to the admin, never in the
/// way of the others.</summary>
public class DeliveryTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task GiveAddressesAsync(Bureau b) =>
        await b.WithDbAsync(d => d.People.Where(p => p.UnitId == b.UnitId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "person" + p.Id + "@unit" + b.UnitId + ".test").SetProperty(p => p.Phone, "13800000000")));

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task A催办And督办ArriveByInboxEmailAndSignedDingTalkEachExactlyOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await GiveAddressesAsync(b);
        var secret = Robots.NewDingTalkSecret();
        var robot = WebhookReceiver.Shared.DingTalk(secret, b.App.Clock);
        await Robots.AddAsync(b, RobotKind.DingTalk, robot.Url, secret);
        // Due today: its 催办 (its report, long missing, is past its 督办 day).
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today, change: t =>
        {
            t.ResponsiblePersonId = b.Person("staffA");
            t.LeadLeaderId = b.Person("leader");
            t.Title = "推进科技成果转化" + b.UnitId;
        });
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.SignedAt, DateTime.UtcNow)));

        await Travel.EscalateAsync(b);
        await Travel.SendAllAsync(b.App);
        await Travel.EscalateAsync(b);
        await Travel.SendAllAsync(b.App);

        var deliveries = await b.WithDbAsync(d => d.NoticeDeliveries.Where(x => x.UnitId == b.UnitId).Include(x => x.Notice).ToListAsync());
        var taskDeadlineSteps = (await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.Deadline == DeadlineKind.Task).Select(s => s.Id).ToListAsync())).ToHashSet();
        Assert.All(deliveries, x => Assert.True(x.Status == DeliveryStatus.Sent, $"{x.Channel} {x.Target} {x.Status} {x.Attempts} {x.ClaimedUntil} {x.LastError}"));
        // 催办: staff and head of A. One mail each; the robot one message per run.
        var staffMail = $"person{b.Person("staffA")}@unit{b.UnitId}.test";
        var mails = deliveries.Where(x => x.Channel == "email" && x.Notice!.StepId is { } step && taskDeadlineSteps.Contains(step)).ToList();
        Assert.Equal(2, mails.Count);
        var urge = await Smtp.ReceivedAsync(NoticeDispatcher.MessageId(mails.Single(x => x.Target == staffMail).MessageKey));
        Assert.StartsWith("【催办】", urge.Subject);
        Assert.Contains("推进科技成果转化", urge.TextBody);
        Assert.Equal(staffMail, urge.To.Mailboxes.Single().Address);

        // The group hears once per run that raised a 催办 or 督办 (here the task's 催办 and its report's
        // 督办: one summary), never a reminder; the second run raised nothing and said nothing.
        var robotTitles = robot.Received.Select(r => r.GetProperty("markdown").GetProperty("title").GetString()!).ToList();
        Assert.Equal(deliveries.Where(x => x.Channel == "dingtalk").Select(x => x.Notice!.Title), robotTitles);
        Assert.Equal("【催办督办】本次催办 1 项、督办 1 项", Assert.Single(robotTitles));
        Assert.DoesNotContain(robotTitles, t => t.StartsWith("【提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailingRobotIsRetriedWithGrowingWaitsThenShownToTheAdminWhileEmailGoesOut()
    {
        var app = TestApp.For("outbox");
        var b = await Bureau.CreateAsync("outbox");
        await GiveAddressesAsync(b);
        var busy = WebhookReceiver.Shared.WeCom(errCode: 45009, errMsg: "api freq out of limit");
        await Robots.AddAsync(b, RobotKind.WeCom, busy.Url);
        await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-14), change: t => t.ResponsiblePersonId = b.Person("staffA"));

        await Travel.EscalateAsync(b);
        await Travel.SendAllAsync(app);

        async Task<List<NoticeDelivery>> RobotRowsAsync() => await b.WithDbAsync(d => d.NoticeDeliveries.Where(x => x.UnitId == b.UnitId && x.Channel == "wecom").ToListAsync());
        Assert.True(await b.WithDbAsync(d => d.NoticeDeliveries.Where(x => x.UnitId == b.UnitId && x.Channel == "email").AllAsync(x => x.Status == DeliveryStatus.Sent)));
        var first = await RobotRowsAsync();
        Assert.All(first, x => Assert.Equal((DeliveryStatus.Pending, 1), (x.Status, x.Attempts)));
        Assert.All(first, x => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), x.NextAttemptAt, TimeSpan.FromSeconds(1)));

        // Nothing is tried again before its time; after 30 s it is, and the next wait is 60 s.
        Assert.Equal(0, await Travel.SendAllAsync(app));
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await Travel.SendAllAsync(app);
        Assert.All(await RobotRowsAsync(), x => Assert.Equal(2, x.Attempts));
        Assert.All(await RobotRowsAsync(), x => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), x.NextAttemptAt, TimeSpan.FromSeconds(1)));

        // After the last attempt (8) the row is left for the admin, with the far end's words.
        for (var i = 0; i < 8; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await Travel.SendAllAsync(app);
        }

        Assert.All(await RobotRowsAsync(), x => Assert.Equal((DeliveryStatus.Failed, 8), (x.Status, x.Attempts)));
        var page = await b.PagesAsync("admin");
        var html = await page.GetHtmlAsync("/Admin/Deliveries");
        Assert.Contains("企业微信机器人", html);
        Assert.Contains("45009", html);
        var retry = await page.PostFormAsync("/Admin/Deliveries?handler=Retry&channel=wecom", [], "/Admin/Deliveries");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.All(await RobotRowsAsync(), x => Assert.Equal((DeliveryStatus.Pending, 0), (x.Status, x.Attempts)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("staffA")).GetAsync("/Admin/Deliveries")).StatusCode);
    }
}
