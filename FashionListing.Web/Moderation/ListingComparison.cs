using System.Globalization;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;

namespace FashionListing.Web.Moderation;

/// <summary>The fields of a listing that the model suggests, in the order a reviewer reads them.</summary>
public enum ComparedField
{
    Title,
    Category,
    Colour,
    Attributes,
    Description,
}

/// <summary>
/// One field of a listing: the model's first suggestion for the selected garment beside what the seller saved.
/// </summary>
/// <param name="Field">Which field.</param>
/// <param name="Suggested">What the sell page put in the field from the model; null when it suggested nothing.</param>
/// <param name="Chosen">What the seller saved.</param>
/// <param name="Differs">Whether the two differ (see <see cref="ListingComparison"/> for how text is compared).</param>
/// <param name="Confidence">
/// The model's confidence in its suggestion as a reader sees it ("82%", "navy 62%, white 21%"), or null for a
/// field the model gives none for (title, description).
/// </param>
public sealed record FieldComparison(
    ComparedField Field,
    string? Suggested,
    string? Chosen,
    bool Differs,
    string? Confidence);

/// <summary>One detail (attribute) of the listing, suggested by the model, kept or added by the seller.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Score">The model's score, or null for one the seller added that the model did not suggest.</param>
/// <param name="Suggested">Whether the model suggested it.</param>
/// <param name="Chosen">Whether the seller's saved listing has it.</param>
public sealed record AttributeComparison(string Name, float? Score, bool Suggested, bool Chosen);

/// <summary>
/// What the model suggested for the garment the seller picked, field by field beside the saved listing. The
/// model's "first suggestion" for a field is what the sell page wrote into it: the garment's seed title, its
/// most probable category, its two largest colours joined by "and", its attributes and its seed description.
/// Text is compared ignoring case and the spaces around it; an empty field equals an absent one. The seller
/// and the model <see cref="Disagrees">disagree</see> when the title, the category or the colour differs.
/// </summary>
/// <param name="Fields">Every <see cref="ComparedField"/>, in its order.</param>
/// <param name="Attributes">The suggested attributes, then those the seller added, each once.</param>
/// <param name="SelectedGarment">The index of the garment the listing is for, among those found.</param>
/// <param name="GarmentCount">How many garments the model found in the photo.</param>
/// <param name="OtherCategories">The model's other categories with their probabilities, most probable first.</param>
public sealed record ListingComparison(
    IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<AttributeComparison> Attributes,
    int SelectedGarment,
    int GarmentCount,
    IReadOnlyList<CategorySnapshot> OtherCategories)
{
    /// <summary>The fields whose difference makes the queue's "model and seller disagree" filter match.</summary>
    public static IReadOnlyList<ComparedField> DisagreementFields { get; } =
        [ComparedField.Title, ComparedField.Category, ComparedField.Colour];

    /// <summary>Whether the saved title, category or colour differs from the model's first suggestion.</summary>
    public bool Disagrees => Fields.Any(f => f.Differs && DisagreementFields.Contains(f.Field));

    public FieldComparison this[ComparedField field] => Fields.Single(f => f.Field == field);

    /// <summary>
    /// The comparison for a listing made with suggestions, or null for one without (a manual listing, or a
    /// photo in which no garment was found): there is nothing to compare it with, so it never disagrees.
    /// </summary>
    public static ListingComparison? Of(ListingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        SuggestionSnapshot? snapshot = SuggestionSnapshot.FromJson(draft.SuggestionJson);
        if (snapshot is null || snapshot.Garments.Count == 0)
        {
            return null;
        }

        int selected = Math.Clamp(snapshot.SelectedGarment, 0, snapshot.Garments.Count - 1);
        GarmentSnapshot garment = snapshot.Garments[selected];
        CategorySnapshot? first = garment.Categories.Count > 0 ? garment.Categories[0] : null;
        string? colour = ListingColourText.Of(garment.Colours.Select(c => c.Name));
        string? colourConfidence = garment.Colours.Count == 0
            ? null
            : string.Join(", ", garment.Colours.Take(2).Select(c => $"{c.Name} {Percent(c.Share)}"));
        List<string> suggestedAttributes = [.. garment.Attributes.Select(a => a.Name).Distinct()];

        FieldComparison[] fields =
        [
            Text(ComparedField.Title, garment.Title, draft.Title, null),
            Text(
                ComparedField.Category,
                first?.DisplayName,
                draft.Category,
                first is null ? null : Percent(first.Probability)),
            Text(ComparedField.Colour, colour, draft.Colour, colourConfidence),
            new(
                ComparedField.Attributes,
                Join(suggestedAttributes),
                Join(draft.Attributes),
                !suggestedAttributes.ToHashSet(StringComparer.OrdinalIgnoreCase)
                    .SetEquals(draft.Attributes.Select(a => a.Trim())),
                garment.Attributes.Count == 0
                    ? null
                    : string.Join(", ", garment.Attributes.Select(a => $"{a.Name} {Percent(a.Score)}"))),
            Text(ComparedField.Description, garment.Description, draft.Description, null),
        ];

        List<AttributeComparison> attributes = [];
        foreach (string name in suggestedAttributes)
        {
            float score = garment.Attributes.Where(a => a.Name == name).Max(a => a.Score);
            bool kept = draft.Attributes.Contains(name, StringComparer.OrdinalIgnoreCase);
            attributes.Add(new AttributeComparison(name, score, Suggested: true, Chosen: kept));
        }

        IEnumerable<string> added =
            draft.Attributes.Where(a => !suggestedAttributes.Contains(a, StringComparer.OrdinalIgnoreCase));
        foreach (string name in added)
        {
            attributes.Add(new AttributeComparison(name, null, Suggested: false, Chosen: true));
        }

        return new ListingComparison(
            fields,
            attributes,
            selected,
            snapshot.Garments.Count,
            [.. garment.Categories.Skip(1)]);
    }

    /// <summary>A share or probability as a reader sees it: 0.823 is "82%".</summary>
    public static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0}%");

    /// <summary>Whether two texts count as the same: equal ignoring case and outer spaces, or both empty.</summary>
    public static bool Same(string? a, string? b) =>
        string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static FieldComparison Text(
        ComparedField field,
        string? suggested,
        string? chosen,
        string? confidence) =>
        new(field, suggested, chosen, !Same(suggested, chosen), confidence);

    private static string? Join(IEnumerable<string> names)
    {
        string text = string.Join(", ", names);
        return text.Length == 0 ? null : text;
    }

    private static string Normal(string? text) => text?.Trim() ?? "";
}
