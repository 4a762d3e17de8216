using FashionListing.Web.Listings;

namespace FashionListing.Web.Components.Listing;

/// <summary>One garment's overlay on a <see cref="GarmentPhoto"/>.</summary>
/// <param name="Url">The overlay PNG, the photo's size (a data URL is fine).</param>
/// <param name="Emphasis">How prominently it is drawn.</param>
/// <param name="Badge">A numbered badge to draw on the garment, or null for none.</param>
public sealed record PhotoOverlay(string Url, OverlayEmphasis Emphasis, OverlayBadge? Badge = null);

/// <summary>A garment's number drawn on the photo in the garment's overlay colour.</summary>
/// <param name="Number">The number the seller reads, from 1, as on the garment's chip.</param>
/// <param name="Colour">The overlay's colour as "#RRGGBB".</param>
/// <param name="At">Where its centre goes.</param>
public sealed record OverlayBadge(int Number, string Colour, PhotoPoint At);

/// <summary>How an overlay is drawn among the others.</summary>
public enum OverlayEmphasis
{
    /// <summary>Drawn as rendered: the only garment, or every garment alike.</summary>
    Normal,

    /// <summary>The garment the listing is for: drawn above the others, at full strength.</summary>
    Selected,

    /// <summary>Another garment: drawn faintly, so that the selected one stands out.</summary>
    Dimmed,

    /// <summary>Not drawn; the element stays so that showing it again sends nothing to the browser.</summary>
    Hidden,
}
