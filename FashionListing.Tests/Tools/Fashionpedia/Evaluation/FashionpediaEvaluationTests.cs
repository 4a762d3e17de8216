using System.Text.Json;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Pipeline;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

/// <summary>fashionpedia-eval end to end, with the starter model, on a photo of shared/fashionpedia.</summary>
public sealed class FashionpediaEvaluationTests : IClassFixture<StarterListingSuggesterTests.Model>, IDisposable
{
    private const string Image = "000000009813";

    private readonly IListingSuggester _suggester;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fpeval-" + Guid.NewGuid().ToString("N"));

    public FashionpediaEvaluationTests(StarterListingSuggesterTests.Model model)
    {
        _suggester = model.Suggester;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_TruthIsThePipelinesOwnGarment_ScoresPerfectly()
    {
        // The truth is what the same pipeline offers for the photo, written to train.csv as Kaggle RLE:
        // the command must read it back, run the pipeline again and find every measure at its best.
        string images = Path.Combine(SharedData.Fashionpedia, "images");
        byte[] photo = await File.ReadAllBytesAsync(Path.Combine(images, Image + ".jpg"));
        SuggestionOutcome outcome = await _suggester.SuggestAsync(photo, CancellationToken.None);
        PhotoAnalysed analysed = Assert.IsType<PhotoAnalysed>(outcome);
        GarmentSuggestion garment = Assert.Single(analysed.Garments);
        (int width, int height) = (garment.Mask.Width, garment.Mask.Height);
        FashionpediaInstance truth = new(
            garment.Categories[0].FashionpediaCategoryId,
            [.. garment.Attributes.Select(a => a.AttributeId)],
            KaggleRle.Encode(garment.Mask.Pixels, height, width));
        string csv = Path.Combine(_folder, "train.csv");
        KaggleTrainCsv.Write(csv, [new FashionpediaSample(Image, height, width, [truth])]);
        string output = Path.Combine(_folder, "report");

        int exit = FashionpediaEvaluation.Run(
            ["--csv", csv, "--images", images, "--split", "all", "--out", output, "--parallel", "1"]);

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(output, FashionpediaEvaluationReport.JsonFile)));
        JsonElement root = report.RootElement;
        Assert.Equal(1, root.GetProperty("Photos").GetInt32());
        Assert.Equal(1.0, root.GetProperty("AveragePrecision").GetProperty("MaskAp").GetDouble());
        Assert.Equal(1.0, root.GetProperty("AveragePrecision").GetProperty("MaskAttributeAp").GetDouble());
        Assert.Equal(1.0, root.GetProperty("Matching").GetProperty("MeanIoU").GetDouble());
        Assert.Equal(1.0, root.GetProperty("Matching").GetProperty("AttributeDice").GetDouble());
        Assert.True(File.Exists(Path.Combine(output, FashionpediaEvaluationReport.PlotFile)));
    }

    [Fact]
    public void Run_TruthElsewhereInThePhoto_FindsNoTruePositive()
    {
        // A 10x10 square in the top-left corner: the starter model's garment mask is the photo's centre.
        const int width = 618;
        const int height = 1000;
        byte[] square = new byte[width * height];
        for (int y = 0; y < 10; y++)
        {
            square.AsSpan(y * width, 10).Fill(1);
        }

        string csv = Path.Combine(_folder, "train.csv");
        FashionpediaInstance truth = new(1, [], KaggleRle.Encode(square, height, width));
        KaggleTrainCsv.Write(csv, [new FashionpediaSample(Image, height, width, [truth])]);
        string output = Path.Combine(_folder, "report");

        FashionpediaEvaluation.Run(
            ["--csv", csv, "--images", Path.Combine(SharedData.Fashionpedia, "images"), "--split", "all",
                "--out", output]);

        using JsonDocument report = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(output, FashionpediaEvaluationReport.JsonFile)));
        JsonElement categories = report.RootElement.GetProperty("AveragePrecision").GetProperty("Categories");
        JsonElement category = Assert.Single(categories.EnumerateArray());
        Assert.Equal(1, category.GetProperty("CategoryId").GetInt32());
        Assert.Equal(0.0, category.GetProperty("MaskAp").GetDouble());
    }
}
