using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Luoshi.Features.Shared;

/// <summary>
/// The Chinese wording of the checks that come with the framework: binding a posted value
/// ("abc" in a number field) and DataAnnotations attributes written without an ErrorMessage.
/// A field is named by its <c>[Display(Name = "…")]</c>; a field without a Chinese name is
/// called 此项, so a property name never reaches a person.
/// </summary>
internal static class ChineseMessages
{
    public const string Unnamed = "此项";

    /// <summary>The field's name as a person reads it, or null when it has none in Chinese.</summary>
    public static string? NameIn(IEnumerable<object> attributes)
    {
        var name = attributes.OfType<DisplayAttribute>().Select(d => d.GetName()).FirstOrDefault(n => n is not null)
            ?? attributes.OfType<DisplayNameAttribute>().Select(d => d.DisplayName).FirstOrDefault();
        return IsChinese(name) ? name : null;
    }

    /// <summary>Framework code passes the property name when there is no display name: that is not for people.</summary>
    public static string Named(string? name) => IsChinese(name) ? name! : Unnamed;

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>A format for <see cref="ValidationAttribute.FormatErrorMessage"/>: {0} is the field's
    /// name; the attribute's own values follow ({1}, {2}) as each attribute passes them.</summary>
    public static string Template(ValidationAttribute? attribute, string? name)
    {
        var field = name ?? Unnamed;
        return attribute switch
        {
            RequiredAttribute => name is null ? "此项必须填写" : "请填写{0}",
            RangeAttribute => field + "应在{1}到{2}之间",
            StringLengthAttribute { MinimumLength: > 0 } => field + "应为{2}到{1}个字",
            StringLengthAttribute or MaxLengthAttribute => field + "不能超过{1}个字",
            MinLengthAttribute => field + "至少{1}个字",
            EmailAddressAttribute => field + "不是有效的邮箱地址",
            PhoneAttribute => field + "不是有效的电话号码",
            UrlAttribute => field + "应为以 http:// 或 https:// 开头的完整网址",
            CompareAttribute => field + "与另一处填写的不一致",
            RegularExpressionAttribute => field + "的格式不正确",
            _ => field + "填写的内容无效",
        };
    }

    /// <summary>Messages for values that cannot be bound at all; <paramref name="name"/> is the field's
    /// Chinese name when the metadata knows it (per property), else the name the framework passes is vetted.</summary>
    public static void Apply(DefaultModelBindingMessageProvider messages, string? name = null)
    {
        string Field(string? given) => name ?? Named(given);
        messages.SetMissingBindRequiredValueAccessor(f => $"请填写{Field(f)}");
        messages.SetMissingKeyOrValueAccessor(() => "缺少必填的值");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        messages.SetValueMustNotBeNullAccessor(_ => $"请填写{name ?? Unnamed}");
        messages.SetAttemptedValueIsInvalidAccessor((value, f) => $"{Field(f)}填写的“{value}”格式不正确");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"填写的“{value}”格式不正确");
        messages.SetUnknownValueIsInvalidAccessor(f => $"{Field(f)}格式不正确");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的内容格式不正确");
        messages.SetValueIsInvalidAccessor(value => $"填写的“{value}”无效");
        messages.SetValueMustBeANumberAccessor(f => $"{Field(f)}应填写数字");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项应填写数字");
    }
}
