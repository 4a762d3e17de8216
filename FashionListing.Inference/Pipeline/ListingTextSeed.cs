using System.Globalization;
using System.Text;
using FashionListing.Inference.Colour;

namespace FashionListing.Inference.Pipeline;

/// <summary>
/// Writes the seed title and description of a listing from what the model found: the top category,
/// the dominant colours and the attributes. The seller edits both, so they stay short and plain.
/// </summary>
public static class ListingTextSeed
{
    // Sleeve length is part of how buyers search for tops, shirts and dresses ("long-sleeve top");
    // for jackets, coats and the rest long sleeves go without saying and would only pad the title.
    private static readonly HashSet<string> s_sleeveInTitle = new(StringComparer.Ordinal)
    {
        "shirt, blouse",
        "top, t-shirt, sweatshirt",
        "dress",
    };

    private static readonly Dictionary<string, SleeveWording> s_sleeveWording = new(StringComparer.Ordinal)
    {
        ["sleeveless"] = new("sleeveless", "sleeveless"),
        ["short (length)"] = new("short-sleeve", "short sleeves"),
        ["elbow-length"] = new("elbow-sleeve", "elbow-length sleeves"),
        ["three quarter (length)"] = new("three-quarter-sleeve", "three-quarter sleeves"),
        ["wrist-length"] = new("long-sleeve", "long sleeves"),
    };

    /// <summary>
    /// A title such as "Burgundy short-sleeve T-shirt", "Navy long-sleeve top" or "Black pants":
    /// the main colour, the sleeve length where it matters, and the category's display name.
    /// </summary>
    /// <param name="category">The most probable category.</param>
    /// <param name="colours">The dominant colours, largest share first; may be empty.</param>
    /// <param name="attributes">The attributes to mention; only a sleeve length reaches the title.</param>
    public static string CreateTitle(
        CategorySuggestion category,
        IReadOnlyList<ColourSuggestion> colours,
        IReadOnlyList<AttributeSuggestion> attributes)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(colours);
        ArgumentNullException.ThrowIfNull(attributes);

        List<string> words = [];
        if (colours.Count > 0)
        {
            words.Add(colours[0].Name);
        }

        SleeveWording? sleeve = FindSleeve(attributes);
        bool nameSaysSleeve = category.DisplayName.Contains("sleeve", StringComparison.OrdinalIgnoreCase);
        if (sleeve is not null && !nameSaysSleeve && s_sleeveInTitle.Contains(category.FashionpediaCategoryName))
        {
            words.Add(sleeve.TitleWord);
        }

        words.Add(words.Count > 0 ? LowerFirst(category.DisplayName) : category.DisplayName);

        return UpperFirst(string.Join(' ', words));
    }

    /// <summary>
    /// A short description such as "T-shirt in burgundy (80%) and white (15%). Details: short sleeves,
    /// classic t-shirt." built from the same facts as the title.
    /// </summary>
    /// <param name="category">The most probable category.</param>
    /// <param name="colours">The dominant colours, largest share first; may be empty.</param>
    /// <param name="attributes">The attributes to mention, in the order given.</param>
    public static string CreateDescription(
        CategorySuggestion category,
        IReadOnlyList<ColourSuggestion> colours,
        IReadOnlyList<AttributeSuggestion> attributes)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(colours);
        ArgumentNullException.ThrowIfNull(attributes);

        StringBuilder text = new(category.DisplayName);
        if (colours.Count > 0)
        {
            IEnumerable<string> shares = colours.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Name} ({Math.Round(c.Share * 100.0, MidpointRounding.AwayFromZero):0}%)"));
            text.Append(" in ").Append(JoinAsList(shares.ToList()));
        }

        text.Append('.');

        List<string> details = attributes
            .Select(a => s_sleeveWording.TryGetValue(a.Name, out SleeveWording? wording)
                ? wording.DescriptionPhrase
                : Plain(a.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (details.Count > 0)
        {
            text.Append(" Details: ").Append(string.Join(", ", details)).Append('.');
        }

        return text.ToString();
    }

    private static SleeveWording? FindSleeve(IReadOnlyList<AttributeSuggestion> attributes)
    {
        foreach (AttributeSuggestion attribute in attributes)
        {
            if (s_sleeveWording.TryGetValue(attribute.Name, out SleeveWording? wording))
            {
                return wording;
            }
        }

        return null;
    }

    // Fashionpedia qualifies names in parentheses ("polo (shirt)"); in prose they read as "polo shirt".
    private static string Plain(string attributeName) =>
        string.Join(' ', attributeName.Replace("(", string.Empty, StringComparison.Ordinal)
            .Replace(")", string.Empty, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string JoinAsList(List<string> items) =>
        items.Count == 1
            ? items[0]
            : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    // "T-shirt" keeps its capital: a single letter before a hyphen names a shape, not a sentence start.
    private static string LowerFirst(string text) =>
        text.Length == 0 || (text.Length > 1 && text[1] == '-')
            ? text
            : char.ToLowerInvariant(text[0]) + text[1..];

    private static string UpperFirst(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record SleeveWording(string TitleWord, string DescriptionPhrase);
}
