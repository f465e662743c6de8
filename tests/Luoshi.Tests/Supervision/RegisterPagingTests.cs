using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Supervision;

/// <summary>The 督办台账 paged by cursor on both databases (every row once, back and forth, with
/// filters; a made-up cursor refused), and its Excel with every row the filters select.</summary>
public class RegisterPagingTests
{
    private static readonly DateOnly Today = TestApp.Today;

    /// <summary>130 sheets, alternately on a task of section A and of B, the oldest first; every
    /// third one past its reply date.</summary>
    private static async Task<List<long>> SheetsAsync(Bureau b, int numbersFrom = 1000)
    {
        var taskA = await b.TaskAsync(b.SectionA, Today.AddDays(-200), Today.AddDays(30));
        var taskB = await b.TaskAsync(b.SectionB, Today.AddDays(-200), Today.AddDays(30));
        return await b.WithDbAsync(async d =>
        {
            var steps = Enumerable.Range(1, 130).Select(i => new EscalationStep
            {
                UnitId = b.UnitId, TaskId = i % 2 == 0 ? taskA.Id : taskB.Id, Deadline = DeadlineKind.Manual, DueOn = Today.AddDays(-150 + i),
                Step = StepKind.Supervise, RaisedOn = Today.AddDays(-150 + i), RaisedAt = DateTime.UtcNow, Year = Today.Year, Sequence = numbersFrom + i,
                Facts = "测试", Source = StepSource.Manual, Message = $"第{i}份",
                ReplyDueBy = i % 3 == 0 ? Today.AddDays(-1) : Today.AddDays(3),
            }).ToList();
            // Inserted in the order they were raised, so ids follow it.
            d.EscalationSteps.AddRange(steps);
            await d.SaveChangesAsync();

            return steps.Select(s => s.Id).ToList();
        });
    }

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

    private static string? Cursor(JsonElement page, string name) => page.GetProperty(name).ValueKind == JsonValueKind.Null ? null : page.GetProperty(name).GetString();

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheRegisterPagesByCursorEveryRowOnceBackAndForthAndWithFilters(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var ids = await SheetsAsync(b);
        var admin = await b.ApiAsync("admin");
        async Task<JsonElement> GetAsync(string query) => await (await admin.GetAsync("/api/sheets" + query)).ReadJsonAsync();

        var first = await GetAsync("");
        Assert.Equal(130, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Null(Cursor(first, "previous"));
        var second = await GetAsync("?cursor=" + Uri.EscapeDataString(Cursor(first, "next")!));
        var third = await GetAsync("?cursor=" + Uri.EscapeDataString(Cursor(second, "next")!));
        Assert.Equal([50, 50, 30], new[] { first, second, third }.Select(p => Ids(p).Count));
        Assert.Equal(3, third.GetProperty("page").GetInt32());
        Assert.Null(Cursor(third, "next"));
        Assert.Equal(ids.OrderDescending(), Ids(first).Concat(Ids(second)).Concat(Ids(third)));

        // Back: page 3 → page 2 as it was, page 2 → page 1 whole.
        var back = await GetAsync("?cursor=" + Uri.EscapeDataString(Cursor(third, "previous")!));
        Assert.Equal(Ids(second), Ids(back));
        Assert.Equal(2, back.GetProperty("page").GetInt32());
        var top = await GetAsync("?cursor=" + Uri.EscapeDataString(Cursor(back, "previous")!));
        Assert.Equal(Ids(first), Ids(top));
        Assert.Null(Cursor(top, "previous"));

        // A sheet raised meanwhile appears on page 1 and does not shift the later pages.
        var newer = await SheetsAsync(b, numbersFrom: 2000);
        Assert.Equal(Ids(second), Ids(await GetAsync("?cursor=" + Uri.EscapeDataString(Cursor(first, "next")!))));
        Assert.Equal(newer.OrderDescending().Take(50), Ids(await GetAsync("")));

        // Filters hold across pages: section B's overdue sheets, newest first, all of them once.
        var sectionB = (await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.Step == StepKind.Supervise && s.ReplyDueBy < Today)
            .Join(d.Tasks.Where(t => t.LeadSectionId == b.SectionB), s => s.TaskId, t => t.Id, (s, t) => s.Id).ToListAsync()))
            .OrderDescending().ToList();
        var seen = new List<long>();
        for (var cursor = ""; ;)
        {
            var page = await GetAsync($"?state=Overdue&sectionId={b.SectionB}{(cursor.Length > 0 ? "&cursor=" + Uri.EscapeDataString(cursor) : "")}");
            Assert.Equal(sectionB.Count, page.GetProperty("total").GetInt32());
            seen.AddRange(Ids(page));
            if (Cursor(page, "next") is not { } next)
            {
                break;
            }

            cursor = next;
        }

