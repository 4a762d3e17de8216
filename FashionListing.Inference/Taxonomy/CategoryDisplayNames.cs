using System.Collections.Frozen;

namespace FashionListing.Inference.Taxonomy;

/// <summary>
/// Names of the Fashionpedia categories as a seller writes them on a listing: "Top" rather than
/// "top, t-shirt, sweatshirt", "Shoes" rather than "shoe".
/// </summary>
public static class CategoryDisplayNames
{
    // Listings name pairs and sets in the plural; every other category uses its first synonym as it stands.
    private static readonly FrozenDictionary<string, string> s_overrides = new Dictionary<string, string>
    {
        ["glove"] = "Gloves",
        ["leg warmer"] = "Leg warmers",
        ["tights, stockings"] = "Tights",
        ["sock"] = "Socks",
        ["shoe"] = "Shoes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The supercategories of things that are part of a garment rather than something a seller lists alone.
    private static readonly FrozenSet<string> s_partSupercategories =
        new[] { "garment parts", "closures", "decorations" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The display name of a category, e.g. "Bag" for "bag, wallet".</summary>
    public static string For(FashionpediaCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (s_overrides.TryGetValue(category.Name, out string? name))
        {
            return name;
        }

        string first = category.Name.Split(',')[0].Trim();

        return first.Length == 0 ? category.Name : char.ToUpperInvariant(first[0]) + first[1..];
    }

    /// <summary>
    /// Whether the category is a part of a garment (a sleeve, a pocket, a zip, a bow) rather than a garment
    /// or accessory that can be listed on its own.
    /// </summary>
    public static bool IsPart(FashionpediaCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);

        return s_partSupercategories.Contains(category.Supercategory);
    }
}
