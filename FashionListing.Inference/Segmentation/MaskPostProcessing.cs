namespace FashionListing.Inference.Segmentation;

/// <summary>
/// Clean-up steps for binary masks (row-major, 1 = garment, 0 = background) and the edge-aware
/// refinement of a soft mask against the photo.
/// </summary>
public static class MaskPostProcessing
{
    /// <summary>
    /// Keeps only the largest 4-connected region of garment pixels, in place. A photo of two
    /// separate garments therefore keeps the bigger one.
    /// </summary>
    /// <param name="mask">The mask, changed in place.</param>
    /// <param name="width">Its width.</param>
    /// <param name="height">Its height.</param>
    public static void KeepLargestComponent(byte[] mask, int width, int height)
    {
        CheckSize(mask, width, height);
        int[] labels = new int[mask.Length];
        int[] queue = new int[mask.Length];
        int bestLabel = 0;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || labels[start] != 0)
            {
                continue;
            }

            next++;
            int size = Flood(mask, labels, queue, width, height, start, next, 1);
            if (size > bestSize)
            {
                bestSize = size;
                bestLabel = next;
            }
        }

        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = mask[i] != 0 && labels[i] == bestLabel ? (byte)1 : (byte)0;
        }
    }

    /// <summary>
    /// Fills holes, in place: background pixels that no 4-connected path of background links to
    /// the image border become garment.
    /// </summary>
    /// <param name="mask">The mask, changed in place.</param>
    /// <param name="width">Its width.</param>
    /// <param name="height">Its height.</param>
    public static void FillHoles(byte[] mask, int width, int height)
    {
        CheckSize(mask, width, height);
        int[] labels = new int[mask.Length];
        int[] queue = new int[mask.Length];
        for (int x = 0; x < width; x++)
        {
            SeedBackground(mask, labels, queue, width, height, x);
            SeedBackground(mask, labels, queue, width, height, ((height - 1) * width) + x);
        }

        for (int y = 0; y < height; y++)
        {
            SeedBackground(mask, labels, queue, width, height, y * width);
            SeedBackground(mask, labels, queue, width, height, (y * width) + width - 1);
        }

        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 0 && labels[i] == 0)
            {
                mask[i] = 1;
            }
        }
    }

    /// <summary>
    /// Guided filter (He, Sun and Tang) of a soft mask with a grey guide image: inside each window the
    /// output is a linear function of the guide, so the mask's edges move onto the photo's edges.
    /// </summary>
    /// <param name="guide">Guide values in [0, 1], row-major.</param>
    /// <param name="input">The soft mask, same size.</param>
    /// <param name="width">Width of both.</param>
    /// <param name="height">Height of both.</param>
    /// <param name="radius">Window radius in pixels.</param>
    /// <param name="epsilon">Regularisation: larger values smooth more and follow edges less.</param>
    public static float[] GuidedFilter(
        float[] guide,
        float[] input,
        int width,
        int height,
        int radius,
        float epsilon)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(input);
        int n = width * height;
        if (guide.Length != n || input.Length != n)
        {
            throw new ArgumentException(
                $"The guide has {guide.Length} and the input {input.Length} values; {width}x{height} needs {n}.");
        }

        float[] product = new float[n];
        float[] square = new float[n];
        for (int i = 0; i < n; i++)
        {
            product[i] = guide[i] * input[i];
            square[i] = guide[i] * guide[i];
        }

        float[] meanGuide = BoxMean(guide, width, height, radius);
        float[] meanInput = BoxMean(input, width, height, radius);
        float[] meanProduct = BoxMean(product, width, height, radius);
        float[] meanSquare = BoxMean(square, width, height, radius);

        // The product and square buffers are reused for the coefficients a and b.
        float[] a = product;
        float[] b = square;
        for (int i = 0; i < n; i++)
        {
            float variance = meanSquare[i] - (meanGuide[i] * meanGuide[i]);
            float covariance = meanProduct[i] - (meanGuide[i] * meanInput[i]);
            a[i] = covariance / (variance + epsilon);
            b[i] = meanInput[i] - (a[i] * meanGuide[i]);
        }

        float[] meanA = BoxMean(a, width, height, radius);
        float[] meanB = BoxMean(b, width, height, radius);
        float[] output = meanA;
        for (int i = 0; i < n; i++)
        {
            output[i] = (meanA[i] * guide[i]) + meanB[i];
        }

        return output;
    }

    /// <summary>
    /// Mean over the (2r+1)x(2r+1) window around each pixel, the window clipped at the borders;
    /// O(1) per pixel with running sums.
    /// </summary>
    /// <param name="values">Row-major values.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    /// <param name="radius">Window radius.</param>
    public static float[] BoxMean(float[] values, int width, int height, int radius)
    {
        ArgumentNullException.ThrowIfNull(values);
        float[] rows = new float[values.Length];
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            double sum = 0;
            for (int x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                sum += values[row + x];
            }

            for (int x = 0; x < width; x++)
            {
                int left = x - radius - 1;
                int right = x + radius;
                if (x > 0 && right < width)
                {
                    sum += values[row + right];
                }

                if (x > 0 && left >= 0)
                {
                    sum -= values[row + left];
                }

                int count = Math.Min(width - 1, right) - Math.Max(0, x - radius) + 1;
                rows[row + x] = (float)(sum / count);
            }
        }

        float[] result = new float[values.Length];
        double[] sums = new double[width];
        for (int y = 0; y <= Math.Min(radius, height - 1); y++)
        {
            for (int x = 0; x < width; x++)
            {
                sums[x] += rows[(y * width) + x];
            }
        }

        for (int y = 0; y < height; y++)
        {
            int top = y - radius - 1;
            int bottom = y + radius;
            if (y > 0 && bottom < height)
            {
                for (int x = 0; x < width; x++)
                {
                    sums[x] += rows[(bottom * width) + x];
                }
            }

            if (y > 0 && top >= 0)
            {
                for (int x = 0; x < width; x++)
                {
                    sums[x] -= rows[(top * width) + x];
                }
            }

            int count = Math.Min(height - 1, bottom) - Math.Max(0, y - radius) + 1;
            for (int x = 0; x < width; x++)
            {
                result[(y * width) + x] = (float)(sums[x] / count);
            }
        }

        return result;
    }

    private static void SeedBackground(byte[] mask, int[] labels, int[] queue, int width, int height, int start)
    {
        if (mask[start] == 0 && labels[start] == 0)
        {
            Flood(mask, labels, queue, width, height, start, 1, 0);
        }
    }

    // Labels the 4-connected region of pixels whose mask value equals the start's (0 or 1).
    private static int Flood(
        byte[] mask,
        int[] labels,
        int[] queue,
        int width,
        int height,
        int start,
        int label,
        byte value)
    {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        labels[start] = label;
        while (head < tail)
        {
            int p = queue[head++];
            int x = p % width;
            int y = p / width;
            if (x > 0)
            {
                Visit(p - 1);
            }

            if (x < width - 1)
            {
                Visit(p + 1);
            }

            if (y > 0)
            {
                Visit(p - width);
            }

            if (y < height - 1)
            {
                Visit(p + width);
            }
        }

        return tail;

        void Visit(int q)
        {
            if (labels[q] == 0 && (mask[q] != 0) == (value != 0))
            {
                labels[q] = label;
                queue[tail++] = q;
            }
        }
    }

    private static void CheckSize(byte[] mask, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != width * height)
        {
            throw new ArgumentException(
                $"The mask has {mask.Length} pixels; {width}x{height} needs {width * height}.", nameof(mask));
        }
    }
}
