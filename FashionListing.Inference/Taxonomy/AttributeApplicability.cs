using System.Collections.Frozen;

namespace FashionListing.Inference.Taxonomy;

/// <summary>
/// The rules that place each Fashionpedia attribute in an <see cref="AttributeGroup"/> and say
/// which groups are meaningful for which category.
/// </summary>
/// <remarks>
/// Fashionpedia's annotators tagged neckline, collar and sleeve names on the part objects
/// ("neckline", "collar", "sleeve"), not on the garment. A listing describes the garment, so the
/// garments that carry those parts accept the part's length and neckline groups as well; the
/// collar, lapel, sleeve and pocket nicknames stay with the part, because a seller rarely names
/// them and the starter model cannot see them.
/// </remarks>
internal static class AttributeApplicability
{
    // Ranges follow the order of the taxonomy file, where each kind's attributes are contiguous.
    // Two ranges hold two supercategories each; the supercategory tells them apart.
    private static readonly AttributeRange[] s_ranges =
    [
        new(0, 16, "nickname", AttributeGroup.TopNickname),
        new(17, 35, "nickname", AttributeGroup.JacketNickname),
        new(36, 49, "nickname", AttributeGroup.PantsNickname),
        new(50, 61, "nickname", AttributeGroup.ShortsNickname),
        new(62, 78, "nickname", AttributeGroup.SkirtNickname),
        new(79, 94, "nickname", AttributeGroup.CoatNickname),
        new(95, 113, "nickname", AttributeGroup.DressNickname),
        new(114, 138, "silhouette", AttributeGroup.Silhouette),
        new(139, 145, "waistline", AttributeGroup.Waistline),
        new(146, 155, "length", AttributeGroup.GarmentLength),
        new(156, 160, "length", AttributeGroup.SleeveLength),
        new(161, 173, "nickname", AttributeGroup.CollarNickname),
        new(174, 178, "nickname", AttributeGroup.LapelNickname),
        new(179, 203, "neckline type", AttributeGroup.NecklineType),
        new(204, 216, "nickname", AttributeGroup.SleeveNickname),
        new(217, 224, "nickname", AttributeGroup.PocketNickname),
        new(225, 234, "opening type", AttributeGroup.OpeningType),
        new(281, 295, "non-textile material type", AttributeGroup.NonTextileMaterial),
        new(281, 295, "leather", AttributeGroup.Leather),
        new(296, 316, "textile finishing, manufacturing techniques", AttributeGroup.TextileFinishing),
        new(317, 340, "textile pattern", AttributeGroup.TextilePattern),
        new(317, 340, "animal", AttributeGroup.AnimalPattern),
    ];

    // Material, finish and pattern describe anything made of something: every garment and accessory.
    private static readonly AttributeGroup[] s_surface =
    [
        AttributeGroup.NonTextileMaterial,
        AttributeGroup.Leather,
        AttributeGroup.TextileFinishing,
        AttributeGroup.TextilePattern,
        AttributeGroup.AnimalPattern,
    ];

    // Upper-body and whole-body garments with sleeves and a neckline. Garment lengths apply to them
    // too: "above-the-hip" and "hip" are lengths of tops and jackets, "mini" to "floor" of dresses.
    private static readonly AttributeGroup[] s_sleevedGarment =
    [
        AttributeGroup.Silhouette,
        AttributeGroup.Waistline,
        AttributeGroup.GarmentLength,
        AttributeGroup.SleeveLength,
        AttributeGroup.NecklineType,
        AttributeGroup.OpeningType,
    ];

    // Vests and capes have a neckline but no sleeves to measure.
    private static readonly AttributeGroup[] s_sleevelessGarment =
    [
        AttributeGroup.Silhouette,
        AttributeGroup.GarmentLength,
        AttributeGroup.NecklineType,
        AttributeGroup.OpeningType,
    ];

    // Pants, shorts and skirts: a waist and a length, no sleeves or neckline.
    private static readonly AttributeGroup[] s_lowerBodyGarment =
    [
        AttributeGroup.Silhouette,
        AttributeGroup.Waistline,
        AttributeGroup.GarmentLength,
        AttributeGroup.OpeningType,
    ];

