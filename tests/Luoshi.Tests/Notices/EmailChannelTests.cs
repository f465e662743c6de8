using System.Net;
using System.Net.Sockets;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.Notices;

/// <summary>Email through the SMTP receiver the test script starts (aiosmtpd writing a Maildir).</summary>
public class EmailChannelTests
{
    [Fact]
    public async Task AnEmailArrivesWithTheChineseSubjectBodyAndTheNoticesMessageId()
    {
        _ = Smtp.Maildir; // fails clearly when the test script did not start the receiver
        var b = await Bureau.CreateAsync("sqlite");
        var notice = Robots.Notice(b, "zhangsan@example.com");

        await Robots.SendAsync<EmailChannel>(b, notice);

        var mail = await Smtp.ReceivedAsync(notice.MessageId);
        Assert.Equal("关于报送第二季度督办事项进展的通知", mail.Subject);
        Assert.Contains("请于5月15日前报送“优化营商环境”任务的进展。", mail.TextBody);
        Assert.Equal("落实督办系统", mail.From.Mailboxes.Single().Name);
        Assert.Equal("zhangsan@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("张三", mail.To.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task ABadAddressFailsForGood()
    {
        var b = await Bureau.CreateAsync("sqlite");

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => Robots.SendAsync<EmailChannel>(b, Robots.Notice(b, "不是邮箱")));

        Assert.True(refused.Permanent);
    }

    [Fact]
    public async Task AMailServerThatCannotBeReachedIsWorthARetry()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: the connection is refused
        var channel = new EmailChannel(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, From = "duban@luoshi.test", SecureSocket = MailKit.Security.SecureSocketOptions.None }));

        var notice = Robots.Notice(await Bureau.CreateAsync("sqlite"), "a@example.com");

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => channel.SendAsync(notice, CancellationToken.None));

        Assert.False(refused.Permanent);
        Assert.Contains("无法连接邮件服务器", refused.Message);
    }

    [Fact]
    public void WithoutAHostEmailSaysItIsNotConfigured()
    {
        Assert.False(new EmailChannel(Options.Create(new SmtpOptions { From = "duban@luoshi.test" })).IsConfigured);
        Assert.True(new EmailChannel(Options.Create(new SmtpOptions { Host = "mail.example.com", From = "duban@luoshi.test" })).IsConfigured);
    }

    [Theory]
    [InlineData("notice-42@luoshi.test", "notice-42@luoshi.test")]
    [InlineData("<notice-42@luoshi.test>", "notice-42@luoshi.test")]
    [InlineData("delivery-42", "delivery-42@luoshi")]
    public void TheMessageIdIsTheNoticesInTheFormMailWants(string given, string header) =>
        Assert.Equal(header, EmailChannel.MessageIdOf(given));
}
