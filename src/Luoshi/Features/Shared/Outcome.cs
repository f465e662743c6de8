namespace Luoshi.Features.Shared;

internal enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>Someone else's action got there first (the same request twice, or two people at once).</summary>
    Conflict,
}

/// <summary>
/// The result of a feature operation that pages and API share: a value, or why there is none.
/// Not found covers "exists but not yours to see", so nothing leaks about other sections' tasks.
/// </summary>
internal sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Message, Dictionary<string, string[]>? Errors)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static Outcome<T> NotFound(string message = "未找到该记录，或您无权查看") => new(OutcomeKind.NotFound, default, message, null);

    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, message, null);

    public static Outcome<T> Invalid(Dictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, "提交的内容有误", errors);

    public static Outcome<T> Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, message, null);

    /// <summary>The same refusal for another kind of result, when a shared step says no.</summary>
    public Outcome<TOther> As<TOther>() => new(Kind, default, Message, Errors);
}

/// <summary>Collects validation messages (in Chinese) by field.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }

        // The shared bounds and a feature's own rule may say the same thing ("请填写任务名称"): once is enough.
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(p => p.Key, p => p.Value.ToArray());
}
