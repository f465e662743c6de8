using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Features.Lights;

namespace Luoshi.Features.Reviews;

/// <summary>
/// The review as a 督查通报, laid out by the conventions of GB/T 9704-2012: A4 with 37/35/28/26 mm
/// margins, a red masthead and rule, the title in 小标宋 二号, the body in 仿宋 三号 at a fixed line
/// pitch, headings 一、 in 黑体 and （一） in 楷体, the issuing unit and date at the end, and the page
/// number as "— 1 —".
/// </summary>
internal static class Bulletin
{
    internal const string Song = "方正小标宋简体";
    internal const string FangSong = "仿宋_GB2312";
    internal const string Hei = "黑体";
    internal const string Kai = "楷体_GB2312";
    internal const int Size3 = 32; // 三号 = 16 pt, in half-points
    internal const int Size2 = 44; // 二号 = 22 pt

    public static byte[] Write(Review review, string documentNumber, DateOnly issued) => Write(review, documentNumber, null, issued);

    /// <summary>
    /// The office's 送审稿: the bulletin as it will be issued, but with no number yet (a number is
    /// given only when it is issued, <see cref="BulletinIssuer"/>), so a draft never carries a number
    /// that another paper may later take.
    /// </summary>
    public static byte[] WriteDraft(Review review, DateOnly written) => Write(review, DraftNumber(written.Year), null, written);

    public static string DraftNumber(int year) => $"〔{year}〕第　期（送审稿，印发时编号）";

    /// <summary>
    /// An unnumbered paper for those who may not issue a 督查通报 (leaders, section heads, staff): the
    /// same figures of what they see, under a plain title, with no red masthead and no document
    /// number, so it cannot pass for the office's bulletin.
    /// </summary>
    public static byte[] WriteUnnumbered(Review review, string title, DateOnly written) => Write(review, null, title, written);

    private static byte[] Write(Review review, string? documentNumber, string? plainTitle, DateOnly issued)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var rows = review.Rows;
            if (documentNumber is not null)
            {
                body.Append(Paragraph("督查通报", Song, 72, JustificationValues.Center, color: "FF0000", spacingAfter: 200));
                body.Append(Paragraph(documentNumber, FangSong, Size3, JustificationValues.Center));
                body.Append(RedRule());
                body.Append(Paragraph($"关于{review.Period.Label}重点工作落实情况的通报", Song, Size2, JustificationValues.Center, spacingBefore: 400, spacingAfter: 400));
                body.Append(Paragraph("各科室：", FangSong, Size3, JustificationValues.Left));
                body.Append(Text($"按照年度工作要点任务分解安排，办公室对截至{Chinese(review.AsOf)}的重点工作落实情况进行了对照盘点。现将有关情况通报如下。"));
            }
            else
            {
                body.Append(Paragraph($"{review.Period.Label}{plainTitle}", Song, Size2, JustificationValues.Center, spacingBefore: 200, spacingAfter: 400));
                body.Append(Text($"截至{Chinese(review.AsOf)}，对照年度工作要点任务分解安排，有关落实情况如下（仅供内部参考，不作为通报）。"));
            }