    private static readonly FrozenDictionary<string, AttributeGroup[]> s_groupsByCategory =
        new Dictionary<string, AttributeGroup[]>(StringComparer.Ordinal)
        {
            ["shirt, blouse"] = [AttributeGroup.TopNickname, .. s_sleevedGarment, .. s_surface],
            ["top, t-shirt, sweatshirt"] = [AttributeGroup.TopNickname, .. s_sleevedGarment, .. s_surface],
            ["sweater"] = [.. s_sleevedGarment, .. s_surface],
            ["cardigan"] = [.. s_sleevedGarment, .. s_surface],
            ["jacket"] = [AttributeGroup.JacketNickname, .. s_sleevedGarment, .. s_surface],
            ["vest"] = [.. s_sleevelessGarment, .. s_surface],
            ["pants"] = [AttributeGroup.PantsNickname, .. s_lowerBodyGarment, .. s_surface],
            ["shorts"] = [AttributeGroup.ShortsNickname, .. s_lowerBodyGarment, .. s_surface],
            ["skirt"] = [AttributeGroup.SkirtNickname, .. s_lowerBodyGarment, .. s_surface],
            ["coat"] = [AttributeGroup.CoatNickname, .. s_sleevedGarment, .. s_surface],
            ["dress"] = [AttributeGroup.DressNickname, .. s_sleevedGarment, .. s_surface],
            ["jumpsuit"] = [.. s_sleevedGarment, .. s_surface],
            ["cape"] = [.. s_sleevelessGarment, .. s_surface],
            ["glasses"] = s_surface,
            ["hat"] = s_surface,
            ["headband, head covering, hair accessory"] = s_surface,
            ["tie"] = s_surface,
            ["glove"] = s_surface,
            ["watch"] = s_surface,
            ["belt"] = s_surface,
            ["leg warmer"] = s_surface,
            ["tights, stockings"] = s_surface,
            ["sock"] = s_surface,
            // Shoes and bags open and close ("lace up", "buckled (opening)", "zip-up").
            ["shoe"] = [AttributeGroup.OpeningType, .. s_surface],
            ["bag, wallet"] = [AttributeGroup.OpeningType, .. s_surface],
            ["scarf"] = s_surface,
            ["umbrella"] = s_surface,
            ["collar"] = [AttributeGroup.CollarNickname],
            ["lapel"] = [AttributeGroup.LapelNickname],
            ["sleeve"] = [AttributeGroup.SleeveNickname, AttributeGroup.SleeveLength],
            ["pocket"] = [AttributeGroup.PocketNickname],
            ["neckline"] = [AttributeGroup.NecklineType],
            // Hoods, epaulettes, closures and decorations are parts the listing does not describe.
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The group of an attribute, or an exception naming the attribute the rules do not cover.</summary>
    public static AttributeGroup GroupOf(int id, string name, string supercategory)
    {
        foreach (AttributeRange range in s_ranges)
        {
            if (id >= range.FirstId && id <= range.LastId
                && string.Equals(range.Supercategory, supercategory, StringComparison.Ordinal))
            {
                return range.Group;
            }
        }

        throw new InvalidDataException(
            $"Attribute {id} \"{name}\" (supercategory \"{supercategory}\") falls in no attribute group; "
            + "the taxonomy file differs from the one the rules were written for.");
    }

    /// <summary>The groups meaningful for the named category; empty for parts the listing does not describe.</summary>
    public static IReadOnlyList<AttributeGroup> GroupsFor(string categoryName) =>
        s_groupsByCategory.TryGetValue(categoryName, out AttributeGroup[]? groups) ? groups : [];

    /// <summary>The category names the rules mention, so that a loader can check they all exist.</summary>
    public static IEnumerable<string> CategoryNames => s_groupsByCategory.Keys;

    private sealed record AttributeRange(int FirstId, int LastId, string Supercategory, AttributeGroup Group);
}
