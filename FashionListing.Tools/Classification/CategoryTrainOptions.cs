using System.Globalization;

namespace FashionListing.Tools.Classification;

/// <summary>The options of the category-train command.</summary>
public sealed record CategoryTrainOptions
{
    /// <summary>The clothing dataset folder (images.csv and images/).</summary>
    public required string Dataset { get; init; }

    /// <summary>Where the head, its labels and the report are written.</summary>
    public string Output { get; init; } = Path.Combine("models", "starter");

    /// <summary>Where the feature cache is kept (an ignored folder).</summary>
    public string Cache { get; init; } = Path.Combine("artifacts", "category-features");

    /// <summary>Seed of the sender split.</summary>
    public int SplitSeed { get; init; } = 20261204;

    /// <summary>Seed of weight initialisation, shuffling and dropout.</summary>
    public int TrainSeed { get; init; } = 7;

    /// <summary>Border around the mask's box, as a fraction of its longer side.</summary>
    public float Margin { get; init; } = 0.05f;

    /// <summary>The side of the square crop the backbone runs on.</summary>
    public int InputSize { get; init; } = 288;

    /// <summary>Whether the background outside the mask is blanked.</summary>
    public bool BlankBackground { get; init; }

    /// <summary>Stop after computing the features.</summary>
    public bool FeaturesOnly { get; init; }

    /// <summary>Stop after the head search: no test scoring, nothing written.</summary>
    public bool SearchOnly { get; init; }

    /// <summary>The command line that reproduces these options (the folders at their defaults).</summary>
    public required string CommandLine { get; init; }

    /// <summary>Parses the arguments after the verb.</summary>
    public static CategoryTrainOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? dataset = null;
        string output = Path.Combine("models", "starter");
        string cache = Path.Combine("artifacts", "category-features");
        int splitSeed = 20261204;
        int trainSeed = 7;
        float margin = 0.05f;
        int inputSize = 288;
        bool blank = false;
        bool featuresOnly = false;
        bool searchOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() =>
                i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--dataset":
                    dataset = Value();
                    break;
                case "--output":
                    output = Value();
                    break;
                case "--cache":
                    cache = Value();
                    break;
                case "--split-seed":
                    splitSeed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--train-seed":
                    trainSeed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--margin":
                    margin = float.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--input-size":
                    inputSize = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--blank-background":
                    blank = true;
                    break;
                case "--features-only":
                    featuresOnly = true;
                    break;
                case "--search-only":
                    searchOnly = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return new CategoryTrainOptions
        {
            Dataset = dataset ?? LocateDataset(),
            Output = output,
            Cache = cache,
            SplitSeed = splitSeed,
            TrainSeed = trainSeed,
            Margin = margin,
            InputSize = inputSize,
            BlankBackground = blank,
            FeaturesOnly = featuresOnly,
            SearchOnly = searchOnly,
            CommandLine = "dotnet run --project FashionListing.Tools -c Release -- category-train"
                + string.Create(CultureInfo.InvariantCulture, $" --split-seed {splitSeed} --train-seed {trainSeed}")
                + string.Create(CultureInfo.InvariantCulture, $" --margin {margin} --input-size {inputSize}")
                + (blank ? " --blank-background" : string.Empty),
        };
    }

    internal static string LocateDataset()
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "clothing-dataset");
            if (File.Exists(Path.Combine(candidate, "images.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "No shared/clothing-dataset was found above the current folder; pass --dataset PATH.");
    }
}
