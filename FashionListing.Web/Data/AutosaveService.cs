using FashionListing.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>
/// Keeps and returns the cards sellers left unsaved (<see cref="AutosavedEdit"/>). Only the seller who owns a
/// card may read, replace or discard it; anyone else finds nothing. One short-lived context per call.
/// </summary>
public sealed partial class AutosaveService(
    IDbContextFactory<ListingDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<AutosaveService> logger)
{
    /// <summary>
    /// How many cards one seller keeps. When a new card would exceed it, cards already saved as drafts go first
    /// (they lose nothing), then the longest untouched unfinished ones, so the table cannot grow without bound.
    /// </summary>
    public const int MaxCardsPerSeller = 100;

    /// <summary>
    /// Inserts the card as the seller's when it is new (<see cref="AutosavedEdit.Version"/> empty), or replaces
    /// the stored one with the same id, which must be theirs and still at <see cref="AutosavedEdit.Version"/>.
    /// The page never holds another seller's card, so a breach is a bug or a forged request and throws.
    /// </summary>
    /// <returns>
    /// The new version; <see cref="AutosaveStore.ChangedElsewhere"/> when another page stored the card since,
    /// <see cref="AutosaveStore.Gone"/> when it was discarded (or dropped by the limit) since, or
    /// <see cref="AutosaveStore.ListingClosed"/> for changes to a listing no longer editable. Nothing is written
    /// in those cases.
    /// </returns>
    public async Task<AutosaveStore> StoreAsync(
        AutosavedEdit edit,
        ListingViewer seller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        string owner = RequireSeller(seller);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Changes to a listing that was submitted (in another tab) could never be saved; the page says so.
        if (edit is { HasUnsavedChanges: true, DraftId: Guid draftId })
        {
            ListingStatus? status = await context.Drafts.Where(d => d.Id == draftId && d.OwnerId == owner)
                .Select(d => (ListingStatus?)d.Status)
                .SingleOrDefaultAsync(cancellationToken);
            if (status is ListingStatus closed && !closed.IsEditableBySeller())
            {
                return new AutosaveStore.ListingClosed(closed);
            }
        }

        AutosavedEdit? stored =
            await context.AutosavedEdits.SingleOrDefaultAsync(e => e.Id == edit.Id, cancellationToken);
        if (stored is null)
        {
            if (edit.Version != Guid.Empty)
            {
                return new AutosaveStore.Gone();
            }

            stored = new AutosavedEdit { Id = edit.Id, OwnerId = owner };
            context.AutosavedEdits.Add(stored);
        }
        else if (stored.OwnerId != owner)
        {
            throw new UnauthorizedAccessException($"Autosaved card {edit.Id} belongs to another user.");
        }
        else if (stored.Version != edit.Version)
        {
            return new AutosaveStore.ChangedElsewhere();
        }
        else
        {
            // The version checked above goes into the UPDATE's WHERE clause, which catches a store in between.
            context.Entry(stored).Property(e => e.Version).OriginalValue = edit.Version;
        }

        bool inserted = context.Entry(stored).State == EntityState.Added;
        stored.Page = edit.Page;
        stored.DraftId = edit.DraftId;
        stored.DraftVersion = edit.DraftVersion;
        stored.PhotoId = edit.PhotoId;
        stored.SuggestionJson = edit.SuggestionJson;
        stored.CardJson = edit.CardJson;
        stored.BaseCardJson = edit.BaseCardJson;
        stored.HasUnsavedChanges = edit.HasUnsavedChanges;
        stored.UpdatedUtc = timeProvider.GetUtcNow().UtcDateTime;
        stored.Version = Guid.NewGuid();
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AutosaveStore.ChangedElsewhere();
        }

        if (inserted)
        {
            await TrimAsync(context, owner, cancellationToken);
        }

        return new AutosaveStore.Stored(stored.Version);
    }

    /// <summary>The seller's card with that id, or null when there is none that is theirs.</summary>
    public async Task<AutosavedEdit?> FindAsync(Guid id, ListingViewer seller, CancellationToken cancellationToken)
    {
        string owner = RequireSeller(seller);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.AutosavedEdits.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == id && e.OwnerId == owner, cancellationToken);
    }

    /// <summary>The newest card holding edits of the draft that were never saved, or null.</summary>
    public async Task<AutosavedEdit?> FindUnsavedForDraftAsync(
        Guid draftId,
        ListingViewer seller,
        CancellationToken cancellationToken)
    {
        string owner = RequireSeller(seller);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.AutosavedEdits.AsNoTracking()
            .Where(e => e.DraftId == draftId && e.OwnerId == owner && e.HasUnsavedChanges)
            .OrderByDescending(e => e.UpdatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The seller's cards that hold edits never saved, the most recently changed first.</summary>
    public async Task<IReadOnlyList<AutosavedEdit>> ListUnfinishedAsync(
        ListingViewer seller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (!seller.IsSeller || seller.UserId is null)
        {
            return [];
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.AutosavedEdits.AsNoTracking()
            .Where(e => e.OwnerId == seller.UserId && e.HasUnsavedChanges)
            .OrderByDescending(e => e.UpdatedUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the seller's card with that id; one that is not theirs, or is gone, is left alone.</summary>
    public async Task DiscardAsync(Guid id, ListingViewer seller, CancellationToken cancellationToken)
    {
        string owner = RequireSeller(seller);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        int deleted = await context.AutosavedEdits
            .Where(e => e.Id == id && e.OwnerId == owner)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            Log.Discarded(logger, id);
        }
    }

    private static string RequireSeller(ListingViewer seller)
    {
        ArgumentNullException.ThrowIfNull(seller);

        return seller is { IsSeller: true, UserId: string id }
            ? id
            : throw new UnauthorizedAccessException("Only a signed-in seller has autosaved cards.");
    }

    private async Task TrimAsync(ListingDbContext context, string owner, CancellationToken cancellationToken)
    {
        List<Guid> surplus = await context.AutosavedEdits
            .Where(e => e.OwnerId == owner)
            .OrderBy(e => e.HasUnsavedChanges)
            .ThenBy(e => e.UpdatedUtc)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        int excess = surplus.Count - MaxCardsPerSeller;
        if (excess <= 0)
        {
            return;
        }

        List<Guid> oldest = surplus[..excess];
        await context.AutosavedEdits.Where(e => oldest.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        Log.Trimmed(logger, excess, MaxCardsPerSeller);
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Information, "Autosaved card {EditId} discarded by its seller")]
        public static partial void Discarded(ILogger logger, Guid editId);

        [LoggerMessage(
            21,
            LogLevel.Information,
            "Removed a seller's {Count} oldest autosaved cards to keep at most {Limit}")]
        public static partial void Trimmed(ILogger logger, int count, int limit);
    }
}

/// <summary>What became of a store of an autosaved card.</summary>
public abstract record AutosaveStore
{
    private AutosaveStore()
    {
    }

    /// <summary>Stored; the next store must name <paramref name="Version"/>.</summary>
    public sealed record Stored(Guid Version) : AutosaveStore;

    /// <summary>Another page stored the card since this one last did; nothing was written.</summary>
    public sealed record ChangedElsewhere : AutosaveStore;

    /// <summary>The card was discarded, or dropped by the limit, since; nothing was written.</summary>
    public sealed record Gone : AutosaveStore;

    /// <summary>
    /// The card holds changes to a draft that can no longer be changed (<paramref name="Status"/>: submitted or
    /// approved meanwhile, for example in another tab); nothing was written.
    /// </summary>
    public sealed record ListingClosed(ListingStatus Status) : AutosaveStore;
}
