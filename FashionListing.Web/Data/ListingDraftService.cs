using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>Saves and loads listing drafts; one short-lived context per call, as Blazor Server needs.</summary>
public sealed partial class ListingDraftService(
    IDbContextFactory<ListingDbContext> contextFactory,
    ILogger<ListingDraftService> logger)
{
    /// <summary>Inserts the draft when its id is empty, otherwise updates the stored one.</summary>
    /// <returns>The draft's id.</returns>
    public async Task<Guid> SaveAsync(ListingDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (draft.Id == Guid.Empty)
        {
            draft.Id = Guid.NewGuid();
            context.Drafts.Add(draft);
        }
        else
        {
            var stored = await context.Drafts.SingleOrDefaultAsync(d => d.Id == draft.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Draft {draft.Id} does not exist.");
            CopyEditableFields(draft, stored);
        }

        await context.SaveChangesAsync(cancellationToken);
        Log.DraftSaved(logger, draft.Id, draft.Mode);

        return draft.Id;
    }

    public async Task<ListingDraft?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>All drafts, the most recently updated first.</summary>
    public async Task<IReadOnlyList<ListingDraft>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Drafts.AsNoTracking()
            .OrderByDescending(d => d.UpdatedUtc)
            .ToListAsync(cancellationToken);
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
