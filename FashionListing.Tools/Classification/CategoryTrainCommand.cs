using System.Diagnostics;
using System.Globalization;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FashionListing.Tools.Classification;

/// <summary>
/// category-train: splits the clothing dataset by sender, computes (or reads cached) backbone
/// features of each garment's crop, searches the head's hyperparameters on the validation
/// senders, scores the chosen head once on the test senders, and writes the head, its labels and
/// the report into the model folder.
/// </summary>
public static class CategoryTrainCommand
{
    /// <summary>Runs the command; the segmenter supplies each photo's garment mask.</summary>
    /// <param name="args">The options after the verb.</param>
    /// <param name="segmenter">Makes the masks the crops are cut to.</param>
    /// <param name="segmenterName">Names the segmenter in the report and the cache file.</param>
    public static int Run(string[] args, IGarmentSegmenter segmenter, string segmenterName)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        CategoryTrainOptions options;
        try
        {
            options = CategoryTrainOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(
                "Options: [--dataset PATH] [--output models/starter] [--cache artifacts/category-features] "
                + "[--split-seed N] [--train-seed N] [--margin 0.05] [--input-size 288] [--blank-background] "
                + "[--features-only] [--search-only]");

            return 2;
        }

        Train(options, segmenter, segmenterName, Console.Out);

