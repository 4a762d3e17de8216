using FashionListing.Tools.Classification;

namespace FashionListing.Tests.Classification;

public sealed class CategoryMetricsTests
{
    private static readonly string[] s_labels = ["A", "B", "C", "D"];

    [Fact]
    public void Compute_FourPhotos_GivesHandCountedAccuracies()
    {
        // Photo 1 (A): top A, hit. Photo 2 (B): ranks C, D, B: top-3 hit only. Photo 3 (C): ranks
        // A, B, D, C: miss. Photo 4 (B): top B, hit. Top-1 = 2/4, top-3 = 3/4.
        int[] truth = [0, 1, 2, 1];
        float[][] probabilities =
        [
            [0.7f, 0.1f, 0.1f, 0.1f],
            [0.05f, 0.25f, 0.4f, 0.3f],
            [0.4f, 0.3f, 0.1f, 0.2f],
            [0.1f, 0.6f, 0.2f, 0.1f],
        ];

        CategoryMetrics metrics = CategoryMetrics.Compute(truth, probabilities, s_labels);

        Assert.Equal(0.5, metrics.Top1);
        Assert.Equal(0.75, metrics.Top3);
        Assert.Equal([1, 0, 0, 0], metrics.Confusion[0]);
        Assert.Equal([0, 1, 1, 0], metrics.Confusion[1]);
        Assert.Equal([1, 0, 0, 0], metrics.Confusion[2]);
    }

    [Fact]
    public void Compute_FourPhotos_GivesHandCountedPrecisionAndRecall()
    {
        // Predicted A, C, A, B for truths A, B, C, B.
        int[] truth = [0, 1, 2, 1];
        float[][] probabilities =
        [
            [0.7f, 0.1f, 0.1f, 0.1f],
            [0.05f, 0.25f, 0.4f, 0.3f],
            [0.4f, 0.3f, 0.1f, 0.2f],
            [0.1f, 0.6f, 0.2f, 0.1f],
        ];

        CategoryMetrics metrics = CategoryMetrics.Compute(truth, probabilities, s_labels);

        // A: predicted twice, right once (precision 1/2), one A photo found (recall 1).
        // B: predicted once, right (precision 1), one of two B photos (recall 1/2).
        // C: predicted once, wrong (precision 0), its one photo missed (recall 0).
        Assert.Equal((0.5, 1.0), (metrics.Classes[0].Precision, metrics.Classes[0].Recall));
        Assert.Equal((1.0, 0.5), (metrics.Classes[1].Precision, metrics.Classes[1].Recall));
        Assert.Equal((0.0, 0.0), (metrics.Classes[2].Precision, metrics.Classes[2].Recall));
        Assert.Equal(2, metrics.Classes[1].Support);
    }
}
