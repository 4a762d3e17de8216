using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Data;

/// <summary>The store of cards sellers left unsaved: only their owner reads, replaces or discards them.</summary>
public sealed class AutosaveServiceTests : IAsyncDisposable
{
    private static readonly ListingViewer s_otherSeller = new("other-seller", IsSeller: true, IsModerator: false);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private AutosaveService Service => _context.Services.GetRequiredService<AutosaveService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task StoreAsync_NewCard_FoundByItsSellerWithTheClockTime()
    {
        AutosavedEdit card = Card("""{"title":"Half typed"}""");

        await Service.StoreAsync(card, _context.Seller, default);

        AutosavedEdit? found = await Service.FindAsync(card.Id, _context.Seller, default);
        Assert.NotNull(found);
        Assert.Equal(ListingPageContext.SellerId, found.OwnerId);
        Assert.Equal("""{"title":"Half typed"}""", found.CardJson);
        Assert.Equal(_context.Clock.GetUtcNow().UtcDateTime, found.UpdatedUtc);
    }

    [Fact]
    public async Task StoreAsync_SameIdAgain_ReplacesTheCardInPlace()
    {
        AutosavedEdit card = Card("""{"title":"First"}""");
        var first = (AutosaveStore.Stored)await Service.StoreAsync(card, _context.Seller, default);

        card.CardJson = """{"title":"Second"}""";
        card.HasUnsavedChanges = false;
        card.Version = first.Version;
        AutosaveStore second = await Service.StoreAsync(card, _context.Seller, default);

        await using ListingDbContext db = _context.CreateDbContext();
        AutosavedEdit stored = await db.AutosavedEdits.SingleAsync();
        Assert.Equal("""{"title":"Second"}""", stored.CardJson);
        Assert.False(stored.HasUnsavedChanges);
        Assert.Equal(stored.Version, Assert.IsType<AutosaveStore.Stored>(second).Version);
        Assert.NotEqual(first.Version, stored.Version);
    }

    [Fact]
    public async Task StoreAsync_VersionStoredOverSinceByAnotherTab_ChangedElsewhereAndNothingWritten()
    {
        AutosavedEdit card = Card("""{"title":"First"}""");
        var first = (AutosaveStore.Stored)await Service.StoreAsync(card, _context.Seller, default);
        card.Version = first.Version;
        card.CardJson = """{"title":"Tab one"}""";
        await Service.StoreAsync(card, _context.Seller, default);

        card.CardJson = """{"title":"Tab two, from the first version"}""";
        AutosaveStore result = await Service.StoreAsync(card, _context.Seller, default);

        Assert.IsType<AutosaveStore.ChangedElsewhere>(result);
        Assert.Equal("""{"title":"Tab one"}""", (await Service.FindAsync(card.Id, _context.Seller, default))!.CardJson);
    }

    [Fact]
    public async Task StoreAsync_CardDiscardedSince_GoneAndNotWrittenAgain()
    {
        AutosavedEdit card = Card("""{"title":"First"}""");
        var first = (AutosaveStore.Stored)await Service.StoreAsync(card, _context.Seller, default);
        await Service.DiscardAsync(card.Id, _context.Seller, default);
        card.Version = first.Version;

        AutosaveStore result = await Service.StoreAsync(card, _context.Seller, default);

        Assert.IsType<AutosaveStore.Gone>(result);
        Assert.Null(await Service.FindAsync(card.Id, _context.Seller, default));
    }

