namespace FashionListing.Web.Listings;

/// <summary>The colour field as the sell page fills it from the garment's colours.</summary>
public static class ListingColourText
{
    /// <summary>
    /// The two largest colours joined by "and" ("navy and white"), or null for none: a buyer reads the colour
    /// at a glance, and the description keeps the rest. The names come largest share first.
    /// </summary>
    public static string? Of(IEnumerable<string> namesLargestFirst)
    {
        ArgumentNullException.ThrowIfNull(namesLargestFirst);

        string[] names = [.. namesLargestFirst.Take(2)];

        return names.Length == 0 ? null : string.Join(" and ", names);
    }
}
