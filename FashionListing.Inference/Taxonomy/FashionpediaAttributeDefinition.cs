namespace FashionListing.Inference.Taxonomy;

/// <summary>One of the 294 Fashionpedia attributes, e.g. "wrist-length" or "polo (shirt)".</summary>
/// <param name="Id">The Fashionpedia attribute id, 0 to 340 with gaps.</param>
/// <param name="Name">The attribute's name as the taxonomy writes it.</param>
/// <param name="Supercategory">The taxonomy's own group, e.g. "length" or "nickname".</param>
/// <param name="Group">
/// The finer group this library uses to decide which categories the attribute describes; see
/// <see cref="AttributeGroup"/>.
/// </param>
public sealed record FashionpediaAttributeDefinition(int Id, string Name, string Supercategory, AttributeGroup Group);
