namespace Luoshi.Features.Publication;

internal sealed class PublicationOptions
{
    /// <summary>The address the public reaches the app at (https://kjj.example.gov.cn), for the QR code
    /// and the feed; empty takes the request's own scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Requests to the public pages per address per minute.</summary>
    public int PermitPerMinute { get; set; } = 120;
}
