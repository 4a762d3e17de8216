using System.Collections.Concurrent;
using System.Text;
using FashionListing.Tests.Support;
using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// The web app on Kestrel at a free loopback port, with its data in a temporary folder, and Debian's
/// headless chromium driven by Playwright (Playwright's own browser download cannot work offline). Each page
/// signs in as a seller through the real sign-in page first; no test-only authentication is involved.
/// </summary>
public abstract class BrowserTestHost : IAsyncLifetime, IDisposable
{
    /// <summary>The seller account every page signs in as.</summary>
    protected const string SellerEmail = "browser-seller@sellers.test";

    private const string Chromium = "/usr/bin/chromium";

    private readonly ConcurrentQueue<string> _browserErrors = new();
    private TempFolder? _folder;
    private IPlaywright? _playwright;

    /// <summary>Everything the app under test logged, shown when a step of a test fails.</summary>
    protected CollectingLoggerProvider ServerLog { get; } = new();

    protected WebApplicationFactory<Program> Factory { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Assert.True(
            File.Exists(Chromium),
            $"The browser tests need chromium at {Chromium} (apt-get install chromium).");
        _folder = new TempFolder();
        string dataFolder = _folder.Path;
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");

            // Port 0: the system picks a free port, so test classes can run side by side.
            host.UseUrls("http://127.0.0.1:0");
            Dictionary<string, string?> settings = new(Settings) { ["Storage:DataFolder"] = dataFolder };
            host.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            host.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(ServerLog);
                ConfigureServices(services);
            });
        });
        Factory.UseKestrel();
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        await using (AsyncServiceScope scope = Factory.Services.CreateAsyncScope())
        {
            AccountCreation created = await AccountSetup.CreateAccountAsync(
                scope.ServiceProvider, AccountRoles.Seller, SellerEmail, AppTestHost.Password, CancellationToken.None);
            Assert.IsType<AccountCreation.Created>(created);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,

            // Without the networking flags chromium keeps trying to reach Google's services, which a
            // closed network refuses; running as root in CI needs --no-sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }

    // xunit calls this after DisposeAsync, when the server no longer holds the database open.
    public void Dispose()
    {
        _folder?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A new page, in a browser context of its own, signed in as <paramref name="email"/> (by default the
    /// seller <see cref="SellerEmail"/>, with the password <see cref="AppTestHost.Password"/>) unless
    /// <paramref name="signIn"/> is false. Its waits (and those of <see cref="Assertions.Expect(ILocator)"/>)
    /// allow a minute: the whole suite runs test classes side by side on two cores, loading models, so the
    /// browser and the app can be slow to answer.
    /// </summary>
    protected async Task<IPage> NewPageAsync(
        BrowserNewPageOptions? options = null,
        bool signIn = true,
        string email = SellerEmail)
    {
        IPage page = await Browser.NewPageAsync(options);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _browserErrors.Enqueue($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _browserErrors.Enqueue($"page error: {error}");
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        if (signIn)
        {
            await page.GotoAsync(BaseUrl + "/account/login");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(AppTestHost.Password);
            await page.Locator("[data-testid=sign-in]").ClickAsync();
            await page.WaitForURLAsync(BaseUrl + "/");
        }

        return page;
    }

    /// <summary>Picks the item's condition on the listing card by its label, as a seller clicks it.</summary>
    protected static async Task ChooseConditionAsync(IPage page, string condition)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("[data-testid=condition] label", new() { HasText = condition }).ClickAsync();
        await Assertions.Expect(ConditionRadio(page, condition)).ToBeCheckedAsync();
    }

    /// <summary>The radio button of <paramref name="condition"/> on the listing card.</summary>
    protected static ILocator ConditionRadio(IPage page, string condition)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-testid=condition] label", new() { HasText = condition }).Locator("input");
    }

    /// <summary>
    /// Runs one step of a test on <paramref name="page"/>; when it fails (a wait runs out, mostly), the failure
    /// says what the page showed as wrong (validation messages, alerts, Blazor's error bar), what the browser
    /// reported and what the server logged as a warning or error, and where a screenshot of the page is.
    /// </summary>
    protected async Task StepAsync(IPage page, string what, Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new InvalidOperationException($"{what} failed.\n{await DescribeAsync(page)}", ex);
        }
    }

    private async Task<string> DescribeAsync(IPage page)
    {
        var text = new StringBuilder();
        text.AppendLine($"Address: {page.Url}");
        try
        {
            string screenshot = Path.Combine(Path.GetTempPath(), $"fashionlisting-failed-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Timeout = 10_000 });
            text.AppendLine($"Screenshot: {screenshot}");
            IReadOnlyList<string> shown = await page.Locator(
                ".validation-message, .mud-input-helper-text.mud-input-error, .mud-alert, #blazor-error-ui:visible")
                .AllInnerTextsAsync();
            text.AppendLine($"The page showed: {(shown.Count == 0 ? "no message" : string.Join(" | ", shown))}");
        }
        catch (PlaywrightException ex)
        {
            text.AppendLine($"The page could not be read: {ex.Message}");
        }

        string reported = _browserErrors.IsEmpty ? "nothing" : string.Join(" | ", _browserErrors);
        text.AppendLine($"The browser reported: {reported}");
        text.AppendLine("The server logged:");
        foreach (LogEntry entry in ServerLog.Entries.Where(e => e.Level >= LogLevel.Warning))
        {
            text.AppendLine($"  {entry.Level} {entry.Category}: {entry.Message} {entry.Exception}");
        }

        return text.ToString();
    }

    /// <summary>Settings on top of appsettings.json, e.g. another <c>Inference:ModelFolder</c>; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Replaces services of the app under test; the default keeps the real ones.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
