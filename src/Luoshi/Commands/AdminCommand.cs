using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Commands;

/// <summary><c>Luoshi admin</c>: the only ways to get a first admin or a new password without logging in.</summary>
internal static class AdminCommand
{
    private const string Usage = """
        用法:
          Luoshi admin create --user 登录名 --name 姓名 [--unit 单位名称] [--role auditor]
              创建管理员（办公室）；加 --role auditor 则创建审计员（只看审计日志）。
              没有单位时按 --unit 新建单位。打印一次性密码，首次登录须修改。
          Luoshi admin reset-password --user 登录名
              重置密码，打印新的一次性密码。
          Luoshi admin local-passwords --unit 单位名称 --on|--off
              恢复（--on）或停用（--off）该单位人员的本地密码登录；统一身份认证不可用时用 --on 应急。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args.Contains("--help"))
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "local-passwords")
        {
            return await LocalPasswordsCommand.RunAsync(args, output, error, Usage);
        }

        var options = CommandOptions.Parse(args[1..]);
        if (options is null || !options.TryGetValue("user", out var userName) || string.IsNullOrWhiteSpace(userName))
        {
            error.WriteLine("缺少 --user 登录名。");
            error.WriteLine(Usage);
            return 2;
        }

        var app = App.Build(CommandOptions.Settings(args));
        await Startup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        switch (args[0])
        {
            case "create":
                var name = options.GetValueOrDefault("name") ?? userName;
                var role = options.GetValueOrDefault("role") switch
                {
                    null or "admin" => Role.Admin,
                    "auditor" => Role.Auditor,
                    _ => (Role?)null,
                };
                if (role is not { } chosen)
                {
                    error.WriteLine($"未知的角色“{options["role"]}”，只能是 admin 或 auditor。");
                    return 2;
                }

                var unit = await db.Units.OrderBy(u => u.Id).FirstOrDefaultAsync();
                if (unit is null)
                {
                    unit = await Startup.CreateUnitAsync(scope.ServiceProvider, options.GetValueOrDefault("unit") ?? "本局");
                }

                var (ok, password, problem) = await Accounts.CreateAsync(db, users, scope.ServiceProvider.GetRequiredService<TimeProvider>(), unit.Id, userName, name, chosen, null, chosen == Role.Auditor ? "审计员" : "办公室");
                if (!ok)
                {
                    error.WriteLine($"创建失败：{problem}");
                    return 1;
                }

                var audit = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Audit.AuditLog>();
                var created = await db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId).FirstAsync();
                audit.AddByCommand(Luoshi.Features.Audit.AuditKind.LoginCreated, unit.Id, created, name, $"admin create：{chosen.Chinese()} {userName}");
                await db.SaveChangesAsync();
                output.WriteLine($"已在“{unit.Name}”创建{(chosen == Role.Auditor ? "审计员" : "管理员")} {userName}（{name}）。一次性密码（只显示这一次，首次登录须修改）：{password}");
                return 0;
            case "reset-password":
                var user = await users.FindByNameAsync(userName);
                if (user is null)
                {
                    error.WriteLine($"没有登录名为“{userName}”的账号。");
                    return 1;
                }

                // Staged, so the reset's first save writes it with the change.
                scope.ServiceProvider.GetRequiredService<Luoshi.Features.Audit.AuditLog>()
                    .AddByCommand(Luoshi.Features.Audit.AuditKind.PasswordReset, user.UnitId, user.PersonId, null, $"admin reset-password：{userName}");
                var newPassword = await Accounts.ResetAsync(db, users, scope.ServiceProvider.GetRequiredService<TimeProvider>(), user);
                output.WriteLine($"{userName} 的一次性密码（只显示这一次，登录后须修改）：{newPassword}");
                return 0;
            default:
                error.WriteLine($"未知的 admin 子命令“{args[0]}”。");
                error.WriteLine(Usage);
                return 2;
        }
    }
}
