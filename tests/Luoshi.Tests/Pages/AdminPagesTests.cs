using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Pages;

/// <summary>The admin pages live in the features they serve (people in Organisation, holidays in
/// Calendar, channels in Notices…) but keep their /Admin addresses; no folder convention covers them
/// any more, so every page served under /Admin is found from the routes and tried.</summary>
public class AdminPagesTests
{
    [Fact]
    public async Task EveryPageServedUnderAdminIsRefusedToADepartmentHeadAndOpensForTheOffice()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var head = await b.PagesAsync("headA");
        var admin = await b.PagesAsync("admin");

        var paths = AdminPagePaths(b.App.Services);
        // The office's own pages, wherever their files are: a page that left /Admin would be missed here.
        Assert.Superset(new HashSet<string> { "/Admin", "/Admin/Sections", "/Admin/People", "/Admin/Person", "/Admin/Holidays", "/Admin/Channels", "/Admin/Deliveries", "/Admin/Record" }, paths);
        foreach (var path in paths)
        {
            var refused = await head.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path}: {refused.StatusCode}");
            Assert.Contains("无权访问", await refused.Content.ReadAsStringAsync());
            var opened = await admin.GetAsync(path);
            Assert.True(opened.StatusCode == HttpStatusCode.OK, $"{path}: {opened.StatusCode}");
        }
    }

    /// <summary>The addresses of the Razor pages whose route starts with Admin, optional parameters left out.</summary>
    private static HashSet<string> AdminPagePaths(IServiceProvider services)
    {
        var paths = new HashSet<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var text = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<PageRouteMetadata>() is null || !(text == "Admin" || text.StartsWith("Admin/", StringComparison.Ordinal)))
            {
                continue;
            }

            var segments = text.Split('/').Where(s => !(s.StartsWith('{') && s.EndsWith("?}", StringComparison.Ordinal))).ToList();
            // A page with a required parameter needs its own case in this test.
            Assert.DoesNotContain(segments, s => s.Contains('{', StringComparison.Ordinal));
            paths.Add("/" + string.Join('/', segments));
        }

        return paths;
    }
}
