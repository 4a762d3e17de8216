using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Similarity;
using FashionListing.Tools.Classification;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tools.Duplicates;

/// <summary>
/// The <c>duplicates-tune</c> verb: on real photos of the clothing dataset, compares embedding recipes and
/// chooses the duplicate finder's similarity threshold on the training and validation senders, then reports
/// what that threshold does on the test senders, into docs/duplicates/report.md.
/// </summary>
/// <remarks>
/// A positive pair is a photo and an edited copy of it (<see cref="PhotoEdit.Standard"/>); a negative pair is
/// two different photos. Both photos of a pair go through the app's own cleaning (decode, upright, re-encode)
/// before they are embedded, as uploads do. The rule: for each recipe, the highest threshold that keeps at least
/// the target recall of the tuning positives; the recipe whose threshold lets through the fewest tuning
/// negatives wins (ties: the shorter vector); the app's setting is that threshold rounded down to 0.01.
/// </remarks>
public static class DuplicatesTuneCommand
{
    /// <summary>The seed of the sender split, the same as the category head's, so the test senders match.</summary>
    public const int DefaultSplitSeed = 20261204;

    /// <summary>The recipes compared; all run the backbone at 224x224 on the photo and its mirror image.</summary>
    public static IReadOnlyList<PhotoEmbeddingRecipe> Candidates { get; } =
    [
        new("resnet18-gap-224", 224, AverageMirror: false, Grid: 0, IncludeStage3: false, SquareRoot: false),
        new("resnet18-gap-sqrt-224", 224, AverageMirror: false, Grid: 0, IncludeStage3: false, SquareRoot: true),
        new("resnet18-gap-mirror-224", 224, AverageMirror: true, Grid: 0, IncludeStage3: false, SquareRoot: false),
        new("resnet18-gap-mirror-sqrt-224", 224, AverageMirror: true, Grid: 0, IncludeStage3: false, true),
        new("resnet18-gap-stage3-mirror-sqrt-224", 224, true, Grid: 0, IncludeStage3: true, SquareRoot: true),
        new("resnet18-gap-grid2-mirror-224", 224, AverageMirror: true, Grid: 2, IncludeStage3: false, false),
        new("resnet18-gap-grid2-mirror-sqrt-224", 224, AverageMirror: true, Grid: 2, IncludeStage3: false, true),
    ];

    private static readonly float[] s_candidateThresholds =
        [0.80f, 0.84f, 0.86f, 0.88f, 0.90f, 0.91f, 0.92f, 0.93f, 0.94f, 0.95f, 0.96f, 0.97f, 0.98f];

    /// <summary>Runs the command with the options after the verb.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ToolArguments options;
        TuneSettings settings;
        try
        {
            options = new ToolArguments(args);
            settings = TuneSettings.From(options);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(
                "Options: [--shared ../shared] [--out docs/duplicates/report.md] [--split-seed N] "
                + "[--positives 300] [--negatives 1000] [--test-positives 300] [--test-negatives 700] [--recall 0.99]");

            return 2;
        }

        string csv = Path.Combine(settings.Shared, "clothing-dataset", "images.csv");
        if (!File.Exists(csv))
        {
            Console.Error.WriteLine($"No clothing dataset at {csv}; pass --shared with the shared data folder.");

            return 1;
        }

        IReadOnlyList<LabelledPhoto> photos = ClothingDataset.ReadGarmentPhotos(csv);
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(photos, settings.SplitSeed);
        LabelledPhoto[] tunePart = [.. parts[DataSplit.Train], .. parts[DataSplit.Validation]];
        LabelledPhoto[] testPart = parts[DataSplit.Test];

        using ServiceProvider services = ToolServices.Build();
        PhotoEmbedder embedder = new(services.GetRequiredService<ResNet18Backbone>(), PhotoEmbeddingRecipe.Default);
        PhotoDecoder decoder = services.GetRequiredService<PhotoDecoder>();
        string images = Path.Combine(settings.Shared, "clothing-dataset", "images");

