using System.Diagnostics;
using Microsoft.Playwright;

namespace FashionListing.LoadTest;

/// <summary>What happened to one photo of one seller.</summary>
/// <param name="UploadMs">From choosing the file to the page showing suggestions (or its final message).</param>
/// <param name="SaveMs">From pressing Save to the page saying the draft was saved; null when not saved.</param>
/// <param name="MetBusy">Whether the page showed "The server is busy" at least once for this photo.</param>
/// <param name="Outcome">Suggested, NoGarment, GaveUpBusy or Error.</param>
/// <param name="Message">The page's error message, if any.</param>
/// <param name="SaveClicks">How many clicks on Save it took; more than one means a click came to nothing.</param>
internal sealed record PhotoRun(
    double UploadMs,
    double? SaveMs,
    bool MetBusy,
    string Outcome,
    string? Message,
    int SaveClicks = 0);

/// <summary>
/// One seller in a browser context of their own: signs in through the real sign-in page, then for each photo opens
/// <c>/sell</c>, uploads the photo, waits for the suggestions, completes the card and saves the draft.
/// </summary>
internal sealed class SimulatedSeller(IBrowser browser, string baseUrl, string email, TimeSpan stepTimeout)
    : IAsyncDisposable
{
    public const string Password = "Load-Seller-2026!";

    private const string Answered =
        "[data-testid=suggestions], [data-testid=no-garment], [data-testid=error], [data-testid=busy]";

    private const string Final = "[data-testid=suggestions], [data-testid=no-garment], [data-testid=error]";

    private IBrowserContext? _context;
    private IPage? _page;

    /// <summary>What the seller was doing last, so that a failure can say where it stopped.</summary>
    public string Step { get; private set; } = "not started";

    /// <summary>Saves what the seller's page shows now, for a failure's report.</summary>
    public async Task ScreenshotAsync(string path)
    {
        try
        {
            if (_page is not null)
            {
                await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            }
        }
        catch (PlaywrightException)
        {
            // A page that can no longer be photographed leaves the report with the failure's message alone.
        }
    }

    /// <summary>Creates the seller's account through the registration page, in a context that is then closed.</summary>
    public async Task RegisterAsync()
    {
        await using IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)stepTimeout.TotalMilliseconds);
        await page.GotoAsync(baseUrl + "/account/register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.Locator("[data-testid=register]").ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/sell");
    }

    /// <summary>Opens the seller's own context and signs in through the sign-in page.</summary>
    public async Task SignInAsync()
    {
        _context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout((float)stepTimeout.TotalMilliseconds);
        await _page.GotoAsync(baseUrl + "/account/login");
        await _page.Locator("#email").FillAsync(email);
        await _page.Locator("#password").FillAsync(Password);
        await _page.Locator("[data-testid=sign-in]").ClickAsync();
        await _page.WaitForURLAsync(baseUrl + "/");
    }

    /// <summary>Lists one photo: upload, wait for the suggestions, complete the card, save.</summary>
    public async Task<PhotoRun> ListAsync(string photoPath)
    {
        IPage page = _page ?? throw new InvalidOperationException("Sign in first.");
        Step = "opening /sell";
        await page.GotoAsync(baseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();

        Step = "uploading and waiting for the suggestions";
        long started = Stopwatch.GetTimestamp();
        await page.Locator("input[type=file]").SetInputFilesAsync(photoPath);
        await page.Locator(Answered).First.WaitForAsync();

        // When no final answer is there yet, the busy notice was what appeared, even if the page has moved on to
        // its next try since.
        bool metBusy = await page.Locator(Final).CountAsync() == 0;
        if (metBusy)
        {
            await page.Locator(Final).First.WaitForAsync();
        }

        double uploadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (await page.Locator("[data-testid=error]").CountAsync() > 0)
        {
            string message = (await page.Locator("[data-testid=error]").InnerTextAsync()).Trim();
            string outcome = message.StartsWith("Still busy", StringComparison.Ordinal) ? "GaveUpBusy" : "Error";

            return new PhotoRun(uploadMs, null, metBusy, outcome, message);
        }

        bool suggested = await page.Locator("[data-testid=suggestions]").CountAsync() > 0;
        ILocator title = page.Locator("input[data-testid=title]");
        if (string.IsNullOrWhiteSpace(await title.InputValueAsync()))
        {
            await title.FillAsync("Garment from the load test");
        }

        Step = "choosing the condition";
        await ChooseConditionAsync(page);
        Step = "filling the price";
        await page.Locator("input[data-testid=price]").FillAsync("15");
        await page.Locator("input[data-testid=price]").PressAsync("Tab");

        Step = "saving";
        started = Stopwatch.GetTimestamp();
        int saveClicks = await SaveAsync(page);
        double saveMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (await page.Locator("[data-testid=saved]").CountAsync() == 0)
        {
            string message = (await page.Locator("[data-testid=error]").InnerTextAsync()).Trim();
            return new PhotoRun(uploadMs, null, metBusy, "Error", "Save: " + message, saveClicks);
        }

        return new PhotoRun(uploadMs, saveMs, metBusy, suggested ? "Suggested" : "NoGarment", null, saveClicks);
    }

    // The condition is a row of radio buttons: one click on the label.
    private static Task ChooseConditionAsync(IPage page) =>
        page.Locator("[data-testid=condition] label", new() { HasText = "Good" }).ClickAsync();

    // A seller whose click on Save seems to come to nothing (the page shows neither "saved" nor an error) looks,
    // fixes what the card says and clicks again; the card used to lose clicks on a loaded server, so the report
    // counts the clicks that had to be repeated. While a save runs the button is disabled, so a second click
    // cannot save twice. Returns the number of clicks; the time measured runs from the first.
    private static async Task<int> SaveAsync(IPage page)
    {
        ILocator save = page.Locator("[data-testid=save]");
        ILocator answered = page.Locator("[data-testid=saved], [data-testid=error]").First;
        for (int attempt = 1; ; attempt++)
        {
            await save.ClickAsync();
            try
            {
                await answered.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
                return attempt;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                // Neither saved nor refused yet: click again only when the click was lost (the button is enabled),
                // and keep waiting when the save is still running.
            }

            if (!await save.IsEnabledAsync())
            {
                await answered.WaitForAsync();
                return attempt;
            }

            // A price emptied by the page would show "Set a price."; a seller types it again.
            ILocator price = page.Locator("input[data-testid=price]");
            if (string.IsNullOrWhiteSpace(await price.InputValueAsync()))
            {
                await price.FillAsync("15");
                await price.PressAsync("Tab");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
