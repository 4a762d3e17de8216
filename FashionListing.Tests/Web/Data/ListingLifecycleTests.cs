using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Data;

/// <summary>
/// The life cycle in the draft service: draft, submitted, approved or rejected, and back; each change recorded
/// with who and when, each wrong change refused.
/// </summary>
public sealed class ListingLifecycleTests : IAsyncDisposable
{
    private static readonly ListingViewer s_otherSeller = new("other-seller", IsSeller: true, IsModerator: false);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private ListingDraftService Service => _context.Services.GetRequiredService<ListingDraftService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_NewDraft_StoredAsSubmittedWithOneHistoryRow()
    {
        DateTime now = _context.Clock.GetUtcNow().UtcDateTime;

        ListingWriteResult result = await Service.SubmitAsync(Draft("Linen shirt"), _context.Seller, default);

        var written = Assert.IsType<ListingWriteResult.Written>(result);
        Assert.Equal(ListingStatus.Submitted, written.Status);
        ListingDraft stored = await StoredAsync(written.Id);
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.Equal(now, stored.SubmittedUtc);
        Assert.Equal(written.Version, stored.Version);
        ListingStatusChange change = Assert.Single(await HistoryAsync(written.Id));
        Assert.Equal((ListingStatus.Draft, ListingStatus.Submitted), (change.From, change.To));
        Assert.Equal(ListingPageContext.SellerId, change.UserId);
        Assert.Equal(now, change.ChangedUtc);
        Assert.Null(change.Reason);
    }

    [Fact]
    public async Task SubmitAsync_SavedDraftWithEditedTitle_SavesTheCardAndSubmitsInOneWrite()
    {
        ListingDraft saved = await SavedAsync("Linen shirt");
        ListingDraft edited = Edit(saved, "Linen shirt, ironed");

        var written = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(edited, _context.Seller, default));

