using FashionListing.Tests.Similarity;
using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Duplicates;
using FashionListing.Web.Moderation;
using SkiaSharp;

namespace FashionListing.Tests.Web.Moderation;

/// <summary>
/// The finder with the real embedder, at the default <c>Moderation:DuplicateSimilarity</c>, on photos of the
/// shared clothing dataset chosen by rule (first in images.csv), not by hand.
/// </summary>
public sealed class SimilarPhotoFinderRealPhotoTests(BackboneFixture fixture) : IClassFixture<BackboneFixture>
{
    private static readonly PhotoEdit[] s_thiefEdits =
    [
        new("crop 90 %", PhotoEditKind.Crop, 0.90),
        new("JPEG quality 50", PhotoEditKind.Reencode, 50),
        new("rotate +3°", PhotoEditKind.Rotate, 3),
    ];

    [Fact]
    public async Task FindSimilarListingsAsync_CroppedReencodedAndTurnedCopies_ListsEveryCopy()
    {
        await using PhotoDataContext context = new(fixture.Embedder);
        LabelledPhoto[] originals = [.. GarmentPhotos().Take(3)];
        Dictionary<Guid, HashSet<Guid>> copiesOf = [];
        foreach (LabelledPhoto original in originals)
        {
            byte[] jpeg = fixture.CleanShared(original.Image);
            Guid draft = await context.SaveDraftAsync("owner", original.Label, jpeg);
            using SKBitmap bitmap = BackboneFixture.Decode(jpeg);
            copiesOf[draft] = [];
            foreach (PhotoEdit edit in s_thiefEdits)
            {
                byte[] copy = fixture.Clean(edit.Apply(bitmap));
                copiesOf[draft].Add(await context.SaveDraftAsync("thief", $"{original.Label}, {edit.Name}", copy));
            }
        }

        foreach ((Guid draft, HashSet<Guid> copies) in copiesOf)
        {
            SimilarListingsResult result = await context.Finder.FindSimilarListingsAsync(
                draft, PhotoDataContext.Moderator, CancellationToken.None);

            Assert.Equal(ModerationOptions.DefaultDuplicateSimilarity, result.Threshold);
            Assert.Equal(copies.Order(), result.Listings.Select(l => l.DraftId).Order());
        }
    }

    [Theory]
    [InlineData("T-Shirt")]
    [InlineData("Pants")]
    [InlineData("Shoes")]
    public async Task FindSimilarListingsAsync_DifferentPhotosOfTheSameLabel_ListsNone(string label)
    {
        await using PhotoDataContext context = new(fixture.Embedder);

        // The first six photos of the label, each of another sender (another garment), as different sellers list them.
        LabelledPhoto[] photos = [.. GarmentPhotos()
            .Where(p => p.Label == label)
            .DistinctBy(p => p.SenderId)
            .Take(6)];
        List<Guid> drafts = [];
        foreach (LabelledPhoto photo in photos)
        {
            byte[] jpeg = fixture.CleanShared(photo.Image);
            drafts.Add(await context.SaveDraftAsync("seller-" + photo.SenderId, label, jpeg));
        }

        foreach (Guid draft in drafts)
        {
            SimilarListingsResult result = await context.Finder.FindSimilarListingsAsync(
                draft, PhotoDataContext.Moderator, CancellationToken.None);

            Assert.Equal(SimilarListingsOutcome.Compared, result.Outcome);
            Assert.Empty(result.Listings);
        }
    }

    [Fact]
    public async Task FindSimilarListingsAsync_PhotosOfDifferentLabels_ListsNone()
    {
        await using PhotoDataContext context = new(fixture.Embedder);
        LabelledPhoto[] photos = [.. GarmentPhotos().DistinctBy(p => p.Label).Take(8)];
        List<Guid> drafts = [];
        foreach (LabelledPhoto photo in photos)
        {
            byte[] jpeg = fixture.CleanShared(photo.Image);
            drafts.Add(await context.SaveDraftAsync("seller-" + photo.SenderId, photo.Label, jpeg));
        }

        foreach (Guid draft in drafts)
        {
            SimilarListingsResult result = await context.Finder.FindSimilarListingsAsync(
                draft, PhotoDataContext.Moderator, CancellationToken.None);

            Assert.Empty(result.Listings);
        }
    }

    private static IReadOnlyList<LabelledPhoto> GarmentPhotos() =>
        ClothingDataset.ReadGarmentPhotos(Path.Combine(SharedData.ClothingDataset, "images.csv"));
}
