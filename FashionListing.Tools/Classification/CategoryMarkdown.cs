using System.Globalization;
using System.Text;

namespace FashionListing.Tools.Classification;

/// <summary>The Markdown tables of a <see cref="CategoryMetrics"/>, shared by the reports that score them.</summary>
public static class CategoryMarkdown
{
    /// <summary>One row per label: photos, times predicted, precision and recall.</summary>
    public static StringBuilder AppendClassTable(StringBuilder md, CategoryMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(metrics);
        md.AppendLine("| Label | Photos | Predicted | Precision | Recall |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (ClassScore c in metrics.Classes)
        {
            md.AppendLine($"| {c.Label} | {c.Support} | {c.Predicted} | {c.Precision:P1} | {c.Recall:P1} |");
        }

        return md;
    }

    /// <summary>The confusion matrix, true labels as rows; empty cells as a dot, the diagonal in bold.</summary>
    public static StringBuilder AppendConfusionTable(StringBuilder md, IReadOnlyList<string> labels, int[][] confusion)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(confusion);
        md.Append("| True \\ predicted |");
        foreach (string label in labels)
        {
            md.Append(' ').Append(label).Append(" |");
        }

        md.AppendLine().Append("|---|").AppendLine(string.Concat(Enumerable.Repeat("---:|", labels.Count)));
        for (int t = 0; t < labels.Count; t++)
        {
            md.Append("| ").Append(labels[t]).Append(" |");
            for (int p = 0; p < labels.Count; p++)
            {
                int n = confusion[t][p];
                md.Append(' ').Append(n == 0 ? "·" : (t == p ? $"**{n}**" : n.ToString(CultureInfo.InvariantCulture)));
                md.Append(" |");
            }

            md.AppendLine();
        }

        return md;
    }
}
