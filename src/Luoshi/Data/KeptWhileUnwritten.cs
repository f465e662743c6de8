using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Data;

/// <summary>
/// A value kept a few seconds and used only while the <see cref="WriteGeneration"/> the caller read
/// before computing it has not moved: any write this process (or, through the cluster notice, another
/// instance) makes afterwards makes the next request compute it afresh. The lifetime bounds what
/// writes that bypass EF Core (a COPY) can hide. Read the generation before reading anything the value
/// is made of, so that a write in between is never kept as seen.
/// </summary>
internal static class KeptWhileUnwritten
{
    private sealed record Kept<T>(long Generation, T Value);

    /// <param name="usable">a further test of a kept value (one kept by another version of the caller's shape).</param>
    public static async Task<T> KeptAsync<T>(this IMemoryCache memory, object key, long generation, TimeSpan lifetime, Func<Task<T>> compute, Func<T, bool>? usable = null)
    {
        if (memory.TryGetValue(key, out Kept<T>? kept) && kept!.Generation == generation && (usable is null || usable(kept.Value)))
        {
            return kept.Value;
        }

        var value = await compute();
        memory.Set(key, new Kept<T>(generation, value), lifetime);
        return value;
    }
}
