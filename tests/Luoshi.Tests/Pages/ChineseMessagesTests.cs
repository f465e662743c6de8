using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Shared;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Luoshi.Tests.Pages;

/// <summary>The framework's own messages (binding, DataAnnotations defaults, ProblemDetails titles) reach people in Chinese.</summary>
public class ChineseMessagesTests
{
    private static async Task<string> PostPlanAsync(PageClient admin, string year)
    {
        var fields = PageClient.FormFields(await admin.GetHtmlAsync("/Plans/Edit"));
        fields["Input.Title"] = "年度填错的计划";
        fields["Input.Year"] = year;
        var response = await admin.PostFormAsync("/Plans/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task LettersInANumberFieldAreRefusedInChineseByTheFieldsName()
    {
        var admin = await (await Bureau.CreateAsync("sqlite")).PagesAsync("admin");

        Assert.Contains("年度填写的“abc”格式不正确", await PostPlanAsync(admin, "abc"));
        var empty = await PostPlanAsync(admin, "");
        Assert.Contains("请填写年度", empty);
        Assert.DoesNotContain("is invalid", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttributeWithoutItsOwnMessageSpeaksChineseWithTheFieldsName()
    {
        var admin = await (await Bureau.CreateAsync("sqlite")).PagesAsync("admin");
        var fields = PageClient.FormFields(await admin.GetHtmlAsync("/Admin/Person"));
        fields["Input.Name"] = "号码过长";
        fields["Input.Phone"] = new string('1', 51);

        var html = await (await admin.PostFormAsync("/Admin/Person", fields)).Content.ReadAsStringAsync();

        Assert.Contains("手机不能超过50个字", html);
    }

    [Fact]
    public async Task FormsCarryNoEnglishClientValidationAttributes()
    {
        var admin = await (await Bureau.CreateAsync("sqlite")).PagesAsync("admin");
        foreach (var page in new[] { "/Plans/Edit", "/Admin/Person", "/Assessment" })
        {
            Assert.DoesNotContain("data-val", await admin.GetHtmlAsync(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ATokenRequestWithoutALoginNameIsRefusedInChineseNotWithAServerError()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var client = b.App.CreateClient();

        var problem = await (await client.PostAsJsonAsync("/api/auth/token", new { password = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("提交的内容有误", problem.GetProperty("title").GetString());
        Assert.Equal(["请填写登录名"], problem.ErrorsOf("userName"));
    }

    [Fact]
    public async Task TheApiAnswersAMissingLoginWithAChineseTitle()
    {
        var b = await Bureau.CreateAsync("sqlite");

        var problem = await (await b.App.CreateClient().GetAsync("/api/tasks")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("请先登录", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("The Title field is required.", "此项必须填写")]
    [InlineData("The 任务名称 field is required.", "请填写任务名称")]
    [InlineData("The field Percent must be between 0 and 100.", "此项应在0到100之间")]
    [InlineData("The field 姓名 must be a string with a maximum length of 50.", "姓名不能超过50个字")]
    [InlineData("The field Name must be a string with a minimum length of 2 and a maximum length of 50.", "此项应为2到50个字")]
    [InlineData("请填写任务名称", "请填写任务名称")]
    public void TheFrameworksEnglishValidationMessagesAreReworded(string english, string chinese) =>
        Assert.Equal(chinese, ChineseProblems.Reword(english));

    [Fact]
    public void AFileMadeEarlyInTheMorningInBeijingIsDatedThatDay()
    {
        var clock = new BureauClock(new FakeTimeProvider(), Options.Create(new ClockOptions()));

        Assert.Equal(new DateOnly(2026, 6, 1), clock.LocalDate(new DateTime(2026, 5, 31, 23, 0, 0, DateTimeKind.Utc)));
    }
}
