using System.Text;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>Long Markdown lines written in pieces.</summary>
internal static class MarkdownLines
{
    /// <summary>Appends the pieces as one line.</summary>
    public static StringBuilder AppendLine(this StringBuilder md, string first, params string[] rest) =>
        md.AppendLine(first + string.Concat(rest));
}