        ListingDraft stored = await StoredAsync(saved.Id);
        Assert.Equal("Linen shirt, ironed", stored.Title);
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.NotEqual(saved.Version, written.Version);
    }

    [Fact]
    public async Task ApproveAsync_Submitted_ApprovedWithTheModeratorInTheHistory()
    {
        ListingDraft submitted = await SubmittedAsync("Denim jacket");
        _context.Clock.Advance(TimeSpan.FromMinutes(42));

        var written = Assert.IsType<ListingWriteResult.Written>(
            await Service.ApproveAsync(submitted.Id, submitted.Version, _context.Moderator, default));

        Assert.Equal(ListingStatus.Approved, written.Status);
        Assert.Equal(ListingStatus.Approved, (await StoredAsync(submitted.Id)).Status);
        IReadOnlyList<ListingStatusChange> history = await HistoryAsync(submitted.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal((ListingStatus.Submitted, ListingStatus.Approved), (history[1].From, history[1].To));
        Assert.Equal(ListingPageContext.ModeratorId, history[1].UserId);
        Assert.Equal(history[0].ChangedUtc.AddMinutes(42), history[1].ChangedUtc);
    }

    [Fact]
    public async Task RejectAsync_Submitted_ReasonAndNoteOnTheListingAndInTheHistory()
    {
        ListingDraft submitted = await SubmittedAsync("Denim jacket");

        var written = Assert.IsType<ListingWriteResult.Written>(await Service.RejectAsync(
            submitted.Id,
            submitted.Version,
            _context.Moderator,
            RejectionReason.WrongCategory,
            "  It is a coat, not a jacket. ",
            default));

        Assert.Equal(ListingStatus.Rejected, written.Status);
        ListingDraft stored = await StoredAsync(submitted.Id);
        Assert.Equal(RejectionReason.WrongCategory, stored.RejectionReason);
        Assert.Equal("It is a coat, not a jacket.", stored.RejectionNote);
        ListingStatusChange change = (await HistoryAsync(submitted.Id))[^1];
        Assert.Equal((ListingStatus.Submitted, ListingStatus.Rejected), (change.From, change.To));
        Assert.Equal(RejectionReason.WrongCategory, change.Reason);
        Assert.Equal("It is a coat, not a jacket.", change.Note);
        Assert.Equal(ListingPageContext.ModeratorId, change.UserId);
    }

    [Fact]
    public async Task SaveAsync_Rejected_EditableAndStaysRejectedWithItsReason()
    {
        ListingDraft rejected = await RejectedAsync("Denim jacket");

        var written = Assert.IsType<ListingWriteResult.Written>(
            await Service.SaveAsync(Edit(rejected, "Denim coat"), _context.Seller, default));

        ListingDraft stored = await StoredAsync(rejected.Id);
        Assert.Equal(ListingStatus.Rejected, written.Status);
        Assert.Equal("Denim coat", stored.Title);
        Assert.Equal(RejectionReason.WrongCategory, stored.RejectionReason);
        Assert.Equal(2, (await HistoryAsync(rejected.Id)).Count);
    }

    [Fact]
    public async Task SubmitAsync_Rejected_SubmittedAgainWithTheReasonOnlyInTheHistory()
    {
        ListingDraft rejected = await RejectedAsync("Denim jacket");

        Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Edit(rejected, "Denim coat"), _context.Seller, default));

        ListingDraft stored = await StoredAsync(rejected.Id);
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.Null(stored.RejectionReason);
        Assert.Null(stored.RejectionNote);
        IReadOnlyList<ListingStatusChange> history = await HistoryAsync(rejected.Id);
        Assert.Equal(
            [
                (ListingStatus.Draft, ListingStatus.Submitted),
                (ListingStatus.Submitted, ListingStatus.Rejected),
                (ListingStatus.Rejected, ListingStatus.Submitted),
            ],
            history.Select(c => (c.From, c.To)));
        Assert.Equal(RejectionReason.WrongCategory, history[1].Reason);
    }

    [Theory]
    [InlineData(ListingStatus.Submitted, false)]
    [InlineData(ListingStatus.Submitted, true)]
    [InlineData(ListingStatus.Approved, false)]
    [InlineData(ListingStatus.Approved, true)]
    public async Task SellerWrite_SubmittedOrApproved_RefusedAndNothingChanges(ListingStatus status, bool submit)
    {
        ListingDraft listing = await InStatusAsync(status, "Wool scarf");
        ListingDraft edited = Edit(listing, "Wool scarf, changed after review");

        ListingWriteResult result = submit
            ? await Service.SubmitAsync(edited, _context.Seller, default)
            : await Service.SaveAsync(edited, _context.Seller, default);

        var refused = Assert.IsType<ListingWriteResult.Refused>(result);
        Assert.Equal(status, refused.Status);
        ListingDraft stored = await StoredAsync(listing.Id);
        Assert.Equal("Wool scarf", stored.Title);
        Assert.Equal(listing.Version, stored.Version);
        Assert.Equal((await HistoryAsync(listing.Id)).Count, status == ListingStatus.Submitted ? 1 : 2);
    }

    [Theory]
    [InlineData(ListingStatus.Draft, true)]
    [InlineData(ListingStatus.Draft, false)]
    [InlineData(ListingStatus.Approved, true)]
    [InlineData(ListingStatus.Approved, false)]
    [InlineData(ListingStatus.Rejected, true)]
    [InlineData(ListingStatus.Rejected, false)]
    public async Task Decision_ListingNotSubmitted_RefusedAndNothingRecorded(ListingStatus status, bool approve)
    {
        ListingDraft listing = await InStatusAsync(status, "Wool scarf");
        int before = (await HistoryAsync(listing.Id)).Count;

        ListingWriteResult result = approve
            ? await Service.ApproveAsync(listing.Id, listing.Version, _context.Moderator, default)
            : await Service.RejectAsync(
                listing.Id, listing.Version, _context.Moderator, RejectionReason.ProhibitedItem, null, default);

        var refused = Assert.IsType<ListingWriteResult.Refused>(result);
        Assert.Equal(status, refused.Status);
        Assert.Equal(status, (await StoredAsync(listing.Id)).Status);
        Assert.Equal(before, (await HistoryAsync(listing.Id)).Count);
    }

    [Fact]
    public async Task SubmitAsync_AnotherSellersDraft_ThrowsAndNothingChanges()
    {
        ListingDraft saved = await SavedAsync("Linen shirt");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Service.SubmitAsync(Edit(saved, "Taken over"), s_otherSeller, default));

        ListingDraft stored = await StoredAsync(saved.Id);
        Assert.Equal(ListingStatus.Draft, stored.Status);
        Assert.Equal("Linen shirt", stored.Title);
        Assert.Empty(await HistoryAsync(saved.Id));
    }

    [Fact]
    public async Task SubmitAsync_Moderator_Throws()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Service.SubmitAsync(Draft("Linen shirt"), _context.Moderator, default));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Decision_NotAModerator_ThrowsAndNothingChanges(bool approve, bool asResearcher)
    {
        ListingDraft submitted = await SubmittedAsync("Denim jacket");
        ListingViewer viewer = asResearcher ? new ListingViewer("researcher-1", false, false) : s_otherSeller;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => approve
            ? Service.ApproveAsync(submitted.Id, submitted.Version, viewer, default)
            : Service.RejectAsync(submitted.Id, submitted.Version, viewer, RejectionReason.Other, "No.", default));

        Assert.Equal(ListingStatus.Submitted, (await StoredAsync(submitted.Id)).Status);
    }

    [Fact]
    public async Task ApproveAsync_ModeratorWhoAlsoSellsAndOwnsIt_Refused()
    {
        ListingDraft submitted = await SubmittedAsync("Denim jacket");
        var sellerAndModerator = new ListingViewer(ListingPageContext.SellerId, IsSeller: true, IsModerator: true);

        ListingWriteResult result =
            await Service.ApproveAsync(submitted.Id, submitted.Version, sellerAndModerator, default);

        Assert.IsType<ListingWriteResult.Refused>(result);
        Assert.Equal(ListingStatus.Submitted, (await StoredAsync(submitted.Id)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task RejectAsync_OtherWithoutANote_Throws(string? note)
    {
        ListingDraft submitted = await SubmittedAsync("Denim jacket");

        await Assert.ThrowsAsync<ArgumentException>(() => Service.RejectAsync(
            submitted.Id, submitted.Version, _context.Moderator, RejectionReason.Other, note, default));

        Assert.Equal(ListingStatus.Submitted, (await StoredAsync(submitted.Id)).Status);
    }

    [Fact]
    public async Task Write_EachSuccessfulOne_ReplacesTheVersion()
    {
        ListingDraft saved = await SavedAsync("Linen shirt");
        var resaved = Assert.IsType<ListingWriteResult.Written>(
            await Service.SaveAsync(Edit(saved, "Linen shirt, white"), _context.Seller, default));
        ListingDraft afterSave = await StoredAsync(saved.Id);
        var submitted = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(afterSave, _context.Seller, default));

        var approved = Assert.IsType<ListingWriteResult.Written>(
            await Service.ApproveAsync(saved.Id, submitted.Version, _context.Moderator, default));

        Guid[] versions = [saved.Version, resaved.Version, submitted.Version, approved.Version];
        Assert.Equal(4, versions.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, versions);
        Assert.Equal(approved.Version, (await StoredAsync(saved.Id)).Version);
    }

    private async Task<ListingDraft> SavedAsync(string title)
    {
        Guid id = await Service.SaveNewAsync(Draft(title), _context.Seller);
        return await StoredAsync(id);
    }

    private async Task<ListingDraft> SubmittedAsync(string title)
    {
        var written = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Draft(title), _context.Seller, default));
        return await StoredAsync(written.Id);
    }

    private async Task<ListingDraft> RejectedAsync(string title)
    {
        ListingDraft submitted = await SubmittedAsync(title);
        Assert.IsType<ListingWriteResult.Written>(await Service.RejectAsync(
            submitted.Id, submitted.Version, _context.Moderator, RejectionReason.WrongCategory, null, default));
        return await StoredAsync(submitted.Id);
    }

    private async Task<ListingDraft> InStatusAsync(ListingStatus status, string title)
    {
        switch (status)
        {
            case ListingStatus.Draft:
                return await SavedAsync(title);
            case ListingStatus.Submitted:
                return await SubmittedAsync(title);
            case ListingStatus.Rejected:
                return await RejectedAsync(title);
            default:
                ListingDraft submitted = await SubmittedAsync(title);
                Assert.IsType<ListingWriteResult.Written>(
                    await Service.ApproveAsync(submitted.Id, submitted.Version, _context.Moderator, default));
                return await StoredAsync(submitted.Id);
        }
    }

    private async Task<ListingDraft> StoredAsync(Guid id)
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<IReadOnlyList<ListingStatusChange>> HistoryAsync(Guid id)
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.StatusChanges.AsNoTracking().Where(c => c.DraftId == id).OrderBy(c => c.Id).ToListAsync();
    }

    // What a page sends back: the stored listing's id and version with the card's fields.
    private static ListingDraft Edit(ListingDraft loaded, string title) => new()
    {
        Id = loaded.Id,
        Version = loaded.Version,
        Mode = loaded.Mode,
        Title = title,
        Condition = loaded.Condition,
        Price = loaded.Price,
        PhotoId = loaded.PhotoId,
        SuggestionJson = loaded.SuggestionJson,
    };

    private static ListingDraft Draft(string title) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Condition = ItemCondition.Good,
        Price = 20m,
    };
}
