using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Luoshi.Features.Shared;

/// <summary>
/// Every ProblemDetails the API sends says its title in Chinese, including the ones the framework
/// writes itself (status-code pages, the validation of request records by <c>AddValidation()</c>),
/// and the framework's English validation messages become the Chinese ones the pages use.
/// .NET 10's minimal-API validation has no hook for its messages, so they are reworded here, where
/// every problem passes on its way out.
/// </summary>
internal static partial class ChineseProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var key in validation.Errors.Keys.ToList())
            {
                validation.Errors[key] = [.. validation.Errors[key].Select(Reword)];
            }

            if (problem.Title is null || problem.Title.StartsWith("One or more validation errors", StringComparison.Ordinal))
            {
                problem.Title = "提交的内容有误";
            }
        }

        if (problem.Title is null || !problem.Title.Any(c => c > '\u2e80'))
        {
            problem.Title = TitleFor(problem.Status ?? context.HttpContext.Response.StatusCode);
        }
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "无权进行此操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        406 or 415 => "不支持此内容格式",
        409 => "与现有记录冲突",
        413 => "上传内容过大",
        422 => "提交的内容有误",
        429 => "请求过于频繁，请稍后再试",
        >= 500 => "系统出错",
        _ => "请求未能完成",
    };

    /// <summary>A DataAnnotations default message in the wording the pages use (<see cref="ChineseMessages.Template"/>); any other message is kept.</summary>
    public static string Reword(string message)
    {
        foreach (var (pattern, attribute) in Defaults)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var name = ChineseMessages.Named(match.Groups["f"].Value);
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, ChineseMessages.Template(attribute, name == ChineseMessages.Unnamed ? null : name),
                    name, match.Groups["a"].Value, match.Groups["b"].Value);
            }
        }

        return message;
    }

    // Each English default with an attribute of its kind, whose Chinese template says the same.
    private static readonly (Regex Pattern, ValidationAttribute? Attribute)[] Defaults =
    [
        (Required(), new RequiredAttribute()),
        (Range(), new RangeAttribute(0, 1)),
        (LengthBetween(), new StringLengthAttribute(2) { MinimumLength = 1 }),
        (MaxLength(), new MaxLengthAttribute()),
        (MinLength(), new MinLengthAttribute(1)),
        (Email(), new EmailAddressAttribute()),
        (Phone(), new PhoneAttribute()),
        (Url(), new UrlAttribute()),
        (Pattern(), new RegularExpressionAttribute(".*")),
        (Invalid(), null),
    ];

    [GeneratedRegex(@"^The (?<f>.+) field is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^The field (?<f>.+) must be between (?<a>.+) and (?<b>.+)\.$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^The field (?<f>.+) must be a string with a minimum length of (?<b>\d+) and a maximum length of (?<a>\d+)\.$")]
    private static partial Regex LengthBetween();

    [GeneratedRegex(@"^The field (?<f>.+) must be a string(?: or array type)? with a maximum length of '?(?<a>\d+)'?\.$")]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"^The field (?<f>.+) must be a string or array type with a minimum length of '(?<a>\d+)'\.$")]
    private static partial Regex MinLength();

    [GeneratedRegex(@"^The (?<f>.+) field is not a valid e-mail address\.$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^The (?<f>.+) field is not a valid phone number\.$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^The (?<f>.+) field is not a valid fully-qualified http, https, or ftp URL\.$")]
    private static partial Regex Url();

    [GeneratedRegex(@"^The field (?<f>.+) must match the regular expression '.*'\.$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^The field (?<f>.+) is invalid\.$")]
    private static partial Regex Invalid();
}
