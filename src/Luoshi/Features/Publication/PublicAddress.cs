using Microsoft.Extensions.Options;

namespace Luoshi.Features.Publication;

/// <summary>Where a unit's public page is, as the public types it or scans it.</summary>
internal sealed class PublicAddress(IOptions<PublicationOptions> options)
{
    public string Page(HttpRequest request, int unit)
    {
        var configured = options.Value.PublicBaseUrl?.TrimEnd('/');
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured;
        return $"{root}/Public/Progress/{unit}";
    }
}
