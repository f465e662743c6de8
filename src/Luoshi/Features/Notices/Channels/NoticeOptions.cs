using MailKit.Security;

namespace Luoshi.Features.Notices.Channels;

/// <summary>Configuration section Notices:Smtp. Secrets come from configuration only (environment,
/// user secrets), never from a page.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public string FromName { get; set; } = "落实督办系统";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect; Auto (the default) is SSL on port 465, STARTTLS when offered elsewhere.</summary>
    public SecureSocketOptions SecureSocket { get; set; } = SecureSocketOptions.Auto;
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Configuration section Notices:Webhooks.</summary>
internal sealed class WebhookOptions
{
    /// <summary>Bases (e.g. http://127.0.0.1:5000/) accepted in place of the robots' real hosts, for
    /// test receivers. Configuration only: a form that could add one would let anyone forge a robot.</summary>
    public List<string> AllowedTestBases { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 10;
}
