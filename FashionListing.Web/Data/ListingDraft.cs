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
}

/// <summary>How the listing was made.</summary>
public enum ListingMode
{
    /// <summary>Listing A: the seller filled every field.</summary>
    Manual,

    /// <summary>Listing B: the card was filled from the model's suggestion and edited by the seller.</summary>
    Automated,
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
}
