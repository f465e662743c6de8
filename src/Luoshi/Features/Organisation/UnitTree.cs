using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Organisation;

/// <summary>One unit of the tree as the tree needs it.</summary>
internal sealed record UnitNode(int Id, string Name, string? ShortName, int? ParentId);

/// <summary>
/// Which units are below which. The Units table is small (a province has a few thousand), so the tree
/// is read whole in one query and walked in memory; that is simpler than a recursive query on two
/// databases and as fast at this size. Units are not tenant rows, so no unit filter applies.
/// </summary>
internal sealed class UnitTree
{
    private readonly Dictionary<int, UnitNode> _byId;
    private readonly ILookup<int, UnitNode> _children;

    private UnitTree(IReadOnlyCollection<UnitNode> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
    }

    public static async Task<UnitTree> LoadAsync(LuoshiDb db, CancellationToken ct = default) =>
        new(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.Name, u.ShortName, u.ParentId)).ToListAsync(ct));

    public UnitNode? Find(int id) => _byId.GetValueOrDefault(id);

    public string NameOf(int id) => _byId.TryGetValue(id, out var u) ? u.Name : "";

    /// <summary>The units directly below <paramref name="unitId"/>, by name.</summary>
    public IReadOnlyList<UnitNode> Children(int unitId) => [.. _children[unitId].OrderBy(u => u.Id)];

    /// <summary>Every unit below <paramref name="unitId"/>, depth first, with its depth (1 = directly below).</summary>
    public IReadOnlyList<(UnitNode Unit, int Depth)> Descendants(int unitId)
    {
        var found = new List<(UnitNode, int)>();
        // A cycle cannot be saved through this code, but a hand-edited database must not hang a page.
        var seen = new HashSet<int> { unitId };
        void Walk(int id, int depth)
        {
            foreach (var child in Children(id).Where(c => seen.Add(c.Id)))
            {
                found.Add((child, depth));
                Walk(child.Id, depth + 1);
            }
        }

        Walk(unitId, 1);
        return found;
    }

    /// <summary>True when <paramref name="lower"/> is below <paramref name="upper"/> (at any depth); a unit does not supervise itself.</summary>
    public bool Supervises(int upper, int lower)
    {
        var seen = new HashSet<int>();
        for (var at = Find(lower)?.ParentId; at is { } id && seen.Add(id); at = Find(id)?.ParentId)
        {
            if (id == upper)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The path from the top unit down to <paramref name="unitId"/>, for showing where a unit sits.</summary>
    public IReadOnlyList<UnitNode> PathTo(int unitId)
    {
        var path = new List<UnitNode>();
        var seen = new HashSet<int>();
        for (var at = Find(unitId); at is not null && seen.Add(at.Id); at = at.ParentId is { } p ? Find(p) : null)
        {
            path.Insert(0, at);
        }

        return path;
    }
}
