using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Proposals;

/// <summary>Steps of a proposal through the API, shared by the proposal tests.</summary>
internal static class ProposalApi
{
    /// <summary>Registers a proposal as the office of <paramref name="b"/>, led by section A and its staff member; returns its id.</summary>
    public static async Task<int> RegisterAsync(Bureau b, string number, int[]? coHandlers = null, string type = "人大代表建议", DateOnly? assignedOn = null, string coSigners = "李红、王强")
    {
        var response = await (await b.ApiAsync("admin")).PostAsJsonAsync("/api/proposals", Body(b, number, coHandlers, type, assignedOn, coSigners));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    public static object Body(Bureau b, string number, int[]? coHandlers = null, string type = "人大代表建议", DateOnly? assignedOn = null, string coSigners = "李红、王强") => new
    {
        type, number, title = "关于支持科技型中小企业研发的建议" + number, content = "建议扩大研发费用后补助覆盖面。", proposerName = "张卫东", proposerGroup = "高新区代表团",
        proposerPhone = "13800000000", coSigners, assignedOn = (assignedOn ?? TestApp.Today).ToString("yyyy-MM-dd"), leadSectionId = b.SectionA,
        responsiblePersonId = b.Person("staffA"), coHandlerUnitIds = coHandlers ?? [],
    };

    public static Task<HttpResponseMessage> ReplyAsync(HttpClient client, int id, string resultClass = "A", string[]? deliveredTo = null, string text = "已解决", DateOnly? on = null,
        (string Name, byte[] Bytes)? file = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(text), "text" }, { new StringContent((on ?? TestApp.Today).ToString("yyyy-MM-dd")), "repliedOn" },
            { new StringContent(resultClass), "resultClass" }, { new StringContent("周局长"), "signer" },
        };
        foreach (var name in deliveredTo ?? ["张卫东", "李红", "王强"])
        {
            form.Add(new StringContent(name), "deliveredTo");
        }

        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        }

        return client.PostAsync($"/api/proposals/{id}/reply", form);
    }

    public static Task<HttpResponseMessage> SatisfactionAsync(HttpClient client, int id, string satisfaction, string? note = null) =>
        client.PostAsJsonAsync($"/api/proposals/{id}/satisfaction", new { satisfaction, note });
}
