using Luoshi.Features.Shared;

namespace Luoshi.Features.Demo;

internal static class DemoOutcome
{
    /// <summary>The demo goes through the product's rules; a refusal means the demo no longer fits them.</summary>
    public static T Must<T>(this Outcome<T> outcome, string what) => outcome.Kind == OutcomeKind.Ok
        ? outcome.Value!
        : throw new InvalidOperationException($"The demo could not {what}: {outcome.Message} {string.Join("; ", (outcome.Errors ?? []).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
}
