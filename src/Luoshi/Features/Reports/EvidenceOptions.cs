namespace Luoshi.Features.Reports;

/// <summary>Evidence files (configuration section "Evidence").</summary>
internal sealed class EvidenceOptions
{
    /// <summary>Largest evidence file accepted, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where files are kept; a relative folder is taken from the content root (<see cref="Data.DataPaths"/>).</summary>
    public string Folder { get; set; } = "data/evidence";

    /// <summary>At most this many files per report.</summary>
    public int MaxFilesPerReport { get; set; } = 10;

    /// <summary>The body an upload may send: every file a report may carry, plus the form around them.</summary>
    public long UploadBodyLimit => (MaxBytes * (MaxFilesPerReport + 1)) + (1 << 20);

    /// <summary>Upload endpoints keep this limit rather than the small one for JSON (oversized files are refused in words).</summary>
    public static Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute UploadLimit(IEndpointRouteBuilder app) =>
        new(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value.UploadBodyLimit);
}
