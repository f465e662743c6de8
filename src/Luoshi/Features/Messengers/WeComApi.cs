using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luoshi.Features.Messengers;

/// <summary>
/// The WeCom server API (企业微信服务端API), as a self-built app uses it:
/// <list type="bullet">
/// <item>GET /cgi-bin/gettoken?corpid=&amp;corpsecret= → access_token, expires_in (7200 s);</item>
/// <item>GET /cgi-bin/department/list → department[] {id, name, parentid} (the whole tree the app may see);</item>
/// <item>GET /cgi-bin/user/list?department_id= → userlist[] {userid, name, department[], position, mobile, email, status};</item>
/// <item>GET /cgi-bin/auth/getuserinfo?code= → userid for a member (openid for an outsider) (网页授权登录);</item>
/// <item>POST /cgi-bin/message/send {touser, msgtype, agentid, textcard} → invaliduser (应用消息).</item>
/// </list>
/// </summary>
internal sealed class WeComApi(MessengerCall call) : IMessengerApi
{
    public MessengerKind Kind => MessengerKind.WeCom;

    public async Task<List<MessengerDepartment>> DepartmentsAsync(MessengerAccess access, CancellationToken ct)
    {
        var reply = await GetAsync(access, "/cgi-bin/department/list", [], ct);
        return [.. reply.GetProperty("department").EnumerateArray().Select(d => new MessengerDepartment(
            d.GetProperty("id").GetInt64(), Text(d, "name") ?? "", d.TryGetProperty("parentid", out var p) && p.GetInt64() != 0 ? p.GetInt64() : null))];
    }

    public async Task<List<MessengerUser>> UsersAsync(MessengerAccess access, IReadOnlyList<MessengerDepartment> departments, CancellationToken ct)
    {
        var users = new Dictionary<string, MessengerUser>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            var reply = await GetAsync(access, "/cgi-bin/user/list", [("department_id", department.Id.ToString(CultureInfo.InvariantCulture))], ct);
            foreach (var u in reply.GetProperty("userlist").EnumerateArray())
            {
                // status 1: active, 4: not yet activated (still a member); 2: disabled, 5: left the organisation.
                var status = u.TryGetProperty("status", out var s) ? s.GetInt32() : 1;
                var user = new MessengerUser(
                    u.GetProperty("userid").GetString()!, Text(u, "name") ?? "", Text(u, "mobile"), Text(u, "email") ?? Text(u, "biz_mail"), Text(u, "position"),
                    u.TryGetProperty("department", out var ds) ? [.. ds.EnumerateArray().Select(d => d.GetInt64())] : [department.Id], status is 1 or 4);
                users.TryAdd(user.UserId, user);
            }
        }

        return [.. users.Values];
    }

    public async Task<string?> UserIdByCodeAsync(MessengerAccess access, string code, CancellationToken ct) =>
        Text(await GetAsync(access, "/cgi-bin/auth/getuserinfo", [("code", code)], ct), "userid");

    public async Task SendAsync(MessengerAccess access, string userId, WorkNotice notice, CancellationToken ct)
    {
        object body = notice.Link is { } link
            ? new { touser = userId, msgtype = "textcard", agentid = access.AgentId, textcard = new { title = notice.Title, description = notice.Text, url = link, btntxt = "详情" } }
            : new { touser = userId, msgtype = "text", agentid = access.AgentId, text = new { content = $"{notice.Title}\n{notice.Text}" } };
        var reply = await call.CallAsync(access, () => TokenAsync(access, ct), token => new HttpRequestMessage(HttpMethod.Post, MessengerCall.Url(access, "/cgi-bin/message/send", ("access_token", token)))
        {
            Content = JsonContent.Create(body),
        }, ct);
        // errcode 0 with the userid in invaliduser: accepted, but delivered to nobody.
        if (Text(reply, "invaliduser") is { } invalid && invalid.Split('|').Contains(userId, StringComparer.Ordinal))
        {
            throw new MessengerProblem($"企业微信未送达：成员 {userId} 不存在或不在应用的可见范围内", 0);
        }
    }

    private Task<JsonElement> GetAsync(MessengerAccess access, string path, (string, string)[] query, CancellationToken ct) =>
        call.CallAsync(access, () => TokenAsync(access, ct), token => new HttpRequestMessage(HttpMethod.Get, MessengerCall.Url(access, path, [("access_token", token), .. query])), ct);

    private async Task<(string, int)> TokenAsync(MessengerAccess access, CancellationToken ct)
    {
        var reply = await call.CallAsync(Kind, new HttpRequestMessage(HttpMethod.Get, MessengerCall.Url(access, "/cgi-bin/gettoken", ("corpid", access.Id), ("corpsecret", access.Secret))), ct);
        return (reply.GetProperty("access_token").GetString()!, reply.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 7200);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
