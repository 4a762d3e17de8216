using System.Globalization;
using System.Text;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>The Markdown report of a head-training run.</summary>
public static class HeadTrainingReport
{
    /// <summary>Writes the report.</summary>
    public static void Write(string path, FashionpediaTrainOptions options, HeadTrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        MultiTaskSettings settings = options.Settings;
        MultiTaskResult result = run.Training;
        EpochLosses best = result.History[result.BestEpoch];
        EpochLosses first = result.History[0];
        CultureInfo inv = CultureInfo.InvariantCulture;
        StringBuilder md = new();

        md.Append("# Fashionpedia heads: category and attributes on frozen backbone features\n\n");
        md.Append(inv, $"**Best epoch {result.BestEpoch} of {settings.Epochs}: validation total loss ")
            .Append(inv, $"{best.Validation.Total:F4}** (category CE {best.Validation.Category:F4}, attribute BCE ")
            .Append(inv, $"{best.Validation.Attribute:F4}, category top-1 {best.ValidationTop1:P1}); before training ")
            .Append(inv, $"{first.Validation.Total:F4} (CE {first.Validation.Category:F4}, BCE ")
            .Append(inv, $"{first.Validation.Attribute:F4}, top-1 {first.ValidationTop1:P1}).\n\n");
        md.Append("Made by:\n\n```\n").Append(options.CommandLine).Append("\n```\n\n");

        md.Append("## Data\n\n");
        foreach (string line in run.Data.Description)
        {
            md.Append("- ").Append(line).Append('\n');
        }

        HeadExample[] withAttributes = [.. run.Data.Train.Where(e => e.AttributeObserved.Contains(true))];
        md.Append(inv, $"- {withAttributes.Length} of {run.Data.Train.Count} training instances have observed ")
            .Append(inv, $"attributes ({withAttributes.Sum(e => e.AttributeObserved.Count(o => o))} pairs, ")
            .Append(inv, $"{withAttributes.Sum(e => e.AttributeTargets.Count(t => t))} positive); ")
            .Append(inv, $"{Enumerable.Range(0, run.Data.Train[0].AttributeObserved.Length)
                .Count(a => run.Data.Train.Any(e => e.AttributeObserved[a]))} attributes are observed at all.\n");
        md.Append(inv, $"- Features: {options.Features} ({run.Data.Recipe.FeatureLength} values) of the pretrained ")
            .Append(inv, $"ResNet18 (frozen) on a {run.Data.Recipe.InputSize}x{run.Data.Recipe.InputSize} crop ")
            .Append(inv, $"around the mask (margin {run.Data.Recipe.CropMargin:P0} per side, background kept), ")
            .Append("standardised with the training instances' mean and deviation.\n")
            .Append(inv, $"- Features loaded or computed in {run.FeatureSeconds:F1} s; {settings.Epochs} epochs ")
            .Append(inv, $"in {run.TrainingSeconds:F1} s.\n\n");

        md.Append("## Model and objective\n\n")
            .Append("- Category head: one linear layer, softmax over the categories; L_cat = mean cross-entropy ")
            .Append("over the instances.\n")
            .Append("- Attribute head: one linear layer, an independent sigmoid per attribute; L_attr = mean binary ")
            .Append("cross-entropy over the observed (instance, attribute) pairs.\n")
            .Append("- Combined: total = exp(-s_cat) L_cat + s_cat + exp(-s_attr) L_attr + s_attr, with ")
            .Append("s_t = log sigma_t^2 learnt from 0. No 1/2 factors: the Gaussian derivation's ")
            .Append("exp(-s) L + s/2 settles at exp(-s) = 1/(2L) instead of 1/L, the same ratio between the ")
            .Append("tasks, and Adam normalises the common factor away.\n")
            .Append(inv, $"- AdamW: learning rate {settings.LearningRate:G} for the heads, ")
            .Append(inv, $"{settings.LogVarianceLearningRate:G} for the log-variances; decoupled weight decay ")
            .Append(inv, $"{settings.WeightDecay:G} on the two weight matrices only (not on biases or ")
            .Append(inv, $"log-variances); batch {settings.BatchSize}, shuffle seed {settings.Seed}. Weights start ")
            .Append("at zero, biases at the training set's log-frequencies.\n")
            .Append("- Checkpoint after every epoch; the heads of the epoch with the lowest validation total ")
            .Append("are kept. The total includes the s_t terms, so it falls below zero once a task's loss is ")
            .Append("under 1 and its weight has risen; compare the per-task losses across runs, not the totals.\n\n");

        md.Append("## Loss per epoch\n\n![Loss per epoch](").Append(FashionpediaTrainCommand.PlotFileName)
            .Append(")\n\n")
            .Append("| Epoch | Train total | Train CE | Train BCE | Val. total | Val. CE | Val. BCE | ")
            .Append("w_cat | w_attr | Val. top-1 |\n")
            .Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (EpochLosses e in result.History)
        {
            md.Append(inv, $"| {e.Epoch}{(e.Epoch == result.BestEpoch ? " (best)" : string.Empty)} ")
                .Append(inv, $"| {e.Train.Total:F4} | {e.Train.Category:F4} | {e.Train.Attribute:F4} ")
                .Append(inv, $"| {e.Validation.Total:F4} | {e.Validation.Category:F4} | {e.Validation.Attribute:F4} ")
                .Append(inv, $"| {e.Validation.CategoryWeight:F4} | {e.Validation.AttributeWeight:F4} ")
                .Append(inv, $"| {e.ValidationTop1:P1} |\n");
        }

        md.Append("\nw_t = exp(-s_t) at the end of the epoch; epoch 0 is before the first step.\n\n");
        md.Append("## Files\n\n")
            .Append(inv, $"- `{FashionpediaTrainCommand.HeadsFileName}`: the best epoch's heads (format ")
            .Append(inv, $"`{HeadsFile.CurrentFormat}`: standardiser, both layers row-major, log-variances, crop ")
            .Append("recipe); ")
            .Append(inv, $"`{FashionpediaTrainCommand.CheckpointFileName}`: the latest epoch's, same format.\n")
            .Append(inv, $"- `{LabelIdMapper.FileName}`: the label id mapper the heads' outputs are numbered by.\n")
            .Append(inv, $"- `{FashionpediaTrainCommand.HistoryCsvFileName}`, ")
            .Append(inv, $"`{FashionpediaTrainCommand.HistoryJsonFileName}`, ")
            .Append(inv, $"`{FashionpediaTrainCommand.PlotFileName}`: the history above.\n");

        File.WriteAllText(path, md.ToString());
    }
}
