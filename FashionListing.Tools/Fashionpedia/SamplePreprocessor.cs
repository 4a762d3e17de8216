using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using FashionListing.Inference.Runtime;
using SkiaSharp;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>A box in continuous pixel coordinates: pixel <c>i</c> covers <c>[i, i + 1)</c>.</summary>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge, one past the last column covered.</param>
/// <param name="Bottom">The bottom edge, one past the last row covered.</param>
public sealed record PixelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>The width of the box.</summary>
    public double Width => Right - Left;

    /// <summary>The height of the box.</summary>
    public double Height => Bottom - Top;
}

/// <summary>One object of a photo in the model's input frame.</summary>
/// <param name="ClassId">The Fashionpedia category id.</param>
/// <param name="AttributeIds">The Fashionpedia attribute ids.</param>
/// <param name="Mask">The mask in the input's size, row-major 0/1, zero over any letterbox padding.</param>
/// <param name="Box">The box of the photo's mask mapped into the input; null when the mask is empty.</param>
/// <param name="PhotoBox">The box of the mask in the photo; null when the mask is empty.</param>
public sealed record PreparedInstance(
    int ClassId,
    IReadOnlyList<int> AttributeIds,
    byte[] Mask,
    PixelBox? Box,
    PixelBox? PhotoBox);

/// <summary>A photo and its objects ready for a model.</summary>
/// <param name="ImageId">The photo's id.</param>
/// <param name="Pixels">The input values, shaped as <see cref="ModelInputBuilder.ShapeOf"/> says.</param>
/// <param name="Fit">Where the photo went in the input.</param>
/// <param name="Instances">The photo's objects, in the sample's order.</param>
public sealed record PreparedSample(
    string ImageId,
    float[] Pixels,
    InputFit Fit,
    IReadOnlyList<PreparedInstance> Instances);

/// <summary>
/// Turns a photo and its annotated objects into a model's input: the photo through the app's own
/// <see cref="ModelInputBuilder"/> and <see cref="InputFit"/>, each mask and box through the same fit, so that
/// training, evaluation and the app cannot disagree about where a pixel goes.
/// </summary>
/// <remarks>
/// Masks are resized by nearest neighbour at pixel centres: an input pixel takes the value of the photo pixel
/// under its centre. On a strong downscale a thin strap narrower than the sampling step can vanish, which a
/// coverage threshold would keep; nearest keeps every mask an exact function of the fit and the same for the
/// box. Boxes are taken from the photo's full-size mask and mapped with the fit, so they are exact rather than
/// rounded to the resized mask.
/// </remarks>
public sealed class SamplePreprocessor
{
    /// <summary>The default input side, in pixels.</summary>
    public const int DefaultSize = 384;

    private readonly ModelInputSpec _input;

