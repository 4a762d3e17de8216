using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace FashionListing.Tests.Web.Listings;

/// <summary>The upload limits and time limits as a seller meets them, through <see cref="PhotoIntake"/>.</summary>
public sealed class PhotoIntakeLimitTests
{
    private const string SellerId = ListingPageContext.SellerId;

    private static readonly byte[] s_photo = TestPhotos.Jpeg(SKColors.Navy);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcceptAsync_SellerPassesTheLimitPerMinute_RefusesAndSaysWhenTheyCanUploadAgain()
    {
        await using var context = Context(new StubListingSuggester(TestPhotos.TopAndJeans()), perMinute: 3);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        for (int i = 0; i < 3; i++)
        {
            await AcceptInNewListingAsync(intake);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        PhotoIntakeResult fourth = await AcceptInNewListingAsync(intake);
        _time.Advance(TimeSpan.FromSeconds(30));
        PhotoIntakeResult afterTheMinute = await AcceptInNewListingAsync(intake);

        var refused = Assert.IsType<PhotoIntakeResult.Failed>(fourth);
        Assert.Equal(
            "You have uploaded 3 photos in the last minute, the most allowed. You can upload again in 30 s.",
            refused.Message);
        Assert.IsType<PhotoIntakeResult.Accepted>(afterTheMinute);
    }

    [Fact]
    public async Task AcceptAsync_ListingPassesItsUploadCount_RefusesUntilTheListingIsReset()
    {
        await using var context = Context(new StubListingSuggester(TestPhotos.TopAndJeans()), perListing: 2);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        var listing = new ListingUploadTally();
        await intake.AcceptAsync(s_photo, suggest: true, SellerId, listing, CancellationToken.None);
        await intake.AcceptAsync(s_photo, suggest: true, SellerId, listing, CancellationToken.None);

        PhotoIntakeResult third = await intake.AcceptAsync(s_photo, true, SellerId, listing, CancellationToken.None);
        listing.Reset();
        PhotoIntakeResult afterSave =
            await intake.AcceptAsync(s_photo, true, SellerId, listing, CancellationToken.None);

        var refused = Assert.IsType<PhotoIntakeResult.Failed>(third);
        Assert.StartsWith("This listing has already received 2 photos, the most one listing may have.", refused.Message,
            StringComparison.Ordinal);
        Assert.IsType<PhotoIntakeResult.Accepted>(afterSave);
    }

    [Fact]
    public async Task AcceptAsync_ListingPassesItsTotalBytes_RefusesWithTheTotalAndTheLimit()
    {
        var suggester = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = Context(suggester, bytesPerListing: 2 * 1024 * 1024);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        var listing = new ListingUploadTally();
        byte[] upload = new byte[800 * 1024];
        s_photo.CopyTo(upload, 0);
        await intake.AcceptAsync(upload, suggest: true, SellerId, listing, CancellationToken.None);
        await intake.AcceptAsync(upload, suggest: true, SellerId, listing, CancellationToken.None);

        PhotoIntakeResult third = await intake.AcceptAsync(upload, true, SellerId, listing, CancellationToken.None);

        var refused = Assert.IsType<PhotoIntakeResult.Failed>(third);
        Assert.Equal(
            "With this photo (800 KB) the photos uploaded for this listing would add up to 2.3 MB; the limit is "
            + "2 MB per listing. Save the draft, or reload the page to start a new listing.",
            refused.Message);
        Assert.Equal(2, suggester.Calls);
    }

    [Fact]
    public async Task AcceptAsync_ServerBusy_AnswersBusyAndCountsTheUploadAgainstNoLimit()
    {
        await using var context = Context(
            new StubListingSuggester(TestPhotos.TopAndJeans()), perMinute: 1, perListing: 1, maxConcurrent: 1);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        var holder = new BlockingWork();
        Task<QueuedSuggestion> occupying =
            context.Services.GetRequiredService<SuggestionQueue>().RunAsync(holder.RunAsync, CancellationToken.None);
        var listing = new ListingUploadTally();

        PhotoIntakeResult whileBusy =
            await intake.AcceptAsync(s_photo, true, SellerId, listing, CancellationToken.None);
        holder.Finish(TestPhotos.TopAndJeans());
        await occupying;
        PhotoIntakeResult afterwards =
            await intake.AcceptAsync(s_photo, true, SellerId, listing, CancellationToken.None);

        Assert.Equal(new PhotoIntakeResult.Busy(TimeSpan.FromSeconds(5)), whileBusy);
        Assert.IsType<PhotoIntakeResult.Accepted>(afterwards);
    }

    [Theory]
    [InlineData(false, "Reading the photo took longer than 10 s, so it was stopped. Try a smaller photo, or try "
        + "again in a minute.")]
    [InlineData(true, "Analysing the photo took longer than 20 s, so it was stopped and nothing was suggested. "
        + "Try again in a minute, or fill in the card yourself.")]
    public async Task AcceptAsync_StagePassesItsTimeLimit_SaysWhatTookTooLong(bool modelStage, string expected)
    {
        var suggester = new StagedBlockingSuggester(modelStage);
        await using var context = Context(suggester);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        Task<PhotoIntakeResult> upload = intake.AcceptAsync(s_photo, true, SellerId, CancellationToken.None);
        await suggester.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(modelStage ? 20 : 10));
        PhotoIntakeResult result = await upload.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new PhotoIntakeResult.Failed(expected), result);
        suggester.Release();
    }

    [Fact]
    public async Task ReanalyseAsync_SellersStoredPhoto_AnalysedAgainWithoutStoringAnotherAndCountedPerMinute()
    {
        var suggester = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = Context(suggester, perMinute: 2);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        Guid photo = await context.StorePhotoAsync();

        PhotoIntakeResult first = await intake.ReanalyseAsync(photo, context.Seller, CancellationToken.None);
        PhotoIntakeResult second = await intake.ReanalyseAsync(photo, context.Seller, CancellationToken.None);
        PhotoIntakeResult third = await intake.ReanalyseAsync(photo, context.Seller, CancellationToken.None);

        Assert.Equal(photo, Assert.IsType<PhotoIntakeResult.Accepted>(first).PhotoId);
        Assert.IsType<PhotoIntakeResult.Accepted>(second);
        Assert.StartsWith(
            "You have uploaded 2 photos in the last minute",
            Assert.IsType<PhotoIntakeResult.Failed>(third).Message,
            StringComparison.Ordinal);
        Assert.Equal(2, suggester.Calls);
        await using var db = context.CreateDbContext();
        Assert.Equal(1, db.Photos.Count());
    }

    [Fact]
    public async Task ReanalyseAsync_AnotherSellersPhoto_RefusedWithoutRunningTheModel()
    {
        var suggester = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = Context(suggester);
        PhotoIntake intake = context.Services.GetRequiredService<PhotoIntake>();
        Guid photo = await context.StorePhotoAsync();
        var other = new FashionListing.Web.Accounts.ListingViewer("other-seller", IsSeller: true, IsModerator: false);

        PhotoIntakeResult result = await intake.ReanalyseAsync(photo, other, CancellationToken.None);

        Assert.Equal(PhotoIntake.StoredPhotoMissingMessage, Assert.IsType<PhotoIntakeResult.Failed>(result).Message);
        Assert.Equal(0, suggester.Calls);
    }

    private static Task<PhotoIntakeResult> AcceptInNewListingAsync(PhotoIntake intake) =>
        intake.AcceptAsync(s_photo, suggest: true, SellerId, new ListingUploadTally(), CancellationToken.None);

    private ListingPageContext Context(
        IListingSuggester suggester,
        int perMinute = 100,
        int perListing = 100,
        long bytesPerListing = 100 * 1024 * 1024,
        int maxConcurrent = 2) =>
        new(suggester, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Configure<UploadLimitOptions>(o =>
            {
                o.MaxPerSellerPerMinute = perMinute;
                o.MaxPerListing = perListing;
                o.MaxBytesPerListing = bytesPerListing;
            });
            services.Configure<SuggestionQueueOptions>(o =>
            {
                o.MaxConcurrent = maxConcurrent;
                o.MaxWaiting = 0;
                o.DecodeTimeLimitSeconds = 10;
                o.ModelTimeLimitSeconds = 20;
                o.BusyRetrySeconds = 5;
            });
        });

    /// <summary>
    /// Enters the decode stage, and the model stage when asked, then blocks there ignoring cancellation.
    /// </summary>
    private sealed class StagedBlockingSuggester(bool enterModelStage) : IListingSuggester
    {
        private readonly TaskCompletionSource<SuggestionOutcome> _release = new();
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _release.TrySetResult(TestPhotos.TopAndJeans());

        public Task<SuggestionOutcome> SuggestAsync(
            ReadOnlyMemory<byte> photo,
            ISuggestionStageObserver stages,
            CancellationToken cancellationToken)
        {
            stages.StageStarted(SuggestionStage.Decode);
            if (enterModelStage)
            {
                stages.StageStarted(SuggestionStage.Model);
            }

            _reached.TrySetResult();

            return _release.Task;
        }

        public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The queue always passes a stage observer.");

        public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Only suggestions are tested here.");
    }
}
