namespace FashionListing.Inference.Colour;

/// <summary>A colour in CIELAB (D65 white, 2° observer), the space where distances follow perception.</summary>
/// <param name="L">Lightness, 0 (black) to 100 (white).</param>
/// <param name="A">Green (negative) to red (positive), about -128 to 127 for sRGB colours.</param>
/// <param name="B">Blue (negative) to yellow (positive), about -128 to 127 for sRGB colours.</param>
public readonly record struct LabColour(double L, double A, double B);
