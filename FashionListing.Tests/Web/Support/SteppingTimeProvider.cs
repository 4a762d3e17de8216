namespace FashionListing.Tests.Web.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan step) => _now += step;

    /// <summary>Moves the clock to a given moment, earlier or later.</summary>
    public void SetUtcNow(DateTimeOffset now) => _now = now;
}
