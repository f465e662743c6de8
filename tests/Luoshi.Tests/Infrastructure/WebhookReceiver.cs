using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Luoshi.Tests.Infrastructure;

/// <summary>
/// A stand-in for DingTalk's and WeCom's robot endpoints on 127.0.0.1, one for the whole run. Each
/// test registers its own token (DingTalk access_token, WeCom key) with what the far end should do;
/// the receiver records what it was sent and, for a signed DingTalk robot, checks the signature the
/// way DingTalk does: recomputed here from the secret, timestamp within an hour of the clock.
/// </summary>
internal sealed class WebhookReceiver
{
    private static readonly Lazy<WebhookReceiver> SharedReceiver = new(() => new WebhookReceiver());

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Robot> _robots = new();

    private WebhookReceiver()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(BaseUrl);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between finding it free and binding it: try again.
            }
        }

        _ = Task.Run(ServeAsync);
    }

    public static WebhookReceiver Shared => SharedReceiver.Value;

    public string BaseUrl { get; }

    /// <summary>A robot of this receiver: its webhook URL and the requests it accepted.</summary>
    public sealed record Robot(string Url, string? Secret, TimeProvider? Clock, int ErrCode, string ErrMsg, HttpStatusCode Status)
    {
        public ConcurrentQueue<JsonElement> Received { get; } = new();
    }

    public Robot DingTalk(string? secret = null, TimeProvider? clock = null, int errCode = 0, string errMsg = "ok", HttpStatusCode status = HttpStatusCode.OK) =>
        Add($"robot/send?access_token={RandomNumberGenerator.GetHexString(64, lowercase: true)}", secret, clock, errCode, errMsg, status);

    public Robot WeCom(int errCode = 0, string errMsg = "ok", HttpStatusCode status = HttpStatusCode.OK) =>
        Add($"cgi-bin/webhook/send?key={Guid.NewGuid()}", null, null, errCode, errMsg, status);

    private Robot Add(string pathAndQuery, string? secret, TimeProvider? clock, int errCode, string errMsg, HttpStatusCode status)
    {
        var robot = new Robot(BaseUrl + pathAndQuery, secret, clock, errCode, errMsg, status);
        _robots[TokenOf(new Uri(robot.Url))] = robot;
        return robot;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            try
            {
                await AnswerAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (!_robots.TryGetValue(TokenOf(request.Url!), out var robot))
        {
            await ReplyAsync(context, HttpStatusCode.OK, 300001, "token is not exist");
            return;
        }

        if (robot.Status != HttpStatusCode.OK)
        {
            await ReplyAsync(context, robot.Status, -1, "server error");
            return;
        }

        var query = HttpUtility.ParseQueryString(request.Url!.Query);
        if (robot.Secret is { } secret && !SignatureHolds(secret, query["timestamp"], query["sign"], robot.Clock!))
        {
            await ReplyAsync(context, HttpStatusCode.OK, 310000, "sign not match");
            return;
        }

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        if (robot.ErrCode == 0)
        {
            robot.Received.Enqueue(body);
        }

        await ReplyAsync(context, HttpStatusCode.OK, robot.ErrCode, robot.ErrMsg);
    }

    private static bool SignatureHolds(string secret, string? timestamp, string? sign, TimeProvider clock)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || sign is null
            || Math.Abs(clock.GetUtcNow().ToUnixTimeMilliseconds() - ms) > TimeSpan.FromHours(1).TotalMilliseconds)
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        return expected == sign; // ParseQueryString has already url-decoded the sign
    }

    private static async Task ReplyAsync(HttpListenerContext context, HttpStatusCode status, int errCode, string errMsg)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { errcode = errCode, errmsg = errMsg });
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    private static string TokenOf(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        return query["access_token"] ?? query["key"] ?? "";
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
