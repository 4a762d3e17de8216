using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// The app's own pages satisfy its content security policy: chromium reports every refused script, style,
/// image or connection as a "securitypolicyviolation" event, and a page that works under the policy reports none.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests : BrowserTestHost
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IListingSuggester>(new StubListingSuggester(TestPhotos.TopAndJeans()));

    [Fact]
    public async Task SellerPages_UploadAndSave_NoPolicyViolation()
    {
        IPage page = await NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        await page.GotoAsync(BaseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.jpg",
            MimeType = "image/jpeg",
            Buffer = TestPhotos.Jpeg(SKColors.Red),
        });
        await page.Locator("[data-testid=suggestions]").WaitForAsync();
        await page.Locator("[data-testid=garment-photo] img").First.WaitForAsync();
        string[] onSell = await page.EvaluateAsync<string[]>("window.__violations");
        await page.GotoAsync(BaseUrl + "/manual");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();
        string[] onManual = await page.EvaluateAsync<string[]>("window.__violations");
        await page.GotoAsync(BaseUrl + "/drafts");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        string[] onDrafts = await page.EvaluateAsync<string[]>("window.__violations");

        Assert.Empty(onSell);
        Assert.Empty(onManual);
        Assert.Empty(onDrafts);
    }
}
