namespace Luoshi.Features.Audit;

/// <summary>What happened. The numbers are stored: new kinds get new numbers, none is reused.</summary>
internal enum AuditKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignedOut = 4,
    EndedAllSessions = 5,
    PasswordChanged = 6,
    PasswordReset = 7,
    LoginCreated = 8,
    PersonCreated = 9,
    RoleChanged = 10,
    SectionChanged = 11,
    ChargesChanged = 12,
    Deactivated = 13,
    Reactivated = 14,
    TokenIssued = 15,
    TokenRefused = 16,
    Exported = 17,
    TwoFactorEnabled = 18,
    TwoFactorRefused = 19,
    RecoveryCodeUsed = 20,
    TwoFactorReset = 21,
    DirectorySettingsChanged = 22,
    DirectorySynced = 23,

    /// <summary>A unit moved in the tree (下级单位 under another unit of the same office's tree).</summary>
    UnitMoved = 30,
    ExternalLinked = 24,
    SignOnChanged = 25,
    MessengerSettingsChanged = 26,
    MessengerSynced = 27,
}

internal static class AuditKindNames
{
    public static string Chinese(this AuditKind kind) => kind switch
    {
        AuditKind.SignedIn => "登录成功",
        AuditKind.SignInFailed => "登录失败",
        AuditKind.LockedOut => "账号锁定",
        AuditKind.SignedOut => "退出登录",
        AuditKind.EndedAllSessions => "结束全部登录",
        AuditKind.PasswordChanged => "修改密码",
        AuditKind.PasswordReset => "重置密码（发放一次性密码）",
        AuditKind.LoginCreated => "开通登录（发放一次性密码）",
        AuditKind.PersonCreated => "新增人员",
        AuditKind.RoleChanged => "角色变更",
        AuditKind.SectionChanged => "科室变更",
        AuditKind.ChargesChanged => "分管科室变更",
        AuditKind.Deactivated => "停用人员",
        AuditKind.Reactivated => "恢复人员",
        AuditKind.TokenIssued => "发放接口令牌",
        AuditKind.TokenRefused => "拒绝接口令牌",
        AuditKind.Exported => "导出个人信息",
        AuditKind.TwoFactorEnabled => "启用两步验证",
        AuditKind.TwoFactorRefused => "动态验证码错误",
        AuditKind.RecoveryCodeUsed => "使用恢复码登录",
        AuditKind.TwoFactorReset => "重置两步验证",
        AuditKind.UnitMoved => "调整单位隶属",
        AuditKind.DirectorySettingsChanged => "修改目录同步设置",
        AuditKind.DirectorySynced => "目录同步",
        AuditKind.ExternalLinked => "关联统一身份认证账号",
        AuditKind.SignOnChanged => "登录方式变更",
        AuditKind.MessengerSettingsChanged => "通讯录与免登设置变更",
        AuditKind.MessengerSynced => "通讯录同步",
        _ => "其他",
    };
}