    /// <summary>Prepares samples for the given input.</summary>
    public SamplePreprocessor(ModelInputSpec input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Width < 1 || input.Height < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(input), $"The input is {input.Width} x {input.Height}; both sides must be at least 1.");
        }

        _input = input;
    }

    /// <summary>The input this preprocessor prepares for.</summary>
    public ModelInputSpec Input => _input;

    /// <summary>An input of <paramref name="size"/> squared, NCHW, RGB, values scaled to 0-1 and normalised by
    /// the ImageNet mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225).</summary>
    public static ModelInputSpec ImageNetInput(ResizeMode resize = ResizeMode.Stretch, int size = DefaultSize) =>
        new()
        {
            Width = size,
            Height = size,
            Layout = TensorLayout.Nchw,
            Resize = resize,
            Channels = ChannelOrder.Rgb,
            Scale = 255f,
            Mean = [0.485f, 0.456f, 0.406f],
            Std = [0.229f, 0.224f, 0.225f],
        };

    /// <summary>Prepares a photo with its objects.</summary>
    /// <param name="photo">The decoded photo; its size must be the sample's, the size the masks are encoded
    /// in.</param>
    /// <param name="sample">The photo's objects.</param>
    /// <exception cref="ArgumentException">The photo's size is not the sample's.</exception>
    public PreparedSample Prepare(SKBitmap photo, FashionpediaSample sample)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(sample);
        if (photo.Width != sample.Width || photo.Height != sample.Height)
        {
            throw new ArgumentException(
                $"Photo {sample.ImageId} is {photo.Width} x {photo.Height} (width x height) but its annotations "
                + $"are for {sample.Width} x {sample.Height}.", nameof(photo));
        }

        InputFit fit = InputFit.Create(_input.Resize, photo.Width, photo.Height, _input.Width, _input.Height);
        float[] pixels = ModelInputBuilder.Build(photo, _input, fit);

        List<PreparedInstance> instances = [];
        foreach (FashionpediaInstance instance in sample.Instances)
        {
            byte[] photoMask = instance.DecodeMask(sample.Height, sample.Width);
            PixelBox? photoBox = BoxOf(photoMask, sample.Width, sample.Height);
            instances.Add(new PreparedInstance(
                instance.ClassId,
                instance.AttributeIds,
                FitMask(photoMask, fit),
                photoBox is null ? null : FitBox(photoBox, fit),
                photoBox));
        }

        return new PreparedSample(sample.ImageId, pixels, fit, instances);
    }

    /// <summary>Decodes a photo file and prepares it with its objects.</summary>
    /// <remarks>The photo is decoded as stored: <see cref="SKBitmap.Decode(string)"/> does not turn it by its
    /// EXIF orientation. A photo whose stored grid is not the one the masks were encoded in fails the size check
    /// (unless it is square).</remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a photo SkiaSharp can decode.</exception>
    /// <exception cref="ArgumentException">The photo's size is not the sample's.</exception>
    public PreparedSample Prepare(string photoPath, FashionpediaSample sample)
    {
        ArgumentException.ThrowIfNullOrEmpty(photoPath);
        if (!File.Exists(photoPath))
        {
            throw new FileNotFoundException($"The photo {photoPath} does not exist.", photoPath);
        }

        using SKBitmap? photo = SKBitmap.Decode(photoPath);
        if (photo is null)
        {
            throw new InvalidDataException($"{photoPath} is not a photo SkiaSharp can decode.");
        }

        return Prepare(photo, sample);
    }

    /// <summary>Resizes a row-major photo mask into the input by the fit, nearest neighbour at pixel
    /// centres; input pixels outside the photo's content rectangle are 0.</summary>
    /// <exception cref="ArgumentException">The mask is not the fit's photo size.</exception>
    public static byte[] FitMask(ReadOnlySpan<byte> photoMask, InputFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (photoMask.Length != fit.PhotoWidth * fit.PhotoHeight)
        {
            throw new ArgumentException(
                $"The mask has {photoMask.Length} pixels; the fit's photo is {fit.PhotoWidth} x {fit.PhotoHeight} "
                + $"= {fit.PhotoWidth * fit.PhotoHeight}.", nameof(photoMask));
        }

        byte[] mask = new byte[fit.InputWidth * fit.InputHeight];
        SKRectI content = fit.ContentRect;
        int[] sourceX = new int[fit.InputWidth];
        for (int x = content.Left; x < content.Right; x++)
        {
            sourceX[x] = Math.Clamp((int)Math.Floor(fit.PhotoX(x + 0.5)), 0, fit.PhotoWidth - 1);
        }

        for (int y = content.Top; y < content.Bottom; y++)
        {
            int photoRow = Math.Clamp((int)Math.Floor(fit.PhotoY(y + 0.5)), 0, fit.PhotoHeight - 1) * fit.PhotoWidth;
            int inputRow = y * fit.InputWidth;
            for (int x = content.Left; x < content.Right; x++)
            {
                mask[inputRow + x] = photoMask[photoRow + sourceX[x]] != 0 ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    /// <summary>The smallest box holding every set pixel of a row-major mask, or null when none is set.</summary>
    /// <exception cref="ArgumentException">The mask is not width x height.</exception>
    public static PixelBox? BoxOf(ReadOnlySpan<byte> mask, int width, int height)
    {
        if (mask.Length != width * height)
        {
            throw new ArgumentException(
                $"The mask has {mask.Length} pixels; {width} x {height} has {width * height}.", nameof(mask));
        }

        int left = int.MaxValue;
        int top = int.MaxValue;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = mask.Slice(y * width, width);
            int first = row.IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                continue;
            }

            int last = row.LastIndexOfAnyExcept((byte)0);
            left = Math.Min(left, first);
            right = Math.Max(right, last);
            top = Math.Min(top, y);
            bottom = y;
        }

        return right < 0 ? null : new PixelBox(left, top, right + 1, bottom + 1);
    }

    /// <summary>Maps a box in photo coordinates into the input by the fit.</summary>
    public static PixelBox FitBox(PixelBox photoBox, InputFit fit)
    {
        ArgumentNullException.ThrowIfNull(photoBox);
        ArgumentNullException.ThrowIfNull(fit);

        return new PixelBox(
            fit.InputX(photoBox.Left),
            fit.InputY(photoBox.Top),
            fit.InputX(photoBox.Right),
            fit.InputY(photoBox.Bottom));
    }
}