            // The work points first (一、二), then each other kind counted in a section of its own.
            var heading = 0;
            if (review.HasWorkPoints)
            {
                body.Append(Heading($"{Numeral(++heading)}、总体情况", Hei));
                body.Append(Text($"列入督查的重点工作共{rows.Count}项，其中已完成{Count(rows, Light.Done)}项，按计划推进（绿灯）{Count(rows, Light.Green)}项，" +
                    $"存在滞后风险（黄灯）{Count(rows, Light.Yellow)}项，已逾期（红灯）{Count(rows, Light.Red)}项，尚未开始{Count(rows, Light.NotStarted)}项。" +
                    $"本期各科室共报送进展{review.Sections.Sum(s => s.Reports)}份，其中逾期报送{review.Sections.Sum(s => s.LateReports)}份。"));

                // Sections that finished everything with no late report are praised by name; those with
                // nothing overdue and no late report are named too, so the bulletin is not only a list of faults.
                var praised = review.Sections.Where(x => x.Tasks > 0 && x.Done == x.Tasks && x.LateReports == 0
                    && review.Rows.Where(r => r.LeadSection == x.Section).All(r => r.CompletedOn is { } c && c <= r.Due)).Select(x => x.Section).ToList();
                var clean = review.Sections.Where(x => x.Tasks > 0 && x.Red == 0 && x.LateReports == 0 && !praised.Contains(x.Section)).Select(x => x.Section).ToList();
                if (praised.Count > 0)
                {
                    body.Append(Text($"{string.Join("、", praised)}牵头的任务已按时全部完成，进展按时报送，予以表扬。"));
                }

                if (clean.Count > 0)
                {
                    body.Append(Text($"{string.Join("、", clean)}无逾期事项，无逾期报送。"));
                }

                body.Append(Heading($"{Numeral(++heading)}、各科室落实情况", Hei));
                var number = 0;
                foreach (var section in review.Sections)
                {
                    number++;
                    var mine = rows.Where(r => r.LeadSection == section.Section).ToList();
                    body.Append(Heading($"（{Numeral(number)}）{section.Section}", Kai));
                    body.Append(Text($"牵头任务{section.Tasks}项，已完成{section.Done}项，完成率{Math.Round(section.CompletionRate * 100).ToString(CultureInfo.InvariantCulture)}%；" +
                        $"本期完成{section.DoneInPeriod}项，报送进展{section.Reports}份{(section.LateReports > 0 ? $"（逾期{section.LateReports}份）" : "")}。"));
                    AppendList(body, "已完成：", mine.Where(r => r.Light == Light.Done));
                    AppendList(body, "进度滞后（黄灯）：", mine.Where(r => r.Light == Light.Yellow), withReason: true, year: review.Period.End.Year);
                    AppendList(body, "已逾期（红灯）：", mine.Where(r => r.Light == Light.Red), withReason: true, year: review.Period.End.Year);
                }
            }

            foreach (var part in review.Parts)
            {
                AppendPart(body, part, ++heading);
            }

            if (documentNumber is not null)
            {
                body.Append(Heading($"{Numeral(++heading)}、下步要求", Hei));
                body.Append(Text("各科室要对照红灯、黄灯事项逐项分析原因，明确整改措施、责任人和完成时限，在下期进展中一并报告；已逾期事项由分管领导督促，限期办结。办公室将持续跟踪，并将落实情况纳入年度考核。"));
            }

            body.Append(Paragraph(review.UnitName, FangSong, Size3, JustificationValues.Right, spacingBefore: 600, indentRight: 640));
            body.Append(Paragraph(Chinese(issued), FangSong, Size3, JustificationValues.Right, indentRight: 640));
            if (documentNumber is not null)
            {
                // 版记 (GB/T 9704): who it is copied to and who printed it when, below the body.
                body.Append(Paragraph("抄送：局领导。", FangSong, 28, JustificationValues.Left, spacingBefore: 600, indentRight: 0));
                body.Append(Paragraph($"{review.UnitName}办公室　　　　印发日期：{Chinese(issued)}", FangSong, 28, JustificationValues.Left));
            }

            body.Append(PageSetup(main));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static int Count(IEnumerable<ReviewRow> rows, Light light) => rows.Count(r => r.Light == light);

