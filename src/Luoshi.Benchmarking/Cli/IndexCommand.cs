namespace Luoshi.Benchmarking;

/// <summary>
/// `luoshi index`: computes a composite index from a data file and a framework (metadata) file. Exit codes:
/// 0 done, 1 the files could not be read or the index not computed, 2 bad arguments.
/// </summary>
public static class IndexCommand
{
    public const string Usage = """
        用法：luoshi index --data DATA.csv --meta META.csv [--denominate] [--impute none|group-mean|previous-year]
                           [--group 分组列] [--treat] [--normalise minmax:L:U|zscore|rank|ref:UNIT|target]
                           [--aggregate amean|gmean] [--year 年份] [--out results.csv|results.xlsx]

          --data        指标数据（CSV 或 xlsx）：COINr 宽表（uCode + 每个指标一列），或长表（单位、指标、年份、数值）
          --meta        指标框架（COINr iMeta：iCode、Parent、Direction、Weight、Type）
          --denominate  按框架中的分母折算（数值 ÷ 分母）
          --impute      缺失值：none 不插补（汇总时跳过并重新分配权重）、group-mean 组均值（--group 指定分组列）、previous-year 上一年值
          --treat       异常值处理：|偏度|≥2 且峰度≥3.5 时缩尾（至多 5 个点），仍不满足则取对数
          --normalise   归一化，默认 minmax:0:100
          --aggregate   汇总：amean 加权算术平均（默认）、gmean 加权几何平均
          --year        计算的年份，默认数据中的最新年份
          --out         结果文件（uCode、Rank、各汇总项得分，全精度）；省略时在屏幕上打印结果表
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args.Any(a => a is "--help" or "-h"))
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var (arguments, error) = IndexArguments.Parse(args);
        if (arguments is null)
        {
            stderr.WriteLine(error);
            stderr.WriteLine(Usage);
            return 2;
        }

        foreach (var file in new[] { arguments.Data, arguments.Meta }.Where(f => !File.Exists(f)))
        {
            stderr.WriteLine($"文件不存在：{file}");
            return 2;
        }

        var framework = FrameworkImport.Read(arguments.Meta);
        if (!Report(framework.Errors, arguments.Meta, stderr))
        {
            return 1;
        }

        var data = DataImport.Read(arguments.Data, framework.Value!);
        if (!Report(data.Errors, arguments.Data, stderr))
        {
            return 1;
        }

        IndexResult result;
        try
        {
            result = CompositeIndex.Compute(framework.Value!, data.Value!, arguments.Options);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"无法计算：{e.Message.Split(" (Parameter")[0]}");
            return 1;
        }

        Write(result, arguments.Out, stdout);
        return 0;
    }

    private static bool Report(IReadOnlyList<ImportError> errors, string file, TextWriter stderr)
    {
        foreach (var e in errors)
        {
            stderr.WriteLine($"{file}：{e}");
        }

        return errors.Count == 0;
    }

    private static void Write(IndexResult result, string? path, TextWriter stdout)
    {
        if (path is null)
        {
            ResultWriter.Table(result, stdout);
        }
        else if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ResultWriter.Excel(result, path);
            stdout.WriteLine($"已写出 {result.Units.Count} 个单位的结果：{path}");
        }
        else
        {
            using (var writer = new StreamWriter(path))
            {
                ResultWriter.Csv(result, writer);
            }

            stdout.WriteLine($"已写出 {result.Units.Count} 个单位的结果：{path}");
        }
    }
}
