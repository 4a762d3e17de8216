using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Inference.Classification;

/// <summary>
/// Computes a category head's input: the garment cropped to its mask, run through the backbone,
/// its pooled features in the layout <see cref="ExtractAll"/> describes.
/// </summary>
/// <remarks>Safe to call concurrently; the backbone is shared and not owned.</remarks>
public sealed class CategoryFeatureExtractor(ResNet18Backbone backbone)
{
    private readonly ResNet18Backbone _backbone = backbone ?? throw new ArgumentNullException(nameof(backbone));

    /// <summary>
    /// All features a head may read, for one view of the crop: the 512-value embedding, the 256
    /// globally averaged third-stage channels, then the 512 maxima of the last stage's channels.
    /// Each <see cref="CategoryFeatureSet"/> reads a prefix of them.
    /// </summary>
    /// <param name="photo">The photo.</param>
    /// <param name="mask">The garment's mask at the photo's size.</param>
    /// <param name="recipe">The crop settings; its feature set is ignored here.</param>
    /// <param name="mirrored">Whether the crop is flipped left to right before the backbone runs.</param>
    public float[] ExtractAll(SKBitmap photo, GarmentMask mask, CategoryHeadRecipe recipe, bool mirrored)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        int size = recipe.InputSize;
        using SKBitmap crop = GarmentCrop.Render(
            photo, mask, recipe.CropMargin, recipe.BlankBackground, size, mirrored);

        BackboneFeatures features = _backbone.Extract(crop, new SKRectI(0, 0, size, size), size, size);

        return [.. features.Embedding, .. GlobalAverage(features.Stage3), .. GlobalMaximum(features.Stage4)];
    }

    /// <summary>The head's input for a photo: one view, or the mean of it and its mirror image.</summary>
    /// <param name="photo">The photo.</param>
    /// <param name="mask">The garment's mask at the photo's size.</param>
    /// <param name="recipe">How the head was trained.</param>
    public float[] Extract(SKBitmap photo, GarmentMask mask, CategoryHeadRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        float[] all = ExtractAll(photo, mask, recipe, mirrored: false);
        if (recipe.MirrorAverage)
        {
            float[] mirroredAll = ExtractAll(photo, mask, recipe, mirrored: true);
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = 0.5f * (all[i] + mirroredAll[i]);
            }
        }

        return all.AsSpan(0, recipe.FeatureLength).ToArray();
    }

    private static float[] GlobalMaximum(FeatureMap map)
    {
        float[] pooled = new float[map.Channels];
        int plane = map.Height * map.Width;
        for (int c = 0; c < map.Channels; c++)
        {
            pooled[c] = Maximum(map.Values.AsSpan(c * plane, plane));
        }

        return pooled;
    }

    private static float Maximum(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    private static float[] GlobalAverage(FeatureMap map)
    {
        float[] pooled = new float[map.Channels];
        int plane = map.Height * map.Width;
        for (int c = 0; c < map.Channels; c++)
        {
            double sum = 0;
            foreach (float value in map.Values.AsSpan(c * plane, plane))
            {
                sum += value;
            }

            pooled[c] = (float)(sum / plane);
        }

        return pooled;
    }
}
