namespace Luoshi.Features.Organisation;

/// <summary>
/// What a feature above knows about the viewer and adds as the viewer is loaded, once per request
/// (Tasks adds the tasks the viewer's sections cooperate on). Organisation stays at the bottom of the
/// layers and knows none of them.
/// </summary>
internal interface IViewerFacts
{
    Task<Viewer> AddToAsync(Viewer viewer, CancellationToken ct);
}
