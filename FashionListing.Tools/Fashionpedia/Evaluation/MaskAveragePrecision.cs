namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>Average precision of one category.</summary>
/// <param name="CategoryId">Fashionpedia category id.</param>
/// <param name="Truths">Ground-truth instances of the category.</param>
/// <param name="Predictions">Predictions of the category that were scored (at most 100 per photo).</param>
/// <param name="MaskAp">Mask AP averaged over the IoU thresholds 0.50:0.05:0.95.</param>
/// <param name="MaskAp50">Mask AP at IoU 0.50.</param>
/// <param name="MaskAp75">Mask AP at IoU 0.75.</param>
/// <param name="MaskAttributeAp">AP with the attribute-F1 condition, averaged over IoU and F1 thresholds.</param>
public sealed record CategoryAveragePrecision(
    int CategoryId,
    int Truths,
    int Predictions,
    double MaskAp,
    double MaskAp50,
    double MaskAp75,
    double MaskAttributeAp);

/// <summary>The Fashionpedia benchmark over the categories that have ground truth.</summary>
/// <param name="Categories">Per category with at least one truth, by id.</param>
/// <param name="ExcludedCategories">Categories predicted but with no truth: no AP is defined for them.</param>
/// <param name="MaskAp">Mean of the categories' mask AP; null when no category has a truth.</param>
/// <param name="MaskAp50">Mean of the categories' AP at IoU 0.50.</param>
/// <param name="MaskAp75">Mean of the categories' AP at IoU 0.75.</param>
/// <param name="MaskAttributeAp">Mean of the categories' AP^(IoU+F1).</param>
public sealed record AveragePrecisionSummary(
    IReadOnlyList<CategoryAveragePrecision> Categories,
    IReadOnlyList<int> ExcludedCategories,
    double? MaskAp,
    double? MaskAp50,
    double? MaskAp75,
    double? MaskAttributeAp);

/// <summary>
/// COCO-style mask average precision per category, and the Fashionpedia variant AP^(IoU+F1) in which a
/// detection is a true positive only when its mask IoU and the F1 of its attribute set both reach their
/// thresholds.
/// </summary>
/// <remarks>
/// Per photo and category the detections are taken by descending score (at most
/// <see cref="MaxDetectionsPerPhoto"/>), each matched greedily to the still unmatched truth of its category
/// with the highest IoU among those that pass the thresholds. Over all photos the detections are ranked by
/// score (ties keep photo order, then rank within the photo); precision is made non-increasing from the
/// right and read at the 101 recall points 0, 0.01, ..., 1 (0 past the highest recall reached). The recall
/// points are k / 100 exactly, which can differ from COCO's floating-point linspace in the last bit.
/// There are no crowd regions and no area ranges.
/// </remarks>
public static class MaskAveragePrecision
{
    /// <summary>Detections kept per photo and category, as COCO's largest maxDets.</summary>
    public const int MaxDetectionsPerPhoto = 100;

    /// <summary>The recall points at which precision is read.</summary>
    public const int RecallPoints = 101;

    /// <summary>IoU thresholds 0.50, 0.55, ..., 0.95; the F1 thresholds are the same values.</summary>
    public static IReadOnlyList<double> Thresholds { get; } =
        [.. Enumerable.Range(0, 10).Select(k => (50 + (5 * k)) / 100.0)];

    /// <summary>
    /// AP of one category at one IoU threshold and, optionally, one attribute-F1 threshold; null when the
    /// category has no ground truth in any photo.
    /// </summary>
    public static double? Compute(
        IReadOnlyList<ScoredPhoto> photos,
        int categoryId,
        double iouThreshold,
        double? f1Threshold = null)
    {
        ArgumentNullException.ThrowIfNull(photos);

        return Evaluate(photos, Gather(photos, categoryId), iouThreshold, f1Threshold);
    }

