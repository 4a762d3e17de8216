namespace FashionListing.Web.Listings;

/// <summary>
/// A point on a photo as fractions of its width and height: (0, 0) is the top-left corner, (1, 1) the
/// bottom-right one, whatever size the photo is shown at.
/// </summary>
/// <param name="X">From the left edge, 0 to 1.</param>
/// <param name="Y">From the top edge, 0 to 1.</param>
public sealed record PhotoPoint(double X, double Y);
