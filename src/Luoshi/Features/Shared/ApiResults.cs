using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Shared;

/// <summary>Maps a shared <see cref="Outcome{T}"/> to the API's responses; every error is ProblemDetails.</summary>
internal static class ApiResults
{
    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToHttp<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult => outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.NotFound => NotFound(outcome.Message),
            OutcomeKind.Conflict => Conflict(outcome.Message),
            OutcomeKind.Forbidden => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作"),
            _ => TypedResults.ValidationProblem(outcome.Errors ?? [], outcome.Message, title: "提交的内容有误"),
        };

    /// <summary>409: the action was already done, or is being done, by someone (or by this same request sent twice).</summary>
    public static ProblemHttpResult Conflict(string? detail) =>
        TypedResults.Problem(detail ?? "该操作已由他人完成或正在进行，请刷新后查看", statusCode: StatusCodes.Status409Conflict, title: "操作冲突");

    public static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(detail ?? "未找到该记录，或您无权查看", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
