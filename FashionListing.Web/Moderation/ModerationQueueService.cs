using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Moderation;

/// <summary>Which waiting listings the queue shows.</summary>
/// <param name="Category">Only listings saved with this category (ignoring case); null for every category.</param>
/// <param name="OnlyDisagreements">
/// Only listings whose saved title, category or colour differs from the model's first suggestion (see
/// <see cref="ListingComparison"/>); manual listings have no suggestion and never match.
/// </param>
public sealed record QueueFilter(string? Category = null, bool OnlyDisagreements = false);

/// <summary>A listing waiting for review, with its comparison to the model's suggestion (null for none).</summary>
public sealed record QueueEntry(ListingDraft Listing, ListingComparison? Comparison)
{
    public bool Disagrees => Comparison?.Disagrees == true;
}

/// <summary>The counters above the queue.</summary>
/// <param name="Waiting">Listings waiting for review now.</param>
/// <param name="ApprovedToday">Approvals made today.</param>
/// <param name="RejectedToday">
/// Rejections made today: decisions, not listings, so a listing rejected twice today counts twice.
/// </param>
/// <param name="MedianTimeToDecision">
/// Over today's decisions, the median time from the submission each decided to the decision; null when there
/// were none today. With an even number of decisions it is the mean of the middle two.
/// </param>
/// <param name="Day">Today, the server's UTC day: the same day for every moderator and for the UTC logs.</param>
public sealed record ModerationCounters(
    int Waiting,
    int ApprovedToday,
    int RejectedToday,
    TimeSpan? MedianTimeToDecision,
    DateOnly Day);

/// <summary>
/// The moderators' queue: listings waiting for review, the oldest submission first, and the counters above it.
/// Only moderators may read it; anyone else is a bug or a forged request and gets
/// <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed class ModerationQueueService(
    IDbContextFactory<ListingDbContext> contextFactory,
    TimeProvider timeProvider)
{
    /// <summary>The waiting listings that pass the filter, the oldest submission first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> WaitingAsync(
        QueueFilter filter,
        ListingViewer moderator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Demand(moderator);

        // The comparison reads the suggestion's JSON, so the disagreement filter runs here rather than in SQL;
        // the whole waiting queue is read, which is fine for the hundreds a day this app expects.
        List<QueueEntry> entries = [];
        foreach (ListingDraft listing in await LoadWaitingAsync(cancellationToken))
        {
            if (filter.Category is not null && !ListingComparison.Same(listing.Category, filter.Category))
            {
                continue;
            }

            var entry = new QueueEntry(listing, ListingComparison.Of(listing));
            if (!filter.OnlyDisagreements || entry.Disagrees)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The categories of the waiting listings, for the queue's filter, in alphabetical order.</summary>
    public async Task<IReadOnlyList<string>> WaitingCategoriesAsync(
        ListingViewer moderator,
        CancellationToken cancellationToken)
    {
        Demand(moderator);

        return [.. (await LoadWaitingAsync(cancellationToken))
            .Select(d => d.Category?.Trim())
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The waiting listing to review after <paramref name="current"/>: the next in queue order, else the oldest
    /// other one; null when no other listing waits. With no current listing, the oldest waiting one.
    /// </summary>
    public async Task<Guid?> NextAsync(Guid? current, ListingViewer moderator, CancellationToken cancellationToken)
    {
        Demand(moderator);

        List<ListingDraft> waiting = await LoadWaitingAsync(cancellationToken);
        int at = waiting.FindIndex(d => d.Id == current);
        ListingDraft? next = waiting.Skip(at + 1).FirstOrDefault() ?? waiting.FirstOrDefault(d => d.Id != current);

        return next?.Id;
    }

    /// <summary>The counters for today (see <see cref="ModerationCounters"/> for each definition).</summary>
    public async Task<ModerationCounters> CountersAsync(ListingViewer moderator, CancellationToken cancellationToken)
    {
        Demand(moderator);

        DateTime now = timeProvider.GetUtcNow().UtcDateTime;
        DateTime dayStart = now.Date;
        DateTime dayEnd = dayStart.AddDays(1);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        int waiting = await context.Drafts.CountAsync(d => d.Status == ListingStatus.Submitted, cancellationToken);
        List<ListingStatusChange> decisions = await context.StatusChanges.AsNoTracking()
            .Where(c => (c.To == ListingStatus.Approved || c.To == ListingStatus.Rejected)
                && c.ChangedUtc >= dayStart && c.ChangedUtc < dayEnd)
            .ToListAsync(cancellationToken);

        List<Guid> decided = [.. decisions.Select(c => c.DraftId).Distinct()];
        List<ListingStatusChange> submissions = await context.StatusChanges.AsNoTracking()
            .Where(c => c.To == ListingStatus.Submitted && decided.Contains(c.DraftId) && c.ChangedUtc < dayEnd)
            .ToListAsync(cancellationToken);

        // A decision answers the latest submission of its listing before it; ids break ties of equal times.
        List<TimeSpan> waits = [];
        foreach (ListingStatusChange decision in decisions)
        {
            ListingStatusChange? submitted = submissions
                .Where(s => s.DraftId == decision.DraftId && s.Id < decision.Id)
                .MaxBy(s => s.Id);
            if (submitted is not null)
            {
                waits.Add(decision.ChangedUtc - submitted.ChangedUtc);
            }
        }

        return new ModerationCounters(
            waiting,
            decisions.Count(c => c.To == ListingStatus.Approved),
            decisions.Count(c => c.To == ListingStatus.Rejected),
            Median(waits),
            DateOnly.FromDateTime(dayStart));
    }

    /// <summary>The median of the values; the mean of the middle two for an even count; null for none.</summary>
    public static TimeSpan? Median(IReadOnlyCollection<TimeSpan> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        if (values.Count == 0)
        {
            return null;
        }

        TimeSpan[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;

        return sorted.Length % 2 == 1
            ? sorted[middle]
            : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    private async Task<List<ListingDraft>> LoadWaitingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Drafts.AsNoTracking()
            .Where(d => d.Status == ListingStatus.Submitted)
            .OrderBy(d => d.SubmittedUtc)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    private static void Demand(ListingViewer moderator)
    {
        ArgumentNullException.ThrowIfNull(moderator);

        if (!moderator.IsModerator)
        {
            throw new UnauthorizedAccessException("Only moderators may read the review queue.");
        }
    }
}
