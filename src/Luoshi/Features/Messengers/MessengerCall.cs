using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Luoshi.Features.Messengers;

/// <summary>
/// One call to either API and the reading of its answer. Both answer HTTP 200 with a JSON body whose
/// <c>errcode</c> is 0 on success (DingTalk's 88 carries the real reason in <c>sub_code</c>), take the
/// access token as the <c>access_token</c> query parameter, and say 40014 (invalid) or 42001 (expired)
/// of a token that no longer holds: the token is then fetched again and the call repeated, once.
/// </summary>
internal sealed class MessengerCall(IHttpClientFactory http, MessengerTokens tokens)
{
    public const string ClientName = "messengers";

    private static readonly HashSet<int> TokenCodes = [40014, 42001];

    // -1: busy. WeCom 45009: over the call rate, 45033: too many at once. DingTalk 90002/90018: throttled.
    private static readonly HashSet<int> Busy = [-1, 45009, 45033, 90002, 90018];

    /// <summary>Calls with the app's token; <paramref name="request"/> builds the request for a token.</summary>
    public async Task<JsonElement> CallAsync(MessengerAccess access, Func<Task<(string Token, int ExpiresIn)>> fetchToken, Func<string, HttpRequestMessage> request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(access, fetchToken);
            var reply = await SendAsync(access.Kind, request(token), ct);
            var code = Code(reply);
            if (TokenCodes.Contains(code) && attempt == 0)
            {
                tokens.Forget(access, token);
                continue;
            }

            return code == 0 ? reply : throw Problem(access.Kind, reply, code);
        }
    }

    /// <summary>A call that needs no token (the token's own endpoint), read the same way.</summary>
    public async Task<JsonElement> CallAsync(MessengerKind kind, HttpRequestMessage request, CancellationToken ct)
    {
        var reply = await SendAsync(kind, request, ct);
        var code = Code(reply);
        return code == 0 ? reply : throw Problem(kind, reply, code);
    }

    public static Uri Url(MessengerAccess access, string path, params (string Name, string Value)[] query) =>
        new(access.BaseUrl.TrimEnd('/') + path + "?" + string.Join('&', query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value))));

    private async Task<JsonElement> SendAsync(MessengerKind kind, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.CreateClient(ClientName).SendAsync(request, ct);
            }
            catch (HttpRequestException e)
            {
                throw new MessengerProblem($"{kind.Chinese()}接口无法连接：{e.Message}", transient: true);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new MessengerProblem($"{kind.Chinese()}接口在限定时间内没有应答", transient: true);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
                    throw new MessengerProblem($"{kind.Chinese()}接口返回 HTTP {(int)response.StatusCode}", transient: transient);
                }

                try
                {
                    using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    throw new MessengerProblem($"{kind.Chinese()}接口的应答不是 JSON", transient: true);
                }
            }
        }
    }

    /// <summary>errcode, or for DingTalk's 88 (鉴权异常) the numeric sub_code that says why.</summary>
    private static int Code(JsonElement reply)
    {
        var code = reply.TryGetProperty("errcode", out var c) && c.TryGetInt32(out var n) ? n : -1;
        return code == 88 && reply.TryGetProperty("sub_code", out var sub) && int.TryParse(sub.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : code;
    }

    private static MessengerProblem Problem(MessengerKind kind, JsonElement reply, int code)
    {
        var message = reply.TryGetProperty("errmsg", out var m) ? m.ToString() : "";
        return new MessengerProblem($"{kind.Chinese()}接口拒绝：{code} {message}{Explain(code)}", code, Busy.Contains(code));
    }

    private static string Explain(int code) => code switch
    {
        40001 or 40089 or 40091 or 40013 => "（请检查应用凭证：AppKey/AppSecret 或 CorpId/Secret）",
        40014 or 42001 => "（访问令牌无效或已过期，重新获取后仍被拒绝）",
        60011 or 60020 or 48002 => "（应用没有此接口的权限，或服务器 IP 不在应用的可信 IP 中）",
        45009 or 45033 or 90002 or 90018 => "（调用太频繁，稍后重试）",
        _ => "",
    };
}
