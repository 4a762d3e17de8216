namespace FashionListing.Web.Data;

/// <summary>
/// The state of one listing card as a seller left it, stored a moment after every change so that a reload,
/// a closed tab or a crashed browser loses nothing. It is not a draft: the card may be half filled and invalid,
/// and nothing here reaches the marketplace or the moderators until the seller saves it as a draft.
/// </summary>
public sealed class AutosavedEdit
{
    /// <summary>Names the editing session; the sell pages carry it in their address (<c>?edit=</c>).</summary>
    public Guid Id { get; set; }

    /// <summary>The seller whose card it is; nobody else may read or replace it.</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>The page the card was on, which is where it reopens.</summary>
    public AutosavePage Page { get; set; }

    /// <summary>The draft the card edits, once there is one; null for a listing never saved.</summary>
    public Guid? DraftId { get; set; }

    /// <summary>
    /// The draft's <see cref="ListingDraft.Version"/> the edits were made on: when the draft has changed since
    /// (another tab saved it, a moderator decided), the edits are offered instead of applied.
    /// </summary>
    public Guid? DraftVersion { get; set; }

    /// <summary>The photo on the card (see <c>PhotoStore</c>), which is stored when it is uploaded.</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>What the model suggested for the photo, as <see cref="ListingDraft.SuggestionJson"/>.</summary>
    public string? SuggestionJson { get; set; }

    /// <summary>The card's fields as typed (see <c>ListingFormModel</c>), as JSON.</summary>
    public string CardJson { get; set; } = "{}";

    /// <summary>
    /// The card as its draft held it when these edits began (null without a draft), so that edits brought back
    /// over a version saved elsewhere since replace only the fields the seller changed here.
    /// </summary>
    public string? BaseCardJson { get; set; }

    /// <summary>
    /// The concurrency token, replaced by every store. A page stores with the version it last stored or loaded
    /// (<see cref="Guid.Empty"/> for a new card), so that two tabs never overwrite each other's card.
    /// </summary>
    public Guid Version { get; set; }

    /// <summary>
    /// Whether the card holds something the draft does not: false right after the seller saved, so that the
    /// page still reopens as it was but the listing is not offered among the unfinished ones.
    /// </summary>
    public bool HasUnsavedChanges { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The pages whose cards are kept by <see cref="AutosavedEdit"/>.</summary>
public enum AutosavePage
{
    /// <summary><c>/sell</c>: Listing B, filled from the model's suggestion.</summary>
    Sell,

    /// <summary><c>/manual</c>: Listing A, filled by hand.</summary>
    Manual,

    /// <summary><c>/drafts/{id}</c>: a saved draft being edited again.</summary>
    Draft,
}
