using Luoshi.Features.Organisation;

namespace Luoshi.Features.Shared;

/// <summary>
/// A link in the page header with a number beside it (待办, 消息). The layout lists them without
/// knowing the features behind them; each feature that owns such a count registers one, so the
/// shared layout depends on no feature above it.
/// </summary>
internal interface IHeaderCount
{
    /// <summary>Left to right.</summary>
    int Order { get; }

    /// <summary>The link's words, also its title.</summary>
    string Title { get; }

    string Href { get; }

    /// <summary>The link's CSS class.</summary>
    string LinkClass { get; }

    /// <summary>The id of the number, which scripts and tests find.</summary>
    string CountId { get; }

    Task<int> CountAsync(Viewer viewer, CancellationToken ct = default);
}
