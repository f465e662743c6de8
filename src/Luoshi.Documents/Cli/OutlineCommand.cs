using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luoshi.Documents;

/// <summary><c>luoshi outline FILE [--json]</c>: the app's command line dispatches here.</summary>
public static class OutlineCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private const string Usage = """
        用法：luoshi outline FILE [--json] [--minutes]
              luoshi outline --measure DIR [--in DIR]...
          读取 .txt（UTF-8 或 GBK）、.docx 或带文字层的 .pdf，打印其提纲（层级、序号、标题）。
          --json   以 JSON 输出提纲、草拟任务和删除的网页杂项
          --measure DIR  按 DIR 中的 .expect 标注逐份打印提纲匹配、勾选任务的准确率和召回率、
                         牵头单位/时限/目标的正确率；--in 指明被标注文件所在的目录
          --minutes  按会议纪要读取：会议名称、日期、纪要编号和每项议定事项（牵头、配合单位和时限）
          --help   显示本说明
        """;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.SkipWhile((a, i) => i == 0 && a == "outline").ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            stdout.WriteLine(Usage);
            return Ok;
        }

        if (rest.IndexOf("--measure") is var m and >= 0)
        {
            return Measure(rest, m, stdout, stderr);
        }

        var json = rest.Remove("--json");
        var minutes = rest.Remove("--minutes");
        if (rest.Count != 1 || rest[0].StartsWith('-'))
        {
            stderr.WriteLine(rest.Count == 0 ? "缺少文件名。" : $"无法理解的参数：{string.Join(' ', rest)}");
            stderr.WriteLine(Usage);
            return BadInput;
        }

        Outline outline;
        try
        {
            outline = OutlineParser.Parse(DocumentReader.Read(rest[0]));
        }
        catch (DocumentReadException e)
        {
            stderr.WriteLine($"无法读取 {rest[0]}：{e.Message}");
            return BadInput;
        }

        if (minutes)
        {
            var read = MinutesReader.Read(outline);
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(read, JsonOptions));
            }
            else
            {
                MinutesPrinter.Print(read, stdout);
            }
        }
        else if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(OutlineReport.Of(outline), JsonOptions));
        }
        else
        {
            OutlinePrinter.Print(outline, stdout);
        }

        return Ok;
    }

    private static int Measure(List<string> rest, int at, TextWriter stdout, TextWriter stderr)
    {
        var searchDirs = rest.Select((a, i) => (a, i)).Where(x => x.a == "--in" && x.i + 1 < rest.Count).Select(x => rest[x.i + 1]).ToList();
        if (at + 1 >= rest.Count || rest[at + 1].StartsWith('-'))
        {
            stderr.WriteLine("--measure 后面应是标注目录。");
            stderr.WriteLine(Usage);
            return BadInput;
        }

        return DraftMeasure.Run(rest[at + 1], searchDirs, stdout, stderr);
    }
}

/// <summary>What <c>--json</c> prints and the app's API returns; the text itself is left out (the caller has the file).</summary>
public sealed record OutlineReport(string? Title, int? Year, IReadOnlyList<OutlineNode> Items, IReadOnlyList<DroppedLine> Dropped, IReadOnlyList<DraftTask> Drafts)
{
    public static OutlineReport Of(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return new(outline.Title, outline.Year, outline.Items, outline.Dropped, DraftTaskExtractor.Extract(outline));
    }
}
