namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app's clock: real time, which a journey can move on at once (as the browser's clock is moved
/// with Playwright's clock), so that a session can end without the test waiting for it.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveOn(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
