namespace FashionListing.Web.Data;

/// <summary>A seller's listing as saved so far, with what the model suggested for it.</summary>
public sealed class ListingDraft
{
    public Guid Id { get; set; }

    /// <summary>
    /// The seller's user id. Drafts saved before accounts existed have none; only moderators see them.
    /// </summary>
    public string? OwnerId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public ListingMode Mode { get; set; }

    public string Title { get; set; } = "";

    public string? Category { get; set; }

    public string? Colour { get; set; }

    public List<string> Attributes { get; set; } = [];

    public string? Description { get; set; }

    public string? Size { get; set; }

    public string? Brand { get; set; }

    public ItemCondition Condition { get; set; }

    /// <summary>The asking price in <see cref="Currency"/>.</summary>
    public decimal Price { get; set; }

    public string Currency { get; set; } = ListingLimits.Currency;

    /// <summary>The stored photo (see <c>PhotoStore</c>); null when the seller has not added one.</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>
    /// What the model suggested when the photo was analysed (<see cref="SuggestionSnapshot"/> as JSON),
    /// kept so that reviewers can compare it with the values the seller saved; null for manual listings.
    /// </summary>
    public string? SuggestionJson { get; set; }

    /// <summary>Where the listing is in its life cycle; see <see cref="ListingStatus"/>.</summary>
    public ListingStatus Status { get; set; } = ListingStatus.Draft;

    /// <summary>
    /// The concurrency token: replaced by every write, so that a page that saves or decides with the version it
    /// loaded fails instead of overwriting a change it never saw (SQLite has no row version of its own).
    /// </summary>
    public Guid Version { get; set; }

    /// <summary>When the seller last submitted it for review; null while it never was.</summary>
    public DateTime? SubmittedUtc { get; set; }

    /// <summary>Why the moderator rejected it, from the list; null unless <see cref="Status"/> is Rejected.</summary>
    public RejectionReason? RejectionReason { get; set; }

    /// <summary>The moderator's own words to the seller with the rejection; null when none were given.</summary>
    public string? RejectionNote { get; set; }
}

/// <summary>How the listing was made.</summary>
public enum ListingMode
{
    /// <summary>Listing A: the seller filled every field.</summary>
    Manual,

    /// <summary>Listing B: the card was filled from the model's suggestion and edited by the seller.</summary>
    Automated,
}

/// <summary>The life cycle of a listing: the seller edits a draft, submits it, a moderator decides.</summary>
public enum ListingStatus
{
    /// <summary>The seller is still editing it; moderators do not review it yet.</summary>
    Draft,

    /// <summary>Waiting for a moderator; read-only for the seller.</summary>
    Submitted,

    /// <summary>Live on the marketplace; read-only for the seller.</summary>
    Approved,

    /// <summary>Sent back with a reason; the seller may edit it and submit it again.</summary>
    Rejected,
}

/// <summary>The reasons a moderator picks from when rejecting a listing.</summary>
public enum RejectionReason
{
    PhotoDoesNotShowItem,
    WrongCategory,
    ProhibitedItem,
    MisleadingDescription,
    DuplicateOrStolenPhoto,
    Other,
}

/// <summary>The state of the item for sale.</summary>
public enum ItemCondition
{
    NewWithTags,
    LikeNew,
    Good,
    Fair,
}

/// <summary>Limits shared by the database schema and the listing card's validation.</summary>
public static class ListingLimits
{
    public const string Currency = "SGD";

    public const int TitleMin = 5;

    public const int TitleMax = 80;

    public const int CategoryMax = 100;

    public const int ColourMax = 100;

    public const int AttributeMax = 100;

    public const int DescriptionMax = 2000;

    public const int SizeMax = 20;

    public const int BrandMax = 60;

    public const int RejectionNoteMax = 1000;

    public const string PriceMin = "0.01";

    public const string PriceMax = "100000";

    /// <summary>The condition as a seller reads it.</summary>
    public static string DisplayName(this ItemCondition condition) => condition switch
    {
        ItemCondition.NewWithTags => "New with tags",
        ItemCondition.LikeNew => "Like new",
        ItemCondition.Good => "Good",
        ItemCondition.Fair => "Fair",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown condition."),
    };

    /// <summary>The status as a seller or moderator reads it.</summary>
    public static string DisplayName(this ListingStatus status) => status switch
    {
        ListingStatus.Draft => "Draft",
        ListingStatus.Submitted => "Waiting for review",
        ListingStatus.Approved => "Approved",
        ListingStatus.Rejected => "Rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>The reason as the seller reads it.</summary>
    public static string DisplayName(this RejectionReason reason) => reason switch
    {
        RejectionReason.PhotoDoesNotShowItem => "Photo does not show the item",
        RejectionReason.WrongCategory => "Wrong category",
        RejectionReason.ProhibitedItem => "Prohibited item",
        RejectionReason.MisleadingDescription => "Misleading description",
        RejectionReason.DuplicateOrStolenPhoto => "Duplicate or stolen photo",
        RejectionReason.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };

    /// <summary>Whether the seller may change a listing in this status (a draft, or one sent back).</summary>
    public static bool IsEditableBySeller(this ListingStatus status) =>
        status is ListingStatus.Draft or ListingStatus.Rejected;
}
