using System.Net;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Dispatch;

/// <summary>下级单位 (/Admin/Units): the office creates a unit directly below its own, with an office section
/// and the first office login, whose one-time password is shown once; the tree lists it with its office
/// head count; the new login signs in to the new unit only; staff cannot open the page.</summary>
public class UnitsPageTests
{
    [Fact]
    public async Task TheOfficeCreatesAUnitBelowItWithItsFirstOfficeLogin()
    {
        var city = await City.CreateAsync("sqlite");
        var office = await city.Top.PagesAsync("admin");
        var login = "dc" + Guid.NewGuid().ToString("N")[..8];
        var name = "东城区" + login[2..];
        var created = await office.PostFormAsync("/Admin/Units", new() { ["Input.Name"] = name, ["Input.ShortName"] = "东城", ["Input.OfficeName"] = "赵磊", ["Input.UserName"] = login });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await office.GetHtmlAsync("/Admin/Units");
        Assert.Contains("class=\"secret\"", page);
        Assert.Contains(name, page);
        Assert.Contains("办公室 1 人", page);
        Assert.DoesNotContain("class=\"secret\"", await office.GetHtmlAsync("/Admin/Units"));

        var unit = await city.Top.WithDbAsync(db => db.Units.SingleAsync(u => u.Name == name));
        Assert.Equal(city.Top.UnitId, unit.ParentId);
        var tree = await city.Top.WithDbAsync(db => UnitTree.LoadAsync(db));
        Assert.True(tree.Supervises(city.Top.UnitId, unit.Id));
        Assert.False(tree.Supervises(unit.Id, city.Top.UnitId));
        Assert.False(tree.Supervises(city.Lead.UnitId, unit.Id));
        Assert.Equal(3, await city.Top.WithDbAsync(db => db.Sections.CountAsync(s => s.UnitId == city.Top.UnitId)));
        var person = await city.Top.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p).SingleAsync());
        Assert.Equal((unit.Id, Role.Admin), (person.UnitId, person.Role));
        Assert.Equal("办公室", await city.Top.WithDbAsync(db => db.Sections.Where(s => s.Id == person.SectionId).Select(s => s.Name).SingleAsync()));

        // The same name again, or the same login: refused, nothing made.
        var again = await office.PostFormAsync("/Admin/Units", new() { ["Input.Name"] = name, ["Input.OfficeName"] = "钱七", ["Input.UserName"] = login });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已有同名单位", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await city.Top.WithDbAsync(db => db.Units.CountAsync(u => u.Name == name)));

        // The form sent as it stands, empty: each field named in Chinese, nothing made.
        var empty = await office.PostFormAsync("/Admin/Units", new() { ["Input.Name"] = "", ["Input.OfficeName"] = "", ["Input.UserName"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写单位名称", errors);
        Assert.Contains("请填写登录名", errors);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.Top.PagesAsync("headA")).GetAsync("/Admin/Units")).StatusCode);
    }

    [Fact]
    public async Task TheOfficeMovesAUnitWithinItsTreeButNeverUnderItselfNorOutsideIt()
    {
        var city = await City.CreateAsync("sqlite");
        var office = await city.Top.PagesAsync("admin");
        Task<int?> ParentOfAsync(int unit) => city.Top.WithDbAsync(db => db.Units.Where(u => u.Id == unit).Select(u => u.ParentId).SingleAsync());
        Task<HttpResponseMessage> MoveAsync(PageClient client, int? unit, int? parent) => client.PostFormAsync("/Admin/Units?handler=Move", new()
        {
            ["moveUnitId"] = unit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["newParentId"] = parent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

        // 配合单位 moves under the lead unit: the city still supervises it, through the lead.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(office, city.Coop.UnitId, city.Lead.UnitId)).StatusCode);
        Assert.Equal(city.Lead.UnitId, await ParentOfAsync(city.Coop.UnitId));
        var tree = await city.Top.WithDbAsync(db => UnitTree.LoadAsync(db));
        Assert.True(tree.Supervises(city.Lead.UnitId, city.Coop.UnitId));
        Assert.True(tree.Supervises(city.Top.UnitId, city.Coop.UnitId));
        Assert.True(await city.Top.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UnitId == city.Top.UnitId && e.Kind == Luoshi.Features.Audit.AuditKind.UnitMoved)));

        // Under itself or a unit below it: refused, with the reason, nothing moved.
        var cycle = await MoveAsync(office, city.Lead.UnitId, city.Coop.UnitId);
        Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        Assert.Contains("不能调整到本单位或其下级单位之下", await cycle.Content.ReadAsStringAsync());
        Assert.Equal(city.Top.UnitId, await ParentOfAsync(city.Lead.UnitId));

        // Back directly under the city; the form sent empty names what is missing.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(office, city.Coop.UnitId, city.Top.UnitId)).StatusCode);
        Assert.Equal(city.Top.UnitId, await ParentOfAsync(city.Coop.UnitId));
        Assert.Contains("请选择要调整的下级单位", await (await MoveAsync(office, null, null)).Content.ReadAsStringAsync());

        // The lead unit's office cannot move a unit that is not below it, nor put one of its own outside its tree.
        var lead = await city.Lead.PagesAsync("admin");
        Assert.Contains("请选择要调整的下级单位", await (await MoveAsync(lead, city.Sibling.UnitId, city.Lead.UnitId)).Content.ReadAsStringAsync());
        Assert.Equal(city.Top.UnitId, await ParentOfAsync(city.Sibling.UnitId));
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(await city.Top.PagesAsync("headA"), city.Coop.UnitId, city.Lead.UnitId)).StatusCode);

        // Two opposite moves at once: one is made, the other refused; never a cycle cutting both off the tree.
        var both = await Task.WhenAll(MoveAsync(office, city.Coop.UnitId, city.Sibling.UnitId), MoveAsync(await city.Top.PagesAsync("admin"), city.Sibling.UnitId, city.Coop.UnitId));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(new[] { await ParentOfAsync(city.Coop.UnitId), await ParentOfAsync(city.Sibling.UnitId) }, p => p == city.Top.UnitId);
    }
}
