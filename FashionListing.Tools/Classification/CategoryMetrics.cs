namespace FashionListing.Tools.Classification;

/// <summary>Precision and recall of one label on a scored set.</summary>
public sealed record ClassScore(string Label, int Support, int Predicted, double Precision, double Recall);

/// <summary>Top-k accuracy, per-label scores and the confusion matrix of a scored set.</summary>
/// <param name="Count">Photos scored.</param>
/// <param name="Top1">Share whose most probable label is right.</param>
/// <param name="Top3">Share whose right label is among the three most probable.</param>
/// <param name="Confusion"><c>Confusion[truth][predicted]</c> photo counts.</param>
/// <param name="Classes">Scores per label, in label order.</param>
public sealed record CategoryMetrics(
    int Count,
    double Top1,
    double Top3,
    int[][] Confusion,
    IReadOnlyList<ClassScore> Classes)
{
    /// <summary>Scores probability rows against the true label indices.</summary>
    public static CategoryMetrics Compute(
        IReadOnlyList<int> truth,
        IReadOnlyList<float[]> probabilities,
        IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        int classes = labels.Count;
        int[][] confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        int top1 = 0;
        int top3 = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            float[] p = probabilities[i];
            int predicted = 0;
            int higher = 0;
            for (int k = 0; k < classes; k++)
            {
                predicted = p[k] > p[predicted] ? k : predicted;

                // Ties are broken towards the lower index, as CategoryPrediction.Top does.
                higher += p[k] > p[truth[i]] || (p[k] == p[truth[i]] && k < truth[i]) ? 1 : 0;
            }

            confusion[truth[i]][predicted]++;
            top1 += predicted == truth[i] ? 1 : 0;
            top3 += higher < 3 ? 1 : 0;
        }

        ClassScore[] scores = new ClassScore[classes];
        for (int k = 0; k < classes; k++)
        {
            int support = confusion[k].Sum();
            int predicted = confusion.Sum(row => row[k]);
            int hits = confusion[k][k];
            scores[k] = new ClassScore(
                labels[k],
                support,
                predicted,
                predicted == 0 ? 0 : hits / (double)predicted,
                support == 0 ? 0 : hits / (double)support);
        }

        double count = Math.Max(1, truth.Count);

        return new CategoryMetrics(truth.Count, top1 / count, top3 / count, confusion, scores);
    }
}
