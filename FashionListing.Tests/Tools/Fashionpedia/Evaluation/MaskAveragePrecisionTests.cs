using FashionListing.Tools.Fashionpedia.Evaluation;
using static FashionListing.Tests.Tools.Fashionpedia.Evaluation.EvaluationMasks;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class MaskAveragePrecisionTests
{
    [Fact]
    public void Thresholds_AreTenStepsFromHalfToNinetyFive()
    {
        Assert.Equal([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95], MaskAveragePrecision.Thresholds);
    }

    [Fact]
    public void Compute_NoPredictions_IsZero()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "11")], []);

        Assert.Equal(0, MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Compute_NoGroundTruth_IsUndefined()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [], [Instance(1, "11")]);

        Assert.Null(MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Summarise_PerfectPrediction_IsOneEverywhere()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(3, "11/.1", 1, 7)], [Instance(3, "11/.1", 0.8, 7)]);

        AveragePrecisionSummary summary = MaskAveragePrecision.Summarise([photo]);

        Assert.Equal(new CategoryAveragePrecision(3, 1, 1, 1, 1, 1, 1), Assert.Single(summary.Categories));
        Assert.Equal((1.0, 1.0), (summary.MaskAp!.Value, summary.MaskAttributeAp!.Value));
    }

    [Fact]
    public void Compute_IoUExactlyOneHalf_PassesAtFiftyAndFailsAtFiftyFive()
    {
        // The prediction covers two of the truth's four pixels: IoU 2/4.
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "1111")], [Instance(1, "11..")]);

        Assert.Equal(1, MaskAveragePrecision.Compute([photo], 1, 0.50));
        Assert.Equal(0, MaskAveragePrecision.Compute([photo], 1, 0.55));
        Assert.Equal(0.1, MaskAveragePrecision.Summarise([photo]).MaskAp!.Value, 12);
    }

    [Fact]
    public void Compute_IoUOneThird_FailsAtFifty()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "11.")], [Instance(1, ".11")]);

        Assert.Equal(0, MaskAveragePrecision.Compute([photo], 1, 0.50));
    }

    [Fact]
    public void Summarise_AttributeF1OneHalf_PassesOnlyTheLowestF1Threshold()
    {
        // Perfect mask; attributes {1, 2} against {1, 3} have F1 0.5, so 10 of the 100 threshold pairs pass.
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "11", 1, 1, 2)], [Instance(1, "11", 1, 1, 3)]);

        AveragePrecisionSummary summary = MaskAveragePrecision.Summarise([photo]);

        Assert.Equal(1, summary.MaskAp);
        Assert.Equal(0.1, summary.MaskAttributeAp!.Value, 12);
    }

    [Fact]
    public void Summarise_WrongAttributes_FailTheF1Condition()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "11", 1, 1, 2)], [Instance(1, "11", 1, 5)]);

        AveragePrecisionSummary summary = MaskAveragePrecision.Summarise([photo]);

        Assert.Equal(1, summary.MaskAp);
        Assert.Equal(0, summary.MaskAttributeAp);
    }

    [Fact]
    public void Compute_FalsePositiveScoredHigher_HalvesThePrecision()
    {
        // Ranked: miss, hit. Recall (0, 1), precision (0, 1/2); made non-increasing: (1/2, 1/2).
        ScoredPhoto photo = ScoredPhoto.Measure(
            "p", [Instance(1, "11..")], [Instance(1, "..11", 0.9), Instance(1, "11..", 0.4)]);

        Assert.Equal(0.5, MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Compute_TruePositiveScoredHigher_IsPerfect()
    {
        // Ranked: hit, miss. The miss comes after recall 1 is reached, so it costs nothing.
        ScoredPhoto photo = ScoredPhoto.Measure(
            "p", [Instance(1, "11..")], [Instance(1, "..11", 0.4), Instance(1, "11..", 0.9)]);

        Assert.Equal(1, MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Compute_DuplicateDetection_OnlyTheHigherScoreMatches()
    {
        // Both predictions cover the truth; the second finds it taken. Ranked: hit, miss.
        ScoredPhoto photo = ScoredPhoto.Measure(
            "p", [Instance(1, "11")], [Instance(1, "11", 0.3), Instance(1, "11", 0.6)]);

        Assert.Equal(1, MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Compute_HalfTheTruthsFound_ReadsPrecisionOneUpToRecallHalf()
    {
        // Recall 0.5 at precision 1: the recall points 0, 0.01, ..., 0.50 (51 of 101) read 1, the rest 0.
        ScoredPhoto[] photos =
        [
            ScoredPhoto.Measure("a", [Instance(1, "11")], [Instance(1, "11")]),
            ScoredPhoto.Measure("b", [Instance(1, "11")], []),
        ];

        Assert.Equal(51.0 / 101, MaskAveragePrecision.Compute(photos, 1, 0.5)!.Value, 12);
    }

    [Fact]
    public void Compute_EqualScoresInTwoPhotos_KeepPhotoOrder()
    {
        // Photo a's miss ranks before photo b's hit: precision (0, 1/2) made non-increasing reads 1/2.
        ScoredPhoto[] photos =
        [
            ScoredPhoto.Measure("a", [], [Instance(1, "11", 0.5)]),
            ScoredPhoto.Measure("b", [Instance(1, "11")], [Instance(1, "11", 0.5)]),
        ];

        Assert.Equal(0.5, MaskAveragePrecision.Compute(photos, 1, 0.5));
        Assert.Equal(1, MaskAveragePrecision.Compute([photos[1], photos[0]], 1, 0.5));
    }

    [Fact]
    public void Compute_OtherCategory_IsNotADetection()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [Instance(1, "11")], [Instance(2, "11")]);

        Assert.Equal(0, MaskAveragePrecision.Compute([photo], 1, 0.5));
    }

    [Fact]
    public void Summarise_CategoryWithoutTruth_IsExcludedFromTheMean()
    {
        // Category 1: perfect (AP 1). Category 2: a truth and no prediction (AP 0). Category 9: predicted only.
        ScoredPhoto photo = ScoredPhoto.Measure(
            "p",
            [Instance(1, "11../...."), Instance(2, "..../..11")],
            [Instance(1, "11../...."), Instance(9, "..11/....")]);

        AveragePrecisionSummary summary = MaskAveragePrecision.Summarise([photo]);

        Assert.Equal([1, 2], summary.Categories.Select(c => c.CategoryId));
        Assert.Equal([9], summary.ExcludedCategories);
        Assert.Equal(0.5, summary.MaskAp);
    }

    [Fact]
    public void Summarise_NoGroundTruthAtAll_HasNoMean()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("p", [], [Instance(1, "11")]);

        AveragePrecisionSummary summary = MaskAveragePrecision.Summarise([photo]);

        Assert.Empty(summary.Categories);
        Assert.Null(summary.MaskAp);
    }

    [Fact]
    public void Interpolated_PrecisionDipThenRise_UsesTheEnvelope()
    {
        // Ranked hit, miss, hit with 2 truths: recall (1/2, 1/2, 1), precision (1, 1/2, 2/3) -> envelope
        // (1, 2/3, 2/3). Points 0..0.50 read 1 (51 points), 0.51..1 read 2/3 (50 points).
        double ap = MaskAveragePrecision.Interpolated([true, false, true], 2);

        Assert.Equal((51 + (50 * 2.0 / 3)) / 101, ap, 12);
    }
}
