using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Shared;

/// <summary>
/// The last line: a request the API could not read becomes a 400 ProblemDetails that says why;
/// anything else is a bug, logged, and answered with a 500 that reveals nothing. Pages get the
/// same in Chinese on the error page.
/// </summary>
internal sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "请求内容过大", "请求内容超过了该接口允许的大小；文字请精简，文件请通过上传佐证材料提交"),
            BadHttpRequestException bad => (bad.StatusCode, "请求内容无法解析", Describe(bad)),
            // A row changed between read and write (a concurrency token or a conditional update said so):
            // someone else's action won; nothing of this one was saved.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "操作冲突", "该记录刚被他人修改，本次操作未保存，请刷新后重试"),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "请重新登录", "登录已失效或账号已停用"),
            _ => (StatusCodes.Status500InternalServerError, "系统出错", "系统处理时出错，已记录，请稍后再试或联系管理员"),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        }

        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<!doctype html><meta charset=utf-8><title>{title}</title><p style='font:16px sans-serif;padding:2em'>{System.Net.WebUtility.HtmlEncode(title)}：{System.Net.WebUtility.HtmlEncode(detail)}。<a href='/'>返回首页</a></p>", ct);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException json => $"JSON 格式或取值有误（位置 {json.Path ?? "未知"}）：日期应写作 2026-03-31，数字不加引号",
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "上传内容过大",
        // The framework's own wording names the parameter in English and C#; say what is wrong instead.
        _ => bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) ? "缺少必填的参数"
            : bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) ? "参数的取值格式不正确（数字、日期等）"
            : bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "请求内容为空或格式不对：应为 JSON"
            : bad.Message.Contains("content type", StringComparison.OrdinalIgnoreCase) ? "请求的内容格式不受支持"
            : "请求内容无法解析",
    };
}
