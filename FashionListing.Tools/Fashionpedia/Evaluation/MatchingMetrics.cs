namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>A truth and the prediction the optimal assignment gave it.</summary>
public sealed record MatchedPair(int Truth, int Prediction, double IoU);

/// <summary>Dice of one category's predictions over the matched pairs.</summary>
/// <param name="CategoryId">Fashionpedia category id.</param>
/// <param name="TruePositives">Matched pairs whose truth and prediction are both this category.</param>
/// <param name="FalsePositives">Matched pairs predicted as this category whose truth is another.</param>
/// <param name="FalseNegatives">Matched pairs whose truth is this category, predicted as another.</param>
/// <param name="Dice">2 TP / (2 TP + FP + FN).</param>
public sealed record CategoryDice(
    int CategoryId,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double Dice);

/// <summary>What the one-to-one matching of every photo's truths and predictions measured.</summary>
/// <param name="CategoryWeight">λ of the matching cost (1 - IoU) + λ [categories differ].</param>
/// <param name="Truths">Ground-truth instances.</param>
/// <param name="Predictions">Predicted instances.</param>
/// <param name="Matched">Pairs the assignment made that overlap (IoU &gt; 0).</param>
/// <param name="MeanIoU">Mean over all truths of the IoU with the matched prediction; unmatched truths count 0.</param>
/// <param name="MeanMatchedIoU">Mean IoU over the matched pairs only.</param>
/// <param name="CategoryAccuracy">Share of matched pairs with the right category (the micro-averaged Dice).</param>
/// <param name="MacroCategoryDice">Mean of <see cref="CategoryDice.Dice"/> over the categories in the list.</param>
/// <param name="Categories">Per category seen among the matched pairs' truths or predictions, by id.</param>
/// <param name="AttributeDice">Mean over matched pairs of the Dice of their attribute sets.</param>
public sealed record MatchingSummary(
    double CategoryWeight,
    int Truths,
    int Predictions,
    int Matched,
    double? MeanIoU,
    double? MeanMatchedIoU,
    double? CategoryAccuracy,
    double? MacroCategoryDice,
    IReadOnlyList<CategoryDice> Categories,
    double? AttributeDice);

/// <summary>
/// Optimal one-to-one matching of each photo's truths and predictions (Hungarian algorithm on the cost
/// (1 - mask IoU) + λ · [categories differ]) and the measures of the matched pairs.
/// </summary>
/// <remarks>
/// A pair the assignment makes with IoU 0 shares no pixel; it is treated as no match, so that the
/// category and attribute measures speak only of predictions that found their garment.
/// </remarks>
public static class MatchingMetrics
{
    /// <summary>λ by default: a wrong category costs as much as a mask that misses entirely.</summary>
    public const double DefaultCategoryWeight = 1.0;

    /// <summary>The matched pairs of one photo.</summary>
    public static IReadOnlyList<MatchedPair> Match(ScoredPhoto photo, double categoryWeight)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (!double.IsFinite(categoryWeight) || categoryWeight < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(categoryWeight), categoryWeight, "The category weight must be finite and at least 0.");
        }

        int truths = photo.Truths.Count;
        int predictions = photo.Predictions.Count;
        if (truths == 0 || predictions == 0)
        {
            return [];
        }

        double[,] cost = new double[truths, predictions];
        for (int t = 0; t < truths; t++)
        {
            for (int p = 0; p < predictions; p++)
            {
                bool differs = photo.Truths[t].CategoryId != photo.Predictions[p].CategoryId;
                cost[t, p] = 1 - photo.IoU(t, p) + (differs ? categoryWeight : 0);
            }
        }

        int[] assigned = HungarianAssignment.Solve(cost);
        List<MatchedPair> pairs = [];
        for (int t = 0; t < truths; t++)
        {
            if (assigned[t] >= 0 && photo.IoU(t, assigned[t]) > 0)
            {
                pairs.Add(new MatchedPair(t, assigned[t], photo.IoU(t, assigned[t])));
            }
        }

        return pairs;
    }

    /// <summary>Matches every photo and summarises; a measure with nothing to average is null.</summary>
    public static MatchingSummary Compute(IReadOnlyList<ScoredPhoto> photos, double categoryWeight)
    {
        ArgumentNullException.ThrowIfNull(photos);
        int truths = 0;
        int predictions = 0;
        double iouSum = 0;
        double attributeSum = 0;
        int correct = 0;
        List<(int Truth, int Predicted)> categoryPairs = [];
        foreach (ScoredPhoto photo in photos)
        {
            truths += photo.Truths.Count;
            predictions += photo.Predictions.Count;
            foreach (MatchedPair pair in Match(photo, categoryWeight))
            {
                InstanceLabel truth = photo.Truths[pair.Truth];
                InstanceLabel predicted = photo.Predictions[pair.Prediction];
                iouSum += pair.IoU;
                attributeSum += photo.AttributeF1(pair.Truth, pair.Prediction);
                correct += truth.CategoryId == predicted.CategoryId ? 1 : 0;
                categoryPairs.Add((truth.CategoryId, predicted.CategoryId));
            }
        }

        int matched = categoryPairs.Count;
        List<CategoryDice> categories = [];
        foreach (int id in categoryPairs.SelectMany(p => new[] { p.Truth, p.Predicted }).Distinct().Order())
        {
            int tp = categoryPairs.Count(p => p.Truth == id && p.Predicted == id);
            int fp = categoryPairs.Count(p => p.Truth != id && p.Predicted == id);
            int fn = categoryPairs.Count(p => p.Truth == id && p.Predicted != id);
            categories.Add(new CategoryDice(id, tp, fp, fn, 2.0 * tp / ((2 * tp) + fp + fn)));
        }

        return new MatchingSummary(
            categoryWeight,
            truths,
            predictions,
            matched,
            truths == 0 ? null : iouSum / truths,
            matched == 0 ? null : iouSum / matched,
            matched == 0 ? null : (double)correct / matched,
            categories.Count == 0 ? null : categories.Average(c => c.Dice),
            categories,
            matched == 0 ? null : attributeSum / matched);
    }
}
