using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Features.Reviews;
using Luoshi.Features.Study;

namespace Luoshi.Features.Campaigns;

/// <summary>The 转段报告 in Word, in the layout of the 督查通报 (<see cref="Bulletin"/>).</summary>
internal static class TransitionReport
{
    public static byte[] Write(Transition t)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Bulletin.Paragraph($"关于{t.Title}阶段工作情况的报告", Bulletin.Song, Bulletin.Size2, JustificationValues.Center, spacingBefore: 400, spacingAfter: 400));
            body.Append(Bulletin.Text($"截至{Bulletin.Chinese(t.AsOf)}，{t.Title}各阶段工作进展情况报告如下。"));
            var n = 0;
            foreach (var p in t.Phases)
            {
                n++;
                body.Append(Bulletin.Heading($"{Bulletin.Numeral(n)}、{p.Name}（{Bulletin.Chinese(p.Start)}至{Bulletin.Chinese(p.End)}）", Bulletin.Hei));
                body.Append(Bulletin.Text($"本阶段安排任务{p.Tasks}项，已完成{p.Done}项，正在推进{p.Open}项，其中逾期{p.Overdue}项。" +
                    $"组织学习{p.Sessions}次，参学{p.Attendances}人次，累计{StudyNames.Hours(p.StudyMinutes)}学时。"));
                var overdue = p.TaskRows.Where(r => r.Overdue).Select(r => $"“{r.Title}”（{r.Section}，时限{r.DueDate.Month}月{r.DueDate.Day}日）").ToList();
                if (overdue.Count > 0)
                {
                    body.Append(Bulletin.Text("逾期未完成：" + string.Join("；", overdue) + "。"));
                }
            }

            body.Append(Bulletin.Paragraph(t.UnitName, Bulletin.FangSong, Bulletin.Size3, JustificationValues.Right, spacingBefore: 600, indentRight: 640));
            body.Append(Bulletin.Paragraph(Bulletin.Chinese(t.AsOf), Bulletin.FangSong, Bulletin.Size3, JustificationValues.Right, indentRight: 640));
            body.Append(Bulletin.PageSetup(main));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
