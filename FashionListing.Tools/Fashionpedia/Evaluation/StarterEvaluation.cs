using System.Diagnostics;
using System.Text.Json;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Segmentation;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>
/// <c>starter-eval</c>: the configured starter model through the app's pipeline on the clothing dataset:
/// top-1/top-3, per-label precision and recall and the confusion matrix on the test senders, and mask IoU
/// against the reference masks. Options: <c>--data</c> (clothing-dataset folder), <c>--split-seed</c>,
/// <c>--model-folder</c>, <c>--out</c>, <c>--batch-size</c>, <c>--parallel</c>, <c>--limit</c> (photos per
/// part, for a quick run).
/// </summary>
public static class StarterEvaluation
{
    /// <summary>Runs the command; 0 on success.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        MaskDataset dataset = MaskDataset.Load(options.Text("data"));
        string output = Path.GetFullPath(options.Text("out", Path.Combine("docs", "evaluation", "starter")));
        int batchSize = options.Integer("batch-size", SuggestionBatches.DefaultBatchSize);
        int parallelism = options.Integer("parallel", SuggestionBatches.DefaultParallelism);
        int limit = options.Integer("limit", int.MaxValue);

        using ServiceProvider services = ToolServices.Build(options.Text("model-folder"));
        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        LoadedModelManifest model = services.GetRequiredService<LoadedModelManifest>();
        IReadOnlyList<string> labels = services.GetRequiredService<CategoryClassifier>().Labels;
        int splitSeed = options.Integer("split-seed", TrainedSplitSeed(model));

        IReadOnlyList<LabelledPhoto> photos =
            ClothingDataset.ReadGarmentPhotos(Path.Combine(dataset.Root, "images.csv"));
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(photos, splitSeed);
        Dictionary<DataSplit, SplitSummary> splits = parts.ToDictionary(
            p => p.Key,
            p => new SplitSummary(
                p.Value.Select(x => x.SenderId).Distinct(StringComparer.Ordinal).Count(),
                p.Value.Length,
                [.. labels.Select(l => p.Value.Count(x => x.Label == l))]));
        LabelledPhoto[] test = [.. parts[DataSplit.Test].Take(limit)];
        List<PhaseTiming> timings = [];

        long started = Stopwatch.GetTimestamp();
        Console.Error.WriteLine($"Category: {test.Length} test photos");
        CategoryOutcome[] categories = SuggestionBatches.RunAsync(
            suggester,
            test,
            p => dataset.PhotoPath(p.Image),
            (p, outcome) => ToCategoryOutcome(p, outcome, labels),
            batchSize,
            parallelism,
            CancellationToken.None).GetAwaiter().GetResult();
        timings.Add(new PhaseTiming("Test photos", Stopwatch.GetElapsedTime(started).TotalSeconds));
        CategoryOutcome[] scored = [.. categories.Where(c => c.Probabilities is not null)];
        CategoryMetrics metrics = CategoryMetrics.Compute(
            [.. scored.Select(c => c.Truth)], [.. scored.Select(c => c.Probabilities!)], labels);

        started = Stopwatch.GetTimestamp();
        DatasetPhoto[] references = [.. dataset.Reference.Take(limit)];
        Console.Error.WriteLine($"Masks: {references.Length} reference photos");
        (ReferenceMaskScore Score, bool NoGarment)[] masks = SuggestionBatches.RunAsync(
            suggester,
            references,
            p => dataset.PhotoPath(p.Image),
            (p, outcome) => ScoreMask(p, outcome, dataset.ReferenceMaskPath(p.Image)),
            batchSize,
            parallelism,
            CancellationToken.None).GetAwaiter().GetResult();
        timings.Add(new PhaseTiming("Reference photos", Stopwatch.GetElapsedTime(started).TotalSeconds));

        double[] ious = [.. masks.Select(m => m.Score.IoU).Order()];
        ReferenceMaskSummary maskSummary = new(
            ious.Length,
            masks.Count(m => m.NoGarment),
            masks.Count(m => m.Score.Turned),
            ious.Length == 0 ? 0 : ious.Average(),
            Median(ious),
            ious.Length == 0 ? 0 : ious[0],
            [.. masks.Select(m => m.Score).OrderBy(s => s.IoU).Take(5)]);
        StarterEvaluationReport report = new(
            "dotnet run --project FashionListing.Tools -c Release -- starter-eval " + string.Join(' ', args),
            model.Name,
            TimeProvider.System.GetUtcNow(),
            splitSeed,
            splits,
            labels,
            test.Length,
            categories.Count(c => c.NoGarment),
            categories.Count(c => c.Rejected),
            metrics,
            maskSummary,
            timings);
        report.Write(output);
        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Wrote {Path.Combine(output, StarterEvaluationReport.MarkdownFile)}");

        return 0;
    }

    private sealed record CategoryOutcome(int Truth, float[]? Probabilities, bool NoGarment, bool Rejected);

    // The pipeline returns the top three labels; the other labels' probabilities stay 0, which changes neither
    // the top-1 nor the top-3 of a photo.
    private static CategoryOutcome ToCategoryOutcome(
        LabelledPhoto photo,
        SuggestionOutcome outcome,
        IReadOnlyList<string> labels)
    {
        int truth = IndexOf(labels, photo.Label);
        if (outcome is not PhotoAnalysed analysed)
        {
            return new CategoryOutcome(truth, null, false, true);
        }

        if (analysed.Garments.Count == 0)
        {
            return new CategoryOutcome(truth, null, true, false);
        }

        float[] probabilities = new float[labels.Count];
        foreach (CategorySuggestion category in analysed.Garments[0].Categories)
        {
            probabilities[IndexOf(labels, category.Label)] = category.Probability;
        }

        return new CategoryOutcome(truth, probabilities, false, false);
    }

    private static (ReferenceMaskScore Score, bool NoGarment) ScoreMask(
        DatasetPhoto photo,
        SuggestionOutcome outcome,
        string referencePath)
    {
        if (outcome is not PhotoAnalysed analysed)
        {
            throw new InvalidOperationException($"The pipeline rejected reference photo {photo.Image}: {outcome}.");
        }

        GarmentMask? mask = analysed.Garments.Count > 0 ? analysed.Garments[0].Mask : null;
        int width = analysed.Photo.Width;
        int height = analysed.Photo.Height;
        byte[] pixels = mask?.Pixels ?? new byte[width * height];
        (byte[] reference, int referenceWidth, int referenceHeight) = MaskFiles.Read(referencePath);
        bool turned = width != height && referenceWidth == height && referenceHeight == width;
        if (referenceWidth != width || referenceHeight != height)
        {
            reference = MaskFiles.Nearest(reference, referenceWidth, referenceHeight, width, height);
        }

        ReferenceMaskScore score = new(photo.Image, photo.Label, MaskMetrics.IoU(pixels, reference), turned);

        return (score, mask is null);
    }

    // The category head's report records the sender split it was trained on; its test senders are the ones
    // no part of the model has seen.
    private static int TrainedSplitSeed(LoadedModelManifest model)
    {
        string path = Path.Combine(model.Folder, CategoryReport.JsonFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing, so the head's sender split is unknown; pass it with --split-seed.", path);
        }

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(path));

        return report.RootElement.GetProperty(nameof(CategoryReport.SplitSeed)).GetInt32();
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException(
            $"Label '{label}' is not one of the category head's {labels.Count} labels: {string.Join(", ", labels)}.");
    }

    private static double Median(double[] sorted) =>
        sorted.Length == 0 ? 0 : (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
}
