using System.Globalization;
using FashionListing.Inference.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>Where the instances come from.</summary>
public enum HeadTrainingSource
{
    /// <summary>Kaggle-format train.csv and its photos.</summary>
    Kaggle,

    /// <summary>The clothing dataset's seller photos, one instance each.</summary>
    Clothing,
}

/// <summary>The options of the fashionpedia-train-heads command.</summary>
public sealed record FashionpediaTrainOptions
{
    /// <summary>The options the command reads, for the usage line and for rejecting typos.</summary>
    public const string Usage =
        "--source kaggle --csv train.csv --images FOLDER [--train-share 0.7] [--validation-share 0.15] "
        + "| --source clothing [--dataset FOLDER] "
        + "[--cache artifacts/category-features]; [--epochs 10] [--learning-rate 1e-5] "
        + "[--log-variance-learning-rate <learning rate>] [--weight-decay 0.01] [--batch-size 32] [--seed 7] "
        + "[--split-seed 20261204] [--features EmbeddingStage3AndStage4Max] [--all-attributes] "
        + "[--taxonomy FILE] [--out artifacts/fashionpedia-heads]";

    private static readonly string[] s_known =
    [
        "source", "csv", "images", "dataset", "cache", "epochs", "learning-rate", "log-variance-learning-rate",
        "weight-decay", "batch-size", "seed", "split-seed", "features", "all-attributes", "taxonomy", "out",
        "train-share", "validation-share",
    ];

    /// <summary>Where the instances come from.</summary>
    public required HeadTrainingSource Source { get; init; }

    /// <summary>The Kaggle train.csv (Kaggle source).</summary>
    public string? Csv { get; init; }

    /// <summary>The folder of the Kaggle photos (Kaggle source).</summary>
    public string? Images { get; init; }

    /// <summary>The clothing dataset folder (clothing source).</summary>
    public string? Dataset { get; init; }

    /// <summary>The feature cache folder, shared with category-train (clothing source).</summary>
    public string Cache { get; init; } = Path.Combine("artifacts", "category-features");

    /// <summary>The taxonomy file; null for the one the build copies beside the tool.</summary>
    public string? Taxonomy { get; init; }

    /// <summary>Where heads, checkpoints, id mapper, history and report go.</summary>
    public string Output { get; init; } = Path.Combine("artifacts", "fashionpedia-heads");

    /// <summary>The optimiser's settings.</summary>
    public required MultiTaskSettings Settings { get; init; }

    /// <summary>Share of the photos for train (Kaggle source; the sender split has its own).</summary>
    public double TrainShare { get; init; } = 0.70;

    /// <summary>Share of the photos for validation (Kaggle source); test gets the rest.</summary>
    public double ValidationShare { get; init; } = 0.15;

    /// <summary>Seed of the split (by sender or by photo).</summary>
    public int SplitSeed { get; init; } = 20261204;

    /// <summary>The backbone features the heads read.</summary>
    public CategoryFeatureSet Features { get; init; } = CategoryFeatureSet.EmbeddingStage3AndStage4Max;

    /// <summary>Whether every attribute counts in the loss, absent ones as negatives.</summary>
    public bool AllAttributes { get; init; }

    /// <summary>The command line as given, for the report.</summary>
    public required string CommandLine { get; init; }

    /// <summary>
    /// The crop recipe: category-train's defaults (5 % margin, background kept, 288 px), so that the
    /// clothing photos' feature cache is the one category-train built.
    /// </summary>
    public CategoryHeadRecipe Recipe => new(Features, 0.05f, BlankBackground: false, MirrorAverage: true, 288);

    /// <summary>Parses the arguments after the verb.</summary>
    /// <exception cref="ArgumentException">An option is unknown, missing or malformed.</exception>
    public static FashionpediaTrainOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ToolArguments options = new(args);
        string? unknown = options.Names.FirstOrDefault(n => !s_known.Contains(n, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        string sourceText = options.Text("source")
            ?? throw new ArgumentException("--source is required: kaggle or clothing.");
        HeadTrainingSource source = sourceText switch
        {
            "kaggle" => HeadTrainingSource.Kaggle,
            "clothing" => HeadTrainingSource.Clothing,
            _ => throw new ArgumentException($"--source is '{sourceText}'; it must be kaggle or clothing."),
        };
        if (source == HeadTrainingSource.Kaggle && (options.Text("csv") is null || options.Text("images") is null))
        {
            throw new ArgumentException("--source kaggle needs --csv train.csv and --images FOLDER.");
        }

        if (source == HeadTrainingSource.Clothing
            && (options.Text("train-share") is not null || options.Text("validation-share") is not null))
        {
            throw new ArgumentException(
                "--train-share and --validation-share apply to --source kaggle; the clothing photos are split "
                + "by sender, 70/15/15, as category-train splits them.");
        }

        double learningRate = Real(options, "learning-rate", 1e-5);
        MultiTaskSettings settings = new(
            learningRate,
            Real(options, "log-variance-learning-rate", learningRate),
            Real(options, "weight-decay", 0.01),
            Positive(options, "batch-size", 32),
            Positive(options, "epochs", 10),
            options.Integer("seed", 7));

        return new FashionpediaTrainOptions
        {
            Source = source,
            Csv = options.Text("csv"),
            Images = options.Text("images"),
            Dataset = options.Text("dataset"),
            Cache = options.Text("cache", Path.Combine("artifacts", "category-features")),
            Taxonomy = options.Text("taxonomy"),
            Output = options.Text("out", Path.Combine("artifacts", "fashionpedia-heads")),
            Settings = settings,
            TrainShare = Real(options, "train-share", 0.70),
            ValidationShare = Real(options, "validation-share", 0.15),
            SplitSeed = options.Integer("split-seed", 20261204),
            Features = Enum.Parse<CategoryFeatureSet>(
                options.Text("features", nameof(CategoryFeatureSet.EmbeddingStage3AndStage4Max))),
            AllAttributes = options.Flag("all-attributes"),
            CommandLine = "dotnet run --project FashionListing.Tools -c Release -- fashionpedia-train-heads "
                + string.Join(' ', args),
        };
    }

    private static double Real(ToolArguments options, string name, double fallback)
    {
        string? text = options.Text(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0
            ? value
            : throw new ArgumentException($"--{name} is '{text}'; it must be a number of at least 0.");
    }

    private static int Positive(ToolArguments options, string name, int fallback)
    {
        int value = options.Integer(name, fallback);

        return value >= 1 ? value : throw new ArgumentException($"--{name} is {value}; it must be at least 1.");
    }
}
