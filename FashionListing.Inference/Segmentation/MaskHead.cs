using System.Numerics;

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
    private const int Version = 1;

    /// <summary>Creates a head from its parameters (arrays are used, not copied).</summary>
    /// <param name="inputs">Values per cell.</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="mean">Per-input mean used for standardising.</param>
    /// <param name="scale">Per-input reciprocal standard deviation.</param>
    /// <param name="weights1">Hidden weights, <c>[h * inputs + i]</c>.</param>
    /// <param name="bias1">Hidden biases.</param>
    /// <param name="weights2">Output weights, one per hidden unit.</param>
    /// <param name="bias2">Output bias.</param>
    public MaskHead(
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

        Inputs = inputs;
        Hidden = hidden;
        Mean = mean;
        Scale = scale;
        Weights1 = weights1;
        Bias1 = bias1;
        Weights2 = weights2;
        Bias2 = bias2;
    }

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

        int inputs = reader.ReadInt32();
        int hidden = reader.ReadInt32();

        return new MaskHead(
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

    /// <summary>One logit per cell for cell inputs laid out as <see cref="MaskHeadFeatures.Build"/> makes them.</summary>
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
