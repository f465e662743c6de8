using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Luoshi.Documents.Tests.Reading;

/// <summary>
/// PdfPig writes only fonts it can embed; the machine's CJK fonts are .ttc collections it cannot, so
/// the text-layer test uses an ASCII outline in a standard font. Chinese PDFs go through the same path.
/// </summary>
public sealed class PdfReadingTests
{
    [Fact]
    public void APdfTextLayerIsReadLineByLine()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        string[] lines = ["Work plan 2026", "1. Build the platform.", "2. Train the staff."];
        for (var i = 0; i < lines.Length; i++)
        {
            page.AddText(lines[i], 12, new PdfPoint(50, 780 - (i * 20)), font);
        }

        var text = DocumentReader.Read(new MemoryStream(builder.Build()), "plan.pdf");

        var outline = OutlineParser.Parse(text);
        OutlineAssert.Items(outline.Items, "1.|Build the platform", "2.|Train the staff");
    }

    [Fact]
    public void APdfWithoutATextLayerAsksForOcrOrAnotherFormat()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(builder.Build()), "scan.pdf"));
        Assert.Contains("没有文字层", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordProtectedPdfSaysSo()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(EncryptedPdf()), "secret.pdf"));
        Assert.Contains("密码", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptPdfIsAClearError()
    {
        Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream("%PDF-1.4\nnot really"u8.ToArray()), "bad.pdf"));
    }

    /// <summary>A minimal PDF whose trailer names a standard security handler with a user password.</summary>
    private static byte[] EncryptedPdf()
    {
        var hex = new string('A', 64);
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex}> /P -4 >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => pdf.Append($"{o:D10} 00000 n \n"));
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{hex[..32]}> <{hex[..32]}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