    /// <summary>A kind's section: its opening sentence, a paragraph per line in the words of its columns, and the items to name.</summary>
    private static void AppendPart(Body body, ReviewPart part, int number)
    {
        body.Append(Heading($"{Numeral(number)}、{part.Title}", Hei));
        body.Append(Text(part.Summary));
        foreach (var line in part.Lines)
        {
            // A rate without a denominator (no appeal answered yet) is left out rather than written as 无.
            body.Append(Text($"{line.Label}：{string.Join("，", part.Columns.Select((c, i) => (c, v: line.Values[i])).Where(x => x.v is not null).Select(x => x.c.Phrase(x.v)))}。"));
        }

        if (part.Attention.Count > 0)
        {
            body.Append(Text("需督促事项：" + string.Join("；", part.Attention.Select(a => $"“{a.Title}”（{a.Section}，{a.Note}）")) + "。"));
        }
    }

    /// <summary>A deadline in a sentence: 11月30日, with its year when it falls in another year than the review's (2027年1月15日).</summary>
    internal static string Deadline(DateOnly due, int year) => $"{(due.Year == year ? "" : $"{due.Year}年")}{due.Month}月{due.Day}日";

    private static void AppendList(Body body, string label, IEnumerable<ReviewRow> rows, bool withReason = false, int year = 0)
    {
        // A deadline in another year than the review's carries its year (2027年1月15日).
        var items = rows.Select(r => $"“{r.Title}”" + (withReason ? $"（{r.Reason.Chinese()}，时限{Deadline(r.Due, year)}{(r.Person is null ? "" : $"，责任人{r.Person}")}）" : "")).ToList();
        if (items.Count > 0)
        {
            body.Append(Text(label + string.Join("；", items) + "。"));
        }
    }

    internal static Paragraph Text(string text) => Paragraph(text, FangSong, Size3, JustificationValues.Both, firstLineIndent: 640);

    /// <summary>A heading kept on the page of the paragraph after it, never alone at the foot of a page.</summary>
    internal static Paragraph Heading(string text, string font)
    {
        var heading = Paragraph(text, font, Size3, JustificationValues.Left, firstLineIndent: 640);
        heading.ParagraphProperties!.PrependChild(new KeepNext());
        return heading;
    }

    internal static Paragraph Paragraph(string text, string font, int size, JustificationValues align, string? color = null,
        int spacingBefore = 0, int spacingAfter = 0, int firstLineIndent = 0, int indentRight = 0)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (color is not null)
        {
            runProperties.Append(new Color { Val = color });
        }

        // 28 pt fixed pitch: 22 lines on the type area, as the standard asks.
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = spacingBefore.ToString(CultureInfo.InvariantCulture), After = spacingAfter.ToString(CultureInfo.InvariantCulture) },
            new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture), Right = indentRight.ToString(CultureInfo.InvariantCulture) },
            new Justification { Val = align });
        if (size > Size2)
        {
            properties.SpacingBetweenLines!.LineRule = LineSpacingRuleValues.Auto;
            properties.SpacingBetweenLines.Line = "240";
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph RedRule() =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Color = "FF0000", Space = 1 }),
            new SpacingBetweenLines { After = "200" }));

    internal static SectionProperties PageSetup(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        var font = new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" };
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties((RunFonts)font.CloneNode(true), new FontSize { Val = "28" }), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties((RunFonts)font.CloneNode(true), new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new RunProperties((RunFonts)font.CloneNode(true), new FontSize { Val = "28" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties((RunFonts)font.CloneNode(true), new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new RunProperties((RunFonts)font.CloneNode(true), new FontSize { Val = "28" }), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });
    }

    internal static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>一, 十一, 二十, 一百零五, 一千二百: how a section is numbered (（n）), for any bureau size.</summary>
    internal static string Numeral(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        const string digits = "零一二三四五六七八九";
        if (n < 20)
        {
            return n < 10 ? digits[n].ToString() : "十" + (n == 10 ? "" : digits[n % 10].ToString());
        }

        var text = new System.Text.StringBuilder();
        var zero = false;
        foreach (var (unit, name) in new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") })
        {
            var digit = n / unit % 10;
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            text.Append(digits[digit]).Append(name);
        }

        return n >= 10000 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : text.ToString();
    }
}
