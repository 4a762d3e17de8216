namespace FashionListing.Inference.Instances;

/// <summary>A dense float tensor copied out of ONNX Runtime.</summary>
/// <param name="Values">The elements in row-major order.</param>
/// <param name="Shape">The dimensions, outermost first, e.g. [1, 100, 96, 96].</param>
public sealed record FloatTensor(float[] Values, int[] Shape)
{
    /// <summary>The shape as it appears in messages, e.g. "[1, 100, 96, 96]".</summary>
    public string ShapeText => Shape is null ? "[]" : "[" + string.Join(", ", Shape) + "]";

    // Checks that a tensor has the rank, a batch of one, positive dimensions and as many values as its shape
    // says; the decoders check how the dimensions of several tensors agree.
    internal static void CheckBatchOfOne(FloatTensor tensor, string name, int rank, string expected)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.Values is null || tensor.Shape is null)
        {
            throw new ArgumentException($"{name} has no values or no shape.", name);
        }

        if (tensor.Shape.Length != rank || tensor.Shape[0] != 1 || tensor.Shape.Any(d => d <= 0))
        {
            throw new ArgumentException(
                $"{name} has shape {tensor.ShapeText} but {expected} was expected.", name);
        }

        long count = 1;
        foreach (int dimension in tensor.Shape)
        {
            count *= dimension;
        }

        if (count != tensor.Values.Length)
        {
            throw new ArgumentException(
                $"{name} has shape {tensor.ShapeText}, which needs {count} values, but holds {tensor.Values.Length}.",
                name);
        }
    }
}
