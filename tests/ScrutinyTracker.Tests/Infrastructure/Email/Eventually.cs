namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>Waits for something the background sender does, checking often; no clock of the app's is moved.</summary>
public static class Eventually
{
    /// <param name="between">Done before each look: moving a test clock by a step, for a background service waiting on it.</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, TimeSpan? timeout = null, Action? between = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            between?.Invoke();
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}; last seen: {value}");
            }

            await Task.Delay(25);
        }
    }
}
