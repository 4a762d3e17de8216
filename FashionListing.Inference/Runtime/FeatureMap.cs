namespace FashionListing.Inference.Runtime;

/// <summary>A channels-first feature map of one image: <c>Values[(c * Height + y) * Width + x]</c>.</summary>
/// <param name="Channels">Number of channels.</param>
/// <param name="Height">Rows of the map.</param>
/// <param name="Width">Columns of the map.</param>
/// <param name="Values">The values, channels first, then rows, then columns.</param>
public sealed record FeatureMap(int Channels, int Height, int Width, float[] Values);

/// <summary>What the backbone computes for one image.</summary>
/// <param name="Embedding">The 512 globally averaged features of the last stage.</param>
/// <param name="Stage2">The second stage's map, stride 8 (128 channels).</param>
/// <param name="Stage3">The third stage's map, stride 16 (256 channels).</param>
/// <param name="Stage4">The last stage's map, stride 32 (512 channels).</param>
public sealed record BackboneFeatures(float[] Embedding, FeatureMap Stage2, FeatureMap Stage3, FeatureMap Stage4);
