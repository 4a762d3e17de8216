using FashionListing.Inference.Models;
using FashionListing.Inference.Segmentation;

namespace FashionListing.Inference.Instances;

/// <summary>
/// Reads the outputs of a query-based (DETR style) instance model: one mask, one category distribution and
/// optionally one set of attributes per query.
/// </summary>
public static class QueryOutputDecoder
{
    /// <summary>
    /// Turns the model's outputs into the instances to offer: scores from a softmax over the category logits,
    /// then the score threshold, top-k, mask non-maximum suppression and the instance limit of
    /// <paramref name="thresholds"/>; the survivors' mask logits are resized to the photo and thresholded.
    /// </summary>
    /// <param name="maskLogits">Mask logits [1, Q, h, w] over the whole model input.</param>
    /// <param name="categoryLogits">Category logits [1, Q, C], or [1, Q, C + 1] with a final "no object" class.</param>
    /// <param name="attributeLogits">Attribute logits [1, Q, A], or null when the model has none.</param>
    /// <param name="noObjectClass">Whether the last category output is "no object", which is never predicted.</param>
    /// <param name="fit">How the photo was fitted into the input.</param>
    /// <param name="thresholds">The model's post-processing settings.</param>
    /// <returns>The instances, best score first; those whose photo mask came out empty are left out.</returns>
    /// <exception cref="ArgumentException">A tensor's shape does not fit the layout or the other tensors.</exception>
    public static IReadOnlyList<DetectedInstance> Decode(
        FloatTensor maskLogits,
        FloatTensor categoryLogits,
        FloatTensor? attributeLogits,
        bool noObjectClass,
        InputFit fit,
        ModelThresholds thresholds)
    {
        Selection selection = SelectCore(maskLogits, categoryLogits, attributeLogits, noObjectClass, fit, thresholds);
        int classes = categoryLogits.Shape[2];
        int realClasses = noObjectClass ? classes - 1 : classes;
        List<DetectedInstance> instances = new(selection.Kept.Count);
        foreach ((int query, CandidateMask mask) in selection.Kept)
        {
            if (selection.Grid.Resize(mask) is not { } resized)
            {
                continue;
            }

            float[] probabilities = new float[realClasses];
            Softmax(categoryLogits.Values, query * classes, classes, realClasses, probabilities);
            float[]? attributes = attributeLogits is null
                ? null
                : InstanceSelection.Sigmoid(attributeLogits.Values, query * attributeLogits.Shape[2],
                    attributeLogits.Shape[2]);
            instances.Add(new DetectedInstance(
                selection.Categories[query],
                selection.Scores[query],
                probabilities,
                attributes,
                new GarmentMask(fit.PhotoWidth, fit.PhotoHeight, resized.Pixels),
                resized.Bounds));
        }

        return instances;
    }

    /// <summary>
    /// The queries that survive the score threshold, top-k, mask non-maximum suppression (on the mask grid,
    /// inside the photo's content) and the instance limit, best first, before any mask is resized to the photo.
    /// </summary>
    /// <param name="maskLogits">Mask logits [1, Q, h, w].</param>
    /// <param name="categoryLogits">Category logits [1, Q, C] or [1, Q, C + 1].</param>
    /// <param name="noObjectClass">Whether the last category output is "no object".</param>
    /// <param name="fit">How the photo was fitted into the input.</param>
    /// <param name="thresholds">The model's post-processing settings.</param>
    /// <exception cref="ArgumentException">A tensor's shape does not fit the layout or the other tensors.</exception>
    public static IReadOnlyList<InstanceCandidate> Select(
        FloatTensor maskLogits,
        FloatTensor categoryLogits,
        bool noObjectClass,
        InputFit fit,
        ModelThresholds thresholds)
    {
        Selection selection = SelectCore(maskLogits, categoryLogits, null, noObjectClass, fit, thresholds);

        return [.. selection.Kept.Select(k =>
            new InstanceCandidate(k.Index, selection.Categories[k.Index], selection.Scores[k.Index]))];
    }

