using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tools.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>What one run wrote and measured.</summary>
/// <param name="Training">The heads, best epoch and history.</param>
/// <param name="Data">The instances trained on.</param>
/// <param name="FeatureSeconds">Time to load or compute the features.</param>
/// <param name="TrainingSeconds">Time of the epochs.</param>
public sealed record HeadTrainingRun(
    MultiTaskResult Training,
    HeadTrainingData Data,
    double FeatureSeconds,
    double TrainingSeconds);

/// <summary>
/// fashionpedia-train-heads: trains a Fashionpedia category head (softmax) and attribute head
/// (sigmoids) on frozen backbone features of each instance's crop, combined by learnt uncertainty
/// weights, and writes the best epoch's heads, the label id mapper, the loss history and a report.
/// </summary>
public static class FashionpediaTrainCommand
{
    /// <summary>The best epoch's heads.</summary>
    public const string HeadsFileName = "heads.json";

    /// <summary>The latest epoch's heads, rewritten after every epoch.</summary>
    public const string CheckpointFileName = "checkpoint-latest.json";

    /// <summary>The per-epoch losses as CSV.</summary>
    public const string HistoryCsvFileName = "loss-history.csv";

    /// <summary>The per-epoch losses as JSON.</summary>
    public const string HistoryJsonFileName = "loss-history.json";

    /// <summary>The loss plot.</summary>
    public const string PlotFileName = "loss-history.png";

    /// <summary>The Markdown report.</summary>
    public const string ReportFileName = "report.md";

    /// <summary>Runs the command with the app's backbone and, for the clothing photos, its mask head.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        FashionpediaTrainOptions options;
        try
        {
            options = FashionpediaTrainOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("Options: " + FashionpediaTrainOptions.Usage);

            return 2;
        }

        using ServiceProvider services = ToolServices.Build();
        IGarmentSegmenter? segmenter = options.Source == HeadTrainingSource.Clothing
            ? services.GetRequiredService<IGarmentSegmenter>()
            : null;
        try
        {
            Train(options, services.GetRequiredService<ResNet18Backbone>(), segmenter, MaskHeadName(), Console.Out);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or FormatException)
        {
            // Problems with the data the user pointed at: the message says what and where; a stack trace would not.
            Console.Error.WriteLine(ex.Message);

            return 1;
        }

        return 0;
    }

    /// <summary>The whole run: data, training with a checkpoint per epoch, history, plot and report.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="backbone">The frozen backbone.</param>
    /// <param name="segmenter">Makes the clothing photos' masks; unused for the Kaggle source.</param>
    /// <param name="segmenterName">Names the segmenter in the feature cache's file name.</param>
    /// <param name="log">Progress lines.</param>
    public static HeadTrainingRun Train(
        FashionpediaTrainOptions options,
        ResNet18Backbone backbone,
        IGarmentSegmenter? segmenter,
        string segmenterName,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        FashionpediaTaxonomy taxonomy = options.Taxonomy is null
            ? FashionpediaTaxonomy.LoadDefault()
            : FashionpediaTaxonomy.Load(options.Taxonomy);
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(taxonomy);
        CategoryFeatureExtractor extractor = new(backbone);
        Directory.CreateDirectory(options.Output);

        log.WriteLine($"Phase 1/3: instances cropped and embedded ({options.Source})");
        Stopwatch phase = Stopwatch.StartNew();
        HeadTrainingData data = options.Source == HeadTrainingSource.Kaggle
            ? KaggleHeadSource.Load(
                options.Csv!,
                options.Images!,
                extractor,
                options.Recipe,
                taxonomy,
                mapper,
                options.SplitSeed,
                options.TrainShare,
                options.ValidationShare,
                options.AllAttributes,
                log)
            : ClothingHeadSource.Load(
                options.Dataset ?? CategoryTrainOptions.LocateDataset(),
                options.Cache,
                segmenter ?? throw new ArgumentNullException(nameof(segmenter), "The clothing photos need masks."),
                segmenterName,
                extractor,
                options.Recipe,
                StarterLabelMap.LoadDefault(taxonomy),
                taxonomy,
                mapper,
                options.SplitSeed,
                options.AllAttributes,
                log);
        double featureSeconds = phase.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {data.Train.Count} train, {data.Validation.Count} validation instances; {featureSeconds:F1} s"));
        if (data.Train.Count == 0 || data.Validation.Count == 0)
        {
            // A small dataset (the shared sample has 2 photos) can leave a part empty at the default shares.
            throw new InvalidDataException(
                $"Training needs instances in both the training and the validation part, but the split gave "
                + $"{data.Train.Count} and {data.Validation.Count}. With few photos, give the parts larger "
                + "shares, e.g. --train-share 0.5 --validation-share 0.5 (Kaggle source).");
        }

        log.WriteLine("Phase 2/3: training");
        phase.Restart();
        string mapperFile = LabelIdMapper.FileName;
        mapper.Save(Path.Combine(options.Output, mapperFile));
        MultiTaskResult result = MultiTaskHeadTrainer.Train(
            data.Train,
            data.Validation,
            mapper.CategoryCount,
            mapper.AttributeCount,
            options.Settings,
            (losses, heads, isBest) =>
            {
                HeadsFile file = HeadsFile.From(heads, losses.Epoch, losses.Validation.Total, data.Recipe, mapperFile);
                file.Save(Path.Combine(options.Output, CheckpointFileName));
                if (isBest)
                {
                    file.Save(Path.Combine(options.Output, HeadsFileName));
                }

                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  epoch {losses.Epoch}: train {losses.Train.Total:F4} (category {losses.Train.Category:F4}, "
                    + $"attributes {losses.Train.Attribute:F4}), validation {losses.Validation.Total:F4} "
                    + $"(category {losses.Validation.Category:F4}, attributes {losses.Validation.Attribute:F4}), "
                    + $"weights {losses.Validation.CategoryWeight:F4}/{losses.Validation.AttributeWeight:F4}, "
                    + $"top-1 {losses.ValidationTop1:P1}{(isBest ? ", best so far" : string.Empty)}"));
            });
        double trainingSeconds = phase.Elapsed.TotalSeconds;

        log.WriteLine("Phase 3/3: history, plot and report");
        LossHistory.WriteCsv(Path.Combine(options.Output, HistoryCsvFileName), result.History);
        LossHistory.WriteJson(Path.Combine(options.Output, HistoryJsonFileName), result.History);
        LossHistory.SavePlot(Path.Combine(options.Output, PlotFileName), result.History);
        HeadTrainingRun run = new(result, data, featureSeconds, trainingSeconds);
        HeadTrainingReport.Write(Path.Combine(options.Output, ReportFileName), options, run);
        log.WriteLine($"  wrote {Path.Combine(options.Output, ReportFileName)}");

        return run;
    }

    // The feature cache is keyed by the mask head's weights, as category-train keys it, so crops of an
    // older mask head are never mixed with new ones.
    private static string MaskHeadName()
    {
        string weights = Path.Combine(AppContext.BaseDirectory, "models", "starter", MaskHead.FileName);

        return "mask-head-" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(weights)))[..12];
    }
}
