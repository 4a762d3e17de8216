using FashionListing.Inference.Instances;

namespace FashionListing.Tests.Instances;

/// <summary>Builds model output tensors for the decoder tests.</summary>
internal static class InstanceTensors
{
    /// <summary>A mask logit tensor [1, queries, height, width] with the value of each query's cell (x, y).</summary>
    public static FloatTensor Masks(int queries, int height, int width, Func<int, int, int, float> logit)
    {
        float[] values = new float[queries * height * width];
        for (int q = 0; q < queries; q++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    values[(((q * height) + y) * width) + x] = logit(q, x, y);
                }
            }
        }

        return new FloatTensor(values, [1, queries, height, width]);
    }

    /// <summary>A tensor [1, rows, columns] from its rows.</summary>
    public static FloatTensor Rows(params float[][] rows)
    {
        int columns = rows[0].Length;

        return new FloatTensor([.. rows.SelectMany(r => r)], [1, rows.Length, columns]);
    }

    /// <summary>4 where the cell lies in the rectangle [left, right) x [top, bottom) of cells, else -4.</summary>
    public static float Rectangle(int x, int y, int left, int top, int right, int bottom) =>
        x >= left && x < right && y >= top && y < bottom ? 4f : -4f;

    /// <summary>The logistic sigmoid, written out for the expected values.</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
