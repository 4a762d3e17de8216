using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Data;

public sealed class ListingDraftServiceTests
{
    private static readonly ListingViewer s_otherSeller = new("other-seller", IsSeller: true, IsModerator: false);

    [Fact]
    public async Task SaveAsync_AnotherSellersDraft_ThrowsAndLeavesItUnchanged()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        Guid id = await service.SaveNewAsync(Draft("Linen shirt", null), context.Seller);
        ListingDraft changed = Draft("Taken over", null);
        changed.Id = id;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => service.SaveAsync(changed, s_otherSeller, CancellationToken.None));

        await using ListingDbContext db = context.CreateDbContext();
        ListingDraft stored = await db.Drafts.SingleAsync();
        Assert.Equal("Linen shirt", stored.Title);
        Assert.Equal(ListingPageContext.SellerId, stored.OwnerId);
    }

    [Fact]
    public async Task SaveAsync_PhotoUploadedByAnotherSeller_ThrowsAndSavesNothing()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        Guid othersPhoto = await context.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SKColors.Navy), s_otherSeller.UserId!, CancellationToken.None);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => service.SaveAsync(Draft("Navy coat", othersPhoto), context.Seller, CancellationToken.None));

        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(0, await db.Drafts.CountAsync());
    }

    [Fact]
    public async Task SaveAsync_Moderator_Throws()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        var moderator = new ListingViewer("moderator-1", IsSeller: false, IsModerator: true);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => service.SaveAsync(Draft("Wool scarf", null), moderator, CancellationToken.None));
    }

    private static ListingDraft Draft(string title, Guid? photoId) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Condition = ItemCondition.Good,
        Price = 20m,
        PhotoId = photoId,
    };
}
