using System.IO.Compression;
using Luoshi.Data;

namespace Luoshi.Commands;

/// <summary><c>Luoshi restore</c>: puts a <c>Luoshi backup</c> back where the app is configured to
/// keep its data. Refuses to replace a database that has data unless told to.</summary>
internal static class RestoreCommand
{
    private const string Usage = """
        用法: Luoshi restore --from 文件.zip [--force] [--ConnectionStrings:Luoshi=...]
            把 Luoshi backup 做的备份恢复到本机配置的数据库（SQLite）、证明材料目录和密钥目录。
            请先停止服务。目标数据库已有数据时拒绝恢复；加 --force 则覆盖，
            覆盖前把现有数据库另存为 “数据库文件.before-restore-时间”。
            恢复后启动 Luoshi serve，数据库结构会自动升级到当前版本；可用 Luoshi verify 校验留痕记录。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var options = CommandOptions.Parse(args, "force");
        if (options is null || !options.TryGetValue("from", out var archive))
        {
            error.WriteLine("缺少 --from 文件。");
            error.WriteLine(Usage);
            return 2;
        }

        if (!File.Exists(archive))
        {
            error.WriteLine($"找不到备份文件 {archive}。");
            return 1;
        }

        var app = App.Build(CommandOptions.Settings(args));
        var folders = DataFolders.Of(app.Services);
        if (folders.SqliteFile is null)
        {
            error.WriteLine("数据库是 PostgreSQL：请用 pg_restore 恢复数据库，并把证明材料和密钥目录复制回原处（见 docs/部署说明.md）。");
            return 2;
        }

        try
        {
            using var zip = ZipFile.OpenRead(archive);
            if (BackupRestore.Refusal(zip, folders, options.ContainsKey("force")) is { } refusal)
            {
                error.WriteLine(refusal);
                return 1;
            }

            var clock = app.Services.GetRequiredService<Luoshi.Features.Shared.BureauClock>();
            var result = await Task.Run(() => BackupRestore.Restore(zip, folders, clock.ToLocal(clock.UtcNow)));
            if (result.SetAside is not null)
            {
                output.WriteLine($"原数据库已另存为 {result.SetAside}。");
            }

            output.WriteLine($"已恢复 {clock.ToLocal(result.Contents.CreatedAtUtc):yyyy-MM-dd HH:mm} 的备份：数据库 → {folders.SqliteFile}，证明材料 {result.Contents.EvidenceFiles} 个 → {folders.Evidence}，密钥 {result.Contents.KeyFiles} 个 → {folders.Keys}。");
            return 0;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"无法恢复：{e.Message}");
            return 1;
        }
    }
}
