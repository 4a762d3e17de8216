using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FashionListing.Web.Data;

namespace FashionListing.Web.Components.Listing;

/// <summary>What the listing card edits; validated before a draft is saved.</summary>
public sealed class ListingFormModel
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>What <see cref="ToJson"/> gives for a card nobody has touched.</summary>
    public static string EmptyJson { get; } = new ListingFormModel().ToJson();

    [Required(ErrorMessage = "Give the listing a title.")]
    [StringLength(
        ListingLimits.TitleMax,
        MinimumLength = ListingLimits.TitleMin,
        ErrorMessage = "The title must be {2} to {1} characters long.")]
    public string? Title { get; set; }

    [StringLength(ListingLimits.CategoryMax, ErrorMessage = "The category is at most {1} characters long.")]
    public string? Category { get; set; }

    [StringLength(ListingLimits.ColourMax, ErrorMessage = "The colour is at most {1} characters long.")]
    public string? Colour { get; set; }

    public List<string> Attributes { get; set; } = [];

    [StringLength(ListingLimits.DescriptionMax, ErrorMessage = "The description is at most {1} characters long.")]
    public string? Description { get; set; }

    [StringLength(ListingLimits.SizeMax, ErrorMessage = "The size is at most {1} characters long.")]
    public string? Size { get; set; }

    [StringLength(ListingLimits.BrandMax, ErrorMessage = "The brand is at most {1} characters long.")]
    public string? Brand { get; set; }

    [Required(ErrorMessage = "Choose the item's condition.")]
    public ItemCondition? Condition { get; set; }

    [Required(ErrorMessage = "Set a price.")]
    [Range(
        typeof(decimal),
        ListingLimits.PriceMin,
        ListingLimits.PriceMax,
        ParseLimitsInInvariantCulture = true,
        ErrorMessage = "The price must be more than 0 and at most 100,000 SGD.")]
    [RegularExpression(@"^\d+(\.\d{1,2})?$", ErrorMessage = "The price has at most two decimals (cents).")]
    public decimal? Price { get; set; }

    /// <summary>Copies the card into a draft; call only after validation passed.</summary>
    public ListingDraft ToDraft(Guid id, ListingMode mode, Guid? photoId, string? suggestionJson) => new()
    {
        Id = id,
        Mode = mode,
        Title = Title!.Trim(),
        Category = Blank(Category),
        Colour = Blank(Colour),
        Attributes = [.. Attributes],
        Description = Blank(Description),
        Size = Blank(Size),
        Brand = Blank(Brand),
        Condition = Condition!.Value,
        Price = Price!.Value,
        Currency = ListingLimits.Currency,
        PhotoId = photoId,
        SuggestionJson = suggestionJson,
    };

    public static ListingFormModel FromDraft(ListingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        return new ListingFormModel
        {
            Title = draft.Title,
            Category = draft.Category,
            Colour = draft.Colour,
            Attributes = [.. draft.Attributes],
            Description = draft.Description,
            Size = draft.Size,
            Brand = draft.Brand,
            Condition = draft.Condition,
            Price = draft.Price,
        };
    }

    /// <summary>The card as typed, valid or not, for <see cref="AutosavedEdit.CardJson"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The card <see cref="ToJson"/> wrote; throws <see cref="JsonException"/> for anything else.</summary>
    public static ListingFormModel FromJson(string json)
    {
        ListingFormModel card = JsonSerializer.Deserialize<ListingFormModel>(json, s_json)
            ?? throw new JsonException("The stored card is empty.");
        card.Attributes ??= [];

        return card;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
