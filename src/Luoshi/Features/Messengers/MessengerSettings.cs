using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Messengers;

/// <summary>The two messengers a unit's people use at work. The numbers are stored.</summary>
internal enum MessengerKind
{
    /// <summary>政务钉钉 / 钉钉 (an enterprise internal app: AppKey, AppSecret, AgentId).</summary>
    DingTalk = 1,

    /// <summary>企业微信 / 政务微信 (a self-built app: CorpId, its Secret, AgentId).</summary>
    WeCom = 2,
}

/// <summary>
/// A unit's app in DingTalk or WeCom: how Luoshi reaches its server API, what it uses it for (the
/// address-book sync, 免登, work notices), and how departments map onto sections. One row per unit
/// and messenger. The app secret is stored sealed by the SecretBox (<see cref="MessengerSecrets"/>).
/// </summary>
internal sealed class MessengerSettings
{
    public int UnitId { get; set; }
    public MessengerKind Kind { get; set; }

    /// <summary>Off: no sync, no 免登, no work notices (the settings are kept).</summary>
    public bool Enabled { get; set; }

    /// <summary>The API's address; blank means the public one (<see cref="MessengerHosts"/>). A 政务
    /// deployment (专有钉钉, 政务微信) has its own.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>DingTalk: the organisation's CorpId (for the 免登 page's JSAPI). WeCom: the 企业ID, which is also the token's id.</summary>
    public string CorpId { get; set; } = "";

    /// <summary>DingTalk: the app's AppKey (the token's id). Unused for WeCom.</summary>
    public string? AppKey { get; set; }

    /// <summary>AppSecret (DingTalk) or the app's Secret (WeCom), sealed.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>The app's AgentId, which work notices are sent as.</summary>
    public long AgentId { get; set; }

    /// <summary>One rule a line, "部门 => 科室名" (see <see cref="DepartmentRules"/>).</summary>
    public string SectionRules { get; set; } = "";

    /// <summary>Hours between scheduled syncs; 0 syncs only when the office presses the button.</summary>
    public int SyncIntervalHours { get; set; }

    /// <summary>Whether people may sign in from inside the messenger (免登).</summary>
    public bool SignOn { get; set; }

    /// <summary>Whether each person's notices also go to him as a work notice.</summary>
    public bool WorkNotices { get; set; }

    public DateTime? RunningSince { get; set; }
    public DateTime? LastSyncAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(30);
}

/// <summary>The public hosts, used when a unit leaves the address blank.</summary>
internal static class MessengerHosts
{
    public const string DingTalk = "https://oapi.dingtalk.com";
    public const string WeCom = "https://qyapi.weixin.qq.com";

    public static string Of(MessengerKind kind) => kind == MessengerKind.DingTalk ? DingTalk : WeCom;

    public static string Chinese(this MessengerKind kind) => kind == MessengerKind.DingTalk ? "钉钉" : "企业微信";

    /// <summary>How a sync's runs are told apart (<see cref="DirectorySync.DirectorySyncRun.Source"/>).</summary>
    public static string Source(this MessengerKind kind) => kind == MessengerKind.DingTalk ? "dingtalk" : "wecom";
}

internal sealed class MessengerSettingsConfiguration : IEntityTypeConfiguration<MessengerSettings>
{
    public void Configure(EntityTypeBuilder<MessengerSettings> e)
    {
        e.ToTable("MessengerSettings");
        e.HasKey(s => new { s.UnitId, s.Kind });
        e.Property(s => s.BaseUrl).HasMaxLength(200);
        e.Property(s => s.CorpId).HasMaxLength(100);
        e.Property(s => s.AppKey).HasMaxLength(100);
        e.Property(s => s.ProtectedSecret).HasMaxLength(2000);
        e.Property(s => s.SectionRules).HasMaxLength(4000);
        e.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
