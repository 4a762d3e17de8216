using System.Globalization;
using System.Text.Json;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;

namespace FashionListing.Web.Listings;

/// <summary>
/// Stores a page's listing card (<see cref="AutosavedEdit"/>) a moment after the seller stops changing it, so
/// that a reload or a closed tab loses nothing. The page tells it after every render that something may have
/// changed (<see cref="NoteChanges"/>), and it also looks by itself once per delay, for a change that reached the
/// card without a render of the page (a component inside the card may render only itself). Each store compares
/// the card with what was stored last and writes only a difference, one write at a time, always of the newest
/// state.
/// </summary>
/// <remarks>
/// Everything but the database write runs through the page's dispatcher (<c>InvokeAsync</c>), as the card is
/// the page's state. Nothing is stored before <see cref="Activate"/>, so that prerendering writes nothing.
/// </remarks>
public sealed partial class CardAutosave : IAsyncDisposable
{
    // How long a page that reads a card waits for other pages holding it to store their changes first.
    private static readonly TimeSpan s_catchUpLimit = TimeSpan.FromSeconds(5);

    private readonly AutosaveService? _store;
    private readonly OpenCards? _openCards;
    private readonly Func<AutosavedEdit, Task<AutosaveStore>> _write;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _delay;
    private readonly Func<AutosavedEdit?> _capture;
    private readonly Func<Task<ListingViewer>>? _seller;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _changed;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private ITimer? _timer;
    private ITimer? _look;
    private string? _storedKey;
    private Guid _version;
    private string? _notedKey;
    private Guid? _addressHandled;
    private Guid? _addressShown;
    private bool _active;
    private bool _loading;
    private bool _disposed;

    // Set once the page's last store is done: nothing it does after that may put it back among the open cards.
    private bool _released;

    /// <summary>
    /// A seller's card, kept in <paramref name="store"/> as theirs and brought back by <see cref="RestoreAsync"/>.
    /// </summary>
    /// <param name="store">Where the card goes.</param>
    /// <param name="openCards">The cards open in other pages, which store their changes before this page reads.</param>
    /// <param name="delay">How long the card must stay unchanged before it is stored.</param>
    /// <param name="time">The clock of the delay and of <see cref="SavedAt"/>.</param>
    /// <param name="logger">Receives failed stores.</param>
    /// <param name="capture">
    /// The card as it is now, without id or owner; null while the page holds nothing worth keeping.
    /// </param>
    /// <param name="seller">The signed-in seller.</param>
    /// <param name="dispatch">Runs work on the page's dispatcher (the component's <c>InvokeAsync</c>).</param>
    /// <param name="changed">
    /// Called on the dispatcher after each store, done or failed, for example to put <see cref="EditId"/> in the
    /// page's address. It should not render the page (see <see cref="StatusChanged"/>).
    /// </param>
    public CardAutosave(
        AutosaveService store,
        OpenCards openCards,
        TimeSpan delay,
        TimeProvider time,
        ILogger logger,
        Func<AutosavedEdit?> capture,
        Func<Task<ListingViewer>> seller,
        Func<Func<Task>, Task> dispatch,
        Func<Task> changed)
        : this(
            async edit => await store.StoreAsync(edit, await seller(), CancellationToken.None),
            delay,
            time,
            logger,
            capture,
            dispatch,
            changed)
    {
        _store = store;
        _openCards = openCards;
        _seller = seller;
    }

    /// <summary>
    /// A card kept somewhere else (a study task's card): <paramref name="write"/> stores what
    /// <paramref name="capture"/> gave; <see cref="RestoreAsync"/> is not available.
    /// </summary>
    /// <param name="write">
    /// Stores the card with the <see cref="AutosavedEdit.Version"/> it was last stored at and says what became
    /// of it; a store that has started is never cancelled.
    /// </param>
    /// <param name="delay">How long the card must stay unchanged before it is stored.</param>
    /// <param name="time">The clock of the delay and of <see cref="SavedAt"/>.</param>
    /// <param name="logger">Receives failed stores.</param>
    /// <param name="capture">The card as it is now; null while the page holds nothing worth keeping.</param>
    /// <param name="dispatch">Runs work on the page's dispatcher (the component's <c>InvokeAsync</c>).</param>
    /// <param name="changed">Called on the dispatcher after each store, done or failed.</param>
    public CardAutosave(
        Func<AutosavedEdit, Task<AutosaveStore>> write,
        TimeSpan delay,
        TimeProvider time,
        ILogger logger,
        Func<AutosavedEdit?> capture,
        Func<Func<Task>, Task> dispatch,
        Func<Task> changed)
    {
        _write = write;
        _delay = delay;
        _time = time;
        _logger = logger;
        _capture = capture;
        _dispatch = dispatch;
        _changed = changed;
    }

