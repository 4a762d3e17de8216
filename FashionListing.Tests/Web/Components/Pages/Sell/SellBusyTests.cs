using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Listings;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Listings;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

/// <summary>
/// The sell page when every analysis slot is taken: it counts down, tries again by itself, and gives up with a
/// sentence after its retries. Time moves only when a test advances the fake clock, on the page's dispatcher, so
/// each countdown step has registered its delay before the clock moves.
/// </summary>
public sealed class SellBusyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Upload_ServerBusyThenFree_CountsDownAndRetriesByItself()
    {
        var suggester = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = Context(suggester, retries: 2, retrySeconds: 3);
        var holder = new BlockingWork();
        Task<QueuedSuggestion> occupying = Occupy(context, holder);
        var page = context.Render<SellPage>();

        Task upload = UploadAside(page);
        page.WaitForAssertion(() => Assert.Equal("The server is busy; retrying in 3 s…", BusyText(page)));
        await TickAsync(page);
        page.WaitForAssertion(() => Assert.Equal("The server is busy; retrying in 2 s…", BusyText(page)));
        holder.Finish(TestPhotos.TopAndJeans());
        await occupying;
        await TickAsync(page);
        page.WaitForAssertion(() => Assert.Equal("The server is busy; retrying in 1 s…", BusyText(page)));
        await TickAsync(page);
        await upload.WaitAsync(TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() =>
            Assert.Equal("Burgundy long-sleeve top", page.Find("input[data-testid=title]").GetAttribute("value")));
        Assert.Equal(1, suggester.Calls);
        Assert.Empty(page.FindAll("[data-testid=busy]"));
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public async Task Upload_ServerStaysBusy_StopsAfterItsRetriesWithAClearMessage()
    {
        var suggester = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = Context(suggester, retries: 1, retrySeconds: 2);
        var holder = new BlockingWork();
        Task<QueuedSuggestion> occupying = Occupy(context, holder);
        var page = context.Render<SellPage>();

        Task upload = UploadAside(page);
        page.WaitForAssertion(() => Assert.Equal("The server is busy; retrying in 2 s…", BusyText(page)));
        await TickAsync(page);
        page.WaitForAssertion(() => Assert.Equal("The server is busy; retrying in 1 s…", BusyText(page)));
        await TickAsync(page);
        await upload.WaitAsync(TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() => Assert.Equal(
            BusyRetry.StillBusyMessage,
            page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim()));
        Assert.Equal(0, suggester.Calls);
        Assert.Empty(page.FindAll("[data-testid=busy]"));
        Assert.Empty(page.FindAll("[data-testid=analysing]"));
        Assert.False(page.Find("[data-testid=photo-drop-zone] input[type=file]").HasAttribute("disabled"));
        holder.Finish(TestPhotos.TopAndJeans());
        await occupying;
    }

    private static Task<QueuedSuggestion> Occupy(ListingPageContext context, BlockingWork holder) =>
        context.Services.GetRequiredService<SuggestionQueue>().RunAsync(holder.RunAsync, CancellationToken.None);

    // bUnit's upload returns when the page's handler does, which waits for the countdown, so it runs aside.
    private static Task UploadAside(IRenderedComponent<SellPage> page) =>
        Task.Run(() => page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestPhotos.Jpeg(SKColors.Red), "photo.jpg", contentType: "image/jpeg")));

    private static string BusyText(IRenderedComponent<SellPage> page) =>
        page.Find("[data-testid=busy] .mud-alert-message").TextContent.Trim();

    private Task TickAsync(IRenderedComponent<SellPage> page) =>
        page.InvokeAsync(() => _time.Advance(TimeSpan.FromSeconds(1)));

    private ListingPageContext Context(IListingSuggester suggester, int retries, int retrySeconds) =>
        new(suggester, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Configure<SuggestionQueueOptions>(o =>
            {
                o.MaxConcurrent = 1;
                o.MaxWaiting = 0;
                o.BusyRetries = retries;
                o.BusyRetrySeconds = retrySeconds;

                // The slot is held by the test, not by a slow photo: no time limit may end it.
                o.DecodeTimeLimitSeconds = 600;
                o.ModelTimeLimitSeconds = 600;
            });
        });
}
