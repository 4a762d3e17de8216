using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Moderation;
using SkiaSharp;

namespace FashionListing.Tests.Web.Moderation;

/// <summary>
/// The finder's rules, with <see cref="TestPhotoEmbedder"/> (mean colour) so that similarities are known by hand;
/// <see cref="SimilarPhotoFinderRealPhotoTests"/> checks it on real photos with the real embedder.
/// </summary>
public sealed class SimilarPhotoFinderTests
{
    public static TheoryData<ListingViewer> NonModerators =>
    [
        new ListingViewer("seller-1", IsSeller: true, IsModerator: false),
        new ListingViewer("researcher-1", IsSeller: false, IsModerator: false),
        ListingViewer.Anonymous,
    ];

    [Theory]
    [MemberData(nameof(NonModerators))]
    public async Task FindSimilarListingsAsync_NotAModerator_Throws(ListingViewer viewer)
    {
        await using PhotoDataContext context = new(new TestPhotoEmbedder());
        Guid draft = await context.SaveDraftAsync("seller-1", "Red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));
        await context.SaveDraftAsync("seller-2", "Red jumper too", PhotoDataContext.FlatJpeg(SKColors.Red));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => context.Finder.FindSimilarListingsAsync(draft, viewer, CancellationToken.None));
    }

    [Fact]
    public async Task FindSimilarListingsAsync_DraftSharingThePhoto_ListsItButNeverTheDraftItself()
    {
        await using PhotoDataContext context = new(new TestPhotoEmbedder());
        Guid photo = await context.Photos.SaveAsync(
            PhotoDataContext.FlatJpeg(SKColors.Red), "s1", CancellationToken.None);
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", photo);
        Guid twin = await context.SaveDraftAsync("s1", "Red jumper, again", photo);
        await context.SaveDraftAsync("s2", "Blue jeans", PhotoDataContext.FlatJpeg(SKColors.Blue));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal(SimilarListingsOutcome.Compared, result.Outcome);
        SimilarListing listed = Assert.Single(result.Listings);
        Assert.Equal(twin, listed.DraftId);
        Assert.Equal(1f, listed.Similarity, 1e-5f);
    }

    [Fact]
    public async Task FindSimilarListingsAsync_CopyByAnotherSeller_GivesTheirIdEmailAndTitle()
    {
        await using PhotoDataContext context = new(new TestPhotoEmbedder());
        await context.AddUserAsync("thief", "thief@example.test");
        Guid draft = await context.SaveDraftAsync("owner", "Red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));
        Guid copy = await context.SaveDraftAsync("thief", "Lovely red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        SimilarListing listed = Assert.Single(result.Listings);
        Assert.Equal(
            (copy, "Lovely red jumper", "thief", "thief@example.test"),
            (listed.DraftId, listed.Title, listed.OwnerId, listed.OwnerEmail));
    }

    [Theory]
    [InlineData("0.85", 1)]
    [InlineData("0.95", 0)]
    public async Task FindSimilarListingsAsync_SimilarityAgainstTheSetting_ListsOnlyAtOrAbove(
        string setting,
        int expected)
    {
        // Mean colours (255, 0, 0) and (255, 128, 0): cosine 255 / sqrt(255^2 + 128^2) = 0.894.
        await using PhotoDataContext context = new(
            new TestPhotoEmbedder(),
            new Dictionary<string, string?> { ["Moderation:DuplicateSimilarity"] = setting });
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", Flat(255, 0, 0));
        await context.SaveDraftAsync("s2", "Orange jumper", Flat(255, 128, 0));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal(expected, result.Listings.Count);
        Assert.Equal(double.Parse(setting, System.Globalization.CultureInfo.InvariantCulture), result.Threshold);
    }

    [Fact]
    public async Task FindSimilarListingsAsync_SeveralCopies_ListsTheMostSimilarFirst()
    {
        await using PhotoDataContext context = new(
            new TestPhotoEmbedder(),
            new Dictionary<string, string?> { ["Moderation:DuplicateSimilarity"] = "0.8" });
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", Flat(255, 0, 0));
        Guid farther = await context.SaveDraftAsync("s2", "Orange", Flat(255, 128, 0));
        Guid closer = await context.SaveDraftAsync("s3", "Red-orange", Flat(255, 60, 0));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal([closer, farther], result.Listings.Select(l => l.DraftId));
    }

    [Fact]
    public async Task FindSimilarListingsAsync_DraftWithoutPhoto_SaysThereIsNothingToCompare()
    {
        await using PhotoDataContext context = new(new TestPhotoEmbedder());
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", photoId: null);

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal((SimilarListingsOutcome.NoPhoto, 0), (result.Outcome, result.Listings.Count));
    }

    [Fact]
    public async Task FindSimilarListingsAsync_UnknownDraft_SaysSo()
    {
        await using PhotoDataContext context = new(new TestPhotoEmbedder());

        SimilarListingsResult result = await context.Finder.FindSimilarListingsAsync(
            Guid.NewGuid(), PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal(SimilarListingsOutcome.DraftNotFound, result.Outcome);
    }

    [Fact]
    public async Task FindSimilarListingsAsync_PhotoWhoseEmbeddingFailedAtUpload_IsEmbeddedNowAndCompared()
    {
        TestPhotoEmbedder embedder = new() { Fails = true };
        await using PhotoDataContext context = new(embedder);
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));
        embedder.Fails = false;
        Guid copy = await context.SaveDraftAsync("s2", "Red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal(SimilarListingsOutcome.Compared, result.Outcome);
        Assert.Equal(copy, Assert.Single(result.Listings).DraftId);
    }

    [Fact]
    public async Task FindSimilarListingsAsync_EmbeddingStillFails_SaysThePhotoIsNotIndexed()
    {
        TestPhotoEmbedder embedder = new() { Fails = true };
        await using PhotoDataContext context = new(embedder);
        Guid draft = await context.SaveDraftAsync("s1", "Red jumper", PhotoDataContext.FlatJpeg(SKColors.Red));

        SimilarListingsResult result =
            await context.Finder.FindSimilarListingsAsync(draft, PhotoDataContext.Moderator, CancellationToken.None);

        Assert.Equal(SimilarListingsOutcome.PhotoNotIndexed, result.Outcome);
    }

    private static byte[] Flat(byte red, byte green, byte blue) =>
        PhotoDataContext.FlatJpeg(new SKColor(red, green, blue));
}
