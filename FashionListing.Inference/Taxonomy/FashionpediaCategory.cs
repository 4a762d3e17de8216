namespace FashionListing.Inference.Taxonomy;

/// <summary>One of the 46 Fashionpedia categories: a garment, accessory, garment part or decoration.</summary>
/// <param name="Id">The Fashionpedia category id, 0 to 45.</param>
/// <param name="Name">The category's name, e.g. "top, t-shirt, sweatshirt".</param>
/// <param name="Supercategory">Where the item is worn or what it is, e.g. "upperbody" or "garment parts".</param>
public sealed record FashionpediaCategory(int Id, string Name, string Supercategory);
