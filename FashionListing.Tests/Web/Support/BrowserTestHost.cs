using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    private TempFolder? _folder;
    private IPlaywright? _playwright;

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
            host.ConfigureTestServices(ConfigureServices);
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

    /// <summary>Settings on top of appsettings.json, e.g. another <c>Inference:ModelFolder</c>; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Replaces services of the app under test; the default keeps the real ones.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
