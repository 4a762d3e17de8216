namespace FashionListing.Inference.Taxonomy;

/// <summary>
/// A group of Fashionpedia attributes that describe the same aspect of one kind of item.
/// </summary>
/// <remarks>
/// The taxonomy's own supercategories are too coarse for deciding what applies to what: "nickname"
/// holds names of T-shirts, jackets, skirts, collars and pockets alike, and "length" holds both
/// garment lengths and sleeve lengths. The groups split them by id range.
/// </remarks>
public enum AttributeGroup
{
    /// <summary>Names of tops and shirts, e.g. "polo (shirt)", "tank (top)", "hoodie".</summary>
    TopNickname,

    /// <summary>Names of jackets, e.g. "blazer", "bomber (jacket)".</summary>
    JacketNickname,

    /// <summary>Names of pants, e.g. "jeans", "leggings".</summary>
    PantsNickname,

    /// <summary>Names of shorts, e.g. "bermuda (shorts)".</summary>
    ShortsNickname,

    /// <summary>Names of skirts, e.g. "kilt", "wrap (skirt)".</summary>
    SkirtNickname,

    /// <summary>Names of coats, e.g. "parka", "trench (coat)".</summary>
    CoatNickname,

    /// <summary>Names of dresses, e.g. "sundress", "wrap (dress)".</summary>
    DressNickname,

    /// <summary>Names of collars, e.g. "shirt (collar)".</summary>
    CollarNickname,

    /// <summary>Names of lapels, e.g. "notched (lapel)".</summary>
    LapelNickname,

    /// <summary>Names of sleeve constructions, e.g. "raglan (sleeve)".</summary>
    SleeveNickname,

    /// <summary>Names of pockets, e.g. "patch (pocket)".</summary>
    PocketNickname,

    /// <summary>The garment's shape and fit, e.g. "a-line", "oversized".</summary>
    Silhouette,

    /// <summary>Where the waistline sits, e.g. "high waist".</summary>
    Waistline,

    /// <summary>How far the garment reaches, from "above-the-hip (length)" to "floor (length)".</summary>
    GarmentLength,

    /// <summary>How long the sleeves are, from "sleeveless" to "wrist-length".</summary>
    SleeveLength,

    /// <summary>The neckline's shape, e.g. "v-neck", "turtle (neck)".</summary>
    NecklineType,

    /// <summary>How the garment opens and closes, e.g. "zip-up", "single breasted".</summary>
    OpeningType,

    /// <summary>Materials other than fabric, e.g. "rubber", "fur".</summary>
    NonTextileMaterial,

    /// <summary>Kinds of leather, e.g. "suede".</summary>
    Leather,

    /// <summary>Finishing and making techniques, e.g. "distressed", "quilted".</summary>
    TextileFinishing,

    /// <summary>Printed or woven patterns, e.g. "stripe", "floral".</summary>
    TextilePattern,

    /// <summary>Animal-skin patterns, e.g. "leopard".</summary>
    AnimalPattern,
}
