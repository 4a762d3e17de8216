using FashionListing.Inference.Instances;
using FashionListing.Inference.Taxonomy;
using SkiaSharp;

namespace FashionListing.Inference.Pipeline;

/// <summary>
/// Groups a Fashionpedia model's instances into garments a seller can list: each garment part (sleeve,
/// pocket, neckline, zip, bow) joins the garment that holds most of its pixels; a part on no garment is dropped.
/// </summary>
internal static class GarmentParts
{
    /// <summary>A part belongs to a garment when at least this share of its pixels lies on the garment's mask.</summary>
    public const double InsideShare = 0.5;

    /// <summary>The garments in the order of <paramref name="instances"/>, each with its parts.</summary>
    /// <param name="instances">The decoded instances, best first.</param>
    /// <param name="categories">The Fashionpedia category of each category output.</param>
    public static IReadOnlyList<GarmentWithParts> Attach(
        IReadOnlyList<DetectedInstance> instances,
        IReadOnlyList<FashionpediaCategory> categories)
    {
        List<GarmentWithParts> garments = [];
        List<DetectedInstance> parts = [];
        foreach (DetectedInstance instance in instances)
        {
            if (CategoryDisplayNames.IsPart(categories[instance.CategoryIndex]))
            {
                parts.Add(instance);
            }
            else
            {
                garments.Add(new GarmentWithParts(instance, []));
            }
        }

        foreach (DetectedInstance part in parts)
        {
            GarmentWithParts? owner = null;
            double best = InsideShare;
            foreach (GarmentWithParts garment in garments)
            {
                double share = ShareInside(part, garment.Garment);
                if (share >= best)
                {
                    best = share;
                    owner = garment;
                }
            }

            owner?.Parts.Add(part);
        }

        return garments;
    }

    // Counted only inside the part's bounds, and only where they overlap the garment's: a part far from a
    // garment costs a rectangle test, not a pass over the photo.
    private static double ShareInside(DetectedInstance part, DetectedInstance garment)
    {
        if (!part.Bounds.IntersectsWith(garment.Bounds))
        {
            return 0;
        }

        int width = part.Mask.Width;
        long inside = 0;
        long total = 0;
        byte[] partPixels = part.Mask.Pixels;
        byte[] garmentPixels = garment.Mask.Pixels;
        SKRectI bounds = part.Bounds;
        for (int y = bounds.Top; y < bounds.Bottom; y++)
        {
            for (int x = bounds.Left; x < bounds.Right; x++)
            {
                int i = (y * width) + x;
                if (partPixels[i] != 0)
                {
                    total++;
                    inside += garmentPixels[i];
                }
            }
        }

        return total == 0 ? 0 : (double)inside / total;
    }
}

/// <summary>A garment instance and the part instances that lie on it.</summary>
internal sealed record GarmentWithParts(DetectedInstance Garment, List<DetectedInstance> Parts);
