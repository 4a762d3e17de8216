using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>Writes the per-epoch losses as CSV and JSON and plots them.</summary>
public static class LossHistory
{
    /// <summary>The CSV header: per part (train, validation) the total, both task losses and both weights.</summary>
    public const string CsvHeader =
        "epoch,train_total,train_category,train_attribute,validation_total,validation_category,"
        + "validation_attribute,category_weight,attribute_weight,validation_top1,seconds";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>One line per epoch; the weights are those the epoch ended with.</summary>
    public static void WriteCsv(string path, IReadOnlyList<EpochLosses> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        StringBuilder text = new();
        text.Append(CsvHeader).Append('\n');
        foreach (EpochLosses e in history)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{e.Epoch},{e.Train.Total:R},{e.Train.Category:R},{e.Train.Attribute:R},{e.Validation.Total:R},"
                + $"{e.Validation.Category:R},{e.Validation.Attribute:R},{e.Validation.CategoryWeight:R},"
                + $"{e.Validation.AttributeWeight:R},{e.ValidationTop1:R},{e.Seconds:F3}\n"));
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The history as a JSON array of <see cref="EpochLosses"/>.</summary>
    public static void WriteJson(string path, IReadOnlyList<EpochLosses> history) =>
        File.WriteAllText(path, JsonSerializer.Serialize(history, s_json) + "\n");

    /// <summary>
    /// One PNG: the losses on the left axis (total and per task; train solid, validation dashed) and
    /// the two task weights <c>exp(-s_t)</c> on the right axis, dotted.
    /// </summary>
    public static void SavePlot(string path, IReadOnlyList<EpochLosses> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        double[] epochs = [.. history.Select(e => (double)e.Epoch)];
        ScottPlot.Plot plot = new();

        Line(plot, epochs, history.Select(e => e.Train.Total), "train total", ScottPlot.Colors.Black, false);
        Line(plot, epochs, history.Select(e => e.Validation.Total), "validation total", ScottPlot.Colors.Black, true);
        Line(plot, epochs, history.Select(e => e.Train.Category), "train category CE", ScottPlot.Colors.Blue, false);
        Line(plot, epochs, history.Select(e => e.Validation.Category), "validation category CE",
            ScottPlot.Colors.Blue, dashed: true);
        Line(plot, epochs, history.Select(e => e.Train.Attribute), "train attribute BCE",
            ScottPlot.Colors.OrangeRed, dashed: false);
        Line(plot, epochs, history.Select(e => e.Validation.Attribute), "validation attribute BCE",
            ScottPlot.Colors.OrangeRed, dashed: true);

        foreach ((Func<EpochLosses, double> weight, string label, ScottPlot.Color colour) in new[]
        {
            ((Func<EpochLosses, double>)(e => e.Validation.CategoryWeight), "category weight exp(-s)",
                ScottPlot.Colors.Blue),
            (e => e.Validation.AttributeWeight, "attribute weight exp(-s)", ScottPlot.Colors.OrangeRed),
        })
        {
            ScottPlot.Plottables.Scatter line = Line(plot, epochs, history.Select(weight), label, colour, false);
            line.LinePattern = ScottPlot.LinePattern.Dotted;
            line.Axes.YAxis = plot.Axes.Right;
        }

        plot.Title("Head training: loss per epoch; task weights on the right axis");
        plot.XLabel("Epoch");
        plot.YLabel("Loss");
        plot.Axes.Right.Label.Text = "Task weight exp(-s_t)";
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        plot.SavePng(path, 1000, 750);
    }

    private static ScottPlot.Plottables.Scatter Line(
        ScottPlot.Plot plot,
        double[] epochs,
        IEnumerable<double> values,
        string label,
        ScottPlot.Color colour,
        bool dashed)
    {
        ScottPlot.Plottables.Scatter line = plot.Add.Scatter(epochs, values.ToArray(), colour);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 5;
        if (dashed)
        {
            line.LinePattern = ScottPlot.LinePattern.Dashed;
        }

        return line;
    }
}
