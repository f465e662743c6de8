using Luoshi.Features.Organisation;

namespace Luoshi.Features.Tasks;

/// <summary>
/// A section a feature above Tasks adds to the task page (<see cref="DetailModel"/>) without the page
/// knowing the feature: the feature registers an implementation in its own XFeature.cs, which names
/// its partial view and builds its model. A null model shows nothing for that task and viewer.
/// </summary>
internal interface ITaskPagePanel
{
    /// <summary>The partial view's path, e.g. <c>/Features/Recheck/_RecheckPanel.cshtml</c>.</summary>
    string Partial { get; }

    Task<object?> ModelAsync(Viewer viewer, WorkTask task, CancellationToken ct);
}
