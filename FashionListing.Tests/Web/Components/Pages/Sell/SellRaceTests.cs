using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using Microsoft.AspNetCore.Components.Forms;
using SkiaSharp;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

public sealed class SellRaceTests
{
    [Fact]
    public async Task Upload_NewerPhotoWhileOlderIsStillAnalysed_NewerPhotoWins()
    {
        PhotoAnalysed older = TestPhotos.TopAndJeans();
        PhotoAnalysed newer = older with
        {
            Garments = [older.Garments[0] with { Title = "The photo chosen last" }],
        };
        SlowFirstSuggester suggester = new(older, newer);
        await using var context = new ListingPageContext(suggester);
        var page = context.Render<SellPage>();

        // bUnit's upload returns when the page's handler does, so the first one, which waits, runs aside.
        Task firstUpload = Task.Run(() => page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestPhotos.Jpeg(SKColors.Red), "first.jpg", contentType: "image/jpeg")));
        page.WaitForAssertion(() => Assert.Equal(1, suggester.Calls));
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestPhotos.Jpeg(SKColors.Blue), "second.jpg", contentType: "image/jpeg"));
        page.WaitForAssertion(() =>
            Assert.Equal("The photo chosen last", page.FindComponent<ListingCard>().Instance.Model.Title));
        suggester.ReleaseFirst();
        await firstUpload.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("The photo chosen last", page.FindComponent<ListingCard>().Instance.Model.Title);
        Assert.Empty(page.FindAll("[data-testid=analysing]"));
    }

    // The first analysis waits until released (ignoring cancellation, as a stage in progress would);
    // later ones answer at once.
    private sealed class SlowFirstSuggester(PhotoAnalysed first, PhotoAnalysed later) : IListingSuggester
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public void ReleaseFirst() => _release.SetResult();

        public async Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls == 1)
            {
                await _release.Task;

                return first;
            }

            return later;
        }

        public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
            SuggestAsync(photo, cancellationToken);
    }
}
