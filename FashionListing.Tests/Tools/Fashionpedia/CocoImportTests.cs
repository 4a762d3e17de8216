using System.Text.Json;
using System.Text.Json.Nodes;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class CocoImportTests : IDisposable
{
    private static readonly string s_coco = Path.Combine(SharedData.Fashionpedia, "sample.json");
    private static readonly string s_images = Path.Combine(SharedData.Fashionpedia, "images");
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.Load(
        Path.Combine(SharedData.Fashionpedia, FashionpediaTaxonomy.FileName));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Convert_SampleJson_SixObjectsOnEachOfTheTwoPhotos()
    {
        CocoImportResult result = CocoImport.Convert(s_coco, s_images, s_taxonomy);

        Assert.Equal(["000000009813", "000000010223"], result.Samples.Select(s => s.ImageId));
        Assert.Equal([6, 6], result.Samples.Select(s => s.Instances.Count));
        Assert.Equal((1000, 618), (result.Samples[0].Height, result.Samples[0].Width));
        Assert.Equal((1478, 1000), (result.Samples[1].Height, result.Samples[1].Width));
    }

    [Fact]
    public void Convert_SampleJson_EveryMaskAreaIsWithinOnePercentOfTheFilesArea()
    {
        Dictionary<long, double> areas = ReadAreas();

        CocoImportResult result = CocoImport.Convert(s_coco, s_images, s_taxonomy);

        Assert.Equal(12, result.Instances.Count);
        Assert.All(result.Instances, i => Assert.InRange(i.MaskArea / areas[i.AnnotationId], 0.99, 1.01));
        Assert.All(result.Samples, s => Assert.Equal(
            result.Instances.Where(i => i.ImageId == s.ImageId).Select(i => i.MaskArea),
            s.Instances.Select(i => (long)i.DecodeMask(s.Height, s.Width).Count(v => v == 1))));
    }

    [Fact]
    public void Convert_DressOfTheFirstPhoto_AreaWithinHalfAPercentOfSampleJson()
    {
        // Annotation 18 is the dress of photo 9813; sample.json gives its area as 118902.
        CocoImportResult result = CocoImport.Convert(s_coco, s_images, s_taxonomy);

        ImportedInstance dress = Assert.Single(result.Instances, i => i.AnnotationId == 18);
        Assert.Equal("dress", dress.Category);
        Assert.InRange(dress.MaskArea, 118902 * 0.995, 118902 * 1.005);
    }

    [Fact]
    public void Convert_DraftIds_AreMappedByNameAndUnmatchedNamesReported()
    {
        // Draft category 24 "shoe" is final 23, 32 "sleeve" is 31, 10 "dress" stays 10. The dress's draft
        // attributes knee (length), wrist-length, symmetrical, fit and flare, circle, gauze, empire waistline are
        // final 151, 160, 115, 119, 117, (no "gauze"), 139.
        CocoImportResult result = CocoImport.Convert(s_coco, s_images, s_taxonomy);

        FashionpediaSample first = result.Samples[0];
        Assert.Equal([23, 23, 10, 31, 31, 33], first.Instances.Select(i => i.ClassId));
        Assert.Equal([151, 160, 115, 119, 117, 139], first.Instances[2].AttributeIds);
        Assert.Equal(new Dictionary<string, int> { ["gauze"] = 1 }, result.DroppedAttributes);
        Assert.Equal(new Dictionary<string, int> { ["earmuffs"] = 0, ["garment belt"] = 0 },
            result.DroppedCategories);
    }

    [Fact]
    public void Import_SampleJson_WritesATrainCsvThatReadsBackWithPhotosAndReport()
    {
        CocoImportResult result = CocoImport.Import(s_coco, s_images, s_taxonomy, "taxonomy.json", _folder.Path);

        IReadOnlyList<FashionpediaSample> read = KaggleTrainCsv.Read(_folder.File("train.csv"), s_taxonomy);
        Assert.Equal(result.Samples, read);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "images", "000000010223.jpg")));
        Assert.Contains("\"gauze\" (1)", File.ReadAllText(_folder.File(CocoImport.ReportFileName)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TwiceIntoTheSameFolder_OverwritesItsCopies()
    {
        CocoImport.Import(s_coco, s_images, s_taxonomy, "taxonomy.json", _folder.Path);

        CocoImport.Import(s_coco, s_images, s_taxonomy, "taxonomy.json", _folder.Path);

        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder.Path, "images")).Length);
    }

    [Fact]
    public void Convert_PhotoSizeDiffersFromTheFile_ThrowsNamingBothSizes()
    {
        string text = File.ReadAllText(s_coco).Replace("\"width\": 618", "\"width\": 600", StringComparison.Ordinal);
        Assert.Contains("\"width\": 600", text, StringComparison.Ordinal);
        string coco = _folder.WriteText("coco.json", text);

        InvalidDataException error = Assert.Throws<InvalidDataException>(
            () => CocoImport.Convert(coco, s_images, s_taxonomy));

        Assert.Contains("as 600 x 1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("file is 618 x 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_AnnotationWithATwoPointPolygon_KeepsTheObjectAndListsThePolygon()
    {
        JsonNode coco = JsonNode.Parse(File.ReadAllText(s_coco))!;
        coco["annotations"]![0]!["segmentation"]!.AsArray().Add(new JsonArray(1.0, 1.0, 2.0, 2.0));
        string path = _folder.WriteText("coco.json", coco.ToJsonString());
        CocoImportResult original = CocoImport.Convert(s_coco, s_images, s_taxonomy);

        CocoImportResult result = CocoImport.Convert(path, s_images, s_taxonomy);

        Assert.Equal(12, result.Instances.Count);
        Assert.Equal(original.Samples, result.Samples);
        string skipped = Assert.Single(result.SkippedAnnotations);
        Assert.Contains("annotation 16 of 000000009813: 1 polygon(s) of fewer than three points", skipped,
            StringComparison.Ordinal);
    }

    private static Dictionary<long, double> ReadAreas()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(s_coco));

        return document.RootElement.GetProperty("annotations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetInt64(), a => a.GetProperty("area").GetDouble());
    }
}