    /// <summary>Every category's AP and their means; categories without ground truth are left out.</summary>
    public static AveragePrecisionSummary Summarise(IReadOnlyList<ScoredPhoto> photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        SortedSet<int> withTruth = [.. photos.SelectMany(p => p.Truths).Select(t => t.CategoryId)];
        SortedSet<int> predicted = [.. photos.SelectMany(p => p.Predictions).Select(t => t.CategoryId)];
        List<CategoryAveragePrecision> categories = [];
        foreach (int id in withTruth)
        {
            CategoryDetections gathered = Gather(photos, id);
            double[] byIou = [.. Thresholds.Select(t => Evaluate(photos, gathered, t, null)!.Value)];
            double withF1 = Thresholds
                .SelectMany(t => Thresholds.Select(f => Evaluate(photos, gathered, t, f)!.Value))
                .Average();
            int truths = photos.Sum(p => p.Truths.Count(t => t.CategoryId == id));
            int predictions = photos.Sum(
                p => Math.Min(MaxDetectionsPerPhoto, p.Predictions.Count(x => x.CategoryId == id)));
            categories.Add(new CategoryAveragePrecision(
                id, truths, predictions, byIou.Average(), byIou[0], byIou[5], withF1));
        }

        bool any = categories.Count > 0;

        return new AveragePrecisionSummary(
            categories,
            [.. predicted.Except(withTruth)],
            any ? categories.Average(c => c.MaskAp) : null,
            any ? categories.Average(c => c.MaskAp50) : null,
            any ? categories.Average(c => c.MaskAp75) : null,
            any ? categories.Average(c => c.MaskAttributeAp) : null);
    }

    // The ranking does not depend on the thresholds, so it is made once per category: by score, equal scores in
    // photo order and then in rank order (OrderBy is stable). Within a photo this is the photo's own ranking,
    // so the greedy matching can walk the one list.
    private static CategoryDetections Gather(IReadOnlyList<ScoredPhoto> photos, int categoryId)
    {
        int[][] truths = new int[photos.Count][];
        List<(double Score, Detection Detection)> detections = [];
        for (int photoIndex = 0; photoIndex < photos.Count; photoIndex++)
        {
            ScoredPhoto photo = photos[photoIndex];
            truths[photoIndex] = [.. Enumerable.Range(0, photo.Truths.Count)
                .Where(t => photo.Truths[t].CategoryId == categoryId)];
            IEnumerable<int> ranked = Enumerable.Range(0, photo.Predictions.Count)
                .Where(p => photo.Predictions[p].CategoryId == categoryId)
                .OrderByDescending(p => photo.Predictions[p].Score)
                .Take(MaxDetectionsPerPhoto);
            detections.AddRange(ranked.Select(p => (photo.Predictions[p].Score, new Detection(photoIndex, p))));
        }

        Detection[] ordered = [.. detections.OrderByDescending(d => d.Score).Select(d => d.Detection)];

        return new CategoryDetections(truths, truths.Sum(t => t.Length), ordered);
    }

    private static double? Evaluate(
        IReadOnlyList<ScoredPhoto> photos,
        CategoryDetections gathered,
        double iouThreshold,
        double? f1Threshold)
    {
        if (gathered.Positives == 0)
        {
            return null;
        }

        bool[]?[] taken = new bool[photos.Count][];
        bool[] hits = new bool[gathered.Ranked.Length];
        for (int d = 0; d < hits.Length; d++)
        {
            (int photoIndex, int p) = gathered.Ranked[d];
            ScoredPhoto photo = photos[photoIndex];
            int[] truths = gathered.Truths[photoIndex];
            bool[] used = taken[photoIndex] ??= new bool[truths.Length];
            int best = -1;
            for (int i = 0; i < truths.Length; i++)
            {
                double iou = photo.IoU(truths[i], p);
                bool passes = !used[i]
                    && iou >= iouThreshold
                    && (f1Threshold is not { } f1 || photo.AttributeF1(truths[i], p) >= f1);
                if (passes && (best < 0 || iou > photo.IoU(truths[best], p)))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                hits[d] = true;
            }
        }

        return Interpolated(hits, gathered.Positives);
    }

    /// <summary>101-point interpolated precision of ranked detections (true = true positive).</summary>
    public static double Interpolated(IReadOnlyList<bool> rankedHits, int positives)
    {
        ArgumentNullException.ThrowIfNull(rankedHits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positives);
        int n = rankedHits.Count;
        double[] recall = new double[n];
        double[] precision = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++)
        {
            tp += rankedHits[i] ? 1 : 0;
            recall[i] = (double)tp / positives;
            precision[i] = (double)tp / (i + 1);
        }

        for (int i = n - 1; i > 0; i--)
        {
            precision[i - 1] = Math.Max(precision[i - 1], precision[i]);
        }

        double sum = 0;
        int at = 0;
        for (int k = 0; k < RecallPoints; k++)
        {
            double point = k / 100.0;
            while (at < n && recall[at] < point)
            {
                at++;
            }

            sum += at < n ? precision[at] : 0;
        }

        return sum / RecallPoints;
    }

    private readonly record struct Detection(int Photo, int Prediction);

    // Truths[photo]: the indices of the photo's truths of the category.
    private sealed record CategoryDetections(int[][] Truths, int Positives, Detection[] Ranked);
}
