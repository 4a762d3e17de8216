using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace FashionListing.LoadTest;

/// <summary>The measurements of one round: N sellers at once against a freshly started app.</summary>
internal sealed record RoundResult(
    int Sellers,
    int PhotosPerSeller,
    double WallSeconds,
    IReadOnlyList<PhotoRun> Photos,
    int SellerFailures,
    IReadOnlyList<string> FailureMessages,
    int BusyAnswers,
    long PeakMemoryBytes,
    string LoadBefore,
    string LoadAfter);

/// <summary>
/// Starts the app, registers and signs in N sellers (not timed), then lets them all list their photos at once and
/// measures each step; the app's peak memory is read before it is stopped.
/// </summary>
internal static class LoadRound
{
    // What the suggestion queue logs for every upload it answers busy.
    private const string BusyLogText = "An upload was answered busy";

    public static async Task<RoundResult> RunAsync(
        LoadTestSettings settings,
        IBrowser browser,
        int sellerCount,
        IReadOnlyList<string> photos,
        TextWriter progress)
    {
        await using AppServerProcess server =
            await AppServerProcess.StartAsync(settings.AppPath, settings.AppSettings, CancellationToken.None);
        await progress.WriteLineAsync(
            $"{sellerCount} seller(s): app started at {server.BaseUrl} (pid {server.ProcessId})");

        List<SimulatedSeller> sellers = [];
        try
        {
            for (int i = 0; i < sellerCount; i++)
            {
                string email = string.Create(CultureInfo.InvariantCulture, $"load-seller-{i:D3}@sellers.test");
                sellers.Add(new SimulatedSeller(browser, server.BaseUrl, email, settings.StepTimeout));
            }

            // Setting up is not measured; four at a time keeps it from becoming a load test of its own.
            using (var setup = new SemaphoreSlim(4))
            {
                await Task.WhenAll(sellers.Select(async seller =>
                {
                    await setup.WaitAsync();
                    try
                    {
                        await seller.RegisterAsync();
                        await seller.SignInAsync();
                    }
                    finally
                    {
                        setup.Release();
                    }
                }));
            }

            await progress.WriteLineAsync($"{sellerCount} seller(s): signed in; listing photos now");
            string loadBefore = LoadAverage();
            long started = Stopwatch.GetTimestamp();
            var failures = new List<string>();
            PhotoRun[][] runs = await Task.WhenAll(sellers.Select(async (seller, index) =>
            {
                List<PhotoRun> done = [];
                try
                {
                    for (int j = 0; j < settings.PhotosPerSeller; j++)
                    {
                        string photo = photos[((index * settings.PhotosPerSeller) + j) % photos.Count];
                        done.Add(await seller.ListAsync(photo));
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    string screenshot = Path.Combine(
                        Path.GetTempPath(),
                        string.Create(CultureInfo.InvariantCulture, $"fashionlisting-load-{sellerCount}-{index}.png"));
                    await seller.ScreenshotAsync(screenshot);
                    lock (failures)
                    {
                        failures.Add($"while {seller.Step} (photo {done.Count + 1}): {ex.Message.Split('\n')[0]} "
                            + $"(screenshot {screenshot})");
                    }
                }

                return done.ToArray();
            }));
            double wallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            string loadAfter = LoadAverage();

            return new RoundResult(
                sellerCount,
                settings.PhotosPerSeller,
                wallSeconds,
                [.. runs.SelectMany(r => r)],
                failures.Count,
                failures,
                server.CountLogLines(BusyLogText),
                server.PeakMemoryBytes(),
                loadBefore,
                loadAfter);
        }
        finally
        {
            foreach (SimulatedSeller seller in sellers)
            {
                await seller.DisposeAsync();
            }
        }
    }

    // The 1-, 5- and 15-minute load averages: the cores are shared, so the report says how busy they were.
    private static string LoadAverage() =>
        string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
