using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Research;

/// <summary>A file checked and read, not yet stored.</summary>
internal sealed record PendingFile(string Name, string ContentType, byte[] Bytes);

/// <summary>
/// Visit photos and report files, kept in the evidence store and checked by the evidence rules (size
/// limit, content matching the extension). A report must be a Word or PDF document; a visit may add a
/// photo or a document. The file is stored before its row, so a row never points at nothing.
/// </summary>
internal sealed class ResearchFiles(EvidenceFiles evidence, IEvidenceStore store, IOptions<EvidenceOptions> options, ILogger<ResearchFiles> log)
{
    private static readonly Dictionary<string, string> ReportTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    private static readonly Dictionary<string, string> VisitTypes = new(ReportTypes, StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png",
    };

    public const string ReportAccept = ".pdf,.docx";
    public const string VisitAccept = ".jpg,.jpeg,.png,.pdf,.docx";

    /// <summary>The file read and checked, or what is wrong with it in words; (null, null) when none was sent.</summary>
    public async Task<(PendingFile? File, string? Problem)> ReadAsync(IFormFile? file, bool report, CancellationToken ct)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return (null, null);
        }

        var name = Path.GetFileName(file.FileName ?? "").Trim();
        var types = report ? ReportTypes : VisitTypes;
        if (!types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return (null, report ? $"调研报告应为 Word（.docx）或 PDF 文件，“{name}”不是" : $"可上传照片（.jpg、.png）或文档（.pdf、.docx），“{name}”不是");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            // Refused before reading a byte of it.
            return (null, $"文件“{name}”超过了 {options.Value.MaxBytes / 1024 / 1024} MB 的上限");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        return evidence.Check(name, bytes) is { } problem ? (null, problem) : (new PendingFile(name, type, bytes), null);
    }

    public async Task<ResearchFile> StoreAsync(Viewer viewer, PendingFile file, CancellationToken ct)
    {
        var (key, sha256) = await evidence.StoreAsync(viewer.UnitId, "research-", file.Bytes, ct);
        return new ResearchFile { FileName = file.Name, ContentType = file.ContentType, Size = file.Bytes.Length, Sha256 = sha256, StorageKey = key };
    }

    /// <summary>The stored bytes, or null when they no longer match the SHA-256 taken at upload (or are gone).</summary>
    public async Task<byte[]?> ReadStoredAsync(ResearchFile file, CancellationToken ct)
    {
        var (bytes, problem) = await EvidenceIntegrity.ReadAsync(store, file.StorageKey!, file.Sha256!, ct);
        if (problem is not null)
        {
            log.LogError("Research file {Key} not served: {Problem}", file.StorageKey, problem);
        }

        return bytes;
    }
}
