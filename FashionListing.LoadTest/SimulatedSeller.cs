using System.Diagnostics;
using Microsoft.Playwright;

namespace FashionListing.LoadTest;

/// <summary>What happened to one photo of one seller.</summary>
/// <param name="UploadMs">From choosing the file to the page showing suggestions (or its final message).</param>
/// <param name="SaveMs">From pressing Save to the page saying the draft was saved; null when not saved.</param>
/// <param name="MetBusy">Whether the page showed "The server is busy" at least once for this photo.</param>
/// <param name="Outcome">Suggested, NoGarment, GaveUpBusy or Error.</param>
/// <param name="Message">The page's error message, if any.</param>
internal sealed record PhotoRun(double UploadMs, double? SaveMs, bool MetBusy, string Outcome, string? Message);

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
        await page.GotoAsync(baseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();

        long started = Stopwatch.GetTimestamp();
        await page.Locator("input[type=file]").SetInputFilesAsync(photoPath);
        await page.Locator(Answered).First.WaitForAsync();
        bool metBusy = await page.Locator("[data-testid=busy]").CountAsync() > 0;
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

        await page.Locator("div.mud-input-control:has(input[data-testid=condition])").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Good" }).First.ClickAsync();
        await page.Locator("input[data-testid=price]").FillAsync("15");
        await page.Locator("input[data-testid=price]").PressAsync("Tab");

        started = Stopwatch.GetTimestamp();
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved], [data-testid=error]").First.WaitForAsync();
        double saveMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (await page.Locator("[data-testid=saved]").CountAsync() == 0)
        {
            string message = (await page.Locator("[data-testid=error]").InnerTextAsync()).Trim();
            return new PhotoRun(uploadMs, null, metBusy, "Error", "Save: " + message);
        }

        return new PhotoRun(uploadMs, saveMs, metBusy, suggested ? "Suggested" : "NoGarment", null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
