namespace Luoshi.Features.Audit;

/// <summary>
/// Security events, written to the log under the category "Luoshi.Security" so an operator can
/// keep and search them (journald, a log collector). Names and addresses only, never a password.
/// Called only through <see cref="AuditLog"/>, which writes the audit table's row with each line.
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

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "审计：{Kind}，操作人 {UserName}，对象 {Target}，地址 {Address}")]
    public static partial void Audited(ILogger logger, string kind, string? userName, string? target, string? address);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "已用过的刷新令牌再次出现，结束其后续登录：用户 {UserId}")]
    public static partial void RefreshReused(ILogger logger, int userId);
}