        Stopwatch clock = Stopwatch.StartNew();
        Console.WriteLine($"Tuning: {settings.Negatives} of {tunePart.Length} photos, {settings.Positives} edited");
        PartScores[] tune = ScorePart(
            Sample(tunePart, settings.Negatives, settings.SplitSeed), settings.Positives, images, embedder, decoder);
        Console.WriteLine(
            $"Test: {settings.TestNegatives} of {testPart.Length} photos, {settings.TestPositives} edited");
        PartScores[] test = ScorePart(
            Sample(testPart, settings.TestNegatives, settings.SplitSeed),
            settings.TestPositives,
            images,
            embedder,
            decoder);

        TuneResult result = Choose(tune, settings.Recall);
        string report = DuplicatesReport.Write(new DuplicatesReportInput(
            settings,
            args,
            Candidates,
            tune,
            test,
            result,
            tunePart,
            testPart,
            s_candidateThresholds,
            clock.Elapsed));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        File.WriteAllText(settings.Output, report);
        Console.WriteLine(report);

        return 0;
    }

    /// <summary>
    /// Applies the rule: each recipe's highest threshold with the recall kept, then the recipe letting through
    /// the fewest negatives at its threshold (ties: the shorter vector, then the earlier candidate).
    /// </summary>
    public static TuneResult Choose(IReadOnlyList<PartScores> tune, double recall)
    {
        ArgumentNullException.ThrowIfNull(tune);

        float[] thresholds = [.. tune.Select(t => SimilarityStatistics.HighestThresholdWithRecall(
            [.. t.AllPositives], recall))];
        double[] falsePositives = [.. tune.Select((t, i) => SimilarityStatistics.ShareAtOrAbove(
            [.. t.AllNegatives], thresholds[i]))];
        int best = Enumerable.Range(0, tune.Count)
            .OrderBy(i => falsePositives[i])
            .ThenBy(i => Candidates[i].Length)
            .ThenBy(i => i)
            .First();

        return new TuneResult(best, thresholds, falsePositives, SimilarityStatistics.RoundDown(thresholds[best]));
    }

    // The first `count` photos in the order of a seeded hash of their names: the same photos on every run,
    // spread over all senders of the part.
    private static LabelledPhoto[] Sample(LabelledPhoto[] part, int count, int seed) =>
        [.. part.OrderBy(p => Hash(seed, p.Image)).ThenBy(p => p.Image, StringComparer.Ordinal).Take(count)];

    private static PartScores[] ScorePart(
        LabelledPhoto[] photos,
        int positives,
        string images,
        PhotoEmbedder embedder,
        PhotoDecoder decoder)
    {
        int recipes = Candidates.Count;
        float[][][] originals = [.. Enumerable.Range(0, recipes).Select(_ => new float[photos.Length][])];
        int edits = PhotoEdit.Standard.Count;
        int edited = Math.Min(positives, photos.Length);
        float[][][] positiveScores = [.. Enumerable.Range(0, recipes).Select(_ => new float[edits][])];
        foreach (float[][] perEdit in positiveScores)
        {
            for (int e = 0; e < edits; e++)
            {
                perEdit[e] = new float[edited];
            }
        }

        Stopwatch clock = Stopwatch.StartNew();
        for (int i = 0; i < photos.Length; i++)
        {
            byte[] upload = File.ReadAllBytes(Path.Combine(images, photos[i].Image + ".jpg"));
            using SKBitmap original = Clean(decoder, upload);
            float[][] originalVectors = EmbedAll(embedder, original);
            for (int r = 0; r < recipes; r++)
            {
                originals[r][i] = originalVectors[r];
            }

            if (i < edited)
            {
                for (int e = 0; e < edits; e++)
                {
                    using SKBitmap copy = Clean(decoder, PhotoEdit.Standard[e].Apply(original));
                    float[][] copyVectors = EmbedAll(embedder, copy);
                    for (int r = 0; r < recipes; r++)
                    {
                        positiveScores[r][e][i] = EmbeddingVectors.Cosine(originalVectors[r], copyVectors[r]);
                    }
                }
            }

            if ((i + 1) % 50 == 0 || i + 1 == photos.Length)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {i + 1}/{photos.Length} photos embedded ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        PartScores[] scores = new PartScores[recipes];
        for (int r = 0; r < recipes; r++)
        {
            List<NegativePair> negatives = new(photos.Length * (photos.Length - 1) / 2);
            for (int a = 0; a < photos.Length; a++)
            {
                for (int b = a + 1; b < photos.Length; b++)
                {
                    negatives.Add(new NegativePair(
                        a,
                        b,
                        PartScores.KindOf(photos[a], photos[b]),
                        EmbeddingVectors.Cosine(originals[r][a], originals[r][b])));
                }
            }

            scores[r] = new PartScores(photos, positiveScores[r], negatives);
        }

        return scores;
    }

    // One pair of backbone runs (photo and mirror image) pooled under every candidate recipe.
    private static float[][] EmbedAll(PhotoEmbedder embedder, SKBitmap photo)
    {
        (BackboneFeatures view, BackboneFeatures? mirrored) = embedder.RunViews(photo, 224, mirror: true);

        return [.. Candidates.Select(recipe => PhotoEmbedder.Pool(view, mirrored, recipe))];
    }

    // What the app stores for an upload: decoded, upright, scaled, re-encoded; then decoded again, as the
    // embedding is computed from the stored JPEG.
    private static SKBitmap Clean(PhotoDecoder decoder, byte[] upload)
    {
        if (!decoder.TryDecode(upload, out DecodedPhoto? decoded, out PhotoRejected? rejection))
        {
            throw new InvalidDataException($"A dataset photo was rejected: {rejection.Message}");
        }

        using (decoded)
        {
            CleanPhoto clean = PhotoEncoder.Encode(decoded);

            return SKBitmap.Decode(clean.Jpeg)
                ?? throw new InvalidDataException("A cleaned photo could not be decoded again.");
        }
    }

    private static ulong Hash(int seed, string image)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/duplicates/{image}"));

        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }
}

