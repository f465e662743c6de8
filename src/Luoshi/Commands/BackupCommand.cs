using Luoshi.Data;

namespace Luoshi.Commands;

/// <summary><c>Luoshi backup</c>: the SQLite database, the evidence files and the keys in one zip,
/// taken while the app runs.</summary>
internal static class BackupCommand
{
    private const string Usage = """
        用法: Luoshi backup --out 文件.zip [--ConnectionStrings:Luoshi=...]
            把数据库（SQLite）、证明材料目录和密钥目录备份到一个 zip 文件。
            服务运行时也可以备份：数据库用 SQLite 的在线备份接口复制，得到同一时刻的完整副本。
            同名文件会被替换。恢复用 Luoshi restore --from 文件.zip。
            数据库是 PostgreSQL 时请用 pg_dump 备份，并另行复制证明材料和密钥目录（见 docs/部署说明.md）。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var options = CommandOptions.Parse(args);
        if (options is null || !options.TryGetValue("out", out var archive))
        {
            error.WriteLine("缺少 --out 文件。");
            error.WriteLine(Usage);
            return 2;
        }

        var app = App.Build(CommandOptions.Settings(args));
        var folders = DataFolders.Of(app.Services);
        if (folders.SqliteFile is null)
        {
            error.WriteLine($"数据库是 PostgreSQL：请用 pg_dump -Fc 备份数据库，并复制证明材料目录 {folders.Evidence} 和密钥目录 {folders.Keys}（见 docs/部署说明.md）。");
            return 2;
        }

        if (!File.Exists(folders.SqliteFile))
        {
            error.WriteLine($"没有数据库文件 {folders.SqliteFile}：请检查 ConnectionStrings:Luoshi。");
            return 1;
        }

        var clock = app.Services.GetRequiredService<Luoshi.Features.Shared.BureauClock>();
        var contents = await Task.Run(() => BackupArchive.Write(folders, archive, clock.UtcNow));
        output.WriteLine($"已备份到 {Path.GetFullPath(archive)}：数据库 {contents.DatabaseBytes / 1024d / 1024d:0.0} MB，证明材料 {contents.EvidenceFiles} 个，密钥 {contents.KeyFiles} 个。");
        return 0;
    }
}
