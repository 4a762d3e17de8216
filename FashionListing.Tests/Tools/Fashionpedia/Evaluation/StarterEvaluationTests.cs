using System.Text.Json;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Tests.Pipeline;
using FashionListing.Tests.Segmentation;
using FashionListing.Tests.Support;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

/// <summary>starter-eval end to end on a few photos of shared/clothing-dataset.</summary>
public sealed class StarterEvaluationTests : IClassFixture<StarterListingSuggesterTests.Model>, IDisposable
{
    // The sender split the committed category head was trained on (models/starter/category-report.json).
    private const int HeadSplitSeed = 20261204;

    private readonly IListingSuggester _suggester;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "starter-eval-" + Guid.NewGuid().ToString("N"));

    public StarterEvaluationTests(StarterListingSuggesterTests.Model model)
    {
        _suggester = model.Suggester;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_ThreePhotosEach_ReportsWhatThePipelineOffersForThem()
    {
        // The same photos analysed here, one at a time: the first three test-sender photos and the first
        // three reference masks by name.
        IReadOnlyList<LabelledPhoto> photos = ClothingDataset.ReadGarmentPhotos(
            Path.Combine(SharedData.ClothingDataset, "images.csv"));
        LabelledPhoto[] test = [.. SenderSplit.Partition(photos, HeadSplitSeed)[DataSplit.Test].Take(3)];
        int hits = 0;
        foreach (LabelledPhoto photo in test)
        {
            GarmentSuggestion garment = Assert.Single((await AnalyseAsync(photo.Image)).Garments);
            hits += garment.Categories[0].Label == photo.Label ? 1 : 0;
        }

        string[] references = [.. Directory.GetFiles(Path.Combine(SharedData.ClothingDataset, "masks"), "*.png")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).Take(3)];
        double iouSum = 0;
        foreach (string image in references)
        {
            GarmentMask mask = Assert.Single((await AnalyseAsync(image)).Garments).Mask;
            byte[] reference = HeadGarmentSegmenterTests.ReadReference(
                SharedData.ReferenceMask(image), mask.Width, mask.Height);
            iouSum += MaskMetrics.IoU(mask.Pixels, reference);
        }

        int exit = StarterEvaluation.Run(
            ["--data", SharedData.ClothingDataset, "--limit", "3", "--out", _folder, "--parallel", "2"]);

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(_folder, StarterEvaluationReport.JsonFile)));
        JsonElement root = report.RootElement;
        Assert.Equal(HeadSplitSeed, root.GetProperty("SplitSeed").GetInt32());
        Assert.Equal(3, root.GetProperty("Test").GetProperty("Count").GetInt32());
        Assert.Equal(hits / 3.0, root.GetProperty("Test").GetProperty("Top1").GetDouble(), 12);
        Assert.Equal(iouSum / 3, root.GetProperty("Masks").GetProperty("Mean").GetDouble(), 12);
        Assert.True(File.Exists(Path.Combine(_folder, StarterEvaluationReport.ConfusionFile)));
    }

    private async Task<PhotoAnalysed> AnalyseAsync(string image)
    {
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto(image));

        return Assert.IsType<PhotoAnalysed>(await _suggester.SuggestAsync(file, CancellationToken.None));
    }
}
