using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Documents;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Imports;

/// <summary>Reading an uploaded document into text (txt, docx, pdf) and keeping it; the library's
/// error says in Chinese what is wrong and what to do.</summary>
internal sealed class DocumentUpload(LuoshiDb db, BureauClock clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static Outcome<string> Read(string fileName, Stream content, long length)
    {
        if (length > MaxBytes)
        {
            return Outcome<string>.Invalid("file", $"文件超过 {MaxBytes / 1024 / 1024} MB，请拆分后再上传");
        }

        try
        {
            return Outcome<string>.Ok(DocumentReader.Read(content, Path.GetFileName(fileName)));
        }
        catch (DocumentReadException e)
        {
            return Outcome<string>.Invalid("file", e.Message);
        }
    }

    public async Task<Outcome<SourceDocument>> KeepAsync(Viewer viewer, string fileName, Stream content, long length, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<SourceDocument>.Forbidden("只有办公室（管理员）可以导入文件");
        }

        var text = Read(fileName, content, length);
        if (text.Kind != OutcomeKind.Ok)
        {
            return Outcome<SourceDocument>.Invalid(text.Errors!);
        }

        var document = new SourceDocument
        {
            UnitId = viewer.UnitId,
            FileName = Path.GetFileName(fileName),
            Text = text.Value!,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Value!))),
            UploadedById = viewer.PersonId,
            UploadedAt = clock.UtcNow,
        };
        db.SourceDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return Outcome<SourceDocument>.Ok(document);
    }
}
