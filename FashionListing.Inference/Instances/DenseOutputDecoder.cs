using System.Numerics;
using FashionListing.Inference.Models;
using FashionListing.Inference.Segmentation;

namespace FashionListing.Inference.Instances;

/// <summary>
/// Reads the outputs of a dense one-stage instance model (YOLO-seg style): per anchor a box, class
/// probabilities and mask coefficients over shared prototype masks.
/// </summary>
public static class DenseOutputDecoder
{
    // Grid cells outside a candidate's box region are never computed; this value keeps them out of every mask
    // while staying finite, so a zero bilinear weight on such a cell still gives a number.
    private const float OutsideRegion = -1e30f;

    /// <summary>
    /// Turns the model's outputs into the instances to offer: score = best class probability, then the score
    /// threshold, top-k, mask non-maximum suppression and the instance limit of <paramref name="thresholds"/>;
    /// the survivors' mask logits (coefficients times prototypes) are resized to the photo, thresholded and cut
    /// to the anchor's box.
    /// </summary>
    /// <param name="detections">
    /// Detections [1, 4 + C + M, N], or [1, N, 4 + C + M] when <paramref name="anchorsFirst"/>: per anchor the box
    /// centre x, centre y, width and height in input pixels, C class probabilities and M mask coefficients.
    /// </param>
    /// <param name="anchorsFirst">Whether the anchors are the middle dimension of the detections.</param>
    /// <param name="prototypes">Prototype masks [1, M, h, w] over the whole model input.</param>
    /// <param name="attributeLogits">Attribute logits [1, N, A], or null when the model has none.</param>
    /// <param name="categoryCount">C, the number of class probabilities per anchor.</param>
    /// <param name="fit">How the photo was fitted into the input.</param>
    /// <param name="thresholds">The model's post-processing settings.</param>
    /// <returns>The instances, best score first; those whose photo mask came out empty are left out.</returns>
    /// <exception cref="ArgumentException">A tensor's shape does not fit the layout or the other tensors.</exception>
    public static IReadOnlyList<DetectedInstance> Decode(
        FloatTensor detections,
        bool anchorsFirst,
        FloatTensor prototypes,
        FloatTensor? attributeLogits,
        int categoryCount,
        InputFit fit,
        ModelThresholds thresholds)
    {
        Selection selection = SelectCore(
            detections, anchorsFirst, prototypes, attributeLogits, categoryCount, fit, thresholds);
        Detections reader = selection.Reader;
        List<DetectedInstance> instances = new(selection.Kept.Count);
        foreach ((int anchor, CandidateMask mask) in selection.Kept)
        {
            if (selection.Grid.Resize(mask) is not { } resized)
            {
                continue;
            }

            float[] probabilities = new float[categoryCount];
            for (int c = 0; c < categoryCount; c++)
            {
                probabilities[c] = reader[anchor, 4 + c];
            }

            float[]? attributes = attributeLogits is null
                ? null
                : InstanceSelection.Sigmoid(attributeLogits.Values, anchor * attributeLogits.Shape[2],
                    attributeLogits.Shape[2]);
            instances.Add(new DetectedInstance(
                selection.Categories[anchor],
                selection.Scores[anchor],
                probabilities,
                attributes,
                new GarmentMask(fit.PhotoWidth, fit.PhotoHeight, resized.Pixels),
                resized.Bounds));
        }

        return instances;
    }

    /// <summary>
    /// The anchors that survive the score threshold, top-k, mask non-maximum suppression (on the prototype grid,
    /// inside the photo's content and each anchor's box) and the instance limit, best first, before any mask is
    /// resized to the photo.
    /// </summary>
    /// <param name="detections">Detections [1, 4 + C + M, N] or [1, N, 4 + C + M].</param>
    /// <param name="anchorsFirst">Whether the anchors are the middle dimension of the detections.</param>
    /// <param name="prototypes">Prototype masks [1, M, h, w].</param>
    /// <param name="categoryCount">C, the number of class probabilities per anchor.</param>
    /// <param name="fit">How the photo was fitted into the input.</param>
    /// <param name="thresholds">The model's post-processing settings.</param>
    /// <exception cref="ArgumentException">A tensor's shape does not fit the layout or the other tensors.</exception>
    public static IReadOnlyList<InstanceCandidate> Select(
        FloatTensor detections,
        bool anchorsFirst,
        FloatTensor prototypes,
        int categoryCount,
        InputFit fit,
        ModelThresholds thresholds)
    {
        Selection selection = SelectCore(detections, anchorsFirst, prototypes, null, categoryCount, fit, thresholds);

        return [.. selection.Kept.Select(k =>
            new InstanceCandidate(k.Index, selection.Categories[k.Index], selection.Scores[k.Index]))];
    }

