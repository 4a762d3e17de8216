namespace FashionListing.Tests.Web.Support;

/// <summary>
/// Waits in real time for something the app does a moment later on its own (autosave stores a card a second
/// after the last change), by asking <c>probe</c> again every 50 ms.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// The first non-null value <paramref name="probe"/> finds within <paramref name="timeout"/>; past it the
    /// test fails with <paramref name="what"/> and what the last probe saw.
    /// </summary>
    public static async Task<T> FoundAsync<T>(
        Func<Task<(T? Found, string Seen)>> probe,
        TimeSpan timeout,
        string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);

        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            (T? found, string seen) = await probe();
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what} within {timeout.TotalSeconds:0} s; seen: {seen}");
            await Task.Delay(50);
        }
    }
}
