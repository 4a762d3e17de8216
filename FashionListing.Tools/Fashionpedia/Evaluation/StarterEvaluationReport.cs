using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>The IoU of the pipeline's mask for one reference photo.</summary>
/// <param name="Image">The photo's name.</param>
/// <param name="Label">Its garment label.</param>
/// <param name="IoU">IoU of the pipeline's mask and the reference.</param>
/// <param name="Turned">
/// The reference is the photo's stored pixels turned a quarter: the pipeline turns photos upright by their
/// EXIF orientation and the reference was made without it, so such a photo's IoU says little.
/// </param>
public sealed record ReferenceMaskScore(string Image, string Label, double IoU, bool Turned);

/// <summary>Mask IoU of the pipeline against the reference masks.</summary>
/// <param name="Photos">Reference photos scored.</param>
/// <param name="NoGarment">Of those, photos where the pipeline found no garment (scored with an empty mask).</param>
/// <param name="Mean">Mean IoU.</param>
/// <param name="Median">Median IoU.</param>
/// <param name="Min">Lowest IoU.</param>
/// <param name="Turned">Photos whose reference is turned against the upright photo (EXIF orientation).</param>
/// <param name="Worst">The five lowest.</param>
public sealed record ReferenceMaskSummary(
    int Photos,
    int NoGarment,
    int Turned,
    double Mean,
    double Median,
    double Min,
    IReadOnlyList<ReferenceMaskScore> Worst);

/// <summary>What <c>starter-eval</c> measured, written as Markdown, JSON and the confusion matrix PNG.</summary>
/// <param name="Command">The command line that made the report.</param>
/// <param name="Model">The configured model's name.</param>
/// <param name="Date">When it was made (UTC).</param>
/// <param name="SplitSeed">Seed of the sender split (the category head's training split).</param>
/// <param name="Splits">Senders and photos of each part.</param>
/// <param name="Labels">The category head's labels.</param>
/// <param name="TestPhotos">Test senders' photos analysed.</param>
/// <param name="NoGarment">Of those, photos with no garment found; not in <paramref name="Test"/>.</param>
/// <param name="Rejected">Of those, photos the pipeline rejected; they are not in <paramref name="Test"/>.</param>
/// <param name="Test">Top-k, per-label scores and confusion over the photos with a garment.</param>
/// <param name="Masks">IoU against the reference masks.</param>
/// <param name="Timings">Seconds per phase.</param>
public sealed record StarterEvaluationReport(
    string Command,
    string Model,
    DateTimeOffset Date,
    int SplitSeed,
    IReadOnlyDictionary<DataSplit, SplitSummary> Splits,
    IReadOnlyList<string> Labels,
    int TestPhotos,
    int NoGarment,
    int Rejected,
    CategoryMetrics Test,
    ReferenceMaskSummary Masks,
    IReadOnlyList<PhaseTiming> Timings)
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFile = "starter-eval.md";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFile = "starter-eval.json";

    /// <summary>The confusion matrix image's file name.</summary>
    public const string ConfusionFile = "starter-confusion-matrix.png";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Top-1 over every test photo analysed, a photo without a garment counting as wrong.</summary>
    public double Top1AllPhotos => TestPhotos == 0 ? 0 : Test.Top1 * Test.Count / TestPhotos;

    /// <summary>Top-3 over every test photo analysed, a photo without a garment counting as wrong.</summary>
    public double Top3AllPhotos => TestPhotos == 0 ? 0 : Test.Top3 * Test.Count / TestPhotos;

    /// <summary>Writes the three files into a folder.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), ToMarkdown());
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(this, s_json) + "\n");
        ConfusionPlot.Save(Path.Combine(folder, ConfusionFile), Labels, Test.Confusion);
    }

    /// <summary>The report as Markdown.</summary>
    public string ToMarkdown()
    {
        StringBuilder md = new();
        md.AppendLine("# Starter model: evaluation through the app's pipeline").AppendLine();
        md.AppendLine("Made by:").AppendLine().AppendLine("```").AppendLine(Command).AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- Model: `{Model}`; date: {Date:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine(
            "- Every photo went through `IListingSuggester.SuggestAsync`, as an upload does: decode, clean, mask, "
            + "category, attributes, colours. The numbers are what sellers get.");
        md.AppendLine(Invariant(
            $"- Sender split seed {SplitSeed} (the category head's own split, so the test senders were never ",
            $"trained on); photos labelled Not sure, Other or Skip are left out."));
        md.AppendLine();

        md.AppendLine("| Part | Senders | Photos |").AppendLine("|---|---:|---:|");
        foreach ((DataSplit part, SplitSummary summary) in Splits.OrderBy(s => s.Key))
        {
            md.AppendLine(Invariant($"| {part} | {summary.Senders} | {summary.Photos} |"));
        }

        md.AppendLine();
        md.AppendLine("## Category, test senders").AppendLine();
        md.AppendLine(Invariant(
            $"**Top-1 {Test.Top1:P1}, top-3 {Test.Top3:P1}** on the {Test.Count} test photos with a garment. ",
            $"{NoGarment} photos had no garment and {Rejected} were rejected; counting those as wrong, top-1 is ",
            $"{Top1AllPhotos:P1} and top-3 {Top3AllPhotos:P1} of {TestPhotos}."));
        md.AppendLine();
        md.AppendLine(
            "The pipeline returns the three most probable labels; top-1, top-3 and the confusion matrix need no "
            + "more. Precision of a label: share of the photos predicted as it that are it; recall: share of its "
            + "photos predicted as it.");
        md.AppendLine();
        CategoryMarkdown.AppendClassTable(md, Test);

        md.AppendLine();
        md.AppendLine("### Confusion matrix").AppendLine();
        md.AppendLine($"Rows: true label; columns: predicted label. Image: [{ConfusionFile}]({ConfusionFile}).");
        md.AppendLine();
        CategoryMarkdown.AppendConfusionTable(md, Labels, Test.Confusion);

        md.AppendLine();
        md.AppendLine("## Mask, reference photos").AppendLine();
        md.AppendLine(Invariant(
            $"**Mean IoU {Masks.Mean:F4}** (median {Masks.Median:F4}, lowest {Masks.Min:F4}) on the {Masks.Photos} ",
            $"photos of clothing-dataset/masks; {Masks.NoGarment} without a garment, scored with an empty mask; ",
            $"{Masks.Worst.Count(w => w.Turned)} of the lowest five and {Masks.Turned} in all with a reference ",
            $"turned against the upright photo."));
        md.AppendLine();
        md.AppendLine(
            "The reference masks come from a salient-object model and are used only to measure. The pipeline's mask "
            + "is the first garment's, at the cleaned photo's size; the reference is resized to it (nearest "
            + "neighbour). Some of these photos belong to senders the mask head was trained on.");
        md.AppendLine();
        md.AppendLine("Lowest five:").AppendLine();
        foreach (ReferenceMaskScore s in Masks.Worst)
        {
            md.AppendLine(Invariant($"- {s.Image} ({s.Label}): IoU {s.IoU:F3}"));
        }

        md.AppendLine();
        md.AppendLine("## Time per phase").AppendLine();
        md.AppendLine("| Phase | Seconds |").AppendLine("|---|---:|");
        foreach (PhaseTiming t in Timings)
        {
            md.AppendLine(Invariant($"| {t.Phase} | {t.Seconds:F1} |"));
        }

        return md.ToString();
    }

    private static string Invariant(params FormattableString[] parts) =>
        string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
