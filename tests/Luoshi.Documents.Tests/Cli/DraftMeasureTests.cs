namespace Luoshi.Documents.Tests.Cli;

public sealed class DraftMeasureTests
{
    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "bench", "drafts"));

    [Fact]
    public void TickedPrecisionRecallAndFieldsAreCountedAgainstTheAnnotation()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "plan.txt"), "一、指导思想\n坚持创新。\n二、重点任务\n（一）培育企业。新增高新技术企业50家，6月底前完成。（牵头单位：高新科）\n（二）建设平台。9月底前完成。");
            File.WriteAllText(Path.Combine(dir.FullName, "plan.expect"), "document plan.txt\noutline 1 一、 指导思想\noutline 1 二、 重点任务\nskip 指导思想\ntask 培育企业 | lead=高新科 | due=2026-06-30 | target=新增高新技术企业50家\ntask 建设平台 | lead=规划科 | due=2026-09-30\ntask 不存在的任务\n");

            var score = DraftMeasure.Measure(Annotation.Read(Path.Combine(dir.FullName, "plan.expect")), OutlineParser.Parse(File.ReadAllText(Path.Combine(dir.FullName, "plan.txt")) + "\n2026年"));

            Assert.Equal((2, 2), (score.OutlineMatched, score.OutlineExpected));
            Assert.Equal((2, 3, 2), (score.Ticked, score.Expected, score.Hits));
            // 建设平台 names no lead: the expected 规划科 is missed.
            Assert.Equal((1, 2), (score.Lead.Right, score.Lead.Counted));
            Assert.Equal((1, 1), (score.Target.Right, score.Target.Counted));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [SharedDataFact]
    public void TheAnnotatedSetMeetsItsGoals()
    {
        var output = new StringWriter();
        var code = OutlineCommand.Run(["outline", "--measure", Folder(), "--in", SharedData.Path("documents"), "--in", SharedData.Path("seeds")], output, TextWriter.Null);

        Assert.Equal(OutlineCommand.Ok, code);
        var total = output.ToString().Split('\n').Single(l => l.StartsWith("| 合计", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        Assert.True(double.Parse(total[6], System.Globalization.CultureInfo.InvariantCulture) >= 0.9, output.ToString());
        Assert.True(double.Parse(total[7], System.Globalization.CultureInfo.InvariantCulture) >= 0.9, output.ToString());
        foreach (var field in total[8..11])
        {
            Assert.True(double.Parse(field.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 0.9, output.ToString());
        }
    }
}
