using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FashionListing.Inference.Similarity;
using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Duplicates;

/// <summary>Everything <see cref="DuplicatesReport"/> writes about.</summary>
public sealed record DuplicatesReportInput(
    TuneSettings Settings,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<PhotoEmbeddingRecipe> Recipes,
    IReadOnlyList<PartScores> Tune,
    IReadOnlyList<PartScores> Test,
    TuneResult Result,
    IReadOnlyList<LabelledPhoto> TunePart,
    IReadOnlyList<LabelledPhoto> TestPart,
    IReadOnlyList<float> CandidateThresholds,
    TimeSpan Elapsed);

/// <summary>Writes the Markdown report of the <c>duplicates-tune</c> command.</summary>
public static class DuplicatesReport
{
    private const int TopNegatives = 10;

    /// <summary>The whole report.</summary>
    public static string Write(DuplicatesReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        TuneResult result = input.Result;
        PhotoEmbeddingRecipe chosen = input.Recipes[result.Best];
        PartScores tune = input.Tune[result.Best];
        PartScores test = input.Test[result.Best];
        float setting = (float)result.Setting;
        StringBuilder text = new();

        text.AppendLine("# Near-duplicate photos: tuning report");
        text.AppendLine();
        WriteReadmeText(text, input, test, setting);
        WriteMethod(text, input);
        WriteRecipes(text, input);

        text.AppendLine("## The choice");
        text.AppendLine();
        Line(text, $"Rule: for each recipe, the highest threshold at which at least {Percent(input.Settings.Recall)} "
            + "of the tuning positives (every edit together) score at or above it; the recipe whose threshold lets "
            + "through the smallest share of tuning negatives wins (ties: the shorter vector).");
        text.AppendLine();
        Line(text, $"- Chosen recipe: `{chosen.Version}` ({chosen.Length} values, "
            + $"{(chosen.AverageMirror ? 2 : 1)} backbone run(s) per photo).");
        Line(text, $"- Its threshold: {result.Thresholds[result.Best]:F4}; rounded down to 0.01 for the setting: "
            + $"**{result.Setting:F2}** (`Moderation:DuplicateSimilarity`).");
        Line(text, $"- At {result.Setting:F2} on the tuning part: recall {Percent(Share(tune.AllPositives, setting))}, "
            + $"negatives at or above {Percent(Share(tune.AllNegatives, setting), 3)} "
            + $"({Count(tune.AllNegatives, setting)} of {tune.Negatives.Count} pairs).");
        string matches = chosen == PhotoEmbeddingRecipe.Default
            ? "This is the app's default recipe (`PhotoEmbeddingRecipe.Default`)."
            : $"**The app's default recipe is `{PhotoEmbeddingRecipe.Default.Version}`, not the chosen one: "
                + "change `PhotoEmbeddingRecipe.Default` and run the command again.**";
        Line(text, $"- {matches}");
        text.AppendLine();

        WriteDistributions(text, tune);
        WriteThresholdTable(text, tune, input.CandidateThresholds, setting);
        WriteTest(text, input, test, setting);
        WriteTopNegatives(text, test);

        return text.ToString();
    }

    private static void WriteReadmeText(StringBuilder text, DuplicatesReportInput input, PartScores test, float t)
    {
        PartScores tune = input.Tune[input.Result.Best];
        int weakest = Weakest(test, t);
        text.AppendLine("## Text for the README");
        text.AppendLine();
        Paragraph(text, "**Reused photos.** Moderators reviewing a draft see the other drafts whose photo is "
            + "near-identical to its photo: the same picture cropped, saved again as a JPEG, scaled down, turned by a "
            + "few degrees or mirrored, as happens when someone lists another seller's photo as their own. Every "
            + "stored photo gets a fingerprint (an embedding of the whole photo by the pretrained backbone, kept in "
            + "the `PhotoEmbeddings` table); photos stored before this feature, or whose fingerprint failed, get "
            + "theirs at the next start. Two photos count as near-identical when the cosine similarity of their "
            + "fingerprints is at least `Moderation:DuplicateSimilarity` "
            + $"(default {Fixed(input.Result.Setting)}, between 0.5 and 1; higher flags fewer pairs). Measured on "
            + "photos of senders never used for tuning, that default finds "
            + $"{Percent(Share(test.AllPositives, t))} of edited copies (the weakest edit, "
            + $"{PhotoEdit.Standard[weakest].Name}, {Percent(Share(test.PositivesByEdit[weakest], t))}) and flags "
            + $"{Percent(Share(test.AllNegatives, t), 3)} of pairs of different photos "
            + $"({Percent(Share(test.NegativesOf(NegativePairKind.SameSenderSameLabel), t), 2)} of pairs taken by "
            + "the same person of the same kind of garment, often the same garment photographed again); on the "
            + $"tuning senders the figures are {Percent(Share(tune.AllPositives, t))} and "
            + $"{Percent(Share(tune.AllNegatives, t), 3)}. A photo cut down to a small part of the original, or "
            + "turned much further, is not found. Timings are in [`docs/benchmarks.md`](docs/benchmarks.md), the "
            + "tuning in [`docs/duplicates/report.md`](docs/duplicates/report.md) (links from the README's folder).");
    }

