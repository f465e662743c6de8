using System.Security.Claims;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace Luoshi.Data;

/// <summary>
/// The unit whose rows a <see cref="LuoshiDb"/> sees (<see cref="UnitKeys.FilterName"/>). The rule:
/// a request by a signed-in person sees that person's unit only; everything else (background jobs,
/// commands, start-up, the sign-in itself, and pages or endpoints open to anyone, such as the public
/// forms whose unit is in the route, even when their visitor happens to be signed in) has no unit,
/// sees every unit and keeps saying which unit it means in its own queries.
/// </summary>
/// <remarks>Read at each query, not when the context is handed out: the context of a request is made
/// before authentication has put the user on it (the session check itself queries), and the same
/// context then serves the rest of the request.</remarks>
internal sealed class CurrentUnit
{
    private readonly Func<int?> _read;

    private CurrentUnit(Func<int?> read) => _read = read;

    public int? Id => _read();

    /// <summary>The unit claim of the request's user; none outside a request, when nobody is signed in, or on
    /// a page or endpoint that allows anonymous visitors.</summary>
    public static CurrentUnit OfSignedInUser(IHttpContextAccessor http) =>
        new(() => http.HttpContext is { } context
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
            && int.TryParse(context.User.FindFirstValue(ViewerClaims.Unit), out var id) ? id : null);

    /// <summary>A fixed unit, for code that works for one unit outside a request (and its tests).</summary>
    public static CurrentUnit Of(int unitId) => new(() => unitId);
}
