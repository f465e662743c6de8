using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Calendar;
using Luoshi.Features.Demo;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi;

/// <summary>What happens before the server takes requests: the schema is brought up to date, and an
/// empty database gets its first unit (the demo bureau, or a bare unit with one admin).</summary>
internal static class Startup
{
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>Brings the schema up to date; on an empty database makes the first unit. Its
    /// one-time passwords are written only to a terminal: under a service manager the output is the
    /// log, and a password there is readable by whoever reads the log.</summary>
    public static async Task PrepareAsync(IServiceProvider services, TextWriter output, bool toTerminal = false)
    {
        await MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        // Before the robots' secrets below: the first thing to read the key ring.
        await KeyStore.PrepareAsync(db, scope.ServiceProvider.GetRequiredService<IConfiguration>(), scope.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        if (IdentitySetup.TwoFactorOffForDemo(scope.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            output.WriteLine("演示模式：未设置 Login:RequireTwoFactor，办公室账号登录时不要求两步验证（正式部署默认要求）。");
        }

        await scope.ServiceProvider.GetRequiredService<Features.Notices.Channels.RobotSecrets>().ProtectStoredAsync(db);
        await scope.ServiceProvider.GetRequiredService<Features.Ldap.DirectorySecret>().ProtectStoredAsync(db);
        await Features.Record.RecordStarts.FillAsync(db);
        await Features.Benchmarks.ScoreboardStore.RemoveAbandonedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (await db.Units.AnyAsync())
        {
            return;
        }

        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (config.GetValue("Demo:SeedOnFirstRun", false))
        {
            var logins = await DemoBureau.CreateAsync(scope.ServiceProvider);
            output.WriteLine();
            output.WriteLine(toTerminal ? "已创建演示单位。以下一次性密码只显示这一次，24小时内有效，首次登录后须修改：" : "已创建演示单位。输出不是终端，一次性密码不打印；请在终端执行 Luoshi admin reset-password --user 登录名 取得：");
            foreach (var login in logins)
            {
                output.WriteLine($"  {login.Role,-8} 登录名 {login.UserName,-12} {(toTerminal ? "密码 " + login.Password : "")}   {login.Who}");
            }

            output.WriteLine();
            return;
        }

        var unit = await CreateUnitAsync(scope.ServiceProvider, config["Unit:Name"] ?? "本局");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (ok, password, problem) = await Accounts.CreateAsync(db, users, scope.ServiceProvider.GetRequiredService<TimeProvider>(), unit.Id, "admin", "管理员", Role.Admin, null, "办公室");
        output.WriteLine(!ok ? $"创建管理员失败：{problem}"
            : toTerminal ? $"已创建单位“{unit.Name}”和管理员 admin。一次性密码（只显示这一次，24小时内有效，首次登录须修改）：{password}"
            : $"已创建单位“{unit.Name}”和管理员 admin。输出不是终端，一次性密码不打印；请在终端执行 Luoshi admin reset-password --user admin 取得。");
    }

    /// <summary>A new unit, with the shipped official holiday calendars; <paramref name="parentId"/> is the
    /// unit directly above it (which supervises it), none for a top unit.</summary>
    public static async Task<Unit> CreateUnitAsync(IServiceProvider services, string name, int? parentId = null, string? shortName = null)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var clock = services.GetRequiredService<BureauClock>();
        var unit = new Unit { Name = name, ShortName = shortName, ParentId = parentId, CreatedAt = clock.UtcNow };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        db.CalendarDays.AddRange(HolidayCsv.Shipped.Select(d => new CalendarDay { UnitId = unit.Id, Date = d.Date, Kind = d.Kind, Name = d.Name }));
        await db.SaveChangesAsync();
        return unit;
    }
}