    /// <summary>The id of the stored card; null until the first store of a new listing.</summary>
    public Guid? EditId
    {
        get;
        private set
        {
            field = value;
            Hold();
        }
    }

    /// <summary>
    /// The saved draft the card edits, if any, taken from each store; a page that edits a draft sets it at once.
    /// Another page that opens the same draft asks this one to store its changes before it looks for unsaved ones
    /// (<see cref="CatchUpAsync"/>).
    /// </summary>
    public Guid? DraftId
    {
        get;
        set
        {
            field = value;
            Hold();
        }
    }

    public AutosaveStatus Status { get; private set; }

    /// <summary>When the card was last stored.</summary>
    public DateTimeOffset? SavedAt { get; private set; }

    /// <summary>
    /// Raised on the page's dispatcher when <see cref="Status"/> may have changed after a store, for the line that
    /// shows it (<c>AutosaveIndicator</c>).
    /// </summary>
    public event Action? StatusChanged;

    /// <summary>
    /// Whether the last store found the card changed in another tab (or discarded there), so that this page's
    /// changes went into a card of their own instead of over the other one.
    /// </summary>
    public bool Forked { get; private set; }

    /// <summary>Whether the card last stored held changes its draft does not (or had no draft).</summary>
    public bool KeepsUnsavedChanges { get; private set; }

    /// <summary>What to tell the seller about the card's autosave; null when there is nothing to say.</summary>
    public string? Describe() => Status switch
    {
        AutosaveStatus.Pending => "Keeping your changes…",
        AutosaveStatus.Saved when Forked && KeepsUnsavedChanges =>
            "This card was also changed in another tab, or discarded there, so your changes here are kept as a "
            + "card of their own; both are listed under Not saved yet in My drafts.",
        AutosaveStatus.Saved when KeepsUnsavedChanges && SavedAt is DateTimeOffset at =>
            "Changes kept automatically at "
            + at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            + " UTC; they come back if the page is reloaded. Save the draft when the card is ready.",
        AutosaveStatus.ListingClosed =>
            "This listing was submitted for review in another tab or window, so the changes here can no longer be "
            + "kept or saved. Reload the page to see it as it is now.",
        AutosaveStatus.Failed =>
            "Your latest changes could not be kept automatically. They are still on this page: save the draft to "
            + "keep them.",
        _ => null,
    };

    /// <summary>Starts storing; call once the page is interactive (its first <c>OnAfterRender</c>).</summary>
    public void Activate()
    {
        if (_active || _disposed)
        {
            return;
        }

        _active = true;
        _look = _time.CreateTimer(_ => _ = LookFromTimerAsync(), null, _delay, _delay);
    }