        Assert.Equal(sectionB, seen);
        Assert.True(sectionB.Count > 10);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AMadeUpOrEditedCursorIsRefusedByTheApiAndShowsTheFirstPageOnThePage(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var ids = await SheetsAsync(b);
        var admin = await b.ApiAsync("admin");
        var next = Cursor(await (await admin.GetAsync("/api/sheets")).ReadJsonAsync(), "next")!;
        var edited = next[..^3] + (next[^3] == 'A' ? "B" : "A") + next[^2..];
        foreach (var forged in new[] { "12345", edited, "a:1:2", new string('x', 401) })
        {
            var problem = await (await admin.GetAsync("/api/sheets?cursor=" + Uri.EscapeDataString(forged))).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("提交的内容有误", problem.GetProperty("title").GetString());
            Assert.NotEmpty(problem.ErrorsOf("cursor"));
        }

        // The cursor of one person's register read by another only positions his own list: nothing of the first shows.
        var headB = await (await (await b.ApiAsync("headB")).GetAsync("/api/sheets?cursor=" + Uri.EscapeDataString(next))).ReadJsonAsync();
        Assert.All(Ids(headB), id => Assert.True(id < ids.Max()));

        var pages = await b.PagesAsync("admin");
        var html = await pages.GetHtmlAsync("/Supervision/Register?cursor=" + Uri.EscapeDataString(edited));
        Assert.Contains(SheetRegister.BadCursor, html);
        Assert.Contains("第 1 页", html);
        Assert.Contains($"督办〔{Today.Year}〕1130号", html);
        // The page's own 下一页 link works and keeps the filter.
        var filtered = await pages.GetHtmlAsync($"/Supervision/Register?section={b.SectionA}");
        var link = System.Text.RegularExpressions.Regex.Match(filtered, "href=\"(\\?[^\"]+)\" rel=\"next\"").Groups[1].Value;
        var page2 = await pages.GetHtmlAsync("/Supervision/Register" + WebUtility.HtmlDecode(link));
        Assert.Contains("第 2 页", page2);
        Assert.DoesNotContain(SheetRegister.BadCursor, page2);
        Assert.Contains($"督办〔{Today.Year}〕1030号", page2);
        Assert.DoesNotContain($"督办〔{Today.Year}〕1029号", page2);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheExcelHoldsEveryFilteredRowWithRealDatesAndOverdueInRed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var ids = await SheetsAsync(b);
        var pages = await b.PagesAsync("admin");
        var response = await pages.GetAsync("/Supervision/Register?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var worksheet = part.WorksheetParts.Single().Worksheet!;
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(131, rows.Count);
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        Assert.Equal(["序号", "督办单编号", "状态", "督办事项", "承办科室", "责任人", "来源", "发出日期", "反馈时限", "督办意见", "阅读情况"], rows[0].Elements<Cell>().Select(Text));
        var newest = rows[1].Elements<Cell>().ToList();
        Assert.Equal($"督办〔{Today.Year}〕1130号", Text(newest[1]));
        Assert.Equal("第130份", Text(newest[9]));
        // 发出日期 is Excel's day number with the formal format.
        var formats = part.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var dateFormat = part.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == formats[(int)newest[7].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal("yyyy\"年\"m\"月\"d\"日\"", dateFormat.FormatCode!.Value);
        Assert.Equal(DateTime.FromOADate(double.Parse(Text(newest[7]), System.Globalization.CultureInfo.InvariantCulture)), Today.AddDays(-20).ToDateTime(TimeOnly.MinValue));
        // Sheet 129 (a multiple of three) is overdue: its state reads 逾期 on a red fill.
        var overdue = rows.Single(r => Text(r.Elements<Cell>().ElementAt(1)) == $"督办〔{Today.Year}〕1129号").Elements<Cell>().ToList();
        Assert.Equal("逾期", Text(overdue[2]));
        Assert.Equal(3u, formats[(int)overdue[2].StyleIndex!.Value].FillId!.Value);
        Assert.Equal(43, rows.Count(r => Text(r.Elements<Cell>().ElementAt(2)) == "逾期"));
        // Frozen heading, landscape.
        Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(OrientationValues.Landscape, worksheet.GetFirstChild<PageSetup>()!.Orientation!.Value);

        // The filters of the page: only section A's, and MiniExcel reads it as well.
        var sectionA = await pages.GetAsync($"/Supervision/Register?handler=Excel&section={b.SectionA}");
        var read = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await sectionA.Content.ReadAsByteArrayAsync()), useHeaderRow: true).ToList();
        Assert.Equal(65, read.Count);
        Assert.Equal(ids.Count, rows.Count - 1);
    }

    [Fact]
    public async Task AnExportLongerThanItsLimitSaysSoInItsLastLine()
    {
        static async IAsyncEnumerable<SheetRow> Rows()
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Yield();
                yield return new SheetRow(i, $"督办〔2026〕{i}号", 1, "任务", "科室", null, StepSource.Auto, Today, null, Luoshi.Features.Supervision.SheetView.Issued, null);
            }
        }

        using var stream = new MemoryStream();
        await RegisterWorkbook.WriteAsync(stream, Rows(), CancellationToken.None, limit: 3);
        var read = MiniExcelLibs.MiniExcel.Query(new MemoryStream(stream.ToArray())).ToList();
        Assert.Equal(5, read.Count);
        Assert.StartsWith("以上为前3行", (string)((IDictionary<string, object>)read[^1])["A"]);
    }

    [Fact]
    public async Task TheRegisterPageReadsItsSheetsAndTheirReadersThroughOneContext()
    {
        var b = await Bureau.CreateAsync("sqlite");
        await using var scope = b.App.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredKeyedService<SheetRegister>(Luoshi.Data.ReadDb.Key);
        var read = scope.ServiceProvider.GetRequiredService<Luoshi.Data.ReadDb>();

        // Wiring, seen from outside: the register's context and its readers' context are the scope's read context.
        static object Held(object holder, Type type) => holder.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Single(f => type.IsAssignableFrom(f.FieldType)).GetValue(holder)!;
        Assert.Same(read, Held(register, typeof(Luoshi.Data.LuoshiDb)));
        Assert.Same(read, Held(Held(register, typeof(SheetArrival)), typeof(Luoshi.Data.LuoshiDb)));
    }
}
