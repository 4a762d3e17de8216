using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>
/// What a test model should report for one of its regions in a photo, computed at the photo's own size
/// from the same colour rule, without the model or any of the app's code.
/// </summary>
/// <param name="Region">The colour region.</param>
/// <param name="Width">The photo's width.</param>
/// <param name="Height">The photo's height.</param>
/// <param name="Mask">1 where the region's function is positive and the pixel lies inside the box.</param>
/// <param name="Area">The mean of the region's soft mask over the model input, the model's own measure.</param>
/// <param name="CoreShare">The share of the mask that the duplicate's shifted rule still covers.</param>
internal sealed record ExpectedInstance(
    ColourRegion Region,
    int Width,
    int Height,
    byte[] Mask,
    double Area,
    double CoreShare)
{
    /// <summary>Whether the model counts the region as present.</summary>
    public bool Present => TestModelRules.IsPresent(Area);

    /// <summary>The category output the model prefers.</summary>
    public int CategoryIndex => TestModelRules.CategoryIndex(Region, Area);

    /// <summary>The attribute outputs above the threshold, in output order.</summary>
    public IReadOnlyList<int> AttributeIndices => TestModelRules.AttributeIndices(Region, Area);

    /// <summary>
    /// How far an area must stay from the model's switching points (presence, bin edges, attribute levels),
    /// so that the small difference between the model's grid and the photo's own pixels cannot change the
    /// answer.
    /// </summary>
    public const double AreaMargin = 0.015;

    /// <summary>The smallest share of the red mask the duplicate must cover, so that suppression applies.</summary>
    public const double MinCoreShare = 0.8;

    /// <summary>The largest overlap (IoU) of two present regions, so that suppression keeps both.</summary>
    public const double MaxOverlap = 0.3;

    /// <summary>
    /// Why a photo cannot serve as a test of the model: values that lie too near a switching point for the
    /// expected answer to be certain. Empty when the photo suits.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ExpectedInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);

        List<string> problems = [];
        foreach (ExpectedInstance instance in instances)
        {
            string what = $"{instance.Region} area {instance.Area:F4}";
            if (Math.Abs(instance.Area - TestModelRules.MinArea) < AreaMargin)
            {
                problems.Add($"{what} is within {AreaMargin} of the presence level {TestModelRules.MinArea}");
            }
            else if (instance.Present && TestModelRules.BinMargin(instance.Area) < AreaMargin)
            {
                problems.Add($"{what} is within {AreaMargin} of a bin edge");
            }

            if (instance.Present && instance.Region == ColourRegion.Red && instance.CoreShare < MinCoreShare)
            {
                problems.Add($"{what}: the duplicate's rule covers only {instance.CoreShare:P0} of the mask");
            }
        }

        List<ExpectedInstance> present = instances.Where(i => i.Present).ToList();
        for (int i = 0; i < present.Count; i++)
        {
            for (int j = i + 1; j < present.Count; j++)
            {
                double overlap = MaskMetrics.IoU(present[i].Mask, present[j].Mask);
                if (overlap >= MaxOverlap)
                {
                    problems.Add($"{present[i].Region} and {present[j].Region} overlap with IoU {overlap:F2}");
                }
            }
        }

        return problems;
    }

    /// <summary>Computes every candidate of <paramref name="variant"/> for an upright photo.</summary>
    public static IReadOnlyList<ExpectedInstance> For(TestModelVariant variant, SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(photo);

        int width = photo.Width;
        int height = photo.Height;
        SKColor[] pixels = photo.Pixels;
        (double scaleX, double scaleY, double offsetX, double offsetY) = variant.Placement(width, height);

        // Each photo pixel covers ScaleX * ScaleY input pixels, so its share of the input is that over side².
        double pixelShare = scaleX * scaleY / ((double)variant.Side * variant.Side);
        float shiftedLevel = QueryTestModel.DuplicateShift / TestModelRules.Steepness;
        List<ExpectedInstance> instances = [];
        foreach ((ColourRegion region, (float left, float top, float right, float bottom)) in variant.Candidates)
        {
            byte[] mask = new byte[width * height];
            double soft = 0;
            int core = 0;
            for (int y = 0; y < height; y++)
            {
                // The pixel's centre in input coordinates decides whether it lies inside the box.
                double inputY = ((y + 0.5) * scaleY) + offsetY;
                for (int x = 0; x < width; x++)
                {
                    double inputX = ((x + 0.5) * scaleX) + offsetX;
                    if (inputX < left || inputX >= right || inputY < top || inputY >= bottom)
                    {
                        continue;
                    }

                    float value = TestModelRules.Function(region, pixels[(y * width) + x]);
                    soft += 1 / (1 + Math.Exp(-TestModelRules.Steepness * value));
                    if (value > 0)
                    {
                        mask[(y * width) + x] = 1;
                        core += value > shiftedLevel ? 1 : 0;
                    }
                }
            }

            int count = mask.Count(v => v == 1);
            instances.Add(new ExpectedInstance(
                region,
                width,
                height,
                mask,
                soft * pixelShare,
                count == 0 ? 0 : (double)core / count));
        }

        return instances;
    }
}
