using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FashionListing.Tests.Web.Listings;

/// <summary>
/// The page-side autosave: one store a moment after the last change, only of a difference, never before the
/// page is interactive, and a last store when the page goes away. The delay runs on a fake clock; the store is
/// the real one on a temporary database.
/// </summary>
public sealed class CardAutosaveTests : IAsyncDisposable
{
    private static readonly TimeSpan s_delay = TimeSpan.FromSeconds(1);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly SemaphoreSlim _stores = new(0);
    private readonly CapturingLogger<CardAutosave> _logger = new();
    private ListingFormModel _card = new();
    private ListingViewer? _seller;
    private bool _nothingToKeep;
    private int _storeCalls;

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _stores.Dispose();
    }

    [Fact]
    public async Task NoteChanges_BeforeActivate_StoresNothing()
    {
        await using CardAutosave autosave = Create();
        _card.Title = "Typed while prerendering";

        autosave.NoteChanges();
        _time.Advance(s_delay * 2);

        Assert.Equal(AutosaveStatus.None, autosave.Status);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task NoteChanges_CardChanged_StoredOnceTheDelayHasPassed()
    {
        await using CardAutosave autosave = Active();
        _card.Title = "Blue jacket";

        autosave.NoteChanges();
        _time.Advance(s_delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(AutosaveStatus.Pending, autosave.Status);
        Assert.Empty(await StoredAsync());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForStoreAsync();

        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal(autosave.EditId, stored.Id);
        Assert.Equal("Blue jacket", ListingFormModel.FromJson(stored.CardJson).Title);
        Assert.Equal(AutosaveStatus.Saved, autosave.Status);
        Assert.StartsWith("Changes kept automatically at 09:00:01 UTC", autosave.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteChanges_BurstOfTyping_OneStoreOfTheLastState()
    {
        await using CardAutosave autosave = Active();
        foreach (string title in new[] { "B", "Bl", "Blu", "Blue" })
        {
            _card.Title = title;
            autosave.NoteChanges();
            _time.Advance(s_delay / 2);
        }

        _time.Advance(s_delay);
        await WaitForStoreAsync();

        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal("Blue", ListingFormModel.FromJson(stored.CardJson).Title);
        Assert.Equal(1, _storeCalls);
    }

    [Fact]
    public async Task NoteChanges_NothingChangedSinceTheStore_NoSecondStore()
    {
        await using CardAutosave autosave = Active();
        _card.Title = "Blue jacket";
        autosave.NoteChanges();
        _time.Advance(s_delay);
        await WaitForStoreAsync();

        autosave.NoteChanges();
        _time.Advance(s_delay * 3);

        Assert.Equal(1, _storeCalls);
        Assert.Equal(AutosaveStatus.Saved, autosave.Status);
    }

    [Fact]
    public async Task StoreFails_StatusSaysSoAndTheNextChangeTriesAgain()
    {
        _seller = _context.Moderator;
        await using CardAutosave autosave = Active();
        _card.Title = "Blue jacket";
        autosave.NoteChanges();
        _time.Advance(s_delay);
        await WaitForStoreAsync();
        Assert.Equal(AutosaveStatus.Failed, autosave.Status);
        Assert.Contains("could not be kept automatically", autosave.Describe(), StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error);

        _seller = _context.Seller;
        _card.Title = "Blue jacket, size M";
        autosave.NoteChanges();
        _time.Advance(s_delay);
        await WaitForStoreAsync();

        Assert.Equal(AutosaveStatus.Saved, autosave.Status);
        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal("Blue jacket, size M", ListingFormModel.FromJson(stored.CardJson).Title);
    }

    [Fact]
    public async Task DisposeAsync_ChangeStillWaiting_StoredAtOnce()
    {
        CardAutosave autosave = Active();
        _card.Title = "Typed just before closing the tab";
        autosave.NoteChanges();

        await autosave.DisposeAsync();

        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal("Typed just before closing the tab", ListingFormModel.FromJson(stored.CardJson).Title);
    }

    [Fact]
    public async Task Continue_StoredCard_LaterStoresReplaceIt()
    {
        var earlier = new AutosavedEdit { Id = Guid.NewGuid(), CardJson = _card.ToJson(), HasUnsavedChanges = true };
        var stored0 = (AutosaveStore.Stored)await _context.Services.GetRequiredService<AutosaveService>()
            .StoreAsync(earlier, _context.Seller, default);
        earlier.Version = stored0.Version;
        await using CardAutosave autosave = Active();

        autosave.Continue(earlier);
        _card.Title = "Continued";
        autosave.NoteChanges();
        _time.Advance(s_delay);
        await WaitForStoreAsync();

        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal(earlier.Id, stored.Id);
        Assert.Equal("Continued", ListingFormModel.FromJson(stored.CardJson).Title);
    }

    [Fact]
    public async Task TwoTabsOnOneCard_SecondToStore_KeepsItsChangesAsACardOfItsOwn()
    {
        await using CardAutosave firstTab = Active();
        _card.Title = "Typed in the first tab";
        await firstTab.FlushAsync();
        AutosavedEdit shared = Assert.Single(await StoredAsync());
        await using CardAutosave secondTab = Active();
        secondTab.Continue(shared);
        firstTab.Continue(shared);

        _card.Title = "Typed in the second tab";
        await secondTab.FlushAsync();
        _card.Title = "Typed in the first tab again";
        await firstTab.FlushAsync();

        List<AutosavedEdit> cards = await StoredAsync();
        Assert.Equal(
            ["Typed in the first tab again", "Typed in the second tab"],
            cards.Select(c => ListingFormModel.FromJson(c.CardJson).Title).Order());
        Assert.Equal(shared.Id, secondTab.EditId);
        Assert.NotEqual(shared.Id, firstTab.EditId);
        Assert.True(firstTab.Forked);
        Assert.Contains("kept as a card of their own", firstTab.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushAsync_NothingLeftToKeep_StatusNoLongerWaits()
    {
        await using CardAutosave autosave = Active();
        _card.Title = "Typed";
        autosave.NoteChanges();
        Assert.Equal(AutosaveStatus.Pending, autosave.Status);
        _nothingToKeep = true;

        await autosave.FlushAsync();

        Assert.Equal(AutosaveStatus.None, autosave.Status);
        Assert.Null(autosave.Describe());
    }

    [Fact]
    public async Task StartNew_AfterAStore_NextStoreIsANewCardAndTheOldOneStays()
    {
        await using CardAutosave autosave = Active();
        _card.Title = "First listing";
        await autosave.FlushAsync();
        Guid first = autosave.EditId!.Value;

        autosave.StartNew();
        _card = new ListingFormModel { Title = "Second listing" };
        await autosave.FlushAsync();

        Assert.NotEqual(first, autosave.EditId);
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task RestoreAsync_CardOfAnotherPage_SaysItOpensThere()
    {
        var manual = new AutosavedEdit { Id = Guid.NewGuid(), Page = AutosavePage.Manual, CardJson = "{}" };
        await _context.Services.GetRequiredService<AutosaveService>().StoreAsync(manual, _context.Seller, default);
        await using CardAutosave autosave = Active();

        AutosaveRestore? restore = await autosave.RestoreAsync(manual.Id, AutosavePage.Sell, Drafts, default);

        Assert.Equal(ListingMessages.RestoreOnOtherPage, restore?.Notice);
        Assert.Null(restore?.Card);
        Assert.Null(autosave.EditId);
    }

    [Fact]
    public async Task RestoreAsync_SameIdTwice_LoadsOnlyOnce()
    {
        var kept = new AutosavedEdit
        {
            Id = Guid.NewGuid(),
            CardJson = """{"title":"Kept"}""",
            HasUnsavedChanges = true,
        };
        await _context.Services.GetRequiredService<AutosaveService>().StoreAsync(kept, _context.Seller, default);
        await using CardAutosave autosave = Active();

        AutosaveRestore? first = await autosave.RestoreAsync(kept.Id, AutosavePage.Sell, Drafts, default);
        AutosaveRestore? second = await autosave.RestoreAsync(kept.Id, AutosavePage.Sell, Drafts, default);

        Assert.Equal("Kept", first?.Card?.Card.Title);
        Assert.Null(second);
        Assert.Equal(kept.Id, autosave.EditId);
    }

    [Fact]
    public async Task RestoreAsync_UnreadableCard_SaysSoAndLogs()
    {
        var broken = new AutosavedEdit { Id = Guid.NewGuid(), CardJson = "{not json", HasUnsavedChanges = true };
        await _context.Services.GetRequiredService<AutosaveService>().StoreAsync(broken, _context.Seller, default);
        await using CardAutosave autosave = Active();

        AutosaveRestore? restore = await autosave.RestoreAsync(broken.Id, AutosavePage.Sell, Drafts, default);

        Assert.Equal(ListingMessages.AutosaveUnreadable, restore?.Notice);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task RestoreAsync_PageBeingReplacedStillHoldsNewerChanges_StoresThemFirstAndTheyComeBack()
    {
        await using CardAutosave old = Active();
        _card.Title = "Blue jacket";
        old.NoteChanges();
        _time.Advance(s_delay);
        await WaitForStoreAsync();
        _card.Title = "Blue jacket, size M";
        old.NoteChanges();
        await using CardAutosave reloaded = Create(() => null, work => work());

        AutosaveRestore? restore = await reloaded.RestoreAsync(old.EditId, AutosavePage.Sell, Drafts, default);

        Assert.Equal("Blue jacket, size M", restore?.Card?.Card.Title);
        Assert.Equal(AutosaveStatus.Saved, old.Status);
    }

    [Fact]
    public async Task CatchUpAsync_AnotherPageEditsTheDraftWithChangesNotYetStored_TheyAreStored()
    {
        Guid draft = Guid.NewGuid();
        var card = new ListingFormModel { Title = "Grey jeans, hemmed" };
        await using CardAutosave editing = Create(
            () => new AutosavedEdit
            {
                Page = AutosavePage.Draft,
                DraftId = draft,
                CardJson = card.ToJson(),
                HasUnsavedChanges = true,
            },
            work => work());
        editing.DraftId = draft;
        editing.Activate();
        editing.NoteChanges();
        await using CardAutosave opening = Create(() => null, work => work());

        bool asked = await opening.CatchUpAsync(null, draft, default);

        Assert.True(asked);
        AutosavedEdit stored = Assert.Single(await StoredAsync());
        Assert.Equal("Grey jeans, hemmed", ListingFormModel.FromJson(stored.CardJson).Title);
    }

    [Fact]
    public async Task CatchUpAsync_OtherPageClosed_AsksNobody()
    {
        CardAutosave closed = Active();
        _card.Title = "Red scarf";
        closed.NoteChanges();
        await closed.DisposeAsync();
        Guid id = Assert.Single(await StoredAsync()).Id;
        await using CardAutosave opening = Create(() => null, work => work());

        Assert.False(await opening.CatchUpAsync(id, null, default));
    }

    [Fact]
    public async Task CatchUpAsync_OtherPageNeverAnswers_GivesUpAfterTheLimitAndLogs()
    {
        var never = new TaskCompletionSource();
        await using CardAutosave stuck = Create(
            () => new AutosavedEdit { Page = AutosavePage.Sell, CardJson = _card.ToJson(), HasUnsavedChanges = true },
            _ => never.Task);
        stuck.Continue(new AutosavedEdit { Id = Guid.NewGuid(), Page = AutosavePage.Sell, CardJson = "{}" });
        stuck.Activate();
        await using CardAutosave opening = Create(() => null, work => work());

        Task<bool> asked = opening.CatchUpAsync(stuck.EditId, null, default);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await asked.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains("did not store its changes", StringComparison.Ordinal));
        never.SetResult();
    }

    private ListingDraftService Drafts => _context.Services.GetRequiredService<ListingDraftService>();

    private CardAutosave Active()
    {
        CardAutosave autosave = Create();
        autosave.Activate();

        return autosave;
    }

    private CardAutosave Create() => Create(
        () => _nothingToKeep
            ? null
            : new AutosavedEdit { Page = AutosavePage.Sell, CardJson = _card.ToJson(), HasUnsavedChanges = true },
        work => work());

    // A page of its own: its card as capture gives it, its work run by dispatch.
    private CardAutosave Create(Func<AutosavedEdit?> capture, Func<Func<Task>, Task> dispatch) => new(
        _context.Services.GetRequiredService<AutosaveService>(),
        _context.Services.GetRequiredService<OpenCards>(),
        s_delay,
        _time,
        _logger,
        capture,
        () => Task.FromResult(_seller ?? _context.Seller),
        dispatch,
        () =>
        {
            Interlocked.Increment(ref _storeCalls);
            _stores.Release();
            return Task.CompletedTask;
        });

    private async Task WaitForStoreAsync() =>
        Assert.True(await _stores.WaitAsync(TimeSpan.FromSeconds(10)), "No store finished within 10 s.");

    private async Task<List<AutosavedEdit>> StoredAsync()
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.AutosavedEdits.AsNoTracking().ToListAsync();
    }
}
