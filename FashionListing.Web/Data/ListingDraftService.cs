using FashionListing.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>
/// Saves, submits, approves and rejects listings, and loads them for a <see cref="ListingViewer"/>: sellers
/// their own, moderators every one. Every write names the <see cref="ListingDraft.Version"/> its page loaded
/// and is refused when the listing changed since (<see cref="ListingWriteResult.ChangedElsewhere"/>); every
/// change of status is recorded in <see cref="ListingStatusChange"/>. One short-lived context per call, as
/// Blazor Server needs.
/// </summary>
public sealed partial class ListingDraftService(
    IDbContextFactory<ListingDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<ListingDraftService> logger)
{
    /// <summary>
    /// Inserts the draft as the seller's when its id is empty, otherwise updates the stored one, which must be
    /// theirs, still editable (a draft, or one sent back) and at <see cref="ListingDraft.Version"/>; its photo
    /// must be one they uploaded. Ownership is never in question on the pages, so a breach is a bug or a forged
    /// request and throws <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public Task<ListingWriteResult> SaveAsync(
        ListingDraft draft,
        ListingViewer seller,
        CancellationToken cancellationToken) =>
        WriteAsSellerAsync(draft, seller, submit: false, cancellationToken);

    /// <summary>
    /// Saves the draft as <see cref="SaveAsync"/> does and submits it for review in the same write, so that a
    /// moderator sees exactly what the seller had on the card when they pressed the button.
    /// </summary>
    public Task<ListingWriteResult> SubmitAsync(
        ListingDraft draft,
        ListingViewer seller,
        CancellationToken cancellationToken) =>
        WriteAsSellerAsync(draft, seller, submit: true, cancellationToken);

    /// <summary>Approves a submitted listing at <paramref name="version"/>; only a moderator may.</summary>
    public Task<ListingWriteResult> ApproveAsync(
        Guid id,
        Guid version,
        ListingViewer moderator,
        CancellationToken cancellationToken) =>
        DecideAsync(id, version, moderator, ListingStatus.Approved, null, null, cancellationToken);

    /// <summary>
    /// Sends a submitted listing at <paramref name="version"/> back to its seller with a reason from the list
    /// and, for <see cref="RejectionReason.Other"/> necessarily, the moderator's own words.
    /// </summary>
    public Task<ListingWriteResult> RejectAsync(
        Guid id,
        Guid version,
        ListingViewer moderator,
        RejectionReason reason,
        string? note,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown rejection reason.");
        }

        string? trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == RejectionReason.Other && trimmed is null)
        {
            throw new ArgumentException("A rejection for another reason needs a note that says which.", nameof(note));
        }

        if (trimmed?.Length > ListingLimits.RejectionNoteMax)
        {
            throw new ArgumentException(
                $"The note is {trimmed.Length} characters long; the limit is {ListingLimits.RejectionNoteMax}.",
                nameof(note));
        }

        return DecideAsync(id, version, moderator, ListingStatus.Rejected, reason, trimmed, cancellationToken);
    }

    /// <summary>The draft, or null when there is none with that id that the viewer may see.</summary>
    public async Task<ListingDraft?> FindAsync(Guid id, ListingViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        ListingDraft? draft = await context.Drafts.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

        return draft is not null && viewer.MaySee(draft.OwnerId) ? draft : null;
    }

    /// <summary>
    /// The drafts the viewer may see, the most recently updated first: a seller's own, or every draft for a
    /// moderator (those from before accounts, which have no owner, included).
    /// </summary>
    public async Task<IReadOnlyList<ListingDraft>> ListAsync(ListingViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);

        if (!viewer.IsModerator && !viewer.IsSeller)
        {
            return [];
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<ListingDraft> drafts = context.Drafts.AsNoTracking();
        if (!viewer.IsModerator)
        {
            drafts = drafts.Where(d => d.OwnerId == viewer.UserId);
        }

        return await drafts.OrderByDescending(d => d.UpdatedUtc).ToListAsync(cancellationToken);
    }

    /// <summary>Every change of the listing's status, the oldest first; empty for one the viewer may not see.</summary>
    public async Task<IReadOnlyList<ListingStatusChange>> HistoryAsync(
        Guid id,
        ListingViewer viewer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);

        if (await FindAsync(id, viewer, cancellationToken) is null)
        {
            return [];
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.StatusChanges.AsNoTracking()
            .Where(c => c.DraftId == id)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<ListingWriteResult> WriteAsSellerAsync(
        ListingDraft draft,
        ListingViewer seller,
        bool submit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(seller);

        if (!seller.IsSeller || seller.UserId is null)
        {
            throw new UnauthorizedAccessException("Only a signed-in seller can save or submit a draft.");
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        ListingDraft? stored = null;
        if (draft.Id != Guid.Empty)
        {
            stored = await context.Drafts.SingleOrDefaultAsync(d => d.Id == draft.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Draft {draft.Id} does not exist.");
            if (!seller.Owns(stored.OwnerId))
            {
                throw new UnauthorizedAccessException($"Draft {draft.Id} belongs to another user.");
            }

            if (stored.Version != draft.Version)
            {
                return Changed(draft.Id);
            }

            if (!stored.Status.IsEditableBySeller())
            {
                return new ListingWriteResult.Refused(
                    stored.Id,
                    stored.Status,
                    $"The listing is {stored.Status.DisplayName().ToLowerInvariant()}, so it cannot be changed.");
            }
        }

        if (draft.PhotoId is Guid photoId && photoId != stored?.PhotoId)
        {
            string? photoOwner = await context.Photos.Where(p => p.Id == photoId)
                .Select(p => p.OwnerId)
                .SingleOrDefaultAsync(cancellationToken);
            if (!seller.Owns(photoOwner))
            {
                throw new UnauthorizedAccessException($"Photo {photoId} was not uploaded by this seller.");
            }
        }

        if (stored is null)
        {
            stored = draft;
            stored.Id = Guid.NewGuid();
            stored.OwnerId = seller.UserId;
            stored.Status = ListingStatus.Draft;
            stored.SubmittedUtc = null;
            stored.RejectionReason = null;
            stored.RejectionNote = null;
            context.Drafts.Add(stored);
        }
        else
        {
            context.Entry(stored).Property(d => d.Version).OriginalValue = draft.Version;
            CopyEditableFields(draft, stored);
        }

        if (submit)
        {
            // The reason of an earlier rejection stays in the history; on the listing it would now mislead.
            ListingStatus from = stored.Status;
            stored.Status = ListingStatus.Submitted;
            stored.SubmittedUtc = Now();
            stored.RejectionReason = null;
            stored.RejectionNote = null;
            context.StatusChanges.Add(Change(stored.Id, from, ListingStatus.Submitted, seller.UserId, null, null));
        }

        if (!await TrySaveAsync(context, cancellationToken))
        {
            return Changed(stored.Id);
        }

        Log.DraftSaved(logger, stored.Id, stored.Mode, stored.Status);

        return new ListingWriteResult.Written(stored.Id, stored.Version, stored.Status);
    }

    private async Task<ListingWriteResult> DecideAsync(
        Guid id,
        Guid version,
        ListingViewer moderator,
        ListingStatus decision,
        RejectionReason? reason,
        string? note,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moderator);

        if (!moderator.IsModerator || moderator.UserId is null)
        {
            throw new UnauthorizedAccessException("Only a moderator can approve or reject a listing.");
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        ListingDraft stored = await context.Drafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"Draft {id} does not exist.");
        if (stored.Version != version)
        {
            return Changed(id);
        }

        if (stored.Status != ListingStatus.Submitted)
        {
            return new ListingWriteResult.Refused(
                id,
                stored.Status,
                $"Only a listing waiting for review can be decided; this one is "
                + $"{stored.Status.DisplayName().ToLowerInvariant()}.");
        }

        // Someone who is both seller and moderator reviews other people's listings, never their own.
        if (stored.OwnerId == moderator.UserId)
        {
            return new ListingWriteResult.Refused(
                id,
                stored.Status,
                "This is your own listing: another moderator has to decide on it.");
        }

        context.Entry(stored).Property(d => d.Version).OriginalValue = version;
        stored.Status = decision;
        stored.RejectionReason = reason;
        stored.RejectionNote = note;
        context.StatusChanges.Add(Change(id, ListingStatus.Submitted, decision, moderator.UserId, reason, note));
        if (!await TrySaveAsync(context, cancellationToken))
        {
            return Changed(id);
        }

        Log.ListingDecided(logger, id, decision, reason);

        return new ListingWriteResult.Written(id, stored.Version, decision);
    }

    // The version was checked when the listing was loaded; this catches a write that came in between, which
    // EF sees as an UPDATE that changed no row because the version in its WHERE clause is gone.
    private static async Task<bool> TrySaveAsync(ListingDbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private ListingWriteResult.ChangedElsewhere Changed(Guid id)
    {
        Log.ChangedElsewhere(logger, id);
        return new ListingWriteResult.ChangedElsewhere(id);
    }

    private ListingStatusChange Change(
        Guid id,
        ListingStatus from,
        ListingStatus to,
        string userId,
        RejectionReason? reason,
        string? note) => new()
        {
            DraftId = id,
            From = from,
            To = to,
            UserId = userId,
            ChangedUtc = Now(),
            Reason = reason,
            Note = note,
        };

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private static void CopyEditableFields(ListingDraft source, ListingDraft target)
    {
        target.Title = source.Title;
        target.Category = source.Category;
        target.Colour = source.Colour;
        target.Attributes = [.. source.Attributes];
        target.Description = source.Description;
        target.Size = source.Size;
        target.Brand = source.Brand;
        target.Condition = source.Condition;
        target.Price = source.Price;
        target.PhotoId = source.PhotoId;
        target.SuggestionJson = source.SuggestionJson;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Listing draft {DraftId} saved ({Mode}, {Status})")]
        public static partial void DraftSaved(ILogger logger, Guid draftId, ListingMode mode, ListingStatus status);

        [LoggerMessage(2, LogLevel.Information, "Listing {DraftId} decided: {Decision} ({Reason})")]
        public static partial void ListingDecided(
            ILogger logger,
            Guid draftId,
            ListingStatus decision,
            RejectionReason? reason);

        [LoggerMessage(
            3,
            LogLevel.Information,
            "A write to listing {DraftId} was refused: it changed after the page loaded it")]
        public static partial void ChangedElsewhere(ILogger logger, Guid draftId);
    }
}
