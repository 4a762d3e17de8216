namespace FashionListing.Inference.Colour;

/// <summary>A colour name sellers and buyers use, with the colour it stands for.</summary>
/// <param name="Name">The name in lower case, e.g. "navy".</param>
/// <param name="Hex">The representative sRGB colour as <c>#RRGGBB</c>.</param>
/// <param name="Lab">The same colour in CIELAB.</param>
public sealed record NamedColour(string Name, string Hex, LabColour Lab);
