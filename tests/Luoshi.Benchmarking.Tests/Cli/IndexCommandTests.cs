using System.Globalization;

namespace Luoshi.Benchmarking.Tests.Cli;

public sealed class IndexCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("luoshi-index-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IndexCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private (string Data, string Meta) Pair() => (
        Write("data.csv", "uCode,uName,GDP,a,b,c\nX,X市,10,1,10,5\nY,Y市,20,3,30,4\nZ,Z市,40,2,20,NA\n"),
        Write("meta.csv", "iCode,Level,Parent,Direction,Weight,Type,Denominator\na,1,P1,1,1,Indicator,GDP\nb,1,P1,1,1,Indicator,\nc,1,P2,-1,1,Indicator,\nP1,2,Index,1,2,Aggregate,\nP2,2,Index,1,1,Aggregate,\nIndex,3,,1,1,Aggregate,\nGDP,,,,,Denominator,\n"));

    [Fact]
    public void TheCommandWritesCoinrResultsWithFullPrecision()
    {
        var (data, meta) = Pair();
        var output = Path.Combine(_dir, "results.csv");
        var (code, _, err) = Run("--data", data, "--meta", meta, "--out", output);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        Assert.Equal("uCode,Rank,Index,P1,P2", lines[0]);
        // Y: a and b are the maximum (100, 100), c is the minimum 4 → 100; Index = 100.
        Assert.Equal("Y,1,100,100,100", lines[1]);
        // X: P1 = (0 + 0)/2, P2 = (5 − 5)/(5 − 4) → 0; Z: P1 = (50 + 50)/2 = 50, P2 missing → Index = 50.
        var z = lines.Single(l => l.StartsWith("Z,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["Z", "2", "50", "50", "NA"], z);
        Assert.Equal(0, double.Parse(lines[^1].Split(',')[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DenominationAndOtherOptionsChangeTheResult()
    {
        var (data, meta) = Pair();
        var output = Path.Combine(_dir, "den.csv");
        Assert.Equal(0, Run("--data", data, "--meta", meta, "--denominate", "--normalise", "minmax:1:100", "--aggregate", "gmean", "--out", output).Code);
        // a/GDP: X 0.1, Y 0.15, Z 0.05 → X is no longer the minimum of a.
        var x = File.ReadAllLines(output).Single(l => l.StartsWith("X,", StringComparison.Ordinal)).Split(',');
        var p1 = Math.Sqrt(50.5 * 1);
        Assert.Equal(p1, double.Parse(x[3], CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public void WithoutOutTheCommandPrintsAReadableTable()
    {
        var (data, meta) = Pair();
        var (code, output, _) = Run("--data", data, "--meta", meta);
        Assert.Equal(0, code);
        Assert.StartsWith("uCode", output, StringComparison.Ordinal);
        Assert.Contains("100.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcelOutputHoldsTheSameNumbers()
    {
        var (data, meta) = Pair();
        var output = Path.Combine(_dir, "results.xlsx");
        Assert.Equal(0, Run("--data", data, "--meta", meta, "--out", output).Code);
        var rows = MiniExcelLibs.MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Y", rows[0]["uCode"]);
        Assert.Equal(100.0, Convert.ToDouble(rows[0]["Index"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void HelpPrintsUsageAndSucceeds()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("luoshi index", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--normalise", "box")]
    [InlineData("--aggregate", "median")]
    [InlineData("--impute", "magic")]
    [InlineData("--bogus", "1")]
    public void BadArgumentsExitWithCodeTwoAndAMessage(string option, string value)
    {
        var (data, meta) = Pair();
        var (code, _, err) = Run("--data", data, "--meta", meta, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFilesExitWithCodeTwo() => Assert.Equal(2, Run("--data", Path.Combine(_dir, "none.csv"), "--meta", "x.csv").Code);

    [Fact]
    public void ABadDataFileIsReportedByRowAndExitsWithCodeOne()
    {
        var (_, meta) = Pair();
        var data = Write("bad.csv", "uCode,GDP,a,b,c\nX,1,1,2,x\nY,2,3,4,5\n");
        var (code, _, err) = Run("--data", data, "--meta", meta);
        Assert.Equal(1, code);
        Assert.Contains("第2行", err, StringComparison.Ordinal);
    }
}
