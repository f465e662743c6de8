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
            OutcomeKind.Forbidden => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作"),
            _ => TypedResults.ValidationProblem(outcome.Errors ?? [], outcome.Message, title: "提交的内容有误"),
        };

    public static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(detail ?? "未找到该记录，或您无权查看", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
