using FashionListing.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>
/// Saves and loads listing drafts for a <see cref="ListingViewer"/>: sellers their own, moderators every one
/// read-only. One short-lived context per call, as Blazor Server needs.
/// </summary>
public sealed partial class ListingDraftService(
    IDbContextFactory<ListingDbContext> contextFactory,
    ILogger<ListingDraftService> logger)
{
    /// <summary>
    /// Inserts the draft as the seller's when its id is empty, otherwise updates the stored one, which must be
    /// theirs; its photo must be one they uploaded. The pages offer nothing else, so anything else is a bug or a
    /// forged request and throws <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    /// <returns>The draft's id.</returns>
    public async Task<Guid> SaveAsync(ListingDraft draft, ListingViewer seller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(seller);

        if (!seller.IsSeller || seller.UserId is null)
        {
            throw new UnauthorizedAccessException("Only a signed-in seller can save a draft.");
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
            draft.Id = Guid.NewGuid();
            draft.OwnerId = seller.UserId;
            context.Drafts.Add(draft);
        }
        else
        {
            CopyEditableFields(draft, stored);
        }

        await context.SaveChangesAsync(cancellationToken);
        Log.DraftSaved(logger, draft.Id, draft.Mode);

        return draft.Id;
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
        [LoggerMessage(1, LogLevel.Information, "Listing draft {DraftId} saved ({Mode})")]
        public static partial void DraftSaved(ILogger logger, Guid draftId, ListingMode mode);
    }
}
