using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luoshi.Features.Notices.Channels;

/// <summary>One post to a group robot and the reading of its answer, the same for DingTalk and WeCom:
/// both answer HTTP 200 with {"errcode":0,"errmsg":"ok"} and put refusals in errcode.</summary>
internal static class RobotPost
{
    public const string ClientName = "notice-robots";

    public static async Task SendAsync(HttpClient http, Uri url, object body, string robot, IReadOnlySet<int> transientCodes, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(url, body, ct);
        }
        catch (HttpRequestException e)
        {
            throw new NoticeChannelException($"{robot}无法连接：{e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new NoticeChannelException($"{robot}在限定时间内没有应答");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // The far end's own trouble (5xx), throttling or a timeout pass; anything else is our request.
                var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
                throw new NoticeChannelException($"{robot}返回 HTTP {(int)response.StatusCode}", permanent: !transient);
            }

            var (code, message) = await ReadReplyAsync(response, ct);
            if (code != 0)
            {
                throw new NoticeChannelException($"{robot}拒绝：{code} {message}{Explain(code)}", permanent: !transientCodes.Contains(code));
            }
        }
    }

    private static async Task<(int Code, string Message)> ReadReplyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var reply = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var code = reply.TryGetProperty("errcode", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : -1;
            return (code, reply.TryGetProperty("errmsg", out var m) ? m.ToString() : "");
        }
        catch (JsonException)
        {
            return (-1, "应答不是 JSON");
        }
    }

    private static string Explain(int code) => code switch
    {
        310000 => "（签名不符、关键词不符或 IP 不在白名单：请检查机器人的安全设置）",
        300001 or 93000 => "（机器人地址无效或已删除）",
        130101 or 45009 => "（发送太频繁，稍后重试）",
        _ => "",
    };
}
