using System.Security.Claims;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Organisation;

/// <summary>
/// Who is asking: the person behind the login, with role, section and charge read fresh from the
/// database on each request, so a move to another section or a deactivation takes effect at once,
/// for cookies and bearer tokens alike.
/// </summary>
internal sealed record Viewer(int PersonId, int UnitId, string Name, Role Role, int? SectionId, IReadOnlyCollection<int> ChargedSectionIds)
{
    /// <summary>Restricted tasks (a 批示件 with its 知悉范围) this person may read, added by Tasks as the
    /// viewer is loaded; every other restricted task is hidden from him or her, the office included.</summary>
    public IReadOnlyCollection<int> ReadableRestrictedTaskIds { get; init; } = [];

    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Sections whose tasks this person sees as lead or cooperating section.</summary>
    public IReadOnlyCollection<int> SeenSectionIds => Role switch
    {
        Role.Leader => ChargedSectionIds,
        _ => SectionId is { } s ? [s] : [],
    };
}

internal static class ViewerClaims
{
    public const string Person = "luoshi:person";
    public const string Unit = "luoshi:unit";
    public const string MustChangePassword = "luoshi:must-change-password";

    /// <summary>The person's role requires a second factor and none is set up yet (see Account/TwoFactorRule).</summary>
    public const string MustEnrollTwoFactor = "luoshi:must-enroll-two-factor";

    /// <summary>The server-side session a cookie or token belongs to (see Account/Sessions).</summary>
    public const string Session = "luoshi:session";

    /// <summary>When the password was given, in Unix seconds: the start of the absolute lifetime.</summary>
    public const string SignedInAt = "luoshi:signed-in-at";

    public static int? PersonId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Person), out var id) ? id : null;
}

/// <summary>
/// Loads the viewer once per request, and keeps it for a few seconds per person between requests
/// (the person row, the charges and what <see cref="IViewerFacts"/> add are two to three queries that
/// every page and call would repeat). A kept viewer is used only while <see cref="WriteGeneration.Access"/>
/// has not moved since it was loaded: a role change, a section move, a deactivation, a new charge or
/// cooperation is a write, so the next request loads the viewer afresh, as the README promises ("a
/// move or a deactivation takes effect at once"). A person who is gone or inactive is never kept.
/// </summary>
internal sealed class CurrentViewer(IHttpContextAccessor http, LuoshiDb db, IEnumerable<IViewerFacts> facts, ViewerCache cache)
{
    private Viewer? _viewer;
    private bool _loaded;

    public async Task<Viewer?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded)
        {
            return _viewer;
        }

        _loaded = true;
        if (http.HttpContext?.User.PersonId() is not { } personId)
        {
            return null;
        }

        var generation = WriteGeneration.Access;
        if (cache.Find(personId, generation) is { } kept)
        {
            return _viewer = kept;
        }

        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId && p.IsActive)
            .Select(p => new { p.Id, p.UnitId, p.Name, p.Role, p.SectionId, Charges = p.Charges.Select(c => c.SectionId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        _viewer = new Viewer(person.Id, person.UnitId, person.Name, person.Role, person.SectionId, person.Charges);
        foreach (var fact in facts)
        {
            _viewer = await fact.AddToAsync(_viewer, ct);
        }

        cache.Keep(_viewer, generation);
        return _viewer;
    }

    /// <summary>For code behind [Authorize]: a signed-in user whose person is gone is refused.</summary>
    public async Task<Viewer> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new UnauthorizedAccessException("The signed-in person no longer exists or is inactive.");
}

/// <summary>The viewers of the last few seconds, per person, each with the write generation it was
/// loaded at (one per app: person ids are only unique within one database).</summary>
internal sealed class ViewerCache(IMemoryCache memory)
{
    /// <summary>How long a viewer is kept at most: the bound for writes that do not pass through this
    /// process's EF Core (another instance, a script), since those do not move the generation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private sealed record Kept(Viewer Viewer, long Generation);

    public Viewer? Find(int personId, long generation) =>
        memory.TryGetValue((typeof(ViewerCache), personId), out Kept? kept) && kept!.Generation == generation ? kept.Viewer : null;

    public void Keep(Viewer viewer, long generation) =>
        memory.Set((typeof(ViewerCache), viewer.PersonId), new Kept(viewer, generation), Lifetime);
}
