using System.Diagnostics;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tools.Segmentation;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>
/// <c>fashionpedia-eval</c>: runs the configured model through the app's pipeline on one part of a
/// Kaggle-format Fashionpedia dataset and writes the matching measures and the benchmark's mask AP and
/// AP^(IoU+F1). Options: <c>--csv</c> (train.csv), <c>--images</c> (photo folder), <c>--split-seed</c>,
/// <c>--split</c> (test, validation, train or all; test by default), <c>--model-folder</c>,
/// <c>--batch-size</c>, <c>--parallel</c>, <c>--category-weight</c> (λ of the matching cost), <c>--limit</c>,
/// <c>--out</c>.
/// </summary>
public static class FashionpediaEvaluation
{
    /// <summary>The split seed when none is given.</summary>
    public const int DefaultSplitSeed = 20261204;

    private static readonly string[] s_extensions = [string.Empty, ".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>Runs the command; 0 on success.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        string csv = Path.GetFullPath(options.Text("csv")
            ?? throw new ArgumentException("Pass the Kaggle-format train.csv with --csv."));
        string images = Path.GetFullPath(options.Text("images", Path.GetDirectoryName(csv)!));
        int splitSeed = options.Integer("split-seed", DefaultSplitSeed);
        string part = options.Text("split", "test");
        int batchSize = options.Integer("batch-size", SuggestionBatches.DefaultBatchSize);
        int parallelism = options.Integer("parallel", SuggestionBatches.DefaultParallelism);
        double categoryWeight = options.Number("category-weight", (float)MatchingMetrics.DefaultCategoryWeight);
        int limit = options.Integer("limit", int.MaxValue);
        string output = Path.GetFullPath(options.Text("out", Path.Combine("docs", "evaluation", "fashionpedia")));

        IReadOnlyList<FashionpediaSample> samples = KaggleTrainCsv.Read(csv);
        SplitAssignment split = PhotoSplit.Split(samples, splitSeed);
        IReadOnlyList<string> chosen = part switch
        {
            "test" => split.Test,
            "validation" => split.Validation,
            "train" => split.Train,
            "all" => [.. samples.Select(s => s.ImageId).Order(StringComparer.Ordinal)],
            _ => throw new ArgumentException($"--split is '{part}'; it must be test, validation, train or all."),
        };
        Dictionary<string, FashionpediaSample> byId = samples.ToDictionary(s => s.ImageId, StringComparer.Ordinal);
        FashionpediaSample[] evaluated = [.. chosen.Take(limit).Select(id => byId[id])];

        using ServiceProvider services = ToolServices.Build(options.Text("model-folder"));
        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        LoadedModelManifest model = services.GetRequiredService<LoadedModelManifest>();
        FashionpediaTaxonomy taxonomy = model.Taxonomy;

        Console.Error.WriteLine($"{evaluated.Length} photos of the {part} part");
        long started = Stopwatch.GetTimestamp();
        PhotoResult[] results = SuggestionBatches.RunAsync(
            suggester,
            evaluated,
            s => PhotoPath(images, s.ImageId),
            Score,
            batchSize,
            parallelism,
            CancellationToken.None).GetAwaiter().GetResult();
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        ScoredPhoto[] photos = [.. results.Select(r => r.Photo)];
        AveragePrecisionSummary ap = MaskAveragePrecision.Summarise(photos);
        HashSet<int> parts = [.. taxonomy.Categories.Where(CategoryDisplayNames.IsPart).Select(c => c.Id)];
        CategoryAveragePrecision[] garments = [.. ap.Categories.Where(c => !parts.Contains(c.CategoryId))];
        FashionpediaEvaluationReport report = new(
            "dotnet run --project FashionListing.Tools -c Release -- fashionpedia-eval " + string.Join(' ', args),
            $"{model.Name} ({model.Layout} layout)",
            TimeProvider.System.GetUtcNow(),
            options.Text("csv")!,
            splitSeed,
            part,
            new SplitSizes(split.Train.Count, split.Validation.Count, split.Test.Count),
            photos.Length,
            results.Count(r => r.Rejected),
            results.Count(r => r.Resized),
            MatchingMetrics.Compute(photos, categoryWeight),
            ap,
            garments.Length == 0 ? null : garments.Average(c => c.MaskAp),
            garments.Length == 0 ? null : garments.Average(c => c.MaskAttributeAp),
            taxonomy.Categories.ToDictionary(c => c.Id, c => c.Name),
            [.. parts.Order()],
            seconds);
        report.Write(output);
        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Wrote {Path.Combine(output, FashionpediaEvaluationReport.MarkdownFile)}");

        return 0;
    }

    /// <summary>
    /// One photo's truths and the pipeline's garments as predictions. The pipeline may store the photo smaller
    /// than annotated (its longest side is limited); its masks are then resized to the annotated size.
    /// </summary>
    public static PhotoResult Score(FashionpediaSample sample, SuggestionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(outcome);
        int width = sample.Width;
        int height = sample.Height;
        MaskedInstance[] truths = [.. sample.Instances.Select(i => new MaskedInstance(
            new InstanceLabel(i.ClassId, i.AttributeIds),
            InstanceMask.FromRowMajor(i.DecodeMask(height, width), width, height)))];
        List<MaskedInstance> predictions = [];
        bool resized = false;
        if (outcome is PhotoAnalysed analysed)
        {
            foreach (GarmentSuggestion garment in analysed.Garments)
            {
                byte[] pixels = garment.Mask.Pixels;
                if (garment.Mask.Width != width || garment.Mask.Height != height)
                {
                    pixels = MaskFiles.Nearest(pixels, garment.Mask.Width, garment.Mask.Height, width, height);
                    resized = true;
                }

                CategorySuggestion top = garment.Categories[0];
                InstanceLabel label = new(
                    top.FashionpediaCategoryId, [.. garment.Attributes.Select(a => a.AttributeId)], top.Probability);
                predictions.Add(new MaskedInstance(label, InstanceMask.FromRowMajor(pixels, width, height)));
            }
        }

        ScoredPhoto photo = ScoredPhoto.Measure(sample.ImageId, truths, predictions);

        return new PhotoResult(photo, outcome is PhotoRejected, resized);
    }

    /// <summary>One photo's measured overlaps, and whether it was rejected or its masks resized.</summary>
    public sealed record PhotoResult(ScoredPhoto Photo, bool Rejected, bool Resized);

    private static string PhotoPath(string folder, string imageId)
    {
        foreach (string extension in s_extensions)
        {
            string path = Path.Combine(folder, imageId + extension);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"No photo for image {imageId} in {folder} (tried .jpg, .jpeg, .png, .webp).");
    }
}
