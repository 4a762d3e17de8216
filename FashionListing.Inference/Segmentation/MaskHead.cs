using System.Numerics;
using FashionListing.Inference.Runtime;
using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>
/// The trained per-cell mask head: inputs standardised per channel, one hidden layer with ReLU,
/// one logit per cell (garment versus background). Run in plain C#: it is about 45 million
/// multiply-adds per photo, and training and inference share this exact code.
/// </summary>
/// <remarks>Immutable after construction, so one instance serves concurrent calls.</remarks>
public sealed class MaskHead
{
    /// <summary>The name of the committed weights file inside the model folder.</summary>
    public const string FileName = "mask-head.bin";

    private const int Magic = 0x484D4C46; // "FLMH"
    private const int Version = 2;

    private readonly Lazy<(float[] Weights, float[] Bias)> _folded;

    /// <summary>Creates a head from its parameters (arrays are used, not copied).</summary>
    /// <param name="inputWidth">Backbone input width for a portrait photo, as trained.</param>
    /// <param name="inputHeight">Backbone input height for a portrait photo, as trained.</param>
    /// <param name="inputs">Values per cell.</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="mean">Per-input mean used for standardising.</param>
    /// <param name="scale">Per-input reciprocal standard deviation.</param>
    /// <param name="weights1">Hidden weights, <c>[h * inputs + i]</c>.</param>
    /// <param name="bias1">Hidden biases.</param>
    /// <param name="weights2">Output weights, one per hidden unit.</param>
    /// <param name="bias2">Output bias.</param>
    public MaskHead(
        int inputWidth,
        int inputHeight,
        int inputs,
        int hidden,
        float[] mean,
        float[] scale,
        float[] weights1,
        float[] bias1,
        float[] weights2,
        float bias2)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(weights1);
        ArgumentNullException.ThrowIfNull(bias1);
        ArgumentNullException.ThrowIfNull(weights2);
        if (mean.Length != inputs || scale.Length != inputs || weights1.Length != inputs * hidden
            || bias1.Length != hidden || weights2.Length != hidden)
        {
            throw new ArgumentException($"The parameter arrays do not fit {inputs} inputs and {hidden} hidden units.");
        }

