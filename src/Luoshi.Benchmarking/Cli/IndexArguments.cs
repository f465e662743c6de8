using System.Globalization;

namespace Luoshi.Benchmarking;

/// <summary>The parsed command line of `luoshi index`, or the reason it could not be parsed.</summary>
internal sealed record IndexArguments(string Data, string Meta, IndexOptions Options, string? Out)
{
    public static (IndexArguments? Arguments, string? Error) Parse(string[] args)
    {
        string? data = null, meta = null, output = null;
        var options = new IndexOptions();
        for (var k = 0; k < args.Length; k++)
        {
            var name = args[k];
            if (name is "--denominate" or "--treat")
            {
                options = name == "--denominate" ? options with { Denominate = true } : options with { Treatment = new TreatmentOptions() };
                continue;
            }

            if (name is not ("--data" or "--meta" or "--out" or "--impute" or "--group" or "--normalise" or "--aggregate" or "--year"))
            {
                return (null, $"未知参数：{name}");
            }

            if (k + 1 >= args.Length || args[k + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"参数 {name} 缺少取值。");
            }

            var value = args[++k];
            switch (name)
            {
                case "--data": data = value; break;
                case "--meta": meta = value; break;
                case "--out": output = value; break;
                case "--group": options = options with { ImputationGroup = value }; break;
                case "--impute":
                    Imputation? imputation = value switch { "none" => Imputation.None, "group-mean" => Imputation.GroupMean, "previous-year" => Imputation.PreviousYear, _ => null };
                    if (imputation is null)
                    {
                        return (null, $"--impute 的取值“{value}”无效：应为 none、group-mean 或 previous-year。");
                    }

                    options = options with { Imputation = imputation.Value };
                    break;
                case "--normalise":
                    var spec = Normalisation.Parse(value);
                    if (spec is null)
                    {
                        return (null, $"--normalise 的取值“{value}”无效：应为 minmax:L:U（L<U）、zscore、rank、ref:单位 或 target。");
                    }

                    options = options with { Normalisation = spec };
                    break;
                case "--aggregate":
                    if (value is not ("amean" or "gmean"))
                    {
                        return (null, $"--aggregate 的取值“{value}”无效：应为 amean 或 gmean。");
                    }

                    options = options with { Aggregation = value == "gmean" ? AggregationMethod.GeometricMean : AggregationMethod.ArithmeticMean };
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
                    {
                        return (null, $"--year 的取值“{value}”不是整数。");
                    }

                    options = options with { Year = year };
                    break;
            }
        }

        if (data is null || meta is null)
        {
            return (null, "必须给出 --data 和 --meta。");
        }

        if (output is not null && Path.GetExtension(output).ToLowerInvariant() is not (".csv" or ".xlsx"))
        {
            return (null, $"--out 须为 .csv 或 .xlsx 文件：{output}");
        }

        return (new IndexArguments(data, meta, options, output), null);
    }
}
