using System.Net;
using Luoshi.Features.Imports;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Tasks;

/// <summary>The task page shows the paragraph of the imported document the task came from, reading
/// only that stretch of the document on PostgreSQL; a character beyond the BMP before the sentence
/// (where characters and UTF-16 offsets part) still gives the same paragraph.</summary>
public class SourceExcerptPageTests
{
    [Theory]
    [InlineData("sqlite", "")]
    [InlineData("postgres", "")]
    [InlineData("sqlite", "𠮷")]
    [InlineData("postgres", "𠮷")]
    public async Task TheTaskPageShowsTheSentenceInItsParagraph(string provider, string rare)
    {
        var b = await Bureau.CreateAsync(provider);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-10), TestApp.Today.AddDays(30));
        var filler = string.Concat(Enumerable.Repeat("各科室要按照职责分工抓好落实，确保各项任务按期完成。\n", 400));
        var paragraph = $"（三）{rare}加强科技创新。";
        const string Sentence = "年内新增省级重点实验室两家。";
        var text = filler + paragraph + Sentence + "同时做好中试基地建设。\n" + filler;
        var start = text.IndexOf(Sentence, StringComparison.Ordinal);
        await b.WithDbAsync(async db =>
        {
            var document = new SourceDocument { UnitId = b.UnitId, FileName = "要点.docx", Text = text, Sha256 = new string('0', 64), UploadedById = b.Person("admin"), UploadedAt = DateTime.UtcNow };
            db.SourceDocuments.Add(document);
            await db.SaveChangesAsync();
            var row = db.Tasks.Single(t => t.Id == task.Id);
            (row.SourceDocumentId, row.SourceStart, row.SourceEnd) = (document.Id, start, start + Sentence.Length);
            return await db.SaveChangesAsync();
        });

        var page = await (await b.PagesAsync("staffA")).GetHtmlAsync($"/Tasks/{task.Id}");

        // Razor writes a character beyond the BMP as a character reference.
        var shown = paragraph.Replace("𠮷", "&#x20BB7;", StringComparison.Ordinal);
        Assert.Contains($"<blockquote>{shown}<mark>{Sentence}</mark>同时做好中试基地建设。</blockquote>", page);
    }
}