/// <summary>The command's options.</summary>
public sealed record TuneSettings(
    string Shared,
    string Output,
    int SplitSeed,
    int Positives,
    int Negatives,
    int TestPositives,
    int TestNegatives,
    double Recall)
{
    /// <summary>Reads the options, with their defaults.</summary>
    /// <exception cref="ArgumentException">A count is below 2, or the recall is not in (0, 1].</exception>
    internal static TuneSettings From(ToolArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] known = ["shared", "out", "split-seed", "positives", "negatives", "test-positives",
            "test-negatives", "recall"];
        string? unknown = options.Names.FirstOrDefault(n => !known.Contains(n, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        TuneSettings settings = new(
            options.Text("shared", Path.Combine("..", "shared")),
            options.Text("out", Path.Combine("docs", "duplicates", "report.md")),
            options.Integer("split-seed", DuplicatesTuneCommand.DefaultSplitSeed),
            options.Integer("positives", 300),
            options.Integer("negatives", 1000),
            options.Integer("test-positives", 300),
            options.Integer("test-negatives", 700),
            double.Parse(options.Text("recall", "0.99"), CultureInfo.InvariantCulture));
        if (Math.Min(Math.Min(settings.Positives, settings.Negatives),
            Math.Min(settings.TestPositives, settings.TestNegatives)) < 2)
        {
            throw new ArgumentException("Every photo count must be at least 2.");
        }

        if (settings.Recall is <= 0 or > 1)
        {
            throw new ArgumentException($"The recall is {settings.Recall}; it must be above 0 and at most 1.");
        }

        return settings;
    }
}

/// <summary>What the rule chose on the tuning part.</summary>
/// <param name="Best">Index of the chosen recipe in <see cref="DuplicatesTuneCommand.Candidates"/>.</param>
/// <param name="Thresholds">Each recipe's highest threshold with the recall kept.</param>
/// <param name="FalsePositiveRates">Each recipe's share of tuning negatives at or above its threshold.</param>
/// <param name="Setting">The chosen threshold rounded down to 0.01: the default of the app's setting.</param>
public sealed record TuneResult(int Best, float[] Thresholds, double[] FalsePositiveRates, double Setting);
