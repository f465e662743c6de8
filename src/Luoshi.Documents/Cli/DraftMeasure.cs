using System.Globalization;

namespace Luoshi.Documents;

/// <summary>
/// <c>luoshi outline --measure DIR</c>: reads every annotation in DIR, runs the reader on the
/// document it names and prints, per document and overall, the outline match, the precision and
/// recall of ticked drafts, and how often the lead unit, deadline and target are right.
/// </summary>
internal static class DraftMeasure
{
    public static int Run(string dir, IReadOnlyList<string> searchDirs, TextWriter stdout, TextWriter stderr)
    {
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.expect").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            stderr.WriteLine($"{dir} 中没有 .expect 标注文件。");
            return OutlineCommand.BadInput;
        }

        var total = new Score();
        stdout.WriteLine("| 文件 | 提纲 | 勾选 | 应建 | 命中 | 准确率 | 召回率 | 牵头单位 | 时限 | 目标 |");
        stdout.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var file in files)
        {
            Annotation annotation;
            string path;
            try
            {
                annotation = Annotation.Read(file);
                path = new[] { Path.GetDirectoryName(file)! }.Concat(searchDirs).Select(d => Path.Combine(d, annotation.Document)).FirstOrDefault(File.Exists)
                    ?? throw new FormatException($"{file}: 找不到 {annotation.Document}（用 --in 指明所在目录）");
            }
            catch (FormatException e)
            {
                stderr.WriteLine(e.Message);
                return OutlineCommand.BadInput;
            }

            var score = Measure(annotation, OutlineParser.Parse(DocumentReader.Read(path)));
            total.Add(score);
            stdout.WriteLine($"| {annotation.Document} | {score.Row()}");
        }

        stdout.WriteLine($"| 合计 | {total.Row()}");
        return OutlineCommand.Ok;
    }

    public static Score Measure(Annotation annotation, Outline outline)
    {
        var score = new Score();
        MeasureOutline(annotation.Outline, [.. outline.AllNodes()], score);
        var drafts = (annotation.Minutes ? MinutesReader.Read(outline).Items.Select(i => i.Draft) : DraftTaskExtractor.Extract(outline)).ToList();
        var used = new bool[drafts.Count];
        score.Ticked = drafts.Count(d => d.Ticked);
        foreach (var expected in annotation.Drafts)
        {
            var prefix = Normal(expected.TitlePrefix);
            var at = drafts.FindIndex(d => !used[drafts.IndexOf(d)] && Normal(d.Title).StartsWith(prefix, StringComparison.Ordinal));
            if (at < 0)
            {
                score.Expected += expected.Ticked ? 1 : 0;
                continue;
            }

            used[at] = true;
            var draft = drafts[at];
            if (!expected.Ticked)
            {
                continue;
            }

            score.Expected++;
            score.Hits += draft.Ticked ? 1 : 0;
            score.Lead.Count(expected.Lead, Lead(draft));
            score.Due.Count(expected.Due, draft.Deadlines.Select(d => d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).FirstOrDefault(d => d is not null));
            score.Target.Count(expected.Target, draft.Targets.Count > 0 ? draft.Targets[0].Phrase : null);
        }

        return score;
    }

    private static string? Lead(DraftTask draft) =>
        draft.Units.FirstOrDefault(u => u.Role == UnitRole.Lead)?.Name ?? draft.Units.FirstOrDefault(u => u.Role == UnitRole.Responsible)?.Name;

    /// <summary>In order: an expected node counts when the next nodes of the outline hold it at its level.</summary>
    private static void MeasureOutline(IReadOnlyList<ExpectedNode> expected, IReadOnlyList<OutlineNode> actual, Score score)
    {
        var from = 0;
        foreach (var node in expected)
        {
            var at = -1;
            for (var i = from; i < actual.Count && at < 0; i++)
            {
                if (actual[i].Level == node.Level && Normal(actual[i].Number) == Normal(node.Number) && Normal(actual[i].Title).StartsWith(Normal(node.TitlePrefix), StringComparison.Ordinal))
                {
                    at = i;
                }
            }

            if (at >= 0)
            {
                score.OutlineMatched++;
                from = at + 1;
            }
        }

        score.OutlineExpected += expected.Count;
        score.OutlineActual += actual.Count;
    }

    private static string Normal(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
