namespace Luoshi.Features.Demo;

/// <summary>
/// A clock that stands at a chosen moment and is moved on by hand. The demo's year is written by the
/// product's own code as if each step happened on its day; moving only forward keeps every history
/// in the order it happened.
/// </summary>
internal sealed class SteppedTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void MoveTo(DateTimeOffset at)
    {
        if (at < Now)
        {
            throw new InvalidOperationException($"The demo's clock only moves forward: {at:O} is before {Now:O}.");
        }

        Now = at;
    }
}
