using FashionListing.Tools.Fashionpedia.Evaluation;
using static FashionListing.Tests.Tools.Fashionpedia.Evaluation.EvaluationMasks;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class MatchingMetricsTests
{
    // Truth A (category 1) covers pixels 0-2, truth B (category 2) pixels 3-5. Prediction P (category 2)
    // covers 0-3: IoU 3/4 with A, 1/6 with B. Prediction Q (category 1) covers 2-5: IoU 1/6 with A, 3/4 with B.
    private static readonly ScoredPhoto s_crossed = ScoredPhoto.Measure(
        "crossed",
        [Instance(1, "111..."), Instance(2, "...111")],
        [Instance(2, "1111.."), Instance(1, "..1111")]);

    [Fact]
    public void Compute_CategoryWeightZero_MatchesByIoUAlone()
    {
        // A-P + B-Q costs 1/4 + 1/4; A-Q + B-P costs 5/6 + 5/6.
        MatchingSummary summary = MatchingMetrics.Compute([s_crossed], categoryWeight: 0);

        Assert.Equal(0.75, summary.MeanIoU!.Value, 12);
        Assert.Equal(0, summary.CategoryAccuracy);
        Assert.Equal(0, summary.MacroCategoryDice);
    }

    [Fact]
    public void Compute_CategoryWeightOne_PrefersTheRightCategories()
    {
        // A-P + B-Q now costs 5/4 + 5/4 = 2.5; A-Q + B-P still costs 5/3.
        MatchingSummary summary = MatchingMetrics.Compute([s_crossed], categoryWeight: 1);

        Assert.Equal(1.0 / 6, summary.MeanIoU!.Value, 12);
        Assert.Equal(1, summary.CategoryAccuracy);
        Assert.Equal(1, summary.MacroCategoryDice);
    }

    [Fact]
    public void Compute_UnmatchedTruth_CountsAsIoUZero()
    {
        ScoredPhoto photo = ScoredPhoto.Measure(
            "two truths, one prediction",
            [Instance(1, "11..../......"), Instance(1, "....../....11")],
            [Instance(1, "11..../......")]);

        MatchingSummary summary = MatchingMetrics.Compute([photo], MatchingMetrics.DefaultCategoryWeight);

        Assert.Equal((2, 1, 1), (summary.Truths, summary.Predictions, summary.Matched));
        Assert.Equal(0.5, summary.MeanIoU);
        Assert.Equal(1, summary.MeanMatchedIoU);
    }

    [Fact]
    public void Compute_AssignedPairWithoutOverlap_IsNoMatch()
    {
        ScoredPhoto photo = ScoredPhoto.Measure("apart", [Instance(1, "1.")], [Instance(1, ".1")]);

        MatchingSummary summary = MatchingMetrics.Compute([photo], MatchingMetrics.DefaultCategoryWeight);

        Assert.Equal(0, summary.Matched);
        Assert.Equal(0, summary.MeanIoU);
        Assert.Null(summary.CategoryAccuracy);
        Assert.Null(summary.AttributeDice);
    }

    [Fact]
    public void Compute_MixedCategories_GivesDicePerCategoryAndMacro()
    {
        // Matched (truth, predicted) pairs: (1, 1), (1, 2), (2, 2), (3, 3).
        // Category 1: TP 1, FN 1 -> 2/3. Category 2: TP 1, FP 1 -> 2/3. Category 3: 1. Macro 7/9.
        ScoredPhoto[] photos =
        [
            ScoredPhoto.Measure("a", [Instance(1, "11")], [Instance(1, "11")]),
            ScoredPhoto.Measure("b", [Instance(1, "11")], [Instance(2, "11")]),
            ScoredPhoto.Measure("c", [Instance(2, "11")], [Instance(2, "11")]),
            ScoredPhoto.Measure("d", [Instance(3, "11")], [Instance(3, "11")]),
        ];

        MatchingSummary summary = MatchingMetrics.Compute(photos, MatchingMetrics.DefaultCategoryWeight);

        Assert.Equal(
            [
                new CategoryDice(1, 1, 0, 1, 2.0 / 3),
                new CategoryDice(2, 1, 1, 0, 2.0 / 3),
                new CategoryDice(3, 1, 0, 0, 1),
            ],
            summary.Categories);
        Assert.Equal(7.0 / 9, summary.MacroCategoryDice!.Value, 12);
        Assert.Equal(0.75, summary.CategoryAccuracy);
    }

    [Fact]
    public void Compute_AttributeSets_AveragesDiceOverMatchedPairs()
    {
        // {1, 2} against {1, 3}: 2 * 1 / 4 = 0.5; two empty sets: 1. Mean 0.75.
        ScoredPhoto[] photos =
        [
            ScoredPhoto.Measure("a", [Instance(1, "11", 1, 1, 2)], [Instance(1, "11", 1, 1, 3)]),
            ScoredPhoto.Measure("b", [Instance(1, "11")], [Instance(1, "11")]),
        ];

        MatchingSummary summary = MatchingMetrics.Compute(photos, MatchingMetrics.DefaultCategoryWeight);

        Assert.Equal(0.75, summary.AttributeDice);
    }

    [Fact]
    public void Compute_NoPhotos_LeavesEveryMeasureEmpty()
    {
        MatchingSummary summary = MatchingMetrics.Compute([], MatchingMetrics.DefaultCategoryWeight);

        Assert.Null(summary.MeanIoU);
        Assert.Null(summary.MacroCategoryDice);
        Assert.Empty(summary.Categories);
    }

    [Fact]
    public void Match_NegativeCategoryWeight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchingMetrics.Match(s_crossed, -1));
    }
}
