using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;

namespace FashionListing.Web.Studies;

/// <summary>
/// Flow B of a study: fills the card from the model's suggestion as the sell page does, and tells at the end
/// which of those suggestions the participant kept.
/// </summary>
public static class SuggestedCard
{
    // The sell page writes the two largest colours into the field; the chips keep the rest.
    private const int ColoursInField = 2;

    private static readonly char[] s_wordSeparators = [' ', ',', '/', '-'];

    /// <summary>A card filled from the garment's suggestion; size, brand, condition and price stay empty.</summary>
    public static ListingFormModel From(GarmentSnapshot garment)
    {
        ArgumentNullException.ThrowIfNull(garment);

        return new ListingFormModel
        {
            Title = garment.Title,
            Category = garment.Categories.Count > 0 ? garment.Categories[0].DisplayName : null,
            Colour = ColourText(garment),
            Attributes = [.. garment.Attributes.Select(a => a.Name).Distinct()],
            Description = garment.Description,
        };
    }

    /// <summary>
    /// The suggestions still on the submitted card: "Title", "Category" and "Description" when unchanged,
    /// "Colour:name" for each suggested colour the colour field still names, "Attribute:name" for each
    /// suggested detail still on the card.
    /// </summary>
    public static IReadOnlyList<string> Kept(GarmentSnapshot garment, StudyListing submitted)
    {
        ArgumentNullException.ThrowIfNull(garment);
        ArgumentNullException.ThrowIfNull(submitted);

        ListingFormModel suggested = From(garment);
        List<string> kept = [];
        if (Same(suggested.Title, submitted.Title))
        {
            kept.Add("Title");
        }

        if (suggested.Category is not null && Same(suggested.Category, submitted.Category))
        {
            kept.Add("Category");
        }

        HashSet<string> colourWords = Words(submitted.Colour);
        foreach (ColourSnapshot colour in garment.Colours.Take(ColoursInField))
        {
            if (Words(colour.Name).IsSubsetOf(colourWords))
            {
                kept.Add("Colour:" + colour.Name);
            }
        }

        foreach (string attribute in suggested.Attributes.Where(submitted.Attributes.Contains))
        {
            kept.Add("Attribute:" + attribute);
        }

        if (Same(suggested.Description, submitted.Description))
        {
            kept.Add("Description");
        }

        return kept;
    }

    private static string? ColourText(GarmentSnapshot garment) =>
        garment.Colours.Count == 0
            ? null
            : string.Join(" and ", garment.Colours.Take(ColoursInField).Select(c => c.Name));

    private static bool Same(string? suggested, string? submitted) =>
        string.Equals(suggested?.Trim(), submitted?.Trim(), StringComparison.Ordinal);

    private static HashSet<string> Words(string? text) =>
        new(
            (text ?? "").Split(s_wordSeparators, StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);
}
