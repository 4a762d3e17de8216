namespace FashionListing.Web.Data;

/// <summary>
/// One change of a listing's <see cref="ListingStatus"/>: who made it and when, kept for as long as the listing,
/// so that a decision can be traced and the moderators' counters computed.
/// </summary>
public sealed class ListingStatusChange
{
    public long Id { get; set; }

    public Guid DraftId { get; set; }

    public ListingStatus From { get; set; }

    public ListingStatus To { get; set; }

    /// <summary>The seller who submitted, or the moderator who decided.</summary>
    public string UserId { get; set; } = "";

    /// <summary>When, from the app's <see cref="TimeProvider"/>, in UTC.</summary>
    public DateTime ChangedUtc { get; set; }

    /// <summary>For a rejection, the reason picked from the list; otherwise null.</summary>
    public RejectionReason? Reason { get; set; }

    /// <summary>For a rejection, the moderator's free text; otherwise null.</summary>
    public string? Note { get; set; }
}