    private static Selection SelectCore(
        FloatTensor maskLogits,
        FloatTensor categoryLogits,
        FloatTensor? attributeLogits,
        bool noObjectClass,
        InputFit fit,
        ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(thresholds);
        CheckShapes(maskLogits, categoryLogits, attributeLogits, noObjectClass);
        int queries = maskLogits.Shape[1];
        int classes = categoryLogits.Shape[2];
        int realClasses = noObjectClass ? classes - 1 : classes;

        float[] scores = new float[queries];
        int[] categories = new int[queries];
        for (int q = 0; q < queries; q++)
        {
            (categories[q], scores[q]) = BestClass(categoryLogits.Values, q * classes, classes, realClasses);
        }

        int[] ranked = InstanceSelection.Rank(scores, thresholds.Score, thresholds.TopK);
        MaskGrid grid = new(fit, maskLogits.Shape[3], maskLogits.Shape[2], thresholds.Mask);
        List<(int, CandidateMask)> kept = InstanceSelection.Suppress(
            ranked,
            q => grid.Analyse(maskLogits.Values, q * grid.CellCount, null),
            thresholds.NmsIou,
            thresholds.MaxInstances);

        return new Selection(grid, scores, categories, kept);
    }

    private static void CheckShapes(
        FloatTensor maskLogits,
        FloatTensor categoryLogits,
        FloatTensor? attributeLogits,
        bool noObjectClass)
    {
        FloatTensor.CheckBatchOfOne(maskLogits, nameof(maskLogits), 4, "[1, queries, height, width]");
        FloatTensor.CheckBatchOfOne(categoryLogits, nameof(categoryLogits), 3, "[1, queries, classes]");
        int queries = maskLogits.Shape[1];
        if (categoryLogits.Shape[1] != queries)
        {
            throw new ArgumentException(
                $"categoryLogits has shape {categoryLogits.ShapeText} but maskLogits has {queries} queries.",
                nameof(categoryLogits));
        }

        if (noObjectClass && categoryLogits.Shape[2] < 2)
        {
            throw new ArgumentException(
                $"categoryLogits has shape {categoryLogits.ShapeText}; with a \"no object\" class it needs "
                + "at least 2 classes.",
                nameof(categoryLogits));
        }

        if (attributeLogits is not null)
        {
            FloatTensor.CheckBatchOfOne(attributeLogits, nameof(attributeLogits), 3, "[1, queries, attributes]");
            if (attributeLogits.Shape[1] != queries)
            {
                throw new ArgumentException(
                    $"attributeLogits has shape {attributeLogits.ShapeText} but maskLogits has {queries} queries.",
                    nameof(attributeLogits));
            }
        }
    }

    // The softmax is taken over every class, "no object" included, and only the real classes are candidates.
    private static (int Category, float Probability) BestClass(float[] logits, int offset, int classes, int real)
    {
        float max = float.NegativeInfinity;
        int best = 0;
        for (int c = 0; c < classes; c++)
        {
            float value = logits[offset + c];
            max = Math.Max(max, value);
            if (c < real && value > logits[offset + best])
            {
                best = c;
            }
        }

        float sum = 0;
        for (int c = 0; c < classes; c++)
        {
            sum += MathF.Exp(logits[offset + c] - max);
        }

        return (best, MathF.Exp(logits[offset + best] - max) / sum);
    }

    private static void Softmax(float[] logits, int offset, int classes, int real, float[] target)
    {
        float max = float.NegativeInfinity;
        for (int c = 0; c < classes; c++)
        {
            max = Math.Max(max, logits[offset + c]);
        }

        float sum = 0;
        for (int c = 0; c < classes; c++)
        {
            sum += MathF.Exp(logits[offset + c] - max);
        }

        for (int c = 0; c < real; c++)
        {
            target[c] = MathF.Exp(logits[offset + c] - max) / sum;
        }
    }

    private sealed record Selection(
        MaskGrid Grid,
        float[] Scores,
        int[] Categories,
        List<(int Index, CandidateMask Mask)> Kept);
}
