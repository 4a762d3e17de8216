using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Tests.Runtime;
using FashionListing.Tests.Support;
using SkiaSharp;

namespace FashionListing.Tests.Segmentation;

public sealed class MaskHeadTests
{
    private static string CommittedHead =>
        Path.Combine(AppContext.BaseDirectory, "models", "starter", MaskHead.FileName);

    [Fact]
    public void Logits_StageProjectionPath_EqualsTheCellByCellPathUsedInTraining()
    {
        MaskHead head = MaskHead.Load(CommittedHead);
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto("00003aeb-ace5-43bf-9a0c-dc31a03e9cd2"));
        using ResNet18Backbone backbone = ResNet18BackboneTests.CreateBackbone();
        (int width, int height) = MaskHeadFeatures.InputSize(
            photo.Width, photo.Height, head.InputWidth, head.InputHeight);
        SKRectI whole = new(0, 0, photo.Width, photo.Height);
        BackboneFeatures features = backbone.Extract(photo, whole, width, height);
        using SKBitmap colours = MaskHeadFeatures.CellColours(photo, features.Stage2.Width, features.Stage2.Height);
        float[] expected = head.Logits(MaskHeadFeatures.Build(features, colours));

        float[] actual = head.Logits(features, colours);

        Assert.Equal(features.Stage2.Width * features.Stage2.Height, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= 1e-3f * (1 + Math.Abs(expected[i])),
                $"cell {i}: cell by cell {expected[i]}, projected {actual[i]}");
        }
    }

    [Fact]
    public void Save_ThenLoad_GivesTheSameLogits()
    {
        // A tiny head with 2 inputs and 2 hidden units, logits worked out by hand.
        MaskHead head = new(32, 32, 2, 2, [1, 0], [1, 0.5f], [1, 2, -1, 1], [0, 0.5f], [1, -2], 0.25f);
        string path = Path.Combine(Path.GetTempPath(), "mask-head-" + Guid.NewGuid().ToString("N") + ".bin");
        float[] cell = [3, 4];

        head.Save(path);
        MaskHead loaded = MaskHead.Load(path);
        File.Delete(path);

        // Standardised: (3 - 1) * 1 = 2, (4 - 0) * 0.5 = 2. Hidden: 1*2 + 2*2 + 0 = 6; -1*2 + 1*2 + 0.5 = 0.5.
        // Output: 0.25 + 1*6 - 2*0.5 = 5.25.
        Assert.Equal(5.25f, head.Logits(cell)[0], 5);
        Assert.Equal(5.25f, loaded.Logits(cell)[0], 5);
        Assert.Equal((32, 32, 2, 2), (loaded.InputWidth, loaded.InputHeight, loaded.Inputs, loaded.Hidden));
    }
}
