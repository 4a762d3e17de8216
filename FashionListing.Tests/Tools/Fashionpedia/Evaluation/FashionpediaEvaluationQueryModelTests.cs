using System.Text.Json;
using FashionListing.Inference;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support.TestModels;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

/// <summary>fashionpedia-eval with a query-layout test model picked by --model-folder: two garments.</summary>
public sealed class FashionpediaEvaluationQueryModelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fpeval-query-" + Guid.NewGuid().ToString("N"));

    public FashionpediaEvaluationQueryModelTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_TwoGarmentsOneWithAnotherCategory_ScoresEachCategoryAsBuilt()
    {
        // The truths are the model's own two garments, but the second is annotated with a third category X.
        // Category of garment 1: AP 1. X: a truth never predicted, AP 0. Category of garment 2: predicted
        // without truth, left out. Matching pairs both garments with IoU 1, one of two categories right.
        using TestModelFolder model = TestModelFolder.Query(128, ResizeMode.Letterbox);
        string photoPath = Path.Combine(_folder, "outfit.png");
        await File.WriteAllBytesAsync(photoPath, OutfitPhoto());
        IReadOnlyList<GarmentSuggestion> garments = await GarmentsAsync(model.Path, photoPath);
        Assert.Equal(2, garments.Count);
        int first = garments[0].Categories[0].FashionpediaCategoryId;
        int second = garments[1].Categories[0].FashionpediaCategoryId;
        Assert.NotEqual(first, second);
        int other = Enumerable.Range(0, 46).First(c => c != first && c != second);
        FashionpediaInstance[] truths =
        [
            Truth(garments[0], first),
            Truth(garments[1], other),
        ];
        string csv = Path.Combine(_folder, "train.csv");
        KaggleTrainCsv.Write(csv, [new FashionpediaSample("outfit", 320, 480, truths)]);
        string output = Path.Combine(_folder, "report");

        int exit = FashionpediaEvaluation.Run(
            ["--csv", csv, "--images", _folder, "--split", "all", "--model-folder", model.Path, "--out", output]);

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(output, FashionpediaEvaluationReport.JsonFile)));
        JsonElement ap = report.RootElement.GetProperty("AveragePrecision");
        Assert.Equal(
            [(first, 1.0), (other, 0.0)],
            ap.GetProperty("Categories").EnumerateArray()
                .Select(c => (c.GetProperty("CategoryId").GetInt32(), c.GetProperty("MaskAp").GetDouble()))
                .OrderBy(c => c.Item1 == first ? 0 : 1));
        Assert.Equal([second], ap.GetProperty("ExcludedCategories").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.5, ap.GetProperty("MaskAp").GetDouble());
        JsonElement matching = report.RootElement.GetProperty("Matching");
        Assert.Equal(1.0, matching.GetProperty("MeanIoU").GetDouble());
        Assert.Equal(0.5, matching.GetProperty("CategoryAccuracy").GetDouble());
    }

    private static FashionpediaInstance Truth(GarmentSuggestion garment, int category) => new(
        category,
        [.. garment.Attributes.Select(a => a.AttributeId)],
        KaggleRle.Encode(garment.Mask.Pixels, garment.Mask.Height, garment.Mask.Width));

    private static async Task<IReadOnlyList<GarmentSuggestion>> GarmentsAsync(string modelFolder, string photoPath)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inference:ModelFolder"] = modelFolder,
                ["Inference:ExecutionProvider"] = "Cpu",
            })
            .Build();
        ServiceCollection collection = new();
        collection.AddLogging();
        collection.AddInference(configuration);
        await using ServiceProvider services = collection.BuildServiceProvider();
        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        byte[] photo = await File.ReadAllBytesAsync(photoPath);

        return Assert.IsType<PhotoAnalysed>(await suggester.SuggestAsync(photo, CancellationToken.None)).Garments;
    }

    // A red block on the left and a blue disc on the right of a light grey 480x320 photo: the query test model
    // finds each with its own query, and gives each a category from its area (about 0.47 and 0.18 of the photo)
    // and colour, so the two differ.
    private static byte[] OutfitPhoto()
    {
        using SKBitmap bitmap = new(new SKImageInfo(480, 320, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(bitmap))
        {
            canvas.Clear(new SKColor(205, 205, 200));
            using SKPaint red = new() { Color = new SKColor(215, 25, 35) };
            using SKPaint blue = new() { Color = new SKColor(25, 45, 205) };
            canvas.DrawRect(new SKRect(20, 10, 260, 310), red);
            canvas.DrawCircle(370, 160, 95, blue);
        }

        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        return png.ToArray();
    }
}
