using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Luoshi.Features.Shared;

/// <summary>
/// The limits every input keeps, whatever path it came by (form, API, import): the field's own
/// DataAnnotations, then text without control characters and within a length, dates in a sane range,
/// finite numbers and short enough lists. Pages and API both run these through the shared editors;
/// the API also runs them on every request argument (<see cref="BoundedInput"/>), because .NET 10's
/// AddValidation() does not see this app's internal request types.
/// </summary>
internal static class Bounds
{
    /// <summary>A text field with no [StringLength] of its own: a long report section, never a book.</summary>
    public const int MaxText = 4000;
    public const int MaxListItems = 200;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Beyond this, an amount is a typing slip (a trillion of any unit the bureau counts).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static FieldErrors Check(object? input, FieldErrors? problems = null, string prefix = "") => Check(input, problems, prefix, annotations: true);

    /// <summary>Without the DataAnnotations, for forms whose model binding has checked those already.</summary>
    public static FieldErrors CheckBeyondAnnotations(object? input, string prefix) => Check(input, null, prefix, annotations: false);

    private static FieldErrors Check(object? input, FieldErrors? problems, string prefix, bool annotations)
    {
        problems ??= new FieldErrors();
        Walk(input, problems, prefix, depth: 0, annotations);
        return problems;
    }

    /// <summary>Control characters other than newline, carriage return and tab: NUL breaks PostgreSQL, the rest break documents.</summary>
    public static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static string? Text(string? text, string label, int max = MaxText) =>
        text is null ? null
        : HasControl(text) ? $"{label}含有不允许的控制字符"
        : text.Length > max ? $"{label}不能超过{max}个字"
        : null;

    public static bool InRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    public static string? Value(object? value, string label, int maxText = MaxText) => value switch
    {
        string s => Text(s, label, maxText),
        DateOnly d when !InRange(d) => DateMessage(label),
        DateTime t when t.Year is < MinYear or > MaxYear => DateMessage(label),
        DateTimeOffset o when o.Year is < MinYear or > MaxYear => DateMessage(label),
        decimal m when Math.Abs(m) > MaxAmount => $"{label}数值超出范围",
        double x when !double.IsFinite(x) || Math.Abs(x) > (double)MaxAmount => $"{label}数值超出范围",
        float f when !float.IsFinite(f) || Math.Abs(f) > (float)MaxAmount => $"{label}数值超出范围",
        Enum e when !Enum.IsDefined(e.GetType(), e) => $"{label}的取值无效",
        _ => null,
    };

    private static string DateMessage(string label) => $"{label}应在{MinYear}年至{MaxYear}年之间";

    private static void Walk(object? input, FieldErrors problems, string prefix, int depth, bool annotations)
    {
        if (input is null || depth > 4)
        {
            return;
        }

        var results = new List<ValidationResult>();
        if (annotations && !Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                problems.Add(prefix + (result.MemberNames.FirstOrDefault() ?? ""), result.ErrorMessage ?? "取值无效");
            }
        }

        foreach (var (property, label, max, notNull) in FieldsOf(input.GetType()))
        {
            var field = prefix + property.Name;
            var value = property.GetValue(input);
            if (annotations && value is null && notNull)
            {
                // Declared non-nullable, so the feature code relies on it: JSON's null is a missing field. Forms bind
                // a blank field as null and their [Required] says so already.
                problems.Add(field, $"请填写{label}");
            }
            else if (Value(value, label, max) is { } message)
            {
                problems.Add(field, message);
            }
            else if (value is IEnumerable list and not string)
            {
                WalkList(list, label, problems, field, depth, annotations);
            }
            else if (IsInput(value))
            {
                Walk(value, problems, field + ".", depth + 1, annotations);
            }
        }
    }

    private static void WalkList(IEnumerable list, string label, FieldErrors problems, string field, int depth, bool annotations)
    {
        var index = 0;
        foreach (var item in list)
        {
            if (++index > MaxListItems)
            {
                problems.Add(field, $"{label}最多{MaxListItems}项");
                return;
            }

            if (Value(item, label) is { } message)
            {
                problems.Add(field, message);
                return;
            }

            if (IsInput(item))
            {
                Walk(item, problems, $"{field}[{index - 1}].", depth + 1, annotations);
            }
        }
    }

    private sealed record Field(PropertyInfo Property, string Label, int Max, bool NotNull);

    // What a type's fields are (label, length, nullability) is read once per type, not on every request.
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    private static Field[] FieldsOf(Type type) => Fields.GetOrAdd(type, static t =>
    {
        var nullability = new NullabilityInfoContext(); // not thread-safe: one per type read
        return [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => new Field(
                p,
                p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name,
                p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? MaxText,
                !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull))];
    });

    /// <summary>The app's own input shapes; framework and service objects are not walked.</summary>
    public static bool IsInput(object? value) =>
        value is not null && value.GetType() is { IsClass: true } type && type.Assembly == typeof(Bounds).Assembly;
}
