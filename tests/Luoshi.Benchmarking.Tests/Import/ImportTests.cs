namespace Luoshi.Benchmarking.Tests.Import;

public sealed class ImportTests
{
    private const string Meta = """
        iCode,Parent,Weight,Type,Direction
        a,P,1,Indicator,1
        b,P,1,Indicator,-1
        P,Index,1,Aggregate,
        Index,,1,Aggregate,
        EurAsia_group,,,Group,
        """;

    private static Framework Framework() => FrameworkImport.Read(Csv.Parse(Meta)).Value!;

    private static ImportResult<DataSet> Data(string csv) => DataImport.Read(Csv.Parse(csv), Framework());

    [Fact]
    public void AFileOfMoreRowsThanAnyBoardHasIsRefusedWhileItIsRead()
    {
        var csv = "uCode,a,b\n" + string.Concat(Enumerable.Range(0, TextTable.MaxRows + 1).Select(i => $"U{i},1,2\n"));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var result = DataImport.Read(stream, "data.csv", Framework());
        Assert.Null(result.Value);
        Assert.Contains("行，不是指标体系或对标数据应有的规模", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExcelSheetPastTheRowBoundIsRefusedWithoutReadingItAll()
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, Enumerable.Range(0, TextTable.MaxRows + 50).Select(i => new { iCode = "i" + i, Parent = "Index", Weight = 1 }));
        stream.Position = 0;
        var result = FrameworkImport.Read(stream, "meta.xlsx");
        Assert.Null(result.Value);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void RowsOfOtherTypesInCoinrMetadataAreIgnored()
    {
        var framework = Framework();
        Assert.Equal(["a", "b"], framework.Indicators.Select(i => i.Code));
        Assert.Equal(["Index", "P"], framework.Aggregates.Select(a => a.Code));
    }

    [Fact]
    public void ANonNumericCellIsReportedWithItsRowAndColumnAndNothingIsImported()
    {
        var result = Data("uCode,a,b\nX,1,2\nY,abc,3\n");
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "a"), (error.Row, error.Column));
        Assert.Contains("不是数字", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaAndEmptyCellsAreMissingAndExtraColumnsAreKeptAsAttributes()
    {
        var data = Data("uCode,uName,a,b,EurAsia_group,Area\nX,Xland,1,NA,Asia,5\nY,Yland,2,,Europe,6\nZ,Zland,3,4,Asia,7\n").Value!;
        Assert.True(double.IsNaN(data.Value("X", "b", DataSet.NoYear)));
        Assert.Equal("Asia", data.Units[0].Attributes["EurAsia_group"]);
        Assert.Equal("Xland", data.Units[0].Name);
    }

    [Fact]
    public void AnUnknownIndicatorInTheLongFormIsReported()
    {
        var error = Assert.Single(Data("单位,指标,年份,数值\nX,a,2024,1\nX,zz,2024,2\n").Errors);
        Assert.Equal((3, "指标"), (error.Row, error.Column));
    }

    [Fact]
    public void LongAndWideFormsGiveTheSameData()
    {
        var wide = Data("uCode,Time,a,b\nX,2024,1,2\nY,2024,3,5\n").Value!;
        var longForm = Data("unit,indicator,year,value\nX,a,2024,1\nX,b,2024,2\nY,a,2024,3\nY,b,2024,5\n").Value!;
        foreach (var (u, i) in new[] { ("X", "a"), ("X", "b"), ("Y", "a"), ("Y", "b") })
        {
            Assert.Equal(wide.Value(u, i, 2024), longForm.Value(u, i, 2024));
        }
    }

    [Fact]
    public void AnExcelFileReadsLikeTheSameCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        try
        {
            MiniExcelLibs.MiniExcel.SaveAs(path, new[]
            {
                new Dictionary<string, object> { ["uCode"] = "X", ["a"] = 0.1 + 0.2, ["b"] = 2.0 },
                new Dictionary<string, object> { ["uCode"] = "Y", ["a"] = 3.0, ["b"] = 5.0 },
            });
            var data = DataImport.Read(path, Framework()).Value!;
            Assert.Equal(0.1 + 0.2, data.Value("X", "a", DataSet.NoYear));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AConstantIndicatorAndAUnitWithoutDataAreReported()
    {
        var errors = Data("uCode,a,b\nX,1,2\nY,1,3\nZ,NA,NA\n").Errors;
        Assert.Contains(errors, e => e.Column == "a" && e.Message.Contains("取值相同", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Message.Contains("没有任何指标数据", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("iCode,Parent,Weight,Type\na,P,1,Indicator\nP,Q,1,Aggregate\nQ,P,1,Aggregate\nR,,1,Aggregate\nb,R,1,Indicator\n", "循环")]
    [InlineData("iCode,Parent,Weight,Type\na,Nowhere,1,Indicator\nIndex,,1,Aggregate\nb,Index,1,Indicator\n", "孤立")]
    [InlineData("iCode,Parent,Weight,Type\na,Index,0,Indicator\nb,Index,0,Indicator\nIndex,,1,Aggregate\n", "权重全为 0")]
    [InlineData("iCode,Parent,Weight,Type\na,Index,x,Indicator\nIndex,,1,Aggregate\n", "不是数字")]
    [InlineData("iCode,Parent,Weight,Type,Direction\na,Index,1,Indicator,2\nIndex,,1,Aggregate,\n", "方向")]
    public void ABrokenHierarchyIsReportedWithTheOffendingRow(string meta, string expected)
    {
        var result = FrameworkImport.Read(Csv.Parse(meta));
        Assert.Null(result.Value);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Row >= 2);
    }

    [Fact]
    public void WithoutATypeColumnLeavesAreIndicatorsAndParentsAreAggregates()
    {
        var framework = FrameworkImport.Read(Csv.Parse("代码,上级,权重,方向,标准值\n总指数,,1,,\n甲,总指数,1,1,500\n乙,总指数,2,-1,\n")).Value!;
        Assert.Equal(["甲", "乙"], framework.Indicators.Select(i => i.Code));
        Assert.Equal(500, framework.Indicators[0].StandardValue);
        Assert.Equal(-1, framework.Indicators[1].Direction);
    }
}