    /// <summary>
    /// Loads the card that the page's address names (<c>?edit=</c>) and continues it, once per id: null when
    /// there is nothing to do (no id, or the one this page already has), otherwise what to put back or why
    /// nothing can be.
    /// </summary>
    /// <param name="id">The id in the address.</param>
    /// <param name="page">The page asking; a card from another page is not brought back here.</param>
    /// <param name="drafts">Finds the draft the card edits, as the seller may see it now.</param>
    /// <param name="cancellationToken">Ends the loading when the page goes away.</param>
    public async Task<AutosaveRestore?> RestoreAsync(
        Guid? id,
        AutosavePage page,
        ListingDraftService drafts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (_store is null || _seller is null)
        {
            throw new InvalidOperationException("Only a seller's autosave brings cards back from their store.");
        }

        if (id is not Guid wanted || wanted == _addressHandled || wanted == EditId)
        {
            return null;
        }

        _addressHandled = wanted;
        _loading = true;
        try
        {
            ListingViewer seller = await _seller();
            AutosavedEdit? edit = await _store.FindAsync(wanted, seller, cancellationToken);
            if (edit is not null && await CatchUpAsync(wanted, null, cancellationToken))
            {
                edit = await _store.FindAsync(wanted, seller, cancellationToken);
            }

            if (edit is null || edit.Page != page)
            {
                string notice = edit is null ? ListingMessages.NothingToRestore : ListingMessages.RestoreOnOtherPage;
                return new AutosaveRestore(null, null, notice);
            }

            ListingDraft? draft = edit.DraftId is Guid draftId
                ? await drafts.FindAsync(draftId, seller, cancellationToken)
                : null;
            AutosavedCard card;
            try
            {
                card = AutosavedCard.From(edit, draft);
            }
            catch (JsonException ex)
            {
                Log.Unreadable(_logger, wanted, ex);
                return new AutosaveRestore(null, null, ListingMessages.AutosaveUnreadable);
            }

            Continue(edit);

            return new AutosaveRestore(edit, card, card.Notice);
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>
    /// Whether the address the browser shows lags behind <see cref="EditId"/>: <paramref name="addressId"/> is the
    /// page's <c>?edit=</c> as it was loaded. True once per new id; the page then shows that id in its address.
    /// </summary>
    public bool AddressNeedsUpdate(Guid? addressId)
    {
        if (EditId is not Guid id || id == addressId || id == _addressShown)
        {
            return false;
        }

        _addressShown = id;
        _addressHandled = id;

        return true;
    }

    /// <summary>
    /// Asks the other pages of this server that hold the stored card <paramref name="editId"/>, or edit the draft
    /// <paramref name="draftId"/>, to store what they have now, and waits for them (at most a few seconds), so
    /// that what this page reads next is the newest. Call it only for a card or draft the seller may see. True
    /// when another page was asked.
    /// </summary>
    public async Task<bool> CatchUpAsync(Guid? editId, Guid? draftId, CancellationToken cancellationToken)
    {
        IReadOnlyList<CardAutosave> others = _openCards?.Holding(editId, draftId, this) ?? [];
        if (others.Count == 0)
        {
            return false;
        }

        try
        {
            await Task.WhenAll(others.Select(o => o.StoreForAnotherPageAsync()))
                .WaitAsync(s_catchUpLimit, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.CatchUpTimedOut(_logger, editId, draftId);
        }

        return true;
    }

    /// <summary>
    /// Continues the stored card <paramref name="edit"/>, which the page has just put back on the card, so
    /// that later stores replace it instead of adding another.
    /// </summary>
    public void Continue(AutosavedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);

        EditId = edit.Id;
        DraftId = edit.DraftId;
        _version = edit.Version;
        _storedKey = KeyOf(edit);
        KeepsUnsavedChanges = edit.HasUnsavedChanges;
        Status = AutosaveStatus.Saved;
        SavedAt = new DateTimeOffset(DateTime.SpecifyKind(edit.UpdatedUtc, DateTimeKind.Utc));
    }

    /// <summary>Forgets the stored card: the next store starts a new one (the old one is kept as it was).</summary>
    public void StartNew()
    {
        EditId = null;
        DraftId = null;
        _version = Guid.Empty;
        Forked = false;
        _storedKey = null;
        KeepsUnsavedChanges = false;
        Status = AutosaveStatus.None;
        SavedAt = null;
    }

    /// <summary>
    /// (Re)starts the delay when the card changed since it was last looked at and differs from what was stored;
    /// cheap, call after every render.
    /// </summary>
    public void NoteChanges()
    {
        if (!_active || _disposed)
        {
            return;
        }

        AutosavedEdit? current = _capture();
        string? key = KeyOf(current);
        if (current is null || key == _storedKey || (key == _notedKey && Status == AutosaveStatus.Pending))
        {
            return;
        }

        _notedKey = key;
        Status = AutosaveStatus.Pending;
        if (_timer is null)
        {
            _timer = _time.CreateTimer(_ => _ = StoreFromTimerAsync(), null, _delay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stores the card now if it differs from what was stored, without waiting for the delay.</summary>
    public Task FlushAsync()
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        return StoreNowAsync();
    }

    /// <summary>Stores what the seller changed during the last delay, for example when the tab is closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_look is not null)
        {
            await _look.DisposeAsync();
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        if (_active)
        {
            await StoreCoreAsync(notify: false);
        }

        _released = true;
        _openCards?.Hold(this, null, null);

        // The semaphore is not disposed: a store dispatched just before the timer stopped may still wait on it,
        // and a SemaphoreSlim whose wait handle is never asked for holds nothing that needs releasing.
    }

    // Another page is about to read this card. A page going away is storing its last changes already (its
    // disposal); waiting for the write in progress covers it. A store that fails is logged as usual, and the
    // other page then reads what was stored before.
    private async Task StoreForAnotherPageAsync()
    {
        if (_active && !_disposed)
        {
            try
            {
                await _dispatch(FlushAsync);
            }
            catch (ObjectDisposedException)
            {
                // The page went away meanwhile; its disposal stores the card.
            }
        }

        await _writing.WaitAsync();
        _writing.Release();
    }

    private void Hold()
    {
        if (!_released)
        {
            _openCards?.Hold(this, EditId, DraftId);
        }
    }

    private Task StoreNowAsync() => _disposed ? Task.CompletedTask : StoreCoreAsync(notify: true);

    private async Task StoreCoreAsync(bool notify)
    {
        await _writing.WaitAsync();
        try
        {
            // While a card is being loaded the page still shows the one before it, which must not be stored as
            // new; the render after the load notes the changes again.
            AutosavedEdit? current = _loading ? null : _capture();
            string? key = KeyOf(current);
            if (current is null || key == _storedKey)
            {
                // Changed back to what was stored, or nothing left to keep (the draft was just saved): nothing
                // waits any more.
                if (Status == AutosaveStatus.Pending)
                {
                    Status = EditId is null ? AutosaveStatus.None : AutosaveStatus.Saved;
                }
            }
            else if (await WriteAsync(current))
            {
                DraftId = current.DraftId;
                _storedKey = key;
                KeepsUnsavedChanges = current.HasUnsavedChanges;
                SavedAt = _time.GetUtcNow();
                Status = key == KeyOf(_capture()) ? AutosaveStatus.Saved : AutosaveStatus.Pending;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The card is still on the page, so nothing is lost yet; the seller is told, and the next change
            // tries again.
            Log.StoreFailed(_logger, ex);
            Status = AutosaveStatus.Failed;
        }
        finally
        {
            _writing.Release();
        }

        if (notify)
        {
            StatusChanged?.Invoke();
            await _changed();
        }
    }

    // No cancellation: a store that has started finishes even when the page goes away, as that is when it matters
    // most. When another tab stored or discarded the card meanwhile, this page's card becomes a new one, so that
    // neither tab's changes are written over the other's. False when the listing can no longer take changes.
    private async Task<bool> WriteAsync(AutosavedEdit current)
    {
        EditId ??= Guid.NewGuid();
        current.Id = EditId.Value;
        current.Version = _version;
        Forked = false;
        AutosaveStore result = await _write(current);
        if (result is AutosaveStore.ListingClosed)
        {
            Status = AutosaveStatus.ListingClosed;
            return false;
        }

        if (result is AutosaveStore.ChangedElsewhere or AutosaveStore.Gone)
        {
            Log.Forked(_logger, current.Id);
            EditId = Guid.NewGuid();
            current.Id = EditId.Value;
            current.Version = Guid.Empty;
            Forked = true;
            result = await _write(current);
        }

        _version = result is AutosaveStore.Stored stored
            ? stored.Version
            : throw new InvalidOperationException($"A new autosaved card {current.Id} could not be stored.");

        return true;
    }

    // A timer callback has nobody to report to: a page already gone is the only way dispatching fails.
    private async Task StoreFromTimerAsync()
    {
        try
        {
            await _dispatch(StoreNowAsync);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LookFromTimerAsync()
    {
        try
        {
            await _dispatch(() =>
            {
                NoteChanges();
                return Task.CompletedTask;
            });
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static string? KeyOf(AutosavedEdit? edit) =>
        edit is null
            ? null
            : string.Join(
                '\n',
                edit.Page,
                edit.DraftId,
                edit.DraftVersion,
                edit.PhotoId,
                edit.HasUnsavedChanges,
                edit.SuggestionJson,
                edit.BaseCardJson,
                edit.CardJson);

    private static partial class Log
    {
        [LoggerMessage(
            113,
            LogLevel.Warning,
            "Another page holding autosaved card {EditId} (draft {DraftId}) did not store its changes within the "
            + "limit; this page reads the card as it was stored before")]
        public static partial void CatchUpTimedOut(ILogger logger, Guid? editId, Guid? draftId);

        [LoggerMessage(
            112,
            LogLevel.Information,
            "Autosaved card {EditId} was changed in another tab or discarded; this page's changes go to a new card")]
        public static partial void Forked(ILogger logger, Guid editId);

        [LoggerMessage(
            111,
            LogLevel.Warning,
            "The autosaved card {EditId} could not be read back; the page starts empty")]
        public static partial void Unreadable(ILogger logger, Guid editId, Exception exception);

        [LoggerMessage(
            110,
            LogLevel.Error,
            "Keeping a seller's unsaved listing card failed; it stays on their page until the next try")]
        public static partial void StoreFailed(ILogger logger, Exception exception);
    }
}

/// <summary>Where <see cref="CardAutosave"/> stands, for the page to tell the seller.</summary>
public enum AutosaveStatus
{
    /// <summary>Nothing has been stored for this card yet, and nothing waits.</summary>
    None,

    /// <summary>The card changed since it was last stored; a store follows the delay.</summary>
    Pending,

    /// <summary>The card as shown is stored.</summary>
    Saved,

    /// <summary>The last store failed; the card is still on the page.</summary>
    Failed,

    /// <summary>The listing was submitted meanwhile (in another tab): its changes can no longer be kept.</summary>
    ListingClosed,
}

/// <summary>What <see cref="CardAutosave.RestoreAsync"/> found.</summary>
/// <param name="Edit">The stored card; null when nothing could be brought back.</param>
/// <param name="Card">What to put on the page; null when nothing could be brought back.</param>
/// <param name="Notice">What to tell the seller; null when nothing needs saying.</param>
public sealed record AutosaveRestore(AutosavedEdit? Edit, AutosavedCard? Card, string? Notice);
