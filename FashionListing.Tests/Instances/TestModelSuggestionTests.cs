using System.Text.Json.Nodes;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tests.Support.TestModels;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Instances;

/// <summary>
/// The app runs Fashionpedia-style instance models of both layouts: the test models go through
/// <c>AddInference</c> and <see cref="IListingSuggester"/> like a real model, on real seller photos and on
/// synthetic photos of odd sizes, and every garment is checked against what the model's rules give when
/// applied at the photo's own size (<see cref="ExpectedInstance"/>).
/// </summary>
public sealed class TestModelSuggestionTests(TestModelApps apps) : IClassFixture<TestModelApps>
{
    private const double RealPhotoMinIoU = 0.9;
    private const int EdgeTolerancePixels = 2;

    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.LoadDefault();

    private static readonly string[] s_variants =
        ["QueryStretch", "QueryLetterbox", "DenseLetterbox", "DenseStretchAnchorsFirst"];

    // Seller photos whose garment is clearly red (or pink), blue (or turquoise) or dark on a floor, wall or
    // sheet that is none of these, in portrait, landscape and tall sizes; the last has two regions. Each
    // suits all four variants (ExpectedInstance.Problems).
    private static readonly string[] s_realPhotos =
    [
        "25841099-09a8-4bff-9f23-c223a5501e22", // red T-shirt on a grey carpet, 400x533
        "7fe3f9b7-ccee-4d88-a165-389762f3d77a", // magenta jacket on a beige blanket, 477x400
        "0f1bb8dd-1e6b-4266-bda1-c81646cfae75", // pink shirt on a hanger, 400x711
        "314125df-9112-48b9-9b5e-ad6c4130eee5", // turquoise shorts on a grey sheet, 533x400
        "39f48611-8f45-4c3d-956f-03490892aaa9", // turquoise T-shirt on a silver sheet, 400x598
        "34118cd8-2498-4965-b7cf-3b50d1d45e22", // teal dress against a white wall, 400x533
        "1c22dfec-9633-4d10-88f5-b6cad5b27dfc", // black dress on light tiles, 400x533
        "c557b459-1e9b-462e-b8fa-7926a2ede715", // navy shirt on a hanger, 400x711
        "ac99b83d-44de-45ad-9c82-df072f86793d", // turquoise polo shirt on a red blanket: two regions, 400x533
    ];

    public static TheoryData<string, string> RealPhotos()
    {
        TheoryData<string, string> data = [];
        foreach (string variant in s_variants)
        {
            foreach (string photo in s_realPhotos)
            {
                data.Add(variant, photo);
            }
        }

        return data;
    }

