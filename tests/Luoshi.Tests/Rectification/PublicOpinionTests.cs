using System.Net;
using Luoshi.Features.PublicForms;
using Luoshi.Features.Rectification;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Rectification;

/// <summary>网上意见箱: anonymous, guarded, answered with a receipt number only.</summary>
public class PublicOpinionTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnAnonymousOpinionIsAcceptedWithAReceiptAndNothingOfOthersIsShown(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var url = $"/Public/Opinion/{b.UnitId}";
        var first = await PublicForms.PostAsync(b.App, PublicForms.Anonymous(b.App), url, new() { ["Text"] = "希望简化科技项目申报材料，减少重复填报" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await PublicForms.PostAsync(b.App, PublicForms.Anonymous(b.App), url, new() { ["Text"] = "建议 1<2 & 3>2 的评审规则公开", ["SubmitterName"] = "张三" });
        var html = await second.Content.ReadAsStringAsync();

        var stored = await b.WithDbAsync(d => d.Opinions.Where(o => o.UnitId == b.UnitId).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, o => Assert.Equal(OpinionSource.OnlineBox, o.Source));
        Assert.Equal("建议 1<2 & 3>2 的评审规则公开", stored[1].Content);
        Assert.Contains(stored[1].Receipt, html);
        Assert.DoesNotContain(stored[0].Receipt, html);
        Assert.DoesNotContain("简化科技项目申报材料", html);
        Assert.DoesNotContain("评审规则公开", html);
    }

    [Fact]
    public async Task LinksHtmlOversizeTheHoneypotAndTooFastAreRefusedAndNothingIsSaved()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var url = $"/Public/Opinion/{b.UnitId}";
        var client = PublicForms.Anonymous(b.App);
        Assert.Contains("请不要填写网址链接或网页代码", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "<script>alert(1)</script>" })).Content.ReadAsStringAsync());
        Assert.Contains("请不要填写网址链接或网页代码", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "详见 http://spam.example" })).Content.ReadAsStringAsync());
        Assert.Contains("不能超过2000个字", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = new string('长', 2001) })).Content.ReadAsStringAsync());
        Assert.Contains("提交未被接受", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "正常意见", ["Website"] = "x" })).Content.ReadAsStringAsync());
        Assert.Contains("提交未被接受", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "正常意见" }, waited: false)).Content.ReadAsStringAsync());
        Assert.Contains("提交未被接受", await (await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "正常意见", ["Stamp"] = "forged" }, waited: false)).Content.ReadAsStringAsync());
        Assert.Equal(0, await b.WithDbAsync(d => d.Opinions.CountAsync(o => o.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task AStampCountsOnceSoOneGoodStampCannotBeReplayed()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var url = $"/Public/Opinion/{b.UnitId}";
        var client = PublicForms.Anonymous(b.App);
        var stamp = b.App.Services.GetRequiredService<PublicFormGuard>().StampAt(b.App.Clock.GetUtcNow().AddMinutes(-1));

        var first = await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "第一次提交", ["Stamp"] = stamp }, waited: false);
        var replay = await PublicForms.PostAsync(b.App, client, url, new() { ["Text"] = "重放的提交", ["Stamp"] = stamp }, waited: false);

        Assert.DoesNotContain("提交未被接受", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("提交未被接受", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["第一次提交"], await b.WithDbAsync(d => d.Opinions.Where(o => o.UnitId == b.UnitId).Select(o => o.Content).ToListAsync()));
    }

    [Fact]
    public async Task AnAntiforgeryTokenIsRequired()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var response = await PublicForms.Anonymous(b.App).Http.PostAsync($"/Public/Opinion/{b.UnitId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "无令牌" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheRateLimitAnswers429AfterTheLimit()
    {
        var b = await Bureau.CreateAsync("ratelimit");
        var client = PublicForms.Anonymous(b.App);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PublicForms.PostAsync(b.App, client, $"/Public/Opinion/{b.UnitId}", new() { ["Text"] = $"意见{i}" })).StatusCode);
        }

        // A Chinese page, not the framework's bare 429, and when to come back.
        var fourth = await PublicForms.PostAsync(b.App, client, $"/Public/Opinion/{b.UnitId}", new() { ["Text"] = "第四条" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("text/html", fourth.Content.Headers.ContentType?.MediaType);
        Assert.Contains("提交过于频繁", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {fourth.Headers.RetryAfter}");
        Assert.Equal(3, await b.WithDbAsync(d => d.Opinions.CountAsync(o => o.UnitId == b.UnitId)));
    }
}
