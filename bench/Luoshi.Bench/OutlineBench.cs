using System.Diagnostics;
using System.Globalization;
using System.Text;
using Luoshi.Documents;

namespace Luoshi.Bench;

/// <summary>
/// How fast a document becomes an outline and draft tasks: a 1 MB plan written here (numbered
/// headings four levels deep, targets, deadlines, responsible units), and, where ../shared is
/// beside the checkout, the five real seed documents repeated to 1 MB.
/// </summary>
internal static class OutlineBench
{
    public static void Run(int megabytes)
    {
        var target = megabytes * 1024 * 1024;
        Console.WriteLine("| document | size | read (txt) ms | outline ms | drafts ms | total ms | MB/s | items | drafts |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Measure("synthetic plan", Synthetic(target));
        if (Seeds(target) is { } seeds)
        {
            Measure("seed documents, repeated", seeds);
        }
    }

    private static void Measure(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var read = new List<double>();
        var parse = new List<double>();
        var draft = new List<double>();
        Outline? outline = null;
        IReadOnlyList<DraftTask> drafts = [];
        for (var i = 0; i < 23; i++)
        {
            var clock = Stopwatch.StartNew();
            var read1 = DocumentReader.Read(new MemoryStream(bytes), "plan.txt");
            var t1 = clock.Elapsed.TotalMilliseconds;
            outline = OutlineParser.Parse(read1);
            var t2 = clock.Elapsed.TotalMilliseconds;
            drafts = DraftTaskExtractor.Extract(outline);
            var t3 = clock.Elapsed.TotalMilliseconds;
            if (i >= 3)
            {
                read.Add(t1);
                parse.Add(t2 - t1);
                draft.Add(t3 - t2);
            }
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var total = Median(read) + Median(parse) + Median(draft);
        var megabytes = bytes.Length / 1024d / 1024d;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {megabytes:F2} MB | {Median(read):F1} | {Median(parse):F1} | {Median(draft):F1} | {total:F1} | {megabytes / (total / 1000):F1} | {outline!.AllNodes().Count():N0} | {drafts.Count:N0} |"));
    }

    private static readonly string[] Chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static string Synthetic(int bytes)
    {
        var text = new StringBuilder("2026年全市科技创新工作要点\n");
        var part = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
        {
            part++;
            text.Append(CultureInfo.InvariantCulture, $"{Number(part)}、围绕第{part}个重点领域持续发力\n");
            for (var s = 1; s <= 6; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"（{Number(s)}）推进第{s}项重点工作。坚持问题导向，加强统筹协调，确保各项措施落到实处。\n");
                for (var k = 1; k <= 5; k++)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"{k}. 新增科技型企业不少于{10 * k}家，年度研发投入增长{k}%，{k + 2}月底前完成阶段目标，年底前全面完成。（牵头单位：市科技局；配合单位：市财政局、市发展改革委）\n");
                }
            }

            if (part == 99)
            {
                part = 0;
            }
        }

        return text.ToString();
    }

    private static string Number(int n) => n switch
    {
        <= 10 => n == 10 ? "十" : Chinese[n - 1],
        < 20 => "十" + Chinese[n - 11],
        _ => Chinese[(n / 10) - 1] + "十" + (n % 10 == 0 ? "" : Chinese[(n % 10) - 1]),
    };

    private static string? Seeds(int bytes)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "seeds");
        folder = Environment.GetEnvironmentVariable("LUOSHI_SHARED") is { } shared ? Path.Combine(shared, "seeds") : folder;
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var one = string.Join("\n", Directory.GetFiles(folder, "*.txt").Order().Select(File.ReadAllText));
        var text = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
        {
            text.Append(one).Append('\n');
        }

        return text.ToString();
    }
}