        InputWidth = inputWidth;
        InputHeight = inputHeight;
        Inputs = inputs;
        Hidden = hidden;
        Mean = mean;
        Scale = scale;
        Weights1 = weights1;
        Bias1 = bias1;
        Weights2 = weights2;
        Bias2 = bias2;
        _folded = new Lazy<(float[], float[])>(Fold);
    }

    /// <summary>Backbone input width for a portrait photo; a landscape photo uses the turned size.</summary>
    public int InputWidth { get; }

    /// <summary>Backbone input height for a portrait photo.</summary>
    public int InputHeight { get; }

    /// <summary>Values per cell.</summary>
    public int Inputs { get; }

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    /// <summary>Per-input mean.</summary>
    public float[] Mean { get; }

    /// <summary>Per-input reciprocal standard deviation.</summary>
    public float[] Scale { get; }

    /// <summary>Hidden weights, <c>[h * Inputs + i]</c>.</summary>
    public float[] Weights1 { get; }

    /// <summary>Hidden biases.</summary>
    public float[] Bias1 { get; }

    /// <summary>Output weights.</summary>
    public float[] Weights2 { get; }

    /// <summary>Output bias.</summary>
    public float Bias2 { get; }

    /// <summary>Reads a head written by <see cref="Save"/>.</summary>
    /// <param name="path">The weights file.</param>
    public static MaskHead Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using BinaryReader reader = new(stream);
        int magic = reader.ReadInt32();
        int version = reader.ReadInt32();
        if (magic != Magic || version != Version)
        {
            throw new InvalidDataException(
                $"{path} is not a version-{Version} mask head (magic {magic:X8}, version {version}).");
        }

        int inputWidth = reader.ReadInt32();
        int inputHeight = reader.ReadInt32();
        int inputs = reader.ReadInt32();
        int hidden = reader.ReadInt32();

        return new MaskHead(
            inputWidth,
            inputHeight,
            inputs,
            hidden,
            ReadFloats(reader, inputs),
            ReadFloats(reader, inputs),
            ReadFloats(reader, inputs * hidden),
            ReadFloats(reader, hidden),
            ReadFloats(reader, hidden),
            reader.ReadSingle());
    }

    /// <summary>Writes the head in its little-endian binary format.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        using FileStream stream = File.Create(path);
        using BinaryWriter writer = new(stream);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(InputWidth);
        writer.Write(InputHeight);
        writer.Write(Inputs);
        writer.Write(Hidden);
        foreach (float[] array in new[] { Mean, Scale, Weights1, Bias1, Weights2 })
        {
            foreach (float value in array)
            {
                writer.Write(value);
            }
        }

        writer.Write(Bias2);
    }

    /// <summary>Logits of cells laid out as <see cref="MaskHeadFeatures.Build"/> makes them.</summary>
    /// <param name="cells">Cell inputs, <c>Inputs</c> values per cell.</param>
    public float[] Logits(ReadOnlySpan<float> cells)
    {
        int count = cells.Length / Inputs;
        float[] logits = new float[count];
        float[] standard = new float[Inputs];
        for (int cell = 0; cell < count; cell++)
        {
            ReadOnlySpan<float> x = cells.Slice(cell * Inputs, Inputs);
            for (int i = 0; i < Inputs; i++)
            {
                standard[i] = (x[i] - Mean[i]) * Scale[i];
            }

            float output = Bias2;
            for (int h = 0; h < Hidden; h++)
            {
                float z = Bias1[h] + Dot(Weights1.AsSpan(h * Inputs, Inputs), standard);
                if (z > 0)
                {
                    output += Weights2[h] * z;
                }
            }

            logits[cell] = output;
        }

        return logits;
    }

    /// <summary>
    /// The same logits as <see cref="Logits(ReadOnlySpan{float})"/> on <see cref="MaskHeadFeatures.Build"/>'s
    /// cells, computed faster: the hidden layer is linear in the inputs and bilinear upsampling is
    /// linear too, so each stage is projected to the hidden units at its own resolution first and
    /// only the projections are upsampled.
    /// </summary>
    /// <param name="features">Backbone output for the photo.</param>
    /// <param name="cellColours">The photo resized to the stage-2 grid, RGBA 8-bit.</param>
    public float[] Logits(BackboneFeatures features, SKBitmap cellColours)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(cellColours);
        FeatureMap s2 = features.Stage2;
        int gw = s2.Width;
        int gh = s2.Height;
        int cells = gw * gh;
        (float[] folded, float[] foldedBias) = _folded.Value;

        // hidden[h * cells + cell], starting from the folded bias.
        float[] hidden = new float[Hidden * cells];
        for (int h = 0; h < Hidden; h++)
        {
            hidden.AsSpan(h * cells, cells).Fill(foldedBias[h]);
        }

        Project(s2, folded, 0, hidden, gw, gh);
        Project(features.Stage3, folded, s2.Channels, hidden, gw, gh);
        Project(features.Stage4, folded, s2.Channels + features.Stage3.Channels, hidden, gw, gh);

        int offset = s2.Channels + features.Stage3.Channels + features.Stage4.Channels;
        ReadOnlySpan<byte> rgba = cellColours.GetPixelSpan();
        float[] logits = new float[cells];
        for (int cell = 0; cell < cells; cell++)
        {
            int x = cell % gw;
            int y = cell / gw;
            float px = (x + 0.5f) / gw;
            float py = (y + 0.5f) / gh;
            float r = rgba[cell * 4] / 255f;
            float g = rgba[(cell * 4) + 1] / 255f;
            float b = rgba[(cell * 4) + 2] / 255f;
            float output = Bias2;
            for (int h = 0; h < Hidden; h++)
            {
                int w = (h * Inputs) + offset;
                float z = hidden[(h * cells) + cell] + (folded[w] * px) + (folded[w + 1] * py)
                    + (folded[w + 2] * r) + (folded[w + 3] * g) + (folded[w + 4] * b);
                if (z > 0)
                {
                    output += Weights2[h] * z;
                }
            }

            logits[cell] = output;
        }

        return logits;
    }

    /// <summary>Dot product with SIMD; used by training as well.</summary>
    /// <param name="a">First vector.</param>
    /// <param name="b">Second vector, at least as long.</param>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        Vector<float> sum = Vector<float>.Zero;
        int width = Vector<float>.Count;
        for (; i <= a.Length - width; i += width)
        {
            sum += new Vector<float>(a.Slice(i, width)) * new Vector<float>(b.Slice(i, width));
        }

        float total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    // Standardisation folded into the hidden layer: W' = W * scale, b' = b - W' . mean.
    private (float[] Weights, float[] Bias) Fold()
    {
        float[] weights = new float[Weights1.Length];
        float[] bias = new float[Hidden];
        for (int h = 0; h < Hidden; h++)
        {
            double sum = Bias1[h];
            for (int i = 0; i < Inputs; i++)
            {
                float w = Weights1[(h * Inputs) + i] * Scale[i];
                weights[(h * Inputs) + i] = w;
                sum -= w * Mean[i];
            }

            bias[h] = (float)sum;
        }

        return (weights, bias);
    }

    // Adds W'[h, offset + c] . map[c] for every hidden unit, upsampled bilinearly to the grid.
    private void Project(FeatureMap map, float[] folded, int offset, float[] hidden, int gw, int gh)
    {
        int plane = map.Width * map.Height;
        float[] projection = new float[plane];
        int cells = gw * gh;
        bool sameGrid = map.Width == gw && map.Height == gh;
        for (int h = 0; h < Hidden; h++)
        {
            Span<float> target = sameGrid ? hidden.AsSpan(h * cells, cells) : projection;
            if (!sameGrid)
            {
                Array.Clear(projection);
            }

            for (int c = 0; c < map.Channels; c++)
            {
                float w = folded[(h * Inputs) + offset + c];
                Axpy(w, map.Values.AsSpan(c * plane, plane), target);
            }

            if (!sameGrid)
            {
                AddUpsampled(projection, map.Width, map.Height, hidden.AsSpan(h * cells, cells), gw, gh);
            }
        }
    }

    // Bilinear with sample centres aligned and clamped borders, as MaskHeadFeatures upsamples.
    private static void AddUpsampled(float[] source, int sw, int sh, Span<float> target, int gw, int gh)
    {
        float sx = (float)sw / gw;
        float sy = (float)sh / gh;
        for (int y = 0; y < gh; y++)
        {
            float fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, sh - 1);
            int y0 = (int)fy;
            int y1 = Math.Min(y0 + 1, sh - 1);
            float wy = fy - y0;
            for (int x = 0; x < gw; x++)
            {
                float fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, sw - 1);
                int x0 = (int)fx;
                int x1 = Math.Min(x0 + 1, sw - 1);
                float wx = fx - x0;
                target[(y * gw) + x] += ((1 - wx) * (1 - wy) * source[(y0 * sw) + x0])
                    + (wx * (1 - wy) * source[(y0 * sw) + x1])
                    + ((1 - wx) * wy * source[(y1 * sw) + x0])
                    + (wx * wy * source[(y1 * sw) + x1]);
            }
        }
    }

    /// <summary>y += a * x with SIMD; used by training as well.</summary>
    /// <param name="a">The factor.</param>
    /// <param name="x">The vector added.</param>
    /// <param name="y">The vector added to, at least as long.</param>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        int width = Vector<float>.Count;
        Vector<float> va = new(a);
        for (; i <= x.Length - width; i += width)
        {
            Vector<float> sum = new Vector<float>(y.Slice(i, width)) + (va * new Vector<float>(x.Slice(i, width)));
            sum.CopyTo(y.Slice(i, width));
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
