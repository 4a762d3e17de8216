using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

/// <summary>Small masks drawn as text: rows separated by '/', '1' = instance pixel, '.' = background.</summary>
internal static class EvaluationMasks
{
    public static byte[] Pixels(string drawing)
    {
        string pixels = drawing.Replace("/", string.Empty, StringComparison.Ordinal);

        return [.. pixels.Select(c => c == '1' ? (byte)1 : (byte)0)];
    }

    public static InstanceMask Mask(string drawing)
    {
        string[] rows = drawing.Split('/');

        return InstanceMask.FromRowMajor(Pixels(drawing), rows[0].Length, rows.Length);
    }

    public static MaskedInstance Instance(int category, string drawing, double score = 1, params int[] attributes)
    {
        return new MaskedInstance(new InstanceLabel(category, attributes, score), Mask(drawing));
    }
}
