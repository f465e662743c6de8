using Luoshi.Commands;

namespace Luoshi;

/// <summary>Picks the command from the first argument; anything else starts the server.</summary>
internal static class CommandLine
{
    private const string Usage = """
        用法: Luoshi [命令] [选项]

        命令:
          serve             启动服务（默认）。数据库为空时创建单位和管理员 admin，一次性密码打印在终端。
          serve --demo      同上，但数据库为空时创建演示单位（示范市科学技术局）和四个演示账号。
          admin             创建管理员、重置密码（Luoshi admin --help）
          outline FILE      把公文或讲话稿（txt/docx/pdf）读成提纲和任务草稿（Luoshi outline --help）
          index             计算综合指数和排名（Luoshi index --help）
          verify            校验留痕记录链是否被改动（Luoshi verify --help）
          backup --out FILE 备份数据库、证明材料和密钥到一个 zip 文件（Luoshi backup --help）
          restore --from FILE  从备份恢复（Luoshi restore --help）

        配置: appsettings.json、环境变量（如 ConnectionStrings__Luoshi）或 --Key=Value。
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (command)
        {
            case "serve":
                if (rest.Contains("--help"))
                {
                    Console.WriteLine(Usage);
                    return 0;
                }

                var app = App.Build(ServeArguments(rest));
                await Startup.PrepareAsync(app.Services, Console.Out, toTerminal: !Console.IsOutputRedirected);
                await app.RunAsync();
                return 0;
            case "admin":
                return await AdminCommand.RunAsync(rest, Console.Out, Console.Error);
            case "verify":
                return await VerifyCommand.RunAsync(rest, Console.Out, Console.Error);
            case "backup":
                return await BackupCommand.RunAsync(rest, Console.Out, Console.Error);
            case "restore":
                return await RestoreCommand.RunAsync(rest, Console.Out, Console.Error);
            case "outline":
                return Luoshi.Documents.OutlineCommand.Run(rest, Console.Out, Console.Error);
            case "index":
                return Luoshi.Benchmarking.IndexCommand.Run(rest, Console.Out, Console.Error);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine($"未知命令“{command}”。");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>The demo only when asked (<c>serve --demo</c>): a real deployment never gets it by accident.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Contains("--demo") ? [.. args.Where(a => a != "--demo"), "--Demo:SeedOnFirstRun=true"] : args;
}
