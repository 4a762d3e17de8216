namespace FashionListing.Tools.Classification;

/// <summary>Draws a confusion matrix as a heat map of row shares, with the counts written in.</summary>
public static class ConfusionPlot
{
    /// <summary>Saves the PNG.</summary>
    public static void Save(string path, IReadOnlyList<string> labels, int[][] confusion)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(confusion);
        int n = labels.Count;
        double[,] shares = new double[n, n];
        for (int t = 0; t < n; t++)
        {
            double total = Math.Max(1, confusion[t].Sum());
            for (int p = 0; p < n; p++)
            {
                shares[t, p] = confusion[t][p] / total;
            }
        }

        ScottPlot.Plot plot = new();
        ScottPlot.Plottables.Heatmap map = plot.Add.Heatmap(shares);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(map);
        for (int t = 0; t < n; t++)
        {
            for (int p = 0; p < n; p++)
            {
                if (confusion[t][p] > 0)
                {
                    ScottPlot.Plottables.Text text = plot.Add.Text(
                        confusion[t][p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                    text.LabelFontSize = 10;
                    text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                    text.LabelFontColor = shares[t, p] > 0.5 ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                }
            }
        }

        double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Margins(0, 0);
        plot.Axes.Left.SetTicks(positions, labels.Reverse().ToArray());
        plot.Axes.Bottom.Label.Text = "Predicted";
        plot.Axes.Left.Label.Text = "True";
        plot.Title("Category head, test senders (row shares; counts written in)");
        plot.SavePng(path, 1100, 1000);
    }
}
