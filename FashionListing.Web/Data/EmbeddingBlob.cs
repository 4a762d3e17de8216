using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FashionListing.Web.Data;

/// <summary>
/// How an embedding vector is kept in a BLOB column: its float32 values, little-endian, one after another.
/// </summary>
public static class EmbeddingBlob
{
    /// <summary>The bytes of a vector.</summary>
    public static byte[] FromVector(ReadOnlySpan<float> vector)
    {
        byte[] blob = new byte[vector.Length * sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(blob.AsSpan(i * sizeof(float)), vector[i]);
        }

        return blob;
    }

    /// <summary>The vector of a BLOB, read in place on little-endian machines (all that .NET runs on today).</summary>
    /// <exception cref="InvalidDataException">The length is not a whole number of float32 values.</exception>
    public static ReadOnlySpan<float> ToVector(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length % sizeof(float) != 0)
        {
            throw new InvalidDataException(
                $"An embedding BLOB has {blob.Length} bytes, which is not a whole number of 4-byte values.");
        }

        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.Cast<byte, float>(blob);
        }

        float[] vector = new float[blob.Length / sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(blob.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
