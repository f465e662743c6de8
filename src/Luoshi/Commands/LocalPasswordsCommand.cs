using Luoshi.Data;
using Luoshi.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Commands;

/// <summary>
/// <c>Luoshi admin local-passwords --unit 单位名称 --on|--off</c>: the way back in when a unit has
/// switched local passwords off and its 统一身份认证 is down or misconfigured, so that no office
/// administrator can sign in to switch them on again on /Admin/SignOn. Whoever can run commands on the
/// server is trusted with the database already; the entry in the audit log names the command.
/// </summary>
internal static class LocalPasswordsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string usage)
    {
        var options = CommandOptions.Parse(args[1..], "on", "off");
        if (options is null || !options.TryGetValue("unit", out var unitName) || string.IsNullOrWhiteSpace(unitName)
            || options.ContainsKey("on") == options.ContainsKey("off"))
        {
            error.WriteLine("须给出 --unit 单位名称，以及 --on（恢复本地密码登录）或 --off（停用）之一。");
            error.WriteLine(usage);
            return 2;
        }

        var off = options.ContainsKey("off");
        var app = App.Build(CommandOptions.Settings(args));
        await Startup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == unitName.Trim());
        if (unit is null)
        {
            error.WriteLine($"没有名为“{unitName.Trim()}”的单位。");
            return 1;
        }

        if (unit.LocalPasswordsOff != off)
        {
            unit.LocalPasswordsOff = off;
            scope.ServiceProvider.GetRequiredService<AuditLog>()
                .AddByCommand(AuditKind.SignOnChanged, unit.Id, null, unit.Name, $"admin local-passwords：{(off ? "停用本地密码登录" : "恢复本地密码登录")}");
            await db.SaveChangesAsync();
        }

        output.WriteLine(off ? $"已停用“{unit.Name}”的本地密码登录。" : $"已恢复“{unit.Name}”的本地密码登录，本单位人员可用密码登录。");
        return 0;
    }
}
