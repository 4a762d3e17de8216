using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionListing.Inference.Classification;

namespace FashionListing.Tools.Classification;

/// <summary>Seconds one phase of the command took.</summary>
public sealed record PhaseTiming(string Phase, double Seconds);

/// <summary>Senders, photos and photos per label (in label order) of one split.</summary>
public sealed record SplitSummary(int Senders, int Photos, int[] PhotosPerLabel);

/// <summary>One configuration of the head search, scored on the validation senders.</summary>
public sealed record SearchRow(
    string Features,
    HeadSettings Settings,
    int BestEpoch,
    int EpochsRun,
    double ValidationLoss,
    double ValidationTop1,
    double ValidationTop3,
    double Seconds);

/// <summary>What the category-train command measured, written as Markdown, JSON and a PNG.</summary>
public sealed record CategoryReport(
    string Command,
    string Segmenter,
    int SplitSeed,
    int TrainSeed,
    CategoryHeadRecipe? Recipe,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<DataSplit, SplitSummary> Splits,
    IReadOnlyList<SearchRow> Search,
    int ChosenIndex,
    double ChosenValidationTop1OneView,
    CategoryMetrics? Test,
    double LargestOnnxDifference,
    IReadOnlyList<PhaseTiming> Timings)
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFile = "category-report.md";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFile = "category-report.json";

    /// <summary>The confusion matrix image's file name.</summary>
    public const string ConfusionFile = "confusion-matrix.png";

    /// <summary>Goal for top-1 accuracy on the test senders.</summary>
    public const double Top1Goal = 0.80;

    /// <summary>Goal for top-3 accuracy on the test senders.</summary>
    public const double Top3Goal = 0.95;

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The report of a features-only run, which trains nothing.</summary>
    public static CategoryReport Empty { get; } = new(
        string.Empty, string.Empty, 0, 0, null, [], new Dictionary<DataSplit, SplitSummary>(), [], -1, 0, null, 0, []);

    /// <summary>Writes the three files into a folder.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), ToMarkdown());
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(this, s_json) + "\n");
        if (Test is not null)
        {
            ConfusionPlot.Save(Path.Combine(folder, ConfusionFile), Labels, Test.Confusion);
        }
    }

    /// <summary>The report as Markdown.</summary>
    public string ToMarkdown()
    {
        ArgumentNullException.ThrowIfNull(Test);
        ArgumentNullException.ThrowIfNull(Recipe);
        StringBuilder md = new();
        SearchRow chosen = Search[ChosenIndex];
        bool met = Test.Top1 >= Top1Goal && Test.Top3 >= Top3Goal;

        md.AppendLine("# Category head of the starter model").AppendLine();
        md.AppendLine((
            $"**Test senders: top-1 {Test.Top1:P1}, top-3 {Test.Top3:P1}** on {Test.Count} photos "
            + $"(goals: top-1 {Top1Goal:P0}, top-3 {Top3Goal:P0}; {(met ? "both met" : "not met")})."));
        md.AppendLine();
        md.AppendLine("Made by:").AppendLine().AppendLine("```").AppendLine(Command).AppendLine("```").AppendLine();
        md.AppendLine(($"- Segmenter for the crops: `{Segmenter}`"));
        md.AppendLine(($"- Seeds: sender split {SplitSeed}, training {TrainSeed}"));
        md.AppendLine((
            $"- Crop: mask bounding box + {Recipe.CropMargin:P0} margin per side, squared, padded with the "
            + $"neutral colour; background {(Recipe.BlankBackground ? "blanked" : "kept")}; "
            + $"{Recipe.InputSize}x{Recipe.InputSize} into the pretrained ResNet18 (ImageNet weights, frozen)"));
        md.AppendLine((
            $"- Features: {Recipe.Features} ({Recipe.FeatureLength} values); mirror averaging at inference "
            + $"{(Recipe.MirrorAverage ? "on" : "off")} (validation top-1 with it {chosen.ValidationTop1:P1}, "
            + $"one view {ChosenValidationTop1OneView:P1})"));
        md.AppendLine((
            $"- Head: {chosen.Settings.Kind}, AdamW lr {chosen.Settings.LearningRate}, weight decay "
            + $"{chosen.Settings.WeightDecay}, batch {chosen.Settings.BatchSize}, early stopping on the "
            + $"validation loss (best epoch {chosen.BestEpoch} of {chosen.EpochsRun}, patience "
            + $"{chosen.Settings.Patience}); trained on the train senders' photos and their mirror images"));
        md.AppendLine((
            $"- Exported ONNX head vs. the C# head on the test photos: largest probability difference "
            + $"{LargestOnnxDifference:E1}"));
        md.AppendLine();

        md.AppendLine("## Split by sender").AppendLine();
        md.AppendLine(
            "Senders ordered by a seeded SHA-256 hash of their id, each put in the part furthest below its "
            + "target share of photos (70/15/15); senders with more than 5% of all photos always go to train.");
        md.AppendLine();
        md.AppendLine("| Label | Train | Validation | Test |").AppendLine("|---|---:|---:|---:|");
        for (int k = 0; k < Labels.Count; k++)
        {
            md.AppendLine(($"| {Labels[k]} | {Splits[DataSplit.Train].PhotosPerLabel[k]} | "
                + $"{Splits[DataSplit.Validation].PhotosPerLabel[k]} | {Splits[DataSplit.Test].PhotosPerLabel[k]} |"));
        }

        md.AppendLine(($"| **Photos** | {Splits[DataSplit.Train].Photos} | "
            + $"{Splits[DataSplit.Validation].Photos} | {Splits[DataSplit.Test].Photos} |"));
        md.AppendLine(($"| **Senders** | {Splits[DataSplit.Train].Senders} | "
            + $"{Splits[DataSplit.Validation].Senders} | {Splits[DataSplit.Test].Senders} |"));
        md.AppendLine();

        md.AppendLine("## Head search (validation senders only)").AppendLine();
        md.AppendLine(
            "| Features | Head | Weight decay | Best epoch | Val. loss | Val. top-1 | Val. top-3 | Seconds |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < Search.Count; i++)
        {
            SearchRow r = Search[i];
            string mark = i == ChosenIndex ? " **(chosen)**" : string.Empty;
            md.AppendLine((
                $"| {r.Features} | {r.Settings.Kind}{mark} | {r.Settings.WeightDecay} | {r.BestEpoch}/{r.EpochsRun} | "
                + $"{r.ValidationLoss:F3} | {r.ValidationTop1:P1} | {r.ValidationTop3:P1} | {r.Seconds:F1} |"));
        }

        md.AppendLine();
        md.AppendLine("## Test senders, per label").AppendLine();
        CategoryMarkdown.AppendClassTable(md, Test);

        md.AppendLine();
        md.AppendLine("## Confusion matrix, test senders").AppendLine();
        md.AppendLine($"Rows: true label; columns: predicted label. Image: [{ConfusionFile}]({ConfusionFile}).");
        md.AppendLine();
        CategoryMarkdown.AppendConfusionTable(md, Labels, Test.Confusion);

        md.AppendLine();
        md.AppendLine("## Time per phase").AppendLine();
        md.AppendLine("| Phase | Seconds |").AppendLine("|---|---:|");
        foreach (PhaseTiming t in Timings)
        {
            md.AppendLine(($"| {t.Phase} | {t.Seconds:F1} |"));
        }

        md.AppendLine();
        md.AppendLine(
            "Backbone features are cached under the cache folder, keyed by segmenter and crop settings; "
            + "with a warm cache the command takes well under the first run's time.");

        return md.ToString();
    }
}