    private static void WriteMethod(StringBuilder text, DuplicatesReportInput input)
    {
        text.AppendLine("## How it was measured");
        text.AppendLine();
        text.AppendLine("```bash");
        Line(text, ("dotnet run --project FashionListing.Tools -c Release -- duplicates-tune "
            + string.Join(' ', input.Arguments)).TrimEnd());
        text.AppendLine("```");
        text.AppendLine();
        Paragraph(text, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}, CPU; {input.Elapsed.TotalMinutes:F1} minutes.");
        Paragraph(text, "Data: `../shared/clothing-dataset`, split by `sender_id` "
            + $"(seed {input.Settings.SplitSeed}, the category head's split), so no sender is in both parts; the "
            + "photos of each part are a sample in the order of a seeded hash of their names.");
        text.AppendLine("| Part | Photos in the part | Senders | Photos embedded | Photos edited | Positive pairs "
            + "| Negative pairs | Same sender and label |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        PartRow(text, "Tuning (train + validation senders)", input.TunePart, input.Tune[0]);
        PartRow(text, "Test (test senders)", input.TestPart, input.Test[0]);
        text.AppendLine();
        Paragraph(text, "Positives: each edited photo against its original. The edits are applied to the cleaned "
            + "original, each saved as the JPEG that would be uploaded (quality 95 unless the edit is a "
            + "re-encoding), then cleaned again by the app's own decoder and encoder: "
            + string.Join(", ", PhotoEdit.Standard.Select(e => e.Name)) + ".");
        Paragraph(text, "Crops are off centre (30 % of the spare width from the left, 60 % of the spare height "
            + "from the top). Rotations turn about the centre and zoom just enough that no empty corner shows, as "
            + "phone editors straighten a photo. The mirror image is included: flipping is a one-click way to "
            + "dodge a naive comparison, so a thief would use it.");
        Paragraph(text, "Negatives: every pair of different embedded photos of the part. Hard ones are those of "
            + "the same sender and the same label (same room, light and kind of garment); the dataset holds some "
            + "photos of one garment taken twice, which count as negatives here (see the last section).");
    }

    private static void PartRow(StringBuilder text, string name, IReadOnlyList<LabelledPhoto> part, PartScores scores)
    {
        int senders = part.Select(p => p.SenderId).Distinct(StringComparer.Ordinal).Count();
        Line(text, $"| {name} | {part.Count} | {senders} | {scores.Photos.Count} | {scores.PositivesByEdit[0].Length} "
            + $"| {scores.AllPositives.Count} | {scores.Negatives.Count} "
            + $"| {scores.NegativesOf(NegativePairKind.SameSenderSameLabel).Count} |");
    }

    private static void WriteRecipes(StringBuilder text, DuplicatesReportInput input)
    {
        text.AppendLine("## Recipes compared (tuning part)");
        text.AppendLine();
        Paragraph(text, "Every recipe stretches the whole photo to 224x224 and L2-normalises each pooled block, "
            + "then the whole vector. `gap`: global average of the last stage (512 values); `stage3`: global "
            + "average of the third stage (256); `grid2`: averages of the four cells of a 2x2 split of the last "
            + "stage (4 x 512); `mirror`: the photo and its mirror image averaged (two backbone runs); `sqrt`: "
            + "square root of every pooled value.");
        Line(text, $"| Recipe | Values | Threshold for recall >= {input.Settings.Recall:0.###} | Negatives at or above "
            + "| Same sender and label at or above | Weakest edit: recall | Test: recall "
            + "| Test: negatives at or above |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|");
        for (int r = 0; r < input.Recipes.Count; r++)
        {
            float t = input.Result.Thresholds[r];
            PartScores tune = input.Tune[r];
            PartScores test = input.Test[r];
            int weakest = Weakest(tune, t);
            string version = input.Recipes[r].Version;
            string name = r == input.Result.Best ? $"**`{version}`**" : $"`{version}`";
            Line(text, $"| {name} | {input.Recipes[r].Length} | {t:F4} "
                + $"| {Percent(input.Result.FalsePositiveRates[r], 3)} "
                + $"| {Percent(Share(tune.NegativesOf(NegativePairKind.SameSenderSameLabel), t), 2)} "
                + $"| {PhotoEdit.Standard[weakest].Name}: {Percent(Share(tune.PositivesByEdit[weakest], t))} "
                + $"| {Percent(Share(test.AllPositives, t))} | {Percent(Share(test.AllNegatives, t), 3)} |");
        }

        text.AppendLine();
        Paragraph(text, "The test columns use each recipe's own tuning threshold; they are shown to check that "
            + "the choice holds on unseen senders, and played no part in it.");
    }

    private static void WriteDistributions(StringBuilder text, PartScores tune)
    {
        text.AppendLine("## Similarity distributions (chosen recipe, tuning part)");
        text.AppendLine();
        text.AppendLine("Positives, per edit (cosine similarity of the original and its edited copy):");
        text.AppendLine();
        text.AppendLine("| Edit | Pairs | Min | 1st percentile | 5th percentile | Median |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (int e = 0; e < PhotoEdit.Standard.Count; e++)
        {
            float[] sorted = [.. tune.PositivesByEdit[e].Order()];
            Line(text, $"| {PhotoEdit.Standard[e].Name} | {sorted.Length} | {sorted[0]:F3} "
                + $"| {Pct(sorted, 1):F3} | {Pct(sorted, 5):F3} | {Pct(sorted, 50):F3} |");
        }

        text.AppendLine();
        text.AppendLine("Negatives, per kind of pair (cosine similarity of two different photos):");
        text.AppendLine();
        text.AppendLine("| Pair | Pairs | Median | 99th percentile | 99.9th percentile | Max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        NegativeRow(text, "All different photos", tune.AllNegatives);
        foreach (NegativePairKind kind in Enum.GetValues<NegativePairKind>())
        {
            NegativeRow(text, KindName(kind), tune.NegativesOf(kind));
        }

        text.AppendLine();
    }

    private static void NegativeRow(StringBuilder text, string name, IReadOnlyList<float> scores)
    {
        if (scores.Count == 0)
        {
            Line(text, $"| {name} | 0 | | | | |");

            return;
        }

        float[] sorted = [.. scores.Order()];
        Line(text, $"| {name} | {sorted.Length} | {Pct(sorted, 50):F3} | {Pct(sorted, 99):F3} | {Pct(sorted, 99.9):F3} "
            + $"| {sorted[^1]:F3} |");
    }

    private static void WriteThresholdTable(
        StringBuilder text,
        PartScores tune,
        IReadOnlyList<float> candidates,
        float setting)
    {
        text.AppendLine("## Precision and recall at candidate thresholds (chosen recipe, tuning part)");
        text.AppendLine();
        Paragraph(text, "Recall: share of positives at or above the threshold. Negatives: share of pairs of "
            + "different photos at or above it (the false-positive rate). Precision: found positives over everything "
            + "at or above, for this sample's mix of pairs (many more negatives than positives; a real catalogue's "
            + "mix differs).");
        text.AppendLine("| Threshold | Recall | Weakest edit | Negatives at or above | Same sender and label at or"
            + " above | Precision |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|");
        foreach (float t in candidates.Append(setting).Distinct().Order())
        {
            int weakest = Weakest(tune, t);
            int found = Count(tune.AllPositives, t);
            int wrong = Count(tune.AllNegatives, t);
            string precision = found + wrong == 0 ? "-" : Percent((double)found / (found + wrong), 2);
            string mark = t == setting ? $"**{t:F2}** (setting)" : t.ToString("F2", CultureInfo.InvariantCulture);
            Line(text, $"| {mark} | {Percent(Share(tune.AllPositives, t))} "
                + $"| {PhotoEdit.Standard[weakest].Name}: {Percent(Share(tune.PositivesByEdit[weakest], t))} "
                + $"| {Percent(Share(tune.AllNegatives, t), 3)} "
                + $"| {Percent(Share(tune.NegativesOf(NegativePairKind.SameSenderSameLabel), t), 2)} | {precision} |");
        }

        text.AppendLine();
    }

    private static void WriteTest(StringBuilder text, DuplicatesReportInput input, PartScores test, float setting)
    {
        text.AppendLine("## Test part at the chosen setting");
        text.AppendLine();
        Line(text, $"Senders never used for tuning, chosen recipe, threshold {input.Result.Setting:F2}:");
        text.AppendLine();
        text.AppendLine("| Pairs | Count | At or above the threshold |");
        text.AppendLine("|---|---:|---:|");
        Line(text, $"| All positives (recall) | {test.AllPositives.Count} "
            + $"| {Percent(Share(test.AllPositives, setting))} |");
        for (int e = 0; e < PhotoEdit.Standard.Count; e++)
        {
            Line(text, $"| Positives: {PhotoEdit.Standard[e].Name} | {test.PositivesByEdit[e].Length} "
                + $"| {Percent(Share(test.PositivesByEdit[e], setting))} |");
        }

        Line(text, $"| All negatives (false-positive rate) | {test.Negatives.Count} "
            + $"| {Percent(Share(test.AllNegatives, setting), 3)} ({Count(test.AllNegatives, setting)} pairs) |");
        foreach (NegativePairKind kind in Enum.GetValues<NegativePairKind>())
        {
            IReadOnlyList<float> scores = test.NegativesOf(kind);
            Line(text, $"| Negatives: {KindName(kind)} | {scores.Count} "
                + $"| {Percent(Share(scores, setting), 3)} ({Count(scores, setting)} pairs) |");
        }

        int found = Count(test.AllPositives, setting);
        int wrong = Count(test.AllNegatives, setting);
        string precision = found + wrong == 0 ? "-" : Percent((double)found / (found + wrong), 2);
        text.AppendLine();
        Line(text, $"Precision for this mix of pairs: {precision}.");
        text.AppendLine();
    }

    private static void WriteTopNegatives(StringBuilder text, PartScores test)
    {
        text.AppendLine("## Most similar pairs of different photos (test part, chosen recipe)");
        text.AppendLine();
        Paragraph(text, "Listed so that a reader can open them in `../shared/clothing-dataset/images/` and judge "
            + "whether a flagged pair is a real near-copy inside the dataset or a miss of the finder.");
        text.AppendLine("| Similarity | First photo | Second photo | Pair | Labels |");
        text.AppendLine("|---:|---|---|---|---|");
        foreach (NegativePair pair in test.Negatives.OrderByDescending(n => n.Score).Take(TopNegatives))
        {
            LabelledPhoto a = test.Photos[pair.First];
            LabelledPhoto b = test.Photos[pair.Second];
            Line(text, $"| {pair.Score:F3} | `{a.Image}` | `{b.Image}` | {KindName(pair.Kind)} "
                + $"| {a.Label}, {b.Label} |");
        }

        text.AppendLine();
    }

    private static int Weakest(PartScores scores, float threshold) =>
        Enumerable.Range(0, scores.PositivesByEdit.Count)
            .OrderBy(e => Share(scores.PositivesByEdit[e], threshold))
            .ThenBy(e => e)
            .First();

    private static string KindName(NegativePairKind kind) => kind switch
    {
        NegativePairKind.SameSenderSameLabel => "Same sender, same label",
        NegativePairKind.SameSender => "Same sender, other label",
        NegativePairKind.SameLabel => "Other sender, same label",
        NegativePairKind.Unrelated => "Other sender, other label",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of pair."),
    };

    private static double Share(IReadOnlyCollection<float> scores, float threshold) =>
        SimilarityStatistics.ShareAtOrAbove(scores, threshold);

    private static int Count(IReadOnlyCollection<float> scores, float threshold) => scores.Count(s => s >= threshold);

    private static float Pct(float[] sorted, double percent) => SimilarityStatistics.Percentile(sorted, percent);

    private static string Percent(double share, int decimals = 1) =>
        (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        + " %";

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);

    // A Markdown paragraph wrapped at about 110 characters, then a blank line.
    private static void Paragraph(StringBuilder text, string content)
    {
        StringBuilder line = new();
        foreach (string word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > 110)
            {
                text.AppendLine(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        text.AppendLine(line.ToString());
        text.AppendLine();
    }

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
