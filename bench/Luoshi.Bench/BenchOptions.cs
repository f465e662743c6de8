using System.Globalization;

namespace Luoshi.Bench;

internal sealed record BenchOptions(string ConnectionString, int Tasks, int Sections, int ReportsPerTask, TimeSpan Duration, bool SupervisionOnly)
{
    public const string Usage = """
        用法: Luoshi.Bench outline [--mb 1]      公文读成提纲和任务草稿的速度（不需要数据库）
              Luoshi.Bench index                 综合指数、what-if 和一万次蒙特卡洛的耗时（不需要数据库）
              Luoshi.Bench sheets --postgres "…"    督办台账（1 万份督办单）页面与接口的延迟
              Luoshi.Bench bounded --postgres "…" [--tasks 10000] [--scales 1,10] [--only record|visibility]   留痕增量校验和修改节假日的请求耗时、科员的任务清单与配合历史：基准规模与其倍数，及后台全面复核、重算每十万条的耗时
              Luoshi.Bench backlog --postgres "…" [--tasks 10000] [--scales 1,10] [--batch 2000] [--seconds 5] [--one-transaction yes]   首次催办督办积压：基准规模与其倍数，分批运行的耗时、最长一批，运行期间任务页的延迟
              Luoshi.Bench filter --postgres "…"   单位查询过滤的代价：十万任务的总览查询，进程内，开与关交替测
              Luoshi.Bench desk --postgres "…" [--seconds 10]   待办页：十万任务的单位里负责约200项任务的科员、科长、领导、办公室
              Luoshi.Bench city --postgres "…" [--units 500] [--tasks-per-unit 2000] [--reports-per-task 10] [--seconds 10]   省级部署：三级单位、跨单位交办，督查室的页面和一次交办一百个单位
              Luoshi.Bench pages --postgres "…" [--seconds 5] [--database 名称] [--rounds 1] [--only task|dashboard]   任务页（10 条报送）和总览页：办公室与科长，1 个和 16 个并发客户端
              Luoshi.Bench sidebyside --postgres "…" [--database 名称] [--seconds 10]   与 Redmine 对照：wrk 两线程 16 连接和单连接跑同样的场景，另报应用与 PostgreSQL 的常驻内存
              Luoshi.Bench firstrun --postgres "…" [--tasks 100000] [--reports-per-task 10]   首次运行：十万任务带历史的局，及六月导入的两千项计划
              Luoshi.Bench --postgres "Host=127.0.0.1;Port=…;Username=…;Database=…" [--tasks 100000] [--sections 500] [--reports-per-task 10] [--seconds 10] [--only supervision]
        （bench/run.sh 会启动一个临时 PostgreSQL 并以默认规模运行）
        """;

    /// <summary>The command line's "--name value" pairs, by name.</summary>
    public static Dictionary<string, string> Values(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return values;
    }

    public static BenchOptions? Parse(string[] args)
    {
        var values = Values(args);

        var connection = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("LUOSHI_PG");
        if (connection is null || args.Length % 2 != 0)
        {
            return null;
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(connection, Int("tasks", 100_000), Int("sections", 500), Int("reports-per-task", 10), TimeSpan.FromSeconds(Int("seconds", 10)), values.GetValueOrDefault("only") == "supervision");
    }
}
