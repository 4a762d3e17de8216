namespace FashionListing.Inference.Colour;

/// <summary>One dominant colour of a garment.</summary>
/// <param name="Name">A human colour name, e.g. "burgundy".</param>
/// <param name="Hex">The colour as <c>#RRGGBB</c>.</param>
/// <param name="Share">The fraction of the garment's pixels of this colour, 0 to 1.</param>
public sealed record ColourSuggestion(string Name, string Hex, double Share);
