using System.Text.Json.Nodes;
using FashionListing.Inference;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support.TestModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Pipeline;

public sealed class InstanceListingSuggesterTests
{
    private const int Side = 128;

    private static ServiceProvider Services(string modelFolder)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inference:ModelFolder"] = modelFolder,
                ["Inference:ExecutionProvider"] = "Cpu",
            })
            .Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddInference(configuration);

        return services.BuildServiceProvider();
    }

    // A 641x427 photo: a red block on the left and a blue disc on the right, on a light grey floor.
    private static byte[] RedAndBluePhoto()
    {
        using SKBitmap bitmap = new(new SKImageInfo(641, 427, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(bitmap))
        {
            canvas.Clear(new SKColor(200, 200, 195));
            using SKPaint red = new() { Color = new SKColor(210, 30, 40) };
            using SKPaint blue = new() { Color = new SKColor(30, 50, 200), IsAntialias = true };
            canvas.DrawRect(new SKRect(40, 60, 300, 380), red);
            canvas.DrawCircle(470, 210, 120, blue);
        }

        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        return png.ToArray();
    }

    private static void EditManifest(string folder, Action<JsonObject> edit)
    {
        string path = Path.Combine(folder, ModelManifest.FileName);
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    [Fact]
    public async Task SuggestAsync_EightAtOnceOnOneSession_EachEqualsTheAnalysisAlone()
    {
        using TestModelFolder folder = TestModelFolder.Query(Side, ResizeMode.Letterbox);
        using ServiceProvider services = Services(folder.Path);
        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        byte[] photo = RedAndBluePhoto();
        PhotoAnalysed alone = Assert.IsType<PhotoAnalysed>(await suggester.SuggestAsync(photo, CancellationToken.None));

        SuggestionOutcome[] together = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => suggester.SuggestAsync(photo, CancellationToken.None)));

        Assert.IsType<InstanceListingSuggester>(suggester);
        Assert.Equal(2, alone.Garments.Count);
        foreach (SuggestionOutcome outcome in together)
        {
            PhotoAnalysed analysed = Assert.IsType<PhotoAnalysed>(outcome);
            Assert.Equal(alone.Garments.Count, analysed.Garments.Count);
            for (int i = 0; i < alone.Garments.Count; i++)
            {
                Assert.Equal(alone.Garments[i].Mask.Pixels, analysed.Garments[i].Mask.Pixels);
                Assert.Equal(alone.Garments[i].Categories.Select(c => (c.FashionpediaCategoryId, c.Probability)),
                    analysed.Garments[i].Categories.Select(c => (c.FashionpediaCategoryId, c.Probability)));
            }
        }
    }

    [Fact]
    public void WarmUpInference_QueryModel_LoadsTheSessionAndRunsWithoutError()
    {
        using TestModelFolder folder = TestModelFolder.Query(Side, ResizeMode.Stretch);
        using ServiceProvider services = Services(folder.Path);

        services.WarmUpInference();

        Assert.IsType<InstanceListingSuggester>(services.GetRequiredService<IListingSuggester>());
    }

    [Fact]
    public void Resolve_OutputNameNotInTheGraph_FailsNamingTheFieldAndTheGraphsOutputs()
    {
        using TestModelFolder folder = TestModelFolder.Query(Side, ResizeMode.Stretch);
        EditManifest(folder.Path, m => m["outputs"]!["maskLogits"] = "masks");
        using ServiceProvider services = Services(folder.Path);

        ModelManifestException error = Assert.Throws<ModelManifestException>(
            () => services.GetRequiredService<IListingSuggester>());

        Assert.Equal("outputs.maskLogits", error.Field);
        Assert.Contains("\"masks\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(QueryTestModel.MaskOutput, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ManifestListsFewerCategoriesThanTheGraph_FailsWithTheSizeExpected()
    {
        using TestModelFolder folder = TestModelFolder.Query(Side, ResizeMode.Stretch);
        EditManifest(folder.Path, m => m["categories"] = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode?)i)]));
        using ServiceProvider services = Services(folder.Path);

        ModelManifestException error = Assert.Throws<ModelManifestException>(
            () => services.GetRequiredService<IListingSuggester>());

        Assert.Equal("outputs.categoryLogits", error.Field);
        Assert.Contains("last dimension must be 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InputSizeDiffersFromTheGraph_FailsNamingTheInput()
    {
        using TestModelFolder folder = TestModelFolder.Query(Side, ResizeMode.Stretch);
        EditManifest(folder.Path, m => m["input"]!["width"] = Side * 2);
        using ServiceProvider services = Services(folder.Path);

        ModelManifestException error = Assert.Throws<ModelManifestException>(
            () => services.GetRequiredService<IListingSuggester>());

        Assert.Equal("input", error.Field);
        Assert.Contains($"[1, 3, {Side}, {Side}]", error.Message, StringComparison.Ordinal);
    }
}