    private static Selection SelectCore(
        FloatTensor detections,
        bool anchorsFirst,
        FloatTensor prototypes,
        FloatTensor? attributeLogits,
        int categoryCount,
        InputFit fit,
        ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(thresholds);
        CheckShapes(detections, anchorsFirst, prototypes, attributeLogits, categoryCount);
        Detections reader = new(detections, anchorsFirst);
        int anchors = reader.Anchors;

        float[] scores = new float[anchors];
        int[] categories = new int[anchors];
        for (int n = 0; n < anchors; n++)
        {
            int best = 0;
            float bestScore = reader[n, 4];
            for (int c = 1; c < categoryCount; c++)
            {
                float score = reader[n, 4 + c];
                if (score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            (categories[n], scores[n]) = (best, bestScore);
        }

        int[] ranked = InstanceSelection.Rank(scores, thresholds.Score, thresholds.TopK);
        int coefficients = prototypes.Shape[1];
        MaskGrid grid = new(fit, prototypes.Shape[3], prototypes.Shape[2], thresholds.Mask);
        Stack<float[]> spare = [];
        List<(int, CandidateMask)> kept = InstanceSelection.Suppress(
            ranked,
            n =>
            {
                float[] logits = spare.Count > 0 ? spare.Pop() : new float[grid.CellCount];
                InputBox box = reader.Box(n);
                MaskLogits(reader, n, 4 + categoryCount, coefficients, prototypes.Values, grid, box, logits);
                CandidateMask? mask = grid.Analyse(logits, 0, box);
                if (mask is null)
                {
                    spare.Push(logits);
                }

                return mask;
            },
            thresholds.NmsIou,
            thresholds.MaxInstances,
            dropped => spare.Push(dropped.Logits));

        return new Selection(grid, reader, scores, categories, kept);
    }

    // Computes coefficients . prototypes only over the cells the anchor's pixels may sample.
    private static void MaskLogits(
        Detections reader,
        int anchor,
        int firstCoefficient,
        int coefficients,
        float[] prototypes,
        MaskGrid grid,
        InputBox box,
        float[] target)
    {
        Array.Fill(target, OutsideRegion);
        (int left, int top, int right, int bottom) = grid.Region(box);
        if (left > right || top > bottom)
        {
            return;
        }

        int width = right - left + 1;
        for (int y = top; y <= bottom; y++)
        {
            target.AsSpan((y * grid.Width) + left, width).Clear();
        }

        for (int m = 0; m < coefficients; m++)
        {
            float coefficient = reader[anchor, firstCoefficient + m];
            int plane = m * grid.CellCount;
            for (int y = top; y <= bottom; y++)
            {
                int start = (y * grid.Width) + left;
                MultiplyAdd(prototypes.AsSpan(plane + start, width), coefficient, target.AsSpan(start, width));
            }
        }
    }

    private static void MultiplyAdd(ReadOnlySpan<float> source, float factor, Span<float> target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> scale = new(factor);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> sum = new Vector<float>(target[i..]) + (new Vector<float>(source[i..]) * scale);
                sum.CopyTo(target[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }

    private static void CheckShapes(
        FloatTensor detections,
        bool anchorsFirst,
        FloatTensor prototypes,
        FloatTensor? attributeLogits,
        int categoryCount)
    {
        string order = anchorsFirst
            ? "[1, anchors, 4 + classes + coefficients]"
            : "[1, 4 + classes + coefficients, anchors]";
        FloatTensor.CheckBatchOfOne(detections, nameof(detections), 3, order);
        FloatTensor.CheckBatchOfOne(prototypes, nameof(prototypes), 4, "[1, coefficients, height, width]");
        if (categoryCount < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(categoryCount), categoryCount, $"categoryCount is {categoryCount}; it must be at least 1.");
        }

        int features = anchorsFirst ? detections.Shape[2] : detections.Shape[1];
        int anchors = anchorsFirst ? detections.Shape[1] : detections.Shape[2];
        int coefficients = prototypes.Shape[1];
        int expected = 4 + categoryCount + coefficients;
        if (features != expected)
        {
            throw new ArgumentException(
                $"detections has shape {detections.ShapeText} ({order}) with {features} values per anchor, but 4 box "
                + $"values, {categoryCount} classes and the {coefficients} coefficients of prototypes "
                + $"{prototypes.ShapeText} make {expected}.",
                nameof(detections));
        }

        if (attributeLogits is not null)
        {
            FloatTensor.CheckBatchOfOne(attributeLogits, nameof(attributeLogits), 3, "[1, anchors, attributes]");
            if (attributeLogits.Shape[1] != anchors)
            {
                throw new ArgumentException(
                    $"attributeLogits has shape {attributeLogits.ShapeText} but detections has {anchors} anchors.",
                    nameof(attributeLogits));
            }
        }
    }

    /// <summary>Reads the detection tensor in either dimension order.</summary>
    private sealed class Detections
    {
        private readonly float[] _values;
        private readonly int _anchorStride;
        private readonly int _featureStride;

        public Detections(FloatTensor tensor, bool anchorsFirst)
        {
            _values = tensor.Values;
            Anchors = anchorsFirst ? tensor.Shape[1] : tensor.Shape[2];
            int features = anchorsFirst ? tensor.Shape[2] : tensor.Shape[1];
            (_anchorStride, _featureStride) = anchorsFirst ? (features, 1) : (1, Anchors);
        }

        public int Anchors { get; }

        public float this[int anchor, int feature] => _values[(anchor * _anchorStride) + (feature * _featureStride)];

        public InputBox Box(int anchor)
        {
            double centreX = this[anchor, 0];
            double centreY = this[anchor, 1];
            double halfWidth = this[anchor, 2] / 2.0;
            double halfHeight = this[anchor, 3] / 2.0;

            return new InputBox(centreX - halfWidth, centreY - halfHeight, centreX + halfWidth, centreY + halfHeight);
        }
    }

    private sealed record Selection(
        MaskGrid Grid,
        Detections Reader,
        float[] Scores,
        int[] Categories,
        List<(int Index, CandidateMask Mask)> Kept);
}
