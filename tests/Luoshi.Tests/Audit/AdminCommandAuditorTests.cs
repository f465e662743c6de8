using Luoshi.Commands;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Audit;

/// <summary><c>Luoshi admin create --role auditor</c> makes an auditor, and the audit log says so.</summary>
public class AdminCommandAuditorTests
{
    [Fact]
    public async Task TheCommandLineCreatesAnAuditorOfNoSectionAndAuditsIt()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-auditor-").FullName;
        string[] settings =
        [
            $"--ConnectionStrings:Luoshi=Data Source={Path.Combine(folder, "luoshi.db")}", $"--Evidence:Folder={Path.Combine(folder, "evidence")}",
            $"--DataProtection:Folder={Path.Combine(folder, "keys")}", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning",
        ];
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await AdminCommand.RunAsync(["create", "--user", "shenji", "--role", "root", .. settings], output, error));
        Assert.Contains("只能是 admin 或 auditor", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await AdminCommand.RunAsync(["create", "--user", "shenji", "--name", "审计员甲", "--role", "auditor", .. settings], output, error));
        Assert.Contains("创建审计员 shenji", output.ToString(), StringComparison.Ordinal);

        await using var app = App.Build(settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var person = await db.People.SingleAsync(p => p.Name == "审计员甲");
        Assert.Equal((Role.Auditor, (int?)null), (person.Role, person.SectionId));
        var entry = await db.AuditEntries.SingleAsync(a => a.Kind == AuditKind.LoginCreated);
        Assert.Equal((person.Id, "命令行"), (entry.TargetPersonId!.Value, entry.UserName));
    }
}
