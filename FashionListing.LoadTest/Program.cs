using FashionListing.LoadTest;
using Microsoft.Playwright;

// Drives N simulated sellers through the real pages of the built app, for each N in --sellers; see
// docs/benchmarks.md for what it measures and how to read it.
LoadTestSettings settings;
try
{
    settings = LoadTestSettings.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

string imagesFolder = Path.Combine(settings.PhotosFolder, "images");
if (!Directory.Exists(imagesFolder))
{
    await Console.Error.WriteLineAsync(
        $"No photos at {imagesFolder}: give the clothing dataset's folder with --photos.");
    return 2;
}

if (!File.Exists(settings.Chromium))
{
    await Console.Error.WriteLineAsync($"No browser at {settings.Chromium} (apt-get install chromium, or --chromium).");
    return 2;
}

// The same photos every run: the first ones by file name.
int needed = settings.SellerCounts.Max() * settings.PhotosPerSeller;
List<string> photos = [.. Directory.EnumerateFiles(imagesFolder, "*.jpg").Order(StringComparer.Ordinal).Take(needed)];

using IPlaywright playwright = await Playwright.CreateAsync();
await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = settings.Chromium,
    Headless = true,

    // As in the browser tests: no calls to Google's services, and root in CI needs --no-sandbox.
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"],
});

List<RoundResult> rounds = [];
foreach (int sellers in settings.SellerCounts)
{
    RoundResult round = await LoadRound.RunAsync(settings, browser, sellers, photos, Console.Out);
    rounds.Add(round);
    Console.WriteLine($"{sellers} seller(s): done in {round.WallSeconds:F1} s");
}

string report = LoadReport.Write(settings, rounds);
Console.WriteLine();
Console.Write(report);
if (settings.OutPath is not null)
{
    await File.WriteAllTextAsync(settings.OutPath, report);
}

return 0;
