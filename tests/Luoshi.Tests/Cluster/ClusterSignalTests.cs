using Luoshi.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Tests.Cluster;

/// <summary>The payload of a write's notice: who wrote, and which shared cache entries to drop.</summary>
public class ClusterSignalTests
{
    [Theory]
    [InlineData("abc", "abc", new string[0])]
    [InlineData("abc|plan:7", "abc", new[] { "plan:7" })]
    [InlineData("abc|plan:7,calendar:3", "abc", new[] { "plan:7", "calendar:3" })]
    [InlineData("abc|*", "abc", new[] { "*" })]
    public void APayloadNamesItsSenderAndItsEntries(string payload, string sender, string[] keys)
    {
        var (from, names) = ClusterSignal.Parse(payload);
        Assert.Equal(sender, from);
        Assert.Equal(keys, names);
    }

    [Fact]
    public void WithoutAListenerNothingIsKeptAndWithOneTheNextPayloadCarriesTheDroppedEntriesOnce()
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        cache.Set("plan:1", 1);
        ClusterSignal.Evict(cache, "plan:1");
        Assert.False(cache.TryGetValue("plan:1", out _));
        Assert.Equal(ClusterSignal.Instance, ClusterSignal.TakePayload(everything: false));

        // Tests running beside this one may drop entries of their own meanwhile: only these are checked.
        using (ClusterSignal.Sending())
        {
            ClusterSignal.Evict(cache, "plan:2");
            ClusterSignal.Evict(cache, "plan:2");
            ClusterSignal.Evict(cache, "calendar:5");
            var (sender, names) = ClusterSignal.Parse(ClusterSignal.TakePayload(everything: false));
            Assert.Equal(ClusterSignal.Instance, sender);
            Assert.Single(names, n => n == "plan:2");
            Assert.Single(names, n => n == "calendar:5");
            Assert.DoesNotContain("plan:2", ClusterSignal.Parse(ClusterSignal.TakePayload(everything: false)).Keys);
            ClusterSignal.Evict(cache, "plan:3");
            Assert.Equal(ClusterSignal.Instance + "|*", ClusterSignal.TakePayload(everything: true));
        }
    }
}
