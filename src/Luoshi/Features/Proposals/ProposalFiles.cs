using System.Security.Cryptography;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Proposals;

/// <summary>A reply document read and checked, not yet stored.</summary>
internal sealed record PendingReplyFile(string Name, string ContentType, byte[] Bytes);

/// <summary>
/// The reply document (答复件): a Word or PDF file, checked by the evidence rules (size limit, content
/// matching the extension) and kept in the evidence store with its SHA-256, so an altered file is not
/// served. The file is stored before its row, so a row never points at nothing.
/// </summary>
internal sealed class ProposalFiles(EvidenceFiles evidence, IEvidenceStore store, BureauClock clock, IOptions<EvidenceOptions> options, ILogger<ProposalFiles> log)
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public const string Accept = ".pdf,.docx";

    /// <summary>The file read and checked, or what is wrong with it in words; (null, null) when none was sent.</summary>
    public async Task<(PendingReplyFile? File, string? Problem)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return (null, null);
        }

        var name = Path.GetFileName(file.FileName ?? "").Trim();
        if (!Types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return (null, $"答复件应为 Word（.docx）或 PDF 文件，“{name}”不是");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            return (null, $"文件“{name}”超过了 {options.Value.MaxBytes / 1024 / 1024} MB 的上限");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        return evidence.Check(name, bytes) is { } problem ? (null, problem) : (new PendingReplyFile(name, type, bytes), null);
    }

    public async Task<ProposalFile> StoreAsync(Viewer viewer, PendingReplyFile file, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var key = $"{viewer.UnitId}/{now:yyyy}/{now:MM}/proposal-{Guid.NewGuid():N}";
        using var content = new MemoryStream(file.Bytes, writable: false);
        await store.SaveAsync(key, content, ct);
        return new ProposalFile
        {
            FileName = file.Name, ContentType = file.ContentType, Size = file.Bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), StorageKey = key,
        };
    }

    /// <summary>The stored bytes, or null when they no longer match the SHA-256 taken at upload (or are gone).</summary>
    public async Task<byte[]?> ReadStoredAsync(ProposalFile file, CancellationToken ct)
    {
        try
        {
            await using var stream = store.OpenRead(file.StorageKey!);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            var bytes = copy.ToArray();
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) == file.Sha256)
            {
                return bytes;
            }

            log.LogError("Proposal reply file {Key} not served: its bytes no longer match", file.StorageKey);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            log.LogError("Proposal reply file {Key} is missing from the store", file.StorageKey);
            return null;
        }
    }
}
