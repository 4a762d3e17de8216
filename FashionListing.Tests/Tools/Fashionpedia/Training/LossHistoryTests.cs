using FashionListing.Tools.Fashionpedia.Training;
using SkiaSharp;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class LossHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loss-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteCsv_TwoEpochs_WritesOneLinePerEpochWithItsValues()
    {
        EpochLosses[] history =
        [
            new(0, new(3.5, 2.5, 1.0, 1.0, 1.0), new(3.75, 2.75, 1.0, 1.0, 1.0), 0.25, 0.5),
            new(1, new(3.0, 2.0, 0.75, 0.5, 2.0), new(3.25, 2.25, 0.875, 0.5, 2.0), 0.5, 0.25),
        ];
        string path = Path.Combine(_folder, "history.csv");

        LossHistory.WriteCsv(path, history);

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(LossHistory.CsvHeader, lines[0]);
        Assert.Equal("1,3,2,0.75,3.25,2.25,0.875,0.5,2,0.5,0.250", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void SavePlot_ThreeEpochs_WritesAPng()
    {
        EpochLosses[] history =
        [
            .. Enumerable.Range(0, 3).Select(e =>
                new EpochLosses(e, new(3 - e, 2 - e, 1, 1, 1), new(3.5 - e, 2.5 - e, 1, 1, 1 + e), 0.5, 1)),
        ];
        string path = Path.Combine(_folder, "history.png");

        LossHistory.SavePlot(path, history);

        using SKBitmap png = SKBitmap.Decode(path);
        Assert.Equal(1000, png.Width);
        Assert.Equal(750, png.Height);
    }
}
