namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>What one instance is: its category, its attribute ids and, for a prediction, its score.</summary>
/// <param name="CategoryId">Fashionpedia category id.</param>
/// <param name="AttributeIds">Fashionpedia attribute ids; may be empty.</param>
/// <param name="Score">The model's confidence, which orders detections for AP; 1 for ground truth.</param>
public sealed record InstanceLabel(int CategoryId, IReadOnlyList<int> AttributeIds, double Score = 1);

/// <summary>An instance with its mask, before the overlaps are measured.</summary>
public sealed record MaskedInstance(InstanceLabel Label, InstanceMask Mask);

/// <summary>
/// One photo reduced to what the metrics need: the labels of its ground-truth and predicted instances, the
/// IoU of every (truth, prediction) pair and the F1 of their attribute sets. The masks are not kept, so a
/// whole test split fits in memory.
/// </summary>
public sealed class ScoredPhoto
{
    private readonly double[,] _iou;
    private readonly double[,] _attributeF1;

    /// <summary>Creates the photo from measured overlaps.</summary>
    /// <param name="imageId">The photo's id.</param>
    /// <param name="truths">Ground-truth instances.</param>
    /// <param name="predictions">Predicted instances.</param>
    /// <param name="iou"><c>iou[truth, prediction]</c>.</param>
    public ScoredPhoto(
        string imageId,
        IReadOnlyList<InstanceLabel> truths,
        IReadOnlyList<InstanceLabel> predictions,
        double[,] iou)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(iou);
        if (iou.GetLength(0) != truths.Count || iou.GetLength(1) != predictions.Count)
        {
            throw new ArgumentException(
                $"The IoU matrix is {iou.GetLength(0)}x{iou.GetLength(1)}; the photo has {truths.Count} truths "
                + $"and {predictions.Count} predictions.",
                nameof(iou));
        }

        ImageId = imageId;
        Truths = truths;
        Predictions = predictions;
        _iou = iou;
        _attributeF1 = new double[truths.Count, predictions.Count];
        for (int t = 0; t < truths.Count; t++)
        {
            for (int p = 0; p < predictions.Count; p++)
            {
                _attributeF1[t, p] = SetOverlap.Dice(truths[t].AttributeIds, predictions[p].AttributeIds);
            }
        }
    }

    /// <summary>The photo's id.</summary>
    public string ImageId { get; }

    /// <summary>Ground-truth instances.</summary>
    public IReadOnlyList<InstanceLabel> Truths { get; }

    /// <summary>Predicted instances.</summary>
    public IReadOnlyList<InstanceLabel> Predictions { get; }

    /// <summary>Measures every pair's mask IoU and keeps only the labels and the overlaps.</summary>
    public static ScoredPhoto Measure(
        string imageId,
        IReadOnlyList<MaskedInstance> truths,
        IReadOnlyList<MaskedInstance> predictions)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(predictions);
        double[,] iou = new double[truths.Count, predictions.Count];
        for (int t = 0; t < truths.Count; t++)
        {
            for (int p = 0; p < predictions.Count; p++)
            {
                iou[t, p] = truths[t].Mask.IoU(predictions[p].Mask);
            }
        }

        return new ScoredPhoto(imageId, [.. truths.Select(t => t.Label)], [.. predictions.Select(p => p.Label)], iou);
    }

    /// <summary>Mask IoU of a truth and a prediction.</summary>
    public double IoU(int truth, int prediction) => _iou[truth, prediction];

    /// <summary>F1 (Dice) of a truth's and a prediction's attribute sets, see <see cref="SetOverlap.Dice"/>.</summary>
    public double AttributeF1(int truth, int prediction) => _attributeF1[truth, prediction];
}
