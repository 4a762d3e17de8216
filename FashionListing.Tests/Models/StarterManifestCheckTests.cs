using System.Text.Json;
using System.Text.Json.Nodes;
using FashionListing.Inference.Models;
using FashionListing.Inference.Runtime;
using FashionListing.Tests.Runtime;

namespace FashionListing.Tests.Models;

public sealed class StarterManifestCheckTests
{
    private static readonly string s_starterFolder = Path.Combine(AppContext.BaseDirectory, "models", "starter");

    [Fact]
    public void CategoryInputSize_CommittedHead_IsTheSizeItsTrainingReportRecords()
    {
        using JsonDocument report = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(s_starterFolder, "category-report.json")));
        int trained = report.RootElement.GetProperty("Recipe").GetProperty("InputSize").GetInt32();

        int size = StarterManifestCheck.CategoryInputSize(Path.Combine(s_starterFolder, "category-head.onnx"));

        Assert.Equal(trained, size);
    }

    [Fact]
    public void Verify_CommittedStarterManifestAndRealBackbone_FindsNoDifference()
    {
        LoadedModelManifest manifest = ModelManifestLoader.Load(s_starterFolder);
        using ResNet18Backbone backbone = ResNet18BackboneTests.CreateBackbone();

        Exception? problem = Record.Exception(() => StarterManifestCheck.Verify(manifest, backbone));

        Assert.Null(problem);
    }

    [Fact]
    public void Verify_ManifestWithImageNetNormalisation_NamesEachDifferingField()
    {
        using ManifestFolder folder = new();
        File.Copy(Path.Combine(s_starterFolder, "category-head.onnx"), Path.Combine(folder.Path, "category-head.onnx"),
            overwrite: true);
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(s_starterFolder, "model.json")))!.AsObject();
        json["input"]!["channels"] = "RGB";
        json["input"]!["scale"] = 255;
        json["input"]!["mean"] = new JsonArray(0.485, 0.456, 0.406);
        json["input"]!["width"] = 224;
        folder.Write(json);
        LoadedModelManifest manifest = ModelManifestLoader.Load(folder.Path);
        using ResNet18Backbone backbone = ResNet18BackboneTests.CreateBackbone();

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => StarterManifestCheck.Verify(manifest, backbone));

        Assert.Equal(["input.width", "input.channels", "input.scale", "input.mean"],
            exception.Problems.Select(p => p.Field));
        Assert.Equal("is 224, but the starter's code uses 288 (the category head's recipe (288x288)); write 288.",
            exception.Problems[0].Problem);
        Assert.StartsWith("is [0.485, 0.456, 0.406], but the backbone uses [103.06", exception.Problems[3].Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MeanWithinRounding_IsAccepted()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.QueryManifest());
        LoadedModelManifest manifest = ModelManifestLoader.Load(folder.Path);
        ModelInputSpec actual = Copy(manifest.Input!);
        actual.Mean = [0.4851f, 0.4559f, 0.406f];

        Exception? problem = Record.Exception(() => StarterManifestCheck.Verify(manifest, actual, "the test"));

        Assert.Null(problem);
    }

    [Fact]
    public void Verify_StarterManifestWithoutInput_IsRejected()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.StarterManifest());
        LoadedModelManifest manifest = ModelManifestLoader.Load(folder.Path);

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => StarterManifestCheck.Verify(manifest, new ModelInputSpec(), "the test"));

        Assert.Equal("input", exception.Field);
    }

    private static ModelInputSpec Copy(ModelInputSpec spec) => new()
    {
        Name = spec.Name,
        Width = spec.Width,
        Height = spec.Height,
        Layout = spec.Layout,
        Resize = spec.Resize,
        PadValue = spec.PadValue,
        Channels = spec.Channels,
        Scale = spec.Scale,
        Mean = spec.Mean,
        Std = spec.Std,
    };
}
