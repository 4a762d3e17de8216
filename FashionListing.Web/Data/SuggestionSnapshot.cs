using System.Text.Json;
using FashionListing.Inference.Pipeline;

namespace FashionListing.Web.Data;

/// <summary>
/// The model's suggestion for one photo, reduced to what a reviewer compares with the saved listing, stored as
/// JSON on <see cref="ListingDraft.SuggestionJson"/>. The masks are not in it: each garment's overlay PNG is
/// stored beside the photo by <c>PhotoStore</c>, under the garment's index in <see cref="Garments"/>.
/// </summary>
/// <param name="Garments">Every garment found, most prominent first.</param>
/// <param name="SelectedGarment">The index of the garment the seller made the listing for.</param>
public sealed record SuggestionSnapshot(IReadOnlyList<GarmentSnapshot> Garments, int SelectedGarment)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static SuggestionSnapshot From(PhotoAnalysed analysed, int selectedGarment)
    {
        ArgumentNullException.ThrowIfNull(analysed);

        return new SuggestionSnapshot(
            [.. analysed.Garments.Select(g => new GarmentSnapshot(
                [.. g.Categories.Select(c => new CategorySnapshot(
                    c.Label, c.DisplayName, c.FashionpediaCategoryId, c.FashionpediaCategoryName, c.Probability))],
                [.. g.Attributes.Select(a => new AttributeSnapshot(a.AttributeId, a.Name, a.Supercategory, a.Score))],
                [.. g.Colours.Select(c => new ColourSnapshot(c.Name, c.Hex, c.Share))],
                g.Title,
                g.Description,
                g.OverlayColour))],
            selectedGarment);
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static SuggestionSnapshot? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SuggestionSnapshot>(json, s_json);
}

/// <summary>One garment of a <see cref="SuggestionSnapshot"/>.</summary>
/// <param name="Categories">The categories offered, most probable first.</param>
/// <param name="Attributes">The attributes suggested with the most probable category.</param>
/// <param name="Colours">The garment's dominant colours, largest share first.</param>
/// <param name="Title">The seed title.</param>
/// <param name="Description">The seed description.</param>
/// <param name="OverlayColour">
/// The colour its outline was drawn in ("#RRGGBB"), so the draft can name the garment as the seller saw it;
/// null in drafts saved before it was stored.
/// </param>
public sealed record GarmentSnapshot(
    IReadOnlyList<CategorySnapshot> Categories,
    IReadOnlyList<AttributeSnapshot> Attributes,
    IReadOnlyList<ColourSnapshot> Colours,
    string Title,
    string Description,
    string? OverlayColour = null);

public sealed record CategorySnapshot(
    string Label,
    string DisplayName,
    int FashionpediaCategoryId,
    string FashionpediaCategoryName,
    float Probability);

public sealed record AttributeSnapshot(int AttributeId, string Name, string Supercategory, float Score);

public sealed record ColourSnapshot(string Name, string Hex, double Share);
