using System.Net;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Messengers;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Messengers;

/// <summary>The address-book sync, 免登 and work notices against a loopback server that answers as
/// DingTalk's and WeCom's documented endpoints do (tokens, cursors, expired-token and busy codes).</summary>
public class MessengerTests
{
    private static async Task<MessengerServer> DingTalkAsync(Bureau b, bool workNotices = false)
    {
        var server = await MessengerServer.StartAsync("dingappkey" + b.UnitId, "app-secret-" + Guid.NewGuid().ToString("N"));
        server.Departments.Add((2, "办公室", 1));
        server.Departments.Add((3, "规划科", 1));
        server.Departments.Add((4, "督查组", 2));
        server.PageLimit = 2;
        for (var i = 1; i <= 5; i++)
        {
            server.Members.Add(new($"u{i}", $"钉{i}号", null, [2], "科员"));
        }

        server.Members.Add(new("u8", "钉8号", null, [4]));

        server.Members.Add(new("u6", "钉6号", null, [3]));
        server.Members.Add(new("u7", "外7号", null, [1]));
        await WithAsync(b, async sp =>
        {
            var db = sp.GetRequiredService<LuoshiDb>();
            db.Add(new MessengerSettings
            {
                UnitId = b.UnitId, Kind = MessengerKind.DingTalk, Enabled = true, BaseUrl = server.BaseUrl, CorpId = "ding" + b.UnitId, AppKey = server.Id,
                ProtectedSecret = sp.GetRequiredService<MessengerSecrets>().Protect(server.Secret), AgentId = server.AgentId,
                SectionRules = "办公室 => 科室A\n3 => 科室B", SignOn = true, WorkNotices = workNotices, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        return server;
    }

    private static async Task<T> WithAsync<T>(Bureau b, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<DirectorySyncRun> SyncAsync(Bureau b, MessengerKind kind) =>
        WithAsync(b, async sp => (await sp.GetRequiredService<MessengerSyncer>().RunAsync(b.UnitId, kind, null, CancellationToken.None))!);

    private static Task<int> PersonOfAsync(Bureau b, string userId) =>
        b.WithDbAsync(db => db.Set<MessengerLink>().Where(l => l.UnitId == b.UnitId && l.UserId == userId).Select(l => l.PersonId).SingleAsync());

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDingTalkSyncPagesByCursorRenewsAnExpiredTokenAndAddsMovesAndDeactivates(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        await using var server = await DingTalkAsync(b);
        server.ExpireOnce = true;

        var first = await SyncAsync(b, MessengerKind.DingTalk);
        Assert.Null(first.Problem);
        Assert.Equal((8, 7, 0, 1), (first.Found, first.Added, first.Deactivated, first.Skipped));
        Assert.Equal(2, server.TokensIssued); // the first token, and one after the 42001
        // 办公室's five over three pages of two, one page each for the root, 规划科 and 督查组.
        Assert.Equal(6, server.Calls.Count(c => c == "/topapi/v2/user/list"));
        Assert.Contains("未同步：外7号", first.Lines);
        var u1 = await PersonOfAsync(b, "u1");
        var u8 = await PersonOfAsync(b, "u8");
        var u6 = await PersonOfAsync(b, "u6");
        var people = await b.WithDbAsync(db => db.People.Where(p => p.UnitId == b.UnitId).ToDictionaryAsync(p => p.Id));
        Assert.Equal(b.SectionA, people[u1].SectionId);
        Assert.Equal(b.SectionA, people[u8].SectionId); // 督查组 is under 办公室
        Assert.Equal(b.SectionB, people[u6].SectionId);
        var login = await b.WithDbAsync(db => db.Users.SingleAsync(u => u.PersonId == u1));
        Assert.Null(login.PasswordHash); // signs in by 免登 only

        server.Members[0] = server.Members[0] with { Departments = [3] };
        server.Members.RemoveAt(1);
        var second = await SyncAsync(b, MessengerKind.DingTalk);
        Assert.Equal((0, 1, 1), (second.Added, second.Moved, second.Deactivated));
        people = await b.WithDbAsync(db => db.People.Where(p => p.UnitId == b.UnitId).ToDictionaryAsync(p => p.Id));
        Assert.Equal(b.SectionB, people[u1].SectionId);
        Assert.False(people[await PersonOfAsync(b, "u2")].IsActive);
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == b.UnitId && a.Kind == AuditKind.MessengerSynced)));
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheScheduledJobSyncsAnAppWhoseIntervalHasPassedAndNotAgainBeforeTheNext(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        await using var server = await DingTalkAsync(b);
        await b.WithDbAsync(db => db.Set<MessengerSettings>().Where(s => s.UnitId == b.UnitId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncIntervalHours, 24)));
        Task RunJobAsync() => WithAsync(b, async sp =>
        {
            await sp.GetRequiredService<MessengerSyncJob>().RunAsync(CancellationToken.None);
            return 0;
        });
        Task<int> RunsAsync() => b.WithDbAsync(db => db.Set<DirectorySyncRun>().CountAsync(r => r.UnitId == b.UnitId && r.Source == "dingtalk"));

        await RunJobAsync();
        Assert.Equal(1, await RunsAsync());
        Assert.Equal(7, await b.WithDbAsync(db => db.Set<MessengerLink>().CountAsync(l => l.UnitId == b.UnitId)));
        await RunJobAsync();
        Assert.Equal(1, await RunsAsync());
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task MianDengSignsInTheLinkedPersonAndRefusesAStranger(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        await using var server = await DingTalkAsync(b);
        await SyncAsync(b, MessengerKind.DingTalk);
        server.Codes["code-u3"] = "u3";
        server.Codes["code-stranger"] = "someone-else";
        var u3 = await PersonOfAsync(b, "u3");

        var client = b.App.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await client.GetAsync($"/Account/DingTalk?unit={b.UnitId}&code=code-u3");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("luoshi=", StringComparison.Ordinal));
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.SignedIn && a.ActorPersonId == u3)));
        // The session is his: the app greets him by name.
        var home = await client.GetAsync("/");
        for (var hops = 0; home.StatusCode == HttpStatusCode.Redirect && hops < 3; hops++)
        {
            home = await client.GetAsync(home.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("钉3号", await home.Content.ReadAsStringAsync());

        var stranger = await b.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/Account/DingTalk?unit={b.UnitId}&code=code-stranger");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("尚未与本系统人员对应", await stranger.Content.ReadAsStringAsync());
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.SignInFailed && a.UserName == "someone-else（钉钉免登）")));

        var expired = await b.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/Account/DingTalk?unit={b.UnitId}&code=used-up");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWorkNoticeReachesThePersonsUseridWithATrackedLinkAndABusyAnswerIsRetried(string provider)
    {
        // The 消息必达 app: its messages carry tracked links under a public address.
        var b = await Bureau.CreateAsync(provider == "sqlite" ? "arrive-messengers" : "arrive-messengers-postgres");
        await using var server = await DingTalkAsync(b, workNotices: true);
        await SyncAsync(b, MessengerKind.DingTalk);
        var u4 = await PersonOfAsync(b, "u4");
        server.BusySends = 1;

        var deliveryId = await WithAsync(b, async sp =>
        {
            var db = sp.GetRequiredService<LuoshiDb>();
            var routes = await sp.GetRequiredService<NoticeOutbox>().RoutesAsync(b.UnitId, CancellationToken.None);
            var batch = new NoticeBatch();
            var person = await db.People.SingleAsync(p => p.Id == u4);
            NoticeOutbox.Add(batch, routes, [person], new Notice { UnitId = b.UnitId, Kind = NoticeKind.Urge, Title = "催办：请报送进展", Body = "请于今日报送。" }, TestApp.Now.UtcDateTime);
            batch.AddTo(db);
            await db.SaveChangesAsync();
            return batch.Deliveries.Single(d => d.Channel == "dingtalk-work").Id;
        });

        Task<NoticeDelivery> DeliveryAsync() => b.WithDbAsync(db => db.NoticeDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId));
        Task SendAsync() => WithAsync(b, async sp => await sp.GetRequiredService<NoticeDispatcher>().SendBatchAsync());
        Assert.Equal("u4", (await DeliveryAsync()).Target);
        await SendAsync();
        var failed = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains("系统繁忙", failed.LastError);
        Assert.Empty(server.Sent);

        // The backoff has passed.
        await b.WithDbAsync(db => db.NoticeDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, TestApp.Now.UtcDateTime)));
        await SendAsync();
        var sent = await DeliveryAsync();
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        var message = Assert.Single(server.Sent);
        Assert.Equal("u4", message["userid_list"]!.GetValue<string>());
        Assert.Equal("http://luoshi.test/n/" + sent.ReadToken, message["msg"]!["action_card"]!["single_url"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheAdminSavesWeComSettingsWithASealedSecretAndSyncsFromThePage(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var secret = "wecom-secret-" + Guid.NewGuid().ToString("N");
        await using var server = await MessengerServer.StartAsync("ww" + b.UnitId, secret);
        server.Departments.Add((2, "办公室", 1));
        server.Members.Add(new("zhangsan", "张三", null, [2], "科员"));
        server.Members.Add(new("lisi", "李四", null, [2], Status: 5)); // left the organisation: not brought in
        // A person the office already has, with the same mobile: linked, not added again.
        var mobile = "139" + b.UnitId.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var staffC = b.Person("staffC");
        await b.WithDbAsync(db => db.People.Where(p => p.Id == staffC).ExecuteUpdateAsync(u => u.SetProperty(p => p.Phone, mobile)));
        server.Members.Add(new("wangwu", "C科员", mobile, [2], "科员"));
        server.ExpireOnce = true;
        var admin = await b.PagesAsync("admin");
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "WeCom", ["Input.Enabled"] = "true", ["Input.BaseUrl"] = server.BaseUrl, ["Input.CorpId"] = server.Id, ["Input.Secret"] = secret,
            ["Input.AgentId"] = "1001", ["Input.SectionRules"] = "办公室 => 科室C", ["Input.SyncIntervalHours"] = "0", ["Input.SignOn"] = "true",
        };
        var saved = await admin.PostFormAsync("/Admin/Messengers?handler=Save", fields, "/Admin/Messengers?kind=WeCom");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await b.WithDbAsync(db => db.Set<MessengerSettings>().AsNoTracking().SingleAsync(s => s.UnitId == b.UnitId && s.Kind == MessengerKind.WeCom));
        Assert.DoesNotContain(secret, stored.ProtectedSecret);
        Assert.True(SecretBox.IsProtected(stored.ProtectedSecret));
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UnitId == b.UnitId && a.Kind == AuditKind.MessengerSettingsChanged)));

        var synced = await admin.PostFormAsync("/Admin/Messengers?handler=Sync&kind=WeCom", [], "/Admin/Messengers?kind=WeCom");
        Assert.Equal(HttpStatusCode.Redirect, synced.StatusCode);
        var html = await admin.GetHtmlAsync("/Admin/Messengers?kind=WeCom");
        Assert.Contains("新增：张三（科室C）", html);
        Assert.DoesNotContain("李四", html);
        Assert.Contains("关联：C科员与企业微信成员 wangwu（按手机号对应）", html);
        Assert.Equal(staffC, await PersonOfAsync(b, "wangwu"));
        var zhang = await PersonOfAsync(b, "zhangsan");
        Assert.Equal(b.SectionC, await b.WithDbAsync(db => db.People.Where(p => p.Id == zhang).Select(p => p.SectionId).SingleAsync()));

        // 免登 through WeCom's OAuth code.
        // The workbench opens the start, which sends the browser through WeCom's OAuth with a state.
        server.Codes["wx-code"] = "zhangsan";
        var browser = b.App.CreateClient(new() { AllowAutoRedirect = false });
        var start = await browser.GetAsync($"/Account/WeCom?handler=Start&unit={b.UnitId}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!.OriginalString;
        Assert.StartsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=", location, StringComparison.Ordinal);
        Assert.Contains("&scope=snsapi_base&", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString($"http://localhost/Account/WeCom?unit={b.UnitId}"), location, StringComparison.Ordinal);
        var state = System.Text.RegularExpressions.Regex.Match(location, "state=([0-9a-f]{32})").Groups[1].Value;
        Assert.NotEmpty(state);

        // The code and the state sent to another browser (login CSRF): refused, and the code not spent.
        var other = await b.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/Account/WeCom?unit={b.UnitId}&code=wx-code&state={state}");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("不是从本浏览器发起", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noState = await browser.GetAsync($"/Account/WeCom?unit={b.UnitId}&code=wx-code");
        Assert.Equal(HttpStatusCode.BadRequest, noState.StatusCode);

        // Back in the browser that started (a new start: the refused attempt took its state).
        start = await browser.GetAsync($"/Account/WeCom?handler=Start&unit={b.UnitId}");
        state = System.Text.RegularExpressions.Regex.Match(start.Headers.Location!.OriginalString, "state=([0-9a-f]{32})").Groups[1].Value;
        var signedIn = await browser.GetAsync($"/Account/WeCom?unit={b.UnitId}&code=wx-code&state={state}");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWeComStateSignsInOnceAndNotAfterItsTenMinutes(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        await using var server = await MessengerServer.StartAsync("ww" + b.UnitId, "wecom-secret-" + Guid.NewGuid().ToString("N"));
        server.Codes["wx-code"] = "staffc";
        await WithAsync(b, async sp =>
        {
            var db = sp.GetRequiredService<LuoshiDb>();
            db.Add(new MessengerSettings
            {
                UnitId = b.UnitId, Kind = MessengerKind.WeCom, Enabled = true, BaseUrl = server.BaseUrl, CorpId = server.Id,
                ProtectedSecret = sp.GetRequiredService<MessengerSecrets>().Protect(server.Secret), AgentId = server.AgentId, SignOn = true, UpdatedAt = DateTime.UtcNow,
            });
            db.Add(new MessengerLink { UnitId = b.UnitId, Kind = MessengerKind.WeCom, UserId = "staffc", PersonId = b.Person("staffC"), LinkedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });

        // The browser's cookie and state, sent by hand so that two callbacks can carry the same ones.
        async Task<(string Cookie, string State)> StartAsync()
        {
            var start = await b.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).GetAsync($"/Account/WeCom?handler=Start&unit={b.UnitId}");
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            var state = System.Text.RegularExpressions.Regex.Match(start.Headers.Location!.OriginalString, "state=([0-9a-f]{32})").Groups[1].Value;
            return (start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("luoshi.signon-state=", StringComparison.Ordinal)).Split(';')[0], state);
        }

        Task<HttpResponseMessage> CallbackAsync((string Cookie, string State) started)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/Account/WeCom?unit={b.UnitId}&code=wx-code&state={started.State}");
            request.Headers.Add("Cookie", started.Cookie);
            return b.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
        }

        // The same cookie and state twice at once (a replay racing the real callback): one signs in.
        var started = await StartAsync();
        var both = await Task.WhenAll(CallbackAsync(started), CallbackAsync(started));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], both.Select(r => r.StatusCode).Order());
        var refused = both.Single(r => r.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("已使用过", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And once more afterwards: still refused.
        var again = await CallbackAsync(started);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已使用过", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A state past its ten minutes: refused although the cookie still matches (a cookie's max-age is the browser's to keep).
        var late = await StartAsync();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(late.State)));
        Assert.Equal(1, await b.WithDbAsync(db => db.Set<SignOnNonce>().Where(n => n.Hash == hash)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ExpiresAt, n => n.ExpiresAt.AddMinutes(-11)))));
        var expired = await CallbackAsync(late);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("已超过10分钟", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The next start removes the expired row.
        _ = await StartAsync();
        Assert.False(await b.WithDbAsync(db => db.Set<SignOnNonce>().AnyAsync(n => n.Hash == hash)));
    }
}
