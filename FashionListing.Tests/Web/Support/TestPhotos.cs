using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Web.Support;

/// <summary>Small real images and a hand-made analysis, for the page tests.</summary>
public static class TestPhotos
{
    public const int Width = 40;

    public const int Height = 30;

    /// <summary>A real JPEG of a flat colour.</summary>
    public static byte[] Jpeg(SKColor colour)
    {
        using var bitmap = new SKBitmap(Width, Height);
        bitmap.Erase(colour);
        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData data = image.Encode(SKEncodedImageFormat.Jpeg, 90);

        return data.ToArray();
    }

    /// <summary>A transparent PNG with the rectangle filled in pink, as an overlay would be.</summary>
    public static byte[] OverlayPng(SKRectI garment) => OverlayPng(garment, new SKColor(255, 64, 129));

    /// <summary>A transparent PNG with the rectangle filled in the colour, as an overlay would be.</summary>
    public static byte[] OverlayPng(SKRectI garment, SKColor colour)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = colour.WithAlpha(110) };
            canvas.DrawRect(garment, paint);
        }

        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);

        return data.ToArray();
    }

    public static GarmentMask Mask(SKRectI garment)
    {
        var pixels = new byte[Width * Height];
        for (int y = garment.Top; y < garment.Bottom; y++)
        {
            for (int x = garment.Left; x < garment.Right; x++)
            {
                pixels[(y * Width) + x] = 1;
            }
        }

        return new GarmentMask(Width, Height, pixels);
    }

    /// <summary>A burgundy long-sleeve top above grey jeans: two garments, the top first.</summary>
    public static PhotoAnalysed TopAndJeans()
    {
        var top = new SKRectI(5, 2, 35, 14);
        var jeans = new SKRectI(10, 16, 30, 29);

        AttributeSuggestion[] topAttributes =
        [
            new AttributeSuggestion(0, "classic (t-shirt)", "nickname", 0.64f),
            new AttributeSuggestion(117, "wrist-length", "length", 0.91f),
        ];
        AttributeSuggestion[] jeansAttributes = [new AttributeSuggestion(36, "jeans", "nickname", 0.58f)];
        var topSuggestion = new GarmentSuggestion(
            Mask(top),
            OverlayPng(top, SKColor.Parse("#00AABE")),
            "#00AABE",
            [
                new CategorySuggestion("Longsleeve", "Long-sleeve top", 1, "top, t-shirt, sweatshirt", 0.82f,
                    topAttributes),
                new CategorySuggestion("Shirt", "Shirt", 0, "shirt, blouse", 0.12f, []),
                new CategorySuggestion("Hoodie", "Hoodie", 1, "top, t-shirt, sweatshirt", 0.03f, []),
            ],
            topAttributes,
            [
                new ColourSuggestion("burgundy", "#800020", 0.71),
                new ColourSuggestion("white", "#FFFFFF", 0.21),
            ],
            "Burgundy long-sleeve top",
            "A burgundy long-sleeve top with wrist-length sleeves.");

        var jeansSuggestion = new GarmentSuggestion(
            Mask(jeans),
            OverlayPng(jeans, SKColor.Parse("#E65A14")),
            "#E65A14",
            [new CategorySuggestion("Pants", "Trousers", 6, "pants", 0.77f, jeansAttributes)],
            jeansAttributes,
            [new ColourSuggestion("grey", "#808080", 0.88)],
            "Grey jeans",
            "Grey jeans.");

        return new PhotoAnalysed(
            new CleanPhoto(Jpeg(new SKColor(128, 0, 32)), Width, Height),
            [topSuggestion, jeansSuggestion],
            new StageTimings(1, 2, 3, 4, 5, 6, 21));
    }
}
