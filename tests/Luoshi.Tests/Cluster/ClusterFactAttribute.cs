namespace Luoshi.Tests.Cluster;

/// <summary>A fact that needs nginx (Debian package <c>nginx</c>, installed by test.sh): skipped, with the reason, where it is absent.</summary>
internal sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Nginx.Path is null)
        {
            Skip = "nginx 未安装（Debian 软件包 nginx；test.sh 会安装）：跳过多实例测试";
        }
    }
}
