namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>Draws the per-category mask AP and AP^(IoU+F1) as a grouped bar chart.</summary>
public static class AveragePrecisionPlot
{
    /// <summary>Saves the PNG; categories in the order given.</summary>
    public static void Save(
        string path,
        IReadOnlyList<CategoryAveragePrecision> categories,
        Func<int, string> categoryName,
        string title)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(categoryName);
        double[] positions = [.. Enumerable.Range(0, categories.Count).Select(i => (double)i)];

        ScottPlot.Plot plot = new();
        ScottPlot.Plottables.BarPlot mask = plot.Add.Bars(
            [.. positions.Select(p => p - 0.2)], [.. categories.Select(c => c.MaskAp)]);
        mask.Color = ScottPlot.Colors.SteelBlue;
        mask.LegendText = "mask AP (IoU 0.50:0.95)";
        ScottPlot.Plottables.BarPlot attributes = plot.Add.Bars(
            [.. positions.Select(p => p + 0.2)], [.. categories.Select(c => c.MaskAttributeAp)]);
        attributes.Color = ScottPlot.Colors.DarkOrange;
        attributes.LegendText = "AP with attribute F1 (IoU and F1 0.50:0.95)";
        foreach (ScottPlot.Bar bar in mask.Bars.Concat(attributes.Bars))
        {
            bar.Size = 0.4;
        }

        string[] names = [.. categories.Select(c => $"{categoryName(c.CategoryId)} ({c.Truths})")];
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 160;
        plot.Axes.SetLimits(-0.7, Math.Max(1, categories.Count) - 0.3, 0, 1.05);
        plot.Axes.Left.Label.Text = "Average precision";
        plot.Axes.Bottom.Label.Text = "Category (ground-truth instances)";
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Title(title);
        plot.SavePng(path, Math.Max(700, 60 + (36 * categories.Count)), 650);
    }
}
