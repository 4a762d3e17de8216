using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Segmentation;

namespace FashionListing.Inference.Pipeline;

/// <summary>What became of an uploaded photo: rejected with a reason, or analysed.</summary>
public abstract record SuggestionOutcome;

/// <summary>The photo could not be used; <paramref name="Message"/> is written for the seller.</summary>
/// <param name="Reason">Why, for code and logs.</param>
/// <param name="Message">A sentence for the seller, e.g. "The photo is 61 MP; the limit is 40 MP."</param>
public sealed record PhotoRejected(PhotoRejectionReason Reason, string Message) : SuggestionOutcome;

/// <summary>The photo was decoded and analysed.</summary>
/// <param name="Photo">The photo as the product stores it: upright, re-encoded, without metadata.</param>
/// <param name="Garments">The garments found, most prominent first; empty when none was found.</param>
/// <param name="Timings">How long each stage took, for logs and benchmarks.</param>
public sealed record PhotoAnalysed(
    CleanPhoto Photo,
    IReadOnlyList<GarmentSuggestion> Garments,
    StageTimings Timings) : SuggestionOutcome;

/// <summary>Why a photo was rejected.</summary>
public enum PhotoRejectionReason
{
    /// <summary>The file is empty.</summary>
    Empty,

    /// <summary>The bytes are not a JPEG, PNG, WebP or GIF image, or a CMYK JPEG whose colours are ambiguous.</summary>
    UnsupportedType,

    /// <summary>The file is larger than the byte limit.</summary>
    TooManyBytes,

    /// <summary>The image has more pixels than the pixel limit.</summary>
    TooManyPixels,

    /// <summary>The bytes claim to be a supported image but cannot be decoded.</summary>
    Corrupt,
}

/// <summary>Everything the model suggests for one garment in the photo.</summary>
/// <param name="Mask">Which pixels of <see cref="PhotoAnalysed.Photo"/> belong to the garment.</param>
/// <param name="OverlayPng">A transparent PNG the size of the photo: the mask filled and outlined.</param>
/// <param name="OverlayColour">The overlay's colour as "#RRGGBB", so the page can draw its chip to match.</param>
/// <param name="Categories">The most likely categories, most probable first (at most three).</param>
/// <param name="Attributes">Fashionpedia attributes of the most probable category, with scores.</param>
/// <param name="Colours">Dominant colours inside the mask, largest share first.</param>
/// <param name="Title">A seed title such as "Burgundy short-sleeve T-shirt".</param>
/// <param name="Description">A seed description built from the same facts.</param>
public sealed record GarmentSuggestion(
    GarmentMask Mask,
    byte[] OverlayPng,
    string OverlayColour,
    IReadOnlyList<CategorySuggestion> Categories,
    IReadOnlyList<AttributeSuggestion> Attributes,
    IReadOnlyList<ColourSuggestion> Colours,
    string Title,
    string Description);

/// <summary>One candidate category for a garment.</summary>
/// <param name="Label">The starter model's garment label, e.g. "Longsleeve".</param>
/// <param name="DisplayName">The label as a seller reads it, e.g. "Long-sleeve top".</param>
/// <param name="FashionpediaCategoryId">The Fashionpedia category id (0-45) the label maps to.</param>
/// <param name="FashionpediaCategoryName">That category's name, e.g. "top, t-shirt, sweatshirt".</param>
/// <param name="Probability">The model's probability for the label, 0 to 1.</param>
/// <param name="Attributes">
/// The attributes to suggest if the seller picks this category: for the starter model those its label
/// implies, for a Fashionpedia model those it predicted that describe this category.
/// </param>
public sealed record CategorySuggestion(
    string Label,
    string DisplayName,
    int FashionpediaCategoryId,
    string FashionpediaCategoryName,
    float Probability,
    IReadOnlyList<AttributeSuggestion> Attributes);

/// <summary>One Fashionpedia attribute suggested for a garment.</summary>
/// <param name="AttributeId">The Fashionpedia attribute id (0-340, with gaps).</param>
/// <param name="Name">The attribute's name, e.g. "wrist-length".</param>
/// <param name="Supercategory">The attribute's group, e.g. "length".</param>
/// <param name="Score">How sure the model is, 0 to 1.</param>
public sealed record AttributeSuggestion(int AttributeId, string Name, string Supercategory, float Score);

/// <summary>Milliseconds spent in each stage of one analysis.</summary>
public sealed record StageTimings(
    double DecodeMs,
    double MaskMs,
    double EmbeddingMs,
    double HeadMs,
    double ColoursMs,
    double OverlayMs,
    double TotalMs);
