using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs: a client that is not sure its request arrived (a timeout, a
/// dropped connection) sends it again with the same key and gets the first answer, status and body,
/// instead of a second action. The key is claimed in the database before the request runs, so of two
/// copies sent at once one runs and the other is told it is still running. A key used again with a
/// different request is refused (422). A request that fails with a server error frees its key, unless
/// its writes were committed (<see cref="IdempotencyMark"/>): a repeat is then told it was carried out
/// (409, <c>done: true</c>). A claim whose request saved nothing and never answered is taken over after
/// <see cref="IdempotencyClaims.Lease"/>.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api") || !request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength)
        {
            await Problem(StatusCodes.Status400BadRequest, "Idempotency-Key 无效", $"Idempotency-Key 应为 1 至 {MaxKeyLength} 个字符，且只能有一个").ExecuteAsync(context);
            return;
        }

        if (context.User.PersonId() is not { } personId || !int.TryParse(context.User.FindFirst(ViewerClaims.Unit)?.Value, out var unitId))
        {
            await next(context); // not signed in: the endpoint answers 401
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var claim = new IdempotentRequest { UnitId = unitId, PersonId = personId, Key = key, Fingerprint = await FingerprintAsync(request, context.RequestAborted), CreatedAt = time.GetUtcNow().UtcDateTime };
        IdempotentRequest? earlier;
        try
        {
            earlier = await IdempotencyClaims.ClaimAsync(db, claim, context.RequestAborted);
        }
        catch (Exception e) when (PrimaryLoss.Is(e))
        {
            // The claim may have been committed with its answer lost (the primary went away): freed, so a
            // repeat need not wait out the lease. Only this attempt's row goes (its own CreatedAt), never a copy's.
            await FreeAsync(db.IdempotentRequests.Where(r => r.UnitId == claim.UnitId && r.PersonId == claim.PersonId && r.Key == claim.Key
                && r.CreatedAt == claim.CreatedAt && r.StatusCode == null && !r.Acted), claim.Key);
            throw;
        }

        if (earlier is not null)
        {
            await RepeatAsync(context, earlier, claim.Fingerprint);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        // The request's own context marks the claim with every save (IdempotencyMark).
        var requestDb = context.RequestServices.GetRequiredService<LuoshiDb>();
        IdempotencyMark.Attach(requestDb, claim.Id);
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await FreeAsync(db.IdempotentRequests.Where(r => r.Id == claim.Id && !r.Acted), claim.Key);
            throw;
        }
        finally
        {
            IdempotencyMark.Detach(requestDb);
        }

        context.Response.Body = original;
        var response = context.Response;
        if (response.StatusCode >= 500)
        {
            await FreeAsync(db.IdempotentRequests.Where(r => r.Id == claim.Id && !r.Acted), claim.Key);
        }
        else
        {
            var body = buffer.ToArray();
            string? contentType = response.ContentType, location = response.Headers.Location.ToString();
            // The same UPDATE again when the primary was lost under it: it says where the row ends up.
            await PrimaryLoss.RepeatAsync(() => db.IdempotentRequests.Where(r => r.Id == claim.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, response.StatusCode).SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location.Length == 0 ? null : location).SetProperty(r => r.Body, body), CancellationToken.None));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>A request that failed frees its key for a repeat, unless its writes were committed (the
    /// failure came after them, or the commit's answer was lost with the primary): then the key stays
    /// taken. Best effort: when the database cannot be reached, the claim's lease frees it later.</summary>
    private async Task FreeAsync(IQueryable<IdempotentRequest> claim, string key)
    {
        try
        {
            await PrimaryLoss.RepeatAsync(() => claim.ExecuteDeleteAsync(CancellationToken.None));
        }
        catch (Exception e) when (PrimaryLoss.Is(e))
        {
            log.LogWarning("Idempotency key {Key} could not be freed ({Error}); its claim's lease frees it", key, e.Message);
        }
    }

    private static async Task RepeatAsync(HttpContext context, IdempotentRequest earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            await Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key 已用于另一请求", "这个 Idempotency-Key 已用于内容不同的请求；新的请求请换一个新的键").ExecuteAsync(context);
            return;
        }

        if (earlier.StatusCode is null && earlier.Acted)
        {
            // Carried out, but its answer was lost: the client must not run it again under a new key.
            await TypedResults.Problem("同一请求（相同的 Idempotency-Key）已经执行，但其应答在数据库切换中丢失；请查询结果，不要换新键重发",
                statusCode: StatusCodes.Status409Conflict, title: "请求已执行", extensions: new Dictionary<string, object?> { ["done"] = true }).ExecuteAsync(context);
            return;
        }

        if (earlier.StatusCode is not { } status)
        {
            await Problem(StatusCodes.Status409Conflict, "操作冲突", "同一请求（相同的 Idempotency-Key）正在处理中，请稍后再试").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = status;
        response.Headers[ReplayedHeader] = "true";
        if (earlier.ContentType is { } type)
        {
            response.ContentType = type;
        }

        if (earlier.Location is { } location)
        {
            response.Headers.Location = location;
        }

        await response.Body.WriteAsync(earlier.Body ?? [], context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
