using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using SkiaSharp;

namespace FashionListing.Inference.Runtime;

/// <summary>
/// Turns a photo into a model's input tensor as its manifest describes: fitted to the input size (stretched
/// or letterboxed), channels in the model's order, scaled and normalised, in NCHW or NHWC order.
/// </summary>
public static class ModelInputBuilder
{
    /// <summary>Builds the input values; their shape is <see cref="ShapeOf"/>.</summary>
    /// <param name="photo">The decoded photo, any colour type SkiaSharp can draw.</param>
    /// <param name="input">The manifest's input section.</param>
    /// <param name="fit">Where the photo goes in the input; from <see cref="InputFit.Create"/> for this photo.</param>
    public static float[] Build(SKBitmap photo, ModelInputSpec input, InputFit fit)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fit);

        int width = input.Width;
        int height = input.Height;
        using SKBitmap fitted = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (SKCanvas canvas = new(fitted))
        {
            byte pad = (byte)input.PadValue;
            canvas.Clear(new SKColor(pad, pad, pad));
            using SKImage source = SKImage.FromBitmap(photo);
            SKRectI content = fit.ContentRect;
            canvas.DrawImage(
                source,
                new SKRect(0, 0, photo.Width, photo.Height),
                new SKRect(content.Left, content.Top, content.Right, content.Bottom),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
                paint: null);
        }

        // One multiply and one add per value: (v / scale - mean) / std, folded per channel.
        float[] multiplier = new float[3];
        float[] offset = new float[3];
        int[] sourceChannel = input.Channels == ChannelOrder.Rgb ? [0, 1, 2] : [2, 1, 0];
        for (int c = 0; c < 3; c++)
        {
            multiplier[c] = 1f / (input.Scale * input.Std[c]);
            offset[c] = -input.Mean[c] / input.Std[c];
        }

        ReadOnlySpan<byte> rgba = fitted.GetPixelSpan();
        int plane = width * height;
        float[] values = new float[3 * plane];
        bool planar = input.Layout == TensorLayout.Nchw;
        for (int i = 0; i < plane; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                float value = (rgba[(i * 4) + sourceChannel[c]] * multiplier[c]) + offset[c];
                values[planar ? (c * plane) + i : (i * 3) + c] = value;
            }
        }

        return values;
    }

    /// <summary>The input tensor's shape: [1, 3, height, width] or [1, height, width, 3].</summary>
    public static long[] ShapeOf(ModelInputSpec input)
    {
        ArgumentNullException.ThrowIfNull(input);

        return input.Layout == TensorLayout.Nchw
            ? [1, 3, input.Height, input.Width]
            : [1, input.Height, input.Width, 3];
    }
}
