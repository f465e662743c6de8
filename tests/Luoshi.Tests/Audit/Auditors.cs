using Microsoft.Extensions.DependencyInjection;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Audit;

/// <summary>An auditor login in a test bureau, and the bureau's audit entries.</summary>
internal static class Auditors
{
    public static async Task<string> AddAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var person = new Person { UnitId = b.UnitId, Name = "审计员" + b.UnitId, Role = Role.Auditor };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var login = $"auditor.{b.UnitId}";
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .CreateAsync(new AppUser { UserName = login, UnitId = b.UnitId, PersonId = person.Id }, Bureau.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return login;
    }

    /// <summary>The bureau's entries of one kind, oldest first.</summary>
    public static Task<List<AuditEntry>> EntriesAsync(Bureau b, AuditKind kind) =>
        b.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UnitId == b.UnitId && a.Kind == kind).OrderBy(a => a.Id).ToListAsync());
}
