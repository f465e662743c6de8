using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// Email over SMTP. Target: the recipient's address. The Message-Id is the notice's, so a mail
/// client or archive that keeps ids can drop a copy resent after a crash. One connection per notice:
/// notices are few, and a long-lived connection would need its own health checks.
/// </summary>
internal sealed class EmailChannel(IOptions<SmtpOptions> options) : INoticeChannel
{
    public const string ChannelName = "email";

    private readonly SmtpOptions _smtp = options.Value;

    public string Name => ChannelName;

    /// <summary>Without a host there is no mail server to use: the dispatcher leaves email out.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(_smtp.Host) && MailboxAddress.TryParse(_smtp.From, out _);

    public async Task SendAsync(OutgoingNotice notice, CancellationToken ct)
    {
        if (!IsConfigured)
        {
            throw new NoticeChannelException("未配置邮件服务器（Notices:Smtp:Host 与 From）", permanent: true);
        }

        if (!MailboxAddress.TryParse(notice.Target, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new NoticeChannelException($"收件地址无效：{notice.Target}", permanent: true);
        }

        to.Name = notice.RecipientName ?? to.Name;
        var message = new MimeMessage { Subject = notice.Title, Body = new TextPart("plain") { Text = notice.ReadLink is { } link ? $"{notice.Body}\n\n查看详情（打开即视为已读）：{link}" : notice.Body }, MessageId = MessageIdOf(notice.MessageId) };
        message.From.Add(new MailboxAddress(_smtp.FromName, MailboxAddress.Parse(_smtp.From).Address));
        message.To.Add(to);

        using var client = new SmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_smtp.Host!, _smtp.Port, _smtp.SecureSocket, ct);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException e)
        {
            // 5xx is the server's final word (no such mailbox, refused); 4xx asks to try later.
            throw new NoticeChannelException($"邮件服务器拒绝：{(int)e.StatusCode} {e.Message}", permanent: (int)e.StatusCode >= 500);
        }
        catch (AuthenticationException e)
        {
            throw new NoticeChannelException($"邮件服务器登录失败（请检查 Notices:Smtp:UserName/Password）：{e.Message}", permanent: true);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new NoticeChannelException($"无法连接邮件服务器 {_smtp.Host}:{_smtp.Port}：{e.Message}");
        }
    }

    /// <summary>MimeKit wants an addr-spec (left@right) without angle brackets; an id without a
    /// domain gets the app's, so the same notice always yields the same header.</summary>
    internal static string MessageIdOf(string id)
    {
        var bare = id.Trim().Trim('<', '>');
        return bare.Contains('@', StringComparison.Ordinal) ? bare : $"{bare}@luoshi";
    }
}
