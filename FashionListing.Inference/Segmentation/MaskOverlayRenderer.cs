using System.Buffers;
using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>
/// Draws a garment mask as a transparent PNG the size of the photo, to lay over it: the garment
/// filled with a translucent colour and outlined in the same colour, opaque.
/// </summary>
/// <remarks>Stateless apart from its settings; one instance may be shared and called concurrently.</remarks>
public sealed class MaskOverlayRenderer
{
    /// <summary>The fill's default opacity: strong enough to see, weak enough to see the garment through.</summary>
    public const double DefaultFillOpacity = 0.45;

    /// <summary>The outline's default width in pixels.</summary>
    public const int DefaultOutlineWidth = 2;

    // Mask overlays are large flat areas, which zlib's fastest level already shrinks well;
    // higher levels cost several times the time for a few per cent of size.
    private const int ZlibLevel = 1;

    private readonly byte _fillAlpha;
    private readonly int _outlineWidth;

    /// <summary>Creates a renderer with the default fill opacity and outline width.</summary>
    public MaskOverlayRenderer()
        : this(DefaultFillOpacity, DefaultOutlineWidth)
    {
    }

    /// <summary>Creates a renderer with the given fill opacity and outline width.</summary>
    /// <param name="fillOpacity">Opacity of the fill, 0 to 1.</param>
    /// <param name="outlineWidth">Width of the opaque outline in pixels, 0 (none) to 8.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public MaskOverlayRenderer(double fillOpacity, int outlineWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fillOpacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fillOpacity, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(outlineWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outlineWidth, 8);
        _fillAlpha = (byte)Math.Round(fillOpacity * 255.0, MidpointRounding.AwayFromZero);
        _outlineWidth = outlineWidth;
    }

    /// <summary>
    /// Renders the overlay as PNG bytes: RGBA, unpremultiplied, <paramref name="mask"/>'s size.
    /// Pixels outside the garment are fully transparent; garment pixels within the outline width of
    /// a non-garment pixel or of the image's edge are opaque; the rest have the fill's opacity.
    /// </summary>
    /// <param name="mask">The garment mask.</param>
    /// <param name="colour">The colour of fill and outline; its own alpha is ignored.</param>
    /// <exception cref="ArgumentException">The mask is empty or its pixel count does not match its size.</exception>
    public byte[] Render(GarmentMask mask, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Width <= 0 || mask.Height <= 0 || mask.Pixels.Length != mask.Width * mask.Height)
        {
            throw new ArgumentException(
                $"The mask is {mask.Width}x{mask.Height} with {mask.Pixels.Length} values; "
                + "it needs a positive size and one value per pixel.",
                nameof(mask));
        }

        // The two working masks are pooled: at photo size they would land on the large object heap
        // on every upload.
        int length = mask.Pixels.Length;
        byte[] horizontal = ArrayPool<byte>.Shared.Rent(length);
        byte[] interior = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Erode(mask, _outlineWidth, horizontal, interior);

            SKImageInfo info = new(mask.Width, mask.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using SKBitmap bitmap = new(info);
            Fill(bitmap, mask, interior, colour);

            using SKPixmap pixmap = bitmap.PeekPixels();
            using SKData png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, ZlibLevel))
                ?? throw new InvalidOperationException(
                    $"SkiaSharp could not encode the {mask.Width}x{mask.Height} overlay as PNG.");

            return png.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(horizontal);
            ArrayPool<byte>.Shared.Return(interior);
        }
    }

    private void Fill(SKBitmap bitmap, GarmentMask mask, byte[] interior, SKColor colour)
    {
        Span<byte> pixels = bitmap.GetPixelSpan();
        pixels.Clear();
        int rowBytes = bitmap.RowBytes;
        for (int y = 0; y < mask.Height; y++)
        {
            Span<byte> row = pixels.Slice(y * rowBytes, mask.Width * 4);
            int maskRow = y * mask.Width;
            for (int x = 0; x < mask.Width; x++)
            {
                if (mask.Pixels[maskRow + x] == 0)
                {
                    continue;
                }

                int offset = x * 4;
                row[offset] = colour.Red;
                row[offset + 1] = colour.Green;
                row[offset + 2] = colour.Blue;
                row[offset + 3] = interior[maskRow + x] != 0 ? _fillAlpha : byte.MaxValue;
            }
        }
    }

    // Erosion by a square of side 2r+1, done as a horizontal then a vertical pass. What the
    // erosion removes from the mask is the band of width r along its boundary: the outline.
    // Pixels beyond the image's edge count as background, so a garment cut by the frame is closed.
    // Each pass counts runs of set pixels from both ends, so every row is read in memory order.
    private static void Erode(GarmentMask mask, int radius, byte[] horizontal, byte[] eroded)
    {
        int width = mask.Width;
        int height = mask.Height;
        byte[] source = mask.Pixels;
        if (radius == 0)
        {
            source.CopyTo(eroded, 0);

            return;
        }

        int[] runs = new int[width];
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            int run = 0;
            for (int x = 0; x < width; x++)
            {
                run = source[row + x] != 0 ? run + 1 : 0;
                runs[x] = run;
            }

            run = 0;
            for (int x = width - 1; x >= 0; x--)
            {
                run = source[row + x] != 0 ? run + 1 : 0;
                horizontal[row + x] = runs[x] > radius && run > radius ? (byte)1 : (byte)0;
            }
        }

        // Runs down each column, counted first from the top, then from the bottom.
        Array.Clear(runs);
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                runs[x] = horizontal[row + x] != 0 ? runs[x] + 1 : 0;
                eroded[row + x] = runs[x] > radius ? (byte)1 : (byte)0;
            }
        }

        Array.Clear(runs);
        for (int y = height - 1; y >= 0; y--)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                runs[x] = horizontal[row + x] != 0 ? runs[x] + 1 : 0;
                eroded[row + x] = eroded[row + x] != 0 && runs[x] > radius ? (byte)1 : (byte)0;
            }
        }
    }
}
