using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using FashionListing.Inference.Runtime;
using SkiaSharp;

namespace FashionListing.Tests.Runtime;

public sealed class ModelInputBuilderTests
{
    // A 40x20 photo: the left half pure red (200, 0, 0), the right half pure blue (0, 0, 100).
    private static SKBitmap RedAndBlue()
    {
        SKBitmap bitmap = new(new SKImageInfo(40, 20, SKColorType.Rgba8888, SKAlphaType.Premul));
        using SKCanvas canvas = new(bitmap);
        using SKPaint red = new() { Color = new SKColor(200, 0, 0) };
        using SKPaint blue = new() { Color = new SKColor(0, 0, 100) };
        canvas.DrawRect(new SKRect(0, 0, 20, 20), red);
        canvas.DrawRect(new SKRect(20, 0, 40, 20), blue);

        return bitmap;
    }

    private static ModelInputSpec Spec(TensorLayout layout, ChannelOrder channels) => new()
    {
        Name = "x",
        Width = 16,
        Height = 16,
        Layout = layout,
        Resize = ResizeMode.Letterbox,
        PadValue = 114,
        Channels = channels,
        Scale = 255,
        Mean = [0.5f, 0.25f, 0.125f],
        Std = [0.5f, 0.25f, 0.5f],
    };

    [Fact]
    public void Build_LetterboxNchwRgb_PadAndContentNormalisedPerChannel()
    {
        using SKBitmap photo = RedAndBlue();
        ModelInputSpec spec = Spec(TensorLayout.Nchw, ChannelOrder.Rgb);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 40, 20, 16, 16);

        float[] values = ModelInputBuilder.Build(photo, spec, fit);

        // The 40x20 photo scales by 0.4 to 16x8, centred: rows 4-11 hold it, rows 0-3 and 12-15 are padding.
        Assert.Equal(new SKRectI(0, 4, 16, 12), fit.ContentRect);
        Assert.Equal(3 * 16 * 16, values.Length);
        float Value(int channel, int y, int x) => values[(channel * 256) + (y * 16) + x];
        float Normalised(int level, int channel) => ((level / 255f) - spec.Mean[channel]) / spec.Std[channel];
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(Normalised(114, c), Value(c, 0, 5), 4);
            Assert.Equal(Normalised(114, c), Value(c, 15, 12), 4);
        }

        // Away from the red-blue edge the resampled colours are exact.
        Assert.Equal(Normalised(200, 0), Value(0, 8, 2), 4);
        Assert.Equal(Normalised(0, 2), Value(2, 8, 2), 4);
        Assert.Equal(Normalised(0, 0), Value(0, 8, 13), 4);
        Assert.Equal(Normalised(100, 2), Value(2, 8, 13), 4);
    }

    [Fact]
    public void Build_NhwcBgr_InterleavesChannelsBlueFirst()
    {
        using SKBitmap photo = RedAndBlue();
        ModelInputSpec spec = Spec(TensorLayout.Nhwc, ChannelOrder.Bgr);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 40, 20, 16, 16);

        float[] values = ModelInputBuilder.Build(photo, spec, fit);

        // Pixel (x 2, y 8) is red: in BGR order blue 0, green 0, red 200, each with its own channel's mean and std.
        int pixel = ((8 * 16) + 2) * 3;
        Assert.Equal(((0 / 255f) - 0.5f) / 0.5f, values[pixel], 4);
        Assert.Equal(((0 / 255f) - 0.25f) / 0.25f, values[pixel + 1], 4);
        Assert.Equal(((200 / 255f) - 0.125f) / 0.5f, values[pixel + 2], 4);
        Assert.Equal([1L, 16, 16, 3], ModelInputBuilder.ShapeOf(spec));
    }
}
