using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Dispatch;

/// <summary>
/// A small tree of test bureaus in one app: <see cref="Top"/> (the 督查室) with <see cref="Lead"/>,
/// <see cref="Coop"/> and <see cref="Sibling"/> directly below it, and <see cref="Outsider"/>, a top unit
/// of its own. Each is a <see cref="Bureau"/> with sections A, B, C, an admin (the office) and heads and staff.
/// </summary>
internal sealed class City
{
    public required Bureau Top { get; init; }
    public required Bureau Lead { get; init; }
    public required Bureau Coop { get; init; }
    public required Bureau Sibling { get; init; }
    public required Bureau Outsider { get; init; }

    public static async Task<City> CreateAsync(string provider)
    {
        var city = new City
        {
            Top = await Bureau.CreateAsync(provider), Lead = await Bureau.CreateAsync(provider), Coop = await Bureau.CreateAsync(provider),
            Sibling = await Bureau.CreateAsync(provider), Outsider = await Bureau.CreateAsync(provider),
        };
        var below = new[] { city.Lead.UnitId, city.Coop.UnitId, city.Sibling.UnitId };
        await city.Top.WithDbAsync(db => db.Units.Where(u => below.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, city.Top.UnitId)));
        return city;
    }

    /// <summary>The top office assigns a 交办 to <see cref="Lead"/>, with <see cref="Coop"/> cooperating; returns its id.</summary>
    public async Task<int> AssignAsync(HttpClient topOffice, string title, bool withCoop = true)
    {
        var response = await topOffice.PostAsJsonAsync("/api/dispatches", new
        {
            title, description = "按季度报送进展", leadUnitId = Lead.UnitId, cooperatingUnitIds = withCoop ? new[] { Coop.UnitId } : [], cooperatingPart = "提供本单位数据",
            dueDate = TestApp.Today.AddDays(90), cadence = "Quarterly", targetValue = 50, targetUnit = "家", followUpSectionId = Top.SectionA,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>The party of <paramref name="unit"/> in the 交办 (its current one, not one closed by 改派).</summary>
    public Task<int> PartyAsync(int dispatchId, Bureau unit) => Top.WithDbAsync(db => db.DispatchParties
        .Where(p => p.SourceTaskId == dispatchId && p.SourceUnitId == Top.UnitId && p.UnitId == unit.UnitId && p.State != Luoshi.Features.Dispatch.DispatchState.Reassigned)
        .Select(p => p.Id).SingleAsync());
}
