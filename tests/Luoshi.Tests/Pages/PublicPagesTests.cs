using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Pages;

/// <summary>Which pages open without a login: the public forms live in the features they serve
/// (Appeals, Rectification), each marked as public by itself, under their old /Public addresses; the
/// published progress pages; the sign-on provider's return. A tracked link (/n/{token}) asks for sign-in.</summary>
public class PublicPagesTests
{
    [Fact]
    public void OnlyTheLoginTheErrorPageAndThePublicFormsOpenWithoutALogin()
    {
        var endpoints = TestApp.For("sqlite").Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);

        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath} {e.RoutePattern.RawText}").Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            // 统一身份认证: the provider's answer arrives before anyone is signed in.
            "/Account/External Account/External",
            "/Account/Login Account/Login",
            "/Account/LoginCode Account/LoginCode",
            "/Appeals/PublicAppeal Public/Appeal/{unit:int}",
            "/Appeals/PublicAppealStatus Public/AppealStatus/{unit:int}",
            "/Error Error",
            // 免登: the messenger's code arrives before anyone is signed in.
            "/Messengers/SignOn Account/{messenger:regex(^(DingTalk|WeCom)$)}",
            // 公开承诺: the published editions, for anyone.
            "/Publication/Embed Public/Progress/{unit:int}/Embed",
            "/Publication/Progress Public/Progress/{unit:int}/{edition:int?}",
            "/Rectification/PublicOpinion Public/Opinion/{unit:int}",
        ], open);
    }
}
