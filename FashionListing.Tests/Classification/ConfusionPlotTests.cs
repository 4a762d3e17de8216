using FashionListing.Tools.Classification;
using SkiaSharp;

namespace FashionListing.Tests.Classification;

public sealed class ConfusionPlotTests
{
    [Fact]
    public void Save_SmallMatrix_WritesADecodablePngOfTheChosenSize()
    {
        string path = Path.Combine(Path.GetTempPath(), "confusion-" + Guid.NewGuid().ToString("N") + ".png");
        int[][] confusion = [[5, 1, 0], [0, 3, 2], [1, 0, 4]];

        try
        {
            ConfusionPlot.Save(path, ["Hat", "Pants", "Shoes"], confusion);

            using SKBitmap image = SKBitmap.Decode(path);
            Assert.Equal((1100, 1000), (image.Width, image.Height));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
