using System.Globalization;

namespace FashionListing.Inference.Classification;

/// <summary>Which backbone features a category head reads, in this order.</summary>
public enum CategoryFeatureSet
{
    /// <summary>The 512 pooled features of the last stage.</summary>
    Embedding,

    /// <summary>The 512 pooled features of the last stage, then the 256 of the third stage.</summary>
    EmbeddingAndStage3,

    /// <summary>As <see cref="EmbeddingAndStage3"/>, then the 512 channel maxima of the last stage.</summary>
    EmbeddingStage3AndStage4Max,
}

/// <summary>
/// How a category head's input is computed from a photo and its mask. It is stored in the head's
/// ONNX metadata, so the head and the preprocessing it was trained with travel together.
/// </summary>
/// <param name="Features">The backbone features the head reads.</param>
/// <param name="CropMargin">The border around the mask's box; see <see cref="GarmentCrop.SquareRegion"/>.</param>
/// <param name="BlankBackground">Whether pixels outside the mask are blanked before the backbone runs.</param>
/// <param name="MirrorAverage">Whether the features are averaged with those of the mirrored crop.</param>
/// <param name="InputSize">The side of the square crop the backbone runs on, a multiple of 32.</param>
public sealed record CategoryHeadRecipe(
    CategoryFeatureSet Features,
    float CropMargin,
    bool BlankBackground,
    bool MirrorAverage,
    int InputSize = 224)
{
    private const string FeaturesKey = "fashionlisting.features";
    private const string MarginKey = "fashionlisting.crop_margin";
    private const string BlankKey = "fashionlisting.blank_background";
    private const string MirrorKey = "fashionlisting.mirror_average";
    private const string SizeKey = "fashionlisting.input_size";

    /// <summary>Number of values the head's input holds.</summary>
    public int FeatureLength => Features switch
    {
        CategoryFeatureSet.Embedding => 512,
        CategoryFeatureSet.EmbeddingAndStage3 => 512 + 256,
        _ => 512 + 256 + 512,
    };

    /// <summary>The recipe as ONNX metadata entries.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [FeaturesKey] = Features.ToString(),
        [MarginKey] = CropMargin.ToString("R", CultureInfo.InvariantCulture),
        [BlankKey] = BlankBackground ? "true" : "false",
        [MirrorKey] = MirrorAverage ? "true" : "false",
        [SizeKey] = InputSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a recipe written by <see cref="ToMetadata"/>.</summary>
    /// <param name="metadata">The model's custom metadata.</param>
    /// <param name="source">Where the metadata came from, for error messages.</param>
    public static CategoryHeadRecipe FromMetadata(IReadOnlyDictionary<string, string> metadata, string source)
    {
        ArgumentNullException.ThrowIfNull(metadata);

        return new CategoryHeadRecipe(
            Enum.Parse<CategoryFeatureSet>(Read(metadata, FeaturesKey, source)),
            float.Parse(Read(metadata, MarginKey, source), CultureInfo.InvariantCulture),
            bool.Parse(Read(metadata, BlankKey, source)),
            bool.Parse(Read(metadata, MirrorKey, source)),
            int.Parse(Read(metadata, SizeKey, source), CultureInfo.InvariantCulture));
    }

    private static string Read(IReadOnlyDictionary<string, string> metadata, string key, string source) =>
        metadata.TryGetValue(key, out string? value)
            ? value
            : throw new InvalidDataException(
                $"The category head {source} has no metadata entry '{key}'; it was not written by the "
                + "category-train command.");
}
