using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.Hosting;

public class ProxyHeadersTests
{
    [Fact]
    public async Task AListedProxyPassesOnTheClientsAddressAndScheme()
    {
        var context = await ThroughAsync(["127.0.0.1"], from: "127.0.0.1");
        Assert.Equal(IPAddress.Parse("10.1.2.3"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Fact]
    public async Task HeadersFromAnAddressNotListedAreIgnored()
    {
        var context = await ThroughAsync(["127.0.0.1"], from: "192.168.1.5");
        Assert.Equal(IPAddress.Parse("192.168.1.5"), context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
    }

    [Fact]
    public async Task WithNoProxyListedEvenLoopbackIsNotTrusted()
    {
        var context = await ThroughAsync([], from: "127.0.0.1");
        Assert.Equal(IPAddress.Loopback, context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
    }

    private static async Task<HttpContext> ThroughAsync(string[] proxies, string from)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(proxies.Select((p, i) => KeyValuePair.Create($"ForwardedHeaders:KnownProxies:{i}", (string?)p)))
            .Build();
        var options = new ForwardedHeadersOptions();
        ProxyHeaders.Configure(options, configuration);
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = "10.1.2.3";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options)).Invoke(context);
        return context;
    }
}
