namespace Luoshi.Features.Account;

/// <summary>
/// Security events, written to the log under the category "Luoshi.Security" so an operator can
/// keep and search them (journald, a log collector). Names and addresses only, never a password.
/// The audit table with its page for an auditor is still to come.
/// </summary>
internal static partial class SecurityLog
{
    public const string Category = "Luoshi.Security";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "登录成功：{UserName}，地址 {Address}")]
    public static partial void SignedIn(ILogger logger, string userName, string? address);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "登录失败：{UserName}，地址 {Address}，原因 {Reason}")]
    public static partial void Refused(ILogger logger, string userName, string? address, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "账号已锁定：{UserName}，地址 {Address}")]
    public static partial void LockedOut(ILogger logger, string userName, string? address);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "退出登录：用户 {UserId}")]
    public static partial void SignedOut(ILogger logger, int userId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "结束全部登录：{UserName}，原因 {Reason}")]
    public static partial void EndedAll(ILogger logger, string? userName, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "启用两步验证：{UserName}")]
    public static partial void TwoFactorEnabled(ILogger logger, string? userName);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "动态验证码错误：{UserName}，地址 {Address}")]
    public static partial void TwoFactorRefused(ILogger logger, string? userName, string? address);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "使用恢复码登录：{UserName}，地址 {Address}，剩余 {Left} 个")]
    public static partial void RecoveryCodeUsed(ILogger logger, string? userName, string? address, int left);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "办公室重置两步验证：{UserName}，操作人 {ByPersonId}")]
    public static partial void TwoFactorReset(ILogger logger, string? userName, int byPersonId);
}
