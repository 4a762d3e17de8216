using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>Photos in each part of the split.</summary>
public sealed record SplitSizes(int Train, int Validation, int Test);

/// <summary>What <c>fashionpedia-eval</c> measured, written as Markdown, JSON and a PNG.</summary>
/// <param name="Command">The command line that made the report.</param>
/// <param name="Model">The configured model's name and layout.</param>
/// <param name="Date">When it was made (UTC).</param>
/// <param name="Csv">The train.csv read.</param>
/// <param name="SplitSeed">Seed of the photo split.</param>
/// <param name="Part">The part evaluated: test, validation, train or all.</param>
/// <param name="Split">Photos per part.</param>
/// <param name="Photos">Photos evaluated.</param>
/// <param name="Rejected">Of those, photos the pipeline rejected (no predictions).</param>
/// <param name="Resized">Of those, photos whose predicted masks were resized to the annotated size.</param>
/// <param name="Matching">Optimal matching measures.</param>
/// <param name="AveragePrecision">The Fashionpedia benchmark.</param>
/// <param name="GarmentMaskAp">Mean mask AP over the categories with ground truth that are not garment parts.</param>
/// <param name="GarmentMaskAttributeAp">The same for AP^(IoU+F1).</param>
/// <param name="CategoryNames">Fashionpedia category names by id.</param>
/// <param name="PartCategories">Ids of the categories that are garment parts (sleeve, pocket, ...).</param>
/// <param name="Seconds">Wall-clock time of the pipeline runs.</param>
public sealed record FashionpediaEvaluationReport(
    string Command,
    string Model,
    DateTimeOffset Date,
    string Csv,
    int SplitSeed,
    string Part,
    SplitSizes Split,
    int Photos,
    int Rejected,
    int Resized,
    MatchingSummary Matching,
    AveragePrecisionSummary AveragePrecision,
    double? GarmentMaskAp,
    double? GarmentMaskAttributeAp,
    IReadOnlyDictionary<int, string> CategoryNames,
    IReadOnlyList<int> PartCategories,
    double Seconds)
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFile = "fashionpedia-eval.md";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFile = "fashionpedia-eval.json";

    /// <summary>The per-category AP chart's file name.</summary>
    public const string PlotFile = "fashionpedia-ap.png";

    /// <summary>Below this many photos the report says that it proves the path, not the quality.</summary>
    public const int FewPhotos = 100;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Writes the three files into a folder.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), ToMarkdown());
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(this, s_json) + "\n");
        AveragePrecisionPlot.Save(
            Path.Combine(folder, PlotFile),
            AveragePrecision.Categories,
            Name,
            Invariant($"Per-category AP ({Part} part, {Photos} photos)"));
    }

    /// <summary>The report as Markdown.</summary>
    public string ToMarkdown()
    {
        StringBuilder md = new();
        AveragePrecisionSummary ap = AveragePrecision;
        MatchingSummary m = Matching;
        md.AppendLine("# Fashionpedia evaluation").AppendLine();
        md.AppendLine("Made by:").AppendLine().AppendLine("```").AppendLine(Command).AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- Model: `{Model}`; date: {Date:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine(Invariant($"- Data: `{Csv}`; photo split seed {SplitSeed}: train {Split.Train}, "),
            Invariant($"validation {Split.Validation}, test {Split.Test} photos; "),
            Invariant($"evaluated: **{Part}**, {Photos} photos "),
            Invariant($"({Rejected} rejected by the pipeline, {Resized} with masks resized to the annotated size)"));
        md.AppendLine(
            "- Every photo went through the app's `IListingSuggester`, as an upload does; each garment it offers is "
            + "one prediction: its mask, `Categories[0]` as category and score, its attribute ids.");
        if (Photos < FewPhotos)
        {
            md.AppendLine(Invariant(
                $"- **Only {Photos} photos**: this run proves that the path works end to end, not how good the "),
                "model is; the numbers below say nothing about its quality.");
        }

        md.AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| Measure | Value |").AppendLine("|---|---:|");
        md.AppendLine(Row("Mask AP (IoU 0.50:0.05:0.95)", ap.MaskAp));
        md.AppendLine(Row("Mask AP at IoU 0.50", ap.MaskAp50));
        md.AppendLine(Row("Mask AP at IoU 0.75", ap.MaskAp75));
        md.AppendLine(Row("AP^(IoU+F1) (IoU and F1 0.50:0.05:0.95)", ap.MaskAttributeAp));
        md.AppendLine(Row("Mask AP, garment categories only (parts left out)", GarmentMaskAp));
        md.AppendLine(Row("AP^(IoU+F1), garment categories only", GarmentMaskAttributeAp));
        md.AppendLine(Row("Mean IoU after matching (unmatched truths count 0)", m.MeanIoU));
        md.AppendLine(Row("Mean IoU of matched pairs", m.MeanMatchedIoU));
        md.AppendLine(Row("Category accuracy of matched pairs (micro Dice)", m.CategoryAccuracy));
        md.AppendLine(Row("Category Dice of matched pairs, macro", m.MacroCategoryDice));
        md.AppendLine(Row("Attribute-set Dice of matched pairs", m.AttributeDice));
        md.AppendLine(
            "| Truths / predictions / matched pairs | ",
            Invariant($"{m.Truths} / {m.Predictions} / {m.Matched} |"));
        md.AppendLine();

        md.AppendLine("## Average precision per category").AppendLine();
        md.AppendLine($"Chart: [{PlotFile}]({PlotFile}). Categories without ground truth have no AP and are left out "
            + "of every mean" + (ap.ExcludedCategories.Count == 0
                ? "; none was predicted here."
                : "; predicted here without truth: " + string.Join(", ", ap.ExcludedCategories.Select(Name)) + "."));
        md.AppendLine();
        md.AppendLine("| Id | Category | Part | Truths | Predictions | AP | AP50 | AP75 | AP^(IoU+F1) |");
        md.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (CategoryAveragePrecision c in ap.Categories)
        {
            string part = PartCategories.Contains(c.CategoryId) ? "yes" : string.Empty;
            md.AppendLine(
                Invariant($"| {c.CategoryId} | {Name(c.CategoryId)} | {part} | {c.Truths} | {c.Predictions} | "),
                Invariant($"{c.MaskAp:F3} | {c.MaskAp50:F3} | {c.MaskAp75:F3} | {c.MaskAttributeAp:F3} |"));
        }

        md.AppendLine();
        md.AppendLine("## Category Dice of matched pairs").AppendLine();
        md.AppendLine("| Id | Category | TP | FP | FN | Dice |").AppendLine("|---:|---|---:|---:|---:|---:|");
        foreach (CategoryDice c in m.Categories)
        {
            md.AppendLine(Invariant($"| {c.CategoryId} | {Name(c.CategoryId)} | {c.TruePositives} | "),
                Invariant($"{c.FalsePositives} | {c.FalseNegatives} | {c.Dice:F3} |"));
        }

        md.AppendLine();
        md.AppendLine("## How the measures are defined").AppendLine();
        md.AppendLine(
            "- **Matching**: per photo, truths and predictions are paired one to one by the Hungarian algorithm "
            + Invariant($"on the cost (1 - mask IoU) + λ·[categories differ], λ = {m.CategoryWeight}. "),
            "A pair with IoU 0 counts as no match.");
        md.AppendLine(
            "- **Mean IoU**: over all ground-truth instances of the part, the IoU with the matched prediction; a "
            + "truth left unmatched counts 0. Unmatched predictions do not enter it (see the counts).");
        md.AppendLine(
            "- **Category Dice** of category c over the matched pairs: 2·TP / (2·TP + FP + FN), TP pairs with "
            + "truth and prediction c, FP pairs predicted c with another truth, FN pairs with truth c predicted "
            + "otherwise. Macro: the mean over the categories that occur among the pairs; micro equals accuracy.");
        md.AppendLine(
            "- **Attribute Dice** of a pair: 2|A∩B| / (|A| + |B|) of the attribute id sets; both empty counts 1.");
        md.AppendLine(
            "- **Mask AP** (COCO style, per category): detections ranked by score, at most 100 per photo and "
            + "category, each matched greedily to the unmatched truth of its category with the highest IoU at "
            + "or above the threshold; precision made non-increasing and read at the 101 recall points "
            + "0:0.01:1; averaged over IoU 0.50:0.05:0.95. No crowd regions, no area ranges.");
        md.AppendLine(
            "- **AP^(IoU+F1)** (Fashionpedia): as mask AP, but a detection is a true positive only if its IoU "
            + ">= t_IoU and the F1 of its attribute set against the truth's >= t_F1 (both empty: F1 1); averaged "
            + "over t_IoU and t_F1 in 0.50:0.05:0.95.");
        md.AppendLine(
            "- The app offers garments: garment parts (sleeve, pocket, neckline, ...) are attached to the garment "
            + "they lie on and never offered alone, so their AP is 0 by design; the garment-only means leave "
            + "them out.");
        md.AppendLine(Invariant($"- Pipeline time: {Seconds:F1} s for {Photos} photos."));

        return md.ToString();
    }

    private string Name(int id) => CategoryNames.TryGetValue(id, out string? name) ? name : $"category {id}";

    private static string Row(string measure, double? value) =>
        $"| {measure} | {(value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "n/a")} |";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