    public static TheoryData<string, int, int> SyntheticSizes()
    {
        TheoryData<string, int, int> data = [];
        foreach (string variant in s_variants)
        {
            data.Add(variant, 641, 427);
            data.Add(variant, 427, 641);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public async Task SuggestAsync_RealPhoto_OneGarmentPerColourRegionWithItsMask(string variantName, string image)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto(image));
        List<ExpectedInstance> expected = Expect(variant, file);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        List<(ExpectedInstance Expected, GarmentSuggestion Garment)> pairs = Match(expected, analysed);
        foreach ((ExpectedInstance instance, GarmentSuggestion garment) in pairs)
        {
            double iou = MaskMetrics.IoU(garment.Mask.Pixels, instance.Mask);
            Assert.True(
                iou >= RealPhotoMinIoU,
                $"{instance.Region} mask IoU against the rule at the photo's size is {iou:F3}; "
                + $"the limit is {RealPhotoMinIoU}");
        }
    }

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public async Task SuggestAsync_RealPhoto_CategoryAndAttributesFollowTheAreaRule(string variantName, string image)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto(image));
        List<ExpectedInstance> expected = Expect(variant, file);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        foreach ((ExpectedInstance instance, GarmentSuggestion garment) in Match(expected, analysed))
        {
            AssertCategoryAndAttributes(variant, instance, garment);
        }
    }

    [Theory]
    [MemberData(nameof(SyntheticSizes))]
    public async Task SuggestAsync_CrispShapesAtAnOddSize_MaskEdgesWithinTwoPixels(
        string variantName,
        int width,
        int height)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        byte[] file = SyntheticPhoto(width, height);
        List<ExpectedInstance> expected = Expect(variant, file);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        Assert.Equal(3, expected.Count(e => e.Present));
        foreach ((ExpectedInstance instance, GarmentSuggestion garment) in Match(expected, analysed))
        {
            (int stray, int x, int y) = StrayPixels(garment.Mask.Pixels, instance.Mask, width, height);
            Assert.True(
                stray == 0,
                $"{instance.Region}: {stray} mask pixels differ from the rule farther than "
                + $"{EdgeTolerancePixels} px from its edge, the first at ({x}, {y}) of {width}x{height}");
        }
    }

    [Theory]
    [MemberData(nameof(SyntheticSizes))]
    public async Task SuggestAsync_CrispShapesAtAnOddSize_CategoryAndAttributesFollowTheAreaRule(
        string variantName,
        int width,
        int height)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        byte[] file = SyntheticPhoto(width, height);
        List<ExpectedInstance> expected = Expect(variant, file);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        foreach ((ExpectedInstance instance, GarmentSuggestion garment) in Match(expected, analysed))
        {
            AssertCategoryAndAttributes(variant, instance, garment);
        }
    }

    [Theory]
    [InlineData("QueryStretch")]
    [InlineData("QueryLetterbox")]
    [InlineData("DenseLetterbox")]
    [InlineData("DenseStretchAnchorsFirst")]
    public async Task SuggestAsync_PhotoWithNoColourRegion_FindsNoGarment(string variantName)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        using SKBitmap grey = new(new SKImageInfo(500, 300, SKColorType.Rgba8888, SKAlphaType.Premul));
        grey.Erase(new SKColor(102, 102, 102));
        byte[] file = Png(grey);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        Assert.Empty(analysed.Garments);
        Assert.Equal((500, 300), (analysed.Photo.Width, analysed.Photo.Height));
    }

    [Theory]
    [InlineData("QueryStretch")]
    [InlineData("DenseLetterbox")]
    public async Task SuggestAsync_OnlyARedShape_TheDuplicateIsSuppressed(string variantName)
    {
        TestModelVariant variant = TestModelVariant.Named(variantName);
        using SKBitmap photo = new(new SKImageInfo(480, 360, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(photo))
        {
            canvas.Clear(new SKColor(102, 102, 102));
            using SKPaint paint = new() { Color = new SKColor(230, 102, 102), IsAntialias = false };
            canvas.DrawOval(new SKRect(60, 50, 400, 320), paint);
        }

        byte[] file = Png(photo);
        ExpectedInstance red = Expect(variant, file).Single(e => e.Present);

        PhotoAnalysed analysed = await SuggestAsync(variant, file);

        GarmentSuggestion garment = Assert.Single(analysed.Garments);
        Assert.Equal(ColourRegion.Red, red.Region);
        Assert.True(MaskMetrics.IoU(garment.Mask.Pixels, red.Mask) >= 0.97);
    }

    [Fact]
    public async Task SuggestAsync_ManifestListsCategoryIds_GarmentsCarryTheListedIdsAndTheirAttributes()
    {
        // Neighbouring outputs swap ids (output 0 is category 1, output 1 category 0, ...), so a category
        // read by output position instead of through the list is caught.
        int[] ids = Enumerable.Range(0, TestModelRules.CategoryCount).Select(c => c ^ 1).ToArray();
        TestModelVariant variant = TestModelVariant.QueryStretch;
        using TestModelFolder folder = variant.CreateFolder();
        string manifestPath = Path.Combine(folder.Path, ModelManifest.FileName);
        JsonObject manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        manifest["categories"] = new JsonArray([.. ids.Select(id => (JsonNode?)id)]);
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
        using ServiceProvider services = TestModelApps.Services(folder.Path);
        byte[] file = SyntheticPhoto(641, 427);
        List<ExpectedInstance> expected = Expect(variant, file);

        SuggestionOutcome outcome = await services.GetRequiredService<IListingSuggester>()
            .SuggestAsync(file, CancellationToken.None);

        PhotoAnalysed analysed = Assert.IsType<PhotoAnalysed>(outcome);
        foreach ((ExpectedInstance instance, GarmentSuggestion garment) in Match(expected, analysed))
        {
            AssertCategoryAndAttributes(variant, instance, garment, ids[instance.CategoryIndex]);
        }
    }

    private async Task<PhotoAnalysed> SuggestAsync(TestModelVariant variant, byte[] file)
    {
        SuggestionOutcome outcome = await apps.Suggester(variant).SuggestAsync(file, CancellationToken.None);

        return Assert.IsType<PhotoAnalysed>(outcome);
    }

    /// <summary>
    /// The expected instances of a photo that the model should report, after checking that the photo
    /// suits the test (<see cref="ExpectedInstance.Problems"/>).
    /// </summary>
    private static List<ExpectedInstance> Expect(TestModelVariant variant, byte[] file)
    {
        using SKBitmap photo = SKBitmap.Decode(file);
        IReadOnlyList<ExpectedInstance> instances = ExpectedInstance.For(variant, photo);
        IReadOnlyList<string> problems = ExpectedInstance.Problems(instances);
        Assert.True(problems.Count == 0, $"The photo does not suit {variant}: " + string.Join("; ", problems));

        return instances.Where(i => i.Present).ToList();
    }

    /// <summary>
    /// Pairs every expected instance with the garment whose mask matches it best, after checking that the
    /// app found exactly as many garments, each at the photo's own size.
    /// </summary>
    private static List<(ExpectedInstance Expected, GarmentSuggestion Garment)> Match(
        List<ExpectedInstance> expected,
        PhotoAnalysed analysed)
    {
        Assert.Equal(expected.Count, analysed.Garments.Count);
        List<(ExpectedInstance Expected, GarmentSuggestion Garment)> pairs = [];
        HashSet<GarmentSuggestion> used = [];
        foreach (ExpectedInstance instance in expected)
        {
            GarmentSuggestion garment = analysed.Garments
                .Where(g => !used.Contains(g))
                .MaxBy(g => MaskMetrics.IoU(g.Mask.Pixels, instance.Mask))!;
            Assert.Equal((instance.Width, instance.Height), (garment.Mask.Width, garment.Mask.Height));
            Assert.Equal((instance.Width, instance.Height), (analysed.Photo.Width, analysed.Photo.Height));
            used.Add(garment);
            pairs.Add((instance, garment));
        }

        return pairs;
    }

    /// <summary>
    /// Checks the garment's top category and its attributes. Without a "categories" list in the manifest
    /// output c is category c; the manifests never list attributes, so attribute output j is the
    /// taxonomy's j-th attribute in id order.
    /// </summary>
    private static void AssertCategoryAndAttributes(
        TestModelVariant variant,
        ExpectedInstance instance,
        GarmentSuggestion garment,
        int? categoryId = null)
    {
        FashionpediaCategory category = s_taxonomy.GetCategory(categoryId ?? instance.CategoryIndex);
        Assert.Equal(category.Id, garment.Categories[0].FashionpediaCategoryId);
        Assert.Equal(category.Name, garment.Categories[0].FashionpediaCategoryName);

        int[] expected = variant.HasAttributes
            ? instance.AttributeIndices
                .Select(j => s_taxonomy.Attributes[j])
                .Where(a => s_taxonomy.Describes(a, category))
                .Select(a => a.Id)
                .Order()
                .ToArray()
            : [];
        Assert.Equal(expected, garment.Attributes.Select(a => a.AttributeId).Order().ToArray());
        Assert.All(garment.Attributes, a => Assert.InRange(a.Score, 0.5f, 1f));
    }

    /// <summary>
    /// Counts pixels where the masks differ although the reference is the same all around them within
    /// <see cref="EdgeTolerancePixels"/>: errors that are not a slightly shifted edge.
    /// </summary>
    private static (int Count, int X, int Y) StrayPixels(byte[] actual, byte[] reference, int width, int height)
    {
        int count = 0;
        (int x, int y) first = (-1, -1);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = (y * width) + x;
                if (actual[i] == reference[i] || NearEdge(reference, width, height, x, y))
                {
                    continue;
                }

                count++;
                if (count == 1)
                {
                    first = (x, y);
                }
            }
        }

        return (count, first.x, first.y);
    }

    private static bool NearEdge(byte[] reference, int width, int height, int x, int y)
    {
        byte own = reference[(y * width) + x];
        for (int dy = -EdgeTolerancePixels; dy <= EdgeTolerancePixels; dy++)
        {
            for (int dx = -EdgeTolerancePixels; dx <= EdgeTolerancePixels; dx++)
            {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < width && ny < height && reference[(ny * width) + nx] != own)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A red, a blue and a black ellipse on mid grey, drawn without anti-aliasing. The colours are chosen
    /// so that each rule's value is as far above zero inside the shape as below it on the grey, so a
    /// correctly resized mask has its edge where the shape's is. The black ellipse reaches past the right
    /// and top edges of the dense model's partial box (the top one not in a letterboxed landscape photo,
    /// whose padding lies there). Sizes and places are chosen so that every area lies clear of the
    /// model's switching points under all four variants.
    /// </summary>
    private static byte[] SyntheticPhoto(int width, int height)
    {
        using SKBitmap photo = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(photo))
        {
            canvas.Clear(new SKColor(102, 102, 102));
            using SKPaint paint = new() { IsAntialias = false };
            bool landscape = width > height;
            paint.Color = new SKColor(230, 102, 102);
            canvas.DrawOval(landscape ? Ellipse(150, 310, 118, 88) : Ellipse(110, 450, 88, 118), paint);
            paint.Color = new SKColor(77, 102, 153);
            canvas.DrawOval(landscape ? Ellipse(490, 310, 118, 88) : Ellipse(317, 450, 88, 118), paint);
            paint.Color = SKColors.Black;
            canvas.DrawOval(landscape ? Ellipse(360, 90, 200, 80) : Ellipse(290, 160, 120, 140), paint);
        }

        return Png(photo);
    }

    private static SKRect Ellipse(float cx, float cy, float rx, float ry) => new(cx - rx, cy - ry, cx + rx, cy + ry);

    private static byte[] Png(SKBitmap bitmap)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        return data.ToArray();
    }
}