    [Fact]
    public async Task StoreAsync_AnotherSellersCardId_ThrowsAndKeepsTheirCard()
    {
        AutosavedEdit card = Card("""{"title":"Mine"}""");
        await Service.StoreAsync(card, _context.Seller, default);

        AutosavedEdit forged = Card("""{"title":"Overwritten"}""");
        forged.Id = card.Id;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Service.StoreAsync(forged, s_otherSeller, default));
        AutosavedEdit? kept = await Service.FindAsync(card.Id, _context.Seller, default);
        Assert.Equal("""{"title":"Mine"}""", kept?.CardJson);
    }

    [Fact]
    public async Task FindListAndDiscard_AnotherSeller_SeeNothingAndRemoveNothing()
    {
        AutosavedEdit card = Card("""{"title":"Mine"}""");
        await Service.StoreAsync(card, _context.Seller, default);

        AutosavedEdit? found = await Service.FindAsync(card.Id, s_otherSeller, default);
        IReadOnlyList<AutosavedEdit> listed = await Service.ListUnfinishedAsync(s_otherSeller, default);
        await Service.DiscardAsync(card.Id, s_otherSeller, default);

        Assert.Null(found);
        Assert.Empty(listed);
        Assert.NotNull(await Service.FindAsync(card.Id, _context.Seller, default));
    }

    [Fact]
    public async Task StoreAsync_ChangesToADraftSubmittedMeanwhile_ListingClosedAndNothingWritten()
    {
        var drafts = _context.Services.GetRequiredService<ListingDraftService>();
        var draft = new ListingDraft { Title = "Linen shirt", Condition = ItemCondition.Good, Price = 20m };
        Guid draftId = await drafts.SaveNewAsync(draft, _context.Seller);
        ListingDraft saved = (await drafts.FindAsync(draftId, _context.Seller, default))!;
        await drafts.SubmitAsync(saved, _context.Seller, default);
        AutosavedEdit unsaved = Card("""{"title":"Too late"}""", draftId: draftId);
        AutosavedEdit clean = Card("""{"title":"Linen shirt"}""", unsaved: false, draftId: draftId);

        AutosaveStore refused = await Service.StoreAsync(unsaved, _context.Seller, default);
        AutosaveStore stored = await Service.StoreAsync(clean, _context.Seller, default);

        Assert.Equal(ListingStatus.Submitted, Assert.IsType<AutosaveStore.ListingClosed>(refused).Status);
        Assert.IsType<AutosaveStore.Stored>(stored);
        Assert.Null(await Service.FindAsync(unsaved.Id, _context.Seller, default));
    }

    [Fact]
    public async Task StoreAsync_Moderator_IsRefused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Service.StoreAsync(Card("{}"), _context.Moderator, default));
    }

    [Fact]
    public async Task ListUnfinishedAsync_SavedAndUnsavedCards_OnlyUnsavedNewestFirst()
    {
        AutosavedEdit older = Card("""{"title":"Older"}""");
        AutosavedEdit saved = Card("""{"title":"Saved"}""", unsaved: false);
        AutosavedEdit newer = Card("""{"title":"Newer"}""");
        await Service.StoreAsync(older, _context.Seller, default);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));
        await Service.StoreAsync(saved, _context.Seller, default);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));
        await Service.StoreAsync(newer, _context.Seller, default);

        IReadOnlyList<AutosavedEdit> listed = await Service.ListUnfinishedAsync(_context.Seller, default);

        Assert.Equal([newer.Id, older.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task FindUnsavedForDraftAsync_CardsOfTheDraft_NewestUnsavedOne()
    {
        Guid draftId = Guid.NewGuid();
        AutosavedEdit first = Card("""{"title":"First"}""", draftId: draftId);
        AutosavedEdit clean = Card("""{"title":"Clean"}""", unsaved: false, draftId: draftId);
        AutosavedEdit second = Card("""{"title":"Second"}""", draftId: draftId);
        AutosavedEdit otherDraft = Card("""{"title":"Other"}""", draftId: Guid.NewGuid());
        await Service.StoreAsync(first, _context.Seller, default);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));
        await Service.StoreAsync(second, _context.Seller, default);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));
        await Service.StoreAsync(clean, _context.Seller, default);
        await Service.StoreAsync(otherDraft, _context.Seller, default);

        AutosavedEdit? found = await Service.FindUnsavedForDraftAsync(draftId, _context.Seller, default);

        Assert.Equal(second.Id, found?.Id);
    }

    [Fact]
    public async Task StoreAsync_OneCardOverTheLimit_DropsASavedCardBeforeAnyUnsavedOne()
    {
        AutosavedEdit saved = Card("""{"title":"Saved long ago"}""", unsaved: false);
        await Service.StoreAsync(saved, _context.Seller, default);
        List<Guid> unsaved = [];
        for (int i = 0; i < AutosaveService.MaxCardsPerSeller; i++)
        {
            _context.Clock.Advance(TimeSpan.FromMinutes(1));
            AutosavedEdit card = Card($$"""{"title":"Card {{i}}"}""");
            unsaved.Add(card.Id);
            await Service.StoreAsync(card, _context.Seller, default);
        }

        await using ListingDbContext db = _context.CreateDbContext();
        List<Guid> kept = await db.AutosavedEdits.Select(e => e.Id).ToListAsync();
        Assert.Equal(unsaved.Order(), kept.Order());
    }

    [Fact]
    public async Task StoreAsync_UnsavedCardsOverTheLimit_DropsTheLongestUntouched()
    {
        List<Guid> ids = [];
        for (int i = 0; i < AutosaveService.MaxCardsPerSeller + 1; i++)
        {
            _context.Clock.Advance(TimeSpan.FromMinutes(1));
            AutosavedEdit card = Card($$"""{"title":"Card {{i}}"}""");
            ids.Add(card.Id);
            await Service.StoreAsync(card, _context.Seller, default);
        }

        IReadOnlyList<AutosavedEdit> listed = await Service.ListUnfinishedAsync(_context.Seller, default);

        Assert.Equal(AutosaveService.MaxCardsPerSeller, listed.Count);
        Assert.DoesNotContain(ids[0], listed.Select(e => e.Id));
        Assert.Contains(ids[^1], listed.Select(e => e.Id));
    }

    private static AutosavedEdit Card(string json, bool unsaved = true, Guid? draftId = null) => new()
    {
        Id = Guid.NewGuid(),
        Page = draftId is null ? AutosavePage.Sell : AutosavePage.Draft,
        DraftId = draftId,
        CardJson = json,
        HasUnsavedChanges = unsaved,
    };
}