        return 0;
    }

    /// <summary>The whole training run; returns what the report was made from.</summary>
    public static CategoryReport Train(
        CategoryTrainOptions options,
        IGarmentSegmenter segmenter,
        string segmenterName,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        List<PhaseTiming> timings = [];
        Stopwatch phase = Stopwatch.StartNew();

        log.WriteLine("Phase 1/5: data and sender split");
        IReadOnlyList<LabelledPhoto> photos = ClothingDataset.ReadGarmentPhotos(
            Path.Combine(options.Dataset, "images.csv"));
        string[] labels = photos.Select(p => p.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        Dictionary<string, int> labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(photos, options.SplitSeed);
        foreach ((DataSplit split, LabelledPhoto[] members) in parts)
        {
            log.WriteLine($"  {split}: {members.Select(p => p.SenderId).Distinct().Count()} senders, "
                + $"{members.Length} photos");
        }

        timings.Add(new PhaseTiming("data and split", phase.Elapsed.TotalSeconds));
        log.WriteLine($"  {phase.Elapsed.TotalSeconds:F1} s");

        phase.Restart();
        log.WriteLine("Phase 2/5: garment crops through the backbone (cached)");
        CategoryHeadRecipe cropRecipe = new(
            CategoryFeatureSet.EmbeddingStage3AndStage4Max,
            options.Margin,
            options.BlankBackground,
            MirrorAverage: true,
            options.InputSize);
        string cachePath = Path.Combine(options.Cache, CategoryFeatureCache.FileName(segmenterName, cropRecipe));
        Dictionary<string, PhotoFeatures> features;
        using (ILoggerFactory loggers = LoggerFactory.Create(
            b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)))
        {
            IOptions<InferenceOptions> inference = Options.Create(
                new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu });
            OnnxSessionFactory sessions = new(inference, loggers.CreateLogger<OnnxSessionFactory>());
            using ResNet18Backbone backbone = new(inference, sessions, loggers.CreateLogger<ResNet18Backbone>());
            features = CategoryFeatureCache.LoadOrCompute(
                cachePath,
                photos,
                Path.Combine(options.Dataset, "images"),
                segmenter,
                new CategoryFeatureExtractor(backbone),
                cropRecipe,
                log);
        }

        timings.Add(new PhaseTiming("crops through the backbone", phase.Elapsed.TotalSeconds));
        log.WriteLine($"  {phase.Elapsed.TotalSeconds:F1} s");
        if (options.FeaturesOnly)
        {
            return CategoryReport.Empty;
        }

        phase.Restart();
        log.WriteLine("Phase 3/5: head search on the validation senders");
        List<SearchResult> search = [];
        SearchResult Try(CategoryFeatureSet set, HeadSettings settings)
        {
            int length = (cropRecipe with { Features = set }).FeatureLength;
            (List<float[]> trainX, List<int> trainY, List<string> trainSenders) =
                TrainingSamples(parts[DataSplit.Train], features, labelIndex, length);
            (List<float[]> validationX, List<int> validationY) =
                ScoringSamples(parts[DataSplit.Validation], features, labelIndex, length, mirrorAverage: true);
            Stopwatch one = Stopwatch.StartNew();
            TrainedHead head = HeadTrainer.Train(
                trainX, trainY, trainSenders, validationX, validationY, labels.Length, settings, options.TrainSeed);
            CategoryMetrics validation = CategoryMetrics.Compute(
                validationY, validationX.Select(x => head.Probabilities(x)).ToArray(), labels);
            SearchResult result = new(set, settings, head, validation, one.Elapsed.TotalSeconds);
            search.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {set}, {settings.Kind}, weight decay {settings.WeightDecay}: epoch {head.BestEpoch}/"
                + $"{head.EpochsRun}, validation loss {head.ValidationLoss:F3}, top-1 {validation.Top1:F3}, "
                + $"top-3 {validation.Top3:F3} ({result.Seconds:F1} s)"));

            return result;
        }

        // Softmax regression on every feature set; the MLP, which costs far more, on the set the
        // softmax search preferred.
        foreach (CategoryFeatureSet set in Enum.GetValues<CategoryFeatureSet>())
        {
            foreach (HeadSettings settings in SoftmaxGrid)
            {
                Try(set, settings);
            }
        }

        SearchResult bestSoftmax = Best(search);
        foreach (HeadSettings settings in MlpGrid)
        {
            Try(bestSoftmax.Features, settings with { SquareRoot = bestSoftmax.Settings.SquareRoot });
        }

        SearchResult chosen = Best(search);
        if (options.SearchOnly)
        {
            log.WriteLine("  --search-only: the test senders are not scored and nothing is written");

            return CategoryReport.Empty;
        }

        int chosenLength = (cropRecipe with { Features = chosen.Features }).FeatureLength;
        (List<float[]> singleX, List<int> singleY) =
            ScoringSamples(parts[DataSplit.Validation], features, labelIndex, chosenLength, mirrorAverage: false);
        CategoryMetrics singleView = CategoryMetrics.Compute(
            singleY, singleX.Select(x => chosen.Head.Probabilities(x)).ToArray(), labels);
        bool mirrorAverage = chosen.Validation.Top1 >= singleView.Top1;
        CategoryHeadRecipe recipe = cropRecipe with { Features = chosen.Features, MirrorAverage = mirrorAverage };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  chosen: {chosen.Features}, {chosen.Settings.Kind}, weight decay {chosen.Settings.WeightDecay}; "
            + $"validation top-1 with mirror averaging {chosen.Validation.Top1:F3}, one view {singleView.Top1:F3}"));
        timings.Add(new PhaseTiming("head search", phase.Elapsed.TotalSeconds));
        log.WriteLine($"  {phase.Elapsed.TotalSeconds:F1} s");

        phase.Restart();
        log.WriteLine("Phase 4/5: the chosen head on the test senders (once)");
        (List<float[]> testX, List<int> testY) =
            ScoringSamples(parts[DataSplit.Test], features, labelIndex, chosenLength, mirrorAverage);
        float[][] testProbabilities = testX.Select(x => chosen.Head.Probabilities(x)).ToArray();
        CategoryMetrics test = CategoryMetrics.Compute(testY, testProbabilities, labels);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  test: {test.Count} photos, top-1 {test.Top1:F3}, top-3 {test.Top3:F3}"));
        WritePredictions(Path.Combine(options.Cache, "category-test-predictions.csv"), parts[DataSplit.Test],
            testProbabilities, labels);
        timings.Add(new PhaseTiming("test scoring", phase.Elapsed.TotalSeconds));

        phase.Restart();
        log.WriteLine("Phase 5/5: export and report");
        byte[] onnx = CategoryHeadExporter.ToOnnx(chosen.Head, recipe);
        CategoryHeadExporter.Write(options.Output, onnx, labels);
        double onnxDifference = CompareWithOnnx(options.Output, testX, testProbabilities);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  wrote {Path.Combine(options.Output, CategoryHead.ModelFile)} ({onnx.Length / 1024.0:F0} KiB); "
            + $"largest difference from the C# head on the test photos {onnxDifference:E2}"));
        timings.Add(new PhaseTiming("export", phase.Elapsed.TotalSeconds));

        CategoryReport report = new(
            options.CommandLine,
            segmenterName,
            options.SplitSeed,
            options.TrainSeed,
            recipe,
            labels,
            parts.ToDictionary(
                p => p.Key,
                p => new SplitSummary(
                    p.Value.Select(x => x.SenderId).Distinct().Count(),
                    p.Value.Length,
                    labels.Select(l => p.Value.Count(x => x.Label == l)).ToArray())),
            search.Select(r => new SearchRow(
                r.Features.ToString(), r.Settings, r.Head.BestEpoch, r.Head.EpochsRun, r.Head.ValidationLoss,
                r.Validation.Top1, r.Validation.Top3, r.Seconds)).ToArray(),
            search.IndexOf(chosen),
            singleView.Top1,
            test,
            onnxDifference,
            timings);
        report.Write(options.Output);
        log.WriteLine($"  wrote {Path.Combine(options.Output, CategoryReport.MarkdownFile)}");

        return report;
    }

    /// <summary>The softmax-regression settings tried on each feature set.</summary>
    public static IReadOnlyList<HeadSettings> SoftmaxGrid { get; } =
    [
        .. new[] { 1.0, 3, 10 }.SelectMany(decay => new HeadSettings[]
        {
            new(Hidden: 0, LearningRate: 1e-3, WeightDecay: decay, Dropout: 0),
            new(Hidden: 0, LearningRate: 1e-3, WeightDecay: decay, Dropout: 0, SquareRoot: true),
        }),
        new(Hidden: 0, LearningRate: 1e-3, WeightDecay: 3, Dropout: 0, SenderBalanced: true),
        new(Hidden: 0, LearningRate: 1e-3, WeightDecay: 3, Dropout: 0, LabelSmoothing: 0.1),
    ];

    /// <summary>
    /// The one-hidden-layer settings tried on the feature set softmax regression preferred, with its
    /// preferred square-root setting.
    /// </summary>
    public static IReadOnlyList<HeadSettings> MlpGrid { get; } =
    [
        new(Hidden: 256, LearningRate: 1e-3, WeightDecay: 0.05, Dropout: 0.5),
        new(Hidden: 256, LearningRate: 1e-3, WeightDecay: 0.5, Dropout: 0.5),
        new(Hidden: 512, LearningRate: 1e-3, WeightDecay: 0.5, Dropout: 0.6),
    ];

    private static SearchResult Best(List<SearchResult> results) => results
        .OrderByDescending(r => r.Validation.Top1)
        .ThenByDescending(r => r.Validation.Top3)
        .ThenBy(r => r.Head.ValidationLoss)
        .First();

    private static (List<float[]> Features, List<int> Labels, List<string> Senders) TrainingSamples(
        LabelledPhoto[] photos,
        Dictionary<string, PhotoFeatures> features,
        Dictionary<string, int> labelIndex,
        int length)
    {
        // Both views of every photo: the mirror image is the training-time augmentation.
        List<float[]> x = [];
        List<int> y = [];
        List<string> senders = [];
        foreach (LabelledPhoto photo in photos)
        {
            PhotoFeatures f = features[photo.Image];
            x.Add(f.Original[..length]);
            x.Add(f.Mirrored[..length]);
            y.Add(labelIndex[photo.Label]);
            y.Add(labelIndex[photo.Label]);
            senders.Add(photo.SenderId);
            senders.Add(photo.SenderId);
        }

        return (x, y, senders);
    }

    private static (List<float[]> Features, List<int> Labels) ScoringSamples(
        LabelledPhoto[] photos,
        Dictionary<string, PhotoFeatures> features,
        Dictionary<string, int> labelIndex,
        int length,
        bool mirrorAverage)
    {
        List<float[]> x = [];
        List<int> y = [];
        foreach (LabelledPhoto photo in photos)
        {
            PhotoFeatures f = features[photo.Image];
            float[] sample = f.Original[..length];
            if (mirrorAverage)
            {
                for (int i = 0; i < length; i++)
                {
                    sample[i] = 0.5f * (sample[i] + f.Mirrored[i]);
                }
            }

            x.Add(sample);
            y.Add(labelIndex[photo.Label]);
        }

        return (x, y);
    }

    // One line per test photo with its three most probable labels, for looking at the mistakes.
    private static void WritePredictions(
        string path,
        LabelledPhoto[] photos,
        float[][] probabilities,
        IReadOnlyList<string> labels)
    {
        using StreamWriter writer = new(path);
        writer.WriteLine("image,sender_id,label,top1,top2,top3,top1_probability");
        for (int i = 0; i < photos.Length; i++)
        {
            IReadOnlyList<LabelProbability> top = new CategoryPrediction(labels, probabilities[i]).Top(3);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{photos[i].Image},{photos[i].SenderId},{photos[i].Label},{top[0].Label},{top[1].Label},"
                + $"{top[2].Label},{top[0].Probability:F3}"));
        }
    }

    private static double CompareWithOnnx(string folder, List<float[]> samples, float[][] expected)
    {
        IOptions<InferenceOptions> inference = Options.Create(
            new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu });
        OnnxSessionFactory sessions = new(inference, NullLogger<OnnxSessionFactory>.Instance);
        using CategoryHead head = CategoryHead.Load(folder, sessions);
        double largest = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            IReadOnlyList<float> actual = head.Predict(samples[i]).Probabilities;
            for (int k = 0; k < actual.Count; k++)
            {
                largest = Math.Max(largest, Math.Abs(actual[k] - expected[i][k]));
            }
        }

        return largest;
    }

    private sealed record SearchResult(
        CategoryFeatureSet Features,
        HeadSettings Settings,
        TrainedHead Head,
        CategoryMetrics Validation,
        double Seconds);
}
