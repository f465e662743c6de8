using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.DirectorySync;

/// <summary>The sync against the real slapd the test script starts: people added with directory-backed
/// logins, moved when their OU changes, their 职务 updated, deactivated (never deleted) when removed,
/// reactivated when back; a group rule above the OU rules wins; a run that finds nobody stops nobody.</summary>
public class DirectorySyncTests
{
    internal static string Rules(TestDirectory d, string planning) => $"""
        {d.Group("supervision")} => 科室B
        {d.Ou("office")} => 科室A
        {d.Ou("planning")} => {planning}
        """;

    internal static async Task<DirectorySyncRun> SyncAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<DirectorySyncer>().RunAsync(b.UnitId, null, CancellationToken.None);
        Assert.NotNull(run);
        return run;
    }

    internal static async Task<T> QueryAsync<T>(Bureau b, Func<LuoshiDb, Task<T>> query)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LuoshiDb>());
    }

    internal static Task<(Person Person, AppUser Login)> PersonAsync(Bureau b, string uid) => QueryAsync(b, async db =>
    {
        var login = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == uid);
        return (await db.People.AsNoTracking().SingleAsync(p => p.Id == login.PersonId), login);
    });

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task SyncAddsMovesUpdatesDeactivatesAndReactivatesPeople(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        var planning = "规划科" + d.Tag;
        d.AddPerson("zhang", "张三", "office", "科员");
        d.AddPerson("li", "李四", "planning", "副科长");
        d.AddPerson("wang", "王五", "office", "科员");
        d.AddPerson("zhao", "赵六", "other");
        d.AddGroup("supervision", d.Dn("wang", "office"));
        await d.ConfigureAsync(b, Rules(d, planning));

        var first = await SyncAsync(b);
        Assert.Null(first.Problem);
        Assert.Equal((4, 3, 0, 0, 1), (first.Found, first.Added, first.Moved, first.Deactivated, first.Skipped));
        var (zhang, zhangLogin) = await PersonAsync(b, d.Uid("zhang"));
        var (li, _) = await PersonAsync(b, d.Uid("li"));
        var (wang, _) = await PersonAsync(b, d.Uid("wang"));
        Assert.Equal(b.SectionA, zhang.SectionId);
        Assert.Equal(b.SectionB, wang.SectionId); // the group rule, written first, wins over the office OU
        var planningId = await QueryAsync(b, db => db.Sections.Where(s => s.UnitId == b.UnitId && s.Name == planning).Select(s => s.Id).SingleAsync());
        Assert.Equal(planningId, li.SectionId); // a section the directory names and the unit lacked is added
        Assert.Equal(("李四", "副科长", $"{d.Uid("li")}@luoshi.test", Role.Staff, true), (li.Name, li.Position, li.Email, li.Role, li.IsActive));
        Assert.Equal(d.Dn("zhang", "office"), zhangLogin.DirectoryDn);
        Assert.Null(zhangLogin.PasswordHash); // no local password: only the directory's
        Assert.False(await QueryAsync(b, db => db.People.AnyAsync(p => p.UnitId == b.UnitId && p.Name == "赵六")));
        Assert.Contains("未同步：赵六", first.Lines);

        // 李四 has open work when he leaves.
        var task = await b.TaskAsync(planningId, TestApp.Today, TestApp.Today.AddDays(30), change: t => t.ResponsiblePersonId = li.Id);

        d.Move("zhang", "office", "planning");
        d.Delete("li", "planning");
        d.SetTitle("wang", "office", "科长助理");
        var second = await SyncAsync(b);
        Assert.Null(second.Problem);
        Assert.Equal((0, 1, 1, 1), (second.Added, second.Moved, second.Updated, second.Deactivated));
        (zhang, zhangLogin) = await PersonAsync(b, d.Uid("zhang"));
        Assert.Equal((planningId, d.Dn("zhang", "planning")), (zhang.SectionId, zhangLogin.DirectoryDn));
        (li, _) = await PersonAsync(b, d.Uid("li"));
        Assert.False(li.IsActive); // deactivated, never deleted
        Assert.Equal([li.Id], second.DeactivatedIds());
        Assert.Equal("科长助理", (await PersonAsync(b, d.Uid("wang"))).Person.Position);
        Assert.Equal(li.Id, await QueryAsync(b, db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.ResponsiblePersonId).SingleAsync()));

        var audited = await QueryAsync(b, db => db.AuditEntries.Where(a => a.UnitId == b.UnitId).Select(a => new { a.Kind, a.TargetPersonId, a.UserName }).ToListAsync());
        Assert.Contains(audited, a => a.Kind == AuditKind.Deactivated && a.TargetPersonId == li.Id && a.UserName == DirectorySyncer.ScheduleName);
        Assert.Contains(audited, a => a.Kind == AuditKind.SectionChanged && a.TargetPersonId == zhang.Id);
        Assert.Equal(3, audited.Count(a => a.Kind == AuditKind.PersonCreated));
        Assert.Equal(2, audited.Count(a => a.Kind == AuditKind.DirectorySynced));

        var third = await SyncAsync(b);
        Assert.Equal((0, 0, 0, 0, 0), (third.Added, third.Moved, third.Updated, third.Deactivated, third.Reactivated));

        d.AddPerson("li", "李四", "planning", "副科长");
        var fourth = await SyncAsync(b);
        Assert.Equal((0, 1), (fourth.Added, fourth.Reactivated));
        Assert.True((await PersonAsync(b, d.Uid("li"))).Person.IsActive);

        // The office stops 王五 though the directory still lists him: the sync leaves him stopped.
        var admin = await b.PagesAsync("admin");
        var fields = PageClient.FormFields(await admin.GetHtmlAsync($"/Admin/Person/{wang.Id}"));
        fields["Input.IsActive"] = "false";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Person/{wang.Id}", fields)).StatusCode);
        var fifth = await SyncAsync(b);
        Assert.Equal((0, 0), (fifth.Reactivated, fifth.Deactivated));
        Assert.False((await PersonAsync(b, d.Uid("wang"))).Person.IsActive);
        Assert.Contains("仍停用：王五", fifth.Lines);
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARunThatFindsNobodyDeactivatesNobody(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        d.AddPerson("sun", "孙七", "office");
        await d.ConfigureAsync(b, Rules(d, "规划科" + d.Tag));
        Assert.Equal(1, (await SyncAsync(b)).Added);

        // A filter that matches nobody (a typo, a renamed class) looks like everyone left.
        await QueryAsync(b, db => db.Set<Luoshi.Features.Ldap.DirectorySettings>().Where(s => s.UnitId == b.UnitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UserFilter, "(objectClass=nobodyHasThisClass)")));
        var run = await SyncAsync(b);
        Assert.Equal((0, 0), (run.Found, run.Deactivated));
        Assert.Contains("未停用任何人", run.Problem);
        Assert.True((await PersonAsync(b, d.Uid("sun"))).Person.IsActive);
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWrongReaderPasswordIsRecordedAsTheRunsProblemAndChangesNothing(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        d.AddPerson("qian", "钱八", "office");
        await d.ConfigureAsync(b, Rules(d, "规划科" + d.Tag));
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var secret = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Ldap.DirectorySecret>();
            await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Set<Luoshi.Features.Ldap.DirectorySettings>().Where(s => s.UnitId == b.UnitId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ProtectedBindPassword, secret.Protect("not-the-password")));
        }

        var run = await SyncAsync(b);
        Assert.Equal("目录服务器拒绝了读取账号（账号或密码不对）", run.Problem);
        Assert.Equal(0, run.Added);
        Assert.False(await QueryAsync(b, db => db.Users.AnyAsync(u => u.UserName == d.Uid("qian"))));
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheScheduledJobSyncsAUnitWhoseIntervalHasPassedAndNotAgainBeforeTheNext(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        d.AddPerson("zhou", "周九", "office");
        await d.ConfigureAsync(b, Rules(d, "规划科" + d.Tag), intervalHours: 24);
        var job = b.App.Services.GetRequiredService<DirectorySyncJob>();

        await job.RunAsync(CancellationToken.None);
        var runs = await QueryAsync(b, db => db.Set<DirectorySyncRun>().Where(r => r.UnitId == b.UnitId).ToListAsync());
        Assert.Equal(1, Assert.Single(runs).Added);

        await job.RunAsync(CancellationToken.None);
        Assert.Equal(1, await QueryAsync(b, db => db.Set<DirectorySyncRun>().CountAsync(r => r.UnitId == b.UnitId)));

        // A day later by the settings' record, it is due again.
        await QueryAsync(b, db => db.Set<Luoshi.Features.Ldap.DirectorySettings>().Where(s => s.UnitId == b.UnitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSyncAt, s => s.LastSyncAt!.Value.AddHours(-25))));
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(2, await QueryAsync(b, db => db.Set<DirectorySyncRun>().CountAsync(r => r.UnitId == b.UnitId)));
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASecondRunWhileOneHoldsTheClaimDoesNothing(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var d = TestDirectory.Create();
        d.AddPerson("wu", "吴十", "office");
        await d.ConfigureAsync(b, Rules(d, "规划科" + d.Tag));
        await QueryAsync(b, db => db.Set<Luoshi.Features.Ldap.DirectorySettings>().Where(s => s.UnitId == b.UnitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunningSince, DateTime.UtcNow)));
        await using var scope = b.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<DirectorySyncer>().RunAsync(b.UnitId, null, CancellationToken.None));
        Assert.False(await QueryAsync(b, db => db.Users.AnyAsync(u => u.UserName == d.Uid("wu"))));
    }
}
