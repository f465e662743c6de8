using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Luoshi;

/// <summary>
/// Behind nginx every request comes from the proxy: the public forms' rate limit would put the whole
/// city in one partition, and the app would think it is served over http. X-Forwarded-For and
/// X-Forwarded-Proto are therefore honoured, but only from the proxies the operator lists
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses; <c>ForwardedHeaders:KnownNetworks</c>,
/// CIDR ranges). With none listed the headers are ignored, so a client cannot forge its address.
/// </summary>
internal static class ProxyHeaders
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        // The framework trusts loopback by default; here only what is listed counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        options.ForwardedHeaders = proxies.Length + networks.Length > 0
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            : ForwardedHeaders.None;
    }
}
