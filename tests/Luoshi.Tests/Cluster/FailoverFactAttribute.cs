namespace Luoshi.Tests.Cluster;

/// <summary>A fact that needs pg_auto_failover (Debian package <c>postgresql-15-auto-failover</c>, installed by
/// test.sh): skipped, with the reason, where pg_autoctl is absent.</summary>
internal sealed class FailoverFactAttribute : FactAttribute
{
    public FailoverFactAttribute()
    {
        if (Formation.AutoctlPath is null)
        {
            Skip = "pg_autoctl 未安装（Debian 软件包 postgresql-15-auto-failover；test.sh 会安装）：跳过自动故障切换测试";
        }
    }
}
