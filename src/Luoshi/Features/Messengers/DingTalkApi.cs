using System.Net.Http.Json;
using System.Text.Json;

namespace Luoshi.Features.Messengers;

/// <summary>
/// The DingTalk open platform (oapi), as an enterprise internal app uses it:
/// <list type="bullet">
/// <item>GET /gettoken?appkey=&amp;appsecret= → access_token, expires_in (7200 s);</item>
/// <item>POST /topapi/v2/department/listsub {dept_id} → the direct sub-departments (walked from the root, 1);</item>
/// <item>POST /topapi/v2/user/list {dept_id, cursor, size ≤ 100} → result.list, has_more, next_cursor;</item>
/// <item>POST /topapi/v2/user/getuserinfo {code} → result.userid (免登: the authCode of the JSAPI requestAuthCode);</item>
/// <item>POST /topapi/message/corpconversation/asyncsend_v2 {agent_id, userid_list, msg} → task_id (工作通知).</item>
/// </list>
/// </summary>
internal sealed class DingTalkApi(MessengerCall call) : IMessengerApi
{
    private const long Root = 1;
    private const int PageSize = 100;

    public MessengerKind Kind => MessengerKind.DingTalk;

    public async Task<List<MessengerDepartment>> DepartmentsAsync(MessengerAccess access, CancellationToken ct)
    {
        var all = new List<MessengerDepartment> { new(Root, "（根部门）", null) };
        var queue = new Queue<long>([Root]);
        while (queue.TryDequeue(out var parent))
        {
            var reply = await PostAsync(access, "/topapi/v2/department/listsub", new { dept_id = parent }, ct);
            foreach (var d in reply.GetProperty("result").EnumerateArray())
            {
                var id = d.GetProperty("dept_id").GetInt64();
                // A cycle would be the API's bug; it must not become a loop here.
                if (all.All(a => a.Id != id))
                {
                    all.Add(new(id, d.GetProperty("name").GetString() ?? "", parent));
                    queue.Enqueue(id);
                }
            }
        }

        return all;
    }

    public async Task<List<MessengerUser>> UsersAsync(MessengerAccess access, IReadOnlyList<MessengerDepartment> departments, CancellationToken ct)
    {
        var users = new Dictionary<string, MessengerUser>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            long cursor = 0;
            while (true)
            {
                var result = (await PostAsync(access, "/topapi/v2/user/list", new { dept_id = department.Id, cursor, size = PageSize }, ct)).GetProperty("result");
                foreach (var u in result.GetProperty("list").EnumerateArray())
                {
                    var user = new MessengerUser(
                        u.GetProperty("userid").GetString()!, Text(u, "name") ?? "", Text(u, "mobile"), Text(u, "email") ?? Text(u, "org_email"), Text(u, "title"),
                        u.TryGetProperty("dept_id_list", out var ds) ? [.. ds.EnumerateArray().Select(d => d.GetInt64())] : [department.Id], true);
                    users.TryAdd(user.UserId, user);
                }

                if (!(result.TryGetProperty("has_more", out var more) && more.GetBoolean()))
                {
                    break;
                }

                cursor = result.GetProperty("next_cursor").GetInt64();
            }
        }

        return [.. users.Values];
    }

    public async Task<string?> UserIdByCodeAsync(MessengerAccess access, string code, CancellationToken ct)
    {
        var reply = await PostAsync(access, "/topapi/v2/user/getuserinfo", new { code }, ct);
        return reply.TryGetProperty("result", out var r) ? Text(r, "userid") : null;
    }

    public async Task SendAsync(MessengerAccess access, string userId, WorkNotice notice, CancellationToken ct)
    {
        // An action card when there is a link to open (its button), markdown otherwise.
        object msg = notice.Link is { } link
            ? new { msgtype = "action_card", action_card = new { title = notice.Title, markdown = $"#### {notice.Title}\n\n{notice.Text}", single_title = "查看详情（阅后计为已读）", single_url = link } }
            : new { msgtype = "markdown", markdown = new { title = notice.Title, text = $"#### {notice.Title}\n\n{notice.Text}" } };
        await PostAsync(access, "/topapi/message/corpconversation/asyncsend_v2", new { agent_id = access.AgentId, userid_list = userId, msg }, ct);
    }

    private Task<JsonElement> PostAsync(MessengerAccess access, string path, object body, CancellationToken ct) =>
        call.CallAsync(access, () => TokenAsync(access, ct), token => new HttpRequestMessage(HttpMethod.Post, MessengerCall.Url(access, path, ("access_token", token)))
        {
            Content = JsonContent.Create(body),
        }, ct);

    private async Task<(string, int)> TokenAsync(MessengerAccess access, CancellationToken ct)
    {
        var reply = await call.CallAsync(Kind, new HttpRequestMessage(HttpMethod.Get, MessengerCall.Url(access, "/gettoken", ("appkey", access.Id), ("appsecret", access.Secret))), ct);
        return (reply.GetProperty("access_token").GetString()!, reply.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 7200);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
