using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Luoshi.Tests.Messengers;

/// <summary>
/// DingTalk's oapi and WeCom's qyapi as their documentation describes them, served by Kestrel on
/// 127.0.0.1 for one test: a token endpoint that checks the app's credentials and issues tokens with
/// expires_in 7200; every other endpoint refuses a missing or unknown token with 40014, and
/// <see cref="ExpireOnce"/> makes the next call answer 42001 (token expired) once, as after a token
/// lapses early. DingTalk's user list pages by cursor/has_more/next_cursor and refuses size &gt; 100;
/// work notices check agent_id and the userid; <see cref="BusySends"/> answers -1 (系统繁忙) that many times.
/// </summary>
internal sealed class MessengerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();

    public required string Id { get; init; }
    public required string Secret { get; init; }
    public long AgentId { get; init; } = 1001;

    /// <summary>Items a DingTalk user-list page holds at most (a real organisation of over 200 in one
    /// department pages at 100; a smaller page makes the cursor turn with a few people).</summary>
    public int PageLimit { get; set; } = 100;

    public List<(long Id, string Name, long? Parent)> Departments { get; } = [(1, "测试局", null)];
    public List<Member> Members { get; } = [];
    public Dictionary<string, string> Codes { get; } = [];
    public ConcurrentQueue<JsonNode> Sent { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();
    public int TokensIssued;
    public volatile bool ExpireOnce;
    public int BusySends;

    internal sealed record Member(string UserId, string Name, string? Mobile, long[] Departments, string? Title = null, int Status = 1);

    private MessengerServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static async Task<MessengerServer> StartAsync(string id, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MessengerServer(app) { Id = id, Secret = secret };
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var q = http.Request.Query;
        Calls.Enqueue(path);
        JsonObject? body = null;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            body = (await JsonNode.ParseAsync(http.Request.Body))?.AsObject();
        }

        object reply;
        if (path is "/gettoken" or "/cgi-bin/gettoken")
        {
            var (id, secret) = path == "/gettoken" ? (q["appkey"], q["appsecret"]) : (q["corpid"], q["corpsecret"]);
            if (id != Id || secret != Secret)
            {
                reply = path == "/gettoken" ? new { errcode = 40089, errmsg = "不合法的corpid或corpsecret" } : new { errcode = 40001, errmsg = "invalid credential" };
            }
            else
            {
                var token = Guid.NewGuid().ToString("N");
                _tokens[token] = true;
                Interlocked.Increment(ref TokensIssued);
                reply = new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 };
            }
        }
        else if (q["access_token"].ToString() is not { Length: > 0 } token || !_tokens.ContainsKey(token))
        {
            reply = new { errcode = 40014, errmsg = "不合法的access_token" };
        }
        else if (ExpireOnce)
        {
            ExpireOnce = false;
            _tokens.TryRemove(token, out _);
            reply = new { errcode = 42001, errmsg = "access_token expired" };
        }
        else
        {
            reply = Answer(path, q, body);
        }

        await http.Response.WriteAsJsonAsync(reply);
    }

    private object Answer(string path, IQueryCollection q, JsonObject? body)
    {
        switch (path)
        {
            case "/topapi/v2/department/listsub":
                var parent = body!["dept_id"]!.GetValue<long>();
                return new { errcode = 0, errmsg = "ok", result = Departments.Where(d => d.Parent == parent).Select(d => new { dept_id = d.Id, name = d.Name, parent_id = parent }).ToList() };
            case "/topapi/v2/user/list":
                var (dept, cursor, size) = (body!["dept_id"]!.GetValue<long>(), body["cursor"]!.GetValue<long>(), body["size"]!.GetValue<int>());
                if (size is < 1 or > 100)
                {
                    return new { errcode = 40094, errmsg = "size参数不合法" };
                }

                var inDept = Members.Where(m => m.Departments.Contains(dept)).ToList();
                var page = inDept.Skip((int)cursor).Take(Math.Min(size, PageLimit)).ToList();
                var next = cursor + page.Count;
                return new
                {
                    errcode = 0, errmsg = "ok",
                    result = new
                    {
                        has_more = next < inDept.Count, next_cursor = next,
                        list = page.Select(m => new { userid = m.UserId, name = m.Name, mobile = m.Mobile, title = m.Title, dept_id_list = m.Departments, active = true }),
                    },
                };
            case "/topapi/v2/user/getuserinfo":
                return Codes.TryGetValue(body!["code"]!.GetValue<string>(), out var u)
                    ? new { errcode = 0, errmsg = "ok", result = new { userid = u, name = "", sys = false } }
                    : new { errcode = 40078, errmsg = "不存在的临时授权码" };
            case "/topapi/message/corpconversation/asyncsend_v2":
                if (body!["agent_id"]!.GetValue<long>() != AgentId)
                {
                    return new { errcode = 60020, errmsg = "访问ip不在白名单之中" };
                }

                return Send(body);
            case "/cgi-bin/department/list":
                return new { errcode = 0, errmsg = "ok", department = Departments.Select(d => new { id = d.Id, name = d.Name, parentid = d.Parent ?? 0, order = 1 }) };
            case "/cgi-bin/user/list":
                var id = long.Parse(q["department_id"]!, CultureInfo.InvariantCulture);
                return new
                {
                    errcode = 0, errmsg = "ok",
                    userlist = Members.Where(m => m.Departments.Contains(id)).Select(m => new { userid = m.UserId, name = m.Name, mobile = m.Mobile, position = m.Title, department = m.Departments, status = m.Status }),
                };
            case "/cgi-bin/auth/getuserinfo":
                return Codes.TryGetValue(q["code"]!, out var w)
                    ? new { errcode = 0, errmsg = "ok", userid = w, user_ticket = "t" }
                    : new { errcode = 40029, errmsg = "invalid code" };
            case "/cgi-bin/message/send":
                if (body!["agentid"]!.GetValue<long>() != AgentId)
                {
                    return new { errcode = 40056, errmsg = "invalid agentid" };
                }

                return Send(body);
            default:
                return new { errcode = 404, errmsg = "请求的URI地址不存在" };
        }
    }

    private object Send(JsonObject body)
    {
        if (Interlocked.Decrement(ref BusySends) >= 0)
        {
            return new { errcode = -1, errmsg = "系统繁忙" };
        }

        Sent.Enqueue(body.DeepClone());
        return new { errcode = 0, errmsg = "ok", task_id = 1, invaliduser = "", msgid = "m" };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
