using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Luoshi.Documents;

/// <summary>
/// A PDF's text layer, page by page in content order (breakdown tables by position, see <see cref="PdfTableLayout"/>). Scans have no text layer and password-protected
/// files cannot be opened: both get a message that says what to upload instead.
/// </summary>
internal static class PdfTextReader
{
    private const int MaxPages = 2_000;

    public static string Read(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages > MaxPages)
            {
                throw new DocumentReadException($"这个 PDF 超过 {MaxPages} 页，请拆分后再上传。");
            }

            // Pages with a breakdown table are laid out by position, so its rows keep their columns.
            var text = new StringBuilder();
            var tables = new PdfTableLayout();
            foreach (var page in document.GetPages())
            {
                text.Append(tables.Read(page) ?? ContentOrderTextExtractor.GetText(page)).Append('\n');
            }

            text.Append(tables.Finish());

            if (text.ToString().All(char.IsWhiteSpace))
            {
                throw new DocumentReadException("这个 PDF 没有文字层（可能是扫描件或图片），请上传 Word 或文本版本，或先用 OCR 识别出文字。");
            }

            return text.ToString();
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentReadException("这个 PDF 设置了密码，请取消密码（或另存为不加密的 PDF）后再上传。", e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or FormatException or EndOfStreamException or OverflowException)
        {
            throw new DocumentReadException("这个 PDF 文件已损坏或无法识别，请重新导出后再上传。", e);
        }
    }
}
