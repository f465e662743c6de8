using Luoshi.Features.Organisation;

namespace Luoshi.Features.Shared;

/// <summary>A line in the header menu that only some people have (交办 for the office of a unit with
/// units below it or 交办 received). The layout lists what the registered links answer, without knowing
/// the features behind them, as it does with <see cref="IHeaderCount"/>.</summary>
internal interface IMenuLink
{
    /// <summary>Left to right, among the links of this kind.</summary>
    int Order { get; }

    /// <summary>The link's words and address for this viewer, or null when it does not show.</summary>
    Task<(string Text, string Href)?> ForAsync(Viewer viewer, CancellationToken ct = default);
}
